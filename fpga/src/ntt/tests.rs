//! Simulation and external-tool tests of the whole core against the
//! software reference ([`super::reference`], itself pinned to
//! `polyhe_core::ntt::NttTable`).

use polyhe_core::arith::NttPrimes;
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use rust_hdl::prelude::*;

use super::control::{bank_of, group_indices};
use super::reference::{self, negacyclic_product, Twiddles};
use super::sim::{load_commands, read_commands, run_program, setup_commands, Command, CoreSim, Op, COMMAND_FIELDS};
use super::{NttControl, NttCore, NttCore13, NttCore13x4};
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

/// Runs product cases for every test prime at degree `n` on a fresh
/// `NttCore<L, K, A, T>` (through the single-threaded stepper, which a test
/// pins to rust-hdl's `Simulation`); returns the cycles of (forward,
/// pointwise, inverse) after checking them against the control's formulas.
fn check_products_on<const L: usize, const K: usize, const A: usize, const T: usize>(
    log_n: u32,
    seed: u64,
) -> (usize, usize, usize) {
    let n = 1 << log_n;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut cycles = (0, 0, 0);
    for q in primes(n) {
        let case = product_case(n, q, &mut rng);
        let max = case.program.len() + 8 * n * log_n as usize + 1000;
        let mut sim = CoreSim::new(NttCore::<L, K, A, T>::new()).unwrap();
        let report = sim.execute(&case.program, max).unwrap_or_else(|e| panic!("{L} lanes, N = {n}, q = {q}: {e}"));
        assert_eq!(report.reads.len(), case.expected.len());
        for (k, (got, want)) in report.reads.iter().zip(&case.expected).enumerate() {
            assert_eq!(got, want, "{L} lanes, N = {n}, q = {q}: read {k} (phase {}, index {})", k / n, k % n);
        }
        let [fwd0, fwd1, pw, inv0, inv1] = report.op_cycles[..] else { panic!("five operations") };
        assert!(fwd0 == fwd1 && inv0 == inv1);
        cycles = (fwd0, pw, inv0);
    }
    let (fwd, pw, inv) = cycles;
    let ideal = (n / 2) * log_n as usize / L;
    println!(
        "{L} lane(s), N = {n}: forward {fwd} cycles, inverse {inv}, pointwise {pw}; ideal N/2 log2 N / lanes = \
         {ideal}, utilisation {:.1}%",
        100.0 * ideal as f64 / fwd as f64
    );
    let wl = NttCore::<L, K, A, T>::WRITE_LATENCY;
    assert_eq!(fwd, NttControl::ntt_cycles(log_n, L, wl));
    assert_eq!(inv, fwd);
    assert_eq!(pw, NttControl::pointwise_cycles(log_n, L, NttCore::<L, K, A, T>::POINTWISE_WRITE_LATENCY));
    cycles
}

/// [`check_products_on`] for the one-lane core.
fn check_products(log_n: u32, seed: u64) -> (usize, usize, usize) {
    check_products_on::<1, 2, 12, 14>(log_n, seed)
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

/// Every supported degree, `N = 2^4 .. 2^13`, full products (two forward
/// transforms, the pointwise product, the inverse) on the one-lane core, and
/// the largest on the two- and four-lane cores: `cargo test -p polyhe-fpga
/// --release -- --ignored products_at_every_supported_degree`.
#[test]
#[ignore]
fn products_at_every_supported_degree_match_reference() {
    for log_n in 4..=13 {
        check_products(log_n, 400 + u64::from(log_n));
    }
    check_products_on::<2, 4, 11, 13>(13, 420);
    check_products_on::<4, 8, 10, 12>(13, 421);
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
fn schedule_needs_no_stalls_from_4_lanes_raw_distance() {
    // The stage-boundary gap derived in NttControl's docs: zero from
    // N = 4 lanes (WRITE_LATENCY + 1) on, and the cycle count within 10% of
    // N/2 log2 N / lanes there.
    let wl = Core::WRITE_LATENCY;
    for lanes in [1, 2, 4] {
        for log_n in 4..=13u32 {
            let n = 1usize << log_n;
            let gap = NttControl::gap_cycles(log_n, lanes, wl);
            assert_eq!(gap == 0, n >= 4 * lanes * (wl + 1), "{lanes} lanes, log N = {log_n}");
            if gap == 0 && log_n >= 8 {
                let ideal = n / 2 * log_n as usize / lanes;
                let cycles = NttControl::ntt_cycles(log_n, lanes, wl);
                assert!(cycles as f64 <= 1.1 * ideal as f64, "{lanes} lanes, log N = {log_n}: {cycles} vs {ideal}");
            }
        }
    }
}

#[test]
fn schedule_is_conflict_free_complete_and_respects_read_after_write() {
    // Replays the control's issue order (group_indices, which the hardware
    // lanes follow) in software and checks, for every lane count, degree and
    // direction:
    // - every stage issues each of its N/2 butterflies exactly once, with the
    //   twiddle index of the textbook loop (groups + i / (2h));
    // - the 2 lanes elements of a group are in 2 lanes different banks, and
    //   lanes whose twiddles are in the same twiddle bank need the same one;
    // - every read comes at least WRITE_LATENCY + 1 cycles after the write of
    //   the same element by the previous stage (the write lands
    //   WRITE_LATENCY edges after its issue, and a read on that same edge
    //   still sees the old word), with the gaps of NttControl::gap_cycles.
    let wl = Core::WRITE_LATENCY;
    for lanes in [1usize, 2, 4] {
        let b = lanes.trailing_zeros() + 1;
        for log_n in b..=13u32 {
            let n = 1usize << log_n;
            let gap = NttControl::gap_cycles(log_n, lanes, wl);
            for inverse in [false, true] {
                let mut written = vec![None::<usize>; n];
                let mut cycle = 0;
                for stage in 0..log_n {
                    let s = if inverse { stage } else { log_n - 1 - stage };
                    let h = 1usize << s;
                    let mut seen = vec![false; n];
                    let mut issued = Vec::new();
                    for g in 0..n / (2 * lanes) {
                        let group = group_indices(log_n, lanes, inverse, s, g);
                        let mut banks: Vec<usize> =
                            group.iter().flat_map(|&(x, y, _)| [bank_of(x, b), bank_of(y, b)]).collect();
                        banks.sort_unstable();
                        banks.dedup();
                        assert_eq!(banks.len(), 2 * lanes, "{lanes} lanes, log N = {log_n}, s = {s}, group {g}");
                        // Twiddle banks (t mod lanes): lanes in one bank need
                        // the same twiddle.
                        for &(_, _, t) in &group {
                            assert!(group.iter().all(|&(_, _, u)| u % lanes != t % lanes || u == t), "{group:?}");
                        }
                        for &(x, y, tw) in &group {
                            let ctx = format!("{lanes} lanes, log N = {log_n}, inverse = {inverse}, s = {s}, x = {x}");
                            assert!(x & h == 0 && y == x + h, "{ctx}");
                            assert!(!seen[x], "{ctx}: issued twice");
                            seen[x] = true;
                            assert_eq!(tw, n / (2 * h) + x / (2 * h), "{ctx}");
                            for e in [x, y] {
                                if let Some(w) = written[e] {
                                    assert!(cycle > w, "{ctx}: element {e} read at {cycle}, written at {w}");
                                }
                            }
                            issued.push((x, y, cycle));
                        }
                        cycle += 1;
                    }
                    assert_eq!(issued.len(), n / 2);
                    for (x, y, c) in issued {
                        written[x] = Some(c + wl);
                        written[y] = Some(c + wl);
                    }
                    cycle += gap;
                }
            }
            // Pointwise groups: lanes consecutive aligned elements.
            for g in 0..n / lanes {
                let mut banks: Vec<usize> = (0..lanes).map(|l| bank_of(g * lanes + l, b)).collect();
                banks.sort_unstable();
                banks.dedup();
                assert_eq!(banks.len(), lanes);
            }
        }
    }
}

#[test]
fn bank_map_is_a_bijection() {
    // (bank, index >> b) identifies the index, so banks of 2^(log N - b)
    // words hold every coefficient exactly once.
    for b in 1..=3u32 {
        let n = 1usize << 10;
        let mut seen = vec![false; n];
        for i in 0..n {
            let slot = bank_of(i, b) << (10 - b) | i >> b;
            assert!(!seen[slot], "b = {b}, i = {i}");
            seen[slot] = true;
        }
    }
}

#[test]
fn two_lane_products_match_reference() {
    for (log_n, seed) in [(4, 110), (6, 111)] {
        check_products_on::<2, 4, 11, 13>(log_n, seed);
    }
}

#[test]
fn four_lane_products_match_reference() {
    for (log_n, seed) in [(4, 120), (6, 121)] {
        check_products_on::<4, 8, 10, 12>(log_n, seed);
    }
}

/// Slow: `cargo test -p polyhe-fpga --release -- --ignored lane_products_at_larger`.
#[test]
#[ignore]
fn lane_products_at_larger_degrees_match_reference_within_10_percent_of_ideal() {
    for log_n in [8, 10] {
        let ideal = |lanes: usize| ((1usize << (log_n - 1)) * log_n as usize / lanes) as f64;
        let (f1, _, _) = check_products_on::<1, 2, 12, 14>(log_n, 130);
        let (f2, _, _) = check_products_on::<2, 4, 11, 13>(log_n, 131);
        let (f4, _, _) = check_products_on::<4, 8, 10, 12>(log_n, 132);
        assert!(f1 as f64 <= 1.1 * ideal(1), "{f1}");
        assert!(f2 as f64 <= 1.1 * ideal(2), "{f2}");
        assert!(f4 as f64 <= 1.1 * ideal(4), "{f4}");
    }
}

#[test]
fn lane_cores_match_rust_hdl_simulation() {
    // The stepper and rust-hdl's threaded Simulation agree on the 4-lane
    // core too (the 1-lane case is stepper_matches_simulation_and_keeps_state).
    let mut rng = ChaCha8Rng::seed_from_u64(140);
    let n = 16;
    let q = primes(n)[0];
    let case = product_case(n, q, &mut rng);
    let max = case.program.len() + 8 * n * 4 + 1000;
    let want = run_program(NttCore13x4::new(), case.program.clone(), max).unwrap();
    assert_eq!(want.reads, case.expected);
    let got = CoreSim::new(NttCore13x4::new()).unwrap().execute(&case.program, max).unwrap();
    assert_eq!(got, want);
}

fn verilog_of<const L: usize, const K: usize, const A: usize, const T: usize>() -> String {
    let mut uut = NttCore::<L, K, A, T>::new();
    uut.connect_all();
    generate_verilog(&uut)
}

/// The Verilog of the `N <= 2^13` cores with 1, 2 and 4 lanes.
fn verilogs() -> [(usize, String); 3] {
    [(1, verilog_of::<1, 2, 12, 14>()), (2, verilog_of::<2, 4, 11, 13>()), (4, verilog_of::<4, 8, 10, 12>())]
}

#[test]
fn verilog_has_no_division() {
    for (lanes, v) in verilogs() {
        assert!(!v.contains('%') && !v.contains(" / "), "division in the generated Verilog ({lanes} lanes)");
    }
}

#[test]
fn verilog_lints_clean() {
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    for (lanes, v) in verilogs() {
        let dir = WorkDir::new(&format!("ntt-core-lint-{lanes}"));
        tools::verilator_lint(&dir, &v).unwrap_or_else(|e| panic!("{lanes} lanes: {e}"));
    }
}

#[test]
fn iverilog_replay_matches_reference() {
    // The generated Verilog of each lane count replays product programs
    // (exported as vector files) bit for bit, with the rust-hdl cycle counts.
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(200);
    let n = 16;
    for (lanes, top) in verilogs() {
        let dir = WorkDir::new(&format!("ntt-core-iverilog-{lanes}"));
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
            let out = tools::iverilog_run(&dir, &sources, "tb", &params, reads)
                .unwrap_or_else(|e| panic!("{lanes} lanes: {e}"));
            // The testbench reports each operation's cycles; they must agree
            // with the rust-hdl simulation's.
            let fwd = NttControl::ntt_cycles(4, lanes, Core::WRITE_LATENCY);
            let pw = NttControl::pointwise_cycles(4, lanes, Core::POINTWISE_WRITE_LATENCY);
            for (k, c) in [(0, fwd), (1, fwd), (2, pw), (3, fwd)] {
                assert!(out.stdout.contains(&format!("op {k} cycles {c}")), "{lanes} lanes: {}", out.stdout);
            }
        }
    }
}

#[test]
fn synthesises_for_ice40() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    // The N <= 2^10 instance keeps synthesis quick; memories scale, logic
    // does not.
    let mut uut = NttCore::<1, 2, 9, 11>::new();
    uut.connect_all();
    let dir = WorkDir::new("ntt-core-yosys");
    let report = tools::yosys_synth_ice40(&dir, &generate_verilog(&uut)).unwrap_or_else(|e| panic!("{e}"));
    println!("NttCore (N <= 1024, 1 lane) on iCE40: {report}");
    // ModMul 10 + MontMul 11 partial products.
    assert_eq!(report.count("SB_MAC16"), 21, "{report}");
    assert!(report.count("SB_RAM40_4K") > 0, "{report}");
}

/// Runs forward 0, forward 1, pointwise 0, inverse 0, forward 1 with no
/// idle cycles between them on `core`, and checks both slots.
fn check_back_to_back<const L: usize, const K: usize, const A: usize, const T: usize>(seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
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
        let report = CoreSim::new(NttCore::<L, K, A, T>::new()).unwrap().execute(&program, 100_000).unwrap();
        let mut fb = b.clone();
        reference::forward(&tw, &mut fb);
        reference::forward(&tw, &mut fb);
        assert_eq!(report.reads[..n], negacyclic_product(q, &a, &b)[..], "{L} lanes, q = {q}");
        assert_eq!(report.reads[n..], fb[..], "{L} lanes, q = {q}");
    }
}

#[test]
fn back_to_back_operations_match_reference() {
    // Regression: a pointwise product started within three cycles of a
    // transform's `done` used to pick up the transform's stale write-back
    // tags. No idle cycles here between the operations.
    check_back_to_back::<1, 2, 12, 14>(106);
    check_back_to_back::<2, 4, 11, 13>(107);
    check_back_to_back::<4, 8, 10, 12>(108);
}

// The DSP-lean core: the same programs, the same expected reads.

use super::sim::{HostPorts, LeanCoreSim};
use super::{LeanNttCore, LeanNttCore13};

/// [`check_products_on`] for the lean core (pointwise issued every other
/// cycle, so its cycles follow `pointwise_cycles_at(.., 2)`).
fn check_lean_products_on<const L: usize, const K: usize, const A: usize, const T: usize>(
    log_n: u32,
    seed: u64,
) -> (usize, usize, usize) {
    type Lean<const L: usize, const K: usize, const A: usize, const T: usize> = LeanNttCore<L, K, A, T>;
    let n = 1 << log_n;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut cycles = (0, 0, 0);
    for q in primes(n) {
        let case = product_case(n, q, &mut rng);
        let max = case.program.len() + 8 * n * log_n as usize + 1000;
        let mut sim = LeanCoreSim::new(Lean::<L, K, A, T>::new()).unwrap();
        let report =
            sim.execute(&case.program, max).unwrap_or_else(|e| panic!("lean, {L} lanes, N = {n}, q = {q}: {e}"));
        assert_eq!(report.reads.len(), case.expected.len());
        for (k, (got, want)) in report.reads.iter().zip(&case.expected).enumerate() {
            assert_eq!(got, want, "lean, {L} lanes, N = {n}, q = {q}: read {k} (phase {}, index {})", k / n, k % n);
        }
        let [fwd0, fwd1, pw, inv0, inv1] = report.op_cycles[..] else { panic!("five operations") };
        assert!(fwd0 == fwd1 && inv0 == inv1);
        cycles = (fwd0, pw, inv0);
    }
    let (fwd, pw, inv) = cycles;
    println!("lean core, {L} lane(s), N = {n}: forward {fwd} cycles, inverse {inv}, pointwise {pw}");
    assert_eq!(fwd, NttControl::ntt_cycles(log_n, L, Lean::<L, K, A, T>::WRITE_LATENCY));
    assert_eq!(inv, fwd);
    let pwl = Lean::<L, K, A, T>::POINTWISE_WRITE_LATENCY;
    assert_eq!(pw, NttControl::pointwise_cycles_at(log_n, L, pwl, Lean::<L, K, A, T>::POINTWISE_INTERVAL));
    cycles
}

#[test]
fn lean_products_match_reference() {
    for (log_n, seed) in [(4, 300), (6, 301)] {
        check_lean_products_on::<1, 2, 12, 14>(log_n, seed);
    }
    check_lean_products_on::<2, 4, 11, 13>(4, 302);
    check_lean_products_on::<4, 8, 10, 12>(4, 303);
}

/// Slow: `cargo test -p polyhe-fpga --release -- --ignored lean_products_at_larger`.
#[test]
#[ignore]
fn lean_products_at_larger_degrees_match_reference() {
    for (log_n, seed) in [(8, 310), (10, 311)] {
        let (fwd, _, _) = check_lean_products_on::<1, 2, 12, 14>(log_n, seed);
        assert!(fwd as f64 <= 1.1 * ((1usize << (log_n - 1)) * log_n as usize) as f64, "{fwd}");
    }
}

#[test]
fn lean_stepper_matches_simulation_and_back_to_back() {
    let mut rng = ChaCha8Rng::seed_from_u64(320);
    let n = 16;
    let q = primes(n)[1];
    let case = product_case(n, q, &mut rng);
    let max = case.program.len() + 8 * n * 4 + 1000;
    let want = run_program(LeanNttCore13::new(), case.program.clone(), max).unwrap();
    assert_eq!(want.reads, case.expected);
    let got = LeanCoreSim::new(LeanNttCore13::new()).unwrap().execute(&case.program, max).unwrap();
    assert_eq!(got, want);
    // No idle cycles between operations.
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
        let report = LeanCoreSim::new(LeanNttCore13::new()).unwrap().execute(&program, 100_000).unwrap();
        let mut fb = b.clone();
        reference::forward(&tw, &mut fb);
        reference::forward(&tw, &mut fb);
        assert_eq!(report.reads[..n], negacyclic_product(q, &a, &b)[..], "lean, q = {q}");
        assert_eq!(report.reads[n..], fb[..], "lean, q = {q}");
    }
}

fn lean_verilog_of<const L: usize, const K: usize, const A: usize, const T: usize>() -> String {
    let mut uut = LeanNttCore::<L, K, A, T>::new();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn lean_verilog_lints_clean_and_has_no_division() {
    let v = lean_verilog_of::<1, 2, 12, 14>();
    assert!(!v.contains('%') && !v.contains(" / "));
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("lean-core-lint");
    tools::verilator_lint(&dir, &v).unwrap_or_else(|e| panic!("{e}"));
}

/// Replays `case` through the generated Verilog `top` in Icarus Verilog;
/// returns the testbench output.
fn iverilog_replay(dir: &WorkDir, top: &str, case: &ProductCase) -> String {
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
    let sources = [("top.v", top), ("tb.v", TESTBENCH)];
    let params = [("N", vectors.len().to_string())];
    tools::iverilog_run(dir, &sources, "tb", &params, reads).unwrap_or_else(|e| panic!("{e}")).stdout
}

#[test]
fn lean_iverilog_replay_matches_reference() {
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    let mut rng = ChaCha8Rng::seed_from_u64(330);
    let n = 16;
    let top = lean_verilog_of::<1, 2, 12, 14>();
    let dir = WorkDir::new("lean-core-iverilog");
    type Lean = LeanNttCore13;
    for q in primes(n).into_iter().take(3) {
        let case = product_case(n, q, &mut rng);
        let out = iverilog_replay(&dir, &top, &case);
        let fwd = NttControl::ntt_cycles(4, 1, Lean::WRITE_LATENCY);
        let pw = NttControl::pointwise_cycles_at(4, 1, Lean::POINTWISE_WRITE_LATENCY, Lean::POINTWISE_INTERVAL);
        for (k, c) in [(0, fwd), (1, fwd), (2, pw), (3, fwd)] {
            assert!(out.contains(&format!("op {k} cycles {c}")), "q = {q}: {out}");
        }
    }
}

#[test]
fn lean_core_synthesises_for_ice40_with_eight_mac16() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = WorkDir::new("lean-core-yosys");
    let report = tools::yosys_synth_ice40(&dir, &lean_verilog_of::<1, 2, 9, 11>()).unwrap_or_else(|e| panic!("{e}"));
    println!("LeanNttCore (N <= 1024, 1 lane) on iCE40: {report}");
    assert_eq!(report.count("SB_MAC16"), 8, "{report}");
    assert!(report.count("SB_RAM40_4K") > 0, "{report}");
}

#[test]
fn host_ports_are_the_same_on_both_cores() {
    // The stepper drives both through HostPorts; a fresh core is idle.
    fn idle<C: HostPorts>(c: C) -> bool {
        let mut sim = super::sim::Stepper::new(c).unwrap();
        sim.execute(&[], 10).unwrap().total_cycles == 0
    }
    assert!(idle(Core::new()) && idle(LeanNttCore13::new()));
}
