//! CKKS tests against the same computation on plain `f64` vectors, with
//! error bounds derived from the parameters (noise variances and a 6-sigma
//! margin), not tuned to pass.

use std::vec::Vec;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use super::*;
use crate::Error;

struct Setup {
    ctx: Context,
    sk: SecretKey,
    pk: PublicKey,
    relin: RelinKey,
    galois: GaloisKeys,
    rng: ChaCha20Rng,
}

const ROTATIONS: [i64; 9] = [1, 2, 3, 4, 8, -1, -2, -5, 100];

fn setup(lit: ParametersLiteral, seed: u64) -> Setup {
    let ctx = Context::new(Parameters::new_insecure(lit).unwrap()).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let pk = kg.gen_public(&sk, &mut rng).unwrap();
    let relin = kg.gen_relin(&sk, &mut rng).unwrap();
    let galois = kg.gen_galois(&sk, &ROTATIONS, true, &mut rng).unwrap();
    Setup { ctx, sk, pk, relin, galois, rng }
}

/// N = 2^12, 5 levels of one 29-bit prime, dnum 3 (insecure: small N for speed).
fn lit_single() -> ParametersLiteral {
    ParametersLiteral {
        log_n: 12,
        log_scale: 29,
        max_level: 5,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum: 3,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    }
}

/// N = 2^12, 3 levels of two primes (composite scaling, scale 2^50).
fn lit_composite() -> ParametersLiteral {
    ParametersLiteral {
        log_scale: 50,
        max_level: 3,
        primes_per_level: 2,
        log_base_headroom: 20,
        dnum: 2,
        ..lit_single()
    }
}

fn values(rng: &mut ChaCha20Rng, n: usize, bound: f64) -> Vec<Complex> {
    let mut u = || (rng.next_u64() as f64 / u64::MAX as f64 * 2.0 - 1.0) * bound;
    (0..n).map(|_| Complex::new(u(), u())).collect()
}

fn max_err(a: &[Complex], b: &[Complex]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter().zip(b).map(|(x, y)| (*x - *y).abs()).fold(0.0, f64::max)
}

/// Noise bounds on slot errors, from the parameters. A slot sums N
/// coefficient errors: its standard deviation is sqrt(N var) / scale for a
/// coefficient variance var; bounds are 6 standard deviations.
pub(super) struct Bounds {
    n: f64,
    sigma2: f64,
}

impl Bounds {
    pub(super) fn new(p: &Parameters) -> Self {
        Self { n: p.n() as f64, sigma2: p.error_eta() as f64 / 2.0 }
    }
    pub(super) fn slot(&self, coeff_var: f64, scale: f64) -> f64 {
        6.0 * (self.n * coeff_var).sqrt() / scale
    }
    /// Fresh public-key encryption, plus the encoder's rounding.
    pub(super) fn fresh(&self, scale: f64) -> f64 {
        self.slot(self.sigma2 * (1.0 + 4.0 * self.n / 3.0), scale) + self.n_over_two_scale(scale)
    }
    /// The encoder's rounding: each coefficient moves by at most 1/2.
    pub(super) fn n_over_two_scale(&self, scale: f64) -> f64 {
        self.n / (2.0 * scale)
    }
    /// Rounding in a rescale: c0 + c1 s with uniform rounding errors.
    pub(super) fn rescale(&self, scale_after: f64) -> f64 {
        self.slot((1.0 + 2.0 * self.n / 3.0) / 12.0, scale_after)
    }
    /// Key switching, per coefficient: the sum over digits of d_j e_j / P
    /// (d_j centred, uniform below the digit's modulus Q_j) plus ModDown's
    /// rounding (c0 + c1 s with errors uniform in [-1/2, 1/2]).
    pub(super) fn key_switch_coeff_var(&self, p: &Parameters, level: u32) -> f64 {
        let q = &p.q_primes()[..p.limbs_at(level)];
        let log_p: f64 = p.p_primes().iter().map(|&x| (x as f64).log2()).sum();
        let mut var = (1.0 + 2.0 * self.n / 3.0) / 12.0;
        for digit in q.chunks(p.alpha()) {
            let log_d: f64 = digit.iter().map(|&x| (x as f64).log2()).sum();
            var += self.n * self.sigma2 * 2f64.powf(2.0 * (log_d - log_p)) / 12.0;
        }
        var
    }
    /// Key switching's slot error at `scale`.
    pub(super) fn key_switch(&self, p: &Parameters, level: u32, scale: f64) -> f64 {
        self.slot(self.key_switch_coeff_var(p, level), scale)
    }
}

#[test]
fn encrypt_decrypt_within_fresh_bound() {
    let mut s = setup(lit_single(), 1);
    let b = Bounds::new(s.ctx.params());
    let z = values(&mut s.rng, 2048, 1.0);
    let ct = s.ctx.encrypt_pk(&s.pk, &z, &mut s.rng).unwrap();
    assert_eq!(ct.level(), 5);
    let got = s.ctx.decrypt(&s.sk, &ct).unwrap();
    assert!(max_err(&got, &z) <= b.fresh(ct.scale()), "{}", max_err(&got, &z));
    let ct = s.ctx.encrypt_sk(&s.sk, &z[..100], &mut s.rng).unwrap();
    assert_eq!(ct.slots(), 128);
    let got = s.ctx.decrypt(&s.sk, &ct).unwrap();
    assert!(max_err(&got[..100], &z[..100]) <= b.fresh(ct.scale()));
}

#[test]
fn additive_and_plaintext_operations_match_f64() {
    let mut s = setup(lit_single(), 2);
    let b = Bounds::new(s.ctx.params());
    let ev = Evaluator::new(&s.ctx);
    let (x, y) = (values(&mut s.rng, 2048, 1.0), values(&mut s.rng, 2048, 1.0));
    let cx = s.ctx.encrypt_pk(&s.pk, &x, &mut s.rng).unwrap();
    let cy = s.ctx.encrypt_pk(&s.pk, &y, &mut s.rng).unwrap();
    let fresh = b.fresh(cx.scale());
    let dec = |c: &Ciphertext| s.ctx.decrypt(&s.sk, c).unwrap();
    let add: Vec<Complex> = x.iter().zip(&y).map(|(a, b)| *a + *b).collect();
    let sub: Vec<Complex> = x.iter().zip(&y).map(|(a, b)| *a - *b).collect();
    assert!(max_err(&dec(&ev.add(&cx, &cy).unwrap()), &add) <= 2.0 * fresh);
    assert!(max_err(&dec(&ev.sub(&cx, &cy).unwrap()), &sub) <= 2.0 * fresh);
    let neg: Vec<Complex> = x.iter().map(|a| a.scale(-1.0)).collect();
    assert!(max_err(&dec(&ev.neg(&cx).unwrap()), &neg) <= fresh);
    // Plaintext operands.
    let py = s.ctx.encode(&y, cx.level(), cx.scale()).unwrap();
    assert!(max_err(&dec(&ev.add_plain(&cx, &py).unwrap()), &add) <= fresh + b.n / cx.scale());
    assert!(max_err(&dec(&ev.sub_plain(&cx, &py).unwrap()), &sub) <= fresh + b.n / cx.scale());
    let plus: Vec<Complex> = x.iter().map(|a| *a + Complex::new(0.75, 0.0)).collect();
    assert!(max_err(&dec(&ev.add_const(&cx, 0.75).unwrap()), &plus) <= fresh + 1.0 / cx.scale());
    let times3: Vec<Complex> = x.iter().map(|a| a.scale(3.0)).collect();
    assert!(max_err(&dec(&ev.mul_int(&cx, 3).unwrap()), &times3) <= 3.0 * fresh);
    // Products with plaintexts and constants, then rescale.
    let d = ev.rescale_divisor(cx.level()).unwrap();
    let py = s.ctx.encode(&y, cx.level(), d).unwrap();
    let prod = ev.rescale(&ev.mul_plain(&cx, &py).unwrap()).unwrap();
    assert_eq!(prod.level(), cx.level() - 1);
    assert!((prod.scale() - cx.scale()).abs() < 1e-6 * cx.scale(), "constant scale chosen so rescale restores it");
    let want: Vec<Complex> = x.iter().zip(&y).map(|(a, b)| *a * *b).collect();
    // |y| < sqrt 2, so x's noise grows by at most sqrt 2; y's rounding is
    // multiplied by |x| < sqrt 2.
    let bound = 2f64.sqrt() * fresh + 2f64.sqrt() * b.n / d + b.rescale(prod.scale());
    assert!(max_err(&dec(&prod), &want) <= bound, "{} > {bound}", max_err(&dec(&prod), &want));
    let c = ev.rescale(&ev.mul_const(&cx, -1.25).unwrap()).unwrap();
    let want: Vec<Complex> = x.iter().map(|a| a.scale(-1.25)).collect();
    assert!(max_err(&dec(&c), &want) <= 1.25 * fresh + b.rescale(c.scale()) + 1.0 / d);
}

fn mul_chain(lit: ParametersLiteral, seed: u64) {
    let mut s = setup(lit, seed);
    let p = s.ctx.params().clone();
    let b = Bounds::new(&p);
    let ev = Evaluator::new(&s.ctx).with_relin_key(&s.relin).unwrap();
    // Values on the unit circle keep their magnitude under squaring, so
    // the absolute error is also the relative one.
    let x: Vec<Complex> = values(&mut s.rng, p.slots(), 1.0).into_iter().map(|z| z.scale(1.0 / z.abs())).collect();
    let mut ct = s.ctx.encrypt_pk(&s.pk, &x, &mut s.rng).unwrap();
    let mut want = x.clone();
    let mut err = b.fresh(ct.scale());
    // Square down to level 0.
    while ct.level() > 0 {
        let sq = ev.rescale(&ev.square(&ct).unwrap()).unwrap();
        want = want.iter().map(|z| *z * *z).collect();
        let m = want.iter().map(|z| z.abs()).fold(0.0, f64::max);
        // (x + e)^2 = x^2 + 2 x e + e^2, plus key switching (at scale^2)
        // and rescale rounding.
        err = 2.0 * m.sqrt() * err
            + err * err
            + b.key_switch(&p, ct.level(), ct.scale() * ct.scale())
            + b.rescale(sq.scale());
        let got = s.ctx.decrypt(&s.sk, &sq).unwrap();
        let e = max_err(&got, &want);
        assert!(e <= err, "level {}: error {e:e} > bound {err:e}", sq.level());
        // Precision in bits after each multiplication.
        assert!(-e.log2() >= -err.log2(), "precision {:.1} bits below the bound's", -e.log2());
        ct = sq;
    }
    // One step past the last level is an error, not a wrong result.
    let sq = ev.square(&ct).unwrap();
    assert!(matches!(ev.rescale(&sq), Err(Error::LevelExhausted { level: 0, .. })));
    assert!(matches!(ev.mul_const(&ct, 2.0), Err(Error::LevelExhausted { .. })));
}

#[test]
fn multiplication_chain_to_the_last_level() {
    mul_chain(lit_single(), 3);
}

#[test]
fn multiplication_chain_with_composite_scaling() {
    mul_chain(lit_composite(), 4);
}

#[test]
fn rotations_and_conjugation_match_f64() {
    let mut s = setup(lit_single(), 5);
    let p = s.ctx.params().clone();
    let b = Bounds::new(&p);
    let ev = Evaluator::new(&s.ctx).with_galois_keys(&s.galois).unwrap();
    for slots in [p.slots(), 256] {
        let x = values(&mut s.rng, slots, 1.0);
        let ct = s.ctx.encrypt_pk(&s.pk, &x, &mut s.rng).unwrap();
        let bound = b.fresh(ct.scale()) + b.key_switch(&p, ct.level(), ct.scale());
        let hoisted = ev.rotate_hoisted(&ct, &ROTATIONS).unwrap();
        for (&r, h) in ROTATIONS.iter().zip(&hoisted) {
            let single = ev.rotate(&ct, r).unwrap();
            assert_eq!(&single, h, "hoisted rotation {r} differs from a single one");
            let want: Vec<Complex> = (0..slots).map(|i| x[(i as i64 + r).rem_euclid(slots as i64) as usize]).collect();
            let got = s.ctx.decrypt(&s.sk, &single).unwrap();
            assert!(max_err(&got, &want) <= bound, "rotation {r} slots {slots}: {:e}", max_err(&got, &want));
        }
        let conj = ev.conjugate(&ct).unwrap();
        let want: Vec<Complex> = x.iter().map(|z| z.conj()).collect();
        assert!(max_err(&s.ctx.decrypt(&s.sk, &conj).unwrap(), &want) <= bound);
    }
    // Rotation without its key is a typed error.
    let ct = s.ctx.encrypt_pk(&s.pk, &values(&mut s.rng, 16, 1.0), &mut s.rng).unwrap();
    assert!(matches!(ev.rotate(&ct, 7), Err(Error::MissingKey { kind: "Galois", .. })));
    assert!(matches!(Evaluator::new(&s.ctx).rotate(&ct, 1), Err(Error::MissingKey { .. })));
}

#[test]
fn slot_sums_and_replication() {
    let mut s = setup(lit_single(), 6);
    let p = s.ctx.params().clone();
    let b = Bounds::new(&p);
    let ev = Evaluator::new(&s.ctx).with_galois_keys(&s.galois).unwrap();
    let x = values(&mut s.rng, p.slots(), 1.0);
    let ct = s.ctx.encrypt_pk(&s.pk, &x, &mut s.rng).unwrap();
    let sum = ev.sum_slots(&ct, 8).unwrap();
    let want: Vec<Complex> =
        (0..x.len()).map(|i| (0..8).fold(Complex::default(), |a, j| a + x[(i + j) % x.len()])).collect();
    let bound = 8.0 * (b.fresh(ct.scale()) + 3.0 * b.key_switch(&p, ct.level(), ct.scale()));
    assert!(max_err(&s.ctx.decrypt(&s.sk, &sum).unwrap(), &want) <= bound);
    let mut one = vec![Complex::default(); 16];
    one[0] = Complex::new(0.5, -0.25);
    let ct = s.ctx.encrypt_pk(&s.pk, &one, &mut s.rng).unwrap();
    let rep = s.ctx.decrypt(&s.sk, &ev.replicate(&ct, 4).unwrap()).unwrap();
    for (i, z) in rep.iter().enumerate() {
        let want = if i < 4 { one[0] } else { Complex::default() };
        assert!((*z - want).abs() <= bound, "slot {i}");
    }
    assert!(ev.sum_slots(&ct, 3).is_err());
}

#[test]
fn mismatches_are_typed_errors() {
    let mut s = setup(lit_single(), 7);
    let ev = Evaluator::new(&s.ctx).with_relin_key(&s.relin).unwrap();
    let x = values(&mut s.rng, 16, 1.0);
    let a = s.ctx.encrypt_pk(&s.pk, &x, &mut s.rng).unwrap();
    let low = ev.drop_level(&a, 2).unwrap();
    assert!(matches!(ev.add(&a, &low), Err(Error::LevelMismatch { left: 5, right: 3, .. })));
    let sq = ev.square(&a).unwrap();
    assert!(matches!(ev.add(&a, &sq), Err(Error::ScaleMismatch { .. })));
    assert!(matches!(Evaluator::new(&s.ctx).square(&a), Err(Error::MissingKey { kind: "relinearisation", .. })));
    assert!(matches!(ev.drop_level(&a, 9), Err(Error::LevelExhausted { .. })));
    // Objects from another parameter set are refused.
    let other = setup(ParametersLiteral { dnum: 2, ..lit_single() }, 8);
    assert!(matches!(
        ev.add(&a, &other.ctx.encrypt_pk(&other.pk, &x, &mut s.rng).unwrap()),
        Err(Error::ParameterMismatch { .. })
    ));
    assert!(matches!(s.ctx.decrypt(&other.sk, &a), Err(Error::ParameterMismatch { .. })));
    assert!(matches!(Evaluator::new(&s.ctx).with_relin_key(&other.relin), Err(Error::ParameterMismatch { .. })));
    // Wrong inputs to encoding.
    assert!(s.ctx.encode(&values(&mut s.rng, 4096, 1.0), 0, 1e6).is_err());
    assert!(s.ctx.encode(&x, 99, 1e6).is_err());
}

#[test]
fn key_switching_noise_within_bound() {
    use crate::ring::crt::Crt;
    use crate::ring::{automorphism, Coeff, Eval, Poly};
    let mut s = setup(lit_single(), 9);
    let p = s.ctx.params().clone();
    let b = Bounds::new(&p);
    let n = p.n();
    let g = automorphism::galois_element(1, n);
    for level in [0u32, 3, 5] {
        let k = p.limbs_at(level);
        let sk = s.sk.q.as_ref().prefix(k).unwrap();
        let mut d = Poly::<Eval>::zero(s.ctx.q_basis(), k).unwrap();
        crate::sample::uniform(&mut s.rng, &mut d.as_mut());
        let dec = super::keyswitch::decompose(&s.ctx, level, &d).unwrap();
        for galois in [None, Some(g)] {
            // s' = s^2 (relinearisation) or s(X^g) with d(X^g).
            let (key, dp, sp) = match galois {
                None => {
                    let mut sq = Poly::<Eval>::zero(s.ctx.q_basis(), k).unwrap();
                    sq.as_mut().copy_from(&sk).unwrap();
                    sq.as_mut().mul_assign(&sk).unwrap();
                    (&s.relin.0, d.clone(), sq)
                }
                Some(g) => {
                    let mut dg = Poly::<Eval>::zero(s.ctx.q_basis(), k).unwrap();
                    automorphism::apply(&d.as_ref(), g, &mut dg.as_mut()).unwrap();
                    let mut sg = Poly::<Eval>::zero(s.ctx.q_basis(), k).unwrap();
                    automorphism::apply(&sk, g, &mut sg.as_mut()).unwrap();
                    (s.galois.get(g).unwrap(), dg, sg)
                }
            };
            let (k0, k1) = super::keyswitch::switch(&s.ctx, &dec, key, galois).unwrap();
            // e = k0 + k1 s - d' s'
            let mut e = k1.clone();
            e.as_mut().mul_assign(&sk).unwrap();
            e.as_mut().add_assign(&k0.as_ref()).unwrap();
            let mut ds = dp;
            ds.as_mut().mul_assign(&sp.as_ref()).unwrap();
            e.as_mut().sub_assign(&ds.as_ref()).unwrap();
            let e: Poly<Coeff> = e.into_coeff(s.ctx.engine()).unwrap();
            let crt = Crt::new(s.ctx.q_tables(level)).unwrap();
            let max = (0..n).map(|j| crt.coeff_to_f64(&e.as_ref(), j).unwrap().abs()).fold(0.0, f64::max);
            let bound = 6.0 * b.key_switch_coeff_var(&p, level).sqrt();
            assert!(max <= bound, "level {level} galois {galois:?}: {max} > {bound}");
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    /// One key set for every case: N = 2^11, 2 levels (insecure, for speed).
    fn shared() -> &'static (Context, SecretKey, PublicKey, RelinKey) {
        static S: OnceLock<(Context, SecretKey, PublicKey, RelinKey)> = OnceLock::new();
        S.get_or_init(|| {
            let lit = ParametersLiteral { log_n: 11, max_level: 2, dnum: 2, ..lit_single() };
            let ctx = Context::new(Parameters::new_insecure(lit).unwrap()).unwrap();
            let mut rng = ChaCha20Rng::seed_from_u64(77);
            let kg = KeyGenerator::new(&ctx);
            let sk = kg.gen_secret(&mut rng).unwrap();
            let pk = kg.gen_public(&sk, &mut rng).unwrap();
            let rk = kg.gen_relin(&sk, &mut rng).unwrap();
            (ctx, sk, pk, rk)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// For random inputs in [-2, 2], a * b (relinearised, rescaled) and
        /// a + b decrypt within the bounds derived from the parameters.
        #[test]
        fn mul_and_add_match_f64(
            a in proptest::collection::vec(-2.0f64..2.0, 1..64),
            b in proptest::collection::vec(-2.0f64..2.0, 64),
            seed: u64,
        ) {
            let (ctx, sk, pk, rk) = shared();
            let p = ctx.params();
            let bnd = Bounds::new(p);
            let ev = Evaluator::new(ctx).with_relin_key(rk).unwrap();
            let mut rng = ChaCha20Rng::seed_from_u64(seed);
            let za: Vec<Complex> = a.iter().map(|&x| Complex::new(x, 0.0)).collect();
            let zb: Vec<Complex> = b[..a.len()].iter().map(|&x| Complex::new(x, 0.0)).collect();
            let ca = ctx.encrypt_pk(pk, &za, &mut rng).unwrap();
            let cb = ctx.encrypt_pk(pk, &zb, &mut rng).unwrap();
            let prod = ev.rescale(&ev.mul_relin(&ca, &cb).unwrap()).unwrap();
            let sum = ev.add(&ca, &cb).unwrap();
            let fresh = bnd.fresh(ca.scale());
            // |a|, |b| <= 2: each operand's noise is multiplied by at most 2.
            let bound_mul = 4.0 * fresh + fresh * fresh
                + bnd.key_switch(p, ca.level(), ca.scale() * ca.scale())
                + bnd.rescale(prod.scale());
            let got = ctx.decrypt(sk, &prod).unwrap();
            for (i, z) in got.iter().enumerate().take(a.len()) {
                let want = a[i] * b[i];
                prop_assert!((z.re - want).abs() <= bound_mul, "product slot {}: {} vs {}", i, z.re, want);
            }
            let got = ctx.decrypt(sk, &sum).unwrap();
            for (i, z) in got.iter().enumerate().take(a.len()) {
                prop_assert!((z.re - (a[i] + b[i])).abs() <= 2.0 * fresh, "sum slot {}", i);
            }
        }
    }
}
