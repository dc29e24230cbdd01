//! Samplers for RLWE: uniform residues, ternary secrets and centred
//! binomial errors, all driven by a caller's `RngCore + CryptoRng`.
//!
//! Secret-dependent values (secret and error coefficients) are produced
//! without secret-dependent branches or memory indices: ternary values come
//! from rejection sampling on fresh random bits (the number of rejections is
//! independent of the accepted values), signs and magnitudes are combined
//! with masks, and the fixed-Hamming-weight sampler shuffles with a
//! data-oblivious sorting network.

use rand_core::{CryptoRng, RngCore};

use crate::ntt::NttTable;
use crate::ring::{Coeff, PolyMut};
use crate::{Error, Result};

/// `eta` of the centred binomial error distribution: variance `eta / 2`,
/// standard deviation `sqrt(10.5) = 3.24`, the RLWE standard's 3.2.
pub const CBD_ETA: u32 = 21;

/// Fills `poly` with residues uniform modulo each prime (so uniform modulo
/// `Q`), by rejection sampling on `bits(q)`-bit words.
pub fn uniform<R: RngCore + CryptoRng, P: crate::ring::Repr>(rng: &mut R, poly: &mut PolyMut<'_, P>) {
    let n = poly.n();
    let tables: &[NttTable] = poly.tables();
    let data = poly.data_mut();
    for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
        uniform_limb(rng, t.q(), limb);
    }
}

/// Fills `out` with values uniform in `[0, q)`.
pub fn uniform_limb<R: RngCore + CryptoRng>(rng: &mut R, q: u32, out: &mut [u32]) {
    let mask = u32::MAX >> q.leading_zeros();
    for x in out.iter_mut() {
        *x = loop {
            let v = rng.next_u32() & mask;
            if v < q {
                break v;
            }
        };
    }
}

/// The ternary sampler's state: 2-bit values from 32-bit words, a value
/// of 3 rejected, so a draw is uniform in `{-1, 0, 1}` and rejections
/// depend only on discarded bits. Carrying the state across calls lets a
/// polynomial be drawn in chunks with the values of one [`ternary`] call.
#[derive(Clone, Copy, Debug, Default)]
pub struct TernaryDraws {
    word: u32,
    left: u32,
}

impl TernaryDraws {
    /// A sampler that starts with a fresh word.
    pub fn new() -> Self {
        Self::default()
    }

    /// Fills `out` with the next draws.
    pub fn fill<R: RngCore + CryptoRng>(&mut self, rng: &mut R, out: &mut [i8]) {
        for x in out.iter_mut() {
            let v = loop {
                if self.left == 0 {
                    self.word = rng.next_u32();
                    self.left = 16;
                }
                let v = self.word & 3;
                self.word >>= 2;
                self.left -= 1;
                if v != 3 {
                    break v;
                }
            };
            *x = v as i8 - 1;
        }
    }
}

/// Fills `out` with independent values uniform in `{-1, 0, 1}`.
pub fn ternary<R: RngCore + CryptoRng>(rng: &mut R, out: &mut [i8]) {
    TernaryDraws::new().fill(rng, out);
}

/// Fills `out` with a ternary vector of exactly `h` non-zero entries (each
/// `+1` or `-1` with probability 1/2) at uniformly random positions.
/// `scratch` must hold `out.len()` words; its content is overwritten (and
/// zeroised on return).
pub fn ternary_fixed_weight<R: RngCore + CryptoRng>(
    rng: &mut R,
    h: usize,
    out: &mut [i8],
    scratch: &mut [u64],
) -> Result<()> {
    let n = out.len();
    if scratch.len() != n {
        return Err(Error::LengthMismatch { what: "fixed-weight sampler scratch", expected: n, actual: scratch.len() });
    }
    if h > n || !n.is_power_of_two() {
        return Err(Error::InvalidArgument { reason: "fixed-weight sampling needs h <= n and n a power of two" });
    }
    // Low 2 bits encode the value (0: zero, 1: +1, 2: -1); the rest is a
    // random sort key. Sorting by key is a uniformly random permutation
    // (up to key collisions, probability below n^2 / 2^63).
    for (i, s) in scratch.iter_mut().enumerate() {
        let nonzero = (i < h) as u64;
        let sign = rng.next_u32() as u64 & 1;
        let code = nonzero * (1 + sign);
        *s = (rng.next_u64() & !3) | code;
    }
    bitonic_sort(scratch);
    for (x, s) in out.iter_mut().zip(scratch.iter_mut()) {
        let code = (*s & 3) as i8;
        // 0 -> 0, 1 -> 1, 2 -> -1, without branches.
        *x = code - 3 * (code >> 1);
        *s = 0;
    }
    Ok(())
}

/// Data-oblivious ascending sort of a power-of-two-length slice.
fn bitonic_sort(a: &mut [u64]) {
    let n = a.len();
    let mut k = 2;
    while k <= n {
        let mut j = k / 2;
        while j > 0 {
            for i in 0..n {
                let l = i ^ j;
                if l > i {
                    let up = i & k == 0;
                    let (x, y) = (a[i], a[l]);
                    // swap iff (x > y) == up, via a mask.
                    let gt = (x > y) as u64;
                    let swap = 0u64.wrapping_sub(gt ^ (!up) as u64);
                    let d = (x ^ y) & swap;
                    a[i] = x ^ d;
                    a[l] = y ^ d;
                }
            }
            j /= 2;
        }
        k *= 2;
    }
}

/// Fills `out` with centred binomial samples of parameter `eta` (1 to 32):
/// values in `[-eta, eta]`, standard deviation `sqrt(eta / 2)`
/// ([`CBD_ETA`] gives 3.24). Errors for `eta` outside 1 to 32.
pub fn centered_binomial<R: RngCore + CryptoRng>(rng: &mut R, eta: u32, out: &mut [i8]) -> Result<()> {
    if !(1..=32).contains(&eta) {
        return Err(Error::InvalidArgument { reason: "centred binomial eta must be 1 to 32" });
    }
    let mask = u64::MAX >> (64 - eta);
    for x in out.iter_mut() {
        let r = rng.next_u64();
        let a = (r & mask).count_ones() as i8;
        let b = ((r >> eta) & mask).count_ones() as i8;
        *x = a - b;
    }
    Ok(())
}

/// Writes the small polynomial `coeffs` into every limb of `poly`.
pub fn small_to_poly(coeffs: &[i8], poly: &mut PolyMut<'_, Coeff>) -> Result<()> {
    poly.set_small(coeffs)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    #[test]
    fn ternary_is_balanced() {
        let mut rng = ChaCha20Rng::seed_from_u64(7);
        let mut v = vec![0i8; 30_000];
        ternary(&mut rng, &mut v);
        for t in [-1i8, 0, 1] {
            let c = v.iter().filter(|&&x| x == t).count();
            // 10_000 expected, sd ~82: 6 sd.
            assert!((9_500..10_500).contains(&c), "{t}: {c}");
        }
        assert!(v.iter().all(|x| (-1..=1).contains(x)));
    }

    #[test]
    fn fixed_weight_has_weight_and_spread() {
        let mut rng = ChaCha20Rng::seed_from_u64(8);
        let n = 1024;
        let mut out = vec![0i8; n];
        let mut scratch = vec![0u64; n];
        let mut hits = vec![0u32; n];
        for _ in 0..200 {
            ternary_fixed_weight(&mut rng, 64, &mut out, &mut scratch).unwrap();
            assert_eq!(out.iter().filter(|&&x| x != 0).count(), 64);
            assert!(out.iter().all(|x| (-1..=1).contains(x)));
            for (h, &x) in hits.iter_mut().zip(&out) {
                *h += (x != 0) as u32;
            }
        }
        assert!(scratch.iter().all(|&s| s == 0));
        // Each position is hit 12.5 times on average: none should be near 0 or 40.
        assert!(hits.iter().all(|&h| h < 40), "{:?}", hits.iter().max());
        let plus = out.iter().filter(|&&x| x == 1).count();
        assert!((10..54).contains(&plus));
        assert!(ternary_fixed_weight(&mut rng, 2000, &mut out, &mut scratch).is_err());
        assert!(ternary_fixed_weight(&mut rng, 10, &mut out, &mut scratch[..5]).is_err());
    }

    #[test]
    fn bitonic_sorts() {
        let mut rng = ChaCha20Rng::seed_from_u64(9);
        let mut a: Vec<u64> = (0..4096).map(|_| rng.next_u64()).collect();
        let mut b = a.clone();
        bitonic_sort(&mut a);
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn binomial_moments() {
        let mut rng = ChaCha20Rng::seed_from_u64(10);
        let mut v = vec![0i8; 100_000];
        centered_binomial(&mut rng, CBD_ETA, &mut v).unwrap();
        assert!(centered_binomial(&mut rng, 33, &mut v).is_err());
        let mean = v.iter().map(|&x| x as f64).sum::<f64>() / v.len() as f64;
        let var = v.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / v.len() as f64;
        assert!(mean.abs() < 0.05, "{mean}");
        assert!((var - 10.5).abs() < 0.3, "{var}");
        assert!(v.iter().all(|&x| (-21..=21).contains(&x)));
    }

    #[test]
    fn uniform_covers_range() {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        let q = 12289;
        let mut v = vec![0u32; 100_000];
        uniform_limb(&mut rng, q, &mut v);
        assert!(v.iter().all(|&x| x < q));
        let low = v.iter().filter(|&&x| x < q / 2).count();
        assert!((49_000..51_000).contains(&low), "{low}");
    }
}
