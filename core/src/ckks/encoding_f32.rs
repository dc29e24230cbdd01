//! A single-precision CKKS encoder for microcontrollers whose FPU is
//! `f32` only (Cortex-M4F): the special FFT of [`super::encoding`] in
//! `f32`, so a slot takes 8 bytes instead of 16 and every butterfly runs on
//! the FPU instead of in soft-float `f64` (SEAL-Embedded's encoder is
//! single precision too).
//!
//! Encoding leaves the plaintext's real coefficients (not yet scaled or
//! rounded) in the slot buffer ([`encode_f32`]); every prime's residues
//! are then made from them with [`add_f32_coefficients`], which scales
//! and rounds in `f64` (the `f32 -> f64` conversion is exact), so all
//! limbs hold the same integer plaintext. Decoding takes the centred
//! coefficients divided by the scale ([`decode_f32`]).
//!
//! Precision: the transforms round to `f32` (unit roundoff `u = 2^-24`).
//! Higham's bound for a radix-2 FFT (Accuracy and Stability of Numerical
//! Algorithms, Thm. 24.2) gives a relative 2-norm error of at most
//! `log2(S) eta / (1 - log2(S) eta)` with `eta = mu + gamma_4 (sqrt 2 +
//! mu)`, `mu` the twiddles' error (`<= u sqrt 2` when rounded from the
//! `f64` table), `gamma_4 = 4u / (1 - 4u)`: `eta <= 7.1 u`. The slot error
//! this adds to a round trip (encode and decode) is bounded in 2-norm by
//! twice that times `||z||_2`: [`f32_round_trip_bound`]. The firmware's
//! tests measure it against the `f64` encoder.

use core::ops::{Add, Mul, Sub};

use crate::{Error, Result};

/// A complex number in `f32`: `re` then `im` (`repr(C)`, 8 bytes, so a
/// firmware can lay slot buffers over word arenas).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C)]
pub struct Complex32 {
    /// Real part.
    pub re: f32,
    /// Imaginary part.
    pub im: f32,
}

impl Complex32 {
    /// `re + i im`.
    pub const fn new(re: f32, im: f32) -> Self {
        Self { re, im }
    }
    /// Complex conjugate.
    pub fn conj(self) -> Self {
        Self { re: self.re, im: -self.im }
    }
    /// `z * s` for a real `s`.
    pub fn scale(self, s: f32) -> Self {
        Self { re: self.re * s, im: self.im * s }
    }
}

impl Add for Complex32 {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self { re: self.re + o.re, im: self.im + o.im }
    }
}
impl Sub for Complex32 {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self { re: self.re - o.re, im: self.im - o.im }
    }
}
impl Mul for Complex32 {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        Self { re: self.re * o.re - self.im * o.im, im: self.re * o.im + self.im * o.re }
    }
}

/// Fills `out` with the special FFT's twiddles in `f32` for up to
/// `out.len() + 1` slots (a power of two): the `f64` values of
/// `encoding::fill_root_table`, rounded to nearest `f32`, at the same
/// indices. Without allocation (e.g. at build time for a flash table).
pub fn fill_root_table_f32(out: &mut [Complex32]) -> Result<()> {
    let max_slots = out.len() + 1;
    if !max_slots.is_power_of_two() {
        return Err(Error::InvalidArgument { reason: "a root table holds (a power of two) - 1 values" });
    }
    let mut len = 2;
    while len <= max_slots {
        for j in 0..len / 2 {
            let r = super::encoding::special_fft_root(len, j);
            out[len / 2 - 1 + j] = Complex32::new(r.re as f32, r.im as f32);
        }
        len *= 2;
    }
    Ok(())
}

/// A borrowed table of `f32` twiddles ([`fill_root_table_f32`]).
#[derive(Clone, Copy, Debug)]
pub struct RootTable32<'a> {
    roots: &'a [Complex32],
}

impl<'a> RootTable32<'a> {
    /// Wraps `roots` as written by [`fill_root_table_f32`]; errors unless
    /// its length is a power of two minus one. The values are trusted (a
    /// wrong table encodes wrongly but cannot panic).
    pub fn new(roots: &'a [Complex32]) -> Result<Self> {
        if !(roots.len() + 1).is_power_of_two() {
            return Err(Error::InvalidArgument { reason: "a root table holds (a power of two) - 1 values" });
        }
        Ok(Self { roots })
    }

    /// The largest slot count the table serves.
    pub fn max_slots(&self) -> usize {
        self.roots.len() + 1
    }

    fn root(&self, len: usize, j: usize) -> Complex32 {
        // `check` ran before any transform: the index is in range.
        self.roots.get(len / 2 - 1 + j).copied().unwrap_or_default()
    }

    fn check(&self, slots: usize) -> Result<()> {
        if !slots.is_power_of_two() {
            return Err(Error::InvalidArgument { reason: "the slot count must be a power of two of at most N/2" });
        }
        if slots > self.max_slots() {
            return Err(Error::InvalidArgument { reason: "the root table is too short for this slot count" });
        }
        Ok(())
    }
}

fn bit_reverse(z: &mut [Complex32]) {
    let n = z.len();
    let bits = n.trailing_zeros();
    if bits == 0 {
        return;
    }
    for i in 0..n {
        let r = i.reverse_bits() >> (usize::BITS - bits);
        if i < r {
            z.swap(i, r);
        }
    }
}

/// Encodes `values` (`S` slots, a power of two) in place: afterwards
/// `values[i].re` and `values[i].im` are the plaintext's real coefficients
/// `i gap` and `i gap + N/2` before scaling (`gap = N / (2 S)`; every other
/// coefficient is zero), for [`add_f32_coefficients`]. The `f32` version
/// of `encoding::encode_rounded` without the scale and rounding. Errors
/// for a value that is not finite.
pub fn encode_f32(values: &mut [Complex32], roots: &RootTable32<'_>) -> Result<()> {
    roots.check(values.len())?;
    if values.iter().any(|z| !(z.re.is_finite() && z.im.is_finite())) {
        return Err(Error::InvalidArgument { reason: "a slot value is not finite" });
    }
    let n = values.len();
    let mut len = n;
    while len >= 2 {
        let h = len / 2;
        for block in values.chunks_exact_mut(len) {
            let (lo, hi) = block.split_at_mut(h);
            for (j, (u, v)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
                let (a, b) = (*u, *v);
                *u = a + b;
                *v = (a - b) * roots.root(len, j).conj();
            }
        }
        len /= 2;
    }
    bit_reverse(values);
    let inv = 1.0 / n as f32;
    values.iter_mut().for_each(|x| *x = x.scale(inv));
    Ok(())
}

/// 2^120: beyond this the f64 -> i128 conversion would saturate.
const MAX_SCALED: f64 = 1.329_227_995_784_916e36;

/// Adds the residues modulo `modulus` of the integer plaintext whose
/// coefficients [`encode_f32`] left in `coefficients` to `out` (one limb of
/// `N = out.len()` words, coefficient domain): coefficient `i gap` gets
/// `round(f64(re) * scale)`, `i gap + N/2` gets `round(f64(im) * scale)`,
/// computed in `f64` from the exact `f64` value of the `f32`, so every
/// limb holds the same integer. Errors when the slot count is not a power
/// of two of at most `N/2` or a scaled value is not finite or reaches
/// 2^120.
pub fn add_f32_coefficients(
    coefficients: &[Complex32],
    scale: f64,
    modulus: &crate::arith::Modulus,
    out: &mut [u32],
) -> Result<()> {
    let n = out.len();
    let s = coefficients.len();
    if !s.is_power_of_two() || s > n / 2 {
        return Err(Error::InvalidArgument { reason: "the slot count must be a power of two of at most N/2" });
    }
    if !(scale.is_finite() && scale >= 1.0) {
        return Err(Error::InvalidArgument { reason: "the scale must be a finite number >= 1" });
    }
    let gap = n / 2 / s;
    for (i, z) in coefficients.iter().enumerate() {
        for (x, at) in [(z.re, i * gap), (z.im, i * gap + n / 2)] {
            let v = f64::from(x) * scale;
            if !v.is_finite() || libm::fabs(v) >= MAX_SCALED {
                return Err(Error::InvalidArgument {
                    reason:
                        "a value times the scale is not finite or exceeds 2^120: use a smaller scale or smaller inputs",
                });
            }
            let r = super::encoding::residue_of_integer(modulus, libm::round(v));
            out[at] = modulus.add(out[at], r);
        }
    }
    Ok(())
}

/// Decodes in place: `values[i]` holds the centred coefficients `i gap`
/// (real part) and `i gap + N/2` (imaginary part) already divided by the
/// scale; afterwards the `S` slots. The `f32` version of
/// `encoding::decode_coefficients`.
pub fn decode_f32(values: &mut [Complex32], roots: &RootTable32<'_>) -> Result<()> {
    roots.check(values.len())?;
    bit_reverse(values);
    let n = values.len();
    let mut len = 2;
    while len <= n {
        let h = len / 2;
        for block in values.chunks_exact_mut(len) {
            let (lo, hi) = block.split_at_mut(h);
            for (j, (u, v)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
                let t = *v * roots.root(len, j);
                let a = *u;
                *u = a + t;
                *v = a - t;
            }
        }
        len *= 2;
    }
    Ok(())
}

/// Bound on the slot error (in 2-norm over the `slots` slots, so also on
/// each slot) that the `f32` encoder and decoder add to a round trip of
/// values with 2-norm `norm2`, from Higham's FFT bound (see the module
/// documentation): `2 L eta / (1 - L eta) * norm2` with `L = log2(slots)`,
/// `eta = 7.1 * 2^-24`, plus one `f32` rounding of each input, scaled
/// coefficient and output (`3 u norm2`).
pub fn f32_round_trip_bound(slots: usize, norm2: f64) -> f64 {
    let u = libm::ldexp(1.0, -24);
    let l = f64::from(slots.max(2).trailing_zeros());
    let eta = 7.1 * u;
    (2.0 * l * eta / (1.0 - l * eta) + 3.0 * u) * norm2
}

/// Typical-case estimate (a model, not a guarantee) of the largest slot
/// error the `f32` encoder and decoder add to a round trip of `slots`
/// values of root-mean-square magnitude `rms`: each of the `2 L`
/// butterfly stages (`L = log2(slots)`, encode and decode) adds to every
/// value an independent rounding error of standard deviation about
/// `u |value|` (`u = 2^-24`), and the transforms preserve the values' rms
/// (up to their fixed scaling), so a slot's error has standard deviation
/// about `u sqrt(2 L) rms`; six of them. [`f32_round_trip_bound`] is the
/// proven (and far looser) bound.
pub fn f32_round_trip_estimate(slots: usize, rms: f64) -> f64 {
    let u = libm::ldexp(1.0, -24);
    let l = f64::from(slots.max(2).trailing_zeros());
    6.0 * u * libm::sqrt(2.0 * l) * rms
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::ckks::encoding::{encode_rounded, fill_root_table, root_table_len, Complex, RootTable};
    use crate::ring::RnsBasis;

    #[test]
    fn f32_encoder_is_within_its_bound_of_the_f64_encoder() {
        let n = 1 << 12;
        let s = n / 2;
        let mut r64 = vec![Complex::default(); root_table_len(s)];
        fill_root_table(&mut r64).unwrap();
        let mut r32 = vec![Complex32::default(); root_table_len(s)];
        fill_root_table_f32(&mut r32).unwrap();
        for (a, b) in r64.iter().zip(&r32) {
            assert_eq!((a.re as f32, a.im as f32), (b.re, b.im));
        }
        let (t64, t32) = (RootTable::new(&r64).unwrap(), RootTable32::new(&r32).unwrap());
        let z: Vec<Complex> =
            (0..s).map(|i| Complex::new((i as f64 * 0.37).sin() * 2.0, (i as f64 * 0.11).cos() - 0.5)).collect();
        let scale = 2f64.powi(30);
        let mut c64 = z.clone();
        encode_rounded(&mut c64, scale, &t64).unwrap();
        let mut c32: Vec<Complex32> = z.iter().map(|c| Complex32::new(c.re as f32, c.im as f32)).collect();
        encode_f32(&mut c32, &t32).unwrap();
        // Same plaintext up to the f32 error, limb by limb.
        let basis = RnsBasis::generate(n, 30, 1).unwrap();
        let m = basis.tables()[0].modulus();
        let mut limb = vec![0u32; n];
        add_f32_coefficients(&c32, scale, m, &mut limb).unwrap();
        let norm2 = z.iter().map(|c| c.re * c.re + c.im * c.im).sum::<f64>().sqrt();
        // Coefficient differences (integers) against the f64 encoder's.
        let mut diff2 = 0.0;
        for (i, (a, b)) in c64.iter().zip(&c32).enumerate() {
            let (x, y) = ((f64::from(b.re) * scale).round(), (f64::from(b.im) * scale).round());
            diff2 += (a.re - x).powi(2) + (a.im - y).powi(2);
            let q = m.value() as i64;
            let want = |v: f64| (v as i64).rem_euclid(q) as u32;
            assert_eq!(limb[i], want(x));
            assert_eq!(limb[i + n / 2], want(y));
        }
        // Decoding is sqrt(S) times an isometry on the S complex
        // coefficients: the slot error's 2-norm is sqrt(S) times theirs.
        let slot_err = (diff2 * s as f64).sqrt() / scale;
        let bound = f32_round_trip_bound(s, norm2);
        assert!(slot_err <= bound / 2.0, "encode: {slot_err:e} > {:e}", bound / 2.0);
        // Decode back in f32: within the round-trip bound of the input.
        let mut back: Vec<Complex32> = c32.clone();
        decode_f32(&mut back, &t32).unwrap();
        let err = back
            .iter()
            .zip(&z)
            .map(|(a, b)| (f64::from(a.re) - b.re).powi(2) + (f64::from(a.im) - b.im).powi(2))
            .sum::<f64>()
            .sqrt();
        assert!(err <= bound, "round trip: {err:e} > {bound:e}");
        assert!(err > 0.0, "f32 cannot be exact here");
        // Bad input.
        assert!(encode_f32(&mut c32[..3], &t32).is_err());
        let mut bad = c32.clone();
        bad[5].re = f32::NAN;
        assert!(encode_f32(&mut bad, &t32).is_err());
        bad[5].re = f32::MAX;
        assert!(add_f32_coefficients(&bad, 1e300, m, &mut limb).is_err());
        assert!(add_f32_coefficients(&c32, scale, m, &mut limb[..n / 2]).is_err());
    }
}
