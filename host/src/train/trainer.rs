//! Training loops (AdamW, warm-up then cosine decay), evaluation in
//! BatchNorm evaluation mode, and the range loss.
//!
//! ## The range loss
//!
//! `L_range` must keep the *largest* activation input inside the interval
//! the polynomial will cover, not the average one: a mean of squared
//! excesses over all inputs was measured to leave maxima of 9 to 20 for a
//! target of 8, because a few outliers among thousands of inputs barely
//! move a mean. So, per site, with `e = max(|x| - T, 0)`:
//!
//! ```text
//! L_range = sum_sites [ sum(e^2) / batch + max(e)^2 ]
//! ```
//!
//! The first term sums (not averages) over the inputs of a sample, so an
//! outlier weighs the same however many inputs the site has; the second
//! pulls on the batch's single largest input. The polynomial's interval is
//! then fitted at conversion to the inputs *measured* on the training split
//! with BatchNorm in evaluation mode, plus a margin ([`super::convert`]):
//! the target `T` shapes the distribution, the measurement sets the
//! interval.

use burn::module::Module;
use burn::optim::{AdamWConfig, GradientsParams};
use burn::tensor::activation;
use burn::tensor::{Device, Tensor};

use super::batch::Samples;
use super::batch::{batch, batch_shifted, epoch_order, epoch_shifts};
use super::model::{read, HeModel, LangModel, NormAct, OrigModel, SiteAct};
use super::params::{HeParams, LangParams};
use super::{ArchConfig, Result, TrainConfig, TrainError};

/// Samples per evaluation batch.
const EVAL_BATCH: usize = 512;

/// The plain (inference) CPU device.
pub fn device() -> Device {
    Device::flex()
}

/// What one epoch measured.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochStats {
    /// Epoch, 1-based.
    pub epoch: usize,
    /// Epochs in all.
    pub epochs: usize,
    /// Mean total loss over the epoch's steps.
    pub loss: f64,
    /// Mean cross-entropy.
    pub ce: f64,
    /// Mean range loss (0 while it is off).
    pub range: f64,
    /// Training accuracy over the epoch (BatchNorm in training mode).
    pub train_acc: f64,
    /// Largest |activation input| seen during the epoch (training mode).
    pub max_abs: f64,
}

/// Which model an epoch report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The original (softmax, LayerNorm) model.
    Original,
    /// The HE-friendly model.
    HeFriendly,
}

fn learning_rate(cfg: &TrainConfig, step: usize, steps_per_epoch: usize) -> f64 {
    let total = (cfg.epochs * steps_per_epoch).max(1);
    let warm = steps_per_epoch.max(1);
    if step < warm {
        return cfg.lr * (step + 1) as f64 / warm as f64;
    }
    let p = (step - warm) as f64 / (total - warm).max(1) as f64;
    let floor = 0.05 * cfg.lr;
    floor + (cfg.lr - floor) * 0.5 * (1.0 + (std::f64::consts::PI * p).cos())
}

fn cross_entropy(logits: Tensor<2>, onehot: Tensor<2>) -> Tensor<1> {
    let b = logits.dims()[0] as f64;
    activation::log_softmax(logits, 1).mul(onehot).sum().neg().div_scalar(b)
}

/// `L_range` of the module docs for activation inputs `[batch, n]` per
/// site and target `T`.
pub fn range_loss(sites: &[Tensor<2>], target: f64) -> Option<Tensor<1>> {
    sites
        .iter()
        .map(|x| {
            let b = x.dims()[0] as f64;
            let excess = x.clone().abs().sub_scalar(target).clamp_min(0.0);
            excess.clone().square().sum().div_scalar(b) + excess.max().square()
        })
        .reduce(|a, b| a + b)
}

/// `L_var`: the mean second moment of the activation inputs, summed over
/// sites.
pub fn var_loss(sites: &[Tensor<2>]) -> Option<Tensor<1>> {
    sites.iter().map(|x| x.clone().square().mean()).reduce(|a, b| a + b)
}

/// The language form's `L_var` (the paper's variance loss, made
/// two-sided): per LayerNorm, for each token's `v = var + eps`, the
/// relative excess `e = max(v / ceiling - 1, 0) + max(1 - v / floor, 0)`,
/// then `sum(e^2) / batch + max(e)^2` (the shape of [`range_loss`]),
/// summed over the norms. The ceiling bounds the right end of the
/// `1 / sqrt` interval, as in the paper; the floor keeps the left end away
/// from the pole at 0, where a polynomial of low degree cannot follow
/// `1 / sqrt` (measured: variances down to 0.003 without it, a degree-7
/// error of 8 at the left end).
pub fn norm_var_loss(norms: &[Tensor<2>], floor: f64, ceiling: f64) -> Option<Tensor<1>> {
    norms
        .iter()
        .map(|v| {
            let b = v.dims()[0] as f64;
            let hi = v.clone().div_scalar(ceiling).sub_scalar(1.0).clamp_min(0.0);
            let lo = v.clone().div_scalar(floor).neg().add_scalar(1.0).clamp_min(0.0);
            let excess = hi + lo;
            excess.clone().square().sum().div_scalar(b) + excess.max().square()
        })
        .reduce(|a, b| a + b)
}

fn argmax_rows(logits: &[f32], classes: usize) -> Vec<usize> {
    logits
        .chunks_exact(classes.max(1))
        .map(|row| {
            let mut best = 0;
            for (i, v) in row.iter().enumerate() {
                if *v > row[best] {
                    best = i;
                }
            }
            best
        })
        .collect()
}

fn scalar(t: Tensor<1>, what: &str) -> Result<f64> {
    Ok(read(t, what)?.first().copied().map_or(f64::NAN, f64::from))
}

struct Accumulator {
    loss: f64,
    ce: f64,
    range: f64,
    correct: usize,
    seen: usize,
    steps: usize,
    max_abs: f64,
}

impl Accumulator {
    fn new() -> Self {
        Self { loss: 0.0, ce: 0.0, range: 0.0, correct: 0, seen: 0, steps: 0, max_abs: 0.0 }
    }

    fn stats(&self, epoch: usize, epochs: usize) -> EpochStats {
        let s = self.steps.max(1) as f64;
        EpochStats {
            epoch: epoch + 1,
            epochs,
            loss: self.loss / s,
            ce: self.ce / s,
            range: self.range / s,
            train_acc: self.correct as f64 / self.seen.max(1) as f64,
            max_abs: self.max_abs,
        }
    }
}

/// Trains the HE-friendly model from the seed's initial weights and
/// returns its weights in evaluation form (running statistics included).
/// `on_epoch` sees every epoch's statistics (progress bars).
pub fn train_he(
    train: &dyn Samples,
    arch: &ArchConfig,
    cfg: &TrainConfig,
    on_epoch: &mut dyn FnMut(Phase, &EpochStats),
) -> Result<HeParams> {
    cfg.validate()?;
    let init = HeParams::init(arch, cfg.seed)?;
    let dev = device().autodiff();
    let mut model = HeModel::from_params(&init, &dev)?;
    let mut optim = AdamWConfig::new().with_weight_decay(cfg.weight_decay as f32).init();
    let n = train.len();
    let steps_per_epoch = n.div_ceil(cfg.batch_size);
    let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
    let mut step = 0;
    for epoch in 0..cfg.epochs {
        let order = epoch_order(n, cfg.seed, epoch);
        let ranged = epoch >= cfg.range_from_epoch && (cfg.alpha > 0.0 || cfg.beta > 0.0);
        let mut acc = Accumulator::new();
        let shifts = epoch_shifts(n, cfg.shift, cfg.seed, epoch);
        for (k, idx) in order.chunks(cfg.batch_size).enumerate() {
            // A batch of one sample has no batch statistics.
            if idx.len() < 2 {
                continue;
            }
            let sh = shifts.get(k * cfg.batch_size..).unwrap_or(&[]);
            let b = batch_shifted(train, idx, arch, &dev, sh);
            let fwd = model.forward(b.x, &exact);
            let ce = cross_entropy(fwd.logits.clone(), b.y);
            let mut loss = ce.clone();
            let mut range_value = 0.0;
            if ranged {
                if let Some(r) = range_loss(&fwd.sites, cfg.range_target) {
                    range_value = scalar(r.clone().detach(), "range loss")?;
                    loss = loss + r.mul_scalar(cfg.alpha);
                }
                if cfg.beta > 0.0 {
                    if let Some(v) = var_loss(&fwd.sites) {
                        loss = loss + v.mul_scalar(cfg.beta);
                    }
                }
            }
            for s in &fwd.sites {
                acc.max_abs = acc.max_abs.max(scalar(s.clone().detach().abs().max(), "activation maximum")?);
            }
            let logits = read(fwd.logits.detach(), "logits")?;
            let pred = argmax_rows(&logits, arch.classes);
            acc.correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
            acc.seen += idx.len();
            let loss_value = scalar(loss.clone().detach(), "loss")?;
            if !loss_value.is_finite() {
                return Err(TrainError::Diverged { epoch: epoch + 1, loss: loss_value });
            }
            acc.loss += loss_value;
            acc.ce += scalar(ce.detach(), "cross-entropy")?;
            acc.range += range_value;
            acc.steps += 1;
            let grads = GradientsParams::from_grads(loss.backward(), &model);
            model = optim.step(learning_rate(cfg, step, steps_per_epoch), model, grads);
            step += 1;
        }
        on_epoch(Phase::HeFriendly, &acc.stats(epoch, cfg.epochs));
    }
    model.valid().to_params()
}

/// Trains the HE-friendly language form (exact LayerNorm, causal
/// sigma-attention) with `CE + alpha * L_range + beta * L_var`, `L_var`
/// on the LayerNorm variances ([`norm_var_loss`]).
pub fn train_lang(
    train: &dyn Samples,
    arch: &ArchConfig,
    cfg: &TrainConfig,
    on_epoch: &mut dyn FnMut(Phase, &EpochStats),
) -> Result<LangParams> {
    cfg.validate()?;
    let init = LangParams::init(arch, cfg.seed)?;
    let dev = device().autodiff();
    let mut model = LangModel::from_params(&init, &dev)?;
    let mut optim = AdamWConfig::new().with_weight_decay(cfg.weight_decay as f32).init();
    let n = train.len();
    let steps_per_epoch = n.div_ceil(cfg.batch_size);
    let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
    let mut step = 0;
    for epoch in 0..cfg.epochs {
        let order = epoch_order(n, cfg.seed, epoch);
        let ranged = epoch >= cfg.range_from_epoch;
        let mut acc = Accumulator::new();
        let shifts = epoch_shifts(n, cfg.shift, cfg.seed, epoch);
        for (k, idx) in order.chunks(cfg.batch_size).enumerate() {
            let sh = shifts.get(k * cfg.batch_size..).unwrap_or(&[]);
            let b = batch_shifted(train, idx, arch, &dev, sh);
            let fwd = model.forward(b.x, &exact, &[]);
            let ce = cross_entropy(fwd.logits.clone(), b.y);
            let mut loss = ce.clone();
            let mut range_value = 0.0;
            if ranged && cfg.alpha > 0.0 {
                if let Some(r) = range_loss(&fwd.sites, cfg.range_target) {
                    range_value = scalar(r.clone().detach(), "range loss")?;
                    loss = loss + r.mul_scalar(cfg.alpha);
                }
            }
            if ranged && cfg.beta > 0.0 {
                if let Some(v) = norm_var_loss(&fwd.norms, cfg.var_floor, cfg.var_target) {
                    range_value += scalar(v.clone().detach(), "variance loss")?;
                    loss = loss + v.mul_scalar(cfg.beta);
                }
            }
            for s in &fwd.sites {
                acc.max_abs = acc.max_abs.max(scalar(s.clone().detach().abs().max(), "activation maximum")?);
            }
            let logits = read(fwd.logits.detach(), "logits")?;
            let pred = argmax_rows(&logits, arch.classes);
            acc.correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
            acc.seen += idx.len();
            let loss_value = scalar(loss.clone().detach(), "loss")?;
            if !loss_value.is_finite() {
                return Err(TrainError::Diverged { epoch: epoch + 1, loss: loss_value });
            }
            acc.loss += loss_value;
            acc.ce += scalar(ce.detach(), "cross-entropy")?;
            acc.range += range_value;
            acc.steps += 1;
            let grads = GradientsParams::from_grads(loss.backward(), &model);
            model = optim.step(learning_rate(cfg, step, steps_per_epoch), model, grads);
            step += 1;
        }
        on_epoch(Phase::HeFriendly, &acc.stats(epoch, cfg.epochs));
    }
    model.valid().to_params()
}

/// Trains the original model; returns it in evaluation form.
pub fn train_original(
    train: &dyn Samples,
    arch: &ArchConfig,
    cfg: &TrainConfig,
    on_epoch: &mut dyn FnMut(Phase, &EpochStats),
) -> Result<OrigModel> {
    cfg.validate()?;
    let dev = device().autodiff();
    let mut model = OrigModel::init(arch, cfg.seed, &dev)?;
    let mut optim = AdamWConfig::new().with_weight_decay(cfg.weight_decay as f32).init();
    let n = train.len();
    let steps_per_epoch = n.div_ceil(cfg.batch_size);
    let mut step = 0;
    for epoch in 0..cfg.epochs {
        let order = epoch_order(n, cfg.seed, epoch);
        let mut acc = Accumulator::new();
        let shifts = epoch_shifts(n, cfg.shift, cfg.seed, epoch);
        for (k, idx) in order.chunks(cfg.batch_size).enumerate() {
            let sh = shifts.get(k * cfg.batch_size..).unwrap_or(&[]);
            let b = batch_shifted(train, idx, arch, &dev, sh);
            let logits = model.forward(b.x);
            let loss = cross_entropy(logits.clone(), b.y);
            let pred = argmax_rows(&read(logits.detach(), "logits")?, arch.classes);
            acc.correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
            acc.seen += idx.len();
            let loss_value = scalar(loss.clone().detach(), "loss")?;
            if !loss_value.is_finite() {
                return Err(TrainError::Diverged { epoch: epoch + 1, loss: loss_value });
            }
            acc.loss += loss_value;
            acc.ce += loss_value;
            acc.steps += 1;
            let grads = GradientsParams::from_grads(loss.backward(), &model);
            model = optim.step(learning_rate(cfg, step, steps_per_epoch), model, grads);
            step += 1;
        }
        on_epoch(Phase::Original, &acc.stats(epoch, cfg.epochs));
    }
    Ok(model.valid())
}

/// Accuracy of the original model on `ds`.
pub fn accuracy_original(model: &OrigModel, ds: &dyn Samples, arch: &ArchConfig) -> Result<f64> {
    let dev = device();
    let mut correct = 0;
    let idx: Vec<usize> = (0..ds.len()).collect();
    for chunk in idx.chunks(EVAL_BATCH) {
        let b = batch(ds, chunk, arch, &dev);
        let pred = argmax_rows(&read(model.forward(b.x), "logits")?, arch.classes);
        correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
    }
    Ok(correct as f64 / ds.len().max(1) as f64)
}

/// An evaluation of the HE-friendly (or polynomial) model in BatchNorm
/// evaluation mode.
#[derive(Clone, Debug, PartialEq)]
pub struct HeEval {
    /// Fraction of `ds` classified correctly.
    pub accuracy: f64,
    /// Logits, `[samples, classes]` row-major.
    pub logits: Vec<f32>,
    /// Per site, the smallest and largest activation input.
    pub ranges: Vec<[f64; 2]>,
}

/// Evaluates the language form `params` on `ds` with the activations
/// `acts` and the LayerNorms' `1 / sqrt` `norms` (exact or polynomial);
/// also returns each LayerNorm's `[min, max]` of `v = var + eps`.
pub fn evaluate_lang(
    params: &LangParams,
    ds: &dyn Samples,
    acts: &[SiteAct],
    norms: &[NormAct],
) -> Result<(HeEval, Vec<[f64; 2]>)> {
    let dev = device();
    let arch = &params.arch;
    let model = LangModel::from_params(params, &dev)?;
    let mut correct = 0;
    let mut logits = Vec::with_capacity(ds.len() * arch.classes);
    let mut ranges = vec![[f64::INFINITY, f64::NEG_INFINITY]; arch.sites()];
    let mut vranges = vec![[f64::INFINITY, f64::NEG_INFINITY]; arch.norm_sites()];
    let idx: Vec<usize> = (0..ds.len()).collect();
    for chunk in idx.chunks(EVAL_BATCH) {
        let b = batch(ds, chunk, arch, &dev);
        let fwd = model.forward(b.x, acts, norms);
        for (r, s) in ranges.iter_mut().zip(fwd.sites).chain(vranges.iter_mut().zip(fwd.norms)) {
            r[0] = r[0].min(scalar(s.clone().min(), "minimum")?);
            r[1] = r[1].max(scalar(s.max(), "maximum")?);
        }
        let l = read(fwd.logits, "logits")?;
        let pred = argmax_rows(&l, arch.classes);
        correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
        logits.extend_from_slice(&l);
    }
    Ok((HeEval { accuracy: correct as f64 / ds.len().max(1) as f64, logits, ranges }, vranges))
}

/// Evaluates `params` on `ds` with the activations `acts` (exact or
/// polynomial per site).
pub fn evaluate_he(params: &HeParams, ds: &dyn Samples, acts: &[SiteAct]) -> Result<HeEval> {
    let dev = device();
    let arch = &params.arch;
    let model = HeModel::from_params(params, &dev)?;
    let mut correct = 0;
    let mut logits = Vec::with_capacity(ds.len() * arch.classes);
    let mut ranges = vec![[f64::INFINITY, f64::NEG_INFINITY]; arch.sites()];
    let idx: Vec<usize> = (0..ds.len()).collect();
    for chunk in idx.chunks(EVAL_BATCH) {
        let b = batch(ds, chunk, arch, &dev);
        let fwd = model.forward(b.x, acts);
        for (r, s) in ranges.iter_mut().zip(fwd.sites) {
            r[0] = r[0].min(scalar(s.clone().min(), "activation minimum")?);
            r[1] = r[1].max(scalar(s.max(), "activation maximum")?);
        }
        let l = read(fwd.logits, "logits")?;
        let pred = argmax_rows(&l, arch.classes);
        correct += pred.iter().zip(&b.labels).filter(|(p, l)| p == l).count();
        logits.extend_from_slice(&l);
    }
    Ok(HeEval { accuracy: correct as f64 / ds.len().max(1) as f64, logits, ranges })
}
