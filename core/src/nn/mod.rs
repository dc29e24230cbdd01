//! The polynomial transformer: its description, its file, and the
//! plaintext evaluator that the encrypted evaluator is checked against.
//!
//! The model is the HE-friendly vision form of Zimerman et al. (ICML 2024)
//! *after conversion*: every BatchNorm folded into the neighbouring affine
//! maps, every non-polynomial activation replaced by an
//! [`ApproxTable`](crate::approx::ApproxTable). What remains are only
//! additions, multiplications by plaintext weights, products of two
//! encrypted values (attention) and polynomials, in this order (the CKKS
//! evaluator follows the same order and the same folding):
//!
//! ```text
//! image (rows x cols, pixels in [0, 1])
//!   -> patches: L = (rows / pr) * (cols / pc) tokens of pr * pc pixels,
//!      patches in raster order, pixels raster order within a patch
//!   -> X[l] = patch[l] We + be + pos[l]                  (L x d)
//!   for each block:
//!     Q = X Wq + bq,  K = X Wk + bk,  V = X Wv + bv     (BatchNorm folded)
//!     per head h (d / heads features each):
//!       S[i][j] = score_scale[h] * <Q_h[i], K_h[j]> + score_shift[h]
//!                 (1 / sqrt(d_h) and the per-head score BatchNorm folded)
//!       A = p_attn(S) (elementwise; times a 0/1 causal mask if `causal`)
//!       O_h = A V_h
//!     X = X + concat_h(O_h) Wo + bo    (1 / sqrt(L) and the BatchNorm
//!                                       across heads folded into Wo, bo)
//!     X = X + p_mlp(X W1 + b1) W2 + b2 (both MLP BatchNorms folded into W1, b1)
//!   -> logits = mean_l(X[l]) Wc + bc  (final BatchNorm folded into Wc, bc)
//! ```
//!
//! The **language form** ([`Model::norms`] is `Some`, file version 2) keeps
//! LayerNorm: before the queries/keys/values of each block, before each
//! MLP, and on every token before the mean pooling, `X` is replaced by
//! `LN(X)[l] = (X[l] - mu_l) * r(v_l)` with `mu_l`, `v_l = mean((X[l] -
//! mu_l)^2) + eps` over the `d` features of token `l` (LayerNorm's gain and
//! bias are folded into the following affine map, exactly like BatchNorm).
//! `r` approximates `1 / sqrt(v)`: a polynomial on the measured interval of
//! `v` ([`Norm::inv_sqrt`]) followed by [`Norm::newton_steps`] Newton steps
//! `y <- y (3 - v y^2) / 2`. Causal attention and mean pooling as above.
//!
//! Matrices are stored `[inputs][outputs]` row-major (`y = x W + b`), the
//! layout burn uses for its linear layers. Weights are `f32` (what the
//! trainer produces; CKKS re-encodes them at its own scale anyway) and the
//! evaluator computes in `f64`.
//!
//! - [`Model`], [`ModelConfig`], [`Linear`], [`Block`]: the description,
//!   checked by [`Model::validate`];
//! - [`Model::logits`]: the plaintext evaluator, with the activations as
//!   polynomials (checked or not) or as the exact functions
//!   ([`ActivationMode`]);
//! - [`Model::calibrate`]: the input range of every activation over a
//!   calibration set ([`RangeReport`]), for the HE plan to check against
//!   the tables' intervals;
//! - [`Model::to_bytes`] / [`Model::from_bytes`]: the framed postcard file
//!   (magic `POLYHE`, kind [`MODEL_KIND`], version [`MODEL_VERSION`] for
//!   the language form, [`MODEL_VERSION_VISION`] for the vision form,
//!   checksum).

mod error;
mod eval;
mod file;
#[cfg(all(test, feature = "std"))]
pub(crate) mod tests;

use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::approx::ApproxTable;

pub use error::{Error, Result};
pub use eval::{argmax, ActivationMode, RangeReport, Site, SiteRange};
pub use file::{MODEL_KIND, MODEL_MAGIC, MODEL_VERSION, MODEL_VERSION_VISION};

/// The architecture: shapes only, no weights.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModelConfig {
    /// Image height in pixels (>= 1).
    pub image_rows: u32,
    /// Image width in pixels (>= 1).
    pub image_cols: u32,
    /// Patch height in pixels; divides `image_rows`.
    pub patch_rows: u32,
    /// Patch width in pixels; divides `image_cols`.
    pub patch_cols: u32,
    /// Token width `d` (>= 1), a multiple of `heads`.
    pub width: u32,
    /// Attention heads (>= 1); each sees `width / heads` features.
    pub heads: u32,
    /// Hidden width of each MLP (`width * mlp_ratio`, >= 1).
    pub mlp_hidden: u32,
    /// Number of transformer blocks (may be 0: a linear model).
    pub blocks: u32,
    /// Number of classes (logits), >= 1.
    pub classes: u32,
    /// Multiply attention weights elementwise by the causal 0/1 mask
    /// (`j <= i`) after the activation (the language form); `false` for
    /// vision.
    pub causal: bool,
}

impl ModelConfig {
    /// Tokens `L = (rows / patch_rows) * (cols / patch_cols)`.
    pub fn tokens(&self) -> usize {
        (self.image_rows / self.patch_rows.max(1)) as usize * (self.image_cols / self.patch_cols.max(1)) as usize
    }

    /// Pixels per patch (`patch_rows * patch_cols`): the embedding's input width.
    pub fn patch_pixels(&self) -> usize {
        self.patch_rows as usize * self.patch_cols as usize
    }

    /// Pixels per image (`image_rows * image_cols`): the evaluator's input length.
    pub fn input_len(&self) -> usize {
        self.image_rows as usize * self.image_cols as usize
    }

    /// Features per head (`width / heads`).
    pub fn head_dim(&self) -> usize {
        self.width as usize / self.heads.max(1) as usize
    }

    /// Checks the shapes are consistent (all positive where needed,
    /// divisibility, and sizes below 2^16 per dimension so that products
    /// cannot overflow on 32-bit targets).
    pub fn validate(&self) -> Result<()> {
        let bad = |reason| Err(Error::InvalidConfig { reason });
        let dims = [self.image_rows, self.image_cols, self.patch_rows, self.patch_cols, self.width, self.heads];
        if dims.iter().chain([&self.mlp_hidden, &self.classes]).any(|&v| v == 0) {
            return bad("every dimension must be at least 1");
        }
        if dims.iter().chain([&self.mlp_hidden, &self.classes, &self.blocks]).any(|&v| v > 1 << 12) {
            return bad("a dimension exceeds 4096");
        }
        if !self.image_rows.is_multiple_of(self.patch_rows) || !self.image_cols.is_multiple_of(self.patch_cols) {
            return bad("the patch size must divide the image size");
        }
        if !self.width.is_multiple_of(self.heads) {
            return bad("the width must be a multiple of the number of heads");
        }
        Ok(())
    }
}

/// An affine map `y = x W + b` with `W` stored `[inputs][outputs]`
/// row-major.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Linear {
    /// Input width.
    pub inputs: u32,
    /// Output width.
    pub outputs: u32,
    /// `inputs * outputs` weights, `weight[i * outputs + o]` multiplies input `i` into output `o`.
    pub weight: Vec<f32>,
    /// `outputs` biases.
    pub bias: Vec<f32>,
}

impl Linear {
    /// A map of the given shape with zero weights and biases.
    pub fn zeros(inputs: u32, outputs: u32) -> Self {
        Self {
            inputs,
            outputs,
            weight: alloc::vec![0.0; inputs as usize * outputs as usize],
            bias: alloc::vec![0.0; outputs as usize],
        }
    }

    fn check(&self, what: &'static str, inputs: u32, outputs: u32) -> Result<()> {
        if self.inputs != inputs || self.outputs != outputs {
            return Err(Error::Shape { what, expected: [inputs, outputs], actual: [self.inputs, self.outputs] });
        }
        let n = inputs as usize * outputs as usize;
        if self.weight.len() != n || self.bias.len() != outputs as usize {
            return Err(Error::Shape {
                what,
                expected: [inputs, outputs],
                actual: [self.weight.len() as u32, self.bias.len() as u32],
            });
        }
        if self.weight.iter().chain(&self.bias).any(|v| !v.is_finite()) {
            return Err(Error::NonFiniteWeight { what });
        }
        Ok(())
    }
}

/// One transformer block, folded (see the module docs for the order).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Queries, `width -> width` (the block's input BatchNorm folded in).
    pub q: Linear,
    /// Keys, `width -> width`.
    pub k: Linear,
    /// Values, `width -> width`.
    pub v: Linear,
    /// Per head: multiplies `<Q_h[i], K_h[j]>` (holds `1 / sqrt(d_h)` and
    /// the score BatchNorm's scale).
    pub score_scale: Vec<f32>,
    /// Per head: added to the scaled score (the score BatchNorm's shift).
    pub score_shift: Vec<f32>,
    /// The attention activation's polynomial (sigma of sigma-attention).
    pub attn_act: ApproxTable,
    /// Output projection, `width -> width` (holds `1 / sqrt(L)` and the
    /// BatchNorm across heads).
    pub o: Linear,
    /// MLP input map, `width -> mlp_hidden` (both MLP BatchNorms folded in).
    pub mlp_in: Linear,
    /// The MLP activation's polynomial.
    pub mlp_act: ApproxTable,
    /// MLP output map, `mlp_hidden -> width`.
    pub mlp_out: Linear,
}

/// What conversion measured, stored with the model for the HE plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Samples measured.
    pub samples: u32,
    /// Plaintext accuracy of the polynomial model on them, in [0, 1].
    pub accuracy: f32,
    /// Per activation site (block-major: attention then MLP), the smallest
    /// and largest input seen.
    pub ranges: Vec<[f32; 2]>,
}

/// The largest number of Newton steps a [`Norm`] may ask for (each costs
/// three multiplicative levels under CKKS; 8 steps square a relative error
/// 8 times, far past f64 precision).
pub const MAX_NEWTON_STEPS: u32 = 8;

/// One LayerNorm of the language form, gain and bias folded away:
/// `LN(x) = (x - mean(x)) * r(var(x) + eps)` over a token's features, with
/// `r` the polynomial [`Norm::inv_sqrt`] followed by
/// [`Norm::newton_steps`] Newton steps for `1 / sqrt`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Norm {
    /// Added to the variance (LayerNorm's epsilon, > 0).
    pub eps: f32,
    /// `1 / sqrt(v)` on the interval of `v = var + eps` measured at
    /// conversion (function [`crate::approx::Activation::InvSqrt`]).
    pub inv_sqrt: ApproxTable,
    /// Newton steps `y <- y (3 - v y^2) / 2` after the polynomial (0 to
    /// [`MAX_NEWTON_STEPS`]).
    pub newton_steps: u32,
}

/// The LayerNorms of a language-form model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerNorms {
    /// Per block: the norm before attention, then the one before the MLP.
    pub blocks: Vec<[Norm; 2]>,
    /// The norm applied to every token before mean pooling.
    pub last: Norm,
    /// Per norm (block-major, then the final one), the smallest and largest
    /// `v = var + eps` seen at conversion (the polynomial model on the
    /// calibration set); empty if not measured.
    pub ranges: Vec<[f32; 2]>,
}

impl LayerNorms {
    /// Every norm in evaluation order: per block (attention, MLP), then the
    /// final one.
    pub fn iter(&self) -> impl Iterator<Item = &Norm> {
        self.blocks.iter().flat_map(|b| b.iter()).chain(core::iter::once(&self.last))
    }
}

/// A polynomial transformer: configuration, folded weights, approximation
/// tables and (optionally) the conversion's measurements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// The architecture.
    pub config: ModelConfig,
    /// Patch embedding, `patch_pixels -> width`.
    pub embed: Linear,
    /// Positional embedding, `tokens * width`, token-major.
    pub pos: Vec<f32>,
    /// The blocks, `config.blocks` of them.
    pub blocks: Vec<Block>,
    /// Classifier, `width -> classes`, applied to the mean over tokens.
    pub head: Linear,
    /// Measurements at conversion, if any.
    pub calibration: Option<Calibration>,
    /// The LayerNorms of the language form; `None` for the vision form
    /// (every normalisation folded). Stored from file version 2 on.
    pub norms: Option<LayerNorms>,
}

impl Model {
    /// Checks every shape against the configuration, that weights are
    /// finite and that every table is well-formed. Files are validated on
    /// reading; call this after building a model by hand.
    pub fn validate(&self) -> Result<()> {
        let c = &self.config;
        c.validate()?;
        let (d, hid, heads) = (c.width, c.mlp_hidden, c.heads as usize);
        self.embed.check("embed", c.patch_pixels() as u32, d)?;
        if self.pos.len() != c.tokens() * d as usize {
            return Err(Error::Shape {
                what: "pos",
                expected: [c.tokens() as u32, d],
                actual: [self.pos.len() as u32, 1],
            });
        }
        if self.pos.iter().any(|v| !v.is_finite()) {
            return Err(Error::NonFiniteWeight { what: "pos" });
        }
        if self.blocks.len() != c.blocks as usize {
            return Err(Error::Shape {
                what: "blocks",
                expected: [c.blocks, 1],
                actual: [self.blocks.len() as u32, 1],
            });
        }
        for b in &self.blocks {
            b.q.check("q", d, d)?;
            b.k.check("k", d, d)?;
            b.v.check("v", d, d)?;
            b.o.check("o", d, d)?;
            b.mlp_in.check("mlp_in", d, hid)?;
            b.mlp_out.check("mlp_out", hid, d)?;
            for (what, s) in [("score_scale", &b.score_scale), ("score_shift", &b.score_shift)] {
                if s.len() != heads {
                    return Err(Error::Shape { what, expected: [heads as u32, 1], actual: [s.len() as u32, 1] });
                }
                if s.iter().any(|v| !v.is_finite()) {
                    return Err(Error::NonFiniteWeight { what });
                }
            }
            b.attn_act.validate()?;
            b.mlp_act.validate()?;
        }
        self.head.check("head", d, c.classes)?;
        if let Some(n) = &self.norms {
            if n.blocks.len() != self.blocks.len() {
                return Err(Error::Shape {
                    what: "layer norms",
                    expected: [c.blocks, 2],
                    actual: [n.blocks.len() as u32, 2],
                });
            }
            for norm in n.iter() {
                if !(norm.eps.is_finite() && norm.eps > 0.0) {
                    return Err(Error::InvalidConfig { reason: "a LayerNorm epsilon must be finite and positive" });
                }
                if norm.newton_steps > MAX_NEWTON_STEPS {
                    return Err(Error::InvalidConfig { reason: "a LayerNorm asks for more than 8 Newton steps" });
                }
                if norm.inv_sqrt.function() != crate::approx::Activation::InvSqrt {
                    return Err(Error::InvalidConfig { reason: "a LayerNorm table must approximate inv_sqrt" });
                }
                norm.inv_sqrt.validate()?;
            }
            let sites = 2 * self.blocks.len() + 1;
            if !(n.ranges.is_empty() || n.ranges.len() == sites) {
                return Err(Error::Shape {
                    what: "layer norm ranges",
                    expected: [sites as u32, 2],
                    actual: [n.ranges.len() as u32, 2],
                });
            }
        }
        if let Some(cal) = &self.calibration {
            if cal.ranges.len() != 2 * self.blocks.len() {
                return Err(Error::Shape {
                    what: "calibration ranges",
                    expected: [2 * c.blocks, 2],
                    actual: [cal.ranges.len() as u32, 2],
                });
            }
        }
        Ok(())
    }

    /// The approximation table of every LayerNorm (language form; empty for
    /// the vision form), in the order of [`RangeReport::norms`].
    pub fn norm_tables(&self) -> impl Iterator<Item = (Site, &ApproxTable)> {
        self.norms.iter().flat_map(|n| n.iter().enumerate().map(|(i, m)| (Site::Norm { index: i as u32 }, &m.inv_sqrt)))
    }

    /// The approximation table of every activation site, block-major
    /// (attention, then MLP), in the order of [`RangeReport::sites`].
    pub fn tables(&self) -> impl Iterator<Item = (Site, &ApproxTable)> {
        self.blocks.iter().enumerate().flat_map(|(i, b)| {
            let i = i as u32;
            [(Site::Attention { block: i }, &b.attn_act), (Site::Mlp { block: i }, &b.mlp_act)]
        })
    }
}
