//! [`Crc16`] against [`polyhe_core::accel::protocol::crc16`] on real
//! protocol frames, in the rust-hdl simulation and replayed through the
//! generated Verilog in Icarus Verilog.

use polyhe_core::accel::protocol::{self as proto, crc16, Config, Operation, Request, Words, MAX_FRAME};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::*;
use crate::testbench::run_stream;
use crate::tools::{self, VectorFile, WorkDir};

const TESTBENCH: &str = include_str!("../../../tb/crc16_tb.v");

/// Request frames of every shape (empty payloads, a configuration, a run,
/// full and partial data chunks with random words), as the host sends them.
fn frames(seed: u64) -> Vec<Vec<u8>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let q = 998_244_353; // 119 * 2^23 + 1, below 2^30
    let mut requests_words: Vec<Vec<u32>> = Vec::new();
    for len in [1usize, 7, 256] {
        requests_words.push((0..len).map(|_| (rng.next_u64() % q as u64) as u32).collect());
    }
    let mut requests = vec![
        Request::Status,
        Request::Reset,
        Request::Configure(Config::for_modulus(10, q).unwrap()),
        Request::Run { op: Operation::Forward, slot: 1 },
        Request::ReadSlot { slot: 0, offset: 256, count: 256 },
    ];
    for (k, words) in requests_words.iter().enumerate() {
        requests.push(Request::WriteSlot {
            slot: (k % 2) as u8,
            offset: (k * 256) as u16,
            words: Words::Values(words),
        });
    }
    requests
        .iter()
        .enumerate()
        .map(|(seq, r)| {
            let mut out = [0u8; MAX_FRAME];
            let len = proto::encode_request(seq as u8, r, &mut out).unwrap();
            out[..len].to_vec()
        })
        .collect()
}

/// Every frame's CRC-covered bytes (after the sync byte, before the
/// trailer) as one stream, `clear` on each frame's first byte, with the
/// model's running CRC after each byte. Also checks that the model's CRC
/// of each whole frame is the trailer the encoder wrote.
fn vectors(seed: u64) -> (Vec<(bool, u8)>, Vec<u16>) {
    let (mut ops, mut want) = (Vec::new(), Vec::new());
    for frame in frames(seed) {
        let body = &frame[1..frame.len() - proto::CRC_LEN];
        for k in 0..body.len() {
            ops.push((k == 0, body[k]));
            want.push(crc16(&body[..=k]));
        }
        let trailer = u16::from_le_bytes([frame[frame.len() - 2], frame[frame.len() - 1]]);
        assert_eq!(*want.last().unwrap(), trailer);
    }
    (ops, want)
}

fn verilog() -> String {
    let mut uut = Crc16::new();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn matches_the_protocol_crc_in_simulation() {
    let (ops, want) = vectors(1);
    let report = run_stream(Crc16::new(), ops, want, 5, "crc16").unwrap();
    assert!(report.checked > 1000, "{report:?}");
}

#[test]
fn simulation_catches_a_wrong_crc() {
    let (ops, mut want) = vectors(2);
    want[40] ^= 0x0100;
    let err = run_stream(Crc16::new(), ops, want, 0, "crc16_wrong").unwrap_err();
    assert!(err.contains("operation 40"), "{err}");
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("crc16-lint");
    tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn iverilog_replay_matches_the_protocol_crc() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let (ops, want) = vectors(3);
    let (mut vin, mut vout) = (VectorFile::new(&[1, 1, 8]), VectorFile::new(&[1, 16]));
    let mut checked = 0;
    let mut k = 0;
    let mut slot = 0;
    while k < ops.len() {
        slot += 1;
        if slot % 13 == 0 {
            // A bubble that looks like a clearing byte: must be ignored.
            vin.push(&[0, 1, 0xA5]);
            vout.push(&[0, 0]);
            continue;
        }
        let (clear, byte) = ops[k];
        vin.push(&[1, clear as u64, byte as u64]);
        vout.push(&[1, want[k] as u64]);
        checked += 1;
        k += 1;
    }
    let dir = WorkDir::new("crc16-iverilog");
    dir.write("in.hex", vin.contents());
    dir.write("out.hex", vout.contents());
    let top = verilog();
    let sources = [("top.v", top.as_str()), ("tb.v", TESTBENCH)];
    let params = [("N", vin.len().to_string()), ("LATENCY", Crc16::LATENCY.to_string())];
    tools::iverilog_run(&dir, &sources, "tb", &params, checked).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn synthesises_small_for_ice40() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = WorkDir::new("crc16-yosys");
    let report = tools::yosys_synth_ice40(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    println!("Crc16 on iCE40: {report}");
    // The 16-bit register and the valid flag; no DSP, no RAM.
    assert_eq!(report.count_prefix("SB_DFF"), 17, "{report}");
    assert_eq!(report.count("SB_MAC16") + report.count_prefix("SB_RAM"), 0, "{report}");
    assert!(report.count("SB_LUT4") < 60, "{report}");
}
