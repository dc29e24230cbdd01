//! x86_64 SIMD kernels (AVX2, AVX-512), chosen once per table at run time.
//! They are bit-identical to [`super::scalar`]: every kernel computes the
//! same residues, and both directions end fully reduced, so the outputs are
//! the unique representatives in `[0, q)`.
//!
//! # Structure (both ISAs)
//! With `L` lanes per vector (16 for AVX-512, 8 for AVX2):
//! - the stages whose butterfly distance is at least `4L` run as radix-2,
//!   radix-4 or radix-8 passes over memory (`vertical_plan`): each pass
//!   loads `2^k` vectors `t` words apart, runs `k` stages with broadcast
//!   twiddles in registers and stores them back, so the data goes through the
//!   cache about `log2(N) / 3` times instead of `log2(N)`. Passes whose
//!   groups are larger than a block of `2^12` words run over the whole
//!   array; the later ones, and the last pass, then run block by block
//!   (depth first), so that a block stays in the L1 cache;
//! - one last pass (first pass of the inverse) handles blocks of `4L`
//!   elements: the two stages of distance `2L` and `L` as vertical
//!   butterflies between four vectors, then the `log2 L` stages of distance
//!   below `L` inside pairs of registers. Between those stages the pair is
//!   re-laid out (AVX-512: two `vpermt2d`; AVX2: unpacks and 128-bit lane
//!   permutes, as every step is then the same interleave) so that the butterfly partners sit in
//!   the same lane of the two registers, and so that the twiddle of lane `i`
//!   depends only on `i mod 2^m` (`layout`): the twiddles of a block are
//!   then consecutive words of the plain tables, read with broadcast loads,
//!   and no extra table is needed. Four such pairs go through the stages
//!   side by side, which hides the latency of each stage's dependency chain.
//!
//! # Arithmetic
//! Harvey's lazy butterflies as in the scalar code (forward values in
//! `[0, 4q)`, inverse values in `[0, 2q)`, `q < 2^30` so `4q < 2^32`), with
//! Shoup's multiplication: the high word of `a * w'` comes from two
//! 32x32->64 multiplies (`vpmuludq`, even and odd lanes) merged by a shift
//! and a masked move (a blend, cheaper than a cross-lane permute), the low
//! words `a * w - qhat * q` from two `vpmulld`. The first stage of either
//! direction skips the conditional subtraction its inputs (below `q`) do not
//! need; the forward's last stage reduces fully, the inverse's last one
//! folds in `1/N` (a second Shoup product on the sum half) and reduces fully.
//!
//! References: D. Harvey, "Faster arithmetic for number-theoretic
//! transforms", J. Symb. Comp. 2014; P. Longa and M. Naehrig, "Speeding up
//! the NTT for lattice-based cryptography", CANS 2016; F. Boemer et al.,
//! "Intel HEXL", WAHC 2021 (AVX-512 NTTs with radix-4 and in-register final
//! stages).

#[cfg(test)]
mod tests;

pub(crate) mod avx2;
pub(crate) mod avx512;

use super::{Kernel, NttTable};

/// Does this CPU support `kernel`?
pub fn available(kernel: Kernel) -> bool {
    match kernel {
        Kernel::Scalar => true,
        Kernel::Avx2 => std::arch::is_x86_feature_detected!("avx2"),
        Kernel::Avx512 => std::arch::is_x86_feature_detected!("avx512f"),
    }
}

pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    match t.kernel {
        Kernel::Avx512 => avx512::forward(t, a),
        Kernel::Avx2 => avx2::forward(t, a),
        Kernel::Scalar => super::scalar::forward(t, a),
    }
}

pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    match t.kernel {
        Kernel::Avx512 => avx512::inverse(t, a),
        Kernel::Avx2 => avx2::inverse(t, a),
        Kernel::Scalar => super::scalar::inverse(t, a),
    }
}

/// Splits the `stages` vertical stages into passes of 3 stages (radix 8),
/// with the remainder as passes of 2 (never a lone radix-2 pass unless
/// `stages == 1`). Returns the pass sizes, first pass first, in a fixed
/// array with its length.
pub(crate) const fn vertical_plan(stages: u32, max_k: u32) -> ([u32; 16], usize) {
    let mut out = [0u32; 16];
    let mut len = 0;
    let mut left = stages;
    while left > 0 {
        let k = if max_k >= 3 && (left >= 5 || left == 3) {
            3
        } else if left >= 2 {
            2
        } else {
            1
        };
        out[len] = k;
        len += 1;
        left -= k;
    }
    (out, len)
}

/// The in-register layouts of a block of `2 * 2^lb` elements held in two
/// registers of `2^lb` lanes: returns the element (index in the block) at
/// register `reg`, lane `i`, when the next butterflies have distance `2^j`
/// (`j < lb`). The partners differ in bit `j`, which is the register; the
/// low `lb - j` lane bits are the butterfly group within the block (so the
/// twiddle of a lane repeats with period `2^(lb - j)`, and the block's
/// twiddles are consecutive in the tables), the high lane bits are the
/// element bits below `j`. `j = lb` is the natural order.
pub(crate) const fn layout(lb: u32, j: u32, reg: usize, i: usize) -> usize {
    let gbits = lb - j;
    let group = i & ((1 << gbits) - 1);
    let low = i >> gbits;
    (group << (j + 1)) | (reg << j) | low
}

/// Two-source permute indices (`vpermt2d` convention: bit `lb` selects the
/// second source) taking the pair from layout `from` to register `reg_out` of
/// layout `to`.
pub(crate) const fn permute_index<const L: usize>(lb: u32, from: u32, to: u32, reg_out: usize) -> [u32; L] {
    let mut idx = [0u32; L];
    let mut i = 0;
    while i < L {
        let e = layout(lb, to, reg_out, i);
        let mut r = 0;
        while r < 2 {
            let mut k = 0;
            while k < L {
                if layout(lb, from, r, k) == e {
                    idx[i] = ((r << lb) | k) as u32;
                }
                k += 1;
            }
            r += 1;
        }
        i += 1;
    }
    idx
}
