//! Portable scalar kernels: the reference every other kernel and engine
//! must match bit for bit.
//!
//! Bounds (Harvey 2014): with `q < 2^30`, forward values stay in `[0, 4q)`
//! and inverse values in `[0, 2q)`, so every intermediate fits in a `u32`.

use super::NttTable;
use crate::arith::Modulus;

#[inline(always)]
fn csub(x: u32, bound: u32) -> u32 {
    // Branch-free: the compiler emits a cmov; x, bound < 2^32 and x < 2 bound.
    if x >= bound {
        x - bound
    } else {
        x
    }
}

/// Forward Cooley-Tukey butterflies with merged twisting; output in `[0, q)`.
pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    let m = t.modulus;
    let q = m.value();
    let two_q = 2 * q;
    let n = t.n;
    let mut half = n; // distance between butterfly partners, halved each stage
    let mut groups = 1;
    while groups < n {
        half >>= 1;
        for g in 0..groups {
            let w = t.fwd[groups + g];
            let ws = t.fwd_shoup[groups + g];
            let (lo, hi) = a[2 * g * half..2 * (g + 1) * half].split_at_mut(half);
            for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
                debug_assert!(*x < 4 * q && *y < 4 * q);
                let u = csub(*x, two_q);
                let v = m.mul_shoup_lazy(*y, w, ws);
                *x = u + v;
                *y = u + two_q - v;
            }
        }
        groups <<= 1;
    }
    for x in a.iter_mut() {
        *x = csub(csub(*x, two_q), q);
    }
}

/// Inverse Gentleman-Sande butterflies with merged untwisting and the `1/N`
/// scaling folded into the last stage; output in `[0, q)`.
pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    let m = t.modulus;
    let q = m.value();
    let two_q = 2 * q;
    let n = t.n;
    let mut half = 1;
    let mut groups = n >> 1;
    while groups > 1 {
        for g in 0..groups {
            let w = t.inv[groups + g];
            let ws = t.inv_shoup[groups + g];
            let (lo, hi) = a[2 * g * half..2 * (g + 1) * half].split_at_mut(half);
            gs_butterflies(&m, lo, hi, w, ws);
        }
        half <<= 1;
        groups >>= 1;
    }
    // Last stage: x' = (x + y) / N, y' = (x - y) psi^-brv(1) / N.
    let (ni, nis) = t.n_inv;
    let (nw, nws) = t.n_inv_w;
    let (lo, hi) = a.split_at_mut(n >> 1);
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        debug_assert!(*x < two_q && *y < two_q);
        let s = *x + *y;
        let d = *x + two_q - *y;
        *x = m.mul_shoup(s, ni, nis);
        *y = m.mul_shoup(d, nw, nws);
    }
}

#[inline(always)]
fn gs_butterflies(m: &Modulus, lo: &mut [u32], hi: &mut [u32], w: u32, ws: u32) {
    let two_q = 2 * m.value();
    for (x, y) in lo.iter_mut().zip(hi.iter_mut()) {
        debug_assert!(*x < two_q && *y < two_q);
        let s = *x + *y;
        let d = *x + two_q - *y;
        *x = csub(s, two_q);
        *y = m.mul_shoup_lazy(d, w, ws);
    }
}
