//! The accelerator's frame interpreter, on the simulated core: request
//! frames of [`polyhe_core::accel::protocol`] in, response frames out, each
//! request carried out as strobes on the ports of a persistent simulated
//! [`NttCore13`] ([`CoreSim`]).
//!
//! This is the device end of the host's in-process link and the model for
//! the hardware frame interpreter ([`crate::board::FrameInterpreter`],
//! tested to answer every request with the same bytes): one request maps to the port strobes the
//! [`NttCore`](crate::ntt::NttCore) docs list (`Configure` to five
//! `cfg_write`s, a twiddle pair to one `tw_write`, a coefficient to one
//! `coef_write` or `coef_read`, `Run` to `start` and a wait for `done`).
//!
//! The interpreter checks what a hardware one would (framing, CRC, opcode,
//! argument ranges, configuration before use) and, being software, also
//! that the Montgomery constants belong to the modulus and that
//! coefficients are below `q`, so host bugs surface as `BadArgument`
//! instead of wrong answers.

use polyhe_core::accel::protocol::{
    self as proto, Config, DeviceInfo, Operation, Request, RequestFrame, Status, TwiddleTable, MAX_CHUNK_WORDS,
    MAX_FRAME,
};

use crate::ntt::cfg;
use crate::ntt::sim::{Command, CoreSim, CoreSimError, Op, SimReport};
use crate::ntt::{NttCore13, NttCore13x2, NttCore13x4};

/// Smallest `log2 N` the device accepts: the smallest degree the core's
/// simulation tests cover (the control itself works from `N = 2`).
pub const MIN_LOG_N: u8 = 4;
/// Largest `log2 N`: the on-chip memories of [`NttCore13`] (and of its
/// two- and four-lane siblings).
pub const MAX_LOG_N: u8 = NttCore13::MAX_LOG_N as u8;

/// The butterfly lane counts a device can be built with.
pub const LANE_COUNTS: [u8; 3] = [1, 2, 4];

/// A lane count the core is not built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaneCountError(pub u8);

impl std::fmt::Display for LaneCountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the accelerator is built with 1, 2 or 4 butterfly lanes, not {}", self.0)
    }
}

impl std::error::Error for LaneCountError {}

/// The simulated core of each lane count (all for `N <= 2^13`).
enum Core {
    One(CoreSim<1, 2, 12, 14>),
    Two(CoreSim<2, 4, 11, 13>),
    Four(CoreSim<4, 8, 10, 12>),
}

impl Core {
    fn fresh(lanes: u8) -> Result<Self, LaneCountError> {
        // The cores are fixed, checked designs: failing rust-hdl's checks
        // here is a bug in this crate, not a condition callers could handle.
        const CHECKED: &str = "the NttCore13 instances pass rust-hdl's checks";
        Ok(match lanes {
            1 => Core::One(CoreSim::new(NttCore13::new()).expect(CHECKED)),
            2 => Core::Two(CoreSim::new(NttCore13x2::new()).expect(CHECKED)),
            4 => Core::Four(CoreSim::new(NttCore13x4::new()).expect(CHECKED)),
            l => return Err(LaneCountError(l)),
        })
    }

    fn execute(&mut self, program: &[Command], max_cycles: usize) -> Result<SimReport, CoreSimError> {
        match self {
            Core::One(c) => c.execute(program, max_cycles),
            Core::Two(c) => c.execute(program, max_cycles),
            Core::Four(c) => c.execute(program, max_cycles),
        }
    }

    fn cycles(&self) -> usize {
        match self {
            Core::One(c) => c.cycles(),
            Core::Two(c) => c.cycles(),
            Core::Four(c) => c.cycles(),
        }
    }
}

/// A simulated accelerator answering protocol frames.
pub struct Device {
    core: Core,
    lanes: u8,
    config: Option<Config>,
    /// Cycles the last `Run` took.
    last_run_cycles: u32,
}

/// A request the device refused: the status it answers with.
struct Refusal(Status);

impl From<proto::ProtocolError> for Refusal {
    fn from(e: proto::ProtocolError) -> Self {
        Refusal(e.status())
    }
}

impl Device {
    /// A one-lane device with empty memories and no configuration.
    pub fn new() -> Self {
        Self::with_lanes(1).expect("one lane is a built configuration")
    }

    /// A device whose core has `lanes` butterfly lanes ([`LANE_COUNTS`]):
    /// the same answers, cycle counts about `1 / lanes` as long.
    pub fn with_lanes(lanes: u8) -> Result<Self, LaneCountError> {
        Ok(Self { core: Core::fresh(lanes)?, lanes, config: None, last_run_cycles: 0 })
    }

    /// The core's butterfly lanes.
    pub fn lanes(&self) -> u8 {
        self.lanes
    }

    /// Cycles simulated since the device was created or reset.
    pub fn cycles(&self) -> usize {
        self.core.cycles()
    }

    /// Cycles the most recent successful `Run` took (`start` to `done`).
    pub fn last_run_cycles(&self) -> u32 {
        self.last_run_cycles
    }

    /// The device's answer to `Status`.
    pub fn info(&self) -> DeviceInfo {
        DeviceInfo {
            version: proto::VERSION,
            min_log_n: MIN_LOG_N,
            max_log_n: MAX_LOG_N,
            slots: proto::SLOTS,
            lanes: self.lanes,
            configured: self.config.is_some(),
            log_n: self.config.map_or(0, |c| c.log_n),
            q: self.config.map_or(0, |c| c.q),
        }
    }

    /// Handles one request frame and writes the response frame into `out`
    /// ([`MAX_FRAME`] bytes suffice); returns its length. Every input, even
    /// garbage, gets a response: damaged frames are answered with the
    /// sequence and opcode bytes that arrived (or zero).
    pub fn handle(&mut self, request: &[u8], out: &mut [u8; MAX_FRAME]) -> usize {
        let mut payload = [0u8; MAX_CHUNK_WORDS * 4];
        let (seq, opcode, result) = match RequestFrame::decode(request) {
            Ok(frame) => (frame.seq, frame.opcode, self.dispatch(&frame, &mut payload)),
            Err(e) => {
                let byte = |i: usize| request.get(i).copied().unwrap_or(0);
                (byte(1), byte(2), Err(Refusal::from(e)))
            }
        };
        let (status, len) = match result {
            Ok(len) => (Status::Ok, len),
            Err(Refusal(status)) => (status, 0),
        };
        proto::encode_response(seq, opcode, status, &payload[..len], out)
            .expect("payloads are at most MAX_PAYLOAD bytes and out is MAX_FRAME long")
    }

    /// [`Device::handle`] into a new vector.
    pub fn handle_to_vec(&mut self, request: &[u8]) -> Vec<u8> {
        let mut out = [0u8; MAX_FRAME];
        let len = self.handle(request, &mut out);
        out[..len].to_vec()
    }

    fn configured(&self) -> Result<Config, Refusal> {
        self.config.ok_or(Refusal(Status::NotConfigured))
    }

    /// Checks that `count` items from `offset` fit in the configured degree.
    fn range(&self, what: &'static str, offset: u16, count: usize) -> Result<Config, Refusal> {
        let c = self.configured()?;
        if usize::from(offset) + count > 1 << c.log_n {
            return Err(proto::ProtocolError::BadArgument { what, value: u32::from(offset) }.into());
        }
        Ok(c)
    }

    fn run(&mut self, program: &[Command], max_cycles: usize) -> Result<Vec<u32>, Refusal> {
        match self.core.execute(program, max_cycles) {
            Ok(report) => {
                if let Some(&c) = report.op_cycles.last() {
                    self.last_run_cycles = c as u32;
                }
                Ok(report.reads)
            }
            // The core is in an unknown state: forget the configuration so
            // the host has to set everything up again.
            Err(_) => {
                self.config = None;
                Err(Refusal(Status::DeviceFault))
            }
        }
    }

    /// Carries out one intact request; returns the payload length.
    fn dispatch(&mut self, frame: &RequestFrame<'_>, payload: &mut [u8]) -> Result<usize, Refusal> {
        match frame.request()? {
            Request::Status => {
                let info = self.info().to_bytes();
                payload[..info.len()].copy_from_slice(&info);
                Ok(info.len())
            }
            Request::Reset => {
                self.core = Core::fresh(self.lanes).map_err(|_| Refusal(Status::DeviceFault))?;
                self.config = None;
                Ok(0)
            }
            Request::Configure(c) => {
                if !(MIN_LOG_N..=MAX_LOG_N).contains(&c.log_n) {
                    return Err(proto::ProtocolError::BadArgument { what: "log_n", value: u32::from(c.log_n) }.into());
                }
                if !c.is_consistent() {
                    return Err(
                        proto::ProtocolError::BadArgument { what: "Montgomery constants of q", value: c.q }.into()
                    );
                }
                let program = [
                    Command::Config { addr: cfg::LOG_N, value: u32::from(c.log_n) },
                    Command::Config { addr: cfg::MODULUS, value: c.q },
                    Command::Config { addr: cfg::NEG_INV, value: c.neg_inv },
                    Command::Config { addr: cfg::R_MOD_Q, value: c.r_mod_q },
                    Command::Config { addr: cfg::R_SHOUP, value: c.r_shoup },
                ];
                self.config = None;
                self.run(&program, 64)?;
                self.config = Some(c);
                Ok(0)
            }
            Request::LoadTwiddles { table, offset, pairs } => {
                let c = self.range("twiddle offset", offset, pairs.len() / 2)?;
                let mut program = Vec::with_capacity(pairs.len() / 2);
                for k in 0..pairs.len() / 2 {
                    let (w, w_shoup) = (pairs.get(2 * k).unwrap_or(0), pairs.get(2 * k + 1).unwrap_or(0));
                    if w >= c.q {
                        return Err(
                            proto::ProtocolError::BadArgument { what: "twiddle (not below q)", value: w }.into()
                        );
                    }
                    let inverse = table == TwiddleTable::Inverse;
                    program.push(Command::Twiddle { inverse, index: usize::from(offset) + k, w, w_shoup });
                }
                self.run(&program, program.len() + 8)?;
                Ok(0)
            }
            Request::WriteSlot { slot, offset, words } => {
                let c = self.range("write offset", offset, words.len())?;
                let mut program = Vec::with_capacity(words.len());
                for (k, value) in words.iter().enumerate() {
                    if value >= c.q {
                        return Err(
                            proto::ProtocolError::BadArgument { what: "coefficient (not below q)", value }.into()
                        );
                    }
                    program.push(Command::Write { slot, index: usize::from(offset) + k, value });
                }
                self.run(&program, program.len() + 8)?;
                Ok(0)
            }
            Request::ReadSlot { slot, offset, count } => {
                let count = usize::from(count);
                self.range("read offset", offset, count)?;
                let program: Vec<_> =
                    (0..count).map(|k| Command::Read { slot, index: usize::from(offset) + k }).collect();
                let reads = self.run(&program, count + 8)?;
                if reads.len() != count {
                    return Err(Refusal(Status::DeviceFault));
                }
                for (o, w) in payload.chunks_exact_mut(4).zip(&reads) {
                    o.copy_from_slice(&w.to_le_bytes());
                }
                Ok(4 * count)
            }
            Request::Run { op, slot } => {
                let c = self.configured()?;
                let op = match op {
                    Operation::Forward => Op::Forward,
                    Operation::Inverse => Op::Inverse,
                    Operation::Pointwise => Op::Pointwise,
                };
                // A transform takes about N/2 log2 N cycles; allow four times
                // that before calling the core hung.
                let n = 1usize << c.log_n;
                self.run(&[Command::Run { op, slot }], 2 * n * usize::from(c.log_n) + 1000)?;
                payload[..4].copy_from_slice(&self.last_run_cycles.to_le_bytes());
                Ok(4)
            }
        }
    }
}

impl Default for Device {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ntt::reference::{self, Twiddles};
    use polyhe_core::accel::protocol::{encode_request, ResponseFrame, Words};
    use polyhe_core::arith::NttPrimes;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    /// Sends `req` and returns status and payload of the answer.
    fn call(dev: &mut Device, seq: u8, req: &Request<'_>) -> (Status, Vec<u8>) {
        let mut buf = [0u8; MAX_FRAME];
        let len = encode_request(seq, req, &mut buf).unwrap();
        let resp = dev.handle_to_vec(&buf[..len]);
        let frame = ResponseFrame::decode(&resp).unwrap();
        assert_eq!((frame.seq, frame.opcode), (seq, req.opcode() as u8));
        (frame.status, frame.payload.to_vec())
    }

    fn ok(dev: &mut Device, req: &Request<'_>) -> Vec<u8> {
        let (status, payload) = call(dev, 1, req);
        assert_eq!(status, Status::Ok, "{req:?}");
        payload
    }

    fn setup(dev: &mut Device, n: usize, q: u32) -> Twiddles {
        let tw = Twiddles::new(n, q);
        ok(dev, &Request::Configure(Config::for_modulus(n.trailing_zeros() as u8, q).unwrap()));
        for (table, w, ws) in [
            (TwiddleTable::Forward, &tw.forward, &tw.forward_shoup),
            (TwiddleTable::Inverse, &tw.inverse, &tw.inverse_shoup),
        ] {
            for start in (0..n).step_by(MAX_CHUNK_WORDS / 2) {
                let end = (start + MAX_CHUNK_WORDS / 2).min(n);
                let pairs: Vec<u32> = (start..end).flat_map(|i| [w[i], ws[i]]).collect();
                ok(dev, &Request::LoadTwiddles { table, offset: start as u16, pairs: Words::Values(&pairs) });
            }
        }
        tw
    }

    fn write(dev: &mut Device, slot: u8, values: &[u32]) {
        for (k, chunk) in values.chunks(MAX_CHUNK_WORDS).enumerate() {
            let offset = (k * MAX_CHUNK_WORDS) as u16;
            ok(dev, &Request::WriteSlot { slot, offset, words: Words::Values(chunk) });
        }
    }

    fn read(dev: &mut Device, slot: u8, n: usize) -> Vec<u32> {
        let mut out = Vec::new();
        for offset in (0..n).step_by(MAX_CHUNK_WORDS) {
            let count = MAX_CHUNK_WORDS.min(n - offset) as u16;
            let p = ok(dev, &Request::ReadSlot { slot, offset: offset as u16, count });
            out.extend(p.chunks_exact(4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])));
        }
        out
    }

    #[test]
    fn lane_counts_are_checked() {
        assert_eq!(Device::with_lanes(3).err(), Some(LaneCountError(3)));
        assert!(LaneCountError(8).to_string().contains("1, 2 or 4"));
        for lanes in LANE_COUNTS {
            let mut dev = Device::with_lanes(lanes).unwrap();
            assert_eq!(DeviceInfo::from_bytes(&ok(&mut dev, &Request::Status)).unwrap().lanes, lanes);
        }
    }

    #[test]
    fn product_through_frames_matches_reference() {
        for lanes in LANE_COUNTS {
            product_with_lanes(lanes);
        }
    }

    fn product_with_lanes(lanes: u8) {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut dev = Device::with_lanes(lanes).unwrap();
        for (n, q) in [(64, NttPrimes::new(30, 64).unwrap().next().unwrap()), (16, 12289)] {
            let tw = setup(&mut dev, n, q);
            let a: Vec<u32> = (0..n).map(|_| (rng.next_u64() % u64::from(q)) as u32).collect();
            let b: Vec<u32> = (0..n).map(|_| (rng.next_u64() % u64::from(q)) as u32).collect();
            write(&mut dev, 0, &a);
            write(&mut dev, 1, &b);
            ok(&mut dev, &Request::Run { op: Operation::Forward, slot: 0 });
            let mut fa = a.clone();
            reference::forward(&tw, &mut fa);
            assert_eq!(read(&mut dev, 0, n), fa, "forward, N = {n}");
            ok(&mut dev, &Request::Run { op: Operation::Forward, slot: 1 });
            ok(&mut dev, &Request::Run { op: Operation::Pointwise, slot: 0 });
            let cycles = ok(&mut dev, &Request::Run { op: Operation::Inverse, slot: 0 });
            let want =
                crate::ntt::NttControl::ntt_cycles(n.trailing_zeros(), usize::from(lanes), NttCore13::WRITE_LATENCY);
            assert_eq!(u32::from_le_bytes(cycles[..4].try_into().unwrap()) as usize, want, "{lanes} lanes");
            assert_eq!(read(&mut dev, 0, n), reference::negacyclic_product(q, &a, &b), "product, N = {n}");
        }
        let info = DeviceInfo::from_bytes(&ok(&mut dev, &Request::Status)).unwrap();
        assert_eq!((info.configured, info.log_n, info.q, info.max_log_n, info.lanes), (true, 4, 12289, 13, lanes));
    }

    #[test]
    fn damaged_and_invalid_requests_get_error_responses() {
        let mut dev = Device::new();
        let mut buf = [0u8; MAX_FRAME];
        let len = encode_request(9, &Request::Status, &mut buf).unwrap();
        let answer = |dev: &mut Device, bytes: &[u8]| {
            let resp = dev.handle_to_vec(bytes);
            let f = ResponseFrame::decode(&resp).unwrap();
            (f.seq, f.opcode, f.status, f.payload.len())
        };
        // CRC error.
        let mut bad = buf[..len].to_vec();
        bad[len - 1] ^= 0x40;
        assert_eq!(answer(&mut dev, &bad), (9, 0x01, Status::BadCrc, 0));
        // Truncated frames, down to nothing.
        assert_eq!(answer(&mut dev, &buf[..len - 1]), (9, 0x01, Status::BadFrame, 0));
        assert_eq!(answer(&mut dev, &[]), (0, 0, Status::BadFrame, 0));
        // Unknown opcode with a valid CRC.
        let mut unknown = buf[..len].to_vec();
        unknown[2] = 0x7E;
        let crc = proto::crc16(&unknown[1..len - 2]).to_le_bytes();
        unknown[len - 2..].copy_from_slice(&crc);
        assert_eq!(answer(&mut dev, &unknown), (9, 0x7E, Status::UnknownOpcode, 0));
        // Using the device before configuring it.
        assert_eq!(call(&mut dev, 2, &Request::Run { op: Operation::Forward, slot: 0 }).0, Status::NotConfigured);
        assert_eq!(call(&mut dev, 3, &Request::ReadSlot { slot: 0, offset: 0, count: 4 }).0, Status::NotConfigured);
        // Bad configurations: degree out of range, constants of another q.
        let c = Config::for_modulus(20, 12289).unwrap();
        assert_eq!(call(&mut dev, 4, &Request::Configure(c)).0, Status::BadArgument);
        let c = Config { r_mod_q: 1, ..Config::for_modulus(4, 12289).unwrap() };
        assert_eq!(call(&mut dev, 5, &Request::Configure(c)).0, Status::BadArgument);
        ok(&mut dev, &Request::Configure(Config::for_modulus(4, 12289).unwrap()));
        // Chunks past N = 16 and residues not below q.
        let words = [1u32; 8];
        let req = Request::WriteSlot { slot: 0, offset: 12, words: Words::Values(&words) };
        assert_eq!(call(&mut dev, 6, &req).0, Status::BadArgument);
        let big = [12289u32];
        let req = Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&big) };
        assert_eq!(call(&mut dev, 7, &req).0, Status::BadArgument);
        // Reset forgets the configuration.
        ok(&mut dev, &Request::Reset);
        assert!(!DeviceInfo::from_bytes(&ok(&mut dev, &Request::Status)).unwrap().configured);
    }
}
