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
        Ok(Self { tables, inv_prefix })
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
        self.digits(r, &mut d);
        // x > (Q-1)/2 iff x > Q-1-x, whose digits are q_i - 1 - d_i:
        // compare lexicographically from the top digit.
        let mut negative = false;
        for i in (0..k).rev() {
            let c = self.tables[i].q() - 1 - d[i];
            if d[i] != c {
                negative = d[i] > c;
                break;
            }
        }
        let mut v = 0f64;
        for i in (0..k).rev() {
            let digit = if negative { self.tables[i].q() - 1 - d[i] } else { d[i] };
            v = v * self.tables[i].q() as f64 + digit as f64;
        }
        if negative {
            -(v + 1.0)
        } else {
            v
        }
    }

    /// The centred representative of `x` in `(-Q/2, Q/2]` as the nearest
    /// `f64` (relative error below 2^-52).
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
