//! [`FrameTransmitter`] against the protocol's response encoder: driven
//! cycle by cycle in the rust-hdl simulation with random back-pressure and
//! payload gaps, the bytes it sends are exactly
//! [`polyhe_core::accel::protocol::encode_response`]'s frames; the
//! recorded per-cycle trace is then replayed through the generated Verilog
//! in Icarus Verilog (`tb/trace_tb.v`).

use polyhe_core::accel::protocol::{self as proto, Status, MAX_FRAME, MAX_PAYLOAD};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::*;
use crate::link::trace::{replay, settle, tick, Trace};
use crate::tools::{self, WorkDir};

/// The ports of a trace, in its order, with their widths.
const INPUTS: [(&str, usize); 8] = [
    ("start", 1),
    ("seq", 8),
    ("opcode", 8),
    ("status", 8),
    ("len", 11),
    ("payload_valid", 1),
    ("payload", 8),
    ("out_ready", 1),
];
const OUTPUTS: [(&str, usize); 4] = [("out_valid", 1), ("out_data", 8), ("payload_ready", 1), ("busy", 1)];

/// `(seq, opcode, status, payload)` of each response to send.
fn responses(seed: u64) -> Vec<(u8, u8, Status, Vec<u8>)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut payload = |n: usize| (0..n).map(|_| rng.next_u32() as u8).collect::<Vec<u8>>();
    vec![
        (1, 0x01, Status::Ok, payload(12)),
        (2, 0x20, Status::Ok, Vec::new()),
        (3, 0x21, Status::Ok, payload(MAX_PAYLOAD - 3)),
        (0xFE, 0x30, Status::Ok, payload(4)),
        (5, 0x11, Status::BadCrc, Vec::new()),
        (6, 0x21, Status::Ok, payload(1)),
    ]
}

struct Bench {
    uut: Box<FrameTransmitter>,
    trace: Trace<8, 4>,
}

impl Bench {
    fn new() -> Self {
        let mut uut = Box::new(FrameTransmitter::default());
        uut.connect_all();
        check_all(uut.as_ref()).unwrap();
        settle(uut.as_mut());
        Self { uut, trace: Vec::new() }
    }

    /// Applies `inputs`, records the outputs, clocks; returns the byte sent
    /// and whether a payload byte was taken.
    fn cycle(&mut self, inputs: [u64; 8]) -> (Option<u8>, bool) {
        let u = &mut self.uut;
        let [start, seq, opcode, status, len, pvalid, payload, ready] = inputs;
        u.start.next = start == 1;
        u.seq.next = seq.into();
        u.opcode.next = opcode.into();
        u.status.next = status.into();
        u.len.next = len.into();
        u.payload_valid.next = pvalid == 1;
        u.payload.next = payload.into();
        u.out_ready.next = ready == 1;
        settle(u.as_mut());
        let u = &self.uut;
        let outputs =
            [u.out_valid.val() as u64, u.out_data.val().to_u64(), u.payload_ready.val() as u64, u.busy.val() as u64];
        let sent = (u.out_valid.val() && ready == 1).then(|| u.out_data.val().to_u64() as u8);
        let taken = u.payload_ready.val() && pvalid == 1;
        self.trace.push((inputs, outputs));
        tick(self.uut.as_mut(), |u| &mut u.clock);
        (sent, taken)
    }
}

/// Sends every response with random stalls; returns the bytes on the
/// link and the trace.
fn run(seed: u64) -> (Vec<Vec<u8>>, Trace<8, 4>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5A5A);
    let mut bench = Bench::new();
    let mut frames = Vec::new();
    for (seq, opcode, status, payload) in responses(seed) {
        let mut sent = Vec::new();
        let mut next = 0;
        // Start (with the link sometimes not ready at once).
        let (b, _) = bench.cycle([1, seq.into(), opcode.into(), status as u64, payload.len() as u64, 0, 0, 0]);
        assert!(b.is_none());
        let mut cycles = 0;
        while bench.uut.busy.val() {
            cycles += 1;
            assert!(cycles < 20 * MAX_FRAME, "frame never finished");
            let pvalid = next < payload.len() && rng.next_u32() % 4 != 0;
            let byte = if pvalid { payload[next] } else { rng.next_u32() as u8 };
            let ready = rng.next_u32() % 3 != 0;
            // `start` while busy must be ignored.
            let start = (rng.next_u32() % 8 == 0) as u64;
            let (b, taken) = bench.cycle([start, 0x77, 0x66, 0x55, 9, pvalid as u64, byte.into(), ready as u64]);
            if taken {
                next += 1;
            }
            sent.extend(b);
        }
        assert_eq!(next, payload.len(), "every payload byte taken once");
        frames.push(sent);
        // A few idle cycles: nothing may be sent.
        for _ in 0..3 {
            assert_eq!(bench.cycle([0, 0, 0, 0, 0, 0, 0, 1]).0, None);
        }
    }
    (frames, bench.trace)
}

#[test]
fn sends_the_protocol_encoders_frames_under_back_pressure() {
    let (frames, trace) = run(1);
    for ((seq, opcode, status, payload), got) in responses(1).iter().zip(&frames) {
        let mut want = [0u8; MAX_FRAME];
        let len = proto::encode_response(*seq, *opcode, *status, payload, &mut want).unwrap();
        assert_eq!(got[..], want[..len], "response seq {seq}");
        // The device's own parser accepts it.
        assert!(proto::ResponseFrame::decode(got).is_ok());
    }
    assert!(trace.len() > MAX_PAYLOAD + 100);
}

fn verilog() -> String {
    let mut uut = FrameTransmitter::default();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("frame-transmitter-lint");
    tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn iverilog_replay_matches_the_rust_hdl_trace() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let (_, trace) = run(2);
    replay("frame-transmitter-iverilog", &verilog(), &INPUTS, &OUTPUTS, &trace);
}

#[test]
fn synthesises_for_ice40_without_dsp_or_ram() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = WorkDir::new("frame-transmitter-yosys");
    let report = tools::yosys_synth_ice40(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    println!("FrameTransmitter on iCE40: {report}");
    assert_eq!(report.count("SB_MAC16") + report.count_prefix("SB_RAM"), 0, "{report}");
    assert!(report.count("SB_LUT4") < 400, "{report}");
}
