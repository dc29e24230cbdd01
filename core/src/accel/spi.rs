//! The accelerator over SPI, on the microcontroller: an
//! [`embedded_hal::spi::SpiDevice`] driver that speaks
//! [`protocol`](super::protocol) and implements [`NttEngine`], so the
//! client's CKKS code offloads its NTTs without knowing it (feature
//! `spi`; no allocation).
//!
//! # Framing on SPI
//! SPI is full duplex and the host clocks every byte, so an exchange is:
//! one transaction writing the whole request frame; then single-byte reads
//! (the device shifts out anything but [`RESPONSE_SYNC`], e.g. `0xFF`,
//! while it works) until the sync byte arrives, at most
//! [`SpiNtt::poll_limit`] reads (the timeout: a silent or absent device
//! costs that many byte reads, never a hang); then the response header and
//! the rest of the frame, whose length the header gives.
//!
//! # Fallback
//! Every limb the device does not transform correctly as far as the link
//! can tell (SPI error, timeout, bad CRC, a stale or foreign answer, a
//! status other than `Ok`, an unsupported degree) is transformed by
//! [`CpuNtt`] instead, and counted in [`SpiStats`]; the device state is
//! then forgotten (tables are reloaded before the next use). The results
//! are therefore always those of [`CpuNtt`] when the device is absent or
//! faulty, and bit-identical to them when it works (the accelerator's
//! contract). Pointwise products run on the CPU (a round trip over the
//! link costs more than the product).

use core::cell::{Cell, RefCell};

use embedded_hal::spi::{Operation as SpiOp, SpiDevice};

use super::protocol::{
    self as proto, Config, DeviceInfo, Operation, ProtocolError, Request, ResponseFrame, Status, TwiddleTable, Words,
    MAX_CHUNK_WORDS, MAX_FRAME, RESPONSE_HEADER_LEN, RESPONSE_SYNC,
};
use crate::ntt::{CpuNtt, EngineCapabilities, NttEngine, NttTable};

/// Why one exchange with the device failed (the engine then falls back;
/// [`SpiNtt::status`] returns it to callers that ask directly).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpiNttError {
    /// The SPI bus reported an error.
    Bus(embedded_hal::spi::ErrorKind),
    /// No response sync byte within the poll limit.
    Timeout,
    /// A malformed response (framing, CRC, payload).
    Protocol(ProtocolError),
    /// A response to another request (sequence number or opcode).
    Sequence,
    /// The device refused the request.
    Refused(Status),
    /// The device speaks another protocol version or has too few slots.
    Incompatible,
}

impl From<ProtocolError> for SpiNttError {
    fn from(e: ProtocolError) -> Self {
        Self::Protocol(e)
    }
}

/// Counts of what the engine did, per limb transform.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpiStats {
    /// Limbs transformed on the device.
    pub offloaded: u32,
    /// Limbs done on the CPU after a device or link failure.
    pub fell_back: u32,
    /// Limbs done on the CPU because the device does not take the degree.
    pub unsupported: u32,
    /// Of the failures, timeouts.
    pub timeouts: u32,
    /// Times the device was configured for a prime (each followed by the
    /// twiddle table the transform reads; a table is loaded at most once
    /// per configuration, so forwards alternating between primes never
    /// send inverse tables).
    pub twiddle_loads: u32,
}

struct Link<D> {
    spi: D,
    seq: u8,
    poll_limit: u32,
    info: Option<DeviceInfo>,
    /// The prime the device is configured for, `(N, q)`, and which of its
    /// twiddle tables (forward, inverse) have been loaded since.
    loaded: Option<((usize, u32), [bool; 2])>,
    tx: [u8; MAX_FRAME],
    rx: [u8; MAX_FRAME],
}

/// An [`NttEngine`] on an NTT accelerator behind an SPI device, with
/// fallback to [`CpuNtt`], for degrees up to `N`. RAM: two
/// [`MAX_FRAME`]-byte buffers (about 2 KiB) and an `N`-word copy of the
/// limb in flight (a failure while reading the result back must not lose
/// the input the CPU then transforms). Larger degrees run on the CPU.
pub struct SpiNtt<D, const N: usize> {
    link: RefCell<Link<D>>,
    backup: RefCell<[u32; N]>,
    stats: Cell<SpiStats>,
}

/// Default [`SpiNtt::poll_limit`]: byte reads before a timeout.
pub const DEFAULT_POLL_LIMIT: u32 = 100_000;

impl<D: SpiDevice, const N: usize> SpiNtt<D, N> {
    /// The engine on `spi`, polling at most [`DEFAULT_POLL_LIMIT`] bytes
    /// for each response.
    pub fn new(spi: D) -> Self {
        Self::with_poll_limit(spi, DEFAULT_POLL_LIMIT)
    }

    /// The engine with a poll limit (byte reads before a response counts
    /// as timed out; at least 1).
    pub fn with_poll_limit(spi: D, poll_limit: u32) -> Self {
        Self {
            link: RefCell::new(Link {
                spi,
                seq: 0,
                poll_limit: poll_limit.max(1),
                info: None,
                loaded: None,
                tx: [0; MAX_FRAME],
                rx: [0; MAX_FRAME],
            }),
            backup: RefCell::new([0; N]),
            stats: Cell::new(SpiStats::default()),
        }
    }

    /// The byte reads allowed per response.
    pub fn poll_limit(&self) -> u32 {
        self.link.borrow().poll_limit
    }

    /// The counters so far.
    pub fn stats(&self) -> SpiStats {
        self.stats.get()
    }

    /// Asks the device for its [`DeviceInfo`] (cached after the first
    /// answer).
    pub fn status(&self) -> Result<DeviceInfo, SpiNttError> {
        self.link.borrow_mut().info()
    }

    /// Gives the SPI device back.
    pub fn release(self) -> D {
        self.link.into_inner().spi
    }

    fn count(&self, f: impl FnOnce(&mut SpiStats)) {
        let mut s = self.stats.get();
        f(&mut s);
        self.stats.set(s);
    }

    fn transform(&self, tables: &[NttTable], data: &mut [u32], inverse: bool) -> crate::Result<()> {
        let n = crate::ntt::engine::limb_len(tables, data.len())?;
        let mut link = self.link.borrow_mut();
        let mut backup = self.backup.borrow_mut();
        for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
            let mut backed_up = false;
            let attempt = if n > N {
                Ok(false)
            } else {
                link.supports(n).and_then(|ok| {
                    if !ok {
                        return Ok(false);
                    }
                    if link.ensure(t, inverse)? {
                        self.count(|s| s.twiddle_loads += 1);
                    }
                    backup[..n].copy_from_slice(limb);
                    backed_up = true;
                    link.transform(limb, inverse)?;
                    Ok(true)
                })
            };
            match attempt {
                Ok(true) => self.count(|s| s.offloaded += 1),
                Ok(false) => {
                    self.count(|s| s.unsupported += 1);
                    cpu(t, limb, inverse)?;
                }
                Err(e) => {
                    link.loaded = None;
                    self.count(|s| {
                        s.fell_back += 1;
                        if e == SpiNttError::Timeout {
                            s.timeouts += 1;
                        }
                    });
                    // A failure during the read-back leaves `limb` partly
                    // overwritten: restore the input (a failure before
                    // the backup left it untouched).
                    if backed_up {
                        limb.copy_from_slice(&backup[..n]);
                    }
                    cpu(t, limb, inverse)?;
                }
            }
        }
        Ok(())
    }
}

fn cpu(t: &NttTable, limb: &mut [u32], inverse: bool) -> crate::Result<()> {
    if inverse {
        t.inverse(limb)
    } else {
        t.forward(limb)
    }
}

impl<D: SpiDevice> Link<D> {
    fn bus<T>(r: Result<T, D::Error>) -> Result<T, SpiNttError> {
        r.map_err(|e| SpiNttError::Bus(embedded_hal::spi::Error::kind(&e)))
    }

    /// One request and its checked response; returns the payload's length
    /// (the payload is at `rx[RESPONSE_HEADER_LEN..]`).
    fn call(&mut self, request: &Request<'_>) -> Result<usize, SpiNttError> {
        self.seq = self.seq.wrapping_add(1);
        let len = proto::encode_request(self.seq, request, &mut self.tx)?;
        Self::bus(self.spi.write(&self.tx[..len]))?;
        // Answers to earlier requests (left unread after a bus error) come
        // first: skip a few stale frames, as the host driver does.
        for _ in 0..4 {
            let total = self.receive()?;
            let r = ResponseFrame::decode(&self.rx[..total])?;
            if r.seq != self.seq {
                continue;
            }
            if r.opcode != request.opcode() as u8 {
                return Err(SpiNttError::Sequence);
            }
            if r.status != Status::Ok {
                return Err(SpiNttError::Refused(r.status));
            }
            return Ok(r.payload.len());
        }
        Err(SpiNttError::Sequence)
    }

    /// Reads one response frame into `rx`; returns its length.
    fn receive(&mut self) -> Result<usize, SpiNttError> {
        let mut polls = 0u32;
        loop {
            let mut b = [0u8; 1];
            Self::bus(self.spi.read(&mut b))?;
            if b[0] == RESPONSE_SYNC {
                self.rx[0] = b[0];
                break;
            }
            polls += 1;
            if polls >= self.poll_limit {
                return Err(SpiNttError::Timeout);
            }
        }
        Self::bus(self.spi.read(&mut self.rx[1..RESPONSE_HEADER_LEN]))?;
        let total = proto::response_frame_len(&self.rx[..RESPONSE_HEADER_LEN])?;
        Self::bus(self.spi.transaction(&mut [SpiOp::Read(&mut self.rx[RESPONSE_HEADER_LEN..total])]))?;
        Ok(total)
    }

    fn payload(&self, len: usize) -> &[u8] {
        &self.rx[RESPONSE_HEADER_LEN..RESPONSE_HEADER_LEN + len]
    }

    fn info(&mut self) -> Result<DeviceInfo, SpiNttError> {
        if let Some(info) = self.info {
            return Ok(info);
        }
        let len = self.call(&Request::Status)?;
        let info = DeviceInfo::from_bytes(self.payload(len))?;
        if info.version != proto::VERSION || info.slots < 1 {
            return Err(SpiNttError::Incompatible);
        }
        self.info = Some(info);
        Ok(info)
    }

    fn supports(&mut self, n: usize) -> Result<bool, SpiNttError> {
        let info = self.info()?;
        Ok(n.is_power_of_two() && (info.min_log_n..=info.max_log_n).contains(&(n.trailing_zeros() as u8)))
    }

    /// Configures the device for `t` unless it is already, and loads the
    /// twiddle table the transform reads (the inverse one if `inverse`)
    /// unless it is loaded already; returns whether it configured.
    fn ensure(&mut self, t: &NttTable, inverse: bool) -> Result<bool, SpiNttError> {
        let key = (t.n(), t.q());
        let (configured, mut have) = match self.loaded {
            Some((k, have)) if k == key => (false, have),
            _ => {
                self.loaded = None;
                let config = Config::for_modulus(t.n().trailing_zeros() as u8, t.q())?;
                self.call(&Request::Configure(config))?;
                // `Configure` forgets the twiddles.
                self.loaded = Some((key, [false; 2]));
                (true, [false; 2])
            }
        };
        let (table, w) = if inverse {
            (TwiddleTable::Inverse, t.inverse_twiddles())
        } else {
            (TwiddleTable::Forward, t.forward_twiddles())
        };
        if !have[usize::from(inverse)] {
            let m = *t.modulus();
            for (k, chunk) in w.chunks(MAX_CHUNK_WORDS / 2).enumerate() {
                let mut pairs = [0u32; MAX_CHUNK_WORDS];
                for (p, &x) in pairs.chunks_exact_mut(2).zip(chunk) {
                    p[0] = x;
                    p[1] = m.shoup(x);
                }
                let offset = (k * MAX_CHUNK_WORDS / 2) as u16;
                let pairs = Words::Values(&pairs[..2 * chunk.len()]);
                self.call(&Request::LoadTwiddles { table, offset, pairs })?;
            }
            have[usize::from(inverse)] = true;
            self.loaded = Some((key, have));
        }
        Ok(configured)
    }

    /// Writes `limb` into slot 0, runs the transform and reads slot 0
    /// back into `limb`. On an error `limb` may be partly overwritten (the
    /// caller restores it from its backup).
    fn transform(&mut self, limb: &mut [u32], inverse: bool) -> Result<(), SpiNttError> {
        for (k, chunk) in limb.chunks(MAX_CHUNK_WORDS).enumerate() {
            let offset = (k * MAX_CHUNK_WORDS) as u16;
            self.call(&Request::WriteSlot { slot: 0, offset, words: Words::Values(chunk) })?;
        }
        let op = if inverse { Operation::Inverse } else { Operation::Forward };
        self.call(&Request::Run { op, slot: 0 })?;
        for (k, chunk) in limb.chunks_mut(MAX_CHUNK_WORDS).enumerate() {
            let (offset, count) = ((k * MAX_CHUNK_WORDS) as u16, chunk.len() as u16);
            let len = self.call(&Request::ReadSlot { slot: 0, offset, count })?;
            if len != 4 * chunk.len() {
                return Err(ProtocolError::BadPayloadLength {
                    what: "ReadSlot response",
                    expected: "4 bytes per word requested",
                    got: len,
                }
                .into());
            }
            Words::from_le_bytes(self.payload(len))?.copy_to(chunk);
        }
        Ok(())
    }
}

impl<D: SpiDevice, const N: usize> NttEngine for SpiNtt<D, N> {
    fn capabilities(&self) -> EngineCapabilities {
        let mut caps = CpuNtt.capabilities();
        caps.name = "fpga-spi";
        if let Some(info) = self.link.borrow().info {
            caps.max_n = 1 << info.max_log_n;
        }
        caps
    }

    fn forward(&self, tables: &[NttTable], data: &mut [u32]) -> crate::Result<()> {
        self.transform(tables, data, false)
    }

    fn inverse(&self, tables: &[NttTable], data: &mut [u32]) -> crate::Result<()> {
        self.transform(tables, data, true)
    }

    fn mul_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], out: &mut [u32]) -> crate::Result<()> {
        CpuNtt.mul_pointwise(tables, a, b, out)
    }

    fn mul_acc_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], acc: &mut [u32]) -> crate::Result<()> {
        CpuNtt.mul_acc_pointwise(tables, a, b, acc)
    }
}
