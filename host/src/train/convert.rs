//! Conversion of a trained HE-friendly model into a
//! [`polyhe_core::nn::Model`]: BatchNorms folded into the neighbouring
//! affine maps, each activation's interval fitted to measured inputs, a
//! minimax polynomial per activation.
//!
//! Folding (evaluation-mode BatchNorm is `x * s + t` per feature):
//!
//! ```text
//! q, k, v:  W' = diag(s_in) W,              b' = t_in W + b
//! scores:   scale_h = pre * s_h / sqrt(d_h), shift_h = pre * t_h
//! o:        W' = diag(s_heads * post) W,    b' = t_heads W + b
//!           (W' = post * W without the BatchNorm across heads)
//! mlp_in:   W' = diag(s_1) W diag(s_2),     b' = (t_1 W + b) * s_2 + t_2
//! head:     W' = diag(s_final) W,           b' = t_final W + b
//! ```
//!
//! with `post` the length scaling after the activation (`1 / sqrt(L)` by
//! default) and `pre` the one before it (1 unless the ablation asks). The
//! final BatchNorm commutes with mean pooling, so it folds into the head.
//!
//! Intervals: per site, the inputs measured on the *training* split with
//! BatchNorm in evaluation mode, `[min, max]`, widened on each side by
//! `margin` times its width. The test split then checks them: its inputs
//! (under the polynomial model, where earlier approximation errors move
//! later inputs) are reported against each interval.

use polyhe_core::approx::{Activation, ApproxTable, FitMethod};
use polyhe_core::nn::{ActivationMode, Block, Calibration, LayerNorms, Linear, Model, Norm};
use serde::Serialize;

use super::batch::image_f64;
use super::batch::Samples;
use super::model::{NormAct, SiteAct};
use super::params::{BnParams, HeParams, LangParams, LinParams, LnParams, ModelParams};
use super::trainer::{evaluate_he, evaluate_lang, HeEval};
use super::{config_error, Result};

/// How activations are replaced.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConvertConfig {
    /// Degree of the attention activation's polynomial.
    pub attn_degree: u32,
    /// Degree of the MLP activation's polynomial.
    pub mlp_degree: u32,
    /// Each interval is the measured `[min, max]` widened by `margin`
    /// times its width on both sides.
    pub margin: f64,
    /// Make every interval symmetric, `[-R, R]` with `R` the larger end.
    pub symmetric: bool,
    /// Minimax (Remez) or Chebyshev interpolation.
    #[serde(skip)]
    pub method: FitMethod,
    /// Language form: degree of each LayerNorm's `1 / sqrt` polynomial.
    pub norm_degree: u32,
    /// Language form: Newton steps after each `1 / sqrt` polynomial.
    pub newton_steps: u32,
}

impl Default for ConvertConfig {
    fn default() -> Self {
        Self {
            attn_degree: 7,
            mlp_degree: 7,
            margin: 0.1,
            symmetric: false,
            method: FitMethod::Minimax,
            norm_degree: 7,
            newton_steps: 2,
        }
    }
}

impl ConvertConfig {
    /// Checks the settings.
    pub fn validate(&self) -> Result<()> {
        if self.newton_steps > polyhe_core::nn::MAX_NEWTON_STEPS {
            return config_error(format!(
                "{} Newton steps: at most {}",
                self.newton_steps,
                polyhe_core::nn::MAX_NEWTON_STEPS
            ));
        }
        for d in [self.attn_degree, self.mlp_degree, self.norm_degree] {
            if !(1..=polyhe_core::approx::MAX_DEGREE).contains(&d) {
                return config_error(format!("degree {d} is outside 1..={}", polyhe_core::approx::MAX_DEGREE));
            }
        }
        if !(self.margin.is_finite() && self.margin >= 0.0) {
            return config_error(format!("margin {} must be finite and non-negative", self.margin));
        }
        Ok(())
    }
}

fn diag_in(w: &LinParams, s: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(w.weight.len());
    for (row, si) in w.weight.chunks_exact(w.outputs).zip(s) {
        out.extend(row.iter().map(|&x| f64::from(x) * si));
    }
    out
}

/// `t W + b` for a shift `t` on the inputs.
fn shifted_bias(w: &LinParams, t: &[f64]) -> Vec<f64> {
    let mut b: Vec<f64> = w.bias.iter().map(|&x| f64::from(x)).collect();
    for (row, ti) in w.weight.chunks_exact(w.outputs).zip(t) {
        for (bo, &x) in b.iter_mut().zip(row) {
            *bo += ti * f64::from(x);
        }
    }
    b
}

fn linear(inputs: usize, outputs: usize, weight: &[f64], bias: &[f64]) -> Linear {
    Linear {
        inputs: inputs as u32,
        outputs: outputs as u32,
        weight: weight.iter().map(|&x| x as f32).collect(),
        bias: bias.iter().map(|&x| x as f32).collect(),
    }
}

/// `BN(x) W + b` folded into one affine map.
fn fold_in(bn: &BnParams, w: &LinParams, extra_scale: f64) -> Linear {
    let (s, t) = bn.scale_shift();
    fold_affine(&s, &t, w, extra_scale)
}

/// `(x * s + t) W + b` folded into one affine map, `s` times `extra_scale`.
fn fold_affine(s: &[f64], t: &[f64], w: &LinParams, extra_scale: f64) -> Linear {
    let s: Vec<f64> = s.iter().map(|v| v * extra_scale).collect();
    linear(w.inputs, w.outputs, &diag_in(w, &s), &shifted_bias(w, t))
}

/// A LayerNorm's gain and bias as `(scale, shift)`.
fn ln_affine(ln: &LnParams) -> (Vec<f64>, Vec<f64>) {
    (ln.gamma.iter().map(|&g| f64::from(g)).collect(), ln.beta.iter().map(|&b| f64::from(b)).collect())
}

fn plain(w: &LinParams, scale: f64) -> Linear {
    let weight: Vec<f64> = w.weight.iter().map(|&x| f64::from(x) * scale).collect();
    let bias: Vec<f64> = w.bias.iter().map(|&x| f64::from(x)).collect();
    linear(w.inputs, w.outputs, &weight, &bias)
}

/// Folds the language form: each LayerNorm's gain and bias into the map
/// after it (q, k, v; the MLP input; the classifier, through the mean
/// pooling), `1 / sqrt(d_h)` and the pre-activation length factor into the
/// score scale, the post-activation one into `o`. `tables` are the
/// activations (block-major: attention, MLP), `norm_tables` the `1 / sqrt`
/// of each LayerNorm (block-major, then the final one).
pub fn fold_lang(
    params: &LangParams,
    tables: &[ApproxTable],
    norm_tables: &[ApproxTable],
    newton_steps: u32,
) -> Result<Model> {
    params.validate()?;
    let a = &params.arch;
    if tables.len() != a.sites() || norm_tables.len() != a.norm_sites() {
        return config_error(format!(
            "{} activation and {} LayerNorm tables for {} and {} sites",
            tables.len(),
            norm_tables.len(),
            a.sites(),
            a.norm_sites()
        ));
    }
    let l = a.tokens();
    let (pre, post) = (a.scaling.pre_factor(l), a.scaling.post_factor(l));
    let score = (pre / (a.head_dim() as f64).sqrt()) as f32;
    let norm = |t: &ApproxTable| Norm { eps: params.eps as f32, inv_sqrt: t.clone(), newton_steps };
    let mut blocks = Vec::with_capacity(a.blocks);
    let mut norm_blocks = Vec::with_capacity(a.blocks);
    for ((b, t), nt) in params.blocks.iter().zip(tables.chunks_exact(2)).zip(norm_tables.chunks_exact(2)) {
        let (s1, t1) = ln_affine(&b.ln1);
        let (s2, t2) = ln_affine(&b.ln2);
        blocks.push(Block {
            q: fold_affine(&s1, &t1, &b.q, 1.0),
            k: fold_affine(&s1, &t1, &b.k, 1.0),
            v: fold_affine(&s1, &t1, &b.v, 1.0),
            score_scale: vec![score; a.heads],
            score_shift: vec![0.0; a.heads],
            attn_act: t[0].clone(),
            o: plain(&b.o, post),
            mlp_in: fold_affine(&s2, &t2, &b.mlp_in, 1.0),
            mlp_act: t[1].clone(),
            mlp_out: plain(&b.mlp_out, 1.0),
        });
        norm_blocks.push([norm(&nt[0]), norm(&nt[1])]);
    }
    let (sf, tf) = ln_affine(&params.ln_final);
    let model = Model {
        config: a.core_config()?,
        embed: plain(&params.embed, 1.0),
        pos: params.pos.clone(),
        blocks,
        head: fold_affine(&sf, &tf, &params.head, 1.0),
        calibration: None,
        norms: Some(LayerNorms {
            blocks: norm_blocks,
            last: norm(&norm_tables[norm_tables.len() - 1]),
            ranges: Vec::new(),
        }),
    };
    model.validate()?;
    Ok(model)
}

/// Folds every BatchNorm of `params` and attaches `tables` (block-major:
/// attention, MLP). The result has no calibration yet.
pub fn fold(params: &HeParams, tables: &[ApproxTable]) -> Result<Model> {
    params.validate()?;
    let a = &params.arch;
    if tables.len() != a.sites() {
        return config_error(format!("{} tables for {} activation sites", tables.len(), a.sites()));
    }
    let l = a.tokens();
    let (pre, post) = (a.scaling.pre_factor(l), a.scaling.post_factor(l));
    let inv_sqrt_dh = 1.0 / (a.head_dim() as f64).sqrt();
    let mut blocks = Vec::with_capacity(a.blocks);
    for (b, t) in params.blocks.iter().zip(tables.chunks_exact(2)) {
        let (ss, ts) = b.bn_score.scale_shift();
        // mlp_in: W' = diag(s_1) W diag(s_2), b' = (t_1 W + b) * s_2 + t_2.
        let (s1, t1) = b.bn_mlp_in.scale_shift();
        let (s2, t2) = b.bn_mlp_hidden.scale_shift();
        let hid = b.mlp_in.outputs;
        let w1: Vec<f64> = diag_in(&b.mlp_in, &s1)
            .chunks_exact(hid)
            .flat_map(|row| row.iter().zip(&s2).map(|(w, s)| w * s).collect::<Vec<_>>())
            .collect();
        let b1: Vec<f64> = shifted_bias(&b.mlp_in, &t1).iter().zip(&s2).zip(&t2).map(|((x, s), t)| x * s + t).collect();
        let mlp_in = linear(b.mlp_in.inputs, hid, &w1, &b1);
        blocks.push(Block {
            q: fold_in(&b.bn_in, &b.q, 1.0),
            k: fold_in(&b.bn_in, &b.k, 1.0),
            v: fold_in(&b.bn_in, &b.v, 1.0),
            score_scale: ss.iter().map(|s| (pre * s * inv_sqrt_dh) as f32).collect(),
            score_shift: ts.iter().map(|t| (pre * t) as f32).collect(),
            attn_act: t[0].clone(),
            o: if a.heads_bn { fold_in(&b.bn_heads, &b.o, post) } else { plain(&b.o, post) },
            mlp_in,
            mlp_act: t[1].clone(),
            mlp_out: linear(
                b.mlp_out.inputs,
                b.mlp_out.outputs,
                &b.mlp_out.weight.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
                &b.mlp_out.bias.iter().map(|&x| f64::from(x)).collect::<Vec<_>>(),
            ),
        });
    }
    let to64 = |v: &[f32]| v.iter().map(|&x| f64::from(x)).collect::<Vec<_>>();
    let model = Model {
        config: a.core_config()?,
        embed: linear(
            params.embed.inputs,
            params.embed.outputs,
            &to64(&params.embed.weight),
            &to64(&params.embed.bias),
        ),
        pos: params.pos.clone(),
        blocks,
        head: fold_in(&params.bn_final, &params.head, 1.0),
        calibration: None,
        norms: None,
    };
    model.validate()?;
    Ok(model)
}

/// The interval of each site from the measured `[min, max]`.
pub fn intervals(measured: &[[f64; 2]], cfg: &ConvertConfig) -> Vec<(f64, f64)> {
    measured
        .iter()
        .map(|&[lo, hi]| {
            let (lo, hi) = if lo.is_finite() && hi.is_finite() && lo < hi { (lo, hi) } else { (-1.0, 1.0) };
            let w = hi - lo;
            let (a, b) = (lo - cfg.margin * w, hi + cfg.margin * w);
            if cfg.symmetric {
                let r = a.abs().max(b.abs());
                (-r, r)
            } else {
                (a, b)
            }
        })
        .collect()
}

/// The polynomial of each site on its interval.
pub fn fit_tables(params: &HeParams, intervals: &[(f64, f64)], cfg: &ConvertConfig) -> Result<Vec<ApproxTable>> {
    fit_tables_for(params.arch.activation.core(), intervals, cfg)
}

fn fit_tables_for(f: Activation, intervals: &[(f64, f64)], cfg: &ConvertConfig) -> Result<Vec<ApproxTable>> {
    intervals
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let degree = if i.is_multiple_of(2) { cfg.attn_degree } else { cfg.mlp_degree };
            Ok(ApproxTable::fit(f, cfg.method, a, b, degree)?)
        })
        .collect()
}

/// The burn-side activations that evaluate `tables` (fixed-point
/// coefficients, as the core evaluator uses them).
pub fn poly_acts(tables: &[ApproxTable]) -> Vec<SiteAct> {
    tables
        .iter()
        .map(|t| {
            let (a, b) = t.interval();
            SiteAct::Poly { a, b, coeffs: t.coeffs_f64() }
        })
        .collect()
}

/// One activation site's interval against the inputs seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SiteReport {
    /// "block0.attention", "block0.mlp", ...
    pub site: String,
    /// The polynomial's interval.
    pub interval: [f64; 2],
    /// Degree of the polynomial.
    pub degree: u32,
    /// Max |f - p| on the interval.
    pub max_error: f64,
    /// Inputs on the training split, HE-friendly model, eval mode.
    pub train_range: [f64; 2],
    /// Inputs on the test split, HE-friendly model.
    pub test_range: [f64; 2],
    /// Inputs on the test split, polynomial model (what CKKS will meet).
    pub test_range_polynomial: [f64; 2],
    /// Largest |input| on the test split under the polynomial model.
    pub max_abs_input: f64,
    /// Test inputs (polynomial model) outside the interval.
    pub outside: u64,
}

/// Everything a conversion produced and measured.
#[derive(Clone, Debug)]
pub struct Conversion {
    /// The folded polynomial model, calibrated on the test split.
    pub model: Model,
    /// Test accuracy of the HE-friendly model (burn, eval mode).
    pub he_friendly_acc: f64,
    /// Test accuracy of the polynomial model (`Model::logits`, polynomial).
    pub polynomial_acc: f64,
    /// Test accuracy of the burn-side polynomial model.
    pub burn_polynomial_acc: f64,
    /// Largest |logit difference| between `Model::logits` (polynomial) and
    /// the burn-side polynomial model over the test split.
    pub max_logit_diff: f64,
    /// Per activation site.
    pub sites: Vec<SiteReport>,
}

fn site_name(i: usize) -> String {
    format!("block{}.{}", i / 2, if i.is_multiple_of(2) { "attention" } else { "mlp" })
}

fn norm_name(i: usize, blocks: usize) -> String {
    if i == 2 * blocks {
        "final.layernorm".to_owned()
    } else {
        format!("block{}.{}", i / 2, if i.is_multiple_of(2) { "layernorm_attention" } else { "layernorm_mlp" })
    }
}

/// The `1 / sqrt` interval of each LayerNorm from the measured `[min, max]`
/// of `v = var + eps`: widened by `margin` times its width on both sides,
/// the left end kept at or above half the measured minimum (`1 / sqrt` has
/// its pole at 0).
pub fn norm_intervals(measured: &[[f64; 2]], margin: f64) -> Vec<(f64, f64)> {
    measured
        .iter()
        .map(|&[lo, hi]| {
            let (lo, hi) = if lo.is_finite() && hi.is_finite() && 0.0 < lo && lo < hi { (lo, hi) } else { (0.5, 2.0) };
            let w = hi - lo;
            ((lo - margin * w).max(0.5 * lo), hi + margin * w)
        })
        .collect()
}

/// Converts either form (see [`convert`] and [`convert_lang`]).
pub fn convert_any(
    params: &ModelParams,
    train: &dyn Samples,
    test: &dyn Samples,
    cfg: &ConvertConfig,
) -> Result<Conversion> {
    match params {
        ModelParams::Vision(p) => convert(p, train, test, cfg),
        ModelParams::Language(p) => convert_lang(p, train, test, cfg),
    }
}

/// Converts the language form: measures activation inputs and LayerNorm
/// variances on `train` (exact model), fits the activations' polynomials
/// and each LayerNorm's `1 / sqrt` (minimax on [`norm_intervals`], then
/// [`ConvertConfig::newton_steps`] Newton steps), folds, and evaluates all
/// forms on `test`. The reported sites are the activations, then the
/// LayerNorms (`interval` and `max_abs_input` in units of `v`).
pub fn convert_lang(
    params: &LangParams,
    train: &dyn Samples,
    test: &dyn Samples,
    cfg: &ConvertConfig,
) -> Result<Conversion> {
    cfg.validate()?;
    let arch = &params.arch;
    super::batch::check_dataset(train, arch, "training")?;
    super::batch::check_dataset(test, arch, "test")?;
    let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
    let (on_train, v_train) = evaluate_lang(params, train, &exact, &[])?;
    let (on_test, v_test) = evaluate_lang(params, test, &exact, &[])?;
    let tables = fit_tables_for(arch.activation.core(), &intervals(&on_train.ranges, cfg), cfg)?;
    let norm_tables = norm_intervals(&v_train, cfg.margin)
        .iter()
        .map(|&(a, b)| Ok(ApproxTable::fit(Activation::InvSqrt, cfg.method, a, b, cfg.norm_degree)?))
        .collect::<Result<Vec<_>>>()?;
    let mut model = fold_lang(params, &tables, &norm_tables, cfg.newton_steps)?;
    let norm_acts: Vec<NormAct> = norm_tables
        .iter()
        .map(|t| {
            let (a, b) = t.interval();
            NormAct::Poly { a, b, coeffs: t.coeffs_f64(), newton: cfg.newton_steps }
        })
        .collect();
    let (burn_poly, _) = evaluate_lang(params, test, &poly_acts(&tables), &norm_acts)?;
    let (polynomial_acc, max_diff, images) = core_accuracy(&model, test, &burn_poly)?;
    let report = model.calibrate(images.iter().map(Vec::as_slice), ActivationMode::Polynomial)?;
    model.calibration =
        Some(Calibration { samples: test.len() as u32, accuracy: polynomial_acc as f32, ranges: report.ranges_f32() });
    if let Some(n) = model.norms.as_mut() {
        n.ranges = report.norms.iter().map(|s| [s.min as f32, s.max as f32]).collect();
    }
    model.validate()?;
    let mut sites = site_reports(&report.sites, &tables, &on_train.ranges, &on_test.ranges, site_name);
    sites.extend(site_reports(&report.norms, &norm_tables, &v_train, &v_test, |i| norm_name(i, arch.blocks)));
    Ok(Conversion {
        model,
        he_friendly_acc: on_test.accuracy,
        polynomial_acc,
        burn_polynomial_acc: burn_poly.accuracy,
        max_logit_diff: max_diff,
        sites,
    })
}

/// Accuracy of the core evaluator's polynomial model on `test`, its
/// largest logit difference to the burn side, and the inputs it read.
fn core_accuracy(model: &Model, test: &dyn Samples, burn_poly: &HeEval) -> Result<(f64, f64, Vec<Vec<f64>>)> {
    let images: Vec<Vec<f64>> = (0..test.len()).map(|i| image_f64(test, i)).collect();
    let classes = model.config.classes as usize;
    let mut correct = 0;
    let mut max_diff = 0f64;
    for (i, img) in images.iter().enumerate() {
        let l = model.logits(img, ActivationMode::Polynomial)?;
        if test.label(i) == polyhe_core::nn::argmax(&l) {
            correct += 1;
        }
        for (a, b) in l.iter().zip(&burn_poly.logits[i * classes..(i + 1) * classes]) {
            // NaN (a polynomial far outside its interval) must show, not be
            // skipped by f64::max.
            let d = (a - f64::from(*b)).abs();
            max_diff = if d.is_nan() || max_diff.is_nan() { f64::NAN } else { max_diff.max(d) };
        }
    }
    Ok((correct as f64 / test.len().max(1) as f64, max_diff, images))
}

fn site_reports(
    seen: &[polyhe_core::nn::SiteRange],
    tables: &[ApproxTable],
    train: &[[f64; 2]],
    test: &[[f64; 2]],
    name: impl Fn(usize) -> String,
) -> Vec<SiteReport> {
    seen.iter()
        .enumerate()
        .map(|(i, r)| SiteReport {
            site: name(i),
            interval: [r.interval.0, r.interval.1],
            degree: tables[i].degree(),
            max_error: tables[i].max_error(),
            train_range: train[i],
            test_range: test[i],
            test_range_polynomial: [r.min, r.max],
            max_abs_input: r.max_abs(),
            outside: r.outside,
        })
        .collect()
}

/// Converts `params`: measures the activation inputs on `train`, fits the
/// tables, folds, and evaluates all forms on `test`.
pub fn convert(params: &HeParams, train: &dyn Samples, test: &dyn Samples, cfg: &ConvertConfig) -> Result<Conversion> {
    cfg.validate()?;
    let arch = &params.arch;
    super::batch::check_dataset(train, arch, "training")?;
    super::batch::check_dataset(test, arch, "test")?;
    let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
    let on_train = evaluate_he(params, train, &exact)?;
    let on_test = evaluate_he(params, test, &exact)?;
    let ivals = intervals(&on_train.ranges, cfg);
    let tables = fit_tables(params, &ivals, cfg)?;
    let mut model = fold(params, &tables)?;
    let burn_poly: HeEval = evaluate_he(params, test, &poly_acts(&tables))?;

    let images: Vec<Vec<f64>> = (0..test.len()).map(|i| image_f64(test, i)).collect();
    let mut correct = 0;
    let mut max_diff = 0f64;
    let classes = arch.classes;
    for (i, img) in images.iter().enumerate() {
        let l = model.logits(img, ActivationMode::Polynomial)?;
        let pred = polyhe_core_argmax(&l);
        if test.label(i) == pred {
            correct += 1;
        }
        for (a, b) in l.iter().zip(&burn_poly.logits[i * classes..(i + 1) * classes]) {
            // NaN must show (f64::max would skip it).
            let d = (a - f64::from(*b)).abs();
            max_diff = if d.is_nan() || max_diff.is_nan() { f64::NAN } else { max_diff.max(d) };
        }
    }
    let polynomial_acc = correct as f64 / test.len().max(1) as f64;
    let report = model.calibrate(images.iter().map(Vec::as_slice), ActivationMode::Polynomial)?;
    model.calibration =
        Some(Calibration { samples: test.len() as u32, accuracy: polynomial_acc as f32, ranges: report.ranges_f32() });
    model.validate()?;
    let sites = report
        .sites
        .iter()
        .enumerate()
        .map(|(i, r)| SiteReport {
            site: site_name(i),
            interval: [r.interval.0, r.interval.1],
            degree: tables[i].degree(),
            max_error: tables[i].max_error(),
            train_range: on_train.ranges[i],
            test_range: on_test.ranges[i],
            test_range_polynomial: [r.min, r.max],
            max_abs_input: r.max_abs(),
            outside: r.outside,
        })
        .collect();
    Ok(Conversion {
        model,
        he_friendly_acc: on_test.accuracy,
        polynomial_acc,
        burn_polynomial_acc: burn_poly.accuracy,
        max_logit_diff: max_diff,
        sites,
    })
}

fn polyhe_core_argmax(v: &[f64]) -> usize {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = i;
        }
    }
    best
}
