//! The two vision transformers in burn: the original (softmax attention,
//! pre-LayerNorm) and the HE-friendly form, in the layer order of
//! `polyhe_core::nn` so that every BatchNorm folds into a neighbour.
//!
//! Tensors are `[batch, tokens, features]`; BatchNorm normalises features
//! over batch and tokens (burn's BatchNorm takes channels second, so the
//! token and feature axes are swapped around it).

use burn::module::{Module, Param, RunningState};
use burn::nn::{BatchNorm, BatchNormConfig, LayerNorm, LayerNormConfig};
use burn::tensor::activation;
use burn::tensor::{Device, Tensor, TensorData};

use super::params::{BlockParams, BnParams, HeParams, LangBlockParams, LangParams, LinParams, LnParams, Rng};
use super::{ActivationKind, ArchConfig, Result, TrainError};

/// Reads a tensor back as `f32` values.
pub fn read<const D: usize>(t: Tensor<D>, what: &str) -> Result<Vec<f32>> {
    let data = t.try_into_data().map_err(|e| TrainError::Tensor { what: format!("{what}: {e:?}") })?;
    data.try_to_vec::<f32>().map_err(|e| TrainError::Tensor { what: format!("{what}: {e:?}") })
}

fn tensor1(v: &[f32], device: &Device) -> Tensor<1> {
    Tensor::from_data(TensorData::new(v.to_vec(), [v.len()]), device)
}

/// `y = x W + b` with `W` as `[inputs, outputs]`.
#[derive(Module, Debug)]
pub struct Lin {
    /// Weights, `[inputs, outputs]`.
    pub weight: Param<Tensor<2>>,
    /// Biases, `[outputs]`.
    pub bias: Param<Tensor<1>>,
}

impl Lin {
    /// The map holding `p`'s weights.
    pub fn from_params(p: &LinParams, device: &Device) -> Self {
        Self {
            weight: Param::from_data(TensorData::new(p.weight.clone(), [p.inputs, p.outputs]), device),
            bias: Param::from_data(TensorData::new(p.bias.clone(), [p.outputs]), device),
        }
    }

    /// The weights as plain vectors.
    pub fn to_params(&self) -> Result<LinParams> {
        let [inputs, outputs] = self.weight.val().dims();
        Ok(LinParams {
            inputs,
            outputs,
            weight: read(self.weight.val(), "linear weight")?,
            bias: read(self.bias.val(), "linear bias")?,
        })
    }

    /// On `[n, inputs]`.
    pub fn forward2(&self, x: Tensor<2>) -> Tensor<2> {
        x.matmul(self.weight.val()) + self.bias.val().unsqueeze::<2>()
    }

    /// On `[batch, tokens, inputs]`.
    pub fn forward3(&self, x: Tensor<3>) -> Tensor<3> {
        let [b, l, i] = x.dims();
        let y = self.forward2(x.reshape([b * l, i]));
        let o = y.dims()[1];
        y.reshape([b, l, o])
    }
}

fn bn_from_params(p: &BnParams, device: &Device) -> BatchNorm {
    let mut bn = BatchNormConfig::new(p.len()).with_epsilon(p.eps).init(device);
    bn.gamma = Param::from_data(TensorData::new(p.gamma.clone(), [p.len()]), device);
    bn.beta = Param::from_data(TensorData::new(p.beta.clone(), [p.len()]), device);
    bn.running_mean = RunningState::new(tensor1(&p.mean, device));
    bn.running_var = RunningState::new(tensor1(&p.var, device));
    bn
}

fn bn_to_params(bn: &BatchNorm) -> Result<BnParams> {
    Ok(BnParams {
        gamma: read(bn.gamma.val(), "BatchNorm gamma")?,
        beta: read(bn.beta.val(), "BatchNorm beta")?,
        mean: read(bn.running_mean.value(), "BatchNorm running mean")?,
        var: read(bn.running_var.value(), "BatchNorm running variance")?,
        eps: bn.epsilon,
    })
}

/// BatchNorm of the features of `[batch, tokens, features]`.
fn bn_tokens(bn: &BatchNorm, x: Tensor<3>) -> Tensor<3> {
    bn.forward(x.swap_dims(1, 2)).swap_dims(1, 2)
}

/// `[b, l, d]` to `[b, heads, l, d / heads]`.
fn split_heads(t: Tensor<3>, heads: usize) -> Tensor<4> {
    let [b, l, d] = t.dims();
    t.reshape([b, l, heads, d / heads]).swap_dims(1, 2)
}

/// `[b, heads, l, dh]` to `[b, l, heads * dh]`.
fn merge_heads(t: Tensor<4>) -> Tensor<3> {
    let [b, h, l, dh] = t.dims();
    t.swap_dims(1, 2).reshape([b, l, h * dh])
}

/// What an activation site computes.
#[derive(Clone, Debug, PartialEq)]
pub enum SiteAct {
    /// The exact function (training, the HE-friendly model).
    Exact(ActivationKind),
    /// The polynomial `sum_k c_k T_k(t)`, `t = (2x - a - b) / (b - a)`, by
    /// Clenshaw's recurrence as `polyhe_core::approx` evaluates it.
    Poly {
        /// Left end of the interval.
        a: f64,
        /// Right end of the interval.
        b: f64,
        /// Chebyshev coefficients `c_0..=c_d`.
        coeffs: Vec<f64>,
    },
}

impl SiteAct {
    /// Applies the activation elementwise.
    pub fn apply<const D: usize>(&self, x: Tensor<D>) -> Tensor<D> {
        match self {
            Self::Exact(ActivationKind::Relu) => activation::relu(x),
            Self::Exact(ActivationKind::Gelu) => activation::gelu(x),
            Self::Poly { a, b, coeffs } => {
                let t = x.mul_scalar(2.0 / (b - a)).sub_scalar((a + b) / (b - a));
                let mut b1 = t.zeros_like();
                let mut b2 = t.zeros_like();
                for &c in coeffs.iter().skip(1).rev() {
                    let b0 = t.clone().mul(b1.clone()).mul_scalar(2.0).sub(b2).add_scalar(c);
                    b2 = b1;
                    b1 = b0;
                }
                t.mul(b1).sub(b2).add_scalar(coeffs.first().copied().unwrap_or(0.0))
            }
        }
    }
}

/// A forward pass: logits and the input of every activation site
/// (block-major, attention then MLP), each flattened to `[batch, n]`.
pub struct Forward {
    /// `[batch, classes]`.
    pub logits: Tensor<2>,
    /// Activation inputs per site.
    pub sites: Vec<Tensor<2>>,
    /// Language form: per LayerNorm (block-major: before attention, before
    /// the MLP; then the final one), `v = var + eps` of every token,
    /// `[batch, tokens]`. Empty for the vision form.
    pub norms: Vec<Tensor<2>>,
}

/// How a LayerNorm computes `1 / sqrt(v)`.
#[derive(Clone, Debug, PartialEq)]
pub enum NormAct {
    /// Exactly (training, the HE-friendly model).
    Exact,
    /// The Chebyshev polynomial on `[a, b]` (Clenshaw, as
    /// `polyhe_core::approx` evaluates it), then `newton` steps
    /// `y <- y (3 - v y^2) / 2`.
    Poly {
        /// Left end of the interval.
        a: f64,
        /// Right end of the interval.
        b: f64,
        /// Chebyshev coefficients.
        coeffs: Vec<f64>,
        /// Newton steps.
        newton: u32,
    },
}

impl NormAct {
    fn apply(&self, v: Tensor<3>) -> Tensor<3> {
        match self {
            Self::Exact => v.sqrt().recip(),
            Self::Poly { a, b, coeffs, newton } => {
                let mut y = SiteAct::Poly { a: *a, b: *b, coeffs: coeffs.clone() }.apply(v.clone());
                for _ in 0..*newton {
                    // y (3 - v y^2) / 2
                    y = y.clone().mul(v.clone().mul(y.clone().square()).neg().add_scalar(3.0)).mul_scalar(0.5);
                }
                y
            }
        }
    }
}

/// LayerNorm with its `1 / sqrt` exposed (language form).
#[derive(Module, Debug)]
pub struct Ln {
    gamma: Param<Tensor<1>>,
    beta: Param<Tensor<1>>,
}

impl Ln {
    fn from_params(p: &LnParams, device: &Device) -> Self {
        let n = p.gamma.len();
        Self {
            gamma: Param::from_data(TensorData::new(p.gamma.clone(), [n]), device),
            beta: Param::from_data(TensorData::new(p.beta.clone(), [p.beta.len()]), device),
        }
    }

    fn to_params(&self) -> Result<LnParams> {
        Ok(LnParams {
            gamma: read(self.gamma.val(), "LayerNorm gain")?,
            beta: read(self.beta.val(), "LayerNorm bias")?,
        })
    }

    /// On `[b, l, d]`; pushes `v = var + eps` (`[b, l]`) to `norms`.
    fn forward(&self, x: Tensor<3>, eps: f64, act: &NormAct, norms: &mut Vec<Tensor<2>>) -> Tensor<3> {
        let [b, l, _] = x.dims();
        let xc = x.clone() - x.mean_dim(2);
        let v = xc.clone().square().mean_dim(2).add_scalar(eps);
        norms.push(v.clone().reshape([b, l]));
        let r = act.apply(v);
        xc.mul(r) * self.gamma.val().unsqueeze::<3>() + self.beta.val().unsqueeze::<3>()
    }
}

/// `[l, l]` causal 0/1 mask (1 where `j <= i`) as `[1, 1, l, l]`.
fn causal_mask(l: usize, device: &Device) -> Tensor<4> {
    let m: Vec<f32> = (0..l * l).map(|k| if k % l <= k / l { 1.0 } else { 0.0 }).collect();
    Tensor::<2>::from_data(TensorData::new(m, [l, l]), device).unsqueeze::<4>()
}

/// One block of the HE-friendly language form.
#[derive(Module, Debug)]
pub struct LangBlock {
    ln1: Ln,
    q: Lin,
    k: Lin,
    v: Lin,
    o: Lin,
    ln2: Ln,
    mlp_in: Lin,
    mlp_out: Lin,
}

/// The HE-friendly language form: pre-LayerNorm (exact or polynomial
/// `1 / sqrt`), causal sigma-attention with the length scaling, mean
/// pooling after a final LayerNorm.
#[derive(Module, Debug)]
pub struct LangModel {
    embed: Lin,
    pos: Param<Tensor<2>>,
    blocks: Vec<LangBlock>,
    ln_final: Ln,
    head: Lin,
    #[module(skip)]
    arch: ArchConfig,
    #[module(skip)]
    eps: f64,
}

impl LangModel {
    /// The model holding `p`'s weights on `device`.
    pub fn from_params(p: &LangParams, device: &Device) -> Result<Self> {
        p.validate()?;
        let blk = |b: &LangBlockParams| LangBlock {
            ln1: Ln::from_params(&b.ln1, device),
            q: Lin::from_params(&b.q, device),
            k: Lin::from_params(&b.k, device),
            v: Lin::from_params(&b.v, device),
            o: Lin::from_params(&b.o, device),
            ln2: Ln::from_params(&b.ln2, device),
            mlp_in: Lin::from_params(&b.mlp_in, device),
            mlp_out: Lin::from_params(&b.mlp_out, device),
        };
        Ok(Self {
            embed: Lin::from_params(&p.embed, device),
            pos: Param::from_data(TensorData::new(p.pos.clone(), [p.arch.tokens(), p.arch.width]), device),
            blocks: p.blocks.iter().map(blk).collect(),
            ln_final: Ln::from_params(&p.ln_final, device),
            head: Lin::from_params(&p.head, device),
            arch: p.arch.clone(),
            eps: p.eps,
        })
    }

    /// The weights as plain vectors.
    pub fn to_params(&self) -> Result<LangParams> {
        let blk = |b: &LangBlock| -> Result<LangBlockParams> {
            Ok(LangBlockParams {
                ln1: b.ln1.to_params()?,
                q: b.q.to_params()?,
                k: b.k.to_params()?,
                v: b.v.to_params()?,
                o: b.o.to_params()?,
                ln2: b.ln2.to_params()?,
                mlp_in: b.mlp_in.to_params()?,
                mlp_out: b.mlp_out.to_params()?,
            })
        };
        Ok(LangParams {
            arch: self.arch.clone(),
            eps: self.eps,
            embed: self.embed.to_params()?,
            pos: read(self.pos.val(), "positional embedding")?,
            blocks: self.blocks.iter().map(blk).collect::<Result<_>>()?,
            ln_final: self.ln_final.to_params()?,
            head: self.head.to_params()?,
        })
    }

    /// Logits, activation inputs and LayerNorm variances for patches
    /// `[batch, tokens, pixels]`; `acts[i]` is site `i`'s activation and
    /// `norms[i]` LayerNorm `i`'s `1 / sqrt` (missing ones: exact).
    pub fn forward(&self, x: Tensor<3>, acts: &[SiteAct], norms: &[NormAct]) -> Forward {
        let a = &self.arch;
        let exact = SiteAct::Exact(a.activation);
        let exact_norm = NormAct::Exact;
        let mut sites = Vec::with_capacity(a.sites());
        let mut vs = Vec::with_capacity(a.norm_sites());
        let mut t = self.embed.forward3(x) + self.pos.val().unsqueeze::<3>();
        let [b, l, _] = t.dims();
        let mask = causal_mask(l, &t.device());
        let h = a.heads;
        for (i, blk) in self.blocks.iter().enumerate() {
            let (act_a, act_m) = (acts.get(2 * i).unwrap_or(&exact), acts.get(2 * i + 1).unwrap_or(&exact));
            let (n1, n2) = (norms.get(2 * i).unwrap_or(&exact_norm), norms.get(2 * i + 1).unwrap_or(&exact_norm));
            let xn = blk.ln1.forward(t.clone(), self.eps, n1, &mut vs);
            let q = split_heads(blk.q.forward3(xn.clone()), h);
            let k = split_heads(blk.k.forward3(xn.clone()), h);
            let v = split_heads(blk.v.forward3(xn), h);
            let s = q.matmul(k.swap_dims(2, 3)).mul_scalar(a.scaling.pre_factor(l) / (a.head_dim() as f64).sqrt());
            sites.push(s.clone().reshape([b, h * l * l]));
            let att = act_a.apply(s) * mask.clone();
            let o = merge_heads(att.matmul(v).mul_scalar(a.scaling.post_factor(l)));
            t = t + blk.o.forward3(o);
            let hidden = blk.mlp_in.forward3(blk.ln2.forward(t.clone(), self.eps, n2, &mut vs));
            sites.push(hidden.clone().reshape([b, l * a.mlp_hidden]));
            t = t + blk.mlp_out.forward3(act_m.apply(hidden));
        }
        let nf = norms.get(2 * self.blocks.len()).unwrap_or(&exact_norm);
        let t = self.ln_final.forward(t, self.eps, nf, &mut vs);
        let d = a.width;
        Forward { logits: self.head.forward2(t.mean_dim(1).reshape([b, d])), sites, norms: vs }
    }
}

/// One HE-friendly block.
#[derive(Module, Debug)]
pub struct HeBlock {
    bn_in: BatchNorm,
    q: Lin,
    k: Lin,
    v: Lin,
    bn_score: BatchNorm,
    bn_heads: BatchNorm,
    o: Lin,
    bn_mlp_in: BatchNorm,
    mlp_in: Lin,
    bn_mlp_hidden: BatchNorm,
    mlp_out: Lin,
}

impl HeBlock {
    fn from_params(p: &BlockParams, device: &Device) -> Self {
        Self {
            bn_in: bn_from_params(&p.bn_in, device),
            q: Lin::from_params(&p.q, device),
            k: Lin::from_params(&p.k, device),
            v: Lin::from_params(&p.v, device),
            bn_score: bn_from_params(&p.bn_score, device),
            bn_heads: bn_from_params(&p.bn_heads, device),
            o: Lin::from_params(&p.o, device),
            bn_mlp_in: bn_from_params(&p.bn_mlp_in, device),
            mlp_in: Lin::from_params(&p.mlp_in, device),
            bn_mlp_hidden: bn_from_params(&p.bn_mlp_hidden, device),
            mlp_out: Lin::from_params(&p.mlp_out, device),
        }
    }

    fn to_params(&self) -> Result<BlockParams> {
        Ok(BlockParams {
            bn_in: bn_to_params(&self.bn_in)?,
            q: self.q.to_params()?,
            k: self.k.to_params()?,
            v: self.v.to_params()?,
            bn_score: bn_to_params(&self.bn_score)?,
            bn_heads: bn_to_params(&self.bn_heads)?,
            o: self.o.to_params()?,
            bn_mlp_in: bn_to_params(&self.bn_mlp_in)?,
            mlp_in: self.mlp_in.to_params()?,
            bn_mlp_hidden: bn_to_params(&self.bn_mlp_hidden)?,
            mlp_out: self.mlp_out.to_params()?,
        })
    }

    fn forward(&self, x: Tensor<3>, arch: &ArchConfig, acts: [&SiteAct; 2], sites: &mut Vec<Tensor<2>>) -> Tensor<3> {
        let [b, l, _] = x.dims();
        let h = arch.heads;
        let xn = bn_tokens(&self.bn_in, x.clone());
        let q = split_heads(self.q.forward3(xn.clone()), h);
        let k = split_heads(self.k.forward3(xn.clone()), h);
        let v = split_heads(self.v.forward3(xn), h);
        let s = q.matmul(k.swap_dims(2, 3)).mul_scalar(1.0 / (arch.head_dim() as f64).sqrt());
        let s = self.bn_score.forward(s).mul_scalar(arch.scaling.pre_factor(l));
        sites.push(s.clone().reshape([b, h * l * l]));
        let a = acts[0].apply(s);
        let o = merge_heads(a.matmul(v).mul_scalar(arch.scaling.post_factor(l)));
        let o = if arch.heads_bn { bn_tokens(&self.bn_heads, o) } else { o };
        let x = x + self.o.forward3(o);
        let hidden = bn_tokens(&self.bn_mlp_hidden, self.mlp_in.forward3(bn_tokens(&self.bn_mlp_in, x.clone())));
        sites.push(hidden.clone().reshape([b, l * arch.mlp_hidden]));
        x + self.mlp_out.forward3(acts[1].apply(hidden))
    }
}

/// The HE-friendly vision transformer (BatchNorms unfolded).
#[derive(Module, Debug)]
pub struct HeModel {
    embed: Lin,
    pos: Param<Tensor<2>>,
    blocks: Vec<HeBlock>,
    bn_final: BatchNorm,
    head: Lin,
    #[module(skip)]
    arch: ArchConfig,
}

impl HeModel {
    /// The model holding `p`'s weights on `device` (an autodiff device to
    /// train it).
    pub fn from_params(p: &HeParams, device: &Device) -> Result<Self> {
        p.validate()?;
        Ok(Self {
            embed: Lin::from_params(&p.embed, device),
            pos: Param::from_data(TensorData::new(p.pos.clone(), [p.arch.tokens(), p.arch.width]), device),
            blocks: p.blocks.iter().map(|b| HeBlock::from_params(b, device)).collect(),
            bn_final: bn_from_params(&p.bn_final, device),
            head: Lin::from_params(&p.head, device),
            arch: p.arch.clone(),
        })
    }

    /// The weights and running statistics as plain vectors.
    pub fn to_params(&self) -> Result<HeParams> {
        Ok(HeParams {
            arch: self.arch.clone(),
            embed: self.embed.to_params()?,
            pos: read(self.pos.val(), "positional embedding")?,
            blocks: self.blocks.iter().map(HeBlock::to_params).collect::<Result<_>>()?,
            bn_final: bn_to_params(&self.bn_final)?,
            head: self.head.to_params()?,
        })
    }

    /// The shape.
    pub fn arch(&self) -> &ArchConfig {
        &self.arch
    }

    /// Logits and activation inputs for patches `[batch, tokens, pixels]`;
    /// `acts[i]` is site `i`'s activation (missing sites: the exact one).
    pub fn forward(&self, x: Tensor<3>, acts: &[SiteAct]) -> Forward {
        let exact = SiteAct::Exact(self.arch.activation);
        let mut sites = Vec::with_capacity(self.arch.sites());
        let mut t = self.embed.forward3(x) + self.pos.val().unsqueeze::<3>();
        for (i, blk) in self.blocks.iter().enumerate() {
            let at = [acts.get(2 * i).unwrap_or(&exact), acts.get(2 * i + 1).unwrap_or(&exact)];
            t = blk.forward(t, &self.arch, at, &mut sites);
        }
        let [b, _, d] = t.dims();
        let pooled = bn_tokens(&self.bn_final, t).mean_dim(1).reshape([b, d]);
        Forward { logits: self.head.forward2(pooled), sites, norms: Vec::new() }
    }
}

/// One original block: pre-LayerNorm, softmax attention, MLP.
#[derive(Module, Debug)]
pub struct OrigBlock {
    ln1: LayerNorm,
    q: Lin,
    k: Lin,
    v: Lin,
    o: Lin,
    ln2: LayerNorm,
    mlp_in: Lin,
    mlp_out: Lin,
}

/// The original vision transformer: the baseline.
#[derive(Module, Debug)]
pub struct OrigModel {
    embed: Lin,
    pos: Param<Tensor<2>>,
    blocks: Vec<OrigBlock>,
    ln_final: LayerNorm,
    head: Lin,
    #[module(skip)]
    arch: ArchConfig,
}

impl OrigModel {
    /// Random initial weights (a ChaCha8 stream of `seed`) on `device`.
    pub fn init(arch: &ArchConfig, seed: u64, device: &Device) -> Result<Self> {
        arch.validate()?;
        let mut rng = Rng::new(seed ^ 0x6f72_6967_696e_616c);
        let (d, hid) = (arch.width, arch.mlp_hidden);
        let mut lin = |i, o| Lin::from_params(&LinParams::init(i, o, &mut rng), device);
        let embed = lin(arch.patch_pixels(), d);
        let blocks = (0..arch.blocks)
            .map(|_| OrigBlock {
                ln1: LayerNormConfig::new(d).init(device),
                q: lin(d, d),
                k: lin(d, d),
                v: lin(d, d),
                o: lin(d, d),
                ln2: LayerNormConfig::new(d).init(device),
                mlp_in: lin(d, hid),
                mlp_out: lin(hid, d),
            })
            .collect();
        let head = lin(d, arch.classes);
        let pos = Rng::new(seed ^ 0x0070_6f73).uniform_vec(arch.tokens() * d, 0.1);
        Ok(Self {
            embed,
            pos: Param::from_data(TensorData::new(pos, [arch.tokens(), d]), device),
            blocks,
            ln_final: LayerNormConfig::new(d).init(device),
            head,
            arch: arch.clone(),
        })
    }

    /// Logits for patches `[batch, tokens, pixels]`.
    pub fn forward(&self, x: Tensor<3>) -> Tensor<2> {
        let act = SiteAct::Exact(self.arch.activation);
        let h = self.arch.heads;
        let mut t = self.embed.forward3(x) + self.pos.val().unsqueeze::<3>();
        for blk in &self.blocks {
            let xn = blk.ln1.forward(t.clone());
            let q = split_heads(blk.q.forward3(xn.clone()), h);
            let k = split_heads(blk.k.forward3(xn.clone()), h);
            let v = split_heads(blk.v.forward3(xn), h);
            let mut s = q.matmul(k.swap_dims(2, 3)).mul_scalar(1.0 / (self.arch.head_dim() as f64).sqrt());
            if self.arch.causal() {
                // Masked scores get -1e9 before the softmax (exp underflows to 0).
                let l = s.dims()[2];
                let m = causal_mask(l, &s.device());
                s = s + m.sub_scalar(1.0).mul_scalar(1e9);
            }
            let o = merge_heads(activation::softmax(s, 3).matmul(v));
            t = t.clone() + blk.o.forward3(o);
            let hidden = act.apply(blk.mlp_in.forward3(blk.ln2.forward(t.clone())));
            t = t.clone() + blk.mlp_out.forward3(hidden);
        }
        let [b, _, d] = t.dims();
        self.head.forward2(blk_mean(self.ln_final.forward(t), b, d))
    }
}

fn blk_mean(t: Tensor<3>, b: usize, d: usize) -> Tensor<2> {
    t.mean_dim(1).reshape([b, d])
}
