//! Encrypted inference: a polynomial transformer ([`crate::nn::Model`])
//! evaluated on CKKS ciphertexts.
//!
//! # Packing
//! One ciphertext per feature column, the slots holding that feature for
//! every token of every sample, token-major: slot `l * B + s` is token `l`
//! of sample `s`, with `B = slots / L` samples per ciphertext (`L`, the
//! token count, must be a power of two so that `L * B` fills the slots).
//! Then
//! - affine maps `X W + b` are linear combinations of ciphertexts with
//!   plaintext constants (no rotation; the per-token positional
//!   embedding is one plaintext vector per column);
//! - a cyclic rotation by `r B` slots moves every sample's token `l + r`
//!   onto token `l` at once, so the attention scores of shift `r`,
//!   `S_r[l] = <Q[l], K[l + r mod L]>`, are one inner product of
//!   ciphertext columns (one relinearisation per head and shift), and
//!   `O[l] = sum_r A_r[l] V[l + r]` likewise; the `L` shifts are split
//!   baby-step giant-step, `r = g n1 + j`, so that hoisted rotations of
//!   the columns by `j B` and `-g n1 B` plus one rotation per giant step of
//!   each sum replace `L - 1` rotations per column ([`Layout::bsgs`]);
//! - activations are Chebyshev polynomials applied slot-wise
//!   ([`crate::ckks::Evaluator::eval_chebyshev`]), their interval maps folded into the
//!   preceding affine maps;
//! - mean pooling is `log2 L` rotations by `B, 2B, ..` and additions,
//!   after the classifier (which is linear, so it commutes with the mean
//!   and shrinks `width` columns to `classes`).
//!
//! Up to `B` samples ride in one ciphertext for the cost of one
//! ([`Layout::batch`]). Rotation keys: the baby steps, the giant steps and
//! their inverses, and the pooling steps ([`Layout::rotations`]; 6 keys at
//! 16 tokens).
//!
//! # Depth
//! The embedding is folded into the first block's Q, K and V (both are
//! affine), so with activation depths `Da`, `Dm` (`ceil(log2(d + 1))`) a
//! block costs `Da + Dm + 6` levels: QKV (1, shared with the embedding in
//! block 0), scores (1), attention polynomial (`Da`), `A V` (1), output
//! projection (1), MLP input (1), MLP polynomial (`Dm`), MLP output (1);
//! the classifier one more; a causal (language) model multiplies each
//! shift's attention weights by its 0/1 mask (`j <= i`), one more level per
//! block. [`HePlan`] computes it and picks the smallest
//! 128-bit parameter set that holds it.

mod forward;
mod plan;
#[cfg(all(test, feature = "std"))]
mod tests;

pub use forward::{EncryptedModel, Observer, OpKind, Profile, Silent};
pub use plan::{HePlan, LayerDepth, Layout};

use crate::nn;

/// Errors of planning and running encrypted inference.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model cannot be packed or planned as it is.
    #[error("the model cannot be evaluated under CKKS: {reason}")]
    Unsupported {
        /// Why.
        reason: &'static str,
    },
    /// No 128-bit parameter set up to N = 2^16 holds the model's depth.
    #[error(
        "the model needs {depth} levels and no 128-bit parameter set up to N = 2^16 holds them: use fewer blocks or lower-degree activations"
    )]
    TooDeep {
        /// Levels needed.
        depth: u32,
    },
    /// Wrong number of input ciphertexts or images, or of the wrong size.
    #[error("{what}: expected {expected}, got {actual}")]
    Shape {
        /// What was checked.
        what: &'static str,
        /// Expected count or length.
        expected: usize,
        /// Actual count or length.
        actual: usize,
    },
    /// The ciphertexts are not at the plan's input level or slot count.
    #[error("input ciphertexts are at level {level} with {slots} slots; the plan needs level {want_level} and {want_slots} slots: encrypt with the plan's parameters (polyhe encrypt)")]
    InputLevel {
        /// Level found.
        level: u32,
        /// Slots found.
        slots: usize,
        /// Level the plan needs.
        want_level: u32,
        /// Slots the plan needs.
        want_slots: usize,
    },
    /// A CKKS operation failed (missing key, other parameters, ...).
    #[error(transparent)]
    Ckks(#[from] crate::Error),
    /// The model itself is invalid.
    #[error(transparent)]
    Model(#[from] nn::Error),
}

/// Result alias for this module.
pub type Result<T, E = Error> = core::result::Result<T, E>;
