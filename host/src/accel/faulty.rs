//! [`FaultyLink`]: a [`Link`] wrapper that injects faults, to show that
//! [`super::FpgaNtt`] never uses a damaged or wrong answer.

use polyhe_core::accel::protocol::{crc16, Opcode, CRC_LEN, REQUEST_HEADER_LEN, RESPONSE_HEADER_LEN};

use super::link::{Link, LinkError, LinkErrorKind};

/// A fault to inject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Flip one bit in the middle of a response (its CRC no longer
    /// matches).
    FlipResponseBit,
    /// Cut the last bytes off a response.
    TruncateResponse,
    /// Lose a response: `receive` times out.
    DropResponse,
    /// The transport fails on `send` (the request never arrives, and the
    /// previous answers stay queued).
    SendIoError,
    /// Change a coefficient in a `ReadSlot` answer and recompute the CRC:
    /// a wrong answer that the framing cannot catch.
    WrongReadData,
    /// Change a coefficient or twiddle in a `WriteSlot` or `LoadTwiddles`
    /// request and recompute the CRC: the device computes with wrong data.
    CorruptRequestData,
}

/// Errors of a [`FaultyLink`].
#[derive(Debug, thiserror::Error)]
pub enum FaultyLinkError<E: LinkError> {
    /// The wrapped link failed.
    #[error(transparent)]
    Inner(E),
    /// An injected failure.
    #[error("injected fault: {kind:?}")]
    Injected {
        /// Its kind.
        kind: LinkErrorKind,
    },
}

impl<E: LinkError> LinkError for FaultyLinkError<E> {
    fn kind(&self) -> LinkErrorKind {
        match self {
            FaultyLinkError::Inner(e) => e.kind(),
            FaultyLinkError::Injected { kind } => *kind,
        }
    }
}

/// Wraps a link and injects `fault` into every `period`-th frame it
/// applies to (responses for the response faults, `WriteSlot` and
/// `LoadTwiddles` requests or `ReadSlot` answers for the data faults).
pub struct FaultyLink<L> {
    inner: L,
    fault: Fault,
    period: usize,
    seen: usize,
    injected: usize,
}

impl<L: Link> FaultyLink<L> {
    /// Injects `fault` into frames `period`, `2 period`, ... (`period >= 1`;
    /// 1 means every frame).
    pub fn new(inner: L, fault: Fault, period: usize) -> Self {
        Self { inner, fault, period: period.max(1), seen: 0, injected: 0 }
    }

    /// Faults injected so far.
    pub fn injected(&self) -> usize {
        self.injected
    }

    /// The wrapped link.
    pub fn inner(&self) -> &L {
        &self.inner
    }

    /// Counts an eligible frame; true if this one gets the fault.
    fn fire(&mut self) -> bool {
        self.seen += 1;
        let fire = self.seen.is_multiple_of(self.period);
        self.injected += usize::from(fire);
        fire
    }
}

/// Flips the low bit of the first data word at `offset` and fixes the CRC,
/// so only an end-to-end check can notice. The low bit keeps a residue
/// below an odd `q`.
fn corrupt_word(frame: &mut [u8], offset: usize) {
    if frame.len() >= offset + 4 + CRC_LEN {
        frame[offset] ^= 1;
        let end = frame.len() - CRC_LEN;
        let crc = crc16(&frame[1..end]).to_le_bytes();
        frame[end..].copy_from_slice(&crc);
    }
}

impl<L: Link> Link for FaultyLink<L> {
    type Error = FaultyLinkError<L::Error>;

    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn send(&mut self, frame: &[u8]) -> Result<(), Self::Error> {
        let fault = self.fault;
        match fault {
            Fault::SendIoError if self.fire() => Err(FaultyLinkError::Injected { kind: LinkErrorKind::Io }),
            Fault::CorruptRequestData
                if [Opcode::WriteSlot as u8, Opcode::LoadTwiddles as u8]
                    .contains(&frame.get(2).copied().unwrap_or(0))
                    && self.fire() =>
            {
                let mut f = frame.to_vec();
                // Past the chunk header (slot or table, offset).
                corrupt_word(&mut f, REQUEST_HEADER_LEN + 3);
                self.inner.send(&f).map_err(FaultyLinkError::Inner)
            }
            _ => self.inner.send(frame).map_err(FaultyLinkError::Inner),
        }
    }

    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), Self::Error> {
        self.inner.receive(frame).map_err(FaultyLinkError::Inner)?;
        let fault = self.fault;
        match fault {
            Fault::FlipResponseBit if self.fire() => {
                let mid = frame.len() / 2;
                frame[mid] ^= 0x10;
            }
            Fault::TruncateResponse if self.fire() => frame.truncate(frame.len().saturating_sub(3)),
            Fault::DropResponse if self.fire() => {
                frame.clear();
                return Err(FaultyLinkError::Injected { kind: LinkErrorKind::Timeout });
            }
            Fault::WrongReadData
                if frame.get(2) == Some(&(Opcode::ReadSlot as u8)) && frame.get(3) == Some(&0) && self.fire() =>
            {
                let offset = RESPONSE_HEADER_LEN + 4 * (frame.len() / 64);
                corrupt_word(frame, offset);
            }
            _ => {}
        }
        Ok(())
    }

    fn discard_input(&mut self) -> Result<(), Self::Error> {
        self.inner.discard_input().map_err(FaultyLinkError::Inner)
    }
}
