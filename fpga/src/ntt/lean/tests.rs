//! Load-to-run timing of the lean core: twiddles and `R_SHOUP` go through
//! lane 0's multiplier (the conversion) and land a few cycles after their
//! strobe; an operation started on the very next cycle must still see them.

use polyhe_core::arith::{Modulus, NttPrimes};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

use super::LeanNttCore13;
use crate::arith::{mont_neg_inv, mont_r_mod};
use crate::ntt::cfg;
use crate::ntt::reference::{self, Twiddles};
use crate::ntt::sim::{load_commands, read_commands, Command, LeanCoreSim, Op};

/// The configuration registers, `R_SHOUP` last.
fn config_commands(n: usize, q: u32) -> Vec<Command> {
    let m = Modulus::new(q).unwrap();
    let r = mont_r_mod(q);
    vec![
        Command::Config { addr: cfg::LOG_N, value: n.trailing_zeros() },
        Command::Config { addr: cfg::MODULUS, value: q },
        Command::Config { addr: cfg::NEG_INV, value: mont_neg_inv(q) },
        Command::Config { addr: cfg::R_MOD_Q, value: r },
        Command::Config { addr: cfg::R_SHOUP, value: m.shoup(r) },
    ]
}

/// Every twiddle of one table, first as zero (a stale word a too-early read
/// would see), then the right ones with the indices in `order`.
fn twiddle_commands(tw: &Twiddles, inverse: bool, order: &[usize]) -> Vec<Command> {
    let (w, ws) = if inverse { (&tw.inverse, &tw.inverse_shoup) } else { (&tw.forward, &tw.forward_shoup) };
    let mut cmds: Vec<Command> =
        (0..tw.n()).map(|index| Command::Twiddle { inverse, index, w: 0, w_shoup: 0 }).collect();
    cmds.extend(order.iter().map(|&index| Command::Twiddle { inverse, index, w: w[index], w_shoup: ws[index] }));
    cmds
}

fn random_poly(rng: &mut ChaCha8Rng, n: usize, q: u32) -> Vec<u32> {
    (0..n).map(|_| (rng.next_u64() % q as u64) as u32).collect()
}

/// Runs `op` on slot 0 immediately after the last twiddle write, with the
/// first twiddle the transform needs written last.
fn check_run_right_after_twiddles(op: Op, n: usize, q: u32, rng: &mut ChaCha8Rng) {
    let tw = Twiddles::new(n, q);
    let a = random_poly(rng, n, q);
    let mut program = config_commands(n, q);
    program.extend(load_commands(0, &a));
    // Forward: the first stage's twiddle is index 1; inverse: index N / 2.
    let first = if op == Op::Forward { 1 } else { n / 2 };
    let mut order: Vec<usize> = (0..n).filter(|&i| i != first).collect();
    order.push(first);
    let other = twiddle_commands(&tw, op == Op::Forward, &(0..n).collect::<Vec<_>>());
    program.extend(other);
    program.extend(twiddle_commands(&tw, op == Op::Inverse, &order));
    program.push(Command::Run { op, slot: 0 });
    program.extend(read_commands(0, n));
    let report = LeanCoreSim::new(LeanNttCore13::new()).unwrap().execute(&program, 100_000).unwrap();
    let mut want = a.clone();
    match op {
        Op::Forward => reference::forward(&tw, &mut want),
        _ => reference::inverse(&tw, &mut want),
    }
    assert_eq!(report.reads, want, "{op:?}, N = {n}, q = {q}");
}

#[test]
fn transform_started_right_after_the_last_twiddle_is_exact() {
    let mut rng = ChaCha8Rng::seed_from_u64(340);
    for n in [16, 64] {
        for q in NttPrimes::new(30, n).unwrap().take(2) {
            check_run_right_after_twiddles(Op::Forward, n, q, &mut rng);
            check_run_right_after_twiddles(Op::Inverse, n, q, &mut rng);
        }
    }
}

#[test]
fn pointwise_started_right_after_r_shoup_is_exact() {
    // R_SHOUP's conversion gives the second pass's constant 2^60 mod q.
    let mut rng = ChaCha8Rng::seed_from_u64(341);
    let n = 16;
    for q in NttPrimes::new(30, n).unwrap().take(2) {
        let m = Modulus::new(q).unwrap();
        let (a, b) = (random_poly(&mut rng, n, q), random_poly(&mut rng, n, q));
        let mut program = load_commands(0, &a);
        program.extend(load_commands(1, &b));
        program.extend(config_commands(n, q));
        program.push(Command::Run { op: Op::Pointwise, slot: 0 });
        program.extend(read_commands(0, n));
        let report = LeanCoreSim::new(LeanNttCore13::new()).unwrap().execute(&program, 100_000).unwrap();
        let want: Vec<u32> = a.iter().zip(&b).map(|(&x, &y)| m.mul(x, y)).collect();
        assert_eq!(report.reads, want, "N = {n}, q = {q}");
    }
}

// The twiddles in SPRAM (`LeanNttCore::with_spram_twiddles`).

use rust_hdl::prelude::*;

use super::LeanNttCore;
use crate::ntt::reference::negacyclic_product;
use crate::ntt::sim::{setup_commands, COMMAND_FIELDS};
use crate::tools::{self, VectorFile, WorkDir};

/// The N <= 2^10 lean configuration (`lean_n1024` of the FPGA report).
type Lean1024 = LeanNttCore<1, 2, 9, 11>;

/// A product program for `(n, q)`: loads, forward 0 and 1, pointwise,
/// inverse 0, then reads slot 0 (the negacyclic product).
fn product_program(n: usize, q: u32, rng: &mut ChaCha8Rng) -> (Vec<Command>, Vec<u32>) {
    let tw = Twiddles::new(n, q);
    let (a, b) = (random_poly(rng, n, q), random_poly(rng, n, q));
    let mut program = setup_commands(&tw);
    program.extend(load_commands(0, &a));
    program.extend(load_commands(1, &b));
    for (op, slot) in [(Op::Forward, 0), (Op::Forward, 1), (Op::Pointwise, 0), (Op::Inverse, 0)] {
        program.push(Command::Run { op, slot });
    }
    program.extend(read_commands(0, n));
    (program, negacyclic_product(q, &a, &b))
}

#[test]
fn spram_twiddles_give_the_same_products_and_cycles() {
    let mut rng = ChaCha8Rng::seed_from_u64(350);
    for log_n in [4u32, 6, 10] {
        let n = 1 << log_n;
        for q in NttPrimes::new(30, n).unwrap().take(if log_n == 10 { 1 } else { 2 }) {
            let (program, want) = product_program(n, q, &mut rng);
            let max = program.len() + 40 * n * log_n as usize + 1000;
            let spram = LeanCoreSim::new(Lean1024::with_spram_twiddles()).unwrap().execute(&program, max).unwrap();
            assert_eq!(spram.reads, want, "SPRAM, N = {n}, q = {q}");
            let bram = LeanCoreSim::new(Lean1024::new()).unwrap().execute(&program, max).unwrap();
            assert_eq!(spram, bram, "N = {n}, q = {q}");
        }
    }
}

fn spram_verilog() -> String {
    let mut uut = Lean1024::with_spram_twiddles();
    uut.connect_all();
    generate_verilog(&uut)
}

#[test]
fn spram_verilog_replays_in_icarus_and_lints_clean() {
    let v = spram_verilog();
    assert_eq!(v.matches("SB_SPRAM256KA spram_").count(), 2, "two SPRAM instances");
    if tools::require_tools(&["verilator"]) {
        let dir = WorkDir::new("lean-spram-lint");
        tools::verilator_lint(&dir, &v).unwrap_or_else(|e| panic!("{e}"));
    }
    if !tools::require_tools(&["iverilog", "vvp"]) {
        return;
    }
    // The testbench checks every read against its expected word and prints
    // each operation's cycles; the same program runs in the rust-hdl stepper.
    let mut rng = ChaCha8Rng::seed_from_u64(351);
    let dir = WorkDir::new("lean-spram-iverilog");
    let n = 16;
    for q in NttPrimes::new(30, n).unwrap().take(2) {
        let (program, want) = product_program(n, q, &mut rng);
        let sim = LeanCoreSim::new(Lean1024::with_spram_twiddles()).unwrap().execute(&program, 100_000).unwrap();
        let mut vectors = VectorFile::new(&COMMAND_FIELDS);
        let mut expected = want.iter();
        for cmd in &program {
            let word = if let Command::Read { .. } = cmd { *expected.next().unwrap() } else { 0 };
            vectors.push(&cmd.encode(word));
        }
        dir.write("program.hex", vectors.contents());
        let sources = [("top.v", v.as_str()), ("tb.v", include_str!("../../../tb/ntt_core_tb.v"))];
        let params = [("N", vectors.len().to_string())];
        let out = tools::iverilog_run(&dir, &sources, "tb", &params, n).unwrap_or_else(|e| panic!("{e}")).stdout;
        for (k, c) in sim.op_cycles.iter().enumerate() {
            assert!(out.contains(&format!("op {k} cycles {c}")), "q = {q}: {out}");
        }
    }
}

#[test]
fn spram_core_synthesises_for_ice40_with_two_sprams() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let dir = WorkDir::new("lean-spram-yosys");
    let report = tools::yosys_synth_ice40(&dir, &spram_verilog()).unwrap_or_else(|e| panic!("{e}"));
    println!("LeanNttCore<1, 2, 9, 11> with SPRAM twiddles on iCE40: {report}");
    assert_eq!(report.count("SB_SPRAM256KA"), 2, "{report}");
    assert_eq!(report.count("SB_MAC16"), 8, "{report}");
    // The coefficients only: 2 slots x 2 banks of 512 x 30 bits.
    assert!(report.count("SB_RAM40_4K") <= 16, "{report}");
}
