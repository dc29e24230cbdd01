//! [`SerialLink`]: the accelerator on a board behind a serial port (UART),
//! the transport of `--engine fpga:<port>`.
//!
//! The protocol's frames are self-delimiting (sync byte, length in the
//! header, CRC trailer; [`polyhe_core::accel::protocol`]), so the link adds
//! no framing of its own: it writes request frames as they are and reads a
//! response by hunting for the response sync byte, reading the header, then
//! the rest of the frame the header announces. Content (CRC, sequence
//! number, status) is the driver's business.
//!
//! The port is opened lazily and reopened after an I/O error, so a board
//! plugged in late, or reset, is picked up by the next operation; until
//! then [`super::FpgaNtt`] falls back to the CPU.

use std::io::{ErrorKind, Read, Write};
use std::time::{Duration, Instant};

use polyhe_core::accel::protocol::{response_frame_len, MAX_FRAME, RESPONSE_HEADER_LEN, RESPONSE_SYNC};
use serialport::{ClearBuffer, SerialPort};

use super::link::{Link, LinkError, LinkErrorKind};

/// Default line rate: 3 Mbaud, what FTDI-class USB UARTs and a UART core
/// on a 12 MHz iCE40 board (divider 4) both reach. About 3.5 ms per
/// 1 KiB chunk.
pub const DEFAULT_BAUD: u32 = 3_000_000;

/// Default wait for a whole response frame after a request. A chunk at
/// the slowest supported rate (115200 baud) takes about 90 ms and a device
/// NTT well under a millisecond, so 2 s only expires on a silent device.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(2);

/// Where and how to reach a board: the part of `--engine fpga:<port>`
/// after `fpga:`, i.e. `PORT[,baud=N][,timeout-ms=N]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SerialConfig {
    /// The port's path, e.g. `/dev/ttyUSB0` (or a pseudo-terminal).
    pub port: String,
    /// Line rate in baud (bits per second), 1 to 12,000,000.
    pub baud: u32,
    /// Longest wait for one whole response frame.
    pub timeout: Duration,
}

/// A malformed `fpga:` specification.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SerialConfigError {
    /// No port before the first comma.
    #[error("engine fpga:{spec} names no serial port; use fpga:PORT[,baud=N][,timeout-ms=N], e.g. fpga:/dev/ttyUSB0")]
    MissingPort {
        /// What followed `fpga:`.
        spec: String,
    },
    /// An option that is not `baud=` or `timeout-ms=`, or a bad number.
    #[error("fpga:{spec}: bad option {option:?}; use baud=N (1 to 12000000) or timeout-ms=N (1 to 600000)")]
    BadOption {
        /// What followed `fpga:`.
        spec: String,
        /// The offending option.
        option: String,
    },
}

impl SerialConfig {
    /// `port` with the default rate and timeout.
    pub fn new(port: impl Into<String>) -> Self {
        Self { port: port.into(), baud: DEFAULT_BAUD, timeout: DEFAULT_TIMEOUT }
    }

    /// Parses `PORT[,baud=N][,timeout-ms=N]`.
    pub fn parse(spec: &str) -> Result<Self, SerialConfigError> {
        let mut parts = spec.split(',');
        let port = parts.next().unwrap_or("").trim();
        if port.is_empty() {
            return Err(SerialConfigError::MissingPort { spec: spec.to_owned() });
        }
        let mut config = Self::new(port);
        for option in parts {
            let bad = || SerialConfigError::BadOption { spec: spec.to_owned(), option: option.to_owned() };
            let (key, value) = option.trim().split_once('=').ok_or_else(bad)?;
            let value: u64 = value.trim().parse().map_err(|_| bad())?;
            match key.trim() {
                "baud" if (1..=12_000_000).contains(&value) => config.baud = value as u32,
                "timeout-ms" if (1..=600_000).contains(&value) => config.timeout = Duration::from_millis(value),
                _ => return Err(bad()),
            }
        }
        Ok(config)
    }
}

/// Errors of [`SerialLink`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SerialLinkError {
    /// The port could not be opened.
    #[error(
        "cannot open serial port {port}: {source} (check that the board is connected, the path, \
         and that you may use it, e.g. membership of the dialout group)"
    )]
    Open {
        /// The port.
        port: String,
        /// Why.
        source: serialport::Error,
    },
    /// No complete response in time.
    #[error("no complete response from {port} within {timeout_ms} ms ({got} bytes of the frame arrived)")]
    Timeout {
        /// The port.
        port: String,
        /// The configured timeout.
        timeout_ms: u128,
        /// Bytes of the frame received before giving up.
        got: usize,
    },
    /// Reading or writing failed (the port is reopened next time).
    #[error("serial port {port}: {source}")]
    Io {
        /// The port.
        port: String,
        /// Why.
        source: std::io::Error,
    },
    /// Bytes that cannot start a response frame.
    #[error("serial port {port}: {what}")]
    Framing {
        /// The port.
        port: String,
        /// What was wrong.
        what: String,
    },
}

impl LinkError for SerialLinkError {
    fn kind(&self) -> LinkErrorKind {
        match self {
            SerialLinkError::Open { .. } | SerialLinkError::Io { .. } => LinkErrorKind::Io,
            SerialLinkError::Timeout { .. } => LinkErrorKind::Timeout,
            SerialLinkError::Framing { .. } => LinkErrorKind::Protocol,
        }
    }
}

/// A [`Link`] over a serial port.
pub struct SerialLink {
    config: SerialConfig,
    port: Option<Box<dyn SerialPort>>,
}

impl SerialLink {
    /// A link to `config.port`, opened on first use (so a missing board is
    /// a fallback to the CPU, not an error here).
    pub fn new(config: SerialConfig) -> Self {
        Self { config, port: None }
    }

    /// A link whose port is opened now: an error if it cannot be.
    pub fn open(config: SerialConfig) -> Result<Self, SerialLinkError> {
        let mut link = Self::new(config);
        link.port()?;
        Ok(link)
    }

    /// The configuration.
    pub fn config(&self) -> &SerialConfig {
        &self.config
    }

    /// Changes the wait for a whole response frame (from the next request).
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.config.timeout = timeout;
    }

    /// Whether the port is open now.
    pub fn is_open(&self) -> bool {
        self.port.is_some()
    }

    fn port(&mut self) -> Result<&mut Box<dyn SerialPort>, SerialLinkError> {
        let port = match self.port.take() {
            Some(port) => port,
            None => {
                let port = serialport::new(&self.config.port, self.config.baud)
                    .timeout(self.config.timeout)
                    .open()
                    .map_err(|source| SerialLinkError::Open { port: self.config.port.clone(), source })?;
                // Bytes that arrived before we listened belong to no request.
                let _ = port.clear(ClearBuffer::All);
                port
            }
        };
        Ok(self.port.insert(port))
    }

    fn io_error(&mut self, source: std::io::Error) -> SerialLinkError {
        // Reopen on the next request: the device node may have gone (USB
        // unplugged) and come back.
        self.port = None;
        SerialLinkError::Io { port: self.config.port.clone(), source }
    }

    /// Reads exactly `buf.len()` bytes before `deadline`.
    fn read_until(&mut self, buf: &mut [u8], deadline: Instant, got_before: usize) -> Result<(), SerialLinkError> {
        let mut filled = 0;
        while filled < buf.len() {
            let now = Instant::now();
            if now >= deadline {
                return Err(self.timeout(got_before + filled));
            }
            let port = self.port()?;
            let _ = port.set_timeout(deadline - now);
            match port.read(&mut buf[filled..]) {
                Ok(0) => return Err(self.io_error(ErrorKind::UnexpectedEof.into())),
                Ok(k) => filled += k,
                Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
                    return Err(self.timeout(got_before + filled))
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(self.io_error(e)),
            }
        }
        Ok(())
    }

    fn timeout(&self, got: usize) -> SerialLinkError {
        SerialLinkError::Timeout { port: self.config.port.clone(), timeout_ms: self.config.timeout.as_millis(), got }
    }
}

impl Link for SerialLink {
    type Error = SerialLinkError;

    fn name(&self) -> &'static str {
        "fpga"
    }

    fn send(&mut self, frame: &[u8]) -> Result<(), SerialLinkError> {
        let port = self.port()?;
        match port.write_all(frame).and_then(|()| port.flush()) {
            Ok(()) => Ok(()),
            Err(e) => Err(self.io_error(e)),
        }
    }

    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), SerialLinkError> {
        let deadline = Instant::now() + self.config.timeout;
        // Hunt for the sync byte: line noise or the tail of a response to
        // a timed-out request may come first. More than a frame's worth of
        // junk means the line is not carrying this protocol.
        let mut byte = [0u8; 1];
        let mut skipped = 0;
        loop {
            self.read_until(&mut byte, deadline, 0)?;
            if byte[0] == RESPONSE_SYNC {
                break;
            }
            skipped += 1;
            if skipped > MAX_FRAME {
                return Err(SerialLinkError::Framing {
                    port: self.config.port.clone(),
                    what: format!("{skipped} bytes without a response sync byte ({RESPONSE_SYNC:#04x}): wrong baud rate or not a polyhe accelerator?"),
                });
            }
        }
        frame.clear();
        frame.resize(RESPONSE_HEADER_LEN, 0);
        frame[0] = RESPONSE_SYNC;
        self.read_until(&mut frame[1..], deadline, 1)?;
        let total = response_frame_len(frame).map_err(|e| SerialLinkError::Framing {
            port: self.config.port.clone(),
            what: format!("bad response header: {e}"),
        })?;
        frame.resize(total, 0);
        self.read_until(&mut frame[RESPONSE_HEADER_LEN..], deadline, RESPONSE_HEADER_LEN)
    }

    fn discard_input(&mut self) -> Result<(), SerialLinkError> {
        if let Some(port) = self.port.as_mut() {
            // A late answer may still be on the wire: wait out a short
            // quiet period, then drop everything received.
            std::thread::sleep(Duration::from_millis(1));
            if let Err(e) = port.clear(ClearBuffer::Input) {
                return Err(SerialLinkError::Io { port: self.config.port.clone(), source: e.into() });
            }
        }
        Ok(())
    }
}
