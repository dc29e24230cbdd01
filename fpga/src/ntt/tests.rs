//! Simulation and external-tool tests of the whole core against the
//! software reference ([`super::reference`], itself pinned to
//! `polyhe_core::ntt::NttTable`).

use polyhe_core::arith::NttPrimes;
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_hdl::prelude::*;

use super::reference::{self, negacyclic_product, Twiddles};
use super::sim::{load_commands, read_commands, run_program, setup_commands, Command, CoreSim, Op, COMMAND_FIELDS};
use super::{NttControl, NttCore, NttCore13};
use crate::tools::{self, VectorFile, WorkDir};

/// The Verilog testbench replaying command programs against `top`.
const TESTBENCH: &str = include_str!("../../tb/ntt_core_tb.v");

type Core = NttCore13;

/// Two 30-bit primes, a 17-bit one and 12289 where it is NTT-friendly.
fn primes(n: usize) -> Vec<u32> {
    let mut qs: Vec<u32> = NttPrimes::new(30, n).unwrap().take(2).collect();
    qs.push(NttPrimes::new(17, n).unwrap().next().unwrap());
    if 12288usize.is_multiple_of(2 * n) {
        qs.push(12289);
    }
    qs
}

fn random_poly(rng: &mut ChaCha8Rng, n: usize, q: u32) -> Vec<u32> {
    (0..n).map(|_| (rng.next_u64() % q as u64) as u32).collect()
}

/// What one product program checks: the reads after forward(a),
/// forward(b), pointwise, inverse (each read back in between).
struct ProductCase {
    program: Vec<Command>,
    expected: Vec<u32>,
}

/// Loads `a` and `b`, then: forward 0 (read), forward 1 (read), pointwise
/// 0 (read), inverse 0 (read), inverse 1 (read: gives `b` back).
fn product_case(n: usize, q: u32, rng: &mut ChaCha8Rng) -> ProductCase {
    let tw = Twiddles::new(n, q);
    let (a, b) = (random_poly(rng, n, q), random_poly(rng, n, q));
    let mut program = setup_commands(&tw);
    program.extend(load_commands(0, &a));
    program.extend(load_commands(1, &b));
    let mut expected = Vec::new();
    let (mut fa, mut fb) = (a.clone(), b.clone());
    reference::forward(&tw, &mut fa);
    reference::forward(&tw, &mut fb);
    program.push(Command::Run { op: Op::Forward, slot: 0 });
    program.extend(read_commands(0, n));
    expected.extend(&fa);
    program.push(Command::Run { op: Op::Forward, slot: 1 });
    program.extend(read_commands(1, n));
    expected.extend(&fb);
    reference::pointwise(&tw, &mut fa, &fb);
    program.push(Command::Run { op: Op::Pointwise, slot: 0 });
    program.extend(read_commands(0, n));
    expected.extend(&fa);
    reference::inverse(&tw, &mut fa);
    assert_eq!(fa, negacyclic_product(q, &a, &b), "the reference itself");
    program.push(Command::Run { op: Op::Inverse, slot: 0 });
    program.extend(read_commands(0, n));
    expected.extend(&fa);
    program.push(Command::Run { op: Op::Inverse, slot: 1 });
    program.extend(read_commands(1, n));
    reference::inverse(&tw, &mut fb);
    assert_eq!(fb, b);
    expected.extend(&fb);
    ProductCase { program, expected }
}

/// Runs product cases for every test prime at degree `n`; returns the
/// cycles of (forward, pointwise, inverse).
fn check_products(log_n: u32, seed: u64) -> (usize, usize, usize) {
    let n = 1 << log_n;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut cycles = (0, 0, 0);
    for q in primes(n) {
        let case = product_case(n, q, &mut rng);
        let max = case.program.len() + 8 * n * log_n as usize + 1000;
        let report = run_program(Core::new(), case.program, max).unwrap_or_else(|e| panic!("N = {n}, q = {q}: {e}"));
        assert_eq!(report.reads.len(), case.expected.len());
        for (k, (got, want)) in report.reads.iter().zip(&case.expected).enumerate() {
            assert_eq!(got, want, "N = {n}, q = {q}: read {k} (phase {}, index {})", k / n, k % n);
        }
        let [fwd0, fwd1, pw, inv0, inv1] = report.op_cycles[..] else { panic!("five operations") };
        assert!(fwd0 == fwd1 && inv0 == inv1);
        cycles = (fwd0, pw, inv0);
    }
    let (fwd, pw, inv) = cycles;
    let ideal = (n / 2) * log_n as usize;
    println!(
        "N = {n}: forward {fwd} cycles, inverse {inv}, pointwise {pw}; ideal N/2 log2 N = {ideal}, \
         utilisation {:.1}%",
        100.0 * ideal as f64 / fwd as f64
    );
    assert_eq!(fwd, NttControl::ntt_cycles(log_n, Core::WRITE_LATENCY));
    assert_eq!(inv, fwd);
    cycles
}

#[test]
fn products_at_n16_match_reference() {
    check_products(4, 100);
}

#[test]
fn products_at_n64_match_reference_within_10_percent_of_ideal() {
    let (fwd, _, _) = check_products(6, 101);
    assert!(fwd as f64 <= 1.1 * (32 * 6) as f64, "{fwd} cycles");
}

#[test]
fn products_at_n256_match_reference() {
    let (fwd, _, _) = check_products(8, 102);
    assert!(fwd as f64 <= 1.1 * (128 * 8) as f64, "{fwd} cycles");
}

/// Slow (several seconds per prime): `cargo test -p polyhe-fpga --release
/// -- --ignored products_at_n1024`.
#[test]
#[ignore]
fn products_at_n1024_match_reference() {
    check_products(10, 103);
}

/// The largest supported degree, one prime: `cargo test -p polyhe-fpga
/// --release -- --ignored forward_at_n8192`.
#[test]
#[ignore]
fn forward_at_n8192_matches_reference() {
    let (log_n, n) = (13, 1 << 13);
    let q = NttPrimes::new(30, n).unwrap().next().unwrap();
    let tw = Twiddles::new(n, q);
    let a = random_poly(&mut ChaCha8Rng::seed_from_u64(104), n, q);
    let mut program = setup_commands(&tw);
    program.extend(load_commands(0, &a));
    program.push(Command::Run { op: Op::Forward, slot: 0 });
    program.extend(read_commands(0, n));
    let report = run_program(Core::new(), program, 10 * n * log_n).unwrap();
    let mut want = a;
    reference::forward(&tw, &mut want);
    assert_eq!(report.reads, want);
    println!("N = 8192: forward {} cycles", report.op_cycles[0]);
}

#[test]
fn stepper_matches_simulation_and_keeps_state() {
    // CoreSim must be the same evaluation as rust-hdl's threaded Simulation:
    // identical reads and cycle counts, also when the program is split into
    // batches (the state survives between them).
    let mut rng = ChaCha8Rng::seed_from_u64(105);
    for log_n in [4, 6] {
        let n = 1 << log_n;
        let q = primes(n)[0];
        let case = product_case(n, q, &mut rng);
        let max = case.program.len() + 8 * n * log_n + 1000;
        let want = run_program(Core::new(), case.program.clone(), max).unwrap();
        let mut sim = CoreSim::new(Core::new()).unwrap();
        let whole = sim.execute(&case.program, max).unwrap();
        assert_eq!(whole, want, "N = {n}");
        let mut sim = CoreSim::new(Core::new()).unwrap();
        let (first, second) = case.program.split_at(case.program.len() / 2);
        let mut split = sim.execute(first, max).unwrap();
        let rest = sim.execute(second, max).unwrap();
        split.reads.extend(rest.reads);
        split.op_cycles.extend(rest.op_cycles);
        assert_eq!(split.reads, case.expected, "N = {n}");
        assert_eq!(split.op_cycles, want.op_cycles, "N = {n}");
        assert_eq!(sim.cycles(), split.total_cycles + rest.total_cycles);
    }
}

#[test]
fn schedule_needs_no_stalls_from_n64() {
    // The stage-boundary gap derived in NttControl's docs: zero from N = 64
    // on, and the cycle count within 10% of N/2 log2 N there.
    for log_n in 1..=13u32 {
        let gap = NttControl::gap_cycles(log_n, Core::WRITE_LATENCY);
        if log_n >= 6 {
            assert_eq!(gap, 0, "log N = {log_n}");
            let ideal = (1usize << (log_n - 1)) * log_n as usize;
            let cycles = NttControl::ntt_cycles(log_n, Core::WRITE_LATENCY);
            assert!(cycles as f64 <= 1.1 * ideal as f64, "log N = {log_n}: {cycles} vs {ideal}");
        }
    }
}

#[test]
fn schedule_respects_read_after_write() {
    // Replays the control's issue order in software: every read must come
    // at least WRITE_LATENCY + 1 cycles after the write of the same element
    // by the previous stage (the write lands WRITE_LATENCY edges after its
    // issue, and a read on that same edge still sees the old word).
    for log_n in 1..=11u32 {
        let n = 1usize << log_n;
        let gap = NttControl::gap_cycles(log_n, Core::WRITE_LATENCY);
        for inverse in [false, true] {
            let mut written = vec![None::<usize>; n];
            let mut cycle = 0;
            for s in 0..log_n {
                let h = if inverse { 1 << s } else { n >> (s + 1) };
                let mut issued = Vec::new();
                for t in 0..n / 2 {
                    let (g, k) = (t / h, t % h);
                    let i = 2 * g * h + k;
                    for e in [i, i + h] {
                        if let Some(w) = written[e] {
                            assert!(
                                cycle > w,
                                "log N = {log_n}, inverse = {inverse}, stage {s}: element {e} read at {cycle}, written at {w}"
                            );
                        }
                    }
                    issued.push((i, cycle));
                    cycle += 1;
                }
                for (i, c) in issued {
                    written[i] = Some(c + Core::WRITE_LATENCY);
                    written[i + h] = Some(c + Core::WRITE_LATENCY);
                }
                cycle += gap;
            }
        }
    }
}

fn verilog() -> String {
    let mut uut = Core::new();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn verilog_has_no_division() {
    let v = verilog();
    assert!(!v.contains('%') && !v.contains(" / "), "division in the generated Verilog");
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("ntt-core-lint");
    tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn iverilog_replay_matches_reference() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(200);
    let n = 16;
    let dir = WorkDir::new("ntt-core-iverilog");
    let top = verilog();
    for q in primes(n).into_iter().take(2) {
        let case = product_case(n, q, &mut rng);
        let mut vectors = VectorFile::new(&COMMAND_FIELDS);
        let mut expected = case.expected.iter();
        let mut reads = 0;
        for cmd in &case.program {
            let want = if let Command::Read { .. } = cmd {
                reads += 1;
                *expected.next().unwrap()
            } else {
                0
            };
            vectors.push(&cmd.encode(want));
        }
        dir.write("program.hex", vectors.contents());
        let sources = [("top.v", top.as_str()), ("tb.v", TESTBENCH)];
        let params = [("N", vectors.len().to_string())];
        let out = tools::iverilog_run(&dir, &sources, "tb", &params, reads).unwrap_or_else(|e| panic!("{e}"));
        // The testbench reports each operation's cycles; they must agree with
        // the rust-hdl simulation's.
        let fwd = NttControl::ntt_cycles(4, Core::WRITE_LATENCY);
        assert!(out.stdout.contains(&format!("op 0 cycles {fwd}")), "{}", out.stdout);
    }
}

#[test]
fn synthesises_for_ice40() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    // The N <= 2^10 instance keeps synthesis quick; memories scale, logic
    // does not.
    let mut uut = NttCore::<9, 11>::new();
    uut.connect_all();
    let dir = WorkDir::new("ntt-core-yosys");
    let report = tools::yosys_synth_ice40(&dir, &generate_verilog(&uut)).unwrap_or_else(|e| panic!("{e}"));
    println!("NttCore (N <= 1024, 1 lane) on iCE40: {report}");
    // ModMul 10 + MontMul 11 partial products.
    assert_eq!(report.count("SB_MAC16"), 21, "{report}");
    assert!(report.count("SB_RAM40_4K") > 0, "{report}");
}

#[test]
fn back_to_back_operations_match_reference() {
    // Regression: a pointwise product started within three cycles of a
    // transform's `done` used to pick up the transform's stale write-back
    // tags. No idle cycles here between the operations.
    let mut rng = ChaCha8Rng::seed_from_u64(106);
    let n = 64;
    for q in primes(n).into_iter().take(2) {
        let tw = Twiddles::new(n, q);
        let (a, b) = (random_poly(&mut rng, n, q), random_poly(&mut rng, n, q));
        let mut program = setup_commands(&tw);
        program.extend(load_commands(0, &a));
        program.extend(load_commands(1, &b));
        for (op, slot) in [(Op::Forward, 0), (Op::Forward, 1), (Op::Pointwise, 0), (Op::Inverse, 0), (Op::Forward, 1)] {
            program.push(Command::Run { op, slot });
        }
        program.extend(read_commands(0, n));
        program.extend(read_commands(1, n));
        let report = run_program(Core::new(), program, 100_000).unwrap();
        let mut fb = b.clone();
        reference::forward(&tw, &mut fb);
        reference::forward(&tw, &mut fb);
        assert_eq!(report.reads[..n], negacyclic_product(q, &a, &b)[..], "q = {q}");
        assert_eq!(report.reads[n..], fb[..], "q = {q}");
    }
}
