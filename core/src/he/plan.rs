//! The HE plan: packing layout, depth per layer, rotations, key-switch
//! counts and the smallest 128-bit parameter set that holds the model.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::{Error, Result};
use crate::ckks::{ChebyshevPlan, Parameters, ParametersLiteral, SecretDistribution};
use crate::nn::{Model, ModelConfig};

/// Where each value sits in the slots (see the module docs): slot
/// `token * batch + sample`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Tokens per sample `L` (a power of two).
    pub tokens: usize,
    /// Samples per ciphertext `B = slots / L`.
    pub batch: usize,
    /// Slots per ciphertext (`N / 2`).
    pub slots: usize,
}

impl Layout {
    /// The layout of `tokens` tokens in `slots` slots.
    pub fn new(tokens: usize, slots: usize) -> Result<Self> {
        if !tokens.is_power_of_two() {
            return Err(Error::Unsupported {
                reason: "the token count (patches per image) must be a power of two: choose a patch size that gives 1, 2, 4, 8, 16, .. patches",
            });
        }
        if tokens > slots {
            return Err(Error::Unsupported { reason: "more tokens than slots" });
        }
        Ok(Self { tokens, batch: slots / tokens, slots })
    }

    /// The slot of `token` of `sample`.
    pub fn slot(&self, token: usize, sample: usize) -> usize {
        token * self.batch + sample
    }

    /// The baby and giant steps `(n1, n2)` of the attention's shifts
    /// `r = g n1 + j` (`n1 = 2^ceil(log2(L) / 2)`, `n1 n2 = L`).
    pub fn bsgs(&self) -> (usize, usize) {
        let log = self.tokens.trailing_zeros();
        let n1 = 1usize << log.div_ceil(2);
        (n1, self.tokens / n1)
    }

    /// The slot rotations (left, in slots) the evaluation uses, sorted:
    /// baby steps `j B` (`0 < j < n1`), giant steps `g n1 B` and their
    /// inverses `(L - g n1) B` (`0 < g < n2`), and the pooling steps
    /// `2^i B`. Rotations are cyclic over `L B` slots, so each is a
    /// multiple of `B` below `L B`.
    pub fn rotations(&self) -> Vec<i64> {
        let (n1, n2) = self.bsgs();
        let mut r = alloc::collections::BTreeSet::new();
        r.extend(1..n1);
        for g in 1..n2 {
            r.insert(g * n1);
            r.insert(self.tokens - g * n1);
        }
        let mut p = 1;
        while p < self.tokens {
            r.insert(p);
            p *= 2;
        }
        r.into_iter().map(|m| (m * self.batch) as i64).collect()
    }

    /// The client's packing of up to `batch` images (pixels row-major,
    /// `config.input_len()` each): one slot vector per patch pixel, in the
    /// order the embedding reads them (see [`crate::nn`]).
    pub fn pack_images(&self, config: &ModelConfig, images: &[&[f64]]) -> Result<Vec<Vec<f64>>> {
        if images.len() > self.batch {
            return Err(Error::Shape { what: "images per ciphertext", expected: self.batch, actual: images.len() });
        }
        let (pr, pc, cols) = (config.patch_rows as usize, config.patch_cols as usize, config.image_cols as usize);
        let per_row = cols / pc.max(1);
        let mut out = vec![vec![0.0; self.slots]; config.patch_pixels()];
        for (s, img) in images.iter().enumerate() {
            if img.len() != config.input_len() {
                return Err(Error::Shape { what: "image length", expected: config.input_len(), actual: img.len() });
            }
            for t in 0..config.tokens() {
                let (r0, c0) = ((t / per_row) * pr, (t % per_row) * pc);
                for dr in 0..pr {
                    for dc in 0..pc {
                        out[dr * pc + dc][self.slot(t, s)] = img[(r0 + dr) * cols + c0 + dc];
                    }
                }
            }
        }
        Ok(out)
    }

    /// The logits of `samples` samples from the decrypted output columns
    /// (one slot vector per class): `logits[s][c]`.
    pub fn unpack_logits(&self, columns: &[Vec<f64>], samples: usize) -> Result<Vec<Vec<f64>>> {
        if samples > self.batch {
            return Err(Error::Shape { what: "samples per ciphertext", expected: self.batch, actual: samples });
        }
        if let Some(c) = columns.iter().find(|c| c.len() < self.slots) {
            return Err(Error::Shape { what: "decrypted slots", expected: self.slots, actual: c.len() });
        }
        Ok((0..samples).map(|s| columns.iter().map(|c| c[self.slot(0, s)]).collect()).collect())
    }
}

/// Levels of one layer of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerDepth {
    /// e.g. "block 0 attention polynomial (degree 15)".
    pub name: String,
    /// Levels it consumes.
    pub levels: u32,
}

/// Everything fixed before keys exist: layout, depth, rotations, counts,
/// parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct HePlan {
    /// The packing.
    pub layout: Layout,
    /// Levels per layer, in evaluation order.
    pub layers: Vec<LayerDepth>,
    /// Total levels (the parameters' `max_level`).
    pub depth: u32,
    /// Rotations needed (exactly these Galois keys are generated).
    pub rotations: Vec<i64>,
    /// Ciphertext rotations per evaluation (key switches).
    pub rotation_count: u64,
    /// Relinearisations per evaluation (key switches).
    pub relin_count: u64,
    /// Input ciphertexts (one per patch pixel).
    pub inputs: usize,
    /// Output ciphertexts (one per class).
    pub outputs: usize,
    /// The CKKS parameters.
    pub params: Parameters,
}

impl HePlan {
    /// The plan with the smallest 128-bit-secure parameter set (N from
    /// 2^13 to 2^16, single 29-bit primes per level, the fewest
    /// key-switching digits that pass the security check).
    pub fn new(model: &Model) -> Result<Self> {
        model.validate()?;
        let depth = Self::depth_of(model)?;
        for log_n in 13..=16u32 {
            if model.config.tokens() > 1 << (log_n - 1) {
                continue;
            }
            for dnum in 1..=depth + 2 {
                if let Ok(params) = Parameters::new(literal(log_n, depth, dnum)) {
                    return Self::with_params(model, params);
                }
            }
        }
        Err(Error::TooDeep { depth })
    }

    /// The plan on given parameters (which must have at least the
    /// model's depth); tests use small insecure sets this way.
    pub fn with_params(model: &Model, params: Parameters) -> Result<Self> {
        model.validate()?;
        let c = &model.config;
        let depth = Self::depth_of(model)?;
        if params.max_level() < depth {
            return Err(Error::TooDeep { depth });
        }
        let layout = Layout::new(c.tokens(), params.slots())?;
        let layers = Self::layers(model);
        let (l, d, hid) = (c.tokens() as u64, c.width as u64, c.mlp_hidden as u64);
        let blocks = c.blocks as u64;
        let (n1, n2) = layout.bsgs();
        let (n1, n2) = (n1 as u64, n2 as u64);
        let heads = c.heads as u64;
        // Scores: one relinearisation per head and shift; A V: one per
        // column and giant step.
        let mut relin = blocks * (heads * l + d * n2);
        for b in &model.blocks {
            relin += ChebyshevPlan::for_degree(b.attn_act.degree()).products as u64 * heads * l;
            relin += ChebyshevPlan::for_degree(b.mlp_act.degree()).products as u64 * hid;
        }
        // Per block: K and V baby steps, Q and the A V partial sums'
        // giant steps, and the giant-step rotations of scores and of A.
        let per_block = 2 * d * (n1 - 1) + 2 * d * (n2 - 1) + 2 * heads * (n2 - 1) * n1;
        let pool = (c.tokens().trailing_zeros()) as u64 * c.classes as u64;
        Ok(Self {
            layout,
            layers,
            depth,
            rotations: layout.rotations(),
            rotation_count: blocks * per_block + pool,
            relin_count: relin,
            inputs: c.patch_pixels(),
            outputs: c.classes as usize,
            params,
        })
    }

    fn layers(model: &Model) -> Vec<LayerDepth> {
        let mut out = Vec::new();
        let mut push = |name: String, levels: u32| out.push(LayerDepth { name, levels });
        for (i, b) in model.blocks.iter().enumerate() {
            let qkv = if i == 0 { "embedding + Q, K, V (folded)" } else { "Q, K, V" };
            push(format!("block {i} {qkv}"), 1);
            push(format!("block {i} scores Q K^T"), 1);
            let da = ChebyshevPlan::for_degree(b.attn_act.degree()).depth;
            push(format!("block {i} attention {} degree {}", b.attn_act.function().name(), b.attn_act.degree()), da);
            if model.config.causal {
                push(format!("block {i} causal mask"), 1);
            }
            push(format!("block {i} A V"), 1);
            push(format!("block {i} output projection + residual"), 1);
            push(format!("block {i} MLP input"), 1);
            let dm = ChebyshevPlan::for_degree(b.mlp_act.degree()).depth;
            push(format!("block {i} MLP {} degree {}", b.mlp_act.function().name(), b.mlp_act.degree()), dm);
            push(format!("block {i} MLP output + residual"), 1);
        }
        if model.blocks.is_empty() {
            push("embedding".into(), 1);
        }
        push("classifier + mean pooling".into(), 1);
        out
    }

    /// The levels `model` needs.
    pub fn depth_of(model: &Model) -> Result<u32> {
        check_supported(model)?;
        Ok(Self::layers(model).iter().map(|l| l.levels).sum())
    }

    /// Samples evaluated together in one pass.
    pub fn batch(&self) -> usize {
        self.layout.batch
    }

    /// Key switches per evaluation (rotations plus relinearisations).
    pub fn key_switches(&self) -> u64 {
        self.rotation_count + self.relin_count
    }
}

/// Single 29-bit primes per level, two 30-bit base primes (31 bits of
/// headroom for the logits' integer part), ternary secret, sigma 3.2.
fn literal(log_n: u32, depth: u32, dnum: u32) -> ParametersLiteral {
    ParametersLiteral {
        log_n,
        log_scale: 29,
        max_level: depth,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    }
}

/// Refuses what the encrypted evaluator does not run: the language form's
/// LayerNorms (mean, variance, polynomial `1 / sqrt` and Newton steps) are
/// evaluated only by the plaintext evaluator so far.
pub(crate) fn check_supported(model: &Model) -> Result<()> {
    if model.norms.is_some() {
        return Err(Error::Unsupported {
            reason: "the model has LayerNorms (language form) and the encrypted evaluator runs only the vision form \
                     (normalisations folded): only the plaintext evaluator (polyhe_core::nn::Model::logits) runs it",
        });
    }
    Ok(())
}
