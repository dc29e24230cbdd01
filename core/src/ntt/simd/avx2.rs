//! AVX2 kernels: 8 lanes of 32 bits. See the [parent module](super)
//! for the structure and the bounds.

use core::arch::x86_64::*;

use super::vertical_plan;
use crate::ntt::NttTable;

/// log2 of the lane count.
const LB: u32 = 3;
/// Lanes per vector.
const L: usize = 1 << LB;
/// log2 of the block size (words) that the later passes finish depth first,
/// so that the block stays in the L1 cache.
const BLOCK_LOG: u32 = 12;

/// In-place forward NTT of `a` with the table `t` (which selected this
/// kernel, so the CPU has AVX2).
pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    assert_eq!(a.len(), t.n);
    // SAFETY: `t.kernel == Kernel::Avx512` only when `kernel_available`
    // found AVX2 on this CPU (checked by `NttTable::with_kernel`/`new`).
    unsafe { forward_impl(t, a) }
}

/// In-place inverse NTT (with the `1/N` scaling), as [`forward`].
pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    assert_eq!(a.len(), t.n);
    // SAFETY: as in `forward`: the table proves AVX2 support.
    unsafe { inverse_impl(t, a) }
}

/// Broadcast constants.
#[derive(Clone, Copy)]
struct Consts {
    q: __m256i,
    two_q: __m256i,
}

/// `x - b` if `x >= b`, else `x`, for `x < 2b`, `b <= 2^31`: when `x < b`
/// the difference wraps above `x` and the minimum keeps `x`.
#[inline]
#[target_feature(enable = "avx2")]
fn csub(x: __m256i, b: __m256i) -> __m256i {
    _mm256_min_epu32(x, _mm256_sub_epi32(x, b))
}

/// Shoup's lazy product `a * w mod q` in `[0, 2q)` for any `a < 2^32`:
/// `qhat = (a * ws) >> 32`, then `a * w - qhat * q` modulo `2^32`.
/// `ws_odd` holds the odd lanes' companions in the even lanes (the
/// companions themselves when the twiddle is broadcast).
#[inline]
#[target_feature(enable = "avx2")]
fn mul_shoup(a: __m256i, w: __m256i, ws: __m256i, ws_odd: __m256i, q: __m256i) -> __m256i {
    let even = _mm256_mul_epu32(a, ws);
    let odd = _mm256_mul_epu32(_mm256_srli_epi64::<32>(a), ws_odd);
    // Even lanes take the high word of `even` (shifted down), odd lanes keep
    // the high word of `odd`.
    let qhat = _mm256_blend_epi32::<0xaa>(_mm256_srli_epi64::<32>(even), odd);
    _mm256_sub_epi32(_mm256_mullo_epi32(a, w), _mm256_mullo_epi32(qhat, q))
}

/// A twiddle with its Shoup companions, as vectors.
#[derive(Clone, Copy)]
struct Tw {
    w: __m256i,
    ws: __m256i,
    ws_odd: __m256i,
}

impl Tw {
    /// A twiddle broadcast to all lanes.
    #[inline]
    #[target_feature(enable = "avx2")]
    fn splat(w: u32, ws: u32) -> Self {
        let ws = _mm256_set1_epi32(ws as i32);
        Tw { w: _mm256_set1_epi32(w as i32), ws, ws_odd: ws }
    }
}

/// Forward (Cooley-Tukey) butterfly: inputs in `[0, 4q)`, outputs in
/// `[0, 4q)`. `REDUCE` is false only when `x < 2q` is known (first stage).
#[inline]
#[target_feature(enable = "avx2")]
fn ct<const REDUCE: bool>(x: __m256i, y: __m256i, w: Tw, c: Consts) -> (__m256i, __m256i) {
    let u = if REDUCE { csub(x, c.two_q) } else { x };
    let v = mul_shoup(y, w.w, w.ws, w.ws_odd, c.q);
    (_mm256_add_epi32(u, v), _mm256_sub_epi32(_mm256_add_epi32(u, c.two_q), v))
}

/// The forward's last butterfly, with outputs fully reduced to `[0, q)`.
#[inline]
#[target_feature(enable = "avx2")]
fn ct_last(x: __m256i, y: __m256i, w: Tw, c: Consts) -> (__m256i, __m256i) {
    let u = csub(csub(x, c.two_q), c.q);
    let v = csub(mul_shoup(y, w.w, w.ws, w.ws_odd, c.q), c.q);
    let s = csub(_mm256_add_epi32(u, v), c.q);
    // u - v in (-q, q): add q back when it wrapped.
    let d = _mm256_sub_epi32(u, v);
    (s, _mm256_min_epu32(d, _mm256_add_epi32(d, c.q)))
}

/// Inverse (Gentleman-Sande) butterfly: inputs and outputs in `[0, 2q)`.
/// `REDUCE` is false only when `x, y < q` is known (first stage), so that
/// `x + y < 2q` already.
#[inline]
#[target_feature(enable = "avx2")]
fn gs<const REDUCE: bool>(x: __m256i, y: __m256i, w: Tw, c: Consts) -> (__m256i, __m256i) {
    let s = if REDUCE { csub(_mm256_add_epi32(x, y), c.two_q) } else { _mm256_add_epi32(x, y) };
    let d = _mm256_sub_epi32(_mm256_add_epi32(x, c.two_q), y);
    (s, mul_shoup(d, w.w, w.ws, w.ws_odd, c.q))
}

/// The inverse's last butterfly with the `1/N` scaling: `(x + y) / N` and
/// `(x - y) w / N`, fully reduced.
#[inline]
#[target_feature(enable = "avx2")]
fn gs_last(x: __m256i, y: __m256i, ni: Tw, nw: Tw, c: Consts) -> (__m256i, __m256i) {
    let s = _mm256_add_epi32(x, y);
    let d = _mm256_sub_epi32(_mm256_add_epi32(x, c.two_q), y);
    (csub(mul_shoup(s, ni.w, ni.ws, ni.ws_odd, c.q), c.q), csub(mul_shoup(d, nw.w, nw.ws, nw.ws_odd, c.q), c.q))
}

/// Moves a pair to the next in-register layout of the forward order (see
/// `super::layout`; with 8 lanes every step is the same bit rotation):
/// `([u0, v0, u1, v1, u2, v2, u3, v3], [u4, v4, .., u7, v7])`.
#[inline]
#[target_feature(enable = "avx2")]
fn zip(u: __m256i, v: __m256i) -> (__m256i, __m256i) {
    let lo = _mm256_unpacklo_epi32(u, v);
    let hi = _mm256_unpackhi_epi32(u, v);
    (_mm256_permute2x128_si256::<0x20>(lo, hi), _mm256_permute2x128_si256::<0x31>(lo, hi))
}

/// The inverse of [`zip`]: the even and the odd words of `u ‖ v`.
#[inline]
#[target_feature(enable = "avx2")]
fn unzip(u: __m256i, v: __m256i) -> (__m256i, __m256i) {
    let (u, v) = (_mm256_castsi256_ps(u), _mm256_castsi256_ps(v));
    let even = _mm256_castps_si256(_mm256_shuffle_ps::<0x88>(u, v));
    let odd = _mm256_castps_si256(_mm256_shuffle_ps::<0xdd>(u, v));
    (_mm256_permute4x64_epi64::<0xd8>(even), _mm256_permute4x64_epi64::<0xd8>(odd))
}

/// Loads 8 words at `p`.
///
/// # Safety
/// `p..p + 8` must be readable.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn load(p: *const u32) -> __m256i {
    // SAFETY: guaranteed by the caller.
    unsafe { _mm256_loadu_si256(p.cast()) }
}

/// Stores 8 words at `p`.
///
/// # Safety
/// `p..p + 8` must be writable.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn store(p: *mut u32, x: __m256i) {
    // SAFETY: guaranteed by the caller.
    unsafe { _mm256_storeu_si256(p.cast(), x) }
}

/// Loads the four vectors at `p`.
///
/// # Safety
/// `p..p + 4L` must be readable.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn load4(p: *const u32) -> [__m256i; 4] {
    // SAFETY: guaranteed by the caller.
    unsafe { [load(p), load(p.add(L)), load(p.add(2 * L)), load(p.add(3 * L))] }
}

/// Stores four vectors at `p`.
///
/// # Safety
/// `p..p + 4L` must be writable.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn store4(p: *mut u32, x: [__m256i; 4]) {
    // SAFETY: guaranteed by the caller.
    unsafe {
        store(p, x[0]);
        store(p.add(L), x[1]);
        store(p.add(2 * L), x[2]);
        store(p.add(3 * L), x[3]);
    }
}

/// The twiddles of the in-register stage of distance `2^J` for the 16-word
/// block `blk`: `2^(3-J)` consecutive words of `tw`/`tws` from
/// `base + blk * 2^(3-J)`, repeated over the lanes (broadcast loads).
#[inline]
#[target_feature(enable = "avx2")]
fn block_tw<const J: u32>(tw: &[u32], tws: &[u32], base: usize, blk: usize) -> Tw {
    let cnt = 1usize << (LB - J);
    let at = base + blk * cnt;
    let (w, s) = (&tw[at..at + cnt], &tws[at..at + cnt]);
    // SAFETY (all arms): `w` and `s` hold `cnt` words, and each load reads
    // exactly `cnt` words from the start of one of them.
    unsafe {
        match J {
            2 => Tw {
                w: _mm256_set1_epi64x(w.as_ptr().cast::<i64>().read_unaligned()),
                ws: _mm256_set1_epi64x(s.as_ptr().cast::<i64>().read_unaligned()),
                ws_odd: _mm256_set1_epi32(s[1] as i32),
            },
            1 => {
                let ws = _mm256_broadcastsi128_si256(_mm_loadu_si128(s.as_ptr().cast()));
                Tw {
                    w: _mm256_broadcastsi128_si256(_mm_loadu_si128(w.as_ptr().cast())),
                    ws,
                    ws_odd: _mm256_srli_epi64::<32>(ws),
                }
            }
            _ => {
                let ws = _mm256_loadu_si256(s.as_ptr().cast());
                Tw { w: _mm256_loadu_si256(w.as_ptr().cast()), ws, ws_odd: _mm256_srli_epi64::<32>(ws) }
            }
        }
    }
}

#[target_feature(enable = "avx2")]
fn forward_impl(t: &NttTable, a: &mut [u32]) {
    let q = t.modulus.value();
    let c = Consts { q: _mm256_set1_epi32(q as i32), two_q: _mm256_set1_epi32(2 * q as i32) };
    let (n, log_n) = (t.n, t.log_n);
    let (tw, tws) = (&t.fwd[..n], &t.fwd_shoup[..n]);
    let (plan, len) = vertical_plan(log_n - LB - 2, 2);
    let blk_log = BLOCK_LOG.min(log_n);
    // Breadth first while a pass's groups are larger than a block...
    let (mut s, mut i) = (0, 0);
    while i < len && log_n - s > blk_log {
        fwd_run(a, n >> s, s, plan[i], 0, tw, tws, c);
        s += plan[i];
        i += 1;
    }
    // ... then depth first, one cache-resident block at a time.
    let blk = 1usize << blk_log;
    for (bi, sub) in a.chunks_exact_mut(blk).enumerate() {
        let mut ss = s;
        for &k in &plan[i..len] {
            let big = n >> ss;
            fwd_run(sub, big, ss, k, bi * (blk / big), tw, tws, c);
            ss += k;
        }
        fwd_final(sub, log_n, bi * blk / (4 * L), tw, tws, c);
    }
}

/// Runs the `k`-stage forward pass from stage `s` on `a`, whose groups of
/// `big` words are the global groups `g0..`.
#[allow(clippy::too_many_arguments)]
#[inline]
#[target_feature(enable = "avx2")]
fn fwd_run(a: &mut [u32], big: usize, s: u32, k: u32, g0: usize, tw: &[u32], tws: &[u32], c: Consts) {
    match (k, s == 0) {
        (3, true) => fwd_pass::<3, true>(a, big, s, g0, tw, tws, c),
        (3, false) => fwd_pass::<3, false>(a, big, s, g0, tw, tws, c),
        (2, true) => fwd_pass::<2, true>(a, big, s, g0, tw, tws, c),
        (2, false) => fwd_pass::<2, false>(a, big, s, g0, tw, tws, c),
        (_, true) => fwd_pass::<1, true>(a, big, s, g0, tw, tws, c),
        (_, false) => fwd_pass::<1, false>(a, big, s, g0, tw, tws, c),
    }
}

/// The butterflies of a radix-`2^K` forward pass on `x[..2^K]`; `w` holds
/// the twiddles stage by stage (`w[0]`, then `w[1..3]`, then `w[3..7]`).
#[inline]
#[target_feature(enable = "avx2")]
fn fwd_net<const K: u32, const FIRST: bool>(x: &mut [__m256i; 8], w: &[Tw; 7], c: Consts) {
    macro_rules! bf {
        ($i:literal, $j:literal, $w:expr, $first:expr) => {
            (x[$i], x[$j]) = if $first { ct::<false>(x[$i], x[$j], $w, c) } else { ct::<true>(x[$i], x[$j], $w, c) };
        };
    }
    match K {
        1 => {
            bf!(0, 1, w[0], FIRST);
        }
        2 => {
            bf!(0, 2, w[0], FIRST);
            bf!(1, 3, w[0], FIRST);
            bf!(0, 1, w[1], false);
            bf!(2, 3, w[2], false);
        }
        _ => {
            bf!(0, 4, w[0], FIRST);
            bf!(1, 5, w[0], FIRST);
            bf!(2, 6, w[0], FIRST);
            bf!(3, 7, w[0], FIRST);
            bf!(0, 2, w[1], false);
            bf!(1, 3, w[1], false);
            bf!(4, 6, w[2], false);
            bf!(5, 7, w[2], false);
            bf!(0, 1, w[3], false);
            bf!(2, 3, w[4], false);
            bf!(4, 5, w[5], false);
            bf!(6, 7, w[6], false);
        }
    }
}

/// The butterflies of a radix-`2^K` inverse pass, the mirror of
/// [`fwd_net`]; `LAST` applies the `1/N` scaling in the final stage.
#[inline]
#[target_feature(enable = "avx2")]
fn inv_net<const K: u32, const LAST: bool>(x: &mut [__m256i; 8], w: &[Tw; 7], c: Consts, ni: Tw, nw: Tw) {
    macro_rules! bf {
        ($i:literal, $j:literal, $w:expr, $last:expr) => {
            (x[$i], x[$j]) = if $last { gs_last(x[$i], x[$j], ni, nw, c) } else { gs::<true>(x[$i], x[$j], $w, c) };
        };
    }
    match K {
        1 => {
            bf!(0, 1, w[0], LAST);
        }
        2 => {
            bf!(0, 1, w[1], false);
            bf!(2, 3, w[2], false);
            bf!(0, 2, w[0], LAST);
            bf!(1, 3, w[0], LAST);
        }
        _ => {
            bf!(0, 1, w[3], false);
            bf!(2, 3, w[4], false);
            bf!(4, 5, w[5], false);
            bf!(6, 7, w[6], false);
            bf!(0, 2, w[1], false);
            bf!(1, 3, w[1], false);
            bf!(4, 6, w[2], false);
            bf!(5, 7, w[2], false);
            bf!(0, 4, w[0], LAST);
            bf!(1, 5, w[0], LAST);
            bf!(2, 6, w[0], LAST);
            bf!(3, 7, w[0], LAST);
        }
    }
}

/// Rows of `a` (a block at global group `g0` of size `big`, or several)
/// go through `K` forward stages from stage `s` (butterfly distance `N >> (s + 1)`,
/// at least 32) in one pass over `a`.
#[target_feature(enable = "avx2")]
#[allow(clippy::too_many_arguments)]
fn fwd_pass<const K: u32, const FIRST: bool>(
    a: &mut [u32],
    big: usize,
    s: u32,
    g0: usize,
    tw: &[u32],
    tws: &[u32],
    c: Consts,
) {
    let n = a.len();
    debug_assert!(n.is_multiple_of(big));
    let stride = big >> K;
    debug_assert!(stride >= L && stride.is_multiple_of(L));
    let p = a.as_mut_ptr();
    for g in 0..n / big {
        let mut w = [Tw::splat(0, 0); 7];
        for l in 0..K {
            for i in 0..(1usize << l) {
                let k = (1usize << (s + l)) + ((g0 + g) << l) + i;
                w[(1 << l) - 1 + i] = Tw::splat(tw[k], tws[k]);
            }
        }
        for j in (0..stride).step_by(L) {
            let base = g * big + j;
            let mut x = [_mm256_setzero_si256(); 8];
            for (m, xm) in x.iter_mut().enumerate().take(1 << K) {
                // SAFETY: base + m * stride + 8 <= (g + 1) * big <= n.
                *xm = unsafe { load(p.add(base + m * stride)) };
            }
            fwd_net::<K, FIRST>(&mut x, &w, c);
            for (m, &xm) in x.iter().enumerate().take(1 << K) {
                // SAFETY: as for the loads.
                unsafe { store(p.add(base + m * stride), xm) };
            }
        }
    }
}

/// Applies `f` to the pairs `(x[0], x[1])` and `(x[2], x[3])`, with the
/// twiddles of blocks `blk` and `blk + 1` for the stage of distance `2^J`.
#[inline]
#[target_feature(enable = "avx2")]
fn stage2<const J: u32>(
    x: [__m256i; 4],
    tw: &[u32],
    tws: &[u32],
    base: usize,
    blk: usize,
    f: impl Fn(__m256i, __m256i, Tw) -> (__m256i, __m256i),
) -> [__m256i; 4] {
    let (a, b) = f(x[0], x[1], block_tw::<J>(tw, tws, base, blk));
    let (c, d) = f(x[2], x[3], block_tw::<J>(tw, tws, base, blk + 1));
    [a, b, c, d]
}

/// Applies `f` (`zip` or `unzip`) to both pairs of `x`.
#[inline]
#[target_feature(enable = "avx2")]
fn both(x: [__m256i; 4], f: impl Fn(__m256i, __m256i) -> (__m256i, __m256i)) -> [__m256i; 4] {
    let (a, b) = f(x[0], x[1]);
    let (c, d) = f(x[2], x[3]);
    [a, b, c, d]
}

/// The three forward stages of distance 4 to 1 on the 16-word blocks `blk`
/// (in `x[0], x[1]`) and `blk + 1` (in `x[2], x[3]`), natural order in and
/// out, the last stage fully reducing. `b` holds the tables' offsets of
/// those stages.
#[inline]
#[target_feature(enable = "avx2")]
fn fwd_inreg(
    x: [__m256i; 4],
    y: [__m256i; 4],
    tw: &[u32],
    tws: &[u32],
    b: [usize; LB as usize],
    blk: usize,
    c: Consts,
) -> ([__m256i; 4], [__m256i; 4]) {
    let ct = |x, y, w| ct::<true>(x, y, w, c);
    let zip = |u, v| zip(u, v);
    let mut x = both(x, zip);
    let mut y = both(y, zip);
    x = stage2::<2>(x, tw, tws, b[0], blk, ct);
    y = stage2::<2>(y, tw, tws, b[0], blk + 2, ct);
    x = both(x, zip);
    y = both(y, zip);
    x = stage2::<1>(x, tw, tws, b[1], blk, ct);
    y = stage2::<1>(y, tw, tws, b[1], blk + 2, ct);
    x = both(x, zip);
    y = both(y, zip);
    x = stage2::<0>(x, tw, tws, b[LB as usize - 1], blk, |x, y, w| ct_last(x, y, w, c));
    y = stage2::<0>(y, tw, tws, b[LB as usize - 1], blk + 2, |x, y, w| ct_last(x, y, w, c));
    (both(x, zip), both(y, zip))
}

/// The three inverse stages of distance 1 to 4, the mirror of [`fwd_inreg`].
#[inline]
#[target_feature(enable = "avx2")]
fn inv_inreg(
    x: [__m256i; 4],
    y: [__m256i; 4],
    tw: &[u32],
    tws: &[u32],
    b: [usize; LB as usize],
    blk: usize,
    c: Consts,
) -> ([__m256i; 4], [__m256i; 4]) {
    let gs_first = |x, y, w| gs::<false>(x, y, w, c);
    let gs = |x, y, w| gs::<true>(x, y, w, c);
    let unzip = |u, v| unzip(u, v);
    let mut x = both(x, unzip);
    let mut y = both(y, unzip);
    x = stage2::<0>(x, tw, tws, b[2], blk, gs_first);
    y = stage2::<0>(y, tw, tws, b[2], blk + 2, gs_first);
    x = both(x, unzip);
    y = both(y, unzip);
    x = stage2::<1>(x, tw, tws, b[1], blk, gs);
    y = stage2::<1>(y, tw, tws, b[1], blk + 2, gs);
    x = both(x, unzip);
    y = both(y, unzip);
    x = stage2::<2>(x, tw, tws, b[0], blk, gs);
    y = stage2::<2>(y, tw, tws, b[0], blk + 2, gs);
    (both(x, unzip), both(y, unzip))
}

/// The last five forward stages (distances 16 down to 1) on blocks of 32
/// words, with the full reduction.
#[target_feature(enable = "avx2")]
fn fwd_final(a: &mut [u32], log_n: u32, k0: usize, tw: &[u32], tws: &[u32], c: Consts) {
    let n = a.len();
    // First twiddle of the stage of distance 2^d.
    let base = |d: u32| 1usize << (log_n - 1 - d);
    let (bv0, bv1) = (base(LB + 1), base(LB));
    let b: [usize; LB as usize] = core::array::from_fn(|i| base(LB - 1 - i as u32));
    // The two vertical stages (distances 2L and L) of the 4L-word block `k`.
    let vertical = |x: [__m256i; 4], k: usize| {
        let [mut x0, mut x1, mut x2, mut x3] = x;
        let w = Tw::splat(tw[bv0 + k], tws[bv0 + k]);
        (x0, x2) = ct::<true>(x0, x2, w, c);
        (x1, x3) = ct::<true>(x1, x3, w, c);
        let (w0, w1) =
            (Tw::splat(tw[bv1 + 2 * k], tws[bv1 + 2 * k]), Tw::splat(tw[bv1 + 2 * k + 1], tws[bv1 + 2 * k + 1]));
        (x0, x1) = ct::<true>(x0, x1, w0, c);
        (x2, x3) = ct::<true>(x2, x3, w1, c);
        [x0, x1, x2, x3]
    };
    let p = a.as_mut_ptr();
    // Two 4L-word blocks per step (their count is even), so that four
    // independent pairs go through the in-register stages side by side.
    for kl in (0..n / (4 * L)).step_by(2) {
        let at = 4 * L * kl;
        // Global block index, for the twiddles.
        let k = k0 + kl;
        // SAFETY: at + 8L <= n.
        let (x, y) = unsafe { (load4(p.add(at)), load4(p.add(at + 4 * L))) };
        let (x, y) = fwd_inreg(vertical(x, k), vertical(y, k + 1), tw, tws, b, 2 * k, c);
        // SAFETY: as for the loads.
        unsafe {
            store4(p.add(at), x);
            store4(p.add(at + 4 * L), y);
        }
    }
}

#[target_feature(enable = "avx2")]
fn inverse_impl(t: &NttTable, a: &mut [u32]) {
    let q = t.modulus.value();
    let c = Consts { q: _mm256_set1_epi32(q as i32), two_q: _mm256_set1_epi32(2 * q as i32) };
    let (n, log_n) = (t.n, t.log_n);
    let (tw, tws) = (&t.inv[..n], &t.inv_shoup[..n]);
    let (plan, len) = vertical_plan(log_n - LB - 2, 2);
    let ni = Tw::splat(t.n_inv.0, t.n_inv.1);
    let nw = Tw::splat(t.n_inv_w.0, t.n_inv_w.1);
    let mut starts = [0u32; 16];
    for i in 1..len {
        starts[i] = starts[i - 1] + plan[i - 1];
    }
    let blk_log = BLOCK_LOG.min(log_n);
    // The passes from `i0` on work inside blocks: run them depth first.
    let i0 = (0..len).find(|&i| log_n - starts[i] <= blk_log).unwrap_or(len);
    let blk = 1usize << blk_log;
    for (bi, sub) in a.chunks_exact_mut(blk).enumerate() {
        inv_first(sub, log_n, bi * blk / (4 * L), tw, tws, c);
        for i in (i0..len).rev() {
            let big = n >> starts[i];
            inv_run(sub, big, starts[i], plan[i], bi * (blk / big), tw, tws, c, ni, nw);
        }
    }
    for i in (0..i0).rev() {
        inv_run(a, n >> starts[i], starts[i], plan[i], 0, tw, tws, c, ni, nw);
    }
}

/// Runs the `k`-stage inverse pass ending at stage `s` on `a`, whose groups
/// of `big` words are the global groups `g0..`.
#[allow(clippy::too_many_arguments)]
#[inline]
#[target_feature(enable = "avx2")]
fn inv_run(a: &mut [u32], big: usize, s: u32, k: u32, g0: usize, tw: &[u32], tws: &[u32], c: Consts, ni: Tw, nw: Tw) {
    match (k, s == 0) {
        (3, true) => inv_pass::<3, true>(a, big, s, g0, tw, tws, c, ni, nw),
        (3, false) => inv_pass::<3, false>(a, big, s, g0, tw, tws, c, ni, nw),
        (2, true) => inv_pass::<2, true>(a, big, s, g0, tw, tws, c, ni, nw),
        (2, false) => inv_pass::<2, false>(a, big, s, g0, tw, tws, c, ni, nw),
        (_, true) => inv_pass::<1, true>(a, big, s, g0, tw, tws, c, ni, nw),
        (_, false) => inv_pass::<1, false>(a, big, s, g0, tw, tws, c, ni, nw),
    }
}

/// The first five inverse stages (distances 1 up to 16) on blocks of 32
/// words; inputs in `[0, q)`, outputs in `[0, 2q)`.
#[target_feature(enable = "avx2")]
fn inv_first(a: &mut [u32], log_n: u32, k0: usize, tw: &[u32], tws: &[u32], c: Consts) {
    let n = a.len();
    // First twiddle of the stage of distance 2^d.
    let base = |d: u32| 1usize << (log_n - 1 - d);
    let (bv0, bv1) = (base(LB + 1), base(LB));
    let b: [usize; LB as usize] = core::array::from_fn(|i| base(LB - 1 - i as u32));
    // The two vertical stages (distances L and 2L) of the 4L-word block `k`.
    let vertical = |x: [__m256i; 4], k: usize| {
        let [mut x0, mut x1, mut x2, mut x3] = x;
        let (w0, w1) =
            (Tw::splat(tw[bv1 + 2 * k], tws[bv1 + 2 * k]), Tw::splat(tw[bv1 + 2 * k + 1], tws[bv1 + 2 * k + 1]));
        (x0, x1) = gs::<true>(x0, x1, w0, c);
        (x2, x3) = gs::<true>(x2, x3, w1, c);
        let w = Tw::splat(tw[bv0 + k], tws[bv0 + k]);
        (x0, x2) = gs::<true>(x0, x2, w, c);
        (x1, x3) = gs::<true>(x1, x3, w, c);
        [x0, x1, x2, x3]
    };
    let p = a.as_mut_ptr();
    // Two 4L-word blocks per step, as in `fwd_final`.
    for kl in (0..n / (4 * L)).step_by(2) {
        let at = 4 * L * kl;
        // Global block index, for the twiddles.
        let k = k0 + kl;
        // SAFETY: at + 8L <= n.
        let (x, y) = unsafe { (load4(p.add(at)), load4(p.add(at + 4 * L))) };
        let (x, y) = inv_inreg(x, y, tw, tws, b, 2 * k, c);
        // SAFETY: as for the loads.
        unsafe {
            store4(p.add(at), vertical(x, k));
            store4(p.add(at + 4 * L), vertical(y, k + 1));
        }
    }
}

/// `K` inverse stages from stage `s + K - 1` down to stage `s` in one pass;
/// `LAST` (when `s == 0`) folds the `1/N` scaling into stage 0.
#[target_feature(enable = "avx2")]
#[allow(clippy::too_many_arguments)]
fn inv_pass<const K: u32, const LAST: bool>(
    a: &mut [u32],
    big: usize,
    s: u32,
    g0: usize,
    tw: &[u32],
    tws: &[u32],
    c: Consts,
    ni: Tw,
    nw: Tw,
) {
    let n = a.len();
    debug_assert!(n.is_multiple_of(big));
    let stride = big >> K;
    debug_assert!(stride >= L && stride.is_multiple_of(L));
    let p = a.as_mut_ptr();
    for g in 0..n / big {
        let mut w = [Tw::splat(0, 0); 7];
        for l in 0..K {
            for i in 0..(1usize << l) {
                let k = (1usize << (s + l)) + ((g0 + g) << l) + i;
                w[(1 << l) - 1 + i] = Tw::splat(tw[k], tws[k]);
            }
        }
        for j in (0..stride).step_by(L) {
            let base = g * big + j;
            let mut x = [_mm256_setzero_si256(); 8];
            for (m, xm) in x.iter_mut().enumerate().take(1 << K) {
                // SAFETY: base + m * stride + 8 <= (g + 1) * big <= n.
                *xm = unsafe { load(p.add(base + m * stride)) };
            }
            inv_net::<K, LAST>(&mut x, &w, c, ni, nw);
            for (m, &xm) in x.iter().enumerate().take(1 << K) {
                // SAFETY: as for the loads.
                unsafe { store(p.add(base + m * stride), xm) };
            }
        }
    }
}
