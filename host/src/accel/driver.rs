//! [`FpgaNtt`]: the accelerator as an [`NttEngine`], with CPU fallback.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use polyhe_core::accel::protocol::{
    self as proto, Config, DeviceInfo, Operation, ProtocolError, Request, ResponseFrame, Status, TwiddleTable, Words,
    MAX_CHUNK_WORDS, MAX_FRAME,
};
use polyhe_core::ntt::{CpuNtt, EngineCapabilities, NttEngine, NttTable};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::check::NttCheck;
use super::link::{Link, LinkError, LinkErrorKind};

/// Why a device operation failed (and was done on the CPU instead).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AccelError {
    /// The link failed.
    #[error("link error ({kind:?}): {message}")]
    Link {
        /// Its kind.
        kind: LinkErrorKind,
        /// The link's message.
        message: String,
    },
    /// A response that is not a valid frame (bad CRC, truncated, ...).
    #[error("malformed response: {0}")]
    Protocol(#[from] ProtocolError),
    /// The device refused or failed a request.
    #[error("device answered {status:?} to {opcode:?}")]
    Status {
        /// The request.
        opcode: proto::Opcode,
        /// The answer.
        status: Status,
    },
    /// A response to another request.
    #[error("response to request {got:#04x} (opcode {opcode:#04x}) while waiting for {expected:#04x}")]
    Sequence {
        /// Sequence number sent.
        expected: u8,
        /// Sequence number received.
        got: u8,
        /// Opcode received.
        opcode: u8,
    },
    /// The device speaks another protocol version or cannot hold the
    /// degree.
    #[error("device incompatible: {reason}")]
    Incompatible {
        /// What is wrong.
        reason: String,
    },
    /// A result failed the end-to-end check ([`super::check`]).
    #[error("device result for q = {q} failed the end-to-end check ({what})")]
    WrongResult {
        /// The limb's prime.
        q: u32,
        /// The operation.
        what: &'static str,
    },
}

impl AccelError {
    fn link<E: LinkError>(e: E) -> Self {
        AccelError::Link { kind: e.kind(), message: e.to_string() }
    }
}

/// How much work went where, in limb operations (one limb's forward,
/// inverse or product).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct AccelStats {
    /// Done on the device and checked.
    pub offloaded: u64,
    /// Done on the CPU because the device failed (link, device or check)
    /// or is resting after repeated failures (see [`AccelStats::rested`]).
    pub fell_back: u64,
    /// Of [`AccelStats::fell_back`], those not even tried because the
    /// device was resting after consecutive failures.
    pub rested: u64,
    /// Degrees the device does not support, done on the CPU.
    pub unsupported: u64,
    /// Times the device was configured for a prime (each followed by
    /// loading the twiddle tables the operation reads; a table is loaded
    /// at most once per configuration).
    pub twiddle_loads: u64,
}

/// Consecutive failures after which the device rests.
pub const BACKOFF_AFTER: u32 = 2;
/// Limb operations of the first rest.
pub const BACKOFF_FIRST: u64 = 16;
/// Longest rest, in limb operations.
pub const BACKOFF_MAX: u64 = 4096;

/// The accelerator behind `L` as an [`NttEngine`].
///
/// - **Per limb** it configures the device for the limb's prime and loads
///   the twiddle table the transform reads (skipped when that prime and
///   table are loaded already: the device holds one prime), loads the
///   limb, runs the transform and reads it back. A prime's inverse table
///   is sent only when an inverse or a product needs it, which saves a
///   third of a prime switch's traffic when forward transforms alternate
///   between primes (key generation, encryption, key switching).
/// - **[`NttEngine::multiply`]** runs the whole product on the device:
///   two loads, two forward transforms, the pointwise product, the
///   inverse, then the product and `b`'s NTT are read back (plus `a`'s NTT,
///   read only for the check).
/// - **Pointwise products** (`mul_pointwise`, `mul_acc_pointwise`) run on
///   the CPU: they are `N` multiplications per limb, cheaper than moving
///   three polynomials across the link.
/// - **Degrees** outside the device's range go to the CPU
///   ([`AccelStats::unsupported`]).
/// - **Fallback**: when the link fails or times out, a response is
///   malformed, the device reports an error, or a result fails the
///   end-to-end check ([`super::check`]), that limb is done by [`CpuNtt`]
///   from the untouched input, a warning is logged once (later ones at
///   debug level), [`AccelStats::fell_back`] counts it, and the device
///   state is forgotten so the next limb starts clean. The next operation
///   tries the device again; after [`BACKOFF_AFTER`] failures in a row the
///   device rests (operations go straight to the CPU) for a number of limb
///   operations that doubles with every further failure, from
///   [`BACKOFF_FIRST`] up to [`BACKOFF_MAX`], so that a silent board costs
///   a few timeouts rather than one per limb; one success ends the rest.
///
/// Results are therefore always bit-identical to [`CpuNtt`]'s.
pub struct FpgaNtt<L: Link> {
    state: Mutex<State<L>>,
    name: &'static str,
    offloaded: AtomicU64,
    fell_back: AtomicU64,
    rested: AtomicU64,
    unsupported: AtomicU64,
    twiddle_loads: AtomicU64,
    warned: AtomicBool,
}

/// Everything behind the lock: the link and what is known about the
/// device.
struct State<L> {
    link: L,
    seq: u8,
    info: Option<DeviceInfo>,
    /// The prime the device is configured for, `(N, q)`, and which of
    /// its twiddle tables (forward, inverse) have been loaded since.
    loaded: Option<((usize, u32), Tables)>,
    checks: HashMap<(usize, u32), NttCheck>,
    /// Failures since the last success.
    failures_in_row: u32,
    /// Limb operations left in the current rest.
    rest: u64,
    rng: ChaCha20Rng,
    response: Vec<u8>,
}

/// Which of a prime's twiddle tables an operation reads, or the device
/// holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Tables {
    forward: bool,
    inverse: bool,
}

impl Tables {
    const NONE: Self = Self { forward: false, inverse: false };
    const FORWARD: Self = Self { forward: true, inverse: false };
    const INVERSE: Self = Self { forward: false, inverse: true };
    const BOTH: Self = Self { forward: true, inverse: true };
}

/// What [`State::call`] returns: an `Ok` response's payload.
type Payload = Vec<u8>;

impl<L: Link> State<L> {
    /// One request, one checked response. Responses to earlier requests
    /// (late answers after a timeout) are skipped.
    fn call(&mut self, request: &Request<'_>) -> Result<Payload, AccelError> {
        self.seq = self.seq.wrapping_add(1);
        let mut frame = [0u8; MAX_FRAME];
        let len = proto::encode_request(self.seq, request, &mut frame)?;
        self.link.send(&frame[..len]).map_err(AccelError::link)?;
        for _ in 0..4 {
            self.link.receive(&mut self.response).map_err(AccelError::link)?;
            let r = ResponseFrame::decode(&self.response)?;
            if r.seq != self.seq {
                continue;
            }
            if r.opcode != request.opcode() as u8 {
                return Err(AccelError::Sequence { expected: self.seq, got: r.seq, opcode: r.opcode });
            }
            if r.status != Status::Ok {
                return Err(AccelError::Status { opcode: request.opcode(), status: r.status });
            }
            return Ok(r.payload.to_vec());
        }
        let got = self.response.get(1).copied().unwrap_or(0);
        let opcode = self.response.get(2).copied().unwrap_or(0);
        Err(AccelError::Sequence { expected: self.seq, got, opcode })
    }

    fn info(&mut self) -> Result<DeviceInfo, AccelError> {
        if let Some(info) = self.info {
            return Ok(info);
        }
        let info = DeviceInfo::from_bytes(&self.call(&Request::Status)?)?;
        if info.version != proto::VERSION || info.slots < 2 {
            return Err(AccelError::Incompatible {
                reason: format!(
                    "protocol version {} with {} slots (need {} and 2)",
                    info.version,
                    info.slots,
                    proto::VERSION
                ),
            });
        }
        self.info = Some(info);
        Ok(info)
    }

    /// Configures the device for `t` unless it is already, and loads the
    /// twiddle tables in `need` that are not loaded yet. Returns whether
    /// it configured.
    fn ensure(&mut self, t: &NttTable, need: Tables) -> Result<bool, AccelError> {
        let key = (t.n(), t.q());
        let (configured, mut have) = match self.loaded {
            Some((k, have)) if k == key => (false, have),
            _ => {
                self.loaded = None;
                let config = Config::for_modulus(t.n().trailing_zeros() as u8, t.q())?;
                self.call(&Request::Configure(config))?;
                // `Configure` forgets the twiddles.
                self.loaded = Some((key, Tables::NONE));
                (true, Tables::NONE)
            }
        };
        let m = t.modulus();
        for (wanted, loaded, table, w) in [
            (need.forward, &mut have.forward, TwiddleTable::Forward, t.forward_twiddles()),
            (need.inverse, &mut have.inverse, TwiddleTable::Inverse, t.inverse_twiddles()),
        ] {
            if !wanted || *loaded {
                continue;
            }
            for (k, chunk) in w.chunks(MAX_CHUNK_WORDS / 2).enumerate() {
                let pairs: Vec<u32> = chunk.iter().flat_map(|&w| [w, m.shoup(w)]).collect();
                let offset = (k * MAX_CHUNK_WORDS / 2) as u16;
                self.call(&Request::LoadTwiddles { table, offset, pairs: Words::Values(&pairs) })?;
            }
            *loaded = true;
        }
        self.loaded = Some((key, have));
        Ok(configured)
    }

    fn write(&mut self, slot: u8, data: &[u32]) -> Result<(), AccelError> {
        for (k, chunk) in data.chunks(MAX_CHUNK_WORDS).enumerate() {
            let offset = (k * MAX_CHUNK_WORDS) as u16;
            self.call(&Request::WriteSlot { slot, offset, words: Words::Values(chunk) })?;
        }
        Ok(())
    }

    fn read(&mut self, slot: u8, out: &mut [u32]) -> Result<(), AccelError> {
        for (k, chunk) in out.chunks_mut(MAX_CHUNK_WORDS).enumerate() {
            let (offset, count) = ((k * MAX_CHUNK_WORDS) as u16, chunk.len() as u16);
            let payload = self.call(&Request::ReadSlot { slot, offset, count })?;
            if payload.len() != 4 * chunk.len() {
                return Err(ProtocolError::BadPayloadLength {
                    what: "ReadSlot response",
                    expected: "4 bytes per word requested",
                    got: payload.len(),
                }
                .into());
            }
            Words::from_le_bytes(&payload)?.copy_to(chunk);
        }
        Ok(())
    }

    fn run(&mut self, op: Operation, slot: u8) -> Result<(), AccelError> {
        self.call(&Request::Run { op, slot }).map(|_| ())
    }

    fn check(&mut self, t: &NttTable) -> polyhe_core::Result<&NttCheck> {
        let key = (t.n(), t.q());
        if !self.checks.contains_key(&key) {
            let check = NttCheck::new(t, &mut self.rng)?;
            self.checks.insert(key, check);
        }
        Ok(&self.checks[&key])
    }

    /// Forward or inverse NTT of one limb on the device, checked.
    fn transform(&mut self, t: &NttTable, limb: &[u32], inverse: bool) -> Result<Vec<u32>, AccelError> {
        let mut out = vec![0; limb.len()];
        self.write(0, limb)?;
        self.run(if inverse { Operation::Inverse } else { Operation::Forward }, 0)?;
        self.read(0, &mut out)?;
        let check = self.check(t).map_err(|e| AccelError::Incompatible { reason: e.to_string() })?;
        let ok = if inverse { check.transform_ok(&out, limb) } else { check.transform_ok(limb, &out) };
        if !ok {
            return Err(AccelError::WrongResult { q: t.q(), what: if inverse { "inverse" } else { "forward" } });
        }
        Ok(out)
    }

    /// The product of one limb on the device, checked: `(a * b, b^)`.
    fn product(&mut self, t: &NttTable, a: &[u32], b: &[u32]) -> Result<(Vec<u32>, Vec<u32>), AccelError> {
        let n = a.len();
        let (mut fa, mut fb, mut p) = (vec![0; n], vec![0; n], vec![0; n]);
        self.write(0, a)?;
        self.write(1, b)?;
        self.run(Operation::Forward, 0)?;
        self.run(Operation::Forward, 1)?;
        self.read(0, &mut fa)?;
        self.read(1, &mut fb)?;
        self.run(Operation::Pointwise, 0)?;
        self.run(Operation::Inverse, 0)?;
        self.read(0, &mut p)?;
        let check = self.check(t).map_err(|e| AccelError::Incompatible { reason: e.to_string() })?;
        let what = if !check.transform_ok(a, &fa) {
            "forward of a"
        } else if !check.transform_ok(b, &fb) {
            "forward of b"
        } else if !check.product_ok(&fa, &fb, &p) {
            "product"
        } else {
            return Ok((p, fb));
        };
        Err(AccelError::WrongResult { q: t.q(), what })
    }
}

/// Whether `info`'s device transforms degree `n`.
fn degree_fits(info: &DeviceInfo, n: usize) -> bool {
    n.is_power_of_two() && (info.min_log_n..=info.max_log_n).contains(&(n.trailing_zeros() as u8))
}

/// The common degree of `tables` if `len` is `tables.len()` limbs of it
/// (otherwise the CPU engine reports the precise error).
fn shape(tables: &[NttTable], len: usize) -> Option<usize> {
    let n = tables.first()?.n();
    (tables.iter().all(|t| t.n() == n) && len == n * tables.len()).then_some(n)
}

impl<L: Link> FpgaNtt<L> {
    /// A driver speaking over `link`. Nothing is sent yet: the device is
    /// queried on first use, and if it does not answer every operation
    /// falls back to the CPU.
    pub fn new(link: L) -> Self {
        // The check vectors must be unpredictable to the device, not secret
        // from anyone else: OS entropy, or the clock if that is unavailable.
        let rng = polyhe_core::rng::os_rng().unwrap_or_else(|_| {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            ChaCha20Rng::seed_from_u64(t.as_nanos() as u64)
        });
        Self {
            name: link.name(),
            state: Mutex::new(State {
                link,
                seq: 0,
                info: None,
                loaded: None,
                checks: HashMap::new(),
                failures_in_row: 0,
                rest: 0,
                rng,
                response: Vec::with_capacity(MAX_FRAME),
            }),
            offloaded: AtomicU64::new(0),
            fell_back: AtomicU64::new(0),
            rested: AtomicU64::new(0),
            unsupported: AtomicU64::new(0),
            twiddle_loads: AtomicU64::new(0),
            warned: AtomicBool::new(false),
        }
    }

    /// Where the work went so far.
    pub fn stats(&self) -> AccelStats {
        AccelStats {
            offloaded: self.offloaded.load(Ordering::Relaxed),
            fell_back: self.fell_back.load(Ordering::Relaxed),
            rested: self.rested.load(Ordering::Relaxed),
            unsupported: self.unsupported.load(Ordering::Relaxed),
            twiddle_loads: self.twiddle_loads.load(Ordering::Relaxed),
        }
    }

    /// The device's self-description, asking it if not yet known.
    pub fn device_info(&self) -> Result<DeviceInfo, AccelError> {
        self.lock().info()
    }

    /// Runs `f` on the link (for inspection in tests and reports).
    pub fn with_link<R>(&self, f: impl FnOnce(&mut L) -> R) -> R {
        f(&mut self.lock().link)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State<L>> {
        // A panic while holding the lock leaves at worst a stale cache
        // entry, which `fail` clears; the state is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the device takes degree `n` (`Err` if it cannot be asked).
    fn supports(st: &mut State<L>, n: usize) -> Result<bool, AccelError> {
        Ok(degree_fits(&st.info()?, n))
    }

    /// Records a failure, resynchronises, logs the first one, and rests
    /// the device after repeated failures.
    fn fail(&self, st: &mut State<L>, e: &AccelError) {
        st.loaded = None;
        st.failures_in_row = st.failures_in_row.saturating_add(1);
        if st.failures_in_row >= BACKOFF_AFTER {
            let doublings = (st.failures_in_row - BACKOFF_AFTER).min(16);
            st.rest = (BACKOFF_FIRST << doublings).min(BACKOFF_MAX);
        }
        let _ = st.link.discard_input();
        self.fell_back.fetch_add(1, Ordering::Relaxed);
        if self.warned.swap(true, Ordering::Relaxed) {
            tracing::debug!(engine = self.name, error = %e, "accelerator operation failed; done on the CPU");
        } else {
            tracing::warn!(
                engine = self.name,
                error = %e,
                "accelerator operation failed; done on the CPU (warned once: see FpgaNtt::stats for counts)"
            );
        }
    }

    /// Tries `device` on one limb; on failure records it and returns
    /// `None` so the caller computes on the CPU.
    fn attempt<T>(
        &self,
        st: &mut State<L>,
        t: &NttTable,
        need: Tables,
        device: impl FnOnce(&mut State<L>) -> Result<T, AccelError>,
    ) -> Option<T> {
        // A known device that cannot take this degree costs no traffic.
        if st.info.is_some_and(|info| !degree_fits(&info, t.n())) {
            self.unsupported.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        if st.rest > 0 {
            st.rest -= 1;
            self.fell_back.fetch_add(1, Ordering::Relaxed);
            self.rested.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let result = Self::supports(st, t.n()).and_then(|supported| {
            if !supported {
                return Ok(None);
            }
            if st.ensure(t, need)? {
                self.twiddle_loads.fetch_add(1, Ordering::Relaxed);
            }
            device(st).map(Some)
        });
        match result {
            Ok(Some(v)) => {
                st.failures_in_row = 0;
                self.offloaded.fetch_add(1, Ordering::Relaxed);
                Some(v)
            }
            Ok(None) => {
                self.unsupported.fetch_add(1, Ordering::Relaxed);
                None
            }
            Err(e) => {
                self.fail(st, &e);
                None
            }
        }
    }

    fn transform(&self, tables: &[NttTable], data: &mut [u32], inverse: bool) -> polyhe_core::Result<()> {
        let Some(n) = shape(tables, data.len()) else {
            return if inverse { CpuNtt.inverse(tables, data) } else { CpuNtt.forward(tables, data) };
        };
        let mut st = self.lock();
        for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
            let need = if inverse { Tables::INVERSE } else { Tables::FORWARD };
            match self.attempt(&mut st, t, need, |st| st.transform(t, limb, inverse)) {
                Some(out) => limb.copy_from_slice(&out),
                None if inverse => t.inverse(limb)?,
                None => t.forward(limb)?,
            }
        }
        Ok(())
    }
}

impl<L: Link> NttEngine for FpgaNtt<L> {
    fn capabilities(&self) -> EngineCapabilities {
        // Degrees above the device's are accepted and done on the CPU;
        // `max_n` reports what the device itself transforms.
        let mut caps = CpuNtt.capabilities();
        caps.name = self.name;
        caps.fused_multiply = true;
        if let Some(info) = self.lock().info {
            caps.max_n = 1 << info.max_log_n;
        }
        caps
    }

    fn forward(&self, tables: &[NttTable], data: &mut [u32]) -> polyhe_core::Result<()> {
        self.transform(tables, data, false)
    }

    fn inverse(&self, tables: &[NttTable], data: &mut [u32]) -> polyhe_core::Result<()> {
        self.transform(tables, data, true)
    }

    fn mul_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], out: &mut [u32]) -> polyhe_core::Result<()> {
        CpuNtt.mul_pointwise(tables, a, b, out)
    }

    fn mul_acc_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], acc: &mut [u32]) -> polyhe_core::Result<()> {
        CpuNtt.mul_acc_pointwise(tables, a, b, acc)
    }

    fn multiply(&self, tables: &[NttTable], a: &mut [u32], b: &mut [u32]) -> polyhe_core::Result<()> {
        let n = match (shape(tables, a.len()), shape(tables, b.len())) {
            (Some(n), Some(_)) => n,
            _ => return CpuNtt.multiply(tables, a, b),
        };
        let mut st = self.lock();
        for ((t, la), lb) in tables.iter().zip(a.chunks_exact_mut(n)).zip(b.chunks_exact_mut(n)) {
            match self.attempt(&mut st, t, Tables::BOTH, |st| st.product(t, la, lb)) {
                Some((p, fb)) => {
                    la.copy_from_slice(&p);
                    lb.copy_from_slice(&fb);
                }
                None => CpuNtt.multiply(std::slice::from_ref(t), la, lb)?,
            }
        }
        Ok(())
    }
}
