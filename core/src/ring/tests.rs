//! Ring-layer tests against their definitions and big-integer CRT.

use num_bigint::{BigInt, BigUint};
use num_traits::{One, Zero};
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use super::automorphism::{apply, conjugation_element, galois_element};
use super::convert::{divide_round_by_last, divide_round_by_last_eval, BasisConverter};
use super::crt::Crt;
use super::*;
use crate::arith::NttPrimes;
use crate::ntt::{CpuNtt, NttEngine, NttTable};
use crate::Error;

fn basis(n: usize, bits: u32, k: usize) -> std::sync::Arc<RnsBasis> {
    RnsBasis::generate(n, bits, k).unwrap()
}

fn random_data(rng: &mut ChaCha20Rng, tables: &[NttTable]) -> Vec<u32> {
    let n = tables[0].n();
    tables.iter().flat_map(|t| (0..n).map(|_| rng.next_u32() % t.q()).collect::<Vec<_>>()).collect()
}

fn product(tables: &[NttTable]) -> BigUint {
    tables.iter().fold(BigUint::one(), |a, t| a * t.q())
}

/// Big-integer CRT of coefficient `j`.
fn big_coeff(tables: &[NttTable], data: &[u32], j: usize) -> BigUint {
    let n = tables[0].n();
    let q = product(tables);
    let mut x = BigUint::zero();
    for (i, t) in tables.iter().enumerate() {
        let qi = BigUint::from(t.q());
        let qhat = &q / &qi;
        let inv = (&qhat % &qi).modpow(&(&qi - 2u32), &qi);
        x += BigUint::from(data[i * n + j]) * inv * qhat;
    }
    x % q
}

#[test]
fn crt_matches_big_integers() {
    let mut rng = ChaCha20Rng::seed_from_u64(20);
    let b = basis(1024, 30, 5);
    let tables = b.tables();
    let crt = Crt::new(tables).unwrap();
    let mut data = random_data(&mut rng, tables);
    // Edge coefficients: 0, Q - 1 (all q_i - 1), and 1.
    for (i, t) in tables.iter().enumerate() {
        data[i * 1024] = 0;
        data[i * 1024 + 1] = t.q() - 1;
        data[i * 1024 + 2] = 1;
    }
    let q = product(tables);
    let poly = PolyRef::<Coeff>::new(tables, &data).unwrap();
    for j in 0..64 {
        let want = big_coeff(tables, &data, j);
        let residues: Vec<u32> = (0..5).map(|i| data[i * 1024 + j]).collect();
        let mut words = [0u32; 6];
        crt.to_words(&residues, &mut words).unwrap();
        assert_eq!(BigUint::from_slice(&words), want, "coefficient {j}");
        let centred =
            if &want * 2u32 > q { BigInt::from(want.clone()) - BigInt::from(q.clone()) } else { BigInt::from(want) };
        let f = crt.coeff_to_f64(&poly, j).unwrap();
        let expect: f64 = centred.to_string().parse().unwrap();
        assert!((f - expect).abs() <= expect.abs() * 1e-15 + 0.5, "{f} vs {expect}");
    }
    assert_eq!(crt.coeff_to_f64(&poly, 1).unwrap(), -1.0);
    assert!(crt.to_words(&[0, 0], &mut [0; 6]).is_err());
    // The batched reconstruction gives the same values, bit for bit.
    let mut all = vec![0f64; 1024];
    super::crt::CrtBatch::new(tables).unwrap().to_f64(&poly, &mut all).unwrap();
    for (j, &v) in all.iter().enumerate() {
        assert_eq!(v.to_bits(), crt.coeff_to_f64(&poly, j).unwrap().to_bits(), "coefficient {j}");
    }
}

#[test]
fn divide_round_by_last_is_exact() {
    let mut rng = ChaCha20Rng::seed_from_u64(21);
    let n = 1024;
    let b = basis(n, 30, 6);
    for count in 1..=4 {
        let tables = &b.tables()[..6];
        let mut data = random_data(&mut rng, tables);
        // Small values of both signs exercise the rounding boundary.
        for (i, t) in tables.iter().enumerate() {
            for (j, v) in [0i64, 1, -1, 7, -7].into_iter().enumerate() {
                data[i * n + j] = t.modulus().reduce_i64(v);
            }
        }
        let original = data.clone();
        let q = BigInt::from(product(tables));
        let p = BigInt::from(product(&tables[6 - count..]));
        let keep = &tables[..6 - count];
        let q_keep = BigInt::from(product(keep));
        let mut poly = PolyMut::<Coeff>::new(tables, &mut data).unwrap();
        divide_round_by_last(&mut poly, count).unwrap();
        for j in 0..n {
            let x = BigInt::from(big_coeff(tables, &original, j));
            let x = if &x * 2 > q { x - &q } else { x };
            // round(x / P) with ties up = floor((2x + P) / 2P).
            let two_p: BigInt = &p * 2;
            let num: BigInt = &x * 2 + &p;
            let mut want = &num / &two_p;
            if num.sign() == num_bigint::Sign::Minus && !(&num % &two_p).is_zero() {
                want -= 1;
            }
            let want = ((want % &q_keep) + &q_keep) % &q_keep;
            let got = BigInt::from(big_coeff(keep, &data[..keep.len() * n], j));
            assert_eq!(got, want, "count {count} coefficient {j}");
        }
    }
    let mut data = vec![0u32; 2 * n];
    let mut poly = PolyMut::<Coeff>::new(&b.tables()[..2], &mut data).unwrap();
    assert!(divide_round_by_last(&mut poly, 2).is_err());
    assert!(divide_round_by_last(&mut poly, 0).is_err());
}

/// The NTT-domain rescaling equals the coefficient-domain reference
/// (which the test above checks against big integers) exactly.
#[test]
fn divide_round_by_last_eval_matches_coefficient_domain() {
    let mut rng = ChaCha20Rng::seed_from_u64(22);
    let n = 1024;
    let b = basis(n, 30, 6);
    let tables = b.tables();
    for count in 1..=4 {
        let mut coeff = random_data(&mut rng, tables);
        for (i, t) in tables.iter().enumerate() {
            for (j, v) in [0i64, 1, -1, 7, -7].into_iter().enumerate() {
                coeff[i * n + j] = t.modulus().reduce_i64(v);
            }
        }
        let mut eval = coeff.clone();
        CpuNtt.forward(tables, &mut eval).unwrap();
        divide_round_by_last(&mut PolyMut::<Coeff>::new(tables, &mut coeff).unwrap(), count).unwrap();
        let keep = 6 - count;
        CpuNtt.forward(&tables[..keep], &mut coeff[..keep * n]).unwrap();
        let mut scratch = vec![0u32; (count + 1) * n];
        let mut out = vec![0u32; keep * n];
        let input = PolyRef::<Eval>::new(tables, &eval).unwrap();
        divide_round_by_last_eval(&input, count, &CpuNtt, &mut out, &mut scratch).unwrap();
        assert_eq!(&out[..], &coeff[..keep * n], "count {count}");
    }
    let data = vec![0u32; 2 * n];
    let mut scratch = vec![0u32; 3 * n];
    let mut out = vec![0u32; n];
    let poly = PolyRef::<Eval>::new(&tables[..2], &data).unwrap();
    assert!(divide_round_by_last_eval(&poly, 2, &CpuNtt, &mut out, &mut scratch).is_err());
    assert!(divide_round_by_last_eval(&poly, 1, &CpuNtt, &mut out, &mut scratch[..n]).is_err());
    assert!(divide_round_by_last_eval(&poly, 1, &CpuNtt, &mut out[..10], &mut scratch).is_err());
}

#[test]
fn fast_basis_conversion_is_exact_up_to_multiple_of_q() {
    let mut rng = ChaCha20Rng::seed_from_u64(22);
    let n = 1024;
    let all = basis(n, 30, 7);
    let (from, to) = all.tables().split_at(4);
    let conv = BasisConverter::new(from, to).unwrap();
    let input = random_data(&mut rng, from);
    let mut out = vec![0u32; to.len() * n];
    conv.convert(&PolyRef::new(from, &input).unwrap(), &mut PolyMut::zeroed(to, &mut out).unwrap()).unwrap();
    let q = product(from);
    for j in 0..n {
        let x = big_coeff(from, &input, j);
        let u = (0..from.len() as u32).find(|&u| {
            let v = &x + &q * u;
            to.iter().enumerate().all(|(i, t)| &v % t.q() == BigUint::from(out[i * n + j]))
        });
        assert!(u.is_some(), "coefficient {j}: no u in [0, k) explains the output");
    }
    // The centred conversion is exact: the representative of x in (-Q/2, Q/2].
    conv.convert_centered_raw(n, &input, &mut out).unwrap();
    for j in 0..n {
        let x = BigInt::from(big_coeff(from, &input, j));
        let qb = BigInt::from(q.clone());
        let c = if &x * 2 > qb { x - &qb } else { x };
        for (i, t) in to.iter().enumerate() {
            let p = BigInt::from(t.q());
            assert_eq!(BigInt::from(out[i * n + j]), ((&c % &p) + &p) % &p, "coefficient {j}");
        }
    }
    assert!(BasisConverter::new(from, from).is_err());
}

#[test]
fn automorphism_matches_definition_in_both_domains() {
    let mut rng = ChaCha20Rng::seed_from_u64(23);
    let n = 1024;
    let b = basis(n, 30, 2);
    let tables = b.tables();
    let data = random_data(&mut rng, tables);
    for k in [galois_element(1, n), galois_element(-3, n), conjugation_element(n), 1] {
        // Coefficient domain against X^i -> X^{ik} with X^N = -1.
        let mut out = vec![0u32; 2 * n];
        apply(&PolyRef::<Coeff>::new(tables, &data).unwrap(), k, &mut PolyMut::zeroed(tables, &mut out).unwrap())
            .unwrap();
        for (l, t) in tables.iter().enumerate() {
            let mut want = vec![0u32; n];
            for i in 0..n {
                let e = (i as u64 * k) % (2 * n as u64);
                let v = data[l * n + i];
                if e < n as u64 {
                    want[e as usize] = v;
                } else {
                    want[e as usize - n] = t.modulus().neg(v);
                }
            }
            assert_eq!(&out[l * n..(l + 1) * n], &want[..], "k={k}");
        }
        // The NTT-domain map commutes with the transform.
        let mut ev = data.clone();
        CpuNtt.forward(tables, &mut ev).unwrap();
        let mut ev_out = vec![0u32; 2 * n];
        apply(&PolyRef::<Eval>::new(tables, &ev).unwrap(), k, &mut PolyMut::zeroed(tables, &mut ev_out).unwrap())
            .unwrap();
        CpuNtt.inverse(tables, &mut ev_out).unwrap();
        assert_eq!(ev_out, out, "k={k} NTT domain");
    }
    let mut out = vec![0u32; 2 * n];
    let err = apply(&PolyRef::<Coeff>::new(tables, &data).unwrap(), 4, &mut PolyMut::zeroed(tables, &mut out).unwrap());
    assert!(err.is_err());
    // Rotation elements: 5^r has order N/2.
    assert_eq!(galois_element(n as i64 / 2, n), 1);
    assert_eq!(galois_element(-1, n) * galois_element(1, n) % (2 * n as u64), 1);
}

#[test]
fn arithmetic_and_ntt_round_trip() {
    let mut rng = ChaCha20Rng::seed_from_u64(24);
    let n = 1024;
    let b = basis(n, 30, 3);
    let a_data = random_data(&mut rng, b.tables());
    let c_data = random_data(&mut rng, b.tables());
    let a = Poly::<Coeff>::from_data(&b, 3, a_data.clone()).unwrap();
    let c = Poly::<Coeff>::from_data(&b, 3, c_data.clone()).unwrap();
    // (a + c) - c = a; -(-a) = a; 3a = a + a + a.
    let mut s = a.clone();
    s.as_mut().add_assign(&c.as_ref()).unwrap();
    s.as_mut().sub_assign(&c.as_ref()).unwrap();
    assert_eq!(s, a);
    s.as_mut().neg_assign();
    s.as_mut().neg_assign();
    assert_eq!(s, a);
    let mut t = a.clone();
    t.as_mut().mul_scalar_assign(3);
    let mut u = a.clone();
    u.as_mut().add_assign(&a.as_ref()).unwrap();
    u.as_mut().add_assign(&a.as_ref()).unwrap();
    assert_eq!(t, u);
    // NTT product equals the schoolbook product limb by limb.
    let ae = a.clone().into_eval(&CpuNtt).unwrap();
    let mut ce = c.clone().into_eval(&CpuNtt).unwrap();
    ce.as_mut().mul_assign(&ae.as_ref()).unwrap();
    let prod = ce.into_coeff(&CpuNtt).unwrap();
    for (l, t) in b.tables().iter().enumerate() {
        let want = crate::ntt::tests::schoolbook(&a_data[l * n..(l + 1) * n], &c_data[l * n..(l + 1) * n], t.q());
        assert_eq!(&prod.data()[l * n..(l + 1) * n], &want[..]);
    }
    assert_eq!(ae.into_coeff(&CpuNtt).unwrap(), a);
    // Tables are shared, not copied, across polynomials and levels.
    assert!(std::sync::Arc::ptr_eq(a.basis(), c.basis()));
    assert!(std::ptr::eq(a.tables().as_ptr(), b.tables().as_ptr()));
}

#[test]
fn bad_input_is_an_error() {
    let b = basis(1024, 30, 2);
    let other = RnsBasis::new(1024, &NttPrimes::new(29, 1024).unwrap().take(2).collect::<Vec<_>>()).unwrap();
    let mut bad = vec![0u32; 2048];
    bad[1500] = b.tables()[1].q();
    assert_eq!(
        PolyRef::<Coeff>::new(b.tables(), &bad).unwrap_err(),
        Error::ResidueOutOfRange { value: b.tables()[1].q(), index: 1500, q: b.tables()[1].q() }
    );
    assert!(matches!(PolyRef::<Coeff>::new(b.tables(), &bad[..100]), Err(Error::LengthMismatch { .. })));
    let mut x = Poly::<Coeff>::zero(&b, 2).unwrap();
    let y = Poly::<Coeff>::zero(&other, 2).unwrap();
    assert!(matches!(x.as_mut().add_assign(&y.as_ref()), Err(Error::BasisMismatch { .. })));
    assert!(Poly::<Coeff>::zero(&b, 3).is_err());
    assert!(RnsBasis::new(1024, &[12289, 12289]).is_err());
    assert!(RnsBasis::generate(1024, 12, 5).is_err());
}
