//! AVX-512F kernels: 16 lanes of 32 bits. See the [parent module](super)
//! for the structure and the bounds.

use core::arch::x86_64::*;

use super::{permute_index, vertical_plan};
use crate::ntt::NttTable;

/// log2 of the lane count.
const LB: u32 = 4;
/// Lanes per vector.
const L: usize = 1 << LB;

// Permutes between the in-register layouts (see `super::layout`); `P_a_b_r`
// takes the pair from the layout of distance 2^a to register r of the layout
// of distance 2^b (2^4 = natural order).
static P_4_3: [[u32; L]; 2] = [permute_index(LB, 4, 3, 0), permute_index(LB, 4, 3, 1)];
static P_3_2: [[u32; L]; 2] = [permute_index(LB, 3, 2, 0), permute_index(LB, 3, 2, 1)];
static P_2_1: [[u32; L]; 2] = [permute_index(LB, 2, 1, 0), permute_index(LB, 2, 1, 1)];
static P_1_0: [[u32; L]; 2] = [permute_index(LB, 1, 0, 0), permute_index(LB, 1, 0, 1)];
static P_0_4: [[u32; L]; 2] = [permute_index(LB, 0, 4, 0), permute_index(LB, 0, 4, 1)];
static P_4_0: [[u32; L]; 2] = [permute_index(LB, 4, 0, 0), permute_index(LB, 4, 0, 1)];
static P_0_1: [[u32; L]; 2] = [permute_index(LB, 0, 1, 0), permute_index(LB, 0, 1, 1)];
static P_1_2: [[u32; L]; 2] = [permute_index(LB, 1, 2, 0), permute_index(LB, 1, 2, 1)];
static P_2_3: [[u32; L]; 2] = [permute_index(LB, 2, 3, 0), permute_index(LB, 2, 3, 1)];
static P_3_4: [[u32; L]; 2] = [permute_index(LB, 3, 4, 0), permute_index(LB, 3, 4, 1)];

/// In-place forward NTT of `a` with the table `t` (which selected this
/// kernel, so the CPU has AVX-512F).
pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    assert_eq!(a.len(), t.n);
    // SAFETY: `t.kernel == Kernel::Avx512` only when `kernel_available`
    // found AVX-512F on this CPU (checked by `NttTable::with_kernel`/`new`).
    unsafe { forward_impl(t, a) }
}

/// In-place inverse NTT (with the `1/N` scaling), as [`forward`].
pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    assert_eq!(a.len(), t.n);
    // SAFETY: as in `forward`: the table proves AVX-512F support.
    unsafe { inverse_impl(t, a) }
}

/// Broadcast constants.
#[derive(Clone, Copy)]
struct Consts {
    q: __m512i,
    two_q: __m512i,
}

/// `x - b` if `x >= b`, else `x`, for `x < 2b`, `b <= 2^31`: when `x < b`
/// the difference wraps above `x` and the minimum keeps `x`.
#[inline]
#[target_feature(enable = "avx512f")]
fn csub(x: __m512i, b: __m512i) -> __m512i {
    _mm512_min_epu32(x, _mm512_sub_epi32(x, b))
}

/// Shoup's lazy product `a * w mod q` in `[0, 2q)` for any `a < 2^32`:
/// `qhat = (a * ws) >> 32`, then `a * w - qhat * q` modulo `2^32`.
/// `ws_odd` holds the odd lanes' companions in the even lanes (the
/// companions themselves when the twiddle is broadcast).
#[inline]
#[target_feature(enable = "avx512f")]
fn mul_shoup(a: __m512i, w: __m512i, ws: __m512i, ws_odd: __m512i, q: __m512i) -> __m512i {
    let even = _mm512_mul_epu32(a, ws);
    let odd = _mm512_mul_epu32(_mm512_srli_epi64::<32>(a), ws_odd);
    // Even lanes take the high word of `even` (swapped down), odd lanes keep
    // the high word of `odd`.
    let qhat = _mm512_mask_shuffle_epi32::<_MM_PERM_CDAB>(odd, 0x5555, even);
    _mm512_sub_epi32(_mm512_mullo_epi32(a, w), _mm512_mullo_epi32(qhat, q))
}

/// A twiddle with its Shoup companions, as vectors.
#[derive(Clone, Copy)]
struct Tw {
    w: __m512i,
    ws: __m512i,
    ws_odd: __m512i,
}

impl Tw {
    /// A twiddle broadcast to all lanes.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn splat(w: u32, ws: u32) -> Self {
        let ws = _mm512_set1_epi32(ws as i32);
        Tw { w: _mm512_set1_epi32(w as i32), ws, ws_odd: ws }
    }
}

/// Forward (Cooley-Tukey) butterfly: inputs in `[0, 4q)`, outputs in
/// `[0, 4q)`. `REDUCE` is false only when `x < 2q` is known (first stage).
#[inline]
#[target_feature(enable = "avx512f")]
fn ct<const REDUCE: bool>(x: __m512i, y: __m512i, w: Tw, c: Consts) -> (__m512i, __m512i) {
    let u = if REDUCE { csub(x, c.two_q) } else { x };
    let v = mul_shoup(y, w.w, w.ws, w.ws_odd, c.q);
    (_mm512_add_epi32(u, v), _mm512_sub_epi32(_mm512_add_epi32(u, c.two_q), v))
}

/// The forward's last butterfly, with outputs fully reduced to `[0, q)`.
#[inline]
#[target_feature(enable = "avx512f")]
fn ct_last(x: __m512i, y: __m512i, w: Tw, c: Consts) -> (__m512i, __m512i) {
    let u = csub(csub(x, c.two_q), c.q);
    let v = csub(mul_shoup(y, w.w, w.ws, w.ws_odd, c.q), c.q);
    let s = csub(_mm512_add_epi32(u, v), c.q);
    // u - v in (-q, q): add q back when it wrapped.
    let d = _mm512_sub_epi32(u, v);
    (s, _mm512_min_epu32(d, _mm512_add_epi32(d, c.q)))
}

/// Inverse (Gentleman-Sande) butterfly: inputs and outputs in `[0, 2q)`.
#[inline]
#[target_feature(enable = "avx512f")]
fn gs(x: __m512i, y: __m512i, w: Tw, c: Consts) -> (__m512i, __m512i) {
    let s = csub(_mm512_add_epi32(x, y), c.two_q);
    let d = _mm512_sub_epi32(_mm512_add_epi32(x, c.two_q), y);
    (s, mul_shoup(d, w.w, w.ws, w.ws_odd, c.q))
}

/// The inverse's last butterfly with the `1/N` scaling: `(x + y) / N` and
/// `(x - y) w / N`, fully reduced.
#[inline]
#[target_feature(enable = "avx512f")]
fn gs_last(x: __m512i, y: __m512i, ni: Tw, nw: Tw, c: Consts) -> (__m512i, __m512i) {
    let s = _mm512_add_epi32(x, y);
    let d = _mm512_sub_epi32(_mm512_add_epi32(x, c.two_q), y);
    (csub(mul_shoup(s, ni.w, ni.ws, ni.ws_odd, c.q), c.q), csub(mul_shoup(d, nw.w, nw.ws, nw.ws_odd, c.q), c.q))
}

#[inline]
#[target_feature(enable = "avx512f")]
fn permute(u: __m512i, v: __m512i, idx: &[[u32; L]; 2]) -> (__m512i, __m512i) {
    let (i0, i1) = (load_idx(&idx[0]), load_idx(&idx[1]));
    (_mm512_permutex2var_epi32(u, i0, v), _mm512_permutex2var_epi32(u, i1, v))
}

#[inline]
#[target_feature(enable = "avx512f")]
fn load_idx(idx: &[u32; L]) -> __m512i {
    // SAFETY: `idx` is 64 readable bytes; unaligned loads are allowed.
    unsafe { _mm512_loadu_si512(idx.as_ptr().cast()) }
}

/// Loads 16 words at `p`.
///
/// # Safety
/// `p..p + 16` must be readable.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn load(p: *const u32) -> __m512i {
    // SAFETY: guaranteed by the caller.
    unsafe { _mm512_loadu_si512(p.cast()) }
}

/// Stores 16 words at `p`.
///
/// # Safety
/// `p..p + 16` must be writable.
#[inline]
#[target_feature(enable = "avx512f")]
unsafe fn store(p: *mut u32, x: __m512i) {
    // SAFETY: guaranteed by the caller.
    unsafe { _mm512_storeu_si512(p.cast(), x) }
}

/// The twiddles of the in-register stage of distance `2^j` for the 32-word
/// block `blk`: `2^(4-j)` consecutive words of `tw`/`tws` from
/// `base + blk * 2^(4-j)`, repeated over the lanes.
#[inline]
#[target_feature(enable = "avx512f")]
fn block_tw<const J: u32>(tw: &[u32], tws: &[u32], base: usize, blk: usize) -> Tw {
    let cnt = 1usize << (LB - J);
    let at = base + blk * cnt;
    let (w, s) = (&tw[at..at + cnt], &tws[at..at + cnt]);
    // SAFETY (all arms): `w` and `s` hold `cnt` words, and each load reads
    // exactly `cnt` words from their start.
    unsafe {
        match J {
            3 => {
                let ws = _mm512_set1_epi64(s.as_ptr().cast::<i64>().read_unaligned());
                Tw {
                    w: _mm512_set1_epi64(w.as_ptr().cast::<i64>().read_unaligned()),
                    ws,
                    ws_odd: _mm512_set1_epi32(s[1] as i32),
                }
            }
            2 => {
                let ws = _mm512_broadcast_i32x4(_mm_loadu_si128(s.as_ptr().cast()));
                Tw {
                    w: _mm512_broadcast_i32x4(_mm_loadu_si128(w.as_ptr().cast())),
                    ws,
                    ws_odd: _mm512_srli_epi64::<32>(ws),
                }
            }
            1 => {
                let ws = _mm512_broadcast_i64x4(_mm256_loadu_si256(s.as_ptr().cast()));
                Tw {
                    w: _mm512_broadcast_i64x4(_mm256_loadu_si256(w.as_ptr().cast())),
                    ws,
                    ws_odd: _mm512_srli_epi64::<32>(ws),
                }
            }
            _ => {
                let ws = _mm512_loadu_si512(s.as_ptr().cast());
                Tw { w: _mm512_loadu_si512(w.as_ptr().cast()), ws, ws_odd: _mm512_srli_epi64::<32>(ws) }
            }
        }
    }
}

#[target_feature(enable = "avx512f")]
fn forward_impl(t: &NttTable, a: &mut [u32]) {
    let q = t.modulus.value();
    let c = Consts { q: _mm512_set1_epi32(q as i32), two_q: _mm512_set1_epi32(2 * q as i32) };
    let log_n = t.log_n;
    let (tw, tws) = (&t.fwd[..t.n], &t.fwd_shoup[..t.n]);
    let (plan, len) = vertical_plan(log_n - LB - 2, 3);
    let mut s = 0;
    for &k in &plan[..len] {
        match (k, s == 0) {
            (3, true) => fwd_pass::<3, true>(a, s, tw, tws, c),
            (3, false) => fwd_pass::<3, false>(a, s, tw, tws, c),
            (2, true) => fwd_pass::<2, true>(a, s, tw, tws, c),
            (2, false) => fwd_pass::<2, false>(a, s, tw, tws, c),
            (_, true) => fwd_pass::<1, true>(a, s, tw, tws, c),
            (_, false) => fwd_pass::<1, false>(a, s, tw, tws, c),
        }
        s += k;
    }
    fwd_final(a, log_n, tw, tws, c);
}

/// `K` forward stages from stage `s` (butterfly distance `N >> (s + 1)`,
/// at least 64) in one pass over `a`.
#[target_feature(enable = "avx512f")]
fn fwd_pass<const K: u32, const FIRST: bool>(a: &mut [u32], s: u32, tw: &[u32], tws: &[u32], c: Consts) {
    let n = a.len();
    let big = n >> s;
    let stride = big >> K;
    debug_assert!(stride >= L && stride.is_multiple_of(L));
    let p = a.as_mut_ptr();
    for g in 0..(1usize << s) {
        let mut w = [Tw::splat(0, 0); 7];
        for l in 0..K {
            for i in 0..(1usize << l) {
                let k = (1usize << (s + l)) + (g << l) + i;
                w[(1 << l) - 1 + i] = Tw::splat(tw[k], tws[k]);
            }
        }
        for j in (0..stride).step_by(L) {
            let base = g * big + j;
            let mut x = [_mm512_setzero_si512(); 8];
            for (m, xm) in x.iter_mut().enumerate().take(1 << K) {
                // SAFETY: base + m * stride + 16 <= (g + 1) * big <= n.
                *xm = unsafe { load(p.add(base + m * stride)) };
            }
            for l in 0..K {
                let h = 1usize << (K - 1 - l);
                for blk in 0..(1usize << l) {
                    let wi = w[(1 << l) - 1 + blk];
                    for m in blk * 2 * h..blk * 2 * h + h {
                        (x[m], x[m + h]) = if FIRST && l == 0 {
                            ct::<false>(x[m], x[m + h], wi, c)
                        } else {
                            ct::<true>(x[m], x[m + h], wi, c)
                        };
                    }
                }
            }
            for (m, &xm) in x.iter().enumerate().take(1 << K) {
                // SAFETY: as for the loads.
                unsafe { store(p.add(base + m * stride), xm) };
            }
        }
    }
}

/// The last six forward stages (distances 32 down to 1) on blocks of 64
/// words, with the full reduction.
#[target_feature(enable = "avx512f")]
fn fwd_final(a: &mut [u32], log_n: u32, tw: &[u32], tws: &[u32], c: Consts) {
    let n = a.len();
    let base = |d: u32| 1usize << (log_n - 1 - d); // first twiddle of the stage of distance 2^d
    let (b32, b16, b8, b4, b2, b1) = (base(5), base(4), base(3), base(2), base(1), base(0));
    let p = a.as_mut_ptr();
    for k in 0..n / 64 {
        let at = 64 * k;
        // SAFETY: at + 64 <= n.
        let (mut x0, mut x1, mut x2, mut x3) =
            unsafe { (load(p.add(at)), load(p.add(at + 16)), load(p.add(at + 32)), load(p.add(at + 48))) };
        let w = Tw::splat(tw[b32 + k], tws[b32 + k]);
        (x0, x2) = ct::<true>(x0, x2, w, c);
        (x1, x3) = ct::<true>(x1, x3, w, c);
        let (w0, w1) =
            (Tw::splat(tw[b16 + 2 * k], tws[b16 + 2 * k]), Tw::splat(tw[b16 + 2 * k + 1], tws[b16 + 2 * k + 1]));
        (x0, x1) = ct::<true>(x0, x1, w0, c);
        (x2, x3) = ct::<true>(x2, x3, w1, c);
        let mut pairs = [(x0, x1), (x2, x3)];
        for (h, (u, v)) in pairs.iter_mut().enumerate() {
            let blk = 2 * k + h;
            let (mut x, mut y) = permute(*u, *v, &P_4_3);
            (x, y) = ct::<true>(x, y, block_tw::<3>(tw, tws, b8, blk), c);
            (x, y) = permute(x, y, &P_3_2);
            (x, y) = ct::<true>(x, y, block_tw::<2>(tw, tws, b4, blk), c);
            (x, y) = permute(x, y, &P_2_1);
            (x, y) = ct::<true>(x, y, block_tw::<1>(tw, tws, b2, blk), c);
            (x, y) = permute(x, y, &P_1_0);
            (x, y) = ct_last(x, y, block_tw::<0>(tw, tws, b1, blk), c);
            (*u, *v) = permute(x, y, &P_0_4);
        }
        // SAFETY: as for the loads.
        unsafe {
            store(p.add(at), pairs[0].0);
            store(p.add(at + 16), pairs[0].1);
            store(p.add(at + 32), pairs[1].0);
            store(p.add(at + 48), pairs[1].1);
        }
    }
}

#[target_feature(enable = "avx512f")]
fn inverse_impl(t: &NttTable, a: &mut [u32]) {
    let q = t.modulus.value();
    let c = Consts { q: _mm512_set1_epi32(q as i32), two_q: _mm512_set1_epi32(2 * q as i32) };
    let log_n = t.log_n;
    let (tw, tws) = (&t.inv[..t.n], &t.inv_shoup[..t.n]);
    inv_first(a, log_n, tw, tws, c);
    let (plan, len) = vertical_plan(log_n - LB - 2, 3);
    let ni = Tw::splat(t.n_inv.0, t.n_inv.1);
    let nw = Tw::splat(t.n_inv_w.0, t.n_inv_w.1);
    let mut s = log_n - LB - 2;
    for &k in plan[..len].iter().rev() {
        s -= k;
        match (k, s == 0) {
            (3, true) => inv_pass::<3, true>(a, s, tw, tws, c, ni, nw),
            (3, false) => inv_pass::<3, false>(a, s, tw, tws, c, ni, nw),
            (2, true) => inv_pass::<2, true>(a, s, tw, tws, c, ni, nw),
            (2, false) => inv_pass::<2, false>(a, s, tw, tws, c, ni, nw),
            (_, true) => inv_pass::<1, true>(a, s, tw, tws, c, ni, nw),
            (_, false) => inv_pass::<1, false>(a, s, tw, tws, c, ni, nw),
        }
    }
}

/// The first six inverse stages (distances 1 up to 32) on blocks of 64
/// words; inputs in `[0, q)`, outputs in `[0, 2q)`.
#[target_feature(enable = "avx512f")]
fn inv_first(a: &mut [u32], log_n: u32, tw: &[u32], tws: &[u32], c: Consts) {
    let n = a.len();
    let base = |d: u32| 1usize << (log_n - 1 - d);
    let (b32, b16, b8, b4, b2, b1) = (base(5), base(4), base(3), base(2), base(1), base(0));
    let p = a.as_mut_ptr();
    for k in 0..n / 64 {
        let at = 64 * k;
        // SAFETY: at + 64 <= n.
        let mut pairs =
            unsafe { [(load(p.add(at)), load(p.add(at + 16))), (load(p.add(at + 32)), load(p.add(at + 48)))] };
        for (h, (u, v)) in pairs.iter_mut().enumerate() {
            let blk = 2 * k + h;
            let (mut x, mut y) = permute(*u, *v, &P_4_0);
            (x, y) = gs(x, y, block_tw::<0>(tw, tws, b1, blk), c);
            (x, y) = permute(x, y, &P_0_1);
            (x, y) = gs(x, y, block_tw::<1>(tw, tws, b2, blk), c);
            (x, y) = permute(x, y, &P_1_2);
            (x, y) = gs(x, y, block_tw::<2>(tw, tws, b4, blk), c);
            (x, y) = permute(x, y, &P_2_3);
            (x, y) = gs(x, y, block_tw::<3>(tw, tws, b8, blk), c);
            (*u, *v) = permute(x, y, &P_3_4);
        }
        let [(mut x0, mut x1), (mut x2, mut x3)] = pairs;
        let (w0, w1) =
            (Tw::splat(tw[b16 + 2 * k], tws[b16 + 2 * k]), Tw::splat(tw[b16 + 2 * k + 1], tws[b16 + 2 * k + 1]));
        (x0, x1) = gs(x0, x1, w0, c);
        (x2, x3) = gs(x2, x3, w1, c);
        let w = Tw::splat(tw[b32 + k], tws[b32 + k]);
        (x0, x2) = gs(x0, x2, w, c);
        (x1, x3) = gs(x1, x3, w, c);
        // SAFETY: as for the loads.
        unsafe {
            store(p.add(at), x0);
            store(p.add(at + 16), x1);
            store(p.add(at + 32), x2);
            store(p.add(at + 48), x3);
        }
    }
}

/// `K` inverse stages from stage `s + K - 1` down to stage `s` in one pass;
/// `LAST` (when `s == 0`) folds the `1/N` scaling into stage 0.
#[target_feature(enable = "avx512f")]
fn inv_pass<const K: u32, const LAST: bool>(a: &mut [u32], s: u32, tw: &[u32], tws: &[u32], c: Consts, ni: Tw, nw: Tw) {
    let n = a.len();
    let big = n >> s;
    let stride = big >> K;
    debug_assert!(stride >= L && stride.is_multiple_of(L));
    let p = a.as_mut_ptr();
    for g in 0..(1usize << s) {
        let mut w = [Tw::splat(0, 0); 7];
        for l in 0..K {
            for i in 0..(1usize << l) {
                let k = (1usize << (s + l)) + (g << l) + i;
                w[(1 << l) - 1 + i] = Tw::splat(tw[k], tws[k]);
            }
        }
        for j in (0..stride).step_by(L) {
            let base = g * big + j;
            let mut x = [_mm512_setzero_si512(); 8];
            for (m, xm) in x.iter_mut().enumerate().take(1 << K) {
                // SAFETY: base + m * stride + 16 <= (g + 1) * big <= n.
                *xm = unsafe { load(p.add(base + m * stride)) };
            }
            for l in (0..K).rev() {
                let h = 1usize << (K - 1 - l);
                for blk in 0..(1usize << l) {
                    let wi = w[(1 << l) - 1 + blk];
                    for m in blk * 2 * h..blk * 2 * h + h {
                        (x[m], x[m + h]) =
                            if LAST && l == 0 { gs_last(x[m], x[m + h], ni, nw, c) } else { gs(x[m], x[m + h], wi, c) };
                    }
                }
            }
            for (m, &xm) in x.iter().enumerate().take(1 << K) {
                // SAFETY: as for the loads.
                unsafe { store(p.add(base + m * stride), xm) };
            }
        }
    }
}
