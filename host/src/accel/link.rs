//! The transport seam between [`super::FpgaNtt`] and an accelerator.

use std::collections::VecDeque;

use polyhe_fpga::device::Device;

/// What kind of failure a link error is, so the driver can react without
/// knowing the transport (the `embedded-hal` `ErrorKind` pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LinkErrorKind {
    /// No (complete) answer in time.
    Timeout,
    /// The transport itself failed (port gone, bus error).
    Io,
    /// Bytes arrived that are not a frame (the transport's own framing).
    Protocol,
    /// Anything else.
    Other,
}

/// An error of a [`Link`].
pub trait LinkError: std::error::Error + Send + Sync + 'static {
    /// Its kind.
    fn kind(&self) -> LinkErrorKind;
}

/// A byte-frame transport to an accelerator: one request frame out, one
/// response frame back ([`polyhe_core::accel::protocol`] frames, whole).
///
/// Implementations handle timing (a serial link times out), not content:
/// the driver checks CRC, sequence numbers and status.
pub trait Link {
    /// The transport's error.
    type Error: LinkError;

    /// Short engine name for [`polyhe_core::ntt::EngineCapabilities`]
    /// (`"fpga-sim"`, `"fpga"`).
    fn name(&self) -> &'static str;

    /// Sends one request frame.
    fn send(&mut self, frame: &[u8]) -> Result<(), Self::Error>;

    /// Receives one response frame into `frame` (replacing its contents).
    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), Self::Error>;

    /// Drops whatever was received but not yet read, to resynchronise after
    /// an error (a late answer to a timed-out request).
    fn discard_input(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

impl<T: Link + ?Sized> Link for &mut T {
    type Error = T::Error;

    fn name(&self) -> &'static str {
        (**self).name()
    }

    fn send(&mut self, frame: &[u8]) -> Result<(), Self::Error> {
        (**self).send(frame)
    }

    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), Self::Error> {
        (**self).receive(frame)
    }

    fn discard_input(&mut self) -> Result<(), Self::Error> {
        (**self).discard_input()
    }
}

/// Errors of [`SimLink`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimLinkError {
    /// `receive` without a request to answer (the simulated device answers
    /// every request at once, so this is a driver bug or a dropped frame).
    #[error("no response pending from the simulated accelerator")]
    NoResponse,
}

impl LinkError for SimLinkError {
    fn kind(&self) -> LinkErrorKind {
        LinkErrorKind::Timeout
    }
}

/// The accelerator simulated in process: requests go to the rust-hdl
/// model of the core through the device's frame interpreter
/// ([`polyhe_fpga::device::Device`]), bit for bit what a board would
/// answer, only slower.
pub struct SimLink {
    device: Device,
    pending: VecDeque<Vec<u8>>,
}

impl SimLink {
    /// A link to a freshly reset simulated one-lane device.
    pub fn new() -> Self {
        Self { device: Device::new(), pending: VecDeque::new() }
    }

    /// A link to a simulated device with `lanes` butterfly lanes (1, 2
    /// or 4).
    pub fn with_lanes(lanes: u8) -> Result<Self, polyhe_fpga::device::LaneCountError> {
        Ok(Self { device: Device::with_lanes(lanes)?, pending: VecDeque::new() })
    }

    /// The simulated device (cycle counts).
    pub fn device(&self) -> &Device {
        &self.device
    }
}

impl Default for SimLink {
    fn default() -> Self {
        Self::new()
    }
}

impl Link for SimLink {
    type Error = SimLinkError;

    fn name(&self) -> &'static str {
        "fpga-sim"
    }

    fn send(&mut self, frame: &[u8]) -> Result<(), SimLinkError> {
        let response = self.device.handle_to_vec(frame);
        self.pending.push_back(response);
        Ok(())
    }

    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), SimLinkError> {
        *frame = self.pending.pop_front().ok_or(SimLinkError::NoResponse)?;
        Ok(())
    }

    fn discard_input(&mut self) -> Result<(), SimLinkError> {
        self.pending.clear();
        Ok(())
    }
}
