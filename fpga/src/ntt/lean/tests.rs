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
