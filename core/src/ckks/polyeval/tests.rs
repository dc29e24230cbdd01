//! Chebyshev evaluation against Clenshaw's recurrence in f64, with error
//! bounds derived from the parameters' noise (not tuned to pass).

use std::vec::Vec;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use super::super::tests::Bounds;
use super::super::*;
use super::ChebyshevPlan;
use crate::approx::{clenshaw, Activation, ApproxTable, FitMethod};
use crate::Error;

struct Setup {
    ctx: Context,
    sk: SecretKey,
    relin: RelinKey,
    rng: ChaCha20Rng,
}

/// N = 2^12 (insecure: small for speed), 7 levels of one 29-bit prime.
fn setup(seed: u64) -> Setup {
    let lit = ParametersLiteral {
        log_n: 12,
        log_scale: 29,
        max_level: 7,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum: 3,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    };
    let ctx = Context::new(Parameters::new_insecure(lit).unwrap()).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let relin = kg.gen_relin(&sk, &mut rng).unwrap();
    Setup { ctx, sk, relin, rng }
}

fn uniform(rng: &mut ChaCha20Rng, n: usize, a: f64, b: f64) -> Vec<f64> {
    (0..n).map(|_| a + (b - a) * (rng.next_u64() as f64 / u64::MAX as f64)).collect()
}

/// A bound on the slot error of the evaluation, from the parameters'
/// noise (`ckks::tests::Bounds`, 6 sigma). The input carries a fresh
/// secret-key error `e0`; each rescale, constant product and key switch on
/// the way adds at most `e_op` (rescale rounding plus key switching at
/// the top level). By Markov's inequality `|T_k'| <= k^2` on `[-1, 1]`,
/// so an error `e` entering any `T_k` moves `c_k T_k` by at most
/// `|c_k| k^2 e`, and the final combination's own rescale adds `e_op`:
/// `|error| <= (1 + sum_k |c_k| k^2) (e0 + ops e_op)`, with `ops` the
/// operations on the longest path (`2 depth + 2`).
fn bound(ctx: &Context, coeffs: &[f64], depth: u32) -> f64 {
    let p = ctx.params();
    let b = Bounds::new(p);
    let scale = p.default_scale();
    let e0 = b.slot(p.error_eta() as f64 / 2.0, scale) + b.n_over_two_scale(scale);
    let e_op = b.rescale(scale) + b.key_switch(p, p.max_level(), scale * scale);
    let ops = f64::from(2 * depth + 2);
    let weight: f64 = coeffs.iter().enumerate().map(|(k, c)| c.abs() * ((k * k).max(1) as f64)).sum();
    (1.0 + weight) * (e0 + ops * e_op)
}

#[test]
fn plans_reach_the_optimal_depth() {
    for d in 0..=127u32 {
        let plan = ChebyshevPlan::for_degree(d);
        let optimal = 32 - d.leading_zeros(); // ceil(log2(d + 1))
        assert_eq!(plan.depth, optimal, "degree {d}: {plan:?}");
        // At least the powers T_2, T_4, .. up to the degree; at most one
        // product per coefficient.
        assert!(plan.products >= optimal.saturating_sub(1) && plan.products <= d.max(1), "{plan:?}");
    }
    // Degree 15: b = 2 gives depth 4 with T_2, T_4, T_8 and 7 splits.
    let p = ChebyshevPlan::for_degree(15);
    assert_eq!((p.baby_step, p.depth, p.products), (2, 4, 10));
}

fn check_polynomial(s: &mut Setup, coeffs: &[f64]) {
    let ev = Evaluator::new(&s.ctx).with_relin_key(&s.relin).unwrap();
    let slots = s.ctx.params().slots();
    let t = uniform(&mut s.rng, slots, -1.0, 1.0);
    let z: Vec<Complex> = t.iter().map(|&x| Complex::new(x, 0.0)).collect();
    let ct = s.ctx.encrypt_sk(&s.sk, &z, &mut s.rng).unwrap();
    let target = s.ctx.params().default_scale() * 1.5;
    let out = ev.eval_chebyshev(&ct, coeffs, target).unwrap();
    let plan = ChebyshevPlan::for_degree(coeffs.len() as u32 - 1);
    assert_eq!(out.level(), ct.level() - plan.depth, "degree {}", coeffs.len() - 1);
    assert_eq!(out.scale(), target, "the scale is exact, not approximate");
    let got = s.ctx.decrypt_real(&s.sk, &out).unwrap();
    let err = t.iter().zip(&got).map(|(&x, &y)| (clenshaw(coeffs, -1.0, 1.0, x) - y).abs()).fold(0.0, f64::max);
    let b = bound(&s.ctx, coeffs, plan.depth);
    assert!(err <= b, "degree {}: error {err:e} > bound {b:e}", coeffs.len() - 1);
}

#[test]
fn random_polynomials_match_clenshaw() {
    let mut s = setup(11);
    for degree in [0usize, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 31] {
        // Decaying coefficients, like a smooth function's.
        let c: Vec<f64> =
            uniform(&mut s.rng, degree + 1, -1.0, 1.0).iter().enumerate().map(|(k, x)| x / (1.0 + k as f64)).collect();
        check_polynomial(&mut s, &c);
    }
}

#[test]
fn sparse_polynomials_keep_the_planned_level() {
    let mut s = setup(12);
    // Only T_15, only even terms, only odd terms.
    let mut top = vec![0.0; 16];
    top[15] = 0.5;
    check_polynomial(&mut s, &top);
    let even: Vec<f64> = (0..16).map(|k| if k % 2 == 0 { 0.3 / (1 + k) as f64 } else { 0.0 }).collect();
    check_polynomial(&mut s, &even);
    let odd: Vec<f64> = (0..16).map(|k| if k % 2 == 1 { 0.3 / k as f64 } else { 0.0 }).collect();
    check_polynomial(&mut s, &odd);
}

#[test]
fn relu_table_on_its_interval() {
    let mut s = setup(13);
    let table = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -4.0, 4.0, 15).unwrap();
    let ev = Evaluator::new(&s.ctx).with_relin_key(&s.relin).unwrap();
    let x = uniform(&mut s.rng, s.ctx.params().slots(), -4.0, 4.0);
    let z: Vec<Complex> = x.iter().map(|&v| Complex::new(v, 0.0)).collect();
    let ct = s.ctx.encrypt_sk(&s.sk, &z, &mut s.rng).unwrap();
    let out = ev.eval_table(&ct, &table, ct.scale()).unwrap();
    // One level for the interval map, four for degree 15.
    assert_eq!(out.level(), ct.level() - 5);
    let got = s.ctx.decrypt_real(&s.sk, &out).unwrap();
    let c = table.coeffs_f64();
    // The map x -> t scales input errors by 2 / (b - a) < 1 and adds one
    // rescale; the bound for t covers it.
    let b = bound(&s.ctx, &c, 5);
    for (&xi, &yi) in x.iter().zip(&got) {
        let want = table.eval(xi);
        assert!((want - yi).abs() <= b, "x = {xi}: {yi} vs {want}, bound {b:e}");
        // And the polynomial is within its fit error of ReLU itself.
        assert!((xi.max(0.0) - yi).abs() <= table.max_error() + b);
    }
}

#[test]
fn bad_inputs_are_typed_errors() {
    let mut s = setup(14);
    let z = vec![Complex::new(0.5, 0.0); 8];
    let ct = s.ctx.encrypt_sk(&s.sk, &z, &mut s.rng).unwrap();
    let ev = Evaluator::new(&s.ctx).with_relin_key(&s.relin).unwrap();
    assert!(matches!(ev.eval_chebyshev(&ct, &[], 1e9), Err(Error::InvalidArgument { .. })));
    assert!(matches!(ev.eval_chebyshev(&ct, &[1.0, f64::NAN], 1e9), Err(Error::InvalidArgument { .. })));
    assert!(matches!(ev.eval_chebyshev(&ct, &[1.0, 1.0], 0.0), Err(Error::InvalidArgument { .. })));
    // Degree 255 needs 8 levels; the input has 7.
    let mut c = vec![0.0; 256];
    c[255] = 1.0;
    assert!(matches!(ev.eval_chebyshev(&ct, &c, 1e9), Err(Error::LevelExhausted { .. })));
    // Products need the relinearisation key.
    let no_key = Evaluator::new(&s.ctx);
    assert!(matches!(no_key.eval_chebyshev(&ct, &[0.0, 0.0, 1.0], 1e9), Err(Error::MissingKey { .. })));
    // Degree 1 needs no product and no key.
    assert!(no_key.eval_chebyshev(&ct, &[0.25, 0.5], 1e9).is_ok());
}
