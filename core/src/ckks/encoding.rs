//! The CKKS canonical embedding: complex slot vectors <-> ring elements.
//!
//! A vector `z` of `n` slots (`n` a power of two, at most `N/2`) is encoded
//! as the integer polynomial `m = round(scale * sigma^-1(z))`, where
//! `sigma(m)_j = m(zeta^(5^j))`, `zeta = exp(i pi / N)`. With `n < N/2`
//! (sparse packing) `m(X) = m'(X^(N/(2n)))` and slot `j` is read at
//! `zeta^(5^j)` as well. The transform is the "special FFT" of Cheon et al.
//! (HEAAN), in `f64` (`libm` in `no_std`): its relative error is a few
//! `2^-53 log2 n`, far below CKKS noise.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;
use core::ops::{Add, Mul, Sub};

use crate::ring::{crt::Crt, Coeff, PolyMut, PolyRef};
use crate::{Error, Result};

/// A complex number in `f64`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

impl Complex {
    /// `re + i im`.
    pub const fn new(re: f64, im: f64) -> Self {
        Self { re, im }
    }
    /// `exp(i theta)`.
    pub fn from_angle(theta: f64) -> Self {
        Self { re: libm::cos(theta), im: libm::sin(theta) }
    }
    /// Complex conjugate.
    pub fn conj(self) -> Self {
        Self { re: self.re, im: -self.im }
    }
    /// `|z|`.
    pub fn abs(self) -> f64 {
        libm::hypot(self.re, self.im)
    }
    /// `z * s` for a real `s`.
    pub fn scale(self, s: f64) -> Self {
        Self { re: self.re * s, im: self.im * s }
    }
}

impl Add for Complex {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        Self { re: self.re + o.re, im: self.im + o.im }
    }
}
impl Sub for Complex {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        Self { re: self.re - o.re, im: self.im - o.im }
    }
}
impl Mul for Complex {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        Self { re: self.re * o.re - self.im * o.im, im: self.re * o.im + self.im * o.re }
    }
}

/// Source of the special FFT's twiddles: `root(len, j) =
/// exp(2 pi i (5^j mod 4 len) / (4 len))` for stage length `len`, `j < len/2`.
trait Roots {
    fn root(&self, len: usize, j: usize) -> Complex;
}

/// Twiddles computed on demand (no table; the no-allocation path).
struct OnTheFly;

fn root_exponent(len: usize, j: usize) -> u64 {
    crate::arith::pow_mod(5, j as u64, 4 * len as u64)
}

impl Roots for OnTheFly {
    fn root(&self, len: usize, j: usize) -> Complex {
        let m = 4 * len as u64;
        Complex::from_angle(2.0 * core::f64::consts::PI * root_exponent(len, j) as f64 / m as f64)
    }
}

fn bit_reverse(z: &mut [Complex]) {
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

/// Coefficients -> slots (decoding direction).
fn special_fft(z: &mut [Complex], roots: &impl Roots) {
    let n = z.len();
    bit_reverse(z);
    let mut len = 2;
    while len <= n {
        let h = len / 2;
        for block in z.chunks_exact_mut(len) {
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
}

/// Slots -> coefficients (encoding direction), including the `1/n`.
fn special_ifft(z: &mut [Complex], roots: &impl Roots) {
    let n = z.len();
    let mut len = n;
    while len >= 2 {
        let h = len / 2;
        for block in z.chunks_exact_mut(len) {
            let (lo, hi) = block.split_at_mut(h);
            for (j, (u, v)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
                let (a, b) = (*u, *v);
                *u = a + b;
                *v = (a - b) * roots.root(len, j).conj();
            }
        }
        len /= 2;
    }
    bit_reverse(z);
    let inv = 1.0 / n as f64;
    z.iter_mut().for_each(|x| *x = x.scale(inv));
}

/// Number of slots used for `len` values: the next power of two.
pub fn slots_for(len: usize) -> usize {
    len.max(1).next_power_of_two()
}

fn check_slots(slots: usize, n: usize) -> Result<()> {
    if !slots.is_power_of_two() || slots > n / 2 {
        return Err(Error::InvalidArgument { reason: "the slot count must be a power of two of at most N/2" });
    }
    Ok(())
}

/// Rounds `x` and writes it into coefficient `index` of every limb.
fn put_coeff(out: &mut PolyMut<'_, Coeff>, index: usize, x: f64) -> Result<()> {
    // 2^120: beyond this the f64 -> i128 conversion would saturate.
    if !x.is_finite() || libm::fabs(x) >= 1.329_227_995_784_916e36 {
        return Err(Error::InvalidArgument {
            reason: "a value times the scale is not finite or exceeds 2^120: use a smaller scale or smaller inputs",
        });
    }
    let v = libm::round(x) as i128;
    let neg = v < 0;
    let mag = v.unsigned_abs();
    let (hi, lo) = ((mag >> 64) as u64, mag as u64);
    let n = out.n();
    let tables = out.tables();
    let data = out.data_mut();
    for (l, t) in tables.iter().enumerate() {
        let m = t.modulus();
        // 2^64 mod q = (2^32 mod q)^2 mod q.
        let two32 = m.reduce_u64(1 << 32);
        let r = m.add(m.mul(m.reduce_u64(hi), m.mul(two32, two32)), m.reduce_u64(lo));
        data[l * n + index] = if neg { m.neg(r) } else { r };
    }
    Ok(())
}

fn encode_with(values: &mut [Complex], scale: f64, out: &mut PolyMut<'_, Coeff>, roots: &impl Roots) -> Result<()> {
    let n = out.n();
    let slots = values.len();
    check_slots(slots, n)?;
    if !(scale.is_finite() && scale >= 1.0) {
        return Err(Error::InvalidArgument { reason: "the scale must be a finite number >= 1" });
    }
    special_ifft(values, roots);
    out.data_mut().fill(0);
    let gap = n / 2 / slots;
    for (i, z) in values.iter().enumerate() {
        put_coeff(out, i * gap, z.re * scale)?;
        put_coeff(out, i * gap + n / 2, z.im * scale)?;
    }
    Ok(())
}

fn decode_with(poly: &PolyRef<'_, Coeff>, scale: f64, out: &mut [Complex], roots: &impl Roots) -> Result<()> {
    let n = poly.n();
    let slots = out.len();
    check_slots(slots, n)?;
    let crt = Crt::new(poly.tables())?;
    let gap = n / 2 / slots;
    let inv = 1.0 / scale;
    for (i, z) in out.iter_mut().enumerate() {
        *z = Complex::new(crt.coeff_to_f64(poly, i * gap)? * inv, crt.coeff_to_f64(poly, i * gap + n / 2)? * inv);
    }
    special_fft(out, roots);
    Ok(())
}

/// Encodes `values` (a power-of-two count, at most `N/2`; overwritten as
/// scratch) at `scale` into `out`, computing twiddles on the fly: the
/// no-allocation path for the firmware.
pub fn encode_in_place(values: &mut [Complex], scale: f64, out: &mut PolyMut<'_, Coeff>) -> Result<()> {
    encode_with(values, scale, out, &OnTheFly)
}

/// Decodes `poly` (a plaintext at `scale`) into `out.len()` slots (a power
/// of two, at most `N/2`) without allocating.
pub fn decode_into(poly: &PolyRef<'_, Coeff>, scale: f64, out: &mut [Complex]) -> Result<()> {
    decode_with(poly, scale, out, &OnTheFly)
}

/// An encoder with the special FFT's twiddles precomputed for a ring
/// degree (`N/2 - 1` complex numbers).
#[cfg(feature = "alloc")]
#[derive(Clone, Debug)]
pub struct Encoder {
    n: usize,
    /// `root(len, j)` at `len/2 - 1 + j`.
    roots: Vec<Complex>,
}

#[cfg(feature = "alloc")]
impl Roots for Encoder {
    fn root(&self, len: usize, j: usize) -> Complex {
        self.roots[len / 2 - 1 + j]
    }
}

#[cfg(feature = "alloc")]
impl Encoder {
    /// Precomputes the twiddles for ring degree `n` (a power of two >= 4).
    pub fn new(n: usize) -> Result<Self> {
        if !n.is_power_of_two() || n < 4 {
            return Err(Error::InvalidArgument { reason: "the ring degree must be a power of two >= 4" });
        }
        let mut roots = Vec::with_capacity(n / 2);
        let mut len = 2;
        while len <= n / 2 {
            for j in 0..len / 2 {
                roots.push(OnTheFly.root(len, j));
            }
            len *= 2;
        }
        Ok(Self { n, roots })
    }

    /// Ring degree.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Encodes complex `values` (at most `N/2`; padded with zeros to the
    /// next power of two, which is the slot count) at `scale` into `out`.
    /// Returns the slot count.
    pub fn encode(&self, values: &[Complex], scale: f64, out: &mut PolyMut<'_, Coeff>) -> Result<usize> {
        if out.n() != self.n {
            return Err(Error::BasisMismatch {
                what: "encoding: the encoder and the polynomial have different degrees",
            });
        }
        if values.len() > self.n / 2 {
            return Err(Error::LengthMismatch {
                what: "values to encode (at most N/2)",
                expected: self.n / 2,
                actual: values.len(),
            });
        }
        let slots = slots_for(values.len());
        let mut z = alloc::vec![Complex::default(); slots];
        z[..values.len()].copy_from_slice(values);
        encode_with(&mut z, scale, out, self)?;
        Ok(slots)
    }

    /// Encodes real `values` (imaginary parts zero).
    pub fn encode_real(&self, values: &[f64], scale: f64, out: &mut PolyMut<'_, Coeff>) -> Result<usize> {
        let z: Vec<Complex> = values.iter().map(|&x| Complex::new(x, 0.0)).collect();
        self.encode(&z, scale, out)
    }

    /// Decodes `slots` complex values from `poly` at `scale`.
    pub fn decode(&self, poly: &PolyRef<'_, Coeff>, scale: f64, slots: usize) -> Result<Vec<Complex>> {
        if poly.n() != self.n {
            return Err(Error::BasisMismatch {
                what: "decoding: the encoder and the polynomial have different degrees",
            });
        }
        let mut z = alloc::vec![Complex::default(); slots];
        if slots == self.n / 2 {
            // Every coefficient is read: reconstruct them all at once (the
            // same values as the per-coefficient path, vectorised).
            check_slots(slots, self.n)?;
            let mut coeffs = alloc::vec![0f64; self.n];
            crate::ring::crt::CrtBatch::new(poly.tables())?.to_f64(poly, &mut coeffs)?;
            let inv = 1.0 / scale;
            let (re, im) = coeffs.split_at(self.n / 2);
            for ((zv, &a), &b) in z.iter_mut().zip(re).zip(im) {
                *zv = Complex::new(a * inv, b * inv);
            }
            special_fft(&mut z, self);
        } else {
            decode_with(poly, scale, &mut z, self)?;
        }
        Ok(z)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::ring::RnsBasis;
    use rand_chacha::rand_core::{RngCore, SeedableRng};
    use rand_chacha::ChaCha20Rng;

    fn rand_values(rng: &mut ChaCha20Rng, k: usize, bound: f64) -> Vec<Complex> {
        let mut u = || (rng.next_u64() as f64 / u64::MAX as f64 * 2.0 - 1.0) * bound;
        (0..k).map(|_| Complex::new(u(), u())).collect()
    }

    /// Evaluates the integer polynomial `m / scale` at `zeta^(5^j)` directly.
    fn evaluate(coeffs: &[f64], j: usize, n: usize) -> Complex {
        let e = root_exponent(n / 2, j); // 5^j mod 2N
        let mut acc = Complex::default();
        for (k, &c) in coeffs.iter().enumerate() {
            let ang = core::f64::consts::PI * ((e * k as u64) % (2 * n as u64)) as f64 / n as f64;
            acc = acc + Complex::from_angle(ang).scale(c);
        }
        acc
    }

    #[test]
    fn encoding_is_the_canonical_embedding() {
        let n = 1024;
        let b = RnsBasis::generate(n, 30, 2).unwrap();
        let enc = Encoder::new(n).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(30);
        let scale = (1u64 << 30) as f64;
        for slots in [1usize, 8, 512] {
            let z = rand_values(&mut rng, slots, 4.0);
            let mut data = vec![0u32; 2 * n];
            let mut pt = PolyMut::zeroed(b.tables(), &mut data).unwrap();
            assert_eq!(enc.encode(&z, scale, &mut pt).unwrap(), slots);
            let crt = Crt::new(b.tables()).unwrap();
            let coeffs: Vec<f64> = (0..n).map(|k| crt.coeff_to_f64(&pt.as_ref(), k).unwrap() / scale).collect();
            // Rounding each coefficient to 1/scale moves each slot by at
            // most n / (2 scale).
            let bound = n as f64 / (2.0 * scale);
            for (j, want) in z.iter().enumerate() {
                let got = evaluate(&coeffs, j, n);
                assert!((got - *want).abs() <= bound, "slots {slots} j {j}: {got:?} vs {want:?}");
                // Conjugate slots hold the conjugate.
                let e = 2 * n as u64 - root_exponent(n / 2, j);
                let mut acc = Complex::default();
                for (k, &c) in coeffs.iter().enumerate() {
                    let ang = core::f64::consts::PI * ((e * k as u64) % (2 * n as u64)) as f64 / n as f64;
                    acc = acc + Complex::from_angle(ang).scale(c);
                }
                assert!((acc - want.conj()).abs() <= bound);
            }
        }
    }

    #[test]
    fn round_trip_precision_in_bits() {
        let mut rng = ChaCha20Rng::seed_from_u64(31);
        for (log_n, log_scale, limbs) in [(12u32, 30u32, 2usize), (14, 40, 3), (16, 55, 3)] {
            let n = 1 << log_n;
            let b = RnsBasis::generate(n, 30, limbs).unwrap();
            let enc = Encoder::new(n).unwrap();
            let scale = libm::exp2(log_scale as f64);
            let z = rand_values(&mut rng, n / 2, 1.0);
            let mut data = vec![0u32; limbs * n];
            let mut pt = PolyMut::zeroed(b.tables(), &mut data).unwrap();
            enc.encode(&z, scale, &mut pt).unwrap();
            let back = enc.decode(&pt.as_ref(), scale, n / 2).unwrap();
            let err = z.iter().zip(&back).map(|(a, b)| (*a - *b).abs()).fold(0.0, f64::max);
            // Coefficient rounding (1/(2 scale) each) gives slot errors of
            // about sqrt(N)/(2 scale): precision ~ log_scale - log_n/2 bits.
            let bits = -libm::log2(err);
            assert!(
                bits >= log_scale as f64 - log_n as f64 / 2.0 - 3.0,
                "N=2^{log_n} scale=2^{log_scale}: {bits:.1} bits"
            );
        }
    }

    #[test]
    fn no_alloc_path_matches_encoder() {
        let n = 1024;
        let b = RnsBasis::generate(n, 30, 2).unwrap();
        let enc = Encoder::new(n).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(32);
        let z = rand_values(&mut rng, 256, 2.0);
        let (mut d1, mut d2) = (vec![0u32; 2 * n], vec![0u32; 2 * n]);
        enc.encode(&z, 1e9, &mut PolyMut::zeroed(b.tables(), &mut d1).unwrap()).unwrap();
        let mut scratch = z.clone();
        encode_in_place(&mut scratch, 1e9, &mut PolyMut::zeroed(b.tables(), &mut d2).unwrap()).unwrap();
        assert_eq!(d1, d2);
        let mut out = vec![Complex::default(); 256];
        decode_into(&PolyRef::new(b.tables(), &d2).unwrap(), 1e9, &mut out).unwrap();
        assert_eq!(out, enc.decode(&PolyRef::new(b.tables(), &d1).unwrap(), 1e9, 256).unwrap());
        // Full packing takes the batched reconstruction: still the same.
        let mut out = vec![Complex::default(); n / 2];
        decode_into(&PolyRef::new(b.tables(), &d2).unwrap(), 1e9, &mut out).unwrap();
        assert_eq!(out, enc.decode(&PolyRef::new(b.tables(), &d1).unwrap(), 1e9, n / 2).unwrap());
    }

    #[test]
    fn bad_input_is_an_error() {
        let n = 1024;
        let b = RnsBasis::generate(n, 30, 1).unwrap();
        let enc = Encoder::new(n).unwrap();
        let mut data = vec![0u32; n];
        let mut pt = PolyMut::zeroed(b.tables(), &mut data).unwrap();
        assert!(enc.encode(&[Complex::new(f64::NAN, 0.0)], 1e6, &mut pt).is_err());
        assert!(enc.encode(&[Complex::new(1e30, 0.0)], 1e10, &mut pt).is_err());
        assert!(enc.encode(&vec![Complex::default(); 513], 1e6, &mut pt).is_err());
        assert!(enc.encode(&[Complex::new(1.0, 0.0)], 0.5, &mut pt).is_err());
        assert!(enc.decode(&pt.as_ref(), 1e6, 3).is_err());
        assert!(Encoder::new(1000).is_err());
    }
}
