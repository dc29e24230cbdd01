//! The two RNS kernels CKKS rescaling and key switching need:
//! - [`divide_round_by_last`]: exact `round(x / P)` where `P` is the product
//!   of the basis' last one to four primes (rescaling, including composite
//!   scaling with two primes per level);
//! - [`BasisConverter`] (feature `alloc`): fast base conversion from a
//!   basis `Q` to a basis `P` (Bajard et al. 2016; Halevi-Polyakov-Shoup
//!   2019), exact up to adding a small multiple `u Q`, `0 <= u < k`.

use super::crt::MAX_LIMBS;
#[cfg(feature = "alloc")]
use super::poly::{check_shape, PolyRef};
use super::poly::{Coeff, PolyMut};
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
    if count == 0 || count > MAX_DIVISOR_PRIMES || count >= k || k > MAX_LIMBS {
        return Err(Error::InvalidArgument {
            reason: "divide_round_by_last divides by 1 to 4 primes and must leave at least one (with at most 64 limbs)",
        });
    }
    let keep = k - count;
    let div = &tables[keep..];
    // Constants: [h]_{q_i} with h = (P - 1) / 2 (P is odd), [P^-1]_{q_i},
    // and the mixed-radix inverses for the divisor primes.
    let mut h_mod = [0u32; MAX_LIMBS];
    let mut p_inv = [0u32; MAX_LIMBS];
    for (i, t) in tables.iter().enumerate() {
        let m = t.modulus();
        let p_mod = div.iter().fold(1u32, |acc, d| m.mul(acc, m.reduce(d.q())));
        let inv2 = m.inv(2)?;
        h_mod[i] = m.mul(m.sub(p_mod, 1 % m.value()), inv2);
        if i < keep {
            p_inv[i] = m.inv(p_mod).map_err(|_| Error::InvalidArgument { reason: "basis primes must be distinct" })?;
        }
    }
    let mut inv_prefix = [0u32; MAX_DIVISOR_PRIMES];
    for i in 1..count {
        let m = div[i].modulus();
        let prod = div[..i].iter().fold(1u32, |acc, d| m.mul(acc, m.reduce(d.q())));
        inv_prefix[i] = m.inv(prod).map_err(|_| Error::InvalidArgument { reason: "basis primes must be distinct" })?;
    }
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

#[cfg(feature = "alloc")]
pub use converter::BasisConverter;

#[cfg(feature = "alloc")]
mod converter {
    use super::*;
    use crate::arith::Modulus;
    use crate::ntt::NttTable;
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
        /// `[Q]_{p_j}`.
        q_mod_p: Vec<u32>,
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
            let q_mod_p = to.iter().map(|m| from.iter().fold(1u32, |a, f| m.mul(a, m.reduce(f.value())))).collect();
            Ok(Self { from: from.to_vec(), to: to.to_vec(), inv_q, q_mod_p, qhat_inv, qhat_mod_p })
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
            self.convert_impl(n, src, dst, false)
        }

        /// As [`BasisConverter::convert_raw`], but the result is the
        /// centred representative of `x` modulo `Q`, exactly: no `u Q`
        /// overflow. Key switching uses this so that its rounding errors are
        /// centred and do not add up coherently in the slots.
        pub fn convert_centered_raw(&self, n: usize, src: &[u32], dst: &mut [u32]) -> Result<()> {
            self.convert_impl(n, src, dst, true)
        }

        fn convert_impl(&self, n: usize, src: &[u32], dst: &mut [u32], centered: bool) -> Result<()> {
            let k = self.from.len();
            if src.len() != k * n {
                return Err(Error::LengthMismatch {
                    what: "basis conversion input",
                    expected: k * n,
                    actual: src.len(),
                });
            }
            if dst.len() != self.to.len() * n {
                return Err(Error::LengthMismatch {
                    what: "basis conversion output",
                    expected: self.to.len() * n,
                    actual: dst.len(),
                });
            }
            // Blocks of coefficients, limb-major inside a block, so the inner
            // loops run over contiguous coefficients and vectorise.
            const B: usize = 256;
            let mut y = [[0u32; B]; MAX_LIMBS];
            let mut u = [0u64; B];
            let mut acc = [0u64; B];
            let mut start = 0;
            while start < n {
                let len = B.min(n - start);
                let mut frac = [0f64; B];
                for (i, m) in self.from.iter().enumerate() {
                    let (w, ws) = self.qhat_inv[i];
                    let inv_q = self.inv_q[i];
                    let xs = &src[i * n + start..i * n + start + len];
                    for ((yv, &x), f) in y[i][..len].iter_mut().zip(xs).zip(frac.iter_mut()) {
                        *yv = m.mul_shoup(x, w, ws);
                        *f += *yv as f64 * inv_q;
                    }
                }
                // u = round(sum y_i / q_i): how often the sum overflows Q,
                // rounded so the result is the centred representative.
                for (uv, &f) in u[..len].iter_mut().zip(frac.iter()) {
                    *uv = if centered { libm::round(f) as u64 } else { 0 };
                }
                for (j, m) in self.to.iter().enumerate() {
                    let row = &self.qhat_mod_p[j * k..(j + 1) * k];
                    let qm = self.q_mod_p[j];
                    let out = &mut dst[j * n + start..j * n + start + len];
                    // Terms are below 2^60: sum 16 at a time in u64.
                    let mut first = true;
                    for (ys, rs) in y[..k].chunks(16).zip(row.chunks(16)) {
                        acc[..len].fill(0);
                        for (yi, &r) in ys.iter().zip(rs) {
                            for (a, &yv) in acc[..len].iter_mut().zip(yi[..len].iter()) {
                                *a += yv as u64 * r as u64;
                            }
                        }
                        for (o, &a) in out.iter_mut().zip(acc[..len].iter()) {
                            let v = m.reduce_u64(a);
                            *o = if first { v } else { m.add(*o, v) };
                        }
                        first = false;
                    }
                    for (o, &uv) in out.iter_mut().zip(u[..len].iter()) {
                        *o = m.sub(*o, m.mul(m.reduce_u64(uv), qm));
                    }
                }
                start += len;
            }
            Ok(())
        }
    }
}
