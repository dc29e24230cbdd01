//! [`Modulus`]: a modulus below 2^30 with its precomputed Barrett constant.

use crate::{Error, Result};

/// Moduli are strictly below `2^MAX_MODULUS_BITS`.
pub const MAX_MODULUS_BITS: u32 = 30;

/// A modulus `2 <= q < 2^30` with the constants for Barrett reduction.
///
/// Residues are `u32` values in `[0, q)` unless a method says otherwise.
/// All methods are constant time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Modulus {
    q: u32,
    /// `floor(2^64 / q)`, the Barrett constant for reducing any `u64`.
    barrett: u64,
}

/// `x - q` if `x >= q`, else `x`, without branching; valid for `x < 2^31`,
/// `q < 2^31`.
#[inline(always)]
pub(crate) const fn csub(x: u32, q: u32) -> u32 {
    let y = x.wrapping_sub(q);
    // Top bit of y is set exactly when x < q (both below 2^31).
    y.wrapping_add(q & 0u32.wrapping_sub(y >> 31))
}

impl Modulus {
    /// Builds a modulus. Errors unless `2 <= q < 2^30`; primality is not
    /// required here (see [`crate::arith::is_prime`]).
    pub const fn new(q: u32) -> Result<Self> {
        if q < 2 || q >= (1 << MAX_MODULUS_BITS) {
            return Err(Error::ModulusOutOfRange { q: q as u64 });
        }
        Ok(Self { q, barrett: u64::MAX / q as u64 + (u64::MAX % q as u64 == q as u64 - 1) as u64 })
    }

    /// The modulus `q`.
    #[inline(always)]
    pub const fn value(&self) -> u32 {
        self.q
    }

    /// Number of bits of `q` (`ceil(log2(q + 1))`).
    pub const fn bits(&self) -> u32 {
        32 - self.q.leading_zeros()
    }

    /// `a + b mod q` for `a, b < q`.
    #[inline(always)]
    pub const fn add(&self, a: u32, b: u32) -> u32 {
        csub(a + b, self.q)
    }

    /// `a - b mod q` for `a, b < q`.
    #[inline(always)]
    pub const fn sub(&self, a: u32, b: u32) -> u32 {
        csub(a + self.q - b, self.q)
    }

    /// `-a mod q` for `a < q`.
    #[inline(always)]
    pub const fn neg(&self, a: u32) -> u32 {
        csub(self.q - a, self.q)
    }

    /// Reduces any `u64` modulo `q` (Barrett).
    #[inline(always)]
    pub const fn reduce_u64(&self, x: u64) -> u32 {
        // quotient estimate is floor(x/q) or one less: the remainder is < 2q.
        let qhat = ((x as u128 * self.barrett as u128) >> 64) as u64;
        let r = x.wrapping_sub(qhat.wrapping_mul(self.q as u64)) as u32;
        csub(r, self.q)
    }

    /// Reduces any `u32` modulo `q`.
    #[inline(always)]
    pub const fn reduce(&self, x: u32) -> u32 {
        self.reduce_u64(x as u64)
    }

    /// Reduces a signed value modulo `q`, giving a residue in `[0, q)`.
    #[inline(always)]
    pub const fn reduce_i64(&self, x: i64) -> u32 {
        let r = self.reduce_u64(x.unsigned_abs());
        // Negate when x < 0, without a branch.
        let neg = self.neg(r);
        let mask = 0u32.wrapping_sub((x < 0) as u32);
        (neg & mask) | (r & !mask)
    }

    /// `a * b mod q` for `a, b < 2^32` (Barrett).
    #[inline(always)]
    pub const fn mul(&self, a: u32, b: u32) -> u32 {
        self.reduce_u64(a as u64 * b as u64)
    }

    /// `a * b + c mod q` for `a, b, c < 2^32`.
    #[inline(always)]
    pub const fn mul_add(&self, a: u32, b: u32, c: u32) -> u32 {
        self.reduce_u64(a as u64 * b as u64 + c as u64)
    }

    /// The Shoup companion `floor(w * 2^32 / q)` of a constant `w < q`,
    /// used by [`Modulus::mul_shoup`].
    #[inline(always)]
    pub const fn shoup(&self, w: u32) -> u32 {
        (((w as u64) << 32) / self.q as u64) as u32
    }

    /// `a * w mod q` in `[0, 2q)` for any `a < 2^32`, a constant `w < q` and
    /// its companion `w_shoup = self.shoup(w)` (Shoup's method).
    #[inline(always)]
    pub const fn mul_shoup_lazy(&self, a: u32, w: u32, w_shoup: u32) -> u32 {
        let qhat = ((a as u64 * w_shoup as u64) >> 32) as u32;
        a.wrapping_mul(w).wrapping_sub(qhat.wrapping_mul(self.q))
    }

    /// `a * w mod q` in `[0, q)`, as [`Modulus::mul_shoup_lazy`] then one
    /// conditional subtraction.
    #[inline(always)]
    pub const fn mul_shoup(&self, a: u32, w: u32, w_shoup: u32) -> u32 {
        csub(self.mul_shoup_lazy(a, w, w_shoup), self.q)
    }

    /// `a^e mod q` by square and multiply (constant time in `a`, not in `e`).
    pub const fn pow(&self, a: u32, mut e: u64) -> u32 {
        let mut base = self.reduce(a);
        let mut acc = 1 % self.q;
        while e > 0 {
            if e & 1 == 1 {
                acc = self.mul(acc, base);
            }
            base = self.mul(base, base);
            e >>= 1;
        }
        acc
    }

    /// The inverse of `a` modulo `q` (extended Euclid, variable time: use it
    /// on public values only). Errors when `gcd(a, q) != 1`.
    pub fn inv(&self, a: u32) -> Result<u32> {
        let a = self.reduce(a);
        let (mut r0, mut r1) = (self.q as i64, a as i64);
        let (mut t0, mut t1) = (0i64, 1i64);
        while r1 != 0 {
            let k = r0 / r1;
            (r0, r1) = (r1, r0 - k * r1);
            (t0, t1) = (t1, t0 - k * t1);
        }
        if r0 != 1 {
            return Err(Error::NotInvertible { value: a, q: self.q });
        }
        Ok(self.reduce_i64(t0))
    }

    /// Maps a residue to its centred representative in `(-q/2, q/2]`.
    #[inline(always)]
    pub const fn center(&self, a: u32) -> i64 {
        let a = a as i64;
        let q = self.q as i64;
        // a > q/2  ->  a - q, without a branch.
        a - (q & -(((q >> 1) - a) >> 63 & 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const QS: [u32; 5] = [2, 3, 12289, 1_073_479_681, (1 << 30) - 1];

    #[test]
    fn rejects_out_of_range() {
        assert!(Modulus::new(0).is_err());
        assert!(Modulus::new(1).is_err());
        assert_eq!(Modulus::new(1 << 30), Err(Error::ModulusOutOfRange { q: 1 << 30 }));
        assert!(Modulus::new((1 << 30) - 1).is_ok());
    }

    #[test]
    fn edge_values() {
        for q in QS {
            let m = Modulus::new(q).unwrap();
            let top = q - 1;
            assert_eq!(m.add(top, top), ((2 * top as u64) % q as u64) as u32);
            assert_eq!(m.sub(0, top), 1 % q);
            assert_eq!(m.neg(0), 0);
            assert_eq!(m.mul(top, top), ((top as u64 * top as u64) % q as u64) as u32);
            assert_eq!(m.reduce_u64(u64::MAX), (u64::MAX % q as u64) as u32);
            assert_eq!(m.reduce_i64(i64::MIN), ((i64::MIN as i128).rem_euclid(q as i128)) as u32);
        }
    }

    proptest! {
        #[test]
        fn ops_match_u128(qi in 0usize..QS.len(), q_any in 2u32..(1 << 30), a: u32, b: u32, x: u64, s: i64, e in 0u64..1000) {
            for q in [QS[qi], q_any] {
                let m = Modulus::new(q).unwrap();
                let (a, b) = (a % q, b % q);
                let qq = q as u128;
                prop_assert_eq!(m.add(a, b) as u128, (a as u128 + b as u128) % qq);
                prop_assert_eq!(m.sub(a, b) as u128, (a as u128 + qq - b as u128) % qq);
                prop_assert_eq!(m.neg(a) as u128, (qq - a as u128) % qq);
                prop_assert_eq!(m.mul(a, b) as u128, (a as u128 * b as u128) % qq);
                prop_assert_eq!(m.reduce_u64(x) as u128, x as u128 % qq);
                prop_assert_eq!(m.reduce_i64(s) as i128, (s as i128).rem_euclid(qq as i128));
                let ws = m.shoup(b);
                let lazy = m.mul_shoup_lazy(a.wrapping_mul(7) , b, ws);
                prop_assert!(lazy < 2 * q);
                prop_assert_eq!(lazy as u128 % qq, (a.wrapping_mul(7) as u128 * b as u128) % qq);
                prop_assert_eq!(m.mul_shoup(a, b, ws) as u128, (a as u128 * b as u128) % qq);
                let mut p = 1u128;
                for _ in 0..e { p = p * a as u128 % qq; }
                prop_assert_eq!(m.pow(a, e) as u128, p);
                let c = m.center(a) as i128;
                prop_assert!(c > -(qq as i128) / 2 - 1 && c <= qq as i128 / 2);
                prop_assert_eq!(c.rem_euclid(qq as i128), a as i128);
                if let Ok(inv) = m.inv(a) {
                    prop_assert_eq!(m.mul(inv, a), 1 % q);
                }
            }
        }
    }
}
