//! The encrypted forward pass, in the order of [`crate::nn`]'s plaintext
//! evaluator, with the foldings described in the module docs.

use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use super::plan::HePlan;
use super::{Error, Result};
use crate::ckks::{Ciphertext, Evaluator};
use crate::nn::{Linear, Model};

/// What a timed section of the evaluation does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum OpKind {
    /// Plaintext-weight affine maps (constant products, additions, one
    /// rescale per output column, positional plaintexts).
    Linear,
    /// Slot rotations (key switching with Galois keys).
    Rotation,
    /// Encrypted-times-encrypted products of attention (`Q K^T`, `A V`)
    /// with their relinearisation and rescale.
    AttentionProduct,
    /// Chebyshev polynomials of the activations (products,
    /// relinearisations, rescales inside).
    Activation,
}

impl OpKind {
    /// Every kind, in report order.
    pub const ALL: [OpKind; 4] = [OpKind::Linear, OpKind::Rotation, OpKind::AttentionProduct, OpKind::Activation];

    /// A short name for tables and JSON.
    pub fn name(self) -> &'static str {
        match self {
            OpKind::Linear => "linear",
            OpKind::Rotation => "rotations",
            OpKind::AttentionProduct => "attention_products",
            OpKind::Activation => "activations",
        }
    }
}

/// Receives progress and supplies a clock (the core has none).
pub trait Observer {
    /// Nanoseconds from any fixed origin (0 if no clock).
    fn now_ns(&mut self) -> u64 {
        0
    }
    /// `done` of `total` units of work are finished.
    fn progress(&mut self, _done: u64, _total: u64) {}
}

/// An observer that ignores everything.
pub struct Silent;

impl Observer for Silent {}

/// Time spent per layer and kind of operation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// `(layer, kind, nanoseconds)`, in evaluation order, one entry per
    /// timed section.
    pub sections: Vec<(String, OpKind, u64)>,
}

impl Profile {
    /// Total nanoseconds of one kind.
    pub fn by_kind(&self, kind: OpKind) -> u64 {
        self.sections.iter().filter(|s| s.1 == kind).map(|s| s.2).sum()
    }

    /// Total nanoseconds per layer, in first-seen order.
    pub fn by_layer(&self) -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = Vec::new();
        for (layer, _, ns) in &self.sections {
            match out.iter_mut().find(|(l, _)| l == layer) {
                Some(e) => e.1 += ns,
                None => out.push((layer.clone(), *ns)),
            }
        }
        out
    }

    /// Total nanoseconds.
    pub fn total(&self) -> u64 {
        self.sections.iter().map(|s| s.2).sum()
    }
}

/// A per-output bias: one constant per column, or one per token and
/// column (the positional embedding folded in).
#[derive(Clone, Debug)]
enum Bias {
    Column(Vec<f64>),
    Token(Vec<f64>),
}

/// `y = x W + bias` over ciphertext columns, `W` `[inputs][outputs]`.
#[derive(Clone, Debug)]
struct Affine {
    inputs: usize,
    outputs: usize,
    weight: Vec<f64>,
    bias: Bias,
}

impl Affine {
    fn from_linear(l: &Linear) -> Self {
        Self {
            inputs: l.inputs as usize,
            outputs: l.outputs as usize,
            weight: l.weight.iter().map(|&w| f64::from(w)).collect(),
            bias: Bias::Column(l.bias.iter().map(|&b| f64::from(b)).collect()),
        }
    }

    /// `first` then `second` as one map (`x W1 W2 + b1 W2 + b2`); a
    /// per-token bias of `first` stays per token.
    fn then(&self, second: &Affine, tokens: usize) -> Self {
        let (ni, nm, no) = (self.inputs, self.outputs, second.outputs);
        let mut weight = vec![0.0; ni * no];
        for i in 0..ni {
            for m in 0..nm {
                let w = self.weight[i * nm + m];
                for o in 0..no {
                    weight[i * no + o] += w * second.weight[m * no + o];
                }
            }
        }
        let through = |b: &[f64]| -> Vec<f64> {
            (0..no).map(|o| (0..nm).map(|m| b[m] * second.weight[m * no + o]).sum::<f64>()).collect()
        };
        let b2 = match &second.bias {
            Bias::Column(b) => b.clone(),
            Bias::Token(_) => vec![0.0; no],
        };
        let bias = match &self.bias {
            Bias::Column(b) => Bias::Column(through(b).iter().zip(&b2).map(|(x, y)| x + y).collect()),
            Bias::Token(b) => Bias::Token(
                b.chunks_exact(nm)
                    .take(tokens)
                    .flat_map(|row| through(row).into_iter().zip(&b2).map(|(x, y)| x + y))
                    .collect(),
            ),
        };
        Self { inputs: ni, outputs: no, weight, bias }
    }

    /// Multiplies output column `o` (weights and bias) by `s[o]` and adds
    /// `t[o]` to its bias.
    fn scale_outputs(&mut self, s: &[f64], t: &[f64]) {
        let no = self.outputs;
        for row in self.weight.chunks_exact_mut(no) {
            for (w, k) in row.iter_mut().zip(s) {
                *w *= k;
            }
        }
        match &mut self.bias {
            Bias::Column(b) => b.iter_mut().zip(s.iter().zip(t)).for_each(|(b, (k, c))| *b = *b * k + c),
            Bias::Token(b) => {
                for row in b.chunks_exact_mut(no) {
                    row.iter_mut().zip(s.iter().zip(t)).for_each(|(b, (k, c))| *b = *b * k + c)
                }
            }
        }
    }

    fn apply(&self, ev: &Evaluator, plan: &HePlan, x: &[Ciphertext], scale: f64) -> Result<Vec<Ciphertext>> {
        if x.len() != self.inputs {
            return Err(Error::Shape { what: "affine map inputs", expected: self.inputs, actual: x.len() });
        }
        let no = self.outputs;
        let mut out = Vec::with_capacity(no);
        for o in 0..no {
            let terms: Vec<(&Ciphertext, f64)> =
                x.iter().enumerate().map(|(i, c)| (c, self.weight[i * no + o])).collect();
            let c0 = match &self.bias {
                Bias::Column(b) => b[o],
                Bias::Token(_) => 0.0,
            };
            let mut y = ev.linear_combination(&terms, c0, scale)?;
            if let Bias::Token(b) = &self.bias {
                let lay = plan.layout;
                let mut v = vec![0.0; lay.slots];
                for t in 0..lay.tokens {
                    v[t * lay.batch..(t + 1) * lay.batch].fill(b[t * no + o]);
                }
                let pt = ev.context().encode_real(&v, y.level(), y.scale())?;
                y = ev.add_plain(&y, &pt)?;
            }
            out.push(y);
        }
        Ok(out)
    }
}

/// One block, folded and with the activations' interval maps absorbed.
#[derive(Clone, Debug)]
struct PreparedBlock {
    q: Affine,
    k: Affine,
    v: Affine,
    /// Per head: added to the score after the product (interval map).
    score_shift: Vec<f64>,
    attn: Vec<f64>,
    o: Affine,
    mlp_in: Affine,
    mlp: Vec<f64>,
    mlp_out: Affine,
}

/// A model prepared for encrypted evaluation under one [`HePlan`].
#[derive(Clone, Debug)]
pub struct EncryptedModel<'p> {
    plan: &'p HePlan,
    width: usize,
    heads: usize,
    /// Multiply attention weights by the causal 0/1 mask.
    causal: bool,
    /// Patches -> X (the residual stream of block 0).
    embed: Affine,
    blocks: Vec<PreparedBlock>,
    head: Affine,
}

/// `2 / (b - a)` and `-(a + b) / (b - a)`: the map of `[a, b]` onto `[-1, 1]`.
fn interval_map(t: &crate::approx::ApproxTable) -> (f64, f64) {
    let (a, b) = t.interval();
    (2.0 / (b - a), -(a + b) / (b - a))
}

impl<'p> EncryptedModel<'p> {
    /// Folds `model` for `plan` (made from the same model).
    pub fn new(model: &Model, plan: &'p HePlan) -> Result<Self> {
        model.validate()?;
        super::plan::check_supported(model)?;
        let c = &model.config;
        let (d, l, heads, dh) = (c.width as usize, c.tokens(), c.heads as usize, c.head_dim());
        if plan.layout.tokens != l || plan.inputs != c.patch_pixels() || plan.outputs != c.classes as usize {
            return Err(Error::Unsupported { reason: "the plan was made for another model" });
        }
        // Embedding with the positional embedding as a per-token bias.
        let mut embed = Affine::from_linear(&model.embed);
        let be: Vec<f64> = model.embed.bias.iter().map(|&b| f64::from(b)).collect();
        embed.bias = Bias::Token(
            (0..l)
                .flat_map(|t| (0..d).map(move |f| (t, f)))
                .map(|(t, f)| be[f] + f64::from(model.pos[t * d + f]))
                .collect(),
        );
        let mut blocks = Vec::new();
        for (i, b) in model.blocks.iter().enumerate() {
            let lift = |lin: &Linear| {
                let a = Affine::from_linear(lin);
                if i == 0 {
                    embed.then(&a, l)
                } else {
                    a
                }
            };
            let (alpha, beta) = interval_map(&b.attn_act);
            let mut q = lift(&b.q);
            let scale: Vec<f64> = (0..d).map(|f| alpha * f64::from(b.score_scale[f / dh])).collect();
            q.scale_outputs(&scale, &vec![0.0; d]);
            let score_shift = (0..heads).map(|h| alpha * f64::from(b.score_shift[h]) + beta).collect();
            let (am, bm) = interval_map(&b.mlp_act);
            let mut mlp_in = Affine::from_linear(&b.mlp_in);
            mlp_in.scale_outputs(&vec![am; mlp_in.outputs], &vec![bm; mlp_in.outputs]);
            blocks.push(PreparedBlock {
                q,
                k: lift(&b.k),
                v: lift(&b.v),
                score_shift,
                attn: b.attn_act.coeffs_f64(),
                o: Affine::from_linear(&b.o),
                mlp_in,
                mlp: b.mlp_act.coeffs_f64(),
                mlp_out: Affine::from_linear(&b.mlp_out),
            });
        }
        // Mean pooling after the (linear) classifier: weights and bias / L,
        // the L token copies of the bias sum back to it.
        let mut head = Affine::from_linear(&model.head);
        let inv_l = 1.0 / l as f64;
        head.scale_outputs(&vec![inv_l; head.outputs], &vec![0.0; head.outputs]);
        Ok(Self { plan, width: d, heads, causal: c.causal, embed, blocks, head })
    }

    /// Units of work one [`EncryptedModel::forward`] reports to its
    /// [`Observer`] (ciphertexts produced, roughly).
    pub fn work_units(&self) -> u64 {
        let l = self.plan.layout.tokens as u64;
        let mut total = self.embed.outputs as u64 + 2 * self.head.outputs as u64;
        for b in &self.blocks {
            total += 7 * self.width as u64 + self.heads as u64 * l + 2 * b.mlp_in.outputs as u64;
        }
        total
    }

    /// Evaluates the model on the encrypted input columns (one per patch
    /// pixel, packed by [`super::Layout::pack_images`], at a level of at
    /// least the plan's depth): one ciphertext per class whose slot
    /// `sample` (token 0) holds that sample's logit. The evaluator needs
    /// the relinearisation key and the Galois keys of
    /// [`HePlan::rotations`].
    pub fn forward(
        &self,
        ev: &Evaluator,
        inputs: &[Ciphertext],
        obs: &mut dyn Observer,
        profile: &mut Profile,
    ) -> Result<Vec<Ciphertext>> {
        let plan = self.plan;
        if inputs.len() != plan.inputs {
            return Err(Error::Shape { what: "input ciphertexts", expected: plan.inputs, actual: inputs.len() });
        }
        for ct in inputs {
            if ct.level() < plan.depth || ct.slots() != plan.layout.slots {
                return Err(Error::InputLevel {
                    level: ct.level(),
                    slots: ct.slots(),
                    want_level: plan.depth,
                    want_slots: plan.layout.slots,
                });
            }
        }
        let scale = ev.context().params().default_scale();
        let (total, mut done) = (self.work_units(), 0u64);
        let mut run = Run { obs, profile, total, done: &mut done };
        let mut x =
            run.timed("embedding", OpKind::Linear, self.embed.outputs, || self.embed.apply(ev, plan, inputs, scale))?;
        for (i, b) in self.blocks.iter().enumerate() {
            let layer = format!("block {i} attention");
            let src = if i == 0 { inputs } else { &x[..] };
            let (q, k, v) = run.timed(&layer, OpKind::Linear, 3 * self.width, || {
                Ok((
                    b.q.apply(ev, plan, src, scale)?,
                    b.k.apply(ev, plan, src, scale)?,
                    b.v.apply(ev, plan, src, scale)?,
                ))
            })?;
            // Baby-step giant-step over the shifts r = g n1 + j (module docs).
            let lay = plan.layout;
            let (n1, n2) = lay.bsgs();
            let giant = |g: usize| (g * n1 * lay.batch) as i64;
            let baby: Vec<i64> = (0..n1).map(|j| (j * lay.batch) as i64).collect();
            let giants_back: Vec<i64> = (0..n2).map(|g| -giant(g)).collect();
            let (d, dh) = (self.width, self.width / self.heads);
            // kb[f][j] = rot(K_f, j B), qg[f][g] = rot(Q_f, -g n1 B).
            let (kb, qg) = run.timed(&layer, OpKind::Rotation, 2 * d, || {
                let kb = k.iter().map(|c| ev.rotate_hoisted(c, &baby)).collect::<crate::Result<Vec<_>>>()?;
                let qg = q.iter().map(|c| ev.rotate_hoisted(c, &giants_back)).collect::<crate::Result<Vec<_>>>()?;
                Ok((kb, qg))
            })?;
            // attn[h][r]: the activated scores of head h at shift r,
            // S_{g n1 + j} = rot(sum_f qg[f][g] kb[f][j], g n1 B).
            let mut attn: Vec<Vec<Ciphertext>> = Vec::with_capacity(self.heads);
            for h in 0..self.heads {
                let mut row = Vec::with_capacity(lay.tokens);
                // `g` and `j` index the inner dimensions of every column's
                // rotations (`qg[f][g]`, `kb[f][j]`), not one slice.
                #[allow(clippy::needless_range_loop)]
                for g in 0..n2 {
                    for j in 0..n1 {
                        let s = run.timed(&layer, OpKind::AttentionProduct, 0, || {
                            let pairs: Vec<(&Ciphertext, &Ciphertext)> =
                                (h * dh..(h + 1) * dh).map(|f| (&qg[f][g], &kb[f][j])).collect();
                            let s = ev.rescale(&ev.mul_sum_relin(&pairs)?)?;
                            // A constant commutes with the rotation below.
                            Ok(ev.add_const(&s, b.score_shift[h])?)
                        })?;
                        let s = if g == 0 {
                            s
                        } else {
                            run.timed(&layer, OpKind::Rotation, 0, || Ok(ev.rotate(&s, giant(g))?))?
                        };
                        let a =
                            run.timed(&layer, OpKind::Activation, 1, || Ok(ev.eval_chebyshev(&s, &b.attn, scale)?))?;
                        let a = if self.causal {
                            run.timed(&layer, OpKind::Linear, 0, || causal_mask(ev, plan, &a, g * n1 + j))?
                        } else {
                            a
                        };
                        row.push(a);
                    }
                }
                attn.push(row);
            }
            // O_f = sum_g rot(sum_j rot(A_{g n1 + j}, -g n1 B) rot(V_f, j B), g n1 B),
            // V dropped to A's level first (cheaper rotations).
            let level = attn[0][0].level();
            let (vb, ag) = run.timed(&layer, OpKind::Rotation, d, || {
                let vb = v
                    .iter()
                    .map(|c| ev.rotate_hoisted(&ev.drop_level(c, c.level() - level)?, &baby))
                    .collect::<crate::Result<Vec<_>>>()?;
                let ag = attn
                    .iter()
                    .map(|row| {
                        row.iter()
                            .enumerate()
                            .map(|(r, a)| if r < n1 { Ok(a.clone()) } else { ev.rotate(a, -giant(r / n1)) })
                            .collect::<crate::Result<Vec<_>>>()
                    })
                    .collect::<crate::Result<Vec<_>>>()?;
                Ok((vb, ag))
            })?;
            let partial = run.timed(&layer, OpKind::AttentionProduct, d, || {
                (0..d)
                    .map(|f| {
                        (0..n2)
                            .map(|g| {
                                let pairs: Vec<(&Ciphertext, &Ciphertext)> =
                                    (0..n1).map(|j| (&ag[f / dh][g * n1 + j], &vb[f][j])).collect();
                                ev.rescale(&ev.mul_sum_relin(&pairs)?)
                            })
                            .collect::<crate::Result<Vec<_>>>()
                    })
                    .collect::<crate::Result<Vec<_>>>()
                    .map_err(Error::from)
            })?;
            let out = run.timed(&layer, OpKind::Rotation, 0, || {
                partial
                    .iter()
                    .map(|parts| {
                        let mut acc = parts[0].clone();
                        for (g, p) in parts.iter().enumerate().skip(1) {
                            ev.add_assign(&mut acc, &ev.rotate(p, giant(g))?)?;
                        }
                        Ok(acc)
                    })
                    .collect::<Result<Vec<_>>>()
            })?;
            x = run.timed(&layer, OpKind::Linear, self.width, || residual(ev, plan, &b.o, &out, &x))?;
            let layer = format!("block {i} mlp");
            let hidden = b.mlp_in.outputs;
            let pre = run.timed(&layer, OpKind::Linear, hidden, || b.mlp_in.apply(ev, plan, &x, scale))?;
            let act = run.timed(&layer, OpKind::Activation, hidden, || {
                pre.iter().map(|t| ev.eval_chebyshev(t, &b.mlp, scale).map_err(Error::from)).collect::<Result<Vec<_>>>()
            })?;
            x = run.timed(&layer, OpKind::Linear, self.width, || residual(ev, plan, &b.mlp_out, &act, &x))?;
        }
        let classes = self.head.outputs;
        let mut y = run.timed("classifier", OpKind::Linear, classes, || self.head.apply(ev, plan, &x, scale))?;
        run.timed("classifier", OpKind::Rotation, classes, || {
            let mut step = plan.layout.batch;
            while step < plan.layout.slots {
                for c in &mut y {
                    let r = ev.rotate(c, step as i64)?;
                    ev.add_assign(c, &r)?;
                }
                step *= 2;
            }
            Ok(())
        })?;
        Ok(y)
    }
}

/// The activated scores of shift `r` times the causal mask: token `i`
/// attends to `j = (i + r) mod L` only if `j <= i`, that is for `r = 0` or
/// `i >= L - r`. One plaintext product and rescale (one level, the same
/// for every shift so that all of them stay at one level; the constant
/// is encoded at the rescaled prime so the scale is restored exactly).
fn causal_mask(ev: &Evaluator, plan: &HePlan, a: &Ciphertext, r: usize) -> Result<Ciphertext> {
    let lay = plan.layout;
    let mut v = vec![0.0; lay.slots];
    for t in 0..lay.tokens {
        if r == 0 || t >= lay.tokens - r {
            v[t * lay.batch..(t + 1) * lay.batch].fill(1.0);
        }
    }
    let divisor = ev.rescale_divisor(a.level())?;
    let pt = ev.context().encode_real(&v, a.level(), divisor)?;
    let mut out = ev.rescale(&ev.mul_plain(a, &pt)?)?;
    out.set_scale(a.scale())?;
    Ok(out)
}

/// `x + f(inputs)` with `f`'s output at `x`'s scale and level.
fn residual(
    ev: &Evaluator,
    plan: &HePlan,
    f: &Affine,
    inputs: &[Ciphertext],
    x: &[Ciphertext],
) -> Result<Vec<Ciphertext>> {
    let scale = x.first().map(Ciphertext::scale).unwrap_or(1.0);
    let y = f.apply(ev, plan, inputs, scale)?;
    y.iter()
        .zip(x)
        .map(|(y, x)| {
            let x = ev.drop_level(x, x.level() - y.level())?;
            Ok(ev.add(y, &x)?)
        })
        .collect()
}

struct Run<'o, 'd> {
    obs: &'o mut dyn Observer,
    profile: &'o mut Profile,
    total: u64,
    done: &'d mut u64,
}

impl Run<'_, '_> {
    fn timed<T>(&mut self, layer: &str, kind: OpKind, units: usize, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let t0 = self.obs.now_ns();
        let out = f()?;
        let ns = self.obs.now_ns().saturating_sub(t0);
        match self.profile.sections.last_mut() {
            Some(last) if last.0 == layer && last.1 == kind => last.2 += ns,
            _ => self.profile.sections.push((String::from(layer), kind, ns)),
        }
        *self.done += units as u64;
        self.obs.progress(*self.done, self.total);
        Ok(out)
    }
}
