//! [`FrameReceiver`] on a byte stream built from real request frames
//! (the encoder of [`polyhe_core::accel::protocol`]), with line noise,
//! corrupted frames and an impossible length between them; the expected
//! event of every byte follows from how the stream was put together.

use polyhe_core::accel::protocol::{self as proto, Config, Operation, Request, Words, MAX_FRAME};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::*;
use crate::testbench::run_stream;
use crate::tools::{self, WorkDir};

fn encode(seq: u8, r: &Request<'_>) -> Vec<u8> {
    let mut out = [0u8; MAX_FRAME];
    let len = proto::encode_request(seq, r, &mut out).unwrap();
    out[..len].to_vec()
}

/// Noise bytes that never contain the sync byte.
fn noise(rng: &mut ChaCha8Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| rng.next_u32() as u8).map(|b| if b == FrameReceiver::SYNC { 0 } else { b }).collect()
}

/// The stream and each byte's expected record.
fn stream(seed: u64) -> (Vec<u8>, Vec<RxRecord>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let q = 998_244_353;
    let words: Vec<u32> = (0..256).map(|_| (rng.next_u64() % q as u64) as u32).collect();
    let short: Vec<u32> = words[..5].to_vec();
    let requests = [
        Request::Status,
        Request::Configure(Config::for_modulus(12, q).unwrap()),
        Request::WriteSlot { slot: 1, offset: 512, words: Words::Values(&words) },
        Request::Run { op: Operation::Inverse, slot: 0 },
        Request::LoadTwiddles { table: proto::TwiddleTable::Forward, offset: 2, pairs: Words::Values(&short[..4]) },
        Request::ReadSlot { slot: 0, offset: 0, count: 9 },
    ];
    let (mut bytes, mut want) = (Vec::new(), Vec::new());
    let skip = (RxEvent::Skip as u8, 0, 0, 0, 0, 0);
    let header = (RxEvent::Header as u8, 0, 0, 0, 0, 0);
    for (k, r) in requests.iter().enumerate() {
        let junk = noise(&mut rng, k * 3);
        want.extend(junk.iter().map(|_| skip));
        bytes.extend(junk);
        let mut frame = encode(0x40 + k as u8, r);
        let len = frame.len() - proto::REQUEST_HEADER_LEN - proto::CRC_LEN;
        // Every third frame arrives with one payload (or CRC) bit flipped.
        let corrupt = k % 3 == 2;
        if corrupt {
            let at = proto::REQUEST_HEADER_LEN + (rng.next_u32() as usize % (len + 2));
            frame[at] ^= 1 << (rng.next_u32() % 8);
        }
        want.extend([header; proto::REQUEST_HEADER_LEN]);
        for i in 0..len {
            want.push((RxEvent::Payload as u8, frame[proto::REQUEST_HEADER_LEN + i], i as u16, 0, 0, 0));
        }
        want.push((RxEvent::Crc as u8, 0, 0, 0, 0, 0));
        let verdict = if corrupt { RxEvent::BadCrc } else { RxEvent::FrameOk };
        want.push((verdict as u8, 0, 0, frame[1], frame[2], len as u16));
        bytes.extend(frame);
    }
    // A header announcing more than the longest payload: refused at its
    // last length byte, then the hunt goes on (no sync byte in what follows).
    let too_long = (FrameReceiver::MAX_PAYLOAD + 1).to_le_bytes();
    bytes.extend([FrameReceiver::SYNC, 7, 0x20, too_long[0], too_long[1]]);
    want.extend([header; 4]);
    want.push((RxEvent::BadLength as u8, 0, 0, 0, 0, 0));
    let junk = noise(&mut rng, 20);
    want.extend(junk.iter().map(|_| skip));
    bytes.extend(junk);
    // And a good frame after it.
    let frame = encode(9, &Request::Reset);
    want.extend([header; proto::REQUEST_HEADER_LEN]);
    want.push((RxEvent::Crc as u8, 0, 0, 0, 0, 0));
    want.push((RxEvent::FrameOk as u8, 0, 0, 9, frame[2], 0));
    bytes.extend(frame);
    assert_eq!(bytes.len(), want.len());
    (bytes, want)
}

fn verilog() -> String {
    let mut uut = FrameReceiver::default();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn splits_and_checks_frames_in_simulation() {
    let (bytes, want) = stream(1);
    let oks = want.iter().filter(|r| r.0 == RxEvent::FrameOk as u8).count();
    let bad = want.iter().filter(|r| r.0 == RxEvent::BadCrc as u8).count();
    assert_eq!((oks, bad), (5, 2));
    // With gaps between bytes, as from a UART.
    let report = run_stream(FrameReceiver::default(), bytes, want, 3, "frame_receiver").unwrap();
    assert!(report.checked > 1000, "{report:?}");
}

#[test]
fn a_wrong_expectation_fails() {
    let (bytes, mut want) = stream(2);
    let last = want.len() - 1;
    want[last].0 = RxEvent::BadCrc as u8;
    let err = run_stream(FrameReceiver::default(), bytes, want, 0, "frame_receiver_wrong").unwrap_err();
    assert!(err.contains(&format!("operation {last}")), "{err}");
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("frame-receiver-lint");
    tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
}

/// `(want, mask)` over `{kind, byte_out, index, seq, opcode, len}` (49
/// bits): the fields the record's event defines.
fn packed(r: &RxRecord) -> (u64, u64) {
    let &(kind, byte, index, seq, opcode, len) = r;
    let pack = |k: u64, b: u64, i: u64, s: u64, o: u64, l: u64| k << 46 | b << 38 | i << 27 | s << 19 | o << 11 | l;
    let want = pack(kind.into(), byte.into(), index.into(), seq.into(), opcode.into(), len.into());
    let ones = |bits: u32| (1u64 << bits) - 1;
    let mask = match RxEvent::from_bits(kind) {
        Some(RxEvent::Payload) => pack(ones(3), ones(8), ones(11), 0, 0, 0),
        Some(RxEvent::FrameOk | RxEvent::BadCrc) => pack(ones(3), 0, 0, ones(8), ones(8), ones(11)),
        _ => pack(ones(3), 0, 0, 0, 0, 0),
    };
    (want, mask)
}

#[test]
fn iverilog_replay_splits_and_checks_frames() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let (bytes, want) = stream(3);
    let (mut vin, mut vout) = (tools::VectorFile::new(&[1, 8]), tools::VectorFile::new(&[1, 49, 49]));
    for (k, (b, r)) in bytes.iter().zip(&want).enumerate() {
        if k % 7 == 6 {
            // A gap carrying a sync byte that must not be taken.
            vin.push(&[0, u64::from(FrameReceiver::SYNC)]);
            vout.push(&[0, 0, 0]);
        }
        let (w, m) = packed(r);
        vin.push(&[1, u64::from(*b)]);
        vout.push(&[1, w, m]);
    }
    let dir = WorkDir::new("frame-receiver-iverilog");
    dir.write("in.hex", vin.contents());
    dir.write("out.hex", vout.contents());
    let top = verilog();
    let sources = [("top.v", top.as_str()), ("tb.v", include_str!("../../../tb/frame_receiver_tb.v"))];
    let params = [("N", vin.len().to_string()), ("LATENCY", FrameReceiver::LATENCY.to_string())];
    tools::iverilog_run(&dir, &sources, "tb", &params, bytes.len()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn synthesises_for_ice40_without_dsp_or_ram() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = WorkDir::new("frame-receiver-yosys");
    let report = tools::yosys_synth_ice40(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    println!("FrameReceiver on iCE40: {report}");
    assert_eq!(report.count("SB_MAC16") + report.count_prefix("SB_RAM"), 0, "{report}");
    assert!(report.count("SB_LUT4") < 400, "{report}");
}
