//! The UART against a software model of the 8N1 line: the transmitter's
//! waveform is decoded and timed bit by bit, the receiver gets model
//! waveforms (with jitter-free gaps, a glitch and a broken stop bit) and a
//! loop back from the transmitter; the recorded per-cycle traces are then
//! replayed through the generated Verilog in Icarus Verilog.

use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::*;
use crate::link::trace::{replay, settle, tick, Trace};
use crate::tools::{self, WorkDir};

/// Runs the transmitter on `bytes` (a gap of `gaps[i]` idle cycles before
/// byte `i`): the `tx` level of every cycle and the trace
/// `(valid, data) -> (ready, tx)`.
fn transmit(cpb: u16, bytes: &[u8], gaps: &[usize]) -> (Vec<bool>, Trace<2, 2>) {
    let mut u = UartTx::new(cpb);
    u.connect_all();
    check_all(&u).unwrap();
    settle(&mut u);
    let (mut line, mut trace) = (Vec::new(), Vec::new());
    for (&b, &gap) in bytes.iter().zip(gaps) {
        let mut waited = 0;
        loop {
            let offer = waited >= gap;
            u.valid.next = offer;
            u.data.next = u64::from(b).into();
            settle(&mut u);
            let taken = offer && u.ready.val();
            line.push(u.tx.val());
            trace.push(([offer as u64, b.into()], [u.ready.val() as u64, u.tx.val() as u64]));
            tick(&mut u, |u| &mut u.clock);
            waited += 1;
            if taken {
                break;
            }
        }
    }
    // Let the last byte out.
    for _ in 0..11 * cpb as usize {
        u.valid.next = false;
        settle(&mut u);
        line.push(u.tx.val());
        trace.push(([0, 0], [u.ready.val() as u64, u.tx.val() as u64]));
        tick(&mut u, |u| &mut u.clock);
    }
    (line, trace)
}

/// The software model's decoding of an 8N1 line sampled once per clock:
/// every frame must start at a falling edge from idle, hold each of its
/// ten bits for exactly `cpb` cycles, and end with a high stop bit.
fn decode_exact(line: &[bool], cpb: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut t = 0;
    while t < line.len() {
        if line[t] {
            t += 1;
            continue;
        }
        assert!(t + 10 * cpb <= line.len(), "frame at cycle {t} cut off");
        let bits: Vec<bool> = (0..10)
            .map(|i| {
                let period = &line[t + i * cpb..t + (i + 1) * cpb];
                assert!(period.iter().all(|&x| x == period[0]), "bit {i} of the frame at {t} not held {cpb} cycles");
                period[0]
            })
            .collect();
        assert!(!bits[0] && bits[9], "start / stop bit of the frame at {t}");
        out.push((1..9).rev().fold(0u8, |acc, i| acc << 1 | bits[i] as u8));
        t += 10 * cpb;
    }
    out
}

/// An 8N1 waveform of `bytes` from the model, `idle` high cycles before
/// each; `bad_stop` frames get a low stop bit.
fn waveform(cpb: usize, bytes: &[u8], idle: &[usize], bad_stop: &[bool]) -> Vec<bool> {
    let mut line = Vec::new();
    for ((&b, &gap), &bad) in bytes.iter().zip(idle).zip(bad_stop) {
        line.extend(std::iter::repeat_n(true, gap));
        let mut bits = vec![false];
        bits.extend((0..8).map(|i| (b >> i) & 1 == 1));
        bits.push(!bad);
        for bit in bits {
            line.extend(std::iter::repeat_n(bit, cpb));
        }
    }
    line.extend(std::iter::repeat_n(true, 3 * cpb));
    line
}

/// Runs the receiver on `line`: `(bytes, framing errors)` and the trace
/// `rx -> (valid, data, framing_error)`.
fn receive(cpb: u16, line: &[bool]) -> (Vec<u8>, usize, Trace<1, 3>) {
    let mut u = UartRx::new(cpb);
    u.connect_all();
    check_all(&u).unwrap();
    settle(&mut u);
    let (mut got, mut errors, mut trace) = (Vec::new(), 0, Vec::new());
    for &level in line {
        u.rx.next = level;
        settle(&mut u);
        if u.valid.val() {
            got.push(u.data.val().to_u64() as u8);
        }
        errors += u.framing_error.val() as usize;
        trace.push(([level as u64], [u.valid.val() as u64, u.data.val().to_u64(), u.framing_error.val() as u64]));
        tick(&mut u, |u| &mut u.clock);
    }
    (got, errors, trace)
}

fn random_bytes(seed: u64, n: usize) -> (Vec<u8>, Vec<usize>) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let bytes = (0..n).map(|_| rng.next_u32() as u8).chain([0x00, 0xFF, 0x5A, 0xA5]).collect::<Vec<_>>();
    let gaps = bytes.iter().map(|_| (rng.next_u32() % 3 == 0) as usize * (rng.next_u32() % 30) as usize).collect();
    (bytes, gaps)
}

#[test]
fn transmitter_sends_exact_8n1_frames() {
    for cpb in [2u16, 5, 8] {
        let (bytes, gaps) = random_bytes(u64::from(cpb), 24);
        let (line, _) = transmit(cpb, &bytes, &gaps);
        assert_eq!(decode_exact(&line, cpb as usize), bytes, "{cpb} clocks per bit");
    }
}

#[test]
fn receiver_reads_model_waveforms_and_flags_broken_stop_bits() {
    for cpb in [4u16, 5, 16] {
        let (bytes, gaps) = random_bytes(10 + u64::from(cpb), 24);
        let bad: Vec<bool> = (0..bytes.len()).map(|i| i % 9 == 4).collect();
        // A frame with a low stop bit is followed by at least a bit of idle
        // line, as a break or a wrong rate would be.
        let idle: Vec<usize> = gaps.iter().map(|g| g + cpb as usize).collect();
        let mut line = waveform(cpb as usize, &bytes, &idle, &bad);
        // A glitch shorter than half a bit in the first gap: no frame.
        line[1] = false;
        let (got, errors, _) = receive(cpb, &line);
        let want: Vec<u8> = bytes.iter().zip(&bad).filter(|(_, &b)| !b).map(|(&x, _)| x).collect();
        assert_eq!(got, want, "{cpb} clocks per bit");
        assert_eq!(errors, bad.iter().filter(|&&b| b).count());
    }
}

#[test]
fn loop_back_transmitter_to_receiver() {
    let cpb = 6;
    let (bytes, gaps) = random_bytes(42, 40);
    let (line, _) = transmit(cpb, &bytes, &gaps);
    let (got, errors, _) = receive(cpb, &line);
    assert_eq!((got, errors), (bytes, 0));
}

fn verilog_tx(cpb: u16) -> String {
    let mut u = UartTx::new(cpb);
    u.connect_all();
    generate_verilog(&u)
}

fn verilog_rx(cpb: u16) -> String {
    let mut u = UartRx::new(cpb);
    u.connect_all();
    generate_verilog(&u)
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    tools::verilator_lint(&WorkDir::new("uart-tx-lint"), &verilog_tx(104)).unwrap_or_else(|e| panic!("{e}"));
    tools::verilator_lint(&WorkDir::new("uart-rx-lint"), &verilog_rx(104)).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn iverilog_replays_match_the_rust_hdl_traces() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let cpb = 5;
    let (bytes, gaps) = random_bytes(7, 12);
    let (line, tx_trace) = transmit(cpb, &bytes, &gaps);
    replay("uart-tx-iverilog", &verilog_tx(cpb), &[("valid", 1), ("data", 8)], &[("ready", 1), ("tx", 1)], &tx_trace);
    let mut bad_line = waveform(cpb as usize, &bytes[..3], &[4, 9, 2], &[false, true, false]);
    bad_line.extend(line);
    let (_, errors, rx_trace) = receive(cpb, &bad_line);
    assert_eq!(errors, 1);
    replay(
        "uart-rx-iverilog",
        &verilog_rx(cpb),
        &[("rx", 1)],
        &[("valid", 1), ("data", 8), ("framing_error", 1)],
        &rx_trace,
    );
}

#[test]
fn synthesises_small_for_ice40() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    for (name, v) in [("tx", verilog_tx(4)), ("rx", verilog_rx(4))] {
        let report = tools::yosys_synth_ice40(&WorkDir::new(&format!("uart-{name}-yosys")), &v)
            .unwrap_or_else(|e| panic!("{e}"));
        println!("Uart{name} on iCE40: {report}");
        assert_eq!(report.count("SB_MAC16") + report.count_prefix("SB_RAM"), 0, "{report}");
        assert!(report.count("SB_LUT4") < 120, "{report}");
    }
}
