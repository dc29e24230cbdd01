//! CRT reconstruction: residues modulo `q_0 .. q_{k-1}` back to the integer
//! in `[0, Q)`, as multi-word integers (for tests and exact checks) or as a
//! centred `f64` (for CKKS decoding). Garner's mixed-radix algorithm keeps
//! every step in `u32` arithmetic, needs only `k` constants and no
//! allocation.

use super::poly::{Coeff, PolyRef};
use crate::arith::Modulus;
use crate::ntt::NttTable;
use crate::{Error, Result};

/// Most limbs a [`Crt`] (and the no-allocation ring kernels) handle.
pub const MAX_LIMBS: usize = 64;

/// Precomputed constants for reconstructing integers from residues.
#[derive(Clone, Debug)]
pub struct Crt<'a> {
    tables: &'a [NttTable<'a>],
    /// `(q_0 ... q_{i-1})^-1 mod q_i` for `i >= 1`.
    inv_prefix: [u32; MAX_LIMBS],
    /// `[h]_{q_i}` for `h = (Q - 1) / 2` (`Q` is odd).
    h_mod: [u32; MAX_LIMBS],
    /// The mixed-radix digits of `h`.
    h_digits: [u32; MAX_LIMBS],
}

impl<'a> Crt<'a> {
    /// Constants for the basis `tables` (at most [`MAX_LIMBS`] distinct
    /// primes).
    pub fn new(tables: &'a [NttTable]) -> Result<Self> {
        if tables.is_empty() || tables.len() > MAX_LIMBS {
            return Err(Error::InvalidArgument { reason: "CRT needs between 1 and 64 primes" });
        }
        let mut inv_prefix = [0u32; MAX_LIMBS];
        for (i, t) in tables.iter().enumerate().skip(1) {
            let m = t.modulus();
            let prod = tables[..i].iter().fold(1u32, |acc, p| m.mul(acc, m.reduce(p.q())));
            inv_prefix[i] =
                m.inv(prod).map_err(|_| Error::InvalidArgument { reason: "CRT basis primes must be distinct" })?;
        }
        // Q = 0 mod q_i, so h = (Q - 1) / 2 = -1/2 = (q_i - 1) / 2 mod q_i.
        let mut h_mod = [0u32; MAX_LIMBS];
        for (h, t) in h_mod.iter_mut().zip(tables) {
            *h = (t.q() - 1) / 2;
        }
        let mut crt = Self { tables, inv_prefix, h_mod, h_digits: [0; MAX_LIMBS] };
        let mut h_digits = [0u32; MAX_LIMBS];
        crt.digits(|i| h_mod[i], &mut h_digits);
        crt.h_digits = h_digits;
        Ok(crt)
    }

    /// Number of limbs.
    pub fn limbs(&self) -> usize {
        self.tables.len()
    }

    /// Mixed-radix digits `d` of the integer `x` with residues `r(i)`:
    /// `x = d_0 + d_1 q_0 + d_2 q_0 q_1 + ...`, `0 <= d_i < q_i`.
    fn digits(&self, r: impl Fn(usize) -> u32, d: &mut [u32; MAX_LIMBS]) {
        d[0] = r(0);
        for i in 1..self.tables.len() {
            let m: &Modulus = self.tables[i].modulus();
            // Horner: value of the digits so far modulo q_i.
            let mut acc = m.reduce(d[i - 1]);
            for j in (0..i - 1).rev() {
                acc = m.mul_add(acc, self.tables[j].q(), d[j]);
            }
            let acc = m.reduce(acc);
            d[i] = m.mul(m.sub(r(i), acc), self.inv_prefix[i]);
        }
    }

    fn check(&self, residues: &[u32]) -> Result<()> {
        if residues.len() != self.tables.len() {
            return Err(Error::LengthMismatch {
                what: "CRT residues",
                expected: self.tables.len(),
                actual: residues.len(),
            });
        }
        for (i, (&r, t)) in residues.iter().zip(self.tables).enumerate() {
            if r >= t.q() {
                return Err(Error::ResidueOutOfRange { value: r, index: i, q: t.q() });
            }
        }
        Ok(())
    }

    /// Writes `x in [0, Q)` as little-endian 32-bit words into `out`
    /// (`out.len() >= k`; higher words are zeroed).
    pub fn to_words(&self, residues: &[u32], out: &mut [u32]) -> Result<()> {
        self.check(residues)?;
        let k = self.tables.len();
        if out.len() < k {
            return Err(Error::LengthMismatch { what: "CRT output words", expected: k, actual: out.len() });
        }
        let mut d = [0u32; MAX_LIMBS];
        self.digits(|i| residues[i], &mut d);
        out.fill(0);
        // Horner from the top digit: x = (..(d_{k-1} q_{k-2} + d_{k-2}) ..) q_0 + d_0.
        out[0] = d[k - 1];
        for i in (0..k - 1).rev() {
            let mut carry = d[i] as u64;
            for w in out.iter_mut() {
                let v = *w as u64 * self.tables[i].q() as u64 + carry;
                *w = v as u32;
                carry = v >> 32;
            }
        }
        Ok(())
    }

    fn centered_f64(&self, r: impl Fn(usize) -> u32) -> f64 {
        let k = self.tables.len();
        let mut d = [0u32; MAX_LIMBS];
        // x' = x + h lies in [0, Q) and x' - h is the centred x; its digits
        // minus h's are small signed numbers (mostly zero at the top when x
        // is small), summed by Horner from the top digit.
        self.digits(|i| self.tables[i].modulus().add(r(i), self.h_mod[i]), &mut d);
        let mut v = 0f64;
        for i in (0..k).rev() {
            v = v * self.tables[i].q() as f64 + (d[i] as f64 - self.h_digits[i] as f64);
        }
        v
    }

    /// The centred representative of `x` in `(-Q/2, Q/2]` as an `f64`
    /// (relative error below `k 2^-53`, exact for integers below 2^53).
    pub fn to_f64_centered(&self, residues: &[u32]) -> Result<f64> {
        self.check(residues)?;
        Ok(self.centered_f64(|i| residues[i]))
    }

    /// Coefficient `j` of `poly` (over this basis), centred, as an `f64`.
    pub fn coeff_to_f64(&self, poly: &PolyRef<'_, Coeff>, j: usize) -> Result<f64> {
        if poly.limbs() != self.tables.len() || poly.tables().iter().zip(self.tables).any(|(a, b)| a.q() != b.q()) {
            return Err(Error::BasisMismatch { what: "CRT reconstruction" });
        }
        let n = poly.n();
        if j >= n {
            return Err(Error::InvalidArgument { reason: "coefficient index beyond the ring degree" });
        }
        let data = poly.data();
        Ok(self.centered_f64(|i| data[i * n + j]))
    }
}

#[cfg(feature = "alloc")]
pub use batch::CrtBatch;

#[cfg(feature = "alloc")]
mod batch {
    use super::*;
    use alloc::vec::Vec;

    /// [`Crt`] for whole polynomials: the same centred `f64` values as
    /// [`Crt::coeff_to_f64`], bit for bit (same digits, same Horner sum),
    /// computed block by block of coefficients with Garner's algorithm in
    /// its classical form (`x_i <- (x_i - d_j) q_j^-1` with Shoup constants
    /// for every pair `j < i`), whose inner loops run over contiguous
    /// coefficients and vectorise.
    #[derive(Clone, Debug)]
    pub struct CrtBatch<'a> {
        crt: Crt<'a>,
        /// `[q_j^-1]_{q_i}` with Shoup companion at `i * k + j`, `j < i`.
        inv: Vec<(u32, u32)>,
        /// A multiple of `q_i` in `[2^30, 2^30 + q_i)`: added before
        /// subtracting a digit below `2^30`, it keeps the difference positive
        /// and below `2^32`.
        lift: Vec<u32>,
    }

    impl<'a> CrtBatch<'a> {
        /// Constants for the basis `tables`.
        pub fn new(tables: &'a [NttTable]) -> Result<Self> {
            let crt = Crt::new(tables)?;
            let k = tables.len();
            let mut inv = alloc::vec![(0u32, 0u32); k * k];
            for (i, t) in tables.iter().enumerate() {
                let m = t.modulus();
                for (j, p) in tables[..i].iter().enumerate() {
                    let w = m
                        .inv(p.q())
                        .map_err(|_| Error::InvalidArgument { reason: "CRT basis primes must be distinct" })?;
                    inv[i * k + j] = (w, m.shoup(w));
                }
            }
            let lift = tables.iter().map(|t| (1u32 << 30).div_ceil(t.q()) * t.q()).collect();
            Ok(Self { crt, inv, lift })
        }

        /// `out[j]` = coefficient `j` of `poly` (over this basis), centred,
        /// as an `f64` equal to [`Crt::coeff_to_f64`].
        pub fn to_f64(&self, poly: &PolyRef<'_, Coeff>, out: &mut [f64]) -> Result<()> {
            let tables = self.crt.tables;
            if poly.limbs() != tables.len() || poly.tables().iter().zip(tables).any(|(a, b)| a.q() != b.q()) {
                return Err(Error::BasisMismatch { what: "CRT reconstruction" });
            }
            if out.len() != poly.n() {
                return Err(Error::LengthMismatch { what: "CRT output", expected: poly.n(), actual: out.len() });
            }
            to_f64_kernel(self, poly.data(), out);
            Ok(())
        }
    }

    crate::ntt::kernels::multiversion! {
        fn to_f64_kernel(b: &CrtBatch, data: &[u32], out: &mut [f64]) {
            const B: usize = 64;
            let tables = b.crt.tables;
            let k = tables.len();
            let n = out.len();
            let mut y = [[0u32; B]; MAX_LIMBS];
            let mut start = 0;
            while start < n {
                let len = B.min(n - start);
                for (i, t) in tables.iter().enumerate() {
                    let (q, h) = (t.q(), b.crt.h_mod[i]);
                    for (yv, &x) in y[i][..len].iter_mut().zip(&data[i * n + start..i * n + start + len]) {
                        *yv = crate::ntt::kernels::csub_min(x + h, q);
                    }
                }
                // Garner: after step j, row j holds digit d_j.
                for j in 0..k {
                    let (done, rest) = y.split_at_mut(j + 1);
                    let dj = &done[j][..len];
                    for (i, row) in rest[..k - j - 1].iter_mut().enumerate() {
                        let i = i + j + 1;
                        let m = tables[i].modulus();
                        let (w, ws) = b.inv[i * k + j];
                        let lift = b.lift[i];
                        for (x, &d) in row[..len].iter_mut().zip(dj) {
                            *x = m.mul_shoup(*x + lift - d, w, ws);
                        }
                    }
                }
                let o = &mut out[start..start + len];
                o.fill(0.0);
                for i in (0..k).rev() {
                    let q = tables[i].q() as f64;
                    let h = b.crt.h_digits[i] as f64;
                    for (v, &d) in o.iter_mut().zip(&y[i][..len]) {
                        *v = *v * q + (d as f64 - h);
                    }
                }
                start += len;
            }
        }
    }
}
