//! The hardware frame interpreter against the software model: the same
//! request frames (valid, damaged, and with every kind of bad argument)
//! go to [`FrameInterpreter13`] in the rust-hdl simulation (bytes with
//! random gaps, responses under random back-pressure) and to
//! [`Device::handle`]; every response must be the same bytes, cycle
//! counts included, and the products must equal the schoolbook
//! negacyclic product. The recorded per-cycle trace is then replayed
//! through the generated Verilog in Icarus Verilog; [`Board`] is checked
//! at the pin level through a software 8N1 model.

use polyhe_core::accel::protocol::{
    self as proto, encode_request, Config, Operation, Request, TwiddleTable, Words, MAX_FRAME, RESPONSE_HEADER_LEN,
};
use polyhe_core::arith::NttPrimes;
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_hdl::prelude::*;

use super::*;
use crate::device::Device;
use crate::link::trace::{replay, settle, tick, Trace};
use crate::ntt::reference::{self, Twiddles};
use crate::tools::{self, WorkDir};

const INPUTS: [(&str, usize); 3] = [("rx_valid", 1), ("rx_data", 8), ("tx_ready", 1)];
const OUTPUTS: [(&str, usize); 3] = [("tx_valid", 1), ("tx_data", 8), ("busy", 1)];

/// The interpreter's idle timeout in these tests (clocks): far above the
/// random gaps between bytes.
const IDLE_TIMEOUT: u32 = 300;

/// Clock cycles a single exchange may take before the test calls the
/// interpreter hung.
const MAX_EXCHANGE_CYCLES: usize = 100_000;

struct Bench<const L: usize, const K: usize, const A: usize, const T: usize> {
    uut: Box<FrameInterpreter<L, K, A, T>>,
    trace: Trace<3, 3>,
    rng: ChaCha8Rng,
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Bench<L, K, A, T> {
    fn new(seed: u64) -> Self {
        let mut uut = Box::new(FrameInterpreter::<L, K, A, T>::with_idle_timeout(IDLE_TIMEOUT));
        uut.connect_all();
        check_all(uut.as_ref()).unwrap();
        settle(uut.as_mut());
        Self { uut, trace: Vec::new(), rng: ChaCha8Rng::seed_from_u64(seed) }
    }

    /// Applies `inputs`, records the outputs, clocks; returns the byte sent.
    fn cycle(&mut self, inputs: [u64; 3]) -> Option<u8> {
        let u = &mut self.uut;
        u.rx_valid.next = inputs[0] == 1;
        u.rx_data.next = inputs[1].into();
        u.tx_ready.next = inputs[2] == 1;
        settle(u.as_mut());
        let u = &self.uut;
        let outputs = [u.tx_valid.val() as u64, u.tx_data.val().to_u64(), u.busy.val() as u64];
        let sent = (u.tx_valid.val() && inputs[2] == 1).then(|| u.tx_data.val().to_u64() as u8);
        self.trace.push((inputs, outputs));
        tick(self.uut.as_mut(), |u| &mut u.clock);
        sent
    }

    fn ready(&mut self) -> u64 {
        !self.rng.next_u32().is_multiple_of(3) as u64
    }

    /// Sends `bytes` (with random idle cycles between them), then clocks
    /// until one whole response frame has left under random back-pressure
    /// and the interpreter takes bytes again; returns the frame.
    fn exchange(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut response = Vec::new();
        for &b in bytes {
            while self.rng.next_u32().is_multiple_of(4) {
                let ready = self.ready();
                response.extend(self.cycle([0, 0, ready]));
            }
            let ready = self.ready();
            response.extend(self.cycle([1, b.into(), ready]));
        }
        let mut cycles = 0;
        loop {
            let complete = response.len() >= RESPONSE_HEADER_LEN
                && proto::response_frame_len(&response[..RESPONSE_HEADER_LEN]).unwrap() == response.len();
            if complete && !self.uut.busy.val() {
                return response;
            }
            cycles += 1;
            assert!(cycles < MAX_EXCHANGE_CYCLES, "no complete response after {cycles} cycles: {response:02x?}");
            let ready = self.ready();
            response.extend(self.cycle([0, 0, ready]));
        }
    }
}

/// A request frame with any opcode and payload (a valid CRC), for the
/// requests `encode_request` refuses to build.
fn raw(seq: u8, opcode: u8, payload: &[u8]) -> Vec<u8> {
    let len = payload.len() as u16;
    let mut f = vec![proto::REQUEST_SYNC, seq, opcode];
    f.extend(len.to_le_bytes());
    f.extend(payload);
    let crc = proto::crc16(&f[1..]);
    f.extend(crc.to_le_bytes());
    f
}

fn frame(seq: u8, request: &Request<'_>) -> Vec<u8> {
    let mut buf = [0u8; MAX_FRAME];
    let len = encode_request(seq, request, &mut buf).unwrap();
    buf[..len].to_vec()
}

fn config_bytes(c: &Config) -> Vec<u8> {
    let f = frame(0, &Request::Configure(*c));
    f[proto::REQUEST_HEADER_LEN..f.len() - proto::CRC_LEN].to_vec()
}

/// The requests of a session: `(what, frame bytes, noise sent before it)`.
struct Script {
    steps: Vec<(String, Vec<u8>, Vec<u8>)>,
    seq: u8,
}

impl Script {
    fn new() -> Self {
        Self { steps: Vec::new(), seq: 0 }
    }

    fn next_seq(&mut self) -> u8 {
        self.seq = self.seq.wrapping_add(1);
        self.seq
    }

    fn push(&mut self, what: &str, request: &Request<'_>) {
        let f = frame(self.next_seq(), request);
        self.steps.push((what.to_string(), f, Vec::new()));
    }

    fn push_raw(&mut self, what: &str, opcode: u8, payload: &[u8]) {
        let f = raw(self.next_seq(), opcode, payload);
        self.steps.push((what.to_string(), f, Vec::new()));
    }

    fn push_bytes(&mut self, what: &str, bytes: Vec<u8>, noise: Vec<u8>) {
        self.steps.push((what.to_string(), bytes, noise));
    }

    /// Configure, both twiddle tables, `a` into slot 0, `b` into slot 1,
    /// the product's four runs and the read-back of slot 0.
    fn product(&mut self, n: usize, q: u32, a: &[u32], b: &[u32]) {
        let tw = Twiddles::new(n, q);
        self.push("configure", &Request::Configure(Config::for_modulus(n.trailing_zeros() as u8, q).unwrap()));
        for (table, w, ws) in [
            (TwiddleTable::Forward, &tw.forward, &tw.forward_shoup),
            (TwiddleTable::Inverse, &tw.inverse, &tw.inverse_shoup),
        ] {
            for start in (0..n).step_by(proto::MAX_CHUNK_WORDS / 2) {
                let end = (start + proto::MAX_CHUNK_WORDS / 2).min(n);
                let pairs: Vec<u32> = (start..end).flat_map(|i| [w[i], ws[i]]).collect();
                self.push(
                    "twiddles",
                    &Request::LoadTwiddles { table, offset: start as u16, pairs: Words::Values(&pairs) },
                );
            }
        }
        self.push("write a", &Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(a) });
        self.push("write b", &Request::WriteSlot { slot: 1, offset: 0, words: Words::Values(b) });
        for (op, slot) in
            [(Operation::Forward, 0), (Operation::Forward, 1), (Operation::Pointwise, 0), (Operation::Inverse, 0)]
        {
            self.push("run", &Request::Run { op, slot });
        }
        self.push("read product", &Request::ReadSlot { slot: 0, offset: 0, count: n as u16 });
    }
}

/// `(N, q, a, b)` of a product in a script.
type Product = (usize, u32, Vec<u32>, Vec<u32>);

fn random_poly(rng: &mut ChaCha8Rng, n: usize, q: u32) -> Vec<u32> {
    (0..n).map(|_| (rng.next_u64() % u64::from(q)) as u32).collect()
}

/// Every request kind, every refusal the software model gives, damaged
/// frames, and two full products (N = 16 with q = 12289; N = 64 with a
/// 30-bit prime).
fn script(rng: &mut ChaCha8Rng) -> (Script, Vec<Product>) {
    let mut s = Script::new();
    let (n, q) = (16usize, 12289u32);
    let good = Config::for_modulus(4, q).unwrap();
    s.push("status, unconfigured", &Request::Status);
    s.push("run before configure", &Request::Run { op: Operation::Forward, slot: 0 });
    s.push("read before configure", &Request::ReadSlot { slot: 0, offset: 0, count: 4 });
    s.push("write before configure", &Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&[1, 2]) });
    s.push("log N too large", &Request::Configure(Config::for_modulus(20, q).unwrap()));
    s.push("log N too small", &Request::Configure(Config::for_modulus(3, q).unwrap()));
    s.push("wrong 2^32 mod q", &Request::Configure(Config { r_mod_q: good.r_mod_q + 1, ..good }));
    s.push("wrong -q^-1", &Request::Configure(Config { neg_inv: good.neg_inv ^ 0x80, ..good }));
    s.push("wrong Shoup constant", &Request::Configure(Config { r_shoup: good.r_shoup + 1, ..good }));
    s.push("even modulus", &Request::Configure(Config { q: 12290, ..good }));
    s.push("modulus of 31 bits", &Request::Configure(Config { q: (1 << 30) + 3, ..good }));
    let mut short = config_bytes(&good);
    short.pop();
    s.push_raw("configure payload of 16 bytes", 0x10, &short);
    s.push_raw("status with a payload", 0x01, &[0]);
    s.push_raw("reset with a payload", 0x02, &[0, 0]);
    s.push_raw("unknown opcode", 0x7E, &[1, 2, 3]);
    s.push_bytes("over-long length", vec![proto::REQUEST_SYNC, 0x33, 0x20, 0xD0, 0x07], Vec::new());

    let mut products = Vec::new();
    let a = random_poly(rng, n, q);
    let b = random_poly(rng, n, q);
    s.product(n, q, &a, &b);
    products.push((n, q, a.clone(), b));

    // Refusals once configured, each leaving no trace.
    let mut damaged = frame(s.next_seq(), &Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&[7; 16]) });
    let last = damaged.len() - 1;
    damaged[last] ^= 0x40;
    s.push_bytes("bad CRC, with line noise before it", damaged, vec![0x00, 0xFF, 0x5A, 0x12]);
    s.push("status, configured", &Request::Status);
    let tw = Twiddles::new(n, q);
    s.push(
        "twiddle not below q",
        &Request::LoadTwiddles { table: TwiddleTable::Forward, offset: 0, pairs: Words::Values(&[q, 0]) },
    );
    s.push_raw("twiddle table 2", 0x11, &[2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    s.push_raw("twiddle chunk of 12 bytes", 0x11, &[0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let pairs: Vec<u32> = (0..4).flat_map(|i| [tw.forward[i], tw.forward_shoup[i]]).collect();
    s.push(
        "twiddles past N",
        &Request::LoadTwiddles { table: TwiddleTable::Forward, offset: 14, pairs: Words::Values(&pairs) },
    );
    s.push("coefficient not below q", &Request::WriteSlot { slot: 0, offset: 3, words: Words::Values(&[1, q, 2]) });
    s.push("write past N", &Request::WriteSlot { slot: 0, offset: 12, words: Words::Values(&[1; 8]) });
    s.push_raw("write to slot 2", 0x20, &[2, 0, 0, 1, 0, 0, 0]);
    s.push_raw("write without data", 0x20, &[0, 0, 0]);
    s.push_raw("write of 6 data bytes", 0x20, &[0, 0, 0, 1, 0, 0, 0, 1, 0]);
    s.push_raw("run operation 3", 0x30, &[3, 0]);
    s.push_raw("run on slot 2", 0x30, &[0, 2]);
    s.push_raw("run with 3 bytes", 0x30, &[0, 0, 0]);
    s.push_raw("read count 0", 0x21, &[0, 0, 0, 0, 0]);
    s.push_raw("read count 257", 0x21, &[0, 0, 0, 1, 1]);
    s.push_raw("read from slot 2", 0x21, &[2, 0, 0, 1, 0]);
    s.push_raw("read of 4 bytes", 0x21, &[0, 0, 0, 1]);
    s.push("read past N", &Request::ReadSlot { slot: 0, offset: 10, count: 8 });
    s.push("read after the refusals", &Request::ReadSlot { slot: 0, offset: 0, count: n as u16 });
    s.push("partial read", &Request::ReadSlot { slot: 1, offset: 5, count: 3 });

    let (n, q) = (64usize, NttPrimes::new(30, 64).unwrap().next().unwrap());
    let a = random_poly(rng, n, q);
    let b = random_poly(rng, n, q);
    s.product(n, q, &a, &b);
    products.push((n, q, a, b));
    s.push("reset", &Request::Reset);
    s.push("status after reset", &Request::Status);
    s.push("run after reset", &Request::Run { op: Operation::Inverse, slot: 1 });
    (s, products)
}

/// Runs the script on both; returns the trace and the product read-backs
/// of the interpreter.
fn run_against_device<const L: usize, const K: usize, const A: usize, const T: usize>(
    seed: u64,
) -> (Trace<3, 3>, Vec<Vec<u8>>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (script, products) = script(&mut rng);
    let mut bench = Bench::<L, K, A, T>::new(seed);
    assert_eq!(script.steps.len(), 60);
    let mut device = Device::with_lanes(L as u8).unwrap();
    // First a frame cut short, then silence past the idle timeout: no
    // answer, and the script's first frame must be taken as a frame.
    let cut = frame(0x77, &Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&[1, 2, 3]) });
    for &b in &cut[..9] {
        assert_eq!(bench.cycle([1, b.into(), 1]), None);
    }
    for _ in 0..IDLE_TIMEOUT + 10 {
        assert_eq!(bench.cycle([0, 0, 1]), None);
    }
    let mut reads = Vec::new();
    for (what, bytes, noise) in &script.steps {
        let mut sent = noise.clone();
        sent.extend(bytes);
        let hw = bench.exchange(&sent);
        let sw = device.handle_to_vec(bytes);
        assert_eq!(hw, sw, "{what}: hardware {hw:02x?}, software model {sw:02x?}");
        if what == "read product" {
            reads.push(hw);
        }
    }
    // Independent of both: the products are the schoolbook ones.
    assert_eq!(reads.len(), products.len());
    for (resp, (n, q, a, b)) in reads.iter().zip(&products) {
        let f = proto::ResponseFrame::decode(resp).unwrap();
        let got: Vec<u32> = f.words(*n).unwrap().iter().collect();
        assert_eq!(got, reference::negacyclic_product(*q, a, b), "product, N = {n}");
    }
    (bench.trace, reads)
}

#[test]
fn status_codes_are_the_protocols() {
    use polyhe_core::accel::protocol::Status;
    for (code, s) in [
        (status::OK, Status::Ok),
        (status::BAD_CRC, Status::BadCrc),
        (status::BAD_FRAME, Status::BadFrame),
        (status::UNKNOWN_OPCODE, Status::UnknownOpcode),
        (status::BAD_ARGUMENT, Status::BadArgument),
        (status::NOT_CONFIGURED, Status::NotConfigured),
        (status::DEVICE_FAULT, Status::DeviceFault),
    ] {
        assert_eq!(code, s as u64);
    }
}

#[test]
fn answers_every_request_as_the_software_model_does() {
    let (trace, _) = run_against_device::<1, 2, 12, 14>(11);
    assert!(trace.len() > 5_000);
}

#[test]
fn four_lanes_answer_as_the_four_lane_model_does() {
    run_against_device::<4, 8, 10, 12>(13);
}

fn verilog() -> String {
    let mut uut = FrameInterpreter13::with_idle_timeout(IDLE_TIMEOUT);
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("frame-interpreter-lint");
    tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    let mut board = Board::new(4);
    board.connect_all();
    let dir = WorkDir::new("board-lint");
    tools::verilator_lint(&dir, &generate_verilog(&board)).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn iverilog_replay_matches_the_rust_hdl_trace() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let (trace, _) = run_against_device::<1, 2, 12, 14>(12);
    replay("frame-interpreter-replay", &verilog(), &INPUTS, &OUTPUTS, &trace);
}

/// 8N1 bits of `bytes`, `cpb` clocks each, after `idle` idle clocks.
fn serial_bits(bytes: &[u8], cpb: usize, idle: usize) -> Vec<bool> {
    let mut line = vec![true; idle];
    for &b in bytes {
        let bits = std::iter::once(false).chain((0..8).map(|i| b >> i & 1 == 1)).chain(std::iter::once(true));
        for bit in bits {
            line.extend(std::iter::repeat_n(bit, cpb));
        }
    }
    line
}

/// Decodes 8N1 bytes from a line sampled once per clock.
struct SerialDecoder {
    cpb: usize,
    clocks_low: Option<usize>,
    samples: Vec<bool>,
    bytes: Vec<u8>,
}

impl SerialDecoder {
    fn push(&mut self, level: bool) {
        match self.clocks_low {
            None if !level => {
                self.clocks_low = Some(0);
                self.samples.clear();
            }
            None => {}
            Some(t) => {
                let t = t + 1;
                self.clocks_low = Some(t);
                // Middle of bit k (start bit 0) is at k cpb + cpb / 2.
                if t % self.cpb == self.cpb / 2 {
                    self.samples.push(level);
                    if self.samples.len() == 10 {
                        assert!(!self.samples[0] && self.samples[9], "8N1 framing on uart_tx");
                        let byte = (1..9).fold(0u8, |acc, i| acc | (self.samples[i] as u8) << (i - 1));
                        self.bytes.push(byte);
                        self.clocks_low = None;
                    }
                }
            }
        }
    }
}

#[test]
fn board_speaks_the_protocol_on_its_pins() {
    const CPB: usize = 4;
    let mut board = Box::new(Board::new(CPB as u16));
    board.connect_all();
    check_all(board.as_ref()).unwrap();
    board.uart_rx.next = true;
    settle(board.as_mut());
    let mut device = Device::new();
    let requests = [
        frame(1, &Request::Status),
        frame(2, &Request::Configure(Config::for_modulus(4, 12289).unwrap())),
        frame(3, &Request::WriteSlot { slot: 1, offset: 2, words: Words::Values(&[5, 6, 7]) }),
        frame(4, &Request::ReadSlot { slot: 1, offset: 2, count: 3 }),
        raw(5, 0x30, &[9, 0]),
        frame(6, &Request::Status),
    ];
    // A frame cut short (a host that gave up half way): after the idle
    // timeout the board must take the next frame as a frame, not as the
    // rest of the cut one's payload.
    let cut = frame(7, &Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&[1, 2, 3]) });
    let cut_line = serial_bits(&cut[..9], CPB, 8);
    let silence = (Board::IDLE_TIMEOUT_BYTES as usize + 2) * 10 * CPB;
    for level in cut_line.into_iter().chain(std::iter::repeat_n(true, silence)) {
        board.uart_rx.next = level;
        settle(board.as_mut());
        assert!(board.uart_tx.val(), "no answer to a frame cut short");
        tick(board.as_mut(), |b| &mut b.clock);
    }
    for request in requests {
        let mut decoder = SerialDecoder { cpb: CPB, clocks_low: None, samples: Vec::new(), bytes: Vec::new() };
        let line = serial_bits(&request, CPB, 8);
        let mut clock = 0;
        loop {
            board.uart_rx.next = line.get(clock).copied().unwrap_or(true);
            settle(board.as_mut());
            decoder.push(board.uart_tx.val());
            tick(board.as_mut(), |b| &mut b.clock);
            clock += 1;
            let got = &decoder.bytes;
            if got.len() >= RESPONSE_HEADER_LEN
                && proto::response_frame_len(&got[..RESPONSE_HEADER_LEN]).unwrap() == got.len()
            {
                break;
            }
            assert!(clock < 20_000, "no response on uart_tx: {got:02x?}");
        }
        assert_eq!(decoder.bytes, device.handle_to_vec(&request), "request {:02x?}", &request[..3]);
    }
}

/// Sizes for BENCHMARKS.md (run on request: synthesising the N <= 2^13
/// core takes minutes): `cargo test -p polyhe-fpga --lib board::tests::synthesis -- --ignored --nocapture`.
#[test]
#[ignore]
fn synthesis_for_ice40() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let mut board = Board::new(4);
    board.connect_all();
    let dir = WorkDir::new("board-synth");
    let report = tools::yosys_synth_ice40(&dir, &generate_verilog(&board)).unwrap_or_else(|e| panic!("{e}"));
    println!("Board (NttCore13, UART, frame interpreter) on iCE40: {report:?}");
}
