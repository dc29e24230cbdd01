//! Training and conversion of polynomial transformers with burn (feature
//! `train`), after Zimerman et al., "Converting Transformers to Polynomial
//! Form for Secure Inference Over Homomorphic Encryption" (ICML 2024).
//!
//! The pipeline, in the order `polyhe train` runs it:
//!
//! 1. the **original** vision transformer (softmax attention, LayerNorm,
//!    [`model::OrigModel`]): the baseline every table compares with;
//! 2. the **HE-friendly** form ([`model::HeModel`]): pointwise
//!    sigma-attention `sigma(Q K^T / sqrt(d_h))` with a BatchNorm on the
//!    scores of each head, the length scaling `1 / sqrt(L)` after the
//!    activation, BatchNorm instead of LayerNorm, one BatchNorm across heads
//!    and one inside each MLP; trained with
//!    `CE + alpha * L_range (+ beta * L_var)` ([`trainer::range_loss`]);
//! 3. **conversion** ([`convert`]): every BatchNorm folded into the
//!    neighbouring affine maps, each activation's interval fitted to the
//!    inputs measured on the training split (eval mode) plus a margin, a
//!    minimax polynomial per activation, and a
//!    [`polyhe_core::nn::Model`] with its calibration, checked against the
//!    burn-side polynomial model.
//!
//! The **language form** (`--form language`, [`model::LangModel`]) keeps
//! LayerNorm and makes attention causal (a 0/1 mask after the activation);
//! it trains with `CE + alpha * L_range + beta * L_var`, `L_var` holding
//! every LayerNorm's `var + eps` between a floor and a ceiling
//! ([`trainer::norm_var_loss`]); conversion ([`convert::convert_lang`])
//! folds each LayerNorm's gain and bias into the next affine map and
//! replaces its `1 / sqrt` by a minimax polynomial on the measured
//! interval of `var + eps` followed by Newton steps. The sequence task is
//! mnist1d ([`seq`]: 40 values cut into tokens of `--patch` values).
//!
//! - [`config`]: architecture and training settings, checked before any
//!   tensor is built (a bad shape is an error, never a burn panic);
//! - [`batch`]: patches in the raster order of `polyhe_core::nn`, batches
//!   built on the host, the deterministic digits split;
//! - [`params`]: the HE-friendly weights as plain vectors (unfolded), the
//!   checkpoint file between `polyhe train` and `polyhe convert`;
//! - [`cli`]: the two commands' arguments, progress bars and JSON report.

pub mod batch;
pub mod cli;
pub mod config;
pub mod convert;
pub mod model;
pub mod params;
pub mod seq;
pub mod trainer;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

pub use config::{ActivationKind, ArchConfig, Form, LengthScaling, TrainConfig};

/// Everything that can go wrong in training and conversion.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    /// The dataset could not be read.
    #[error(transparent)]
    Data(#[from] crate::data::DataError),
    /// The mnist1d export could not be read.
    #[error(transparent)]
    Seq(#[from] seq::SeqError),
    /// The architecture or training settings are inconsistent.
    #[error("invalid configuration: {reason}")]
    Config {
        /// What is wrong.
        reason: String,
    },
    /// The dataset does not fit the architecture (e.g. image size vs patch).
    #[error("the dataset does not fit the model: {reason}")]
    DataShape {
        /// What is wrong.
        reason: String,
    },
    /// The converted model was refused by `polyhe_core` (shapes, tables).
    #[error("model: {0}")]
    Model(#[from] polyhe_core::nn::Error),
    /// A polynomial fit failed.
    #[error("approximation: {0}")]
    Approx(#[from] polyhe_core::approx::Error),
    /// A tensor could not be read back from burn.
    #[error("reading a tensor back from burn: {what}")]
    Tensor {
        /// What failed.
        what: String,
    },
    /// Training diverged (a NaN or infinite loss).
    #[error("training diverged at epoch {epoch}: the loss is {loss}; lower --lr or --alpha")]
    Diverged {
        /// Epoch (1-based).
        epoch: usize,
        /// The loss seen.
        loss: f64,
    },
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The report could not be serialised.
    #[error("serialising the report: {reason}")]
    Report {
        /// What failed.
        reason: String,
    },
    /// A checkpoint file that does not decode or contradicts itself.
    #[error("{path}: not a polyhe training checkpoint: {reason}")]
    Checkpoint {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// Result alias for training and conversion.
pub type Result<T, E = TrainError> = std::result::Result<T, E>;

pub(crate) fn config_error<T>(reason: impl Into<String>) -> Result<T> {
    Err(TrainError::Config { reason: reason.into() })
}
