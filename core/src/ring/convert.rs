//! The two RNS kernels CKKS rescaling and key switching need:
//! - [`divide_round_by_last`]: exact `round(x / P)` where `P` is the product
//!   of the basis' last one to four primes (rescaling, including composite
//!   scaling with two primes per level);
//! - [`BasisConverter`] (feature `alloc`): fast base conversion from a
//!   basis `Q` to a basis `P` (Bajard et al. 2016; Halevi-Polyakov-Shoup
//!   2019), exact up to adding a small multiple `u Q`, `0 <= u < k`.

use super::crt::MAX_LIMBS;
#[cfg(feature = "alloc")]
use super::poly::check_shape;
use super::poly::{Coeff, Eval, PolyMut, PolyRef};
use crate::ntt::kernels::Reducer;
use crate::ntt::{NttEngine, NttTable};
use crate::{Error, Result};

/// Largest number of primes [`divide_round_by_last`] divides by at once.
pub const MAX_DIVISOR_PRIMES: usize = 4;

/// Replaces the polynomial `x` over `q_0 .. q_{k-1}` (coefficients,
/// `k > count`) by `round(x / P)`, `P = q_{k-count} ... q_{k-1}`, over the
/// first `k - count` primes, exactly (ties round up; `x` is read as its
/// centred representative, so the result is the same whichever
/// representative is used). On return the first `(k - count) N` words of the
/// storage hold the result and the remaining limbs are scratch.
pub fn divide_round_by_last(poly: &mut PolyMut<'_, Coeff>, count: usize) -> Result<()> {
    let tables = poly.tables();
    let k = tables.len();
    let n = poly.n();
    let Constants { h_mod, p_inv, inv_prefix } = Constants::new(tables, count)?;
    let keep = k - count;
    let div = &tables[keep..];
    let data = poly.data_mut();
    // x' = x + h in every limb.
    for (i, limb) in data.chunks_exact_mut(n).enumerate() {
        let m = tables[i].modulus();
        limb.iter_mut().for_each(|x| *x = m.add(*x, h_mod[i]));
    }
    let (low, high) = data.split_at_mut(keep * n);
    for c in 0..n {
        // Mixed-radix digits of [x']_P from the divisor limbs.
        let mut d = [0u32; MAX_DIVISOR_PRIMES];
        d[0] = high[c];
        for i in 1..count {
            let m = div[i].modulus();
            let mut acc = m.reduce(d[i - 1]);
            for j in (0..i - 1).rev() {
                acc = m.mul_add(acc, div[j].q(), d[j]);
            }
            d[i] = m.mul(m.sub(high[i * n + c], m.reduce(acc)), inv_prefix[i]);
        }
        for i in 0..keep {
            let m = tables[i].modulus();
            // [x']_P mod q_i by Horner over the digits.
            let mut r = m.reduce(d[count - 1]);
            for j in (0..count - 1).rev() {
                r = m.mul_add(r, div[j].q(), d[j]);
            }
            let x = &mut low[i * n + c];
            *x = m.mul(m.sub(*x, m.reduce(r)), p_inv[i]);
        }
    }
    Ok(())
}

/// [`divide_round_by_last`] on a polynomial in the NTT domain, with the
/// same result (exactly: the division is linear modulo each kept prime, so
/// it commutes with the NTT). Only the dropped limbs go through an inverse
/// NTT; the correction `[x + h]_P - h` is reduced into each kept prime and
/// transformed forward, then `out_i = (x_i - correction) P^-1`. That is
/// `count` inverse and `k - count` forward transforms instead of `k` of
/// each, and no coefficient-domain copy of the kept limbs.
///
/// `input` has `k` limbs; `out` receives the `k - count` kept limbs;
/// `scratch` holds at least `(count + 1) N` words.
pub fn divide_round_by_last_eval(
    input: &PolyRef<'_, Eval>,
    count: usize,
    engine: &(impl NttEngine + ?Sized),
    out: &mut [u32],
    scratch: &mut [u32],
) -> Result<()> {
    let tables = input.tables();
    let k = tables.len();
    let n = input.n();
    let c = Constants::new(tables, count)?;
    let keep = k - count;
    if scratch.len() < (count + 1) * n {
        return Err(Error::LengthMismatch {
            what: "rescaling scratch ((count + 1) N words)",
            expected: (count + 1) * n,
            actual: scratch.len(),
        });
    }
    if out.len() != keep * n {
        return Err(Error::LengthMismatch { what: "rescaling output", expected: keep * n, actual: out.len() });
    }
    let div = &tables[keep..];
    let (high, t) = scratch.split_at_mut(count * n);
    let t = &mut t[..n];
    high.copy_from_slice(&input.data()[keep * n..]);
    engine.inverse(div, high)?;
    // x' = x + h on the dropped limbs, then the mixed-radix digits of
    // [x']_P in place: digit i replaces limb i.
    for (i, limb) in high.chunks_exact_mut(n).enumerate() {
        crate::ntt::kernels::add_scalar(div[i].q(), c.h_mod[keep + i], limb);
    }
    for c_idx in 0..n {
        for i in 1..count {
            let m = div[i].modulus();
            let mut acc = m.reduce(high[(i - 1) * n + c_idx]);
            for j in (0..i - 1).rev() {
                acc = m.mul_add(acc, div[j].q(), high[j * n + c_idx]);
            }
            high[i * n + c_idx] = m.mul(m.sub(high[i * n + c_idx], m.reduce(acc)), c.inv_prefix[i]);
        }
    }
    for i in 0..keep {
        let m = tables[i].modulus();
        let r = Reducer::new(m);
        let mut q_div = [0u32; MAX_DIVISOR_PRIMES];
        for (qd, d) in q_div.iter_mut().zip(div) {
            *qd = r.reduce(d.q() as u64);
        }
        // t = [x']_P - h mod q_i, by Horner over the digits.
        crate::ntt::kernels::horner_sub(&r, &q_div[..count], high, c.h_mod[i], t);
        engine.forward(&tables[i..i + 1], t)?;
        let w = c.p_inv[i];
        let o = &mut out[i * n..(i + 1) * n];
        crate::ntt::kernels::sub_mul_shoup_to(m.value(), w, m.shoup(w), input.limb(i), t, o);
    }
    Ok(())
}

/// Constants of [`divide_round_by_last`]: `[h]_{q_i}` with `h = (P - 1) / 2`
/// (`P` is odd), `[P^-1]_{q_i}` for the kept primes, and the mixed-radix
/// inverses of the divisor primes.
struct Constants {
    h_mod: [u32; MAX_LIMBS],
    p_inv: [u32; MAX_LIMBS],
    inv_prefix: [u32; MAX_DIVISOR_PRIMES],
}

impl Constants {
    fn new(tables: &[NttTable], count: usize) -> Result<Self> {
        let k = tables.len();
        if count == 0 || count > MAX_DIVISOR_PRIMES || count >= k || k > MAX_LIMBS {
            return Err(Error::InvalidArgument {
                reason:
                    "divide_round_by_last divides by 1 to 4 primes and must leave at least one (with at most 64 limbs)",
            });
        }
        let keep = k - count;
        let div = &tables[keep..];
        let mut h_mod = [0u32; MAX_LIMBS];
        let mut p_inv = [0u32; MAX_LIMBS];
        for (i, t) in tables.iter().enumerate() {
            let m = t.modulus();
            let p_mod = div.iter().fold(1u32, |acc, d| m.mul(acc, m.reduce(d.q())));
            let inv2 = m.inv(2)?;
            h_mod[i] = m.mul(m.sub(p_mod, 1 % m.value()), inv2);
            if i < keep {
                p_inv[i] =
                    m.inv(p_mod).map_err(|_| Error::InvalidArgument { reason: "basis primes must be distinct" })?;
            }
        }
        let mut inv_prefix = [0u32; MAX_DIVISOR_PRIMES];
        for i in 1..count {
            let m = div[i].modulus();
            let prod = div[..i].iter().fold(1u32, |acc, d| m.mul(acc, m.reduce(d.q())));
            inv_prefix[i] =
                m.inv(prod).map_err(|_| Error::InvalidArgument { reason: "basis primes must be distinct" })?;
        }
        Ok(Self { h_mod, p_inv, inv_prefix })
    }
}

#[cfg(feature = "alloc")]
pub use converter::BasisConverter;

#[cfg(feature = "alloc")]
mod converter {
    use super::*;
    use crate::arith::Modulus;
    use alloc::vec::Vec;

    /// Fast base conversion from the basis `Q = q_0 .. q_{k-1}` to
    /// `P = p_0 .. p_{m-1}`: for `x` over `Q`, computes
    /// `sum_i [x_i (Q/q_i)^-1]_{q_i} (Q/q_i) mod p_j`, which equals
    /// `x + u Q mod p_j` for one integer `0 <= u < k` shared by all `j`
    /// ([`BasisConverter::convert_raw`]), or, with the overflow `u`
    /// estimated in floating point as in Halevi-Polyakov-Shoup,
    /// the centred representative of `x` in `(-Q/2, Q/2]` exactly
    /// ([`BasisConverter::convert_centered_raw`]; exact while the fractional
    /// sum is not within `k 2^-50` of one half, which is what the key
    /// switching noise analysis assumes).
    #[derive(Clone, Debug)]
    pub struct BasisConverter {
        from: Vec<Modulus>,
        to: Vec<Modulus>,
        /// `1 / q_i` as `f64`.
        inv_q: Vec<f64>,
        /// `[-Q]_{p_j}`.
        neg_q_mod_p: Vec<u32>,
        /// Reduction constants of the target primes.
        to_red: Vec<Reducer>,
        /// `[(Q/q_i)^-1]_{q_i}` and its Shoup companion.
        qhat_inv: Vec<(u32, u32)>,
        /// `[Q/q_i]_{p_j}` at `[j * k + i]`.
        qhat_mod_p: Vec<u32>,
    }

    impl BasisConverter {
        /// Constants for converting from `from` to `to` (distinct primes).
        pub fn new(from: &[NttTable], to: &[NttTable]) -> Result<Self> {
            let f: Vec<Modulus> = from.iter().map(|t| *t.modulus()).collect();
            let t: Vec<Modulus> = to.iter().map(|t| *t.modulus()).collect();
            Self::from_moduli(&f, &t)
        }

        /// As [`BasisConverter::new`] from the moduli alone.
        pub fn from_moduli(from: &[Modulus], to: &[Modulus]) -> Result<Self> {
            if from.is_empty() || to.is_empty() {
                return Err(Error::InvalidArgument { reason: "basis conversion needs non-empty bases" });
            }
            if from.len() > MAX_LIMBS {
                return Err(Error::InvalidArgument { reason: "basis conversion supports at most 64 source primes" });
            }
            let k = from.len();
            let mut qhat_inv = Vec::with_capacity(k);
            for (i, m) in from.iter().enumerate() {
                let qhat = from
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .fold(1u32, |a, (_, p)| m.mul(a, m.reduce(p.value())));
                let inv =
                    m.inv(qhat).map_err(|_| Error::InvalidArgument { reason: "basis primes must be distinct" })?;
                qhat_inv.push((inv, m.shoup(inv)));
            }
            let mut qhat_mod_p = Vec::with_capacity(k * to.len());
            for m in to {
                if from.iter().any(|f| f.value() == m.value()) {
                    return Err(Error::InvalidArgument { reason: "source and target bases must be disjoint" });
                }
                for i in 0..k {
                    qhat_mod_p.push(
                        from.iter()
                            .enumerate()
                            .filter(|&(j, _)| j != i)
                            .fold(1u32, |a, (_, t)| m.mul(a, m.reduce(t.value()))),
                    );
                }
            }
            let inv_q = from.iter().map(|m| 1.0 / m.value() as f64).collect();
            let neg_q_mod_p =
                to.iter().map(|m| m.neg(from.iter().fold(1u32, |a, f| m.mul(a, m.reduce(f.value()))))).collect();
            let to_red = to.iter().map(Reducer::new).collect();
            Ok(Self { from: from.to_vec(), to: to.to_vec(), inv_q, neg_q_mod_p, to_red, qhat_inv, qhat_mod_p })
        }

        /// Number of source primes.
        pub fn from_len(&self) -> usize {
            self.from.len()
        }

        /// Number of target primes.
        pub fn to_len(&self) -> usize {
            self.to.len()
        }

        /// Converts `input` (over the source basis, coefficients) into
        /// `output` (over the target basis).
        pub fn convert(&self, input: &PolyRef<'_, Coeff>, output: &mut PolyMut<'_, Coeff>) -> Result<()> {
            let (fin, fout) = (input.tables(), output.tables());
            if fin.iter().map(NttTable::q).ne(self.from.iter().map(Modulus::value))
                || fout.iter().map(NttTable::q).ne(self.to.iter().map(Modulus::value))
            {
                return Err(Error::BasisMismatch { what: "basis conversion" });
            }
            let n = check_shape(fin, input.data().len())?;
            if fout[0].n() != n {
                return Err(Error::BasisMismatch { what: "basis conversion: ring degrees differ" });
            }
            self.convert_raw(n, input.data(), output.data_mut())
        }

        /// The conversion on raw limb-major data: `src` holds the source
        /// limbs (`from_len() * n` words, reduced), `dst` receives the
        /// target limbs (`to_len() * n` words).
        pub fn convert_raw(&self, n: usize, src: &[u32], dst: &mut [u32]) -> Result<()> {
            self.convert_impl(n, src, dst, false, self.to.len(), 0)
        }

        /// As [`BasisConverter::convert_raw`], but the result is the
        /// centred representative of `x` modulo `Q`, exactly: no `u Q`
        /// overflow. Key switching uses this so that its rounding errors are
        /// centred and do not add up coherently in the slots.
        pub fn convert_centered_raw(&self, n: usize, src: &[u32], dst: &mut [u32]) -> Result<()> {
            self.convert_impl(n, src, dst, true, self.to.len(), 0)
        }

        /// As [`BasisConverter::convert_centered_raw`], with the output
        /// limbs spread around a gap: target `j` goes to limb `j` of `dst`
        /// for `j < gap_at`, to limb `j + gap_len` otherwise (`dst` holds
        /// `to_len() + gap_len` limbs; the gap is left untouched). Key
        /// switching writes a digit's conversion straight into the raised
        /// polynomial this way, around the digit's own limbs.
        pub fn convert_centered_gap(
            &self,
            n: usize,
            src: &[u32],
            dst: &mut [u32],
            gap_at: usize,
            gap_len: usize,
        ) -> Result<()> {
            self.convert_impl(n, src, dst, true, gap_at, gap_len)
        }

        fn convert_impl(
            &self,
            n: usize,
            src: &[u32],
            dst: &mut [u32],
            centered: bool,
            gap_at: usize,
            gap_len: usize,
        ) -> Result<()> {
            let k = self.from.len();
            if src.len() != k * n {
                return Err(Error::LengthMismatch {
                    what: "basis conversion input",
                    expected: k * n,
                    actual: src.len(),
                });
            }
            if dst.len() != (self.to.len() + gap_len) * n || gap_at > self.to.len() {
                return Err(Error::LengthMismatch {
                    what: "basis conversion output",
                    expected: (self.to.len() + gap_len) * n,
                    actual: dst.len(),
                });
            }
            convert_kernel(self, n, src, dst, centered, gap_at, gap_len);
            Ok(())
        }
    }

    /// Terms summed in `u64` before a reduction: each product of residues
    /// is below `2^60`, and 15 of them plus the overflow correction
    /// (below `2^36`) stay below `2^64`.
    const TERMS: usize = 15;

    crate::ntt::kernels::multiversion! {
        /// The conversion proper, block by block of coefficients, limb-major
        /// inside a block so that the inner loops run over contiguous
        /// coefficients and vectorise. Only 32x32->64 multiplies and
        /// [`Reducer`] reductions: no `u128`.
        fn convert_kernel(
            c: &BasisConverter,
            n: usize,
            src: &[u32],
            dst: &mut [u32],
            centered: bool,
            gap_at: usize,
            gap_len: usize,
        ) {
            const B: usize = 256;
            let k = c.from.len();
            let mut y = [[0u32; B]; MAX_LIMBS];
            let mut u = [0u64; B];
            let mut acc = [0u64; B];
            let mut frac = [0f64; B];
            let mut start = 0;
            while start < n {
                let len = B.min(n - start);
                frac[..len].fill(0.0);
                for (i, m) in c.from.iter().enumerate() {
                    let (w, ws) = c.qhat_inv[i];
                    let inv_q = c.inv_q[i];
                    let xs = &src[i * n + start..i * n + start + len];
                    for ((yv, &x), f) in y[i][..len].iter_mut().zip(xs).zip(frac.iter_mut()) {
                        *yv = m.mul_shoup(x, w, ws);
                        *f += *yv as f64 * inv_q;
                    }
                }
                // u = round(sum y_i / q_i): how often the sum overflows Q,
                // rounded so the result is the centred representative (the
                // sum is positive, so adding 1/2 and truncating rounds it).
                if centered {
                    for (uv, &f) in u[..len].iter_mut().zip(frac.iter()) {
                        *uv = (f + 0.5) as u64;
                    }
                } else {
                    u[..len].fill(0);
                }
                for (j, r) in c.to_red.iter().enumerate() {
                    let row = &c.qhat_mod_p[j * k..(j + 1) * k];
                    // x = sum y_i Qhat_i - u Q: add u [-Q]_{p_j} instead.
                    let neg_q = c.neg_q_mod_p[j];
                    for (a, &uv) in acc[..len].iter_mut().zip(u.iter()) {
                        *a = uv * neg_q as u64;
                    }
                    // Four rows per pass over `acc`: the loop is bound by
                    // loading and storing `acc`, not by the multiplies.
                    let mut i = 0;
                    let mut since = 0;
                    while i < k {
                        let g = (k - i).min(4);
                        if since + g > TERMS {
                            for a in acc[..len].iter_mut() {
                                *a = r.reduce(*a) as u64;
                            }
                            since = 0;
                        }
                        let acc = &mut acc[..len];
                        match g {
                            4 => {
                                let (r0, r1, r2, r3) = (row[i] as u64, row[i + 1] as u64, row[i + 2] as u64, row[i + 3] as u64);
                                let (y0, y1, y2, y3) = (&y[i][..len], &y[i + 1][..len], &y[i + 2][..len], &y[i + 3][..len]);
                                for c in 0..len {
                                    acc[c] += y0[c] as u64 * r0 + y1[c] as u64 * r1 + y2[c] as u64 * r2 + y3[c] as u64 * r3;
                                }
                            }
                            3 => {
                                let (r0, r1, r2) = (row[i] as u64, row[i + 1] as u64, row[i + 2] as u64);
                                let (y0, y1, y2) = (&y[i][..len], &y[i + 1][..len], &y[i + 2][..len]);
                                for c in 0..len {
                                    acc[c] += y0[c] as u64 * r0 + y1[c] as u64 * r1 + y2[c] as u64 * r2;
                                }
                            }
                            2 => {
                                let (r0, r1) = (row[i] as u64, row[i + 1] as u64);
                                let (y0, y1) = (&y[i][..len], &y[i + 1][..len]);
                                for c in 0..len {
                                    acc[c] += y0[c] as u64 * r0 + y1[c] as u64 * r1;
                                }
                            }
                            _ => {
                                let r0 = row[i] as u64;
                                for (a, &yv) in acc.iter_mut().zip(y[i][..len].iter()) {
                                    *a += yv as u64 * r0;
                                }
                            }
                        }
                        since += g;
                        i += g;
                    }
                    let limb = if j < gap_at { j } else { j + gap_len };
                    let out = &mut dst[limb * n + start..limb * n + start + len];
                    for (o, &a) in out.iter_mut().zip(acc[..len].iter()) {
                        *o = r.reduce(a);
                    }
                }
                start += len;
            }
        }
    }
}
