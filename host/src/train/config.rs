//! Architecture and training settings.

use serde::{Deserialize, Serialize};

use super::{config_error, Result, TrainError};
use polyhe_core::approx::Activation;
use polyhe_core::nn::ModelConfig;

/// The activation of sigma-attention and of the MLPs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ActivationKind {
    /// `max(x, 0)`.
    Relu,
    /// The exact (erf) GELU.
    Gelu,
}

impl ActivationKind {
    /// The function `polyhe_core` approximates.
    pub fn core(self) -> Activation {
        match self {
            Self::Relu => Activation::Relu,
            Self::Gelu => Activation::Gelu,
        }
    }
}

/// Where and how sigma-attention is scaled by the sequence length `L`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum LengthScaling {
    /// `sigma(S) V / sqrt(L)`: the paper's choice (and the default).
    InvSqrtL,
    /// `sigma(S) V / L` (ablation).
    InvL,
    /// No scaling (ablation: the paper sees training suffer).
    None,
    /// `sigma(S / sqrt(L)) V`: scaling before the activation (ablation).
    PreInvSqrtL,
}

impl LengthScaling {
    /// The factor applied after the activation (on `sigma(S) V`).
    pub fn post_factor(self, tokens: usize) -> f64 {
        let l = tokens as f64;
        match self {
            Self::InvSqrtL => 1.0 / l.sqrt(),
            Self::InvL => 1.0 / l,
            Self::None | Self::PreInvSqrtL => 1.0,
        }
    }

    /// The factor applied to the scores before the activation.
    pub fn pre_factor(self, tokens: usize) -> f64 {
        match self {
            Self::PreInvSqrtL => 1.0 / (tokens as f64).sqrt(),
            _ => 1.0,
        }
    }
}

/// Which HE-friendly form of the paper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// BatchNorm instead of LayerNorm (plus one across heads and one in
    /// each MLP), all folded at conversion; bidirectional attention.
    #[default]
    Vision,
    /// LayerNorm kept (its `1 / sqrt` becomes a polynomial plus Newton
    /// steps at conversion), causal sigma-attention (0/1 mask after the
    /// activation); the original baseline is causal too.
    Language,
}

/// The transformer's shape (shared by the original and the HE-friendly
/// form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArchConfig {
    /// Image height in pixels.
    pub image_rows: usize,
    /// Image width in pixels.
    pub image_cols: usize,
    /// Patch height; divides `image_rows`.
    pub patch_rows: usize,
    /// Patch width; divides `image_cols`.
    pub patch_cols: usize,
    /// Token width `d`, a multiple of `heads`.
    pub width: usize,
    /// Attention heads.
    pub heads: usize,
    /// Hidden width of each MLP.
    pub mlp_hidden: usize,
    /// Transformer blocks.
    pub blocks: usize,
    /// Classes.
    pub classes: usize,
    /// Activation of attention and MLPs.
    pub activation: ActivationKind,
    /// Length scaling of sigma-attention (HE-friendly form only).
    pub scaling: LengthScaling,
    /// Vision or language form (checkpoints without the field: vision).
    #[serde(default)]
    pub form: Form,
    /// Vision form: the BatchNorm across heads after `sigma(S) V` (the
    /// paper's; `false` drops it, for the length-scaling ablation, since a
    /// BatchNorm cancels any constant scale of its input). Checkpoints
    /// without the field: `true`.
    #[serde(default = "yes")]
    pub heads_bn: bool,
}

fn yes() -> bool {
    true
}

impl ArchConfig {
    /// The bundled model's shape for the 8x8 digits: 2x2 patches (16
    /// tokens), width 16, 2 heads, MLP 32, one block, ReLU.
    pub fn digits() -> Self {
        Self {
            image_rows: 8,
            image_cols: 8,
            patch_rows: 2,
            patch_cols: 2,
            width: 16,
            heads: 2,
            mlp_hidden: 32,
            blocks: 1,
            classes: 10,
            activation: ActivationKind::Relu,
            scaling: LengthScaling::InvSqrtL,
            form: Form::Vision,
            heads_bn: true,
        }
    }

    /// Whether attention is causal (the language form).
    pub fn causal(&self) -> bool {
        self.form == Form::Language
    }

    /// LayerNorm sites of the language form (two per block and the final
    /// one); 0 for the vision form.
    pub fn norm_sites(&self) -> usize {
        match self.form {
            Form::Vision => 0,
            Form::Language => 2 * self.blocks + 1,
        }
    }

    /// Tokens `L`.
    pub fn tokens(&self) -> usize {
        (self.image_rows / self.patch_rows.max(1)) * (self.image_cols / self.patch_cols.max(1))
    }

    /// Pixels per patch.
    pub fn patch_pixels(&self) -> usize {
        self.patch_rows * self.patch_cols
    }

    /// Features per head.
    pub fn head_dim(&self) -> usize {
        self.width / self.heads.max(1)
    }

    /// Activation sites (two per block: attention, MLP).
    pub fn sites(&self) -> usize {
        2 * self.blocks
    }

    /// Checks the shape before any tensor is built; the messages name the
    /// offending values.
    pub fn validate(&self) -> Result<()> {
        let dims = [
            ("image rows", self.image_rows),
            ("image cols", self.image_cols),
            ("patch rows", self.patch_rows),
            ("patch cols", self.patch_cols),
            ("width", self.width),
            ("heads", self.heads),
            ("mlp hidden", self.mlp_hidden),
            ("classes", self.classes),
        ];
        for (name, v) in dims {
            if v == 0 {
                return config_error(format!("{name} must be at least 1"));
            }
            if v > 4096 {
                return config_error(format!("{name} = {v} exceeds 4096"));
            }
        }
        if self.blocks > 64 {
            return config_error(format!("{} blocks: at most 64", self.blocks));
        }
        if !self.image_rows.is_multiple_of(self.patch_rows) || !self.image_cols.is_multiple_of(self.patch_cols) {
            return Err(TrainError::DataShape {
                reason: format!(
                    "the patch {}x{} does not divide the {}x{} image",
                    self.patch_rows, self.patch_cols, self.image_rows, self.image_cols
                ),
            });
        }
        if !self.width.is_multiple_of(self.heads) {
            return config_error(format!("the width {} is not a multiple of the {} heads", self.width, self.heads));
        }
        // The folded model must pass polyhe_core's own checks too.
        self.core_config()?.validate()?;
        Ok(())
    }

    /// The `polyhe_core` configuration of the converted model.
    pub fn core_config(&self) -> Result<ModelConfig> {
        let u = |name: &str, v: usize| {
            u32::try_from(v).map_err(|_| TrainError::Config { reason: format!("{name} = {v} is too large") })
        };
        Ok(ModelConfig {
            image_rows: u("image rows", self.image_rows)?,
            image_cols: u("image cols", self.image_cols)?,
            patch_rows: u("patch rows", self.patch_rows)?,
            patch_cols: u("patch cols", self.patch_cols)?,
            width: u("width", self.width)?,
            heads: u("heads", self.heads)?,
            mlp_hidden: u("mlp hidden", self.mlp_hidden)?,
            blocks: u("blocks", self.blocks)?,
            classes: u("classes", self.classes)?,
            causal: self.causal(),
        })
    }
}

/// How a model is trained.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    /// Passes over the training split.
    pub epochs: usize,
    /// Samples per step.
    pub batch_size: usize,
    /// Peak learning rate of AdamW (linear warm-up over the first epoch,
    /// cosine decay to 5% of it).
    pub lr: f64,
    /// AdamW's decoupled weight decay.
    pub weight_decay: f64,
    /// Seed of the initial weights and of the batch order.
    pub seed: u64,
    /// Weight of the range loss (HE-friendly model only).
    pub alpha: f64,
    /// Weight of the variance loss (HE-friendly model only): in the
    /// language form the paper's `L_var` on the LayerNorm variances (above
    /// [`TrainConfig::var_target`]); in the vision form, which has no
    /// LayerNorm, the second moment of the activation inputs.
    pub beta: f64,
    /// The range loss penalises activation inputs with `|x| > range_target`.
    pub range_target: f64,
    /// First epoch (0-based) with the range loss on: the paper trains
    /// first, then tunes for range.
    pub range_from_epoch: usize,
    /// Data augmentation: translate each training image by up to this many
    /// pixels in each direction (0: none).
    #[serde(default)]
    pub shift: usize,
    /// Language form: the variance loss penalises LayerNorm variances
    /// `var + eps` above this ceiling.
    #[serde(default = "default_var_target")]
    pub var_target: f64,
    /// Language form: the variance loss also penalises LayerNorm variances
    /// below this floor (relative to it).
    #[serde(default = "default_var_floor")]
    pub var_floor: f64,
}

fn default_var_target() -> f64 {
    4.0
}

fn default_var_floor() -> f64 {
    0.25
}

impl Default for TrainConfig {
    fn default() -> Self {
        Self {
            epochs: 150,
            batch_size: 64,
            lr: 3e-3,
            weight_decay: 1e-4,
            seed: 0,
            alpha: 0.05,
            beta: 0.0,
            range_target: 2.0,
            range_from_epoch: 50,
            shift: 0,
            var_target: default_var_target(),
            var_floor: default_var_floor(),
        }
    }
}

impl TrainConfig {
    /// Checks the numbers are usable.
    pub fn validate(&self) -> Result<()> {
        if self.epochs == 0 || self.batch_size == 0 {
            return config_error("epochs and batch size must be at least 1");
        }
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return config_error(format!("learning rate {} must be positive", self.lr));
        }
        for (name, v) in [("alpha", self.alpha), ("beta", self.beta), ("weight decay", self.weight_decay)] {
            if !(v.is_finite() && v >= 0.0) {
                return config_error(format!("{name} = {v} must be finite and non-negative"));
            }
        }
        if !(self.range_target.is_finite() && self.range_target > 0.0) {
            return config_error(format!("range target {} must be positive", self.range_target));
        }
        if !(self.var_floor.is_finite() && self.var_floor > 0.0 && self.var_floor < self.var_target) {
            return config_error(format!(
                "the variance floor {} must be positive and below the variance target {}",
                self.var_floor, self.var_target
            ));
        }
        Ok(())
    }
}
