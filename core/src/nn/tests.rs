//! Model tests: file round trip and every malformed file, and the
//! evaluator against a naive reference written here from the layer list
//! in the module docs (its own patch indexing, matrices as nested vectors,
//! activations by the Chebyshev three-term recurrence instead of Clenshaw).

use std::vec::Vec;

use super::*;
use crate::approx::{Activation, ApproxTable, FitMethod};

/// xorshift64*: deterministic weights without a dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let v = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        (v >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn vec(&mut self, n: usize, scale: f64) -> Vec<f32> {
        (0..n).map(|_| (self.next() * scale) as f32).collect()
    }
    fn linear(&mut self, i: u32, o: u32) -> Linear {
        let s = 1.0 / f64::from(i).sqrt();
        Linear { inputs: i, outputs: o, weight: self.vec((i * o) as usize, s), bias: self.vec(o as usize, 0.1) }
    }
}

fn tiny_config(causal: bool) -> ModelConfig {
    ModelConfig {
        image_rows: 4,
        image_cols: 6,
        patch_rows: 2,
        patch_cols: 3,
        width: 6,
        heads: 2,
        mlp_hidden: 12,
        blocks: 2,
        classes: 3,
        causal,
    }
}

pub(crate) fn random_model(config: ModelConfig, seed: u64) -> Model {
    let mut r = Rng(seed);
    let (d, hid, heads) = (config.width, config.mlp_hidden, config.heads as usize);
    let relu = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -6.0, 6.0, 7).expect("relu");
    let gelu = ApproxTable::fit(Activation::Gelu, FitMethod::ChebyshevInterpolation, -6.0, 6.0, 9).expect("gelu");
    let blocks = (0..config.blocks)
        .map(|_| Block {
            q: r.linear(d, d),
            k: r.linear(d, d),
            v: r.linear(d, d),
            score_scale: r.vec(heads, 1.0),
            score_shift: r.vec(heads, 0.2),
            attn_act: relu.clone(),
            o: r.linear(d, d),
            mlp_in: r.linear(d, hid),
            mlp_act: gelu.clone(),
            mlp_out: r.linear(hid, d),
        })
        .collect();
    let m = Model {
        embed: r.linear(config.patch_pixels() as u32, d),
        pos: r.vec(config.tokens() * d as usize, 0.5),
        blocks,
        head: r.linear(d, config.classes),
        calibration: None,
        norms: None,
        config,
    };
    m.validate().expect("valid");
    m
}

/// `m` in the language form: LayerNorms with a degree-15 `1 / sqrt` table
/// on `[0.01, 50]` and two Newton steps (eps 1e-5).
pub(crate) fn with_norms(mut m: Model) -> Model {
    let t = ApproxTable::fit(Activation::InvSqrt, FitMethod::Minimax, 0.01, 50.0, 15).expect("inv_sqrt");
    let norm = Norm { eps: 1e-5, inv_sqrt: t, newton_steps: 2 };
    m.norms = Some(LayerNorms {
        blocks: m.blocks.iter().map(|_| [norm.clone(), norm.clone()]).collect(),
        last: norm,
        ranges: Vec::new(),
    });
    m.validate().expect("valid");
    m
}

/// `with_norms(random_model(..))` with every table refitted (degree 9
/// activations, degree 7 `1 / sqrt`) on the inputs the exact model sees on
/// `img`, widened by half their width, so that the polynomial model stays
/// near the exact one.
fn fitted_language_model(seed: u64, img: &[f64]) -> Model {
    let mut m = with_norms(random_model(tiny_config(true), seed));
    let r = m.calibrate([img], ActivationMode::Exact).expect("calibrate");
    let wide = |s: &SiteRange| {
        let w = (s.max - s.min).max(1e-3);
        (s.min - 0.5 * w, s.max + 0.5 * w)
    };
    for (b, pair) in m.blocks.iter_mut().zip(r.sites.chunks_exact(2)) {
        let (a0, b0) = wide(&pair[0]);
        let (a1, b1) = wide(&pair[1]);
        b.attn_act = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, a0, b0, 9).expect("relu");
        b.mlp_act = ApproxTable::fit(Activation::Gelu, FitMethod::Minimax, a1, b1, 9).expect("gelu");
    }
    let n = m.norms.as_mut().expect("norms");
    for (norm, s) in n.blocks.iter_mut().flatten().chain(core::iter::once(&mut n.last)).zip(&r.norms) {
        let (a, b) = (s.min * 0.5, s.max * 1.5);
        norm.inv_sqrt = ApproxTable::fit(Activation::InvSqrt, FitMethod::Minimax, a, b, 7).expect("inv_sqrt");
    }
    m.validate().expect("valid");
    m
}

pub(crate) fn image(seed: u64, n: usize) -> Vec<f64> {
    let mut r = Rng(seed);
    (0..n).map(|_| 0.5 + 0.5 * r.next()).collect()
}

// ---------------------------------------------------------------------------
// The naive reference.

fn mat(l: &Linear) -> Vec<Vec<f64>> {
    (0..l.inputs as usize)
        .map(|i| (0..l.outputs as usize).map(|o| f64::from(l.weight[i * l.outputs as usize + o])).collect())
        .collect()
}

fn apply(l: &Linear, x: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let w = mat(l);
    x.iter()
        .map(|row| {
            (0..l.outputs as usize)
                .map(|o| f64::from(l.bias[o]) + (0..row.len()).map(|i| row[i] * w[i][o]).sum::<f64>())
                .collect()
        })
        .collect()
}

/// p(x) = sum c_k T_k(t) with T_k by the three-term recurrence.
fn poly(t: &ApproxTable, x: f64) -> f64 {
    let (a, b) = t.interval();
    let u = (2.0 * x - a - b) / (b - a);
    let c = t.coeffs_f64();
    let (mut tkm1, mut tk) = (1.0, u);
    let mut s = c[0];
    for &ck in &c[1..] {
        s += ck * tk;
        let next = 2.0 * u * tk - tkm1;
        tkm1 = tk;
        tk = next;
    }
    s
}

/// LayerNorm of one token without gain and bias, as the module docs
/// describe it: two-pass mean and variance, then `1 / sqrt` exactly or by
/// the table's polynomial and the Newton steps. Pushes `v` to `seen`.
fn ln(n: &Norm, tok: &[f64], exact: bool, seen: &mut Vec<f64>) -> Vec<f64> {
    let d = tok.len() as f64;
    let mean = tok.iter().sum::<f64>() / d;
    let v = tok.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / d + f64::from(n.eps);
    seen.push(v);
    let r = if exact {
        1.0 / v.sqrt()
    } else {
        let mut y = poly(&n.inv_sqrt, v);
        for _ in 0..n.newton_steps {
            y = 0.5 * y * (3.0 - v * y * y);
        }
        y
    };
    tok.iter().map(|x| (x - mean) * r).collect()
}

/// Logits, and every activation input seen (block-major, attention then
/// MLP; then every LayerNorm's `v`, norm after norm).
fn reference(m: &Model, img: &[f64], exact: bool) -> (Vec<f64>, Vec<Vec<f64>>) {
    let c = &m.config;
    let (pr, pc, cols) = (c.patch_rows as usize, c.patch_cols as usize, c.image_cols as usize);
    let (nr, nc) = (c.image_rows as usize / pr, cols / pc);
    let d = c.width as usize;
    let dh = d / c.heads as usize;
    let l = nr * nc;
    let mut tokens = Vec::new();
    for br in 0..nr {
        for bc in 0..nc {
            let mut p = Vec::new();
            for dr in 0..pr {
                for dc in 0..pc {
                    p.push(img[(br * pr + dr) * cols + bc * pc + dc]);
                }
            }
            tokens.push(p);
        }
    }
    let mut x = apply(&m.embed, &tokens);
    for (t, row) in x.iter_mut().enumerate() {
        for (f, v) in row.iter_mut().enumerate() {
            *v += f64::from(m.pos[t * d + f]);
        }
    }
    let mut seen = Vec::new();
    let act = |t: &ApproxTable, v: f64| if exact { t.function().eval(v) } else { poly(t, v) };
    let mut norm_seen: Vec<Vec<f64>> = Vec::new();
    let mut norm = |which: Option<&Norm>, x: &[Vec<f64>]| -> Vec<Vec<f64>> {
        match which {
            None => x.to_vec(),
            Some(n) => {
                let mut s = Vec::new();
                let y = x.iter().map(|t| ln(n, t, exact, &mut s)).collect();
                norm_seen.push(s);
                y
            }
        }
    };
    for (bi, b) in m.blocks.iter().enumerate() {
        let ns = m.norms.as_ref().map(|n| &n.blocks[bi]);
        let xn = norm(ns.map(|n| &n[0]), &x);
        let (q, k, v) = (apply(&b.q, &xn), apply(&b.k, &xn), apply(&b.v, &xn));
        let mut concat = vec![vec![0.0; d]; l];
        let mut s_seen = Vec::new();
        for h in 0..c.heads as usize {
            for i in 0..l {
                for j in 0..l {
                    let mut dot = 0.0;
                    for f in h * dh..(h + 1) * dh {
                        dot += q[i][f] * k[j][f];
                    }
                    let s = f64::from(b.score_scale[h]) * dot + f64::from(b.score_shift[h]);
                    s_seen.push(s);
                    let mask = if c.causal && j > i { 0.0 } else { 1.0 };
                    let a = act(&b.attn_act, s) * mask;
                    for f in h * dh..(h + 1) * dh {
                        concat[i][f] += a * v[j][f];
                    }
                }
            }
        }
        let o = apply(&b.o, &concat);
        for (xr, or) in x.iter_mut().zip(&o) {
            for (a, bb) in xr.iter_mut().zip(or) {
                *a += bb;
            }
        }
        let pre = apply(&b.mlp_in, &norm(ns.map(|n| &n[1]), &x));
        seen.push(s_seen);
        seen.push(pre.iter().flatten().copied().collect());
        let hidden: Vec<Vec<f64>> = pre.iter().map(|r| r.iter().map(|&v| act(&b.mlp_act, v)).collect()).collect();
        let y = apply(&b.mlp_out, &hidden);
        for (xr, yr) in x.iter_mut().zip(&y) {
            for (a, bb) in xr.iter_mut().zip(yr) {
                *a += bb;
            }
        }
    }
    let x = norm(m.norms.as_ref().map(|n| &n.last), &x);
    let pooled: Vec<f64> = (0..d).map(|f| x.iter().map(|r| r[f]).sum::<f64>() / l as f64).collect();
    seen.extend(norm_seen);
    (apply(&m.head, &[pooled]).remove(0), seen)
}

// ---------------------------------------------------------------------------

#[test]
fn evaluator_matches_the_naive_reference() {
    for causal in [false, true] {
        for seed in 1..=5u64 {
            let m = random_model(tiny_config(causal), seed);
            let img = image(seed + 100, m.config.input_len());
            for (mode, exact) in [(ActivationMode::Polynomial, false), (ActivationMode::Exact, true)] {
                let got = m.logits(&img, mode).expect("logits");
                let (want, _) = reference(&m, &img, exact);
                assert_eq!(got.len(), 3);
                for (g, w) in got.iter().zip(&want) {
                    assert!((g - w).abs() < 1e-9, "causal {causal} seed {seed} {mode:?}: {g} vs {w}");
                }
            }
        }
    }
}

#[test]
fn the_language_form_matches_the_naive_reference() {
    for seed in 1..=4u64 {
        let img = image(seed + 300, tiny_config(true).input_len());
        let m = fitted_language_model(seed, &img);
        for (mode, exact) in [(ActivationMode::Polynomial, false), (ActivationMode::Exact, true)] {
            let got = m.logits(&img, mode).expect("logits");
            let (want, seen) = reference(&m, &img, exact);
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() < 1e-9 * w.abs().max(1.0), "seed {seed} {mode:?}: {g} vs {w}");
            }
            // The norms change the result: without them it differs.
            let mut plain = m.clone();
            plain.norms = None;
            let other = plain.logits(&img, mode).expect("logits");
            assert!(other.iter().zip(&got).any(|(a, b)| (a - b).abs() > 1e-6));
            // Calibration sees the reference's variances (5 norms after the 4 activation sites).
            let r = m.calibrate([img.as_slice()], mode).expect("calibrate");
            assert_eq!(r.norms.len(), 5);
            for (k, (s, w)) in r.norms.iter().zip(&seen[4..]).enumerate() {
                assert_eq!(s.site, Site::Norm { index: k as u32 });
                let (lo, hi) = w.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
                assert!((s.min - lo).abs() < 1e-9 * lo && (s.max - hi).abs() < 1e-9 * hi, "{s:?} vs {lo} {hi}");
                assert_eq!(s.count as usize, w.len());
            }
        }
    }
}

#[test]
fn the_newton_steps_correct_a_coarse_inv_sqrt() {
    // A degree-2 polynomial on the measured range of v is visibly off; each
    // Newton step maps a relative error e to about 1.5 e^2.
    let img = image(77, tiny_config(true).input_len());
    let mut m = fitted_language_model(5, &img);
    let r = m.calibrate([img.as_slice()], ActivationMode::Exact).expect("calibrate");
    let lo = r.norms.iter().map(|s| s.min).fold(f64::INFINITY, f64::min);
    let hi = r.norms.iter().map(|s| s.max).fold(0.0, f64::max);
    let t = ApproxTable::fit(Activation::InvSqrt, FitMethod::Minimax, lo, hi, 2).expect("fit");
    // Six steps converge to f64 precision: the reference (the activations
    // stay polynomial in both, so only the 1 / sqrt differs).
    let mut logits = Vec::new();
    for steps in [6, 0, 1, 2, 3] {
        let n = m.norms.as_mut().expect("norms");
        for norm in n.blocks.iter_mut().flatten().chain(core::iter::once(&mut n.last)) {
            norm.inv_sqrt = t.clone();
            norm.newton_steps = steps;
        }
        logits.push(m.logits(&img, ActivationMode::Polynomial).expect("poly"));
    }
    let errs: Vec<f64> =
        logits[1..].iter().map(|p| p.iter().zip(&logits[0]).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max)).collect();
    assert!(
        errs[0] > 1e-2 && errs[1] < errs[0] / 3.0 && errs[2] < errs[1] / 3.0 && errs[3] < errs[2] / 10.0,
        "{errs:?}"
    );
}

#[test]
fn language_models_round_trip_at_version_2_and_vision_models_stay_at_version_1() {
    let vision = random_model(tiny_config(false), 21);
    let lang = with_norms(random_model(tiny_config(true), 21));
    let version = |b: &[u8]| b[7];
    let (vb, lb) = (vision.to_bytes().expect("vision"), lang.to_bytes().expect("lang"));
    // Postcard varint of the version right after magic and kind (both < 128).
    assert_eq!((version(&vb), version(&lb)), (1, 2));
    assert_eq!(Model::from_bytes(&vb).expect("read"), vision);
    assert_eq!(Model::from_bytes(&lb).expect("read"), lang);
    // A malformed LayerNorm is refused on writing and reading.
    let mut bad = lang.clone();
    bad.norms.as_mut().expect("norms").last.newton_steps = 9;
    assert!(matches!(bad.to_bytes(), Err(Error::InvalidConfig { .. })));
    let mut bad = lang.clone();
    bad.norms.as_mut().expect("norms").blocks.pop();
    assert!(matches!(bad.validate(), Err(Error::Shape { what: "layer norms", .. })));
    let mut bad = lang;
    let relu = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, 0.5, 8.0, 3).expect("fit");
    bad.norms.as_mut().expect("norms").last.inv_sqrt = relu;
    assert!(matches!(bad.validate(), Err(Error::InvalidConfig { .. })));
}

#[test]
fn calibration_reports_the_reference_ranges() {
    let m = random_model(tiny_config(false), 7);
    let imgs: Vec<Vec<f64>> = (0..6).map(|s| image(200 + s, m.config.input_len())).collect();
    let report = m.calibrate(imgs.iter().map(|v| v.as_slice()), ActivationMode::Exact).expect("calibrate");
    assert_eq!(report.samples, 6);
    assert_eq!(report.sites.len(), 4);
    let mut want = vec![(f64::INFINITY, f64::NEG_INFINITY, 0u64, 0u64); 4];
    for img in &imgs {
        let (_, seen) = reference(&m, img, true);
        for (w, s) in want.iter_mut().zip(&seen) {
            for &v in s {
                w.0 = w.0.min(v);
                w.1 = w.1.max(v);
                w.2 += 1;
                w.3 += u64::from(!(-6.0..=6.0).contains(&v));
            }
        }
    }
    for (i, (s, w)) in report.sites.iter().zip(&want).enumerate() {
        assert_eq!(
            s.site,
            if i % 2 == 0 { Site::Attention { block: i as u32 / 2 } } else { Site::Mlp { block: i as u32 / 2 } }
        );
        assert!((s.min - w.0).abs() < 1e-12 && (s.max - w.1).abs() < 1e-12, "site {i}: {s:?} vs {w:?}");
        assert_eq!((s.count, s.outside), (w.2, w.3));
        assert_eq!(s.interval, (-6.0, 6.0));
        assert!((s.margin() - (s.min + 6.0).min(6.0 - s.max)).abs() < 1e-15);
    }
    // Stored with the model, the ranges survive the file.
    let mut m2 = m.clone();
    m2.calibration = Some(Calibration { samples: 6, accuracy: 0.5, ranges: report.ranges_f32() });
    assert_eq!(Model::from_bytes(&m2.to_bytes().expect("write")).expect("read"), m2);
}

#[test]
fn checked_evaluation_stops_outside_an_interval() {
    let mut m = random_model(tiny_config(false), 3);
    let img = image(9, m.config.input_len());
    let report = m.calibrate([img.as_slice()], ActivationMode::Polynomial).expect("calibrate");
    let inside = report.all_inside();
    let poly = m.logits(&img, ActivationMode::Polynomial).expect("poly");
    if inside {
        assert_eq!(m.logits(&img, ActivationMode::PolynomialChecked).expect("checked"), poly);
    }
    // Shrink block 1's MLP interval below what it sees.
    let s = &report.sites[3];
    let (a, b) = (s.min * 0.5, s.max * 0.5);
    m.blocks[1].mlp_act = ApproxTable::fit(Activation::Gelu, FitMethod::Minimax, a, b, 5).expect("fit");
    match m.logits(&img, ActivationMode::PolynomialChecked) {
        Err(Error::ActivationOutOfRange { block: 1, site: "mlp", x, a: ea, b: eb }) => {
            assert!(x < ea || x > eb);
            assert_eq!((ea, eb), (a, b));
        }
        other => panic!("{other:?}"),
    }
    assert!(m.logits(&img, ActivationMode::Polynomial).is_ok());
}

#[test]
fn round_trip_evaluates_identically() {
    let m = random_model(tiny_config(true), 11);
    let bytes = m.to_bytes().expect("write");
    let back = Model::from_bytes(&bytes).expect("read");
    assert_eq!(back, m);
    let img = image(5, m.config.input_len());
    for mode in [ActivationMode::Polynomial, ActivationMode::Exact] {
        let (a, b) = (m.logits(&img, mode).expect("a"), back.logits(&img, mode).expect("b"));
        assert!(a.iter().zip(&b).all(|(x, y)| x.to_bits() == y.to_bits()));
    }
    assert_eq!(back.fingerprint(), m.fingerprint());
}

/// An envelope with arbitrary fields, laid out as `file.rs` writes it.
fn envelope(kind: u8, version: u16, fingerprint: u64, body: &[u8], checksum: u64) -> Vec<u8> {
    postcard::to_allocvec(&(MODEL_MAGIC, kind, version, fingerprint, body, checksum)).expect("envelope")
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

#[test]
fn malformed_files_are_typed_errors() {
    let m = random_model(tiny_config(false), 2);
    let good = m.to_bytes().expect("write");
    // A vision model is written at version 1: the version-2 body without
    // its last field (`norms`, here `None`: one zero byte).
    let mut body = postcard::to_allocvec(&m).expect("body");
    assert_eq!(body.pop(), Some(0));
    let fp = m.fingerprint().expect("fp");
    // Our reconstruction of the layout is the writer's.
    assert_eq!(envelope(MODEL_KIND, MODEL_VERSION_VISION, fp, &body, fnv(&body)), good);

    assert_eq!(Model::from_bytes(b"POLYH"), Err(Error::BadMagic));
    let mut bad = good.clone();
    bad[0] = b'X';
    assert_eq!(Model::from_bytes(&bad), Err(Error::BadMagic));
    // A ckks file kind (5: ciphertext).
    assert_eq!(
        Model::from_bytes(&envelope(5, MODEL_VERSION, fp, &body, fnv(&body))),
        Err(Error::WrongKind { found: 5, expected: MODEL_KIND })
    );
    let e = Model::from_bytes(&envelope(MODEL_KIND, 3, fp, &body, fnv(&body))).expect_err("version");
    assert_eq!(e, Error::UnsupportedVersion { found: 3, supported: 2 });
    assert_eq!(
        e.to_string(),
        "model file version 3 is not supported (this build reads versions 1 to 2): convert the model again with this version"
    );
    // A version-1 body under version 2 lacks the last field.
    assert_eq!(Model::from_bytes(&envelope(MODEL_KIND, 2, fp, &body, fnv(&body))), Err(Error::Body));
    // Every truncation.
    for cut in 6..good.len() {
        assert_eq!(Model::from_bytes(&good[..cut]), Err(Error::Truncated), "cut at {cut}");
    }
    let mut long = good.clone();
    long.extend_from_slice(&[0, 0]);
    assert_eq!(Model::from_bytes(&long), Err(Error::TrailingBytes { extra: 2 }));
    // A flipped bit anywhere in the body: checksum.
    for pos in [40, good.len() / 2, good.len() - 20] {
        let mut bad = good.clone();
        bad[pos] ^= 0x10;
        assert!(matches!(Model::from_bytes(&bad), Err(Error::Checksum { .. } | Error::Truncated)), "pos {pos}");
    }
    // A body that passes its checksum but is not a model.
    let junk = [1u8, 2, 3];
    assert_eq!(Model::from_bytes(&envelope(MODEL_KIND, 1, fp, &junk, fnv(&junk))), Err(Error::Body));
    // A wrong fingerprint.
    assert!(matches!(
        Model::from_bytes(&envelope(MODEL_KIND, 1, fp ^ 1, &body, fnv(&body))),
        Err(Error::Fingerprint { .. })
    ));
    // A decodable model with inconsistent shapes (built around to_bytes).
    let mut wrong = m.clone();
    wrong.pos.pop();
    let wb = postcard::to_allocvec(&wrong).expect("body");
    assert!(matches!(
        Model::from_bytes(&envelope(MODEL_KIND, 2, fp, &wb, fnv(&wb))),
        Err(Error::Shape { what: "pos", .. })
    ));
    assert!(matches!(wrong.to_bytes(), Err(Error::Shape { what: "pos", .. })));
}

#[test]
fn invalid_models_and_inputs_are_typed_errors() {
    let m = random_model(tiny_config(false), 4);
    assert_eq!(m.logits(&[0.0; 5], ActivationMode::Exact), Err(Error::InputLength { expected: 24, actual: 5 }));
    let mut c = tiny_config(false);
    c.patch_cols = 4;
    assert!(matches!(c.validate(), Err(Error::InvalidConfig { .. })));
    let mut c = tiny_config(false);
    c.heads = 4;
    assert!(matches!(c.validate(), Err(Error::InvalidConfig { .. })));
    let mut w = m.clone();
    w.blocks[0].q.weight[3] = f32::NAN;
    assert_eq!(w.validate(), Err(Error::NonFiniteWeight { what: "q" }));
    let mut w = m.clone();
    w.blocks[1].mlp_out = Linear::zeros(6, 12);
    assert_eq!(w.validate(), Err(Error::Shape { what: "mlp_out", expected: [12, 6], actual: [6, 12] }));
    let mut w = m.clone();
    w.blocks[0].score_shift.push(0.0);
    assert!(matches!(w.validate(), Err(Error::Shape { what: "score_shift", .. })));
}

#[test]
fn digits_sized_model_file() {
    // The bundled model's shape (issue 4): 8x8 digits, 2x2 patches (16
    // tokens), width 32, 4 heads, MLP ratio 2, 2 blocks, degree-15 tables.
    let config = ModelConfig {
        image_rows: 8,
        image_cols: 8,
        patch_rows: 2,
        patch_cols: 2,
        width: 32,
        heads: 4,
        mlp_hidden: 64,
        blocks: 2,
        classes: 10,
        causal: false,
    };
    let mut m = random_model(config, 99);
    let t = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -8.0, 8.0, 15).expect("fit");
    for b in &mut m.blocks {
        b.attn_act = t.clone();
        b.mlp_act = t.clone();
    }
    let bytes = m.to_bytes().expect("write");
    // 8,424 weights, biases and score affines per block, 2 blocks,
    // embedding, positions and head: 17,850 f32 values (71.4 KB), plus four
    // 16-coefficient tables.
    let weights =
        2 * (4 * (32 * 32 + 32) + (32 * 64 + 64) + (64 * 32 + 32) + 8) + (4 * 32 + 32) + 16 * 32 + (32 * 10 + 10);
    assert_eq!(weights, 17_850);
    assert!(bytes.len() >= 4 * weights && bytes.len() < 4 * weights + 1024, "{} bytes", bytes.len());
    std::println!("digits-sized model file: {} bytes", bytes.len());
    assert_eq!(m.logits(&[0.5; 64], ActivationMode::Polynomial).expect("logits").len(), 10);
}
