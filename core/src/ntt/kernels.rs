//! Element-wise (pointwise, coefficient-wise) kernels for RNS arithmetic:
//! pointwise products and the reductions that basis conversion, key
//! switching and rescaling need.
//!
//! They are written in portable Rust over `u32` / `u64` lanes, never `u128`:
//! a `u64 mod q` reduction by Barrett needs a 64x64->128 multiply, which no
//! SIMD unit has, so the compiler keeps such loops scalar. [`Reducer`]
//! instead reduces a `u64` with two Shoup products on its 32-bit halves,
//! which only need 32x32->64 multiplies (`vpmuludq`) and vectorise.
//!
//! [`multiversion!`] compiles a kernel three times (AVX-512, AVX2,
//! portable) and picks the widest the CPU supports at run time, so the
//! same source autovectorises to 16 lanes on AVX-512 machines while the
//! `no_std` build keeps the portable version. Every version computes the
//! same residues (the arithmetic is exact integer arithmetic), so results
//! are bit-identical whatever the CPU.

use crate::arith::Modulus;

/// `u64 -> [0, q)` reduction and `a * b mod q` without `u128` arithmetic,
/// for a modulus `q < 2^30`.
///
/// `x = h 2^32 + l`, so `x = h [2^32]_q + l (mod q)`: both terms are Shoup
/// products by constants (`[2^32]_q` and `1`), each in `[0, 2q)`, and their
/// sum is below `4q < 2^32`; two branch-free conditional subtractions
/// finish. The result is the unique residue, equal to
/// [`Modulus::reduce_u64`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reducer {
    q: u32,
    /// `[2^32]_q` and its Shoup companion.
    r32: u32,
    r32_shoup: u32,
    /// Shoup companion of 1: `floor(2^32 / q)`.
    one_shoup: u32,
}

#[inline(always)]
fn shoup_lazy(a: u32, w: u32, w_shoup: u32, q: u32) -> u32 {
    let qhat = ((a as u64 * w_shoup as u64) >> 32) as u32;
    a.wrapping_mul(w).wrapping_sub(qhat.wrapping_mul(q))
}

/// `x - bound` if `x >= bound`, else `x`, as an unsigned minimum (one
/// vector instruction; constant time).
#[inline(always)]
pub(crate) fn csub_min(x: u32, bound: u32) -> u32 {
    x.min(x.wrapping_sub(bound))
}

impl Reducer {
    /// The constants for `m`.
    pub(crate) fn new(m: &Modulus) -> Self {
        let r32 = m.reduce_u64(1 << 32);
        Self { q: m.value(), r32, r32_shoup: m.shoup(r32), one_shoup: m.shoup(1 % m.value()) }
    }

    /// `x mod q` for any `u64`.
    #[inline(always)]
    pub(crate) fn reduce(&self, x: u64) -> u32 {
        let q = self.q;
        let hi = shoup_lazy((x >> 32) as u32, self.r32, self.r32_shoup, q);
        let lo = (x as u32).wrapping_sub((((x as u32) as u64 * self.one_shoup as u64) >> 32) as u32 * q);
        // hi, lo < 2q, so the sum is below 4q < 2^32.
        csub_min(csub_min(hi + lo, 2 * q), q)
    }

    /// `a * b mod q` for `a, b < 2^32` with `a b < 2^64`.
    #[inline(always)]
    pub(crate) fn mul(&self, a: u32, b: u32) -> u32 {
        self.reduce(a as u64 * b as u64)
    }
}

/// Which instruction set the multiversioned kernels run.
#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Isa {
    Portable,
    Avx2,
    Avx512,
}

/// The widest instruction set this CPU supports (detected once).
#[cfg(all(feature = "std", target_arch = "x86_64"))]
#[inline]
pub(crate) fn isa() -> Isa {
    use core::sync::atomic::{AtomicU8, Ordering};
    static CACHE: AtomicU8 = AtomicU8::new(0);
    match CACHE.load(Ordering::Relaxed) {
        1 => Isa::Portable,
        2 => Isa::Avx2,
        3 => Isa::Avx512,
        _ => {
            let isa = if std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512dq")
                && std::arch::is_x86_feature_detected!("avx512vl")
                && std::arch::is_x86_feature_detected!("avx512bw")
            {
                Isa::Avx512
            } else if std::arch::is_x86_feature_detected!("avx2") {
                Isa::Avx2
            } else {
                Isa::Portable
            };
            CACHE.store(
                match isa {
                    Isa::Portable => 1,
                    Isa::Avx2 => 2,
                    Isa::Avx512 => 3,
                },
                Ordering::Relaxed,
            );
            isa
        }
    }
}

/// Defines a function compiled for AVX-512, AVX2 and portable code, and
/// dispatching at run time to the widest the CPU supports (x86_64 with
/// `std`; other builds get the portable version only). The body must be
/// plain safe Rust; the versions differ only in how the compiler
/// vectorises it.
macro_rules! multiversion {
    ($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $(#[$attr])*
        #[allow(clippy::too_many_arguments)]
        $vis fn $name($($arg: $ty),*) $(-> $ret)? {
            #[inline(always)]
            #[allow(clippy::too_many_arguments)]
            fn portable($($arg: $ty),*) $(-> $ret)? $body
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            {
                #[target_feature(enable = "avx512f,avx512dq,avx512vl,avx512bw")]
                #[allow(clippy::too_many_arguments)]
                fn avx512($($arg: $ty),*) $(-> $ret)? {
                    portable($($arg),*)
                }
                #[target_feature(enable = "avx2")]
                #[allow(clippy::too_many_arguments)]
                fn avx2($($arg: $ty),*) $(-> $ret)? {
                    portable($($arg),*)
                }
                match $crate::ntt::kernels::isa() {
                    // SAFETY: `isa()` detected AVX-512 F/DQ/VL/BW on this CPU,
                    // the features `avx512` is compiled for.
                    $crate::ntt::kernels::Isa::Avx512 => return unsafe { avx512($($arg),*) },
                    // SAFETY: `isa()` detected AVX2 on this CPU.
                    $crate::ntt::kernels::Isa::Avx2 => return unsafe { avx2($($arg),*) },
                    $crate::ntt::kernels::Isa::Portable => {}
                }
            }
            portable($($arg),*)
        }
    };
}
#[cfg_attr(not(feature = "alloc"), allow(unused_imports))] // used by the owned types
pub(crate) use multiversion;

multiversion! {
    /// `out[i] = a[i] * b[i] mod q` (slices of one length).
    pub(crate) fn mul(r: &Reducer, a: &[u32], b: &[u32], out: &mut [u32]) {
        let r = *r;
        for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
            *o = r.mul(x, y);
        }
    }
}

multiversion! {
    /// `a[i] = a[i] * b[i] mod q`.
    pub(crate) fn mul_assign(r: &Reducer, a: &mut [u32], b: &[u32]) {
        let r = *r;
        for (x, &y) in a.iter_mut().zip(b) {
            *x = r.mul(*x, y);
        }
    }
}

multiversion! {
    /// `acc[i] = acc[i] + a[i] * b[i] mod q` (`acc` reduced).
    pub(crate) fn mul_acc(r: &Reducer, a: &[u32], b: &[u32], acc: &mut [u32]) {
        let r = *r;
        for ((o, &x), &y) in acc.iter_mut().zip(a).zip(b) {
            *o = r.reduce(x as u64 * y as u64 + *o as u64);
        }
    }
}

multiversion! {
    /// `acc[i] = acc[i] + c * a[i] mod q` for a scalar residue `c`
    /// (`acc` reduced): one pass for each term of a linear combination.
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn mul_scalar_acc(r: &Reducer, c: u32, a: &[u32], acc: &mut [u32]) {
        let r = *r;
        for (o, &x) in acc.iter_mut().zip(a) {
            *o = r.reduce(c as u64 * x as u64 + *o as u64);
        }
    }
}

multiversion! {
    /// `out[i] = a[i] * b[i] + c[i] * d[i] mod q` with one reduction (the
    /// sum of two products of residues is below `2^61`).
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn mul_add_mul(r: &Reducer, a: &[u32], b: &[u32], c: &[u32], d: &[u32], out: &mut [u32]) {
        let r = *r;
        for ((((o, &x), &y), &z), &w) in out.iter_mut().zip(a).zip(b).zip(c).zip(d) {
            *o = r.reduce(x as u64 * y as u64 + z as u64 * w as u64);
        }
    }
}

multiversion! {
    /// `x[i] = (x[i] - c[i]) * w mod q` for a constant `w < q` with Shoup
    /// companion `ws` (`x`, `c` reduced).
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn sub_mul_shoup(q: u32, w: u32, ws: u32, x: &mut [u32], c: &[u32]) {
        for (v, &s) in x.iter_mut().zip(c) {
            let d = csub_min(*v + q - s, q);
            *v = csub_min(shoup_lazy(d, w, ws, q), q);
        }
    }
}

multiversion! {
    /// `out[i] = (x[i] - c[i]) * w mod q`, as [`sub_mul_shoup`] into
    /// another buffer.
    pub(crate) fn sub_mul_shoup_to(q: u32, w: u32, ws: u32, x: &[u32], c: &[u32], out: &mut [u32]) {
        for ((o, &v), &s) in out.iter_mut().zip(x).zip(c) {
            let d = csub_min(v + q - s, q);
            *o = csub_min(shoup_lazy(d, w, ws, q), q);
        }
    }
}

multiversion! {
    /// `a[i] = a[i] + c mod q` (both reduced).
    pub(crate) fn add_scalar(q: u32, c: u32, a: &mut [u32]) {
        for x in a.iter_mut() {
            *x = csub_min(*x + c, q);
        }
    }
}

multiversion! {
    /// `t[i] = (sum_j digits_j[i] prod_{l<j} radix_l) - h mod q` by Horner,
    /// where `digits` holds `radix.len()` limbs of `t.len()` words (any
    /// `u32` values) and `radix` the radices reduced modulo `q`.
    pub(crate) fn horner_sub(r: &Reducer, radix: &[u32], digits: &[u32], h: u32, t: &mut [u32]) {
        let n = t.len();
        let count = radix.len();
        let q = r.q;
        let top = &digits[(count - 1) * n..count * n];
        for (tv, &d) in t.iter_mut().zip(top) {
            *tv = r.reduce(d as u64);
        }
        for j in (0..count - 1).rev() {
            let rj = radix[j] as u64;
            for (tv, &d) in t.iter_mut().zip(&digits[j * n..(j + 1) * n]) {
                *tv = r.reduce(*tv as u64 * rj + d as u64);
            }
        }
        for tv in t.iter_mut() {
            *tv = csub_min(*tv + q - h, q);
        }
    }
}

multiversion! {
    /// `out[j] = src[map[j]]` (a permutation of NTT slots: an automorphism).
    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn gather(src: &[u32], map: &[u32], out: &mut [u32]) {
        for (o, &i) in out.iter_mut().zip(map) {
            *o = src[i as usize];
        }
    }
}

/// `[c]_q` for a small signed `c` (`|c| < q`), branch-free.
#[inline(always)]
fn small_residue(c: i8, q: u32) -> u32 {
    let c = c as i32;
    (c as u32).wrapping_add(q & ((c >> 31) as u32))
}

multiversion! {
    /// `a[i] = [c[i]]_q` for small signed values (error terms, ternary
    /// secrets).
    pub(crate) fn set_small(m: &Modulus, a: &mut [u32], c: &[i8]) {
        let q = m.value();
        if q > 128 {
            for (x, &v) in a.iter_mut().zip(c) {
                *x = small_residue(v, q);
            }
        } else {
            for (x, &v) in a.iter_mut().zip(c) {
                *x = m.reduce_i64(v as i64);
            }
        }
    }
}

multiversion! {
    /// `a[i] = a[i] + [c[i]]_q` (`a` reduced, `c` small signed values).
    pub(crate) fn add_small(m: &Modulus, a: &mut [u32], c: &[i8]) {
        let q = m.value();
        if q > 128 {
            for (x, &v) in a.iter_mut().zip(c) {
                *x = csub_min(*x + small_residue(v, q), q);
            }
        } else {
            for (x, &v) in a.iter_mut().zip(c) {
                *x = m.add(*x, m.reduce_i64(v as i64));
            }
        }
    }
}

multiversion! {
    /// `a[i] = a[i] + b[i] mod q` (both reduced).
    pub(crate) fn add_assign(q: u32, a: &mut [u32], b: &[u32]) {
        for (x, &y) in a.iter_mut().zip(b) {
            *x = csub_min(*x + y, q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn reducer_matches_barrett(q in 2u32..(1 << 30), x: u64, a: u32, b: u32) {
            let m = Modulus::new(q).unwrap();
            let r = Reducer::new(&m);
            prop_assert_eq!(r.reduce(x), m.reduce_u64(x));
            prop_assert_eq!(r.reduce(u64::MAX), m.reduce_u64(u64::MAX));
            prop_assert_eq!(r.mul(a, b), m.mul(a, b));
        }
    }

    #[test]
    fn kernels_match_scalar() {
        let m = Modulus::new(1_073_479_681).unwrap();
        let r = Reducer::new(&m);
        let q = m.value();
        let n = 1000;
        let a: Vec<u32> = (0..n).map(|i| (i as u32).wrapping_mul(2_654_435_761) % q).collect();
        let b: Vec<u32> = (0..n).map(|i| (i as u32 ^ 0x5555).wrapping_mul(40_503) % q).collect();
        let mut out = vec![0u32; n];
        mul(&r, &a, &b, &mut out);
        assert!(out.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.mul(x, y)));
        let mut acc = a.clone();
        mul_acc(&r, &a, &b, &mut acc);
        assert!(acc.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.mul_add(x, y, x)));
        mul_add_mul(&r, &a, &b, &b, &a, &mut out);
        assert!(out.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.add(m.mul(x, y), m.mul(x, y))));
        let (w, ws) = (12345, m.shoup(12345));
        let mut x = a.clone();
        sub_mul_shoup(q, w, ws, &mut x, &b);
        assert!(x.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.mul(m.sub(x, y), w)));
        let mut s = a.clone();
        add_assign(q, &mut s, &b);
        assert!(s.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.add(x, y)));
        let small: Vec<i8> = (0..n).map(|i| (i as i32 % 255 - 127) as i8).collect();
        let mut z = a.clone();
        set_small(&m, &mut z, &small);
        assert!(z.iter().zip(&small).all(|(&o, &c)| o == m.reduce_i64(c as i64)));
        add_small(&m, &mut z, &small);
        assert!(z.iter().zip(&small).all(|(&o, &c)| o == m.reduce_i64(2 * c as i64)));
        let m3 = Modulus::new(3).unwrap();
        set_small(&m3, &mut z, &small);
        assert!(z.iter().zip(&small).all(|(&o, &c)| o == m3.reduce_i64(c as i64)));
        let mut t = a.clone();
        mul_assign(&r, &mut t, &b);
        assert!(t.iter().zip(a.iter().zip(&b)).all(|(&o, (&x, &y))| o == m.mul(x, y)));
    }
}
