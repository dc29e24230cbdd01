//! The HE-friendly model's weights as plain vectors, BatchNorms unfolded:
//! what the trainer initialises, what burn trains, what the converter
//! folds, and what the checkpoint between `polyhe train` and
//! `polyhe convert` holds (JSON).
//!
//! Initial weights come from a ChaCha8 stream of the seed, not from burn's
//! global generator, so that runs (and tests running in parallel threads)
//! are reproducible.

use std::path::Path;

use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::{config_error, ArchConfig, Result, TrainConfig, TrainError};

/// An affine map `y = x W + b`, `W` stored `[inputs][outputs]` row-major
/// (burn's and `polyhe_core`'s layout).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinParams {
    /// Input width.
    pub inputs: usize,
    /// Output width.
    pub outputs: usize,
    /// `inputs * outputs` weights.
    pub weight: Vec<f32>,
    /// `outputs` biases.
    pub bias: Vec<f32>,
}

impl LinParams {
    /// PyTorch's default: weights uniform in `[-1/sqrt(in), 1/sqrt(in)]`,
    /// zero biases.
    pub fn init(inputs: usize, outputs: usize, rng: &mut Rng) -> Self {
        let bound = 1.0 / (inputs as f32).sqrt();
        Self { inputs, outputs, weight: rng.uniform_vec(inputs * outputs, bound), bias: vec![0.0; outputs] }
    }

    fn check(&self, what: &str, inputs: usize, outputs: usize) -> Result<()> {
        if self.inputs != inputs
            || self.outputs != outputs
            || self.weight.len() != inputs * outputs
            || self.bias.len() != outputs
        {
            return Err(TrainError::Config {
                reason: format!(
                    "{what}: shape {}x{} with {} weights and {} biases, the architecture needs {inputs}x{outputs}",
                    self.inputs,
                    self.outputs,
                    self.weight.len(),
                    self.bias.len()
                ),
            });
        }
        Ok(())
    }
}

/// A BatchNorm's parameters and running statistics. In evaluation mode it
/// maps `x` to `(x - mean) / sqrt(var + eps) * gamma + beta`, per feature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BnParams {
    /// Scale.
    pub gamma: Vec<f32>,
    /// Shift.
    pub beta: Vec<f32>,
    /// Running mean.
    pub mean: Vec<f32>,
    /// Running variance.
    pub var: Vec<f32>,
    /// Added to the variance.
    pub eps: f64,
}

impl BnParams {
    /// The identity-initialised BatchNorm of `n` features (burn's defaults).
    pub fn new(n: usize) -> Self {
        Self { gamma: vec![1.0; n], beta: vec![0.0; n], mean: vec![0.0; n], var: vec![1.0; n], eps: 1e-5 }
    }

    /// Features.
    pub fn len(&self) -> usize {
        self.gamma.len()
    }

    /// Whether it has no feature.
    pub fn is_empty(&self) -> bool {
        self.gamma.is_empty()
    }

    /// The evaluation-mode map as `x * scale + shift`, per feature (f64).
    pub fn scale_shift(&self) -> (Vec<f64>, Vec<f64>) {
        let scale: Vec<f64> =
            self.gamma.iter().zip(&self.var).map(|(&g, &v)| f64::from(g) / (f64::from(v) + self.eps).sqrt()).collect();
        let shift =
            self.beta.iter().zip(&self.mean).zip(&scale).map(|((&b, &m), s)| f64::from(b) - f64::from(m) * s).collect();
        (scale, shift)
    }

    fn check(&self, what: &str, n: usize) -> Result<()> {
        let ok = [&self.gamma, &self.beta, &self.mean, &self.var].iter().all(|v| v.len() == n)
            && self.var.iter().all(|&v| v >= 0.0)
            && self.eps.is_finite()
            && self.eps > 0.0;
        if !ok {
            return Err(TrainError::Config {
                reason: format!(
                    "{what}: a BatchNorm of {n} features with consistent, non-negative statistics is needed"
                ),
            });
        }
        Ok(())
    }
}

/// One HE-friendly block, unfolded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockParams {
    /// BatchNorm on the block input (replaces the first LayerNorm).
    pub bn_in: BnParams,
    /// Queries.
    pub q: LinParams,
    /// Keys.
    pub k: LinParams,
    /// Values.
    pub v: LinParams,
    /// BatchNorm of the scores, one feature per head.
    pub bn_score: BnParams,
    /// BatchNorm across heads (on the concatenated attention output).
    pub bn_heads: BnParams,
    /// Output projection.
    pub o: LinParams,
    /// BatchNorm before the MLP (replaces the second LayerNorm).
    pub bn_mlp_in: BnParams,
    /// MLP input map.
    pub mlp_in: LinParams,
    /// BatchNorm inside the MLP, before the activation.
    pub bn_mlp_hidden: BnParams,
    /// MLP output map.
    pub mlp_out: LinParams,
}

/// The HE-friendly model, unfolded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeParams {
    /// The shape.
    pub arch: ArchConfig,
    /// Patch embedding.
    pub embed: LinParams,
    /// Positional embedding, `tokens * width`, token-major.
    pub pos: Vec<f32>,
    /// The blocks.
    pub blocks: Vec<BlockParams>,
    /// Final BatchNorm (before mean pooling).
    pub bn_final: BnParams,
    /// Classifier.
    pub head: LinParams,
}

impl HeParams {
    /// Random initial weights for `arch` from `seed`.
    pub fn init(arch: &ArchConfig, seed: u64) -> Result<Self> {
        arch.validate()?;
        let mut rng = Rng::new(seed);
        let (d, hid, l, heads) = (arch.width, arch.mlp_hidden, arch.tokens(), arch.heads);
        let embed = LinParams::init(arch.patch_pixels(), d, &mut rng);
        let pos = rng.uniform_vec(l * d, 0.1);
        let blocks = (0..arch.blocks)
            .map(|_| BlockParams {
                bn_in: BnParams::new(d),
                q: LinParams::init(d, d, &mut rng),
                k: LinParams::init(d, d, &mut rng),
                v: LinParams::init(d, d, &mut rng),
                bn_score: BnParams::new(heads),
                bn_heads: BnParams::new(d),
                o: LinParams::init(d, d, &mut rng),
                bn_mlp_in: BnParams::new(d),
                mlp_in: LinParams::init(d, hid, &mut rng),
                bn_mlp_hidden: BnParams::new(hid),
                mlp_out: LinParams::init(hid, d, &mut rng),
            })
            .collect();
        let head = LinParams::init(d, arch.classes, &mut rng);
        Ok(Self { arch: arch.clone(), embed, pos, blocks, bn_final: BnParams::new(d), head })
    }

    /// Checks every shape against `arch` (a checkpoint from another build
    /// or edited by hand is refused here, not by a burn panic).
    pub fn validate(&self) -> Result<()> {
        let a = &self.arch;
        a.validate()?;
        if a.causal() {
            return config_error("vision-form (BatchNorm) weights need an architecture of form vision");
        }
        let (d, hid) = (a.width, a.mlp_hidden);
        self.embed.check("embed", a.patch_pixels(), d)?;
        if self.pos.len() != a.tokens() * d {
            return Err(TrainError::Config {
                reason: format!("pos holds {} values, {}x{d} needed", self.pos.len(), a.tokens()),
            });
        }
        if self.blocks.len() != a.blocks {
            return Err(TrainError::Config {
                reason: format!("{} blocks stored, the architecture has {}", self.blocks.len(), a.blocks),
            });
        }
        for b in &self.blocks {
            b.bn_in.check("bn_in", d)?;
            b.q.check("q", d, d)?;
            b.k.check("k", d, d)?;
            b.v.check("v", d, d)?;
            b.bn_score.check("bn_score", a.heads)?;
            b.bn_heads.check("bn_heads", d)?;
            b.o.check("o", d, d)?;
            b.bn_mlp_in.check("bn_mlp_in", d)?;
            b.mlp_in.check("mlp_in", d, hid)?;
            b.bn_mlp_hidden.check("bn_mlp_hidden", hid)?;
            b.mlp_out.check("mlp_out", hid, d)?;
        }
        self.bn_final.check("bn_final", d)?;
        self.head.check("head", d, a.classes)?;
        Ok(())
    }
}

/// A LayerNorm's gain and bias (language form); it maps a token `x` of
/// `d` features to `(x - mean) / sqrt(var + eps) * gamma + beta`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LnParams {
    /// Gain.
    pub gamma: Vec<f32>,
    /// Bias.
    pub beta: Vec<f32>,
}

impl LnParams {
    /// The identity LayerNorm of `n` features.
    pub fn new(n: usize) -> Self {
        Self { gamma: vec![1.0; n], beta: vec![0.0; n] }
    }

    fn check(&self, what: &str, n: usize) -> Result<()> {
        if self.gamma.len() != n || self.beta.len() != n {
            return Err(TrainError::Config { reason: format!("{what}: a LayerNorm of {n} features is needed") });
        }
        Ok(())
    }
}

/// One block of the HE-friendly language form: pre-LayerNorm, causal
/// sigma-attention, MLP.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LangBlockParams {
    /// LayerNorm before attention.
    pub ln1: LnParams,
    /// Queries.
    pub q: LinParams,
    /// Keys.
    pub k: LinParams,
    /// Values.
    pub v: LinParams,
    /// Output projection.
    pub o: LinParams,
    /// LayerNorm before the MLP.
    pub ln2: LnParams,
    /// MLP input map.
    pub mlp_in: LinParams,
    /// MLP output map.
    pub mlp_out: LinParams,
}

/// The HE-friendly language form, unfolded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LangParams {
    /// The shape (`form` is `language`).
    pub arch: ArchConfig,
    /// LayerNorm's epsilon (added to the variance).
    pub eps: f64,
    /// Patch embedding.
    pub embed: LinParams,
    /// Positional embedding, `tokens * width`, token-major.
    pub pos: Vec<f32>,
    /// The blocks.
    pub blocks: Vec<LangBlockParams>,
    /// LayerNorm of every token before mean pooling.
    pub ln_final: LnParams,
    /// Classifier.
    pub head: LinParams,
}

impl LangParams {
    /// Random initial weights for `arch` from `seed` (LayerNorms identity).
    pub fn init(arch: &ArchConfig, seed: u64) -> Result<Self> {
        arch.validate()?;
        let mut rng = Rng::new(seed);
        let (d, hid, l) = (arch.width, arch.mlp_hidden, arch.tokens());
        let embed = LinParams::init(arch.patch_pixels(), d, &mut rng);
        let pos = rng.uniform_vec(l * d, 0.1);
        let blocks = (0..arch.blocks)
            .map(|_| LangBlockParams {
                ln1: LnParams::new(d),
                q: LinParams::init(d, d, &mut rng),
                k: LinParams::init(d, d, &mut rng),
                v: LinParams::init(d, d, &mut rng),
                o: LinParams::init(d, d, &mut rng),
                ln2: LnParams::new(d),
                mlp_in: LinParams::init(d, hid, &mut rng),
                mlp_out: LinParams::init(hid, d, &mut rng),
            })
            .collect();
        let head = LinParams::init(d, arch.classes, &mut rng);
        Ok(Self { arch: arch.clone(), eps: 1e-5, embed, pos, blocks, ln_final: LnParams::new(d), head })
    }

    /// Checks every shape against `arch`.
    pub fn validate(&self) -> Result<()> {
        let a = &self.arch;
        a.validate()?;
        if !a.causal() {
            return config_error("language-form weights need an architecture of form language");
        }
        if !(self.eps.is_finite() && self.eps > 0.0) {
            return config_error(format!("LayerNorm epsilon {} must be positive", self.eps));
        }
        let (d, hid) = (a.width, a.mlp_hidden);
        self.embed.check("embed", a.patch_pixels(), d)?;
        if self.pos.len() != a.tokens() * d {
            return config_error(format!("pos holds {} values, {}x{d} needed", self.pos.len(), a.tokens()));
        }
        if self.blocks.len() != a.blocks {
            return config_error(format!("{} blocks stored, the architecture has {}", self.blocks.len(), a.blocks));
        }
        for b in &self.blocks {
            b.ln1.check("ln1", d)?;
            b.q.check("q", d, d)?;
            b.k.check("k", d, d)?;
            b.v.check("v", d, d)?;
            b.o.check("o", d, d)?;
            b.ln2.check("ln2", d)?;
            b.mlp_in.check("mlp_in", d, hid)?;
            b.mlp_out.check("mlp_out", hid, d)?;
        }
        self.ln_final.check("ln_final", d)?;
        self.head.check("head", d, a.classes)?;
        Ok(())
    }
}

/// The trained HE-friendly weights of either form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ModelParams {
    /// The vision form (BatchNorms). Untagged: checkpoints written before
    /// the language form hold exactly this object.
    Vision(HeParams),
    /// The language form (LayerNorms).
    Language(LangParams),
}

impl ModelParams {
    /// The shape.
    pub fn arch(&self) -> &ArchConfig {
        match self {
            Self::Vision(p) => &p.arch,
            Self::Language(p) => &p.arch,
        }
    }

    /// Checks every shape.
    pub fn validate(&self) -> Result<()> {
        match self {
            Self::Vision(p) => p.validate(),
            Self::Language(p) => p.validate(),
        }
    }
}

/// The uniform generator of initial weights (ChaCha8).
pub struct Rng(rand_chacha::ChaCha8Rng);

impl Rng {
    /// A stream for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(rand_chacha::ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in `[-bound, bound)`.
    pub fn uniform(&mut self, bound: f32) -> f32 {
        let u = (self.0.next_u32() >> 8) as f32 / (1u32 << 24) as f32;
        (2.0 * u - 1.0) * bound
    }

    /// `n` uniform values in `[-bound, bound)`.
    pub fn uniform_vec(&mut self, n: usize, bound: f32) -> Vec<f32> {
        (0..n).map(|_| self.uniform(bound)).collect()
    }
}

/// The format name in every checkpoint.
pub const CHECKPOINT_FORMAT: &str = "polyhe-train-checkpoint";
/// The checkpoint version this build writes and reads.
pub const CHECKPOINT_VERSION: u32 = 1;

/// What `polyhe train` leaves for `polyhe convert`: the trained
/// HE-friendly weights and what was measured on the way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// [`CHECKPOINT_FORMAT`].
    pub format: String,
    /// [`CHECKPOINT_VERSION`].
    pub version: u32,
    /// The dataset trained on ("digits" or the IDX folder).
    pub dataset: String,
    /// How the model was trained.
    pub train: TrainConfig,
    /// Test accuracy of the original model trained alongside, if any.
    pub original_acc: Option<f64>,
    /// The HE-friendly weights.
    pub params: ModelParams,
}

impl Checkpoint {
    /// Writes the checkpoint as JSON.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string(self)
            .map_err(|e| TrainError::Checkpoint { path: path.to_path_buf(), reason: e.to_string() })?;
        std::fs::write(path, text).map_err(|source| TrainError::Io { path: path.to_path_buf(), source })
    }

    /// Reads and checks a checkpoint.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read(path).map_err(|source| TrainError::Io { path: path.to_path_buf(), source })?;
        let bad = |reason: String| TrainError::Checkpoint { path: path.to_path_buf(), reason };
        let c: Self = serde_json::from_slice(&text).map_err(|e| bad(e.to_string()))?;
        if c.format != CHECKPOINT_FORMAT {
            return Err(bad(format!("format {:?}, expected {CHECKPOINT_FORMAT:?}", c.format)));
        }
        if c.version != CHECKPOINT_VERSION {
            return Err(bad(format!("version {}, this build reads {CHECKPOINT_VERSION}", c.version)));
        }
        c.params.validate().map_err(|e| bad(e.to_string()))?;
        Ok(c)
    }
}
