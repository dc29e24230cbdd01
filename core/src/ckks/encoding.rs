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

/// A complex number in `f64`: `re` then `im` in memory (`repr(C)`, 16
/// bytes, so a firmware can lay slot buffers over word arenas).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C)]
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

/// The special FFT's twiddle `root(len, j)` in `f64`, computed (the value
/// [`fill_root_table`] stores).
pub(crate) fn special_fft_root(len: usize, j: usize) -> Complex {
    OnTheFly.root(len, j)
}

impl Roots for OnTheFly {
    fn root(&self, len: usize, j: usize) -> Complex {
        let m = 4 * len as u64;
        Complex::from_angle(2.0 * core::f64::consts::PI * root_exponent(len, j) as f64 / m as f64)
    }
}

/// Number of special-FFT twiddles for up to `max_slots` slots (a power of
/// two): `max_slots - 1` complex values (stage lengths `2 ..= max_slots`).
pub const fn root_table_len(max_slots: usize) -> usize {
    max_slots.saturating_sub(1)
}

/// Fills `out` with the special FFT's twiddles for up to `out.len() + 1`
/// slots (a power of two; at most `N/2` slots need `N/2 - 1` values):
/// `root(len, j)` at index `len/2 - 1 + j`, the values [`Encoder`] keeps
/// (bit for bit). Without allocation, e.g. at build time for a table in a
/// microcontroller's flash.
pub fn fill_root_table(out: &mut [Complex]) -> Result<()> {
    let max_slots = out.len() + 1;
    if !max_slots.is_power_of_two() {
        return Err(Error::InvalidArgument { reason: "a root table holds (a power of two) - 1 values" });
    }
    let mut len = 2;
    while len <= max_slots {
        for j in 0..len / 2 {
            out[len / 2 - 1 + j] = OnTheFly.root(len, j);
        }
        len *= 2;
    }
    Ok(())
}

/// A borrowed table of the special FFT's twiddles ([`fill_root_table`]),
/// for encoding and decoding without computing a sine and cosine per
/// butterfly and without allocating.
#[derive(Clone, Copy, Debug)]
pub struct RootTable<'a> {
    roots: &'a [Complex],
}

impl<'a> RootTable<'a> {
    /// Wraps `roots` as written by [`fill_root_table`]; errors unless its
    /// length is a power of two minus one. The values are trusted (a wrong
    /// table encodes wrongly but cannot panic).
    pub fn new(roots: &'a [Complex]) -> Result<Self> {
        if !(roots.len() + 1).is_power_of_two() {
            return Err(Error::InvalidArgument { reason: "a root table holds (a power of two) - 1 values" });
        }
        Ok(Self { roots })
    }

    /// The largest slot count the table serves.
    pub fn max_slots(&self) -> usize {
        self.roots.len() + 1
    }

    fn check(&self, slots: usize) -> Result<()> {
        if slots > self.max_slots() {
            return Err(Error::InvalidArgument { reason: "the root table is too short for this slot count" });
        }
        Ok(())
    }
}

impl Roots for RootTable<'_> {
    fn root(&self, len: usize, j: usize) -> Complex {
        // `check` ran before any transform: the index is in range.
        self.roots.get(len / 2 - 1 + j).copied().unwrap_or_default()
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
    check_scaled(x)?;
    let x = libm::round(x);
    let n = out.n();
    let tables = out.tables();
    let data = out.data_mut();
    for (l, t) in tables.iter().enumerate() {
        data[l * n + index] = residue_of_integer(t.modulus(), x);
    }
    Ok(())
}

/// `x mod q` for an integer-valued `x` with `|x| < 2^120`.
pub(crate) fn residue_of_integer(m: &crate::arith::Modulus, x: f64) -> u32 {
    let v = x as i128;
    let neg = v < 0;
    let mag = v.unsigned_abs();
    let (hi, lo) = ((mag >> 64) as u64, mag as u64);
    // 2^64 mod q = (2^32 mod q)^2 mod q.
    let two32 = m.reduce_u64(1 << 32);
    let r = m.add(m.mul(m.reduce_u64(hi), m.mul(two32, two32)), m.reduce_u64(lo));
    if neg {
        m.neg(r)
    } else {
        r
    }
}

/// 2^120: beyond this the f64 -> i128 conversion would saturate.
const MAX_SCALED: f64 = 1.329_227_995_784_916e36;

fn check_scaled(x: f64) -> Result<()> {
    if !x.is_finite() || libm::fabs(x) >= MAX_SCALED {
        return Err(Error::InvalidArgument {
            reason: "a value times the scale is not finite or exceeds 2^120: use a smaller scale or smaller inputs",
        });
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

/// [`encode_in_place`] with the twiddles from `roots` (same output, bit
/// for bit, without a sine and cosine per butterfly).
pub fn encode_in_place_with_roots(
    values: &mut [Complex],
    scale: f64,
    out: &mut PolyMut<'_, Coeff>,
    roots: &RootTable<'_>,
) -> Result<()> {
    roots.check(values.len())?;
    encode_with(values, scale, out, roots)
}

/// [`decode_into`] with the twiddles from `roots` (same output, bit for
/// bit).
pub fn decode_into_with_roots(
    poly: &PolyRef<'_, Coeff>,
    scale: f64,
    out: &mut [Complex],
    roots: &RootTable<'_>,
) -> Result<()> {
    roots.check(out.len())?;
    decode_with(poly, scale, out, roots)
}

/// The first half of a limb-at-a-time encoding: the special inverse FFT of
/// `values` (a power-of-two count `S`, at most `N/2`), scaled by `scale`
/// and rounded, in place. Afterwards `values[i].re` and `values[i].im` are
/// the integer coefficients `i gap` and `i gap + N/2` (`gap = N / (2 S)`;
/// every other coefficient is zero), as `f64` values that are exact
/// integers. [`rounded_to_limb`] then writes any limb's residues, so a
/// client needs no `K N`-word plaintext buffer. The same integers as
/// [`encode_in_place`]; errors for a value times the scale that is not
/// finite or reaches 2^120 (checked on every value before returning).
pub fn encode_rounded(values: &mut [Complex], scale: f64, roots: &RootTable<'_>) -> Result<()> {
    roots.check(values.len())?;
    if !values.len().is_power_of_two() {
        return Err(Error::InvalidArgument { reason: "the slot count must be a power of two of at most N/2" });
    }
    if !(scale.is_finite() && scale >= 1.0) {
        return Err(Error::InvalidArgument { reason: "the scale must be a finite number >= 1" });
    }
    special_ifft(values, roots);
    for z in values.iter_mut() {
        let (re, im) = (z.re * scale, z.im * scale);
        check_scaled(re)?;
        check_scaled(im)?;
        *z = Complex::new(libm::round(re), libm::round(im));
    }
    Ok(())
}

/// Writes the residues modulo `modulus` of the plaintext whose nonzero
/// coefficients [`encode_rounded`] left in `rounded` into `out` (one limb
/// of `N = out.len()` words, coefficient domain). Errors when the slot
/// count is not a power of two of at most `N/2` or a value is not an
/// integer below 2^120 in magnitude.
pub fn rounded_to_limb(rounded: &[Complex], modulus: &crate::arith::Modulus, out: &mut [u32]) -> Result<()> {
    let n = out.len();
    check_slots(rounded.len(), n)?;
    let gap = n / 2 / rounded.len();
    out.fill(0);
    for (i, z) in rounded.iter().enumerate() {
        for (x, at) in [(z.re, i * gap), (z.im, i * gap + n / 2)] {
            check_scaled(x)?;
            if libm::round(x) != x {
                return Err(Error::InvalidArgument { reason: "rounded_to_limb: a coefficient is not an integer" });
            }
            out[at] = residue_of_integer(modulus, x);
        }
    }
    Ok(())
}

/// The second half of a limb-at-a-time decoding: `values[i]` holds the
/// centred coefficients `i gap` (real part) and `i gap + N/2` (imaginary
/// part) of a plaintext at `scale` (e.g. from `Crt::to_f64_centered`);
/// they are divided by the scale and transformed into slots in place. The
/// same values as [`decode_into`], bit for bit.
pub fn decode_coefficients(values: &mut [Complex], scale: f64, roots: &RootTable<'_>) -> Result<()> {
    roots.check(values.len())?;
    if !values.len().is_power_of_two() {
        return Err(Error::InvalidArgument { reason: "the slot count must be a power of two of at most N/2" });
    }
    let inv = 1.0 / scale;
    for z in values.iter_mut() {
        *z = Complex::new(z.re * inv, z.im * inv);
    }
    special_fft(values, roots);
    Ok(())
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
    fn root_tables_and_limb_wise_encoding_match_the_encoder() {
        let n = 1024;
        let b = RnsBasis::generate(n, 30, 3).unwrap();
        let enc = Encoder::new(n).unwrap();
        let mut table = vec![Complex::default(); root_table_len(n / 2)];
        fill_root_table(&mut table).unwrap();
        assert_eq!(table, enc.roots);
        let roots = RootTable::new(&table).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(33);
        for slots in [1usize, 64, 512] {
            let z = rand_values(&mut rng, slots, 3.0);
            let scale = 2f64.powi(40);
            let mut want = vec![0u32; 3 * n];
            enc.encode(&z, scale, &mut PolyMut::zeroed(b.tables(), &mut want).unwrap()).unwrap();
            let mut got = vec![0u32; 3 * n];
            let mut scratch = z.clone();
            encode_in_place_with_roots(
                &mut scratch,
                scale,
                &mut PolyMut::zeroed(b.tables(), &mut got).unwrap(),
                &roots,
            )
            .unwrap();
            assert_eq!(got, want);
            // Limb at a time.
            let mut rounded = z.clone();
            encode_rounded(&mut rounded, scale, &roots).unwrap();
            for (t, limb) in b.tables().iter().zip(want.chunks_exact(n)) {
                let mut l = vec![7u32; n];
                rounded_to_limb(&rounded, t.modulus(), &mut l).unwrap();
                assert_eq!(l, limb);
            }
            // Decoding: with the table, and from CRT coefficients.
            let pt = PolyRef::new(b.tables(), &want).unwrap();
            let reference = enc.decode(&pt, scale, slots).unwrap();
            let mut out = vec![Complex::default(); slots];
            decode_into_with_roots(&pt, scale, &mut out, &roots).unwrap();
            assert_eq!(out, reference);
            let crt = Crt::new(b.tables()).unwrap();
            let gap = n / 2 / slots;
            let mut co: Vec<Complex> = (0..slots)
                .map(|i| {
                    let f = |j| crt.to_f64_centered(&[want[j], want[n + j], want[2 * n + j]]).unwrap();
                    Complex::new(f(i * gap), f(i * gap + n / 2))
                })
                .collect();
            decode_coefficients(&mut co, scale, &roots).unwrap();
            assert_eq!(co, reference);
        }
        // A table too short for the slot count, bad lengths, bad values.
        let short = RootTable::new(&table[..63]).unwrap();
        let mut z = vec![Complex::default(); 128];
        assert!(encode_rounded(&mut z, 1e6, &short).is_err());
        assert!(RootTable::new(&table[..62]).is_err());
        let mut table2 = table.clone();
        assert!(fill_root_table(&mut table2[..62]).is_err());
        let mut z = vec![Complex::new(f64::INFINITY, 0.0); 4];
        assert!(encode_rounded(&mut z, 1e6, &roots).is_err());
        let mut l = vec![0u32; n];
        assert!(rounded_to_limb(&[Complex::new(0.5, 0.0)], b.tables()[0].modulus(), &mut l).is_err());
        assert!(rounded_to_limb(&[Complex::default(); 3], b.tables()[0].modulus(), &mut l).is_err());
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
