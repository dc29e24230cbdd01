//! NTT tests against a schoolbook negacyclic product.

use super::*;
use crate::arith::{Modulus, NttPrimes};
use crate::Error;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// `a * b mod (X^n + 1, q)` by the definition, O(n^2).
pub(crate) fn schoolbook(a: &[u32], b: &[u32], q: u32) -> Vec<u32> {
    let n = a.len();
    let m = Modulus::new(q).unwrap();
    let mut out = vec![0u32; n];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            let p = m.mul(x, y);
            let k = i + j;
            if k < n {
                out[k] = m.add(out[k], p);
            } else {
                out[k - n] = m.sub(out[k - n], p);
            }
        }
    }
    out
}

fn random_poly(rng: &mut ChaCha20Rng, n: usize, q: u32) -> Vec<u32> {
    (0..n).map(|_| rng.next_u32() % q).collect()
}

fn kernels() -> Vec<Kernel> {
    [Kernel::Scalar, Kernel::Avx2, Kernel::Avx512].into_iter().filter(|&k| kernel_available(k)).collect()
}

#[test]
fn product_matches_schoolbook() {
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    for log_n in [10u32, 11] {
        let n = 1 << log_n;
        let primes: Vec<u32> =
            NttPrimes::new(30, n).unwrap().take(2).chain(NttPrimes::new(17, n).unwrap().take(1)).collect();
        for q in primes {
            let a = random_poly(&mut rng, n, q);
            let mut b = random_poly(&mut rng, n, q);
            // Edge values: zero and q - 1.
            b[0] = q - 1;
            b[n - 1] = 0;
            let want = schoolbook(&a, &b, q);
            for k in kernels() {
                let t = NttTable::with_kernel(n, q, k).unwrap();
                let (mut x, mut y) = (a.clone(), b.clone());
                t.forward(&mut x).unwrap();
                t.forward(&mut y).unwrap();
                let mut z = vec![0; n];
                t.mul_pointwise(&x, &y, &mut z).unwrap();
                t.inverse(&mut z).unwrap();
                assert_eq!(z, want, "n={n} q={q} kernel={k:?}");
            }
        }
    }
}

#[test]
fn forward_is_evaluation_at_odd_powers() {
    let n = 1024;
    let q = NttPrimes::new(30, n).unwrap().next().unwrap();
    let t = NttTable::new(n, q).unwrap();
    let m = *t.modulus();
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    let a = random_poly(&mut rng, n, q);
    let mut f = a.clone();
    t.forward(&mut f).unwrap();
    for i in [0usize, 1, 5, 511, 1023] {
        let e = 2 * (i.reverse_bits() >> (usize::BITS - 10)) as u64 + 1;
        let x = m.pow(t.psi(), e);
        let mut acc = 0;
        for &c in a.iter().rev() {
            acc = m.mul_add(acc, x, c);
        }
        assert_eq!(f[i], acc, "index {i}");
    }
}

#[test]
fn round_trip_all_sizes_and_edges() {
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    for log_n in MIN_LOG_N..=MAX_LOG_N {
        let n = 1 << log_n;
        let q = NttPrimes::new(30, n).unwrap().next().unwrap();
        let tables: Vec<NttTable> = kernels().into_iter().map(|k| NttTable::with_kernel(n, q, k).unwrap()).collect();
        for a in [random_poly(&mut rng, n, q), vec![q - 1; n], vec![0; n]] {
            let mut reference = a.clone();
            tables[0].forward(&mut reference).unwrap();
            assert!(reference.iter().all(|&x| x < q));
            for t in &tables {
                let mut x = a.clone();
                t.forward(&mut x).unwrap();
                assert_eq!(x, reference, "kernel {:?} differs from scalar at n={n}", t.kernel());
                t.inverse(&mut x).unwrap();
                assert_eq!(x, a, "round trip n={n} kernel={:?}", t.kernel());
            }
        }
    }
}

#[test]
fn bad_parameters_are_errors() {
    assert!(matches!(NttTable::new(1000, 12289), Err(Error::DegreeUnsupported { .. })));
    assert!(matches!(NttTable::new(512, 12289), Err(Error::DegreeUnsupported { .. })));
    assert!(matches!(NttTable::new(1 << 18, 12289), Err(Error::DegreeUnsupported { .. })));
    assert_eq!(NttTable::new(1024, 12291).unwrap_err(), Error::NotPrime { q: 12291 });
    assert_eq!(NttTable::new(1024, 1 << 30).unwrap_err(), Error::ModulusOutOfRange { q: 1 << 30 });
    assert!(matches!(NttTable::new(4096, 12289), Err(Error::NotNttFriendly { .. })));
    let t = NttTable::new(1024, 12289).unwrap();
    let mut short = vec![0u32; 1023];
    assert!(matches!(t.forward(&mut short), Err(Error::LengthMismatch { expected: 1024, actual: 1023, .. })));
    assert!(t.inverse(&mut short).is_err());
}

#[test]
fn engine_multiplies_rns_polynomials() {
    let n = 1024;
    let primes: Vec<u32> = NttPrimes::new(30, n).unwrap().take(3).collect();
    let tables: Vec<NttTable> = primes.iter().map(|&q| NttTable::new(n, q).unwrap()).collect();
    let mut rng = ChaCha20Rng::seed_from_u64(4);
    let mut a = Vec::new();
    let mut b = Vec::new();
    for &q in &primes {
        a.extend(random_poly(&mut rng, n, q));
        b.extend(random_poly(&mut rng, n, q));
    }
    let mut want = Vec::new();
    for (i, &q) in primes.iter().enumerate() {
        want.extend(schoolbook(&a[i * n..(i + 1) * n], &b[i * n..(i + 1) * n], q));
    }
    let (mut x, mut y) = (a.clone(), b.clone());
    CpuNtt.multiply(&tables, &mut x, &mut y).unwrap();
    assert_eq!(x, want);
    // Multiply-accumulate twice equals doubling.
    let (mut fa, mut fb) = (a.clone(), b.clone());
    CpuNtt.forward(&tables, &mut fa).unwrap();
    CpuNtt.forward(&tables, &mut fb).unwrap();
    let mut acc = vec![0u32; 3 * n];
    CpuNtt.mul_acc_pointwise(&tables, &fa, &fb, &mut acc).unwrap();
    CpuNtt.mul_acc_pointwise(&tables, &fa, &fb, &mut acc).unwrap();
    CpuNtt.inverse(&tables, &mut acc).unwrap();
    for (i, &q) in primes.iter().enumerate() {
        for j in 0..n {
            assert_eq!(acc[i * n + j], ((2 * want[i * n + j] as u64) % q as u64) as u32);
        }
    }
    assert!(CpuNtt.forward(&tables, &mut vec![0; 2 * n]).is_err());
    assert!(CpuNtt.forward(&[], &mut []).is_err());
}

#[test]
fn tables_in_caller_storage_match_owned_ones() {
    let n = 2048;
    let q = NttPrimes::new(30, n).unwrap().next().unwrap();
    let owned = NttTable::new(n, q).unwrap();
    let mut storage = vec![0u32; 4 * n];
    let borrowed = NttTable::new_in(n, q, &mut storage).unwrap();
    assert_eq!(borrowed, owned);
    let mut rng = ChaCha20Rng::seed_from_u64(5);
    let a = random_poly(&mut rng, n, q);
    let (mut x, mut y) = (a.clone(), a.clone());
    owned.forward(&mut x).unwrap();
    borrowed.forward(&mut y).unwrap();
    assert_eq!(x, y);
    drop(borrowed);
    // The storage is reusable once the table is gone.
    assert!(NttTable::new_in(1024, 12289, &mut storage).is_ok());
    let mut small = vec![0u32; 4 * n - 1];
    assert!(matches!(NttTable::new_in(n, q, &mut small), Err(Error::LengthMismatch { .. })));
    assert!(matches!(NttTable::new_in(1000, q, &mut storage), Err(Error::DegreeUnsupported { .. })));
}

#[test]
fn precomputed_tables_are_checked_and_equal_built_ones() {
    let n = 1024;
    let q = NttPrimes::new(30, n).unwrap().next().unwrap();
    let mut storage = vec![0u32; 4 * n];
    NttTable::new_in(n, q, &mut storage).unwrap();
    let t = NttTable::from_precomputed(n, q, &storage).unwrap();
    assert_eq!(t, NttTable::new(n, q).unwrap());
    // Any changed word, a wrong prime or length is an error, not a table.
    for idx in [0, 1, n / 2, n + 3, 2 * n + 7, 4 * n - 1] {
        let mut bad = storage.clone();
        bad[idx] ^= 1;
        assert!(matches!(NttTable::from_precomputed(n, q, &bad), Err(Error::InvalidArgument { .. })), "{idx}");
    }
    let other = NttPrimes::new(30, n).unwrap().nth(1).unwrap();
    assert!(NttTable::from_precomputed(n, other, &storage).is_err());
    assert!(matches!(NttTable::from_precomputed(n, q, &storage[1..]), Err(Error::LengthMismatch { .. })));
}

#[test]
fn pointwise_products_agree_across_kernels() {
    let mut rng = ChaCha20Rng::seed_from_u64(6);
    let n = 1024;
    for q in [NttPrimes::new(30, n).unwrap().next().unwrap(), NttPrimes::new(17, n).unwrap().next().unwrap(), 12289] {
        let m = Modulus::new(q).unwrap();
        let mut a = random_poly(&mut rng, n, q);
        let mut b = random_poly(&mut rng, n, q);
        a[..4].copy_from_slice(&[0, q - 1, q - 1, 1]);
        b[..4].copy_from_slice(&[q - 1, q - 1, 0, q - 1]);
        let want: Vec<u32> = a.iter().zip(&b).map(|(&x, &y)| ((x as u64 * y as u64) % q as u64) as u32).collect();
        let acc0 = random_poly(&mut rng, n, q);
        let want_acc: Vec<u32> = acc0.iter().zip(&want).map(|(&c, &p)| m.add(c, p)).collect();
        for k in kernels() {
            let t = NttTable::with_kernel(n, q, k).unwrap();
            let mut out = vec![0; n];
            t.mul_pointwise(&a, &b, &mut out).unwrap();
            assert_eq!(out, want, "kernel {k:?} q {q}");
            let mut acc = acc0.clone();
            t.mul_acc_pointwise(&a, &b, &mut acc).unwrap();
            assert_eq!(acc, want_acc, "kernel {k:?} q {q}");
        }
    }
}
