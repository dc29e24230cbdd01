//! Tests of training and conversion: determinism, BatchNorm folding, the
//! polynomial model against the burn side, the commands' JSON, bad input.
//! Each runs in seconds on tiny models.

use std::path::PathBuf;

use polyhe_core::approx::{ApproxTable, FitMethod};
use polyhe_core::nn::{ActivationMode, Model};

use super::batch::{digits_split, image_f64};
use super::cli::TrainSettings;
use super::cli::{run_convert, run_train, ArchArgs, ConvertArgs, ConvertSettings, DataArgs, FitArg, TrainArgs};
use super::convert::{convert, fold, ConvertConfig};
use super::model::SiteAct;
use super::params::{Checkpoint, HeParams, Rng};
use super::trainer::{evaluate_he, train_he};
use super::*;

/// 8x8 digits, 4x4 patches (4 tokens), width 8, 2 heads, MLP 8, 1 block.
fn tiny_arch() -> ArchConfig {
    ArchConfig { patch_rows: 4, patch_cols: 4, width: 8, mlp_hidden: 8, ..ArchConfig::digits() }
}

fn tiny_train() -> TrainConfig {
    TrainConfig { epochs: 2, batch_size: 32, seed: 7, range_from_epoch: 1, shift: 1, ..TrainConfig::default() }
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("polyhe-train-test-{}-{name}", std::process::id()))
}

/// Random BatchNorm statistics, so that folding is really exercised.
fn perturb(p: &mut HeParams, seed: u64) {
    let mut rng = Rng::new(seed);
    let mut bn = |b: &mut params::BnParams| {
        for i in 0..b.len() {
            b.gamma[i] = 1.0 + rng.uniform(0.5);
            b.beta[i] = rng.uniform(0.5);
            b.mean[i] = rng.uniform(0.5);
            b.var[i] = 1.0 + rng.uniform(0.8);
        }
    };
    for blk in &mut p.blocks {
        for b in [&mut blk.bn_in, &mut blk.bn_score, &mut blk.bn_heads, &mut blk.bn_mlp_in, &mut blk.bn_mlp_hidden] {
            bn(b);
        }
    }
    bn(&mut p.bn_final);
}

#[test]
fn training_is_deterministic_with_a_seed() {
    let (train, _) = digits_split().expect("bundled digits");
    let train = train.split_at(256).0;
    let arch = tiny_arch();
    let a = train_he(&train, &arch, &tiny_train(), &mut |_, _| {}).expect("train");
    let b = train_he(&train, &arch, &tiny_train(), &mut |_, _| {}).expect("train");
    assert_eq!(a, b, "same seed, same weights");
    let other = TrainConfig { seed: 8, ..tiny_train() };
    let c = train_he(&train, &arch, &other, &mut |_, _| {}).expect("train");
    assert_ne!(a, c, "another seed, other weights");
    // Training moved the running statistics away from their initial values.
    assert_ne!(a.blocks[0].bn_score.mean, vec![0.0; arch.heads]);
}

#[test]
fn folding_preserves_the_he_friendly_logits() {
    let (_, test) = digits_split().expect("bundled digits");
    for (blocks, scaling, heads_bn) in [
        (1, LengthScaling::InvSqrtL, true),
        (2, LengthScaling::PreInvSqrtL, true),
        (1, LengthScaling::InvL, true),
        (2, LengthScaling::InvSqrtL, false),
    ] {
        let arch = ArchConfig { blocks, scaling, heads_bn, activation: ActivationKind::Gelu, ..ArchConfig::digits() };
        let mut p = HeParams::init(&arch, 3).expect("init");
        perturb(&mut p, 11);
        let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
        let burn = evaluate_he(&p, &test, &exact).expect("burn");
        // Any table will do: Exact mode evaluates the function itself.
        let t =
            ApproxTable::fit(arch.activation.core(), FitMethod::ChebyshevInterpolation, -4.0, 4.0, 3).expect("table");
        let model = fold(&p, &vec![t; arch.sites()]).expect("fold");
        let mut max_diff = 0f64;
        for i in 0..test.len() {
            let l = model.logits(&image_f64(&test, i), ActivationMode::Exact).expect("logits");
            for (a, b) in l.iter().zip(&burn.logits[i * arch.classes..]) {
                max_diff = max_diff.max((a - f64::from(*b)).abs());
            }
        }
        assert!(max_diff < 1e-4, "{blocks} blocks, {scaling:?}, heads BN {heads_bn}: max |logit diff| {max_diff:e}");
    }
}

#[test]
fn dropping_the_heads_batchnorm_makes_the_length_scaling_matter() {
    // With the BatchNorm across heads, a constant scale of sigma(S) V is
    // cancelled: 1/sqrt(L) and no scaling give the same logits (up to the
    // BatchNorm's epsilon) once its running variance follows the scale.
    // Without it they differ.
    let (_, test) = digits_split().expect("bundled digits");
    let logits = |scaling, heads_bn| {
        let arch = ArchConfig { scaling, heads_bn, ..ArchConfig::digits() };
        let mut p = HeParams::init(&arch, 3).expect("init");
        perturb(&mut p, 11);
        // A BatchNorm whose statistics saw the scaled input: variance
        // times post^2, mean times post.
        let post = arch.scaling.post_factor(arch.tokens()) as f32;
        for b in &mut p.blocks {
            b.bn_heads.var.iter_mut().for_each(|v| *v *= post * post);
            b.bn_heads.mean.iter_mut().for_each(|m| *m *= post);
        }
        let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
        evaluate_he(&p, &test.split_at(50).0, &exact).expect("eval").logits
    };
    let diff = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
    let with_bn = diff(&logits(LengthScaling::InvSqrtL, true), &logits(LengthScaling::None, true));
    let without = diff(&logits(LengthScaling::InvSqrtL, false), &logits(LengthScaling::None, false));
    assert!(with_bn < 1e-3, "with the heads BatchNorm the scale cancels: {with_bn}");
    assert!(without > 1e-2, "without it the scale shows: {without}");
}

#[test]
fn the_polynomial_model_matches_the_burn_side_on_the_whole_test_split() {
    let (train, test) = digits_split().expect("bundled digits");
    let arch = tiny_arch();
    let p = train_he(&train.split_at(400).0, &arch, &tiny_train(), &mut |_, _| {}).expect("train");
    let cfg = ConvertConfig { attn_degree: 7, mlp_degree: 15, ..ConvertConfig::default() };
    let c = convert(&p, &train, &test, &cfg).expect("convert");
    assert!(c.max_logit_diff < 1e-4, "max |logit diff| {:e}", c.max_logit_diff);
    assert_eq!(c.sites.len(), 2);
    // The intervals hold what they were fitted to.
    for s in &c.sites {
        assert!(s.interval[0] <= s.train_range[0] && s.train_range[1] <= s.interval[1], "{s:?}");
    }
    // The file round-trips with its calibration.
    let bytes = c.model.to_bytes().expect("to_bytes");
    let back = Model::from_bytes(&bytes).expect("from_bytes");
    assert_eq!(back, c.model);
    let cal = back.calibration.expect("calibration");
    assert_eq!(cal.samples as usize, test.len());
    assert!((f64::from(cal.accuracy) - c.polynomial_acc).abs() < 1e-6);
}

fn tiny_train_args() -> TrainArgs {
    TrainArgs {
        data: DataArgs { idx: None, mnist1d: None, train_limit: Some(200), test_limit: Some(100) },
        arch: ArchArgs {
            patch: 4,
            width: 8,
            heads: 2,
            mlp_hidden: 8,
            blocks: 1,
            activation: ActivationKind::Relu,
            scaling: LengthScaling::InvSqrtL,
            form: Form::Vision,
            no_heads_bn: false,
        },
        train: TrainSettings {
            epochs: 2,
            batch_size: 32,
            lr: 3e-3,
            weight_decay: 1e-4,
            seed: 1,
            alpha: 0.05,
            beta: 0.0,
            range_target: 4.0,
            range_from_epoch: 1,
            shift: 1,
            var_target: 4.0,
            var_floor: 0.25,
        },
        convert: ConvertSettings {
            attn_degree: 7,
            mlp_degree: 7,
            margin: 0.05,
            symmetric: false,
            fit: FitArg::Minimax,
            norm_degree: 7,
            newton_steps: 2,
        },
        no_original: false,
        checkpoint: None,
        out: None,
        json: true,
        no_progress: true,
    }
}

fn check_json_shape(v: &serde_json::Value, command: &str) {
    assert_eq!(v["command"], command);
    for key in ["original_acc", "he_friendly_acc", "polynomial_acc"] {
        let x = v[key].as_f64().unwrap_or_else(|| panic!("{key} missing: {v}"));
        assert!((0.0..=1.0).contains(&x), "{key} = {x}");
    }
    let acts = v["activations"].as_array().expect("activations");
    assert_eq!(acts.len(), 2);
    for a in acts {
        assert!(a["interval"].as_array().is_some_and(|i| i.len() == 2));
        assert!(a["max_abs_input"].as_f64().is_some());
    }
    let m = v["max_abs_input"].as_object().expect("max_abs_input");
    assert!(m.contains_key("block0.attention") && m.contains_key("block0.mlp"));
}

#[test]
fn train_and_convert_report_one_json_object() {
    let ck = temp_path("ck.json");
    let out = temp_path("model.bin");
    let args = TrainArgs { checkpoint: Some(ck.clone()), out: Some(out.clone()), ..tiny_train_args() };
    let r = run_train(&args).expect("train");
    let v = serde_json::to_value(&r).expect("json");
    check_json_shape(&v, "train");
    let model = Model::from_bytes(&std::fs::read(&out).expect("model file")).expect("model");
    assert!(model.calibration.is_some());

    let conv = ConvertArgs {
        checkpoint: ck.clone(),
        data: args.data.clone(),
        convert: args.convert.clone(),
        out: None,
        json: true,
    };
    let r2 = run_convert(&conv).expect("convert");
    let v2 = serde_json::to_value(&r2).expect("json");
    check_json_shape(&v2, "convert");
    // Same checkpoint, same settings: the same numbers.
    assert_eq!(v["polynomial_acc"], v2["polynomial_acc"]);
    assert_eq!(v["original_acc"], v2["original_acc"]);
    let _ = std::fs::remove_file(ck);
    let _ = std::fs::remove_file(out);
}

#[test]
fn bad_input_gives_clear_errors() {
    // A missing IDX folder.
    let mut args = tiny_train_args();
    args.data.idx = Some(PathBuf::from("/nonexistent/polyhe-idx"));
    let e = run_train(&args).expect_err("missing folder").to_string();
    assert!(e.contains("neither") && e.contains("train-images-idx3-ubyte"), "{e}");

    // A patch that does not divide the image.
    let mut args = tiny_train_args();
    args.arch.patch = 3;
    let e = run_train(&args).expect_err("bad patch").to_string();
    assert!(e.contains("patch 3x3 does not divide the 8x8 image"), "{e}");

    // Heads that do not divide the width.
    let mut args = tiny_train_args();
    args.arch.heads = 3;
    let e = run_train(&args).expect_err("bad heads").to_string();
    assert!(e.contains("not a multiple of the 3 heads"), "{e}");

    // A checkpoint that is not one, and one of another version.
    let bad = temp_path("bad-ck.json");
    std::fs::write(&bad, b"{\"hello\": 1}").expect("write");
    let conv = ConvertArgs {
        checkpoint: bad.clone(),
        data: tiny_train_args().data,
        convert: tiny_train_args().convert,
        out: None,
        json: true,
    };
    let e = run_convert(&conv).expect_err("bad checkpoint").to_string();
    assert!(e.contains("not a polyhe training checkpoint"), "{e}");
    let p = HeParams::init(&tiny_arch(), 1).expect("init");
    let ck = Checkpoint {
        format: params::CHECKPOINT_FORMAT.to_owned(),
        version: 99,
        dataset: "digits".into(),
        train: tiny_train(),
        original_acc: None,
        params: params::ModelParams::Vision(p),
    };
    ck.save(&bad).expect("save");
    let e = run_convert(&conv).expect_err("wrong version").to_string();
    assert!(e.contains("version 99"), "{e}");
    let _ = std::fs::remove_file(bad);

    // A checkpoint whose image size does not match the data.
    let big = ArchConfig { image_rows: 16, image_cols: 16, ..tiny_arch() };
    let e = check(big);
    assert!(e.contains("images are 8x8, the model takes 16x16"), "{e}");
}

fn check(arch: ArchConfig) -> String {
    let (train, _) = digits_split().expect("digits");
    batch::check_dataset(&train, &arch, "training").expect_err("mismatch").to_string()
}

#[test]
fn the_bundled_model_file_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/digits-model.bin");
    let Ok(bytes) = std::fs::read(path) else {
        panic!("{path} is missing: make it with the command in BENCHMARKS.md");
    };
    let model = Model::from_bytes(&bytes).expect("bundled model");
    let c = &model.config;
    assert_eq!((c.image_rows, c.image_cols, c.patch_rows, c.patch_cols), (8, 8, 2, 2));
    assert_eq!((c.width, c.heads, c.mlp_hidden, c.classes), (16, 2, 32, 10));
    for (_, t) in model.tables() {
        assert!(t.degree() <= 15);
    }
    let (_, test) = digits_split().expect("digits");
    let correct = (0..test.len())
        .filter(|&i| {
            model.predict(&image_f64(&test, i), ActivationMode::Polynomial).ok() == Some(usize::from(test.labels[i]))
        })
        .count();
    let acc = correct as f64 / test.len() as f64;
    let cal = model.calibration.as_ref().expect("calibration");
    assert!((acc - f64::from(cal.accuracy)).abs() < 1e-6, "{acc} vs {}", cal.accuracy);
    assert!(acc >= 0.9, "polynomial accuracy {acc}");
}

#[test]
fn the_bundled_checkpoint_converts_to_the_bundled_model() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let ck = Checkpoint::load(&PathBuf::from(format!("{dir}/digits-checkpoint.json"))).expect("bundled checkpoint");
    let bundled = std::fs::read(format!("{dir}/digits-model.bin")).expect("bundled model");
    let (train, test) = digits_split().expect("digits");
    let params::ModelParams::Vision(p) = &ck.params else { panic!("the bundled checkpoint is of the vision form") };
    let c = convert(p, &train, &test, &ConvertConfig::default()).expect("convert");
    assert!(c.max_logit_diff < 1e-4, "max |logit diff| {:e}", c.max_logit_diff);
    assert!(c.sites.iter().all(|s| s.outside == 0), "{:?}", c.sites);
    assert_eq!(c.model.to_bytes().expect("bytes"), bundled, "polyhe convert of the checkpoint reproduces the file");
}

#[test]
fn the_range_loss_sums_excesses_and_pulls_on_the_maximum() {
    use burn::tensor::{Tensor, TensorData};
    let dev = trainer::device();
    // Two samples of four inputs; target 2: excesses 1 (|-3|) and 3 (5).
    let x = Tensor::<2>::from_data(TensorData::new(vec![0.5f32, -3.0, 1.0, 2.0, 5.0, 0.0, -1.5, 1.9], [2, 4]), &dev);
    let inside = Tensor::<2>::from_data(TensorData::new(vec![0.5f32, -1.0, 1.0, 2.0], [1, 4]), &dev);
    let value = |t: Tensor<1>| f64::from(model::read(t, "loss").expect("read")[0]);
    // sum(e^2) / batch + max(e)^2 = (1 + 9) / 2 + 9.
    let l = value(trainer::range_loss(std::slice::from_ref(&x), 2.0).expect("one site"));
    assert!((l - 14.0).abs() < 1e-5, "{l}");
    assert_eq!(value(trainer::range_loss(&[inside], 2.0).expect("one site")), 0.0);
    // Sites add up.
    let two = value(trainer::range_loss(&[x.clone(), x], 2.0).expect("two sites"));
    assert!((two - 28.0).abs() < 1e-5, "{two}");
    assert!(trainer::range_loss(&[], 2.0).is_none());
}

// ---------------------------------------------------------------------------
// The language form and mnist1d.

use super::batch::Samples;
use super::params::{LangParams, ModelParams};
use super::seq::{SeqError, SeqSet};

fn mnist1d() -> (SeqSet, SeqSet) {
    seq::read(&seq::bundled_path()).expect("host/data/mnist1d.bin")
}

/// mnist1d in 8 tokens of 5 values, width 8, 2 heads, MLP 16, 1 block.
fn tiny_lang_arch() -> ArchConfig {
    ArchConfig {
        image_rows: 1,
        image_cols: 40,
        patch_rows: 1,
        patch_cols: 5,
        width: 8,
        mlp_hidden: 16,
        form: Form::Language,
        ..ArchConfig::digits()
    }
}

#[test]
fn the_committed_mnist1d_export_is_the_packages_default_split() {
    let (train, test) = mnist1d();
    assert_eq!((train.labels.len(), test.labels.len(), train.len, train.classes), (4000, 1000, 40, 10));
    // The label counts the mnist1d package printed for its default
    // training split when the file was exported (np.bincount(y)).
    let mut counts = [0usize; 10];
    for &l in &train.labels {
        counts[usize::from(l)] += 1;
    }
    assert_eq!(counts, [398, 396, 411, 394, 394, 402, 401, 404, 402, 398]);
    // Values: mean about 0, standard deviation about 1 (the package's scale).
    let n = train.values.len() as f64;
    let mean = train.values.iter().map(|&v| f64::from(v)).sum::<f64>() / n;
    let sd = (train.values.iter().map(|&v| (f64::from(v) - mean).powi(2)).sum::<f64>() / n).sqrt();
    assert!(mean.abs() < 0.01 && (sd - 1.0).abs() < 0.05, "mean {mean}, sd {sd}");
    // As samples: a 1 x 40 input, value (0, c) is element c.
    assert_eq!((train.rows(), train.cols()), (1, 40));
    assert_eq!(train.value(3, 0, 7), train.values[3 * 40 + 7]);
    assert_eq!(train.value(3, 1, 7), 0.0);
    assert_eq!(image_f64(&test, 999).len(), 40);
}

#[test]
fn malformed_mnist1d_exports_are_typed_errors() {
    let good = std::fs::read(seq::bundled_path()).expect("export");
    let path = std::path::Path::new("x.bin");
    let err = |b: &[u8]| seq::parse(path, b).expect_err("malformed");
    assert!(matches!(err(b"MNIST"), SeqError::BadMagic { .. }));
    let mut b = good.clone();
    b[0] = b'X';
    let e = err(&b);
    assert!(matches!(e, SeqError::BadMagic { .. }) && e.to_string().contains("export_mnist1d.py"), "{e}");
    let mut b = good.clone();
    b[8] = 2;
    assert!(matches!(err(&b), SeqError::Version { found: 2, .. }));
    let e = err(&good[..good.len() - 1]);
    assert!(matches!(e, SeqError::WrongSize { expected: 805_028, actual: 805_027, .. }), "{e}");
    let mut b = good.clone();
    b.push(0);
    assert!(matches!(err(&b), SeqError::WrongSize { .. }));
    assert!(matches!(err(&good[..20]), SeqError::WrongSize { .. }));
    let mut b = good.clone();
    b[12..16].copy_from_slice(&0u32.to_le_bytes());
    assert!(matches!(err(&b), SeqError::Header { .. }));
    let mut b = good.clone();
    b[24..28].copy_from_slice(&300u32.to_le_bytes());
    assert!(matches!(err(&b), SeqError::Header { .. }));
    // A label of 10 in a 10-class file (the first test label).
    let mut b = good.clone();
    let first_test_label = 28 + 4000 * 161 + 1000 * 160;
    b[first_test_label] = 10;
    match err(&b) {
        SeqError::BadSample { split: "test", index: 0, .. } => {}
        other => panic!("{other}"),
    }
    // A NaN value (training sequence 2, value 0).
    let mut b = good;
    b[28 + 2 * 160..28 + 2 * 160 + 4].copy_from_slice(&f32::NAN.to_le_bytes());
    match err(&b) {
        SeqError::BadSample { split: "train", index: 2, .. } => {}
        other => panic!("{other}"),
    }
    let e = seq::read(std::path::Path::new("/nonexistent/mnist1d.bin")).expect_err("missing");
    assert!(e.to_string().contains("/nonexistent/mnist1d.bin"), "{e}");
}

/// Random LayerNorm gains and biases, so that folding them is exercised.
fn perturb_lang(p: &mut LangParams, seed: u64) {
    let mut rng = Rng::new(seed);
    let mut ln = |l: &mut params::LnParams| {
        for i in 0..l.gamma.len() {
            l.gamma[i] = 1.0 + rng.uniform(0.5);
            l.beta[i] = rng.uniform(0.5);
        }
    };
    for b in &mut p.blocks {
        ln(&mut b.ln1);
        ln(&mut b.ln2);
    }
    ln(&mut p.ln_final);
}

#[test]
fn folding_preserves_the_language_form_logits() {
    let (_, test) = mnist1d();
    let test = test.split_at(200).0;
    for (blocks, scaling) in [(1, LengthScaling::InvSqrtL), (2, LengthScaling::PreInvSqrtL)] {
        let arch = ArchConfig { blocks, scaling, activation: ActivationKind::Gelu, ..tiny_lang_arch() };
        let mut p = LangParams::init(&arch, 5).expect("init");
        perturb_lang(&mut p, 13);
        let exact = vec![SiteAct::Exact(arch.activation); arch.sites()];
        let (burn, _) = trainer::evaluate_lang(&p, &test, &exact, &[]).expect("burn");
        let t = ApproxTable::fit(arch.activation.core(), FitMethod::ChebyshevInterpolation, -4.0, 4.0, 3).expect("t");
        let n = ApproxTable::fit(polyhe_core::approx::Activation::InvSqrt, FitMethod::Minimax, 0.1, 4.0, 3).expect("n");
        let model = convert::fold_lang(&p, &vec![t; arch.sites()], &vec![n; arch.norm_sites()], 2).expect("fold");
        assert!(model.config.causal && model.norms.is_some());
        let mut max_diff = 0f64;
        for i in 0..test.len() {
            let l = model.logits(&image_f64(&test, i), ActivationMode::Exact).expect("logits");
            for (a, b) in l.iter().zip(&burn.logits[i * arch.classes..]) {
                max_diff = max_diff.max((a - f64::from(*b)).abs());
            }
        }
        assert!(max_diff < 1e-4, "{blocks} blocks, {scaling:?}: max |logit diff| {max_diff:e}");
    }
}

#[test]
fn the_language_form_is_causal() {
    // Changing the last token changes only the last token's contribution:
    // with causal attention the first tokens' states do not see it, so a
    // model pooling over token 0 only would not move. Check it on the
    // burn model through the norms of the first LayerNorm of block 1: the
    // variances of tokens 0..7 stay, token 7's moves.
    use burn::tensor::{Tensor, TensorData};
    let arch = ArchConfig { blocks: 2, ..tiny_lang_arch() };
    let mut p = LangParams::init(&arch, 3).expect("init");
    perturb_lang(&mut p, 4);
    let dev = trainer::device();
    let m = model::LangModel::from_params(&p, &dev).expect("model");
    let mut x: Vec<f32> = (0..40).map(|i| (i as f32 * 0.37).sin()).collect();
    let run = |x: &[f32]| {
        let t = Tensor::<3>::from_data(TensorData::new(x.to_vec(), [1, 8, 5]), &dev);
        let f = m.forward(t, &[], &[]);
        model::read(f.norms[2].clone(), "v").expect("read")
    };
    let a = run(&x);
    x[39] += 1.0;
    let b = run(&x);
    assert!(a[..7].iter().zip(&b[..7]).all(|(u, v)| u == v), "{a:?} vs {b:?}");
    assert!((a[7] - b[7]).abs() > 1e-6);
}

#[test]
fn the_language_form_polynomial_model_matches_the_burn_side_on_the_whole_test_split() {
    let (train, test) = mnist1d();
    let arch = tiny_lang_arch();
    // 12 short epochs: enough for the variance loss to lift the smallest
    // LayerNorm variance (about 0.003 at initialisation for flat stretches
    // of a sequence) to where a degree-7 1/sqrt with 3 Newton steps holds;
    // after 2 epochs it does not, and the polynomial model overflows.
    let cfg =
        TrainConfig { epochs: 12, batch_size: 64, seed: 0, range_from_epoch: 2, beta: 2.0, ..TrainConfig::default() };
    let train = train.split_at(1000).0;
    let p = trainer::train_lang(&train, &arch, &cfg, &mut |_, _| {}).expect("train");
    let conv = ConvertConfig { margin: 0.3, newton_steps: 3, ..ConvertConfig::default() };
    let c = convert::convert_lang(&p, &train, &test, &conv).expect("convert");
    // NaN fails this too (the comparison is false).
    assert!(c.max_logit_diff < 1e-4, "max |logit diff| {:e} over {} sequences", c.max_logit_diff, test.len());
    assert!(c.sites.iter().all(|s| s.outside == 0), "{:?}", c.sites);
    assert!((c.polynomial_acc - c.burn_polynomial_acc).abs() < 1e-9);
    // Two activation sites, then three LayerNorms.
    let names: Vec<&str> = c.sites.iter().map(|s| s.site.as_str()).collect();
    assert_eq!(
        names,
        ["block0.attention", "block0.mlp", "block0.layernorm_attention", "block0.layernorm_mlp", "final.layernorm"]
    );
    for s in &c.sites {
        assert!(s.interval[0] <= s.train_range[0] && s.train_range[1] <= s.interval[1], "{s:?}");
    }
    // The norms' intervals are in units of var + eps > 0.
    assert!(c.sites[2..].iter().all(|s| s.interval[0] > 0.0));
    // The file round-trips (version 2) with the measured variance ranges.
    let bytes = c.model.to_bytes().expect("to_bytes");
    let back = Model::from_bytes(&bytes).expect("from_bytes");
    assert_eq!(back, c.model);
    let norms = back.norms.as_ref().expect("norms");
    assert_eq!(norms.ranges.len(), 3);
    assert!(norms.iter().all(|n| n.newton_steps == 3 && n.inv_sqrt.degree() == 7));
    // The encrypted evaluator refuses it with a typed error.
    assert!(matches!(polyhe_core::he::HePlan::new(&back), Err(polyhe_core::he::Error::Unsupported { .. })));
    // The checkpoint round trip keeps the form.
    let path = temp_path("lang-ck.json");
    let ck = Checkpoint {
        format: params::CHECKPOINT_FORMAT.to_owned(),
        version: params::CHECKPOINT_VERSION,
        dataset: "mnist1d".into(),
        train: cfg,
        original_acc: None,
        params: ModelParams::Language(p),
    };
    ck.save(&path).expect("save");
    assert_eq!(Checkpoint::load(&path).expect("load"), ck);
    let _ = std::fs::remove_file(path);
}

#[test]
fn the_variance_loss_penalises_relative_excess_on_both_sides() {
    use burn::tensor::{Tensor, TensorData};
    let dev = trainer::device();
    let value = |t: Tensor<1>| f64::from(model::read(t, "loss").expect("read")[0]);
    // Floor 0.5, ceiling 4: v = 0.25 is 50% below the floor, 6 is 50% above
    // the ceiling, 1 and 3 are inside. Two samples of two tokens.
    let v = Tensor::<2>::from_data(TensorData::new(vec![0.25f32, 1.0, 6.0, 3.0], [2, 2]), &dev);
    // sum(e^2) / batch + max(e)^2 = (0.25 + 0.25) / 2 + 0.25.
    let l = value(trainer::norm_var_loss(std::slice::from_ref(&v), 0.5, 4.0).expect("one norm"));
    assert!((l - 0.5).abs() < 1e-6, "{l}");
    let inside = Tensor::<2>::from_data(TensorData::new(vec![0.5f32, 4.0], [1, 2]), &dev);
    assert_eq!(value(trainer::norm_var_loss(&[inside], 0.5, 4.0).expect("one")), 0.0);
    assert!(trainer::norm_var_loss(&[], 0.5, 4.0).is_none());
}

#[test]
fn language_form_options_are_checked() {
    let mut args = tiny_train_args();
    args.data.mnist1d = Some(seq::bundled_path());
    args.arch.form = Form::Language;
    args.arch.patch = 5;
    // --shift moves images, not sequences.
    let e = run_train(&args).expect_err("shift").to_string();
    assert!(e.contains("--shift"), "{e}");
    args.train.shift = 0;
    args.arch.patch = 3;
    let e = run_train(&args).expect_err("patch").to_string();
    assert!(e.contains("patch 1x3 does not divide the 1x40 image"), "{e}");
    args.arch.patch = 5;
    args.train.var_floor = 5.0;
    let e = run_train(&args).expect_err("floor").to_string();
    assert!(e.contains("variance floor"), "{e}");
    args.train.var_floor = 0.25;
    args.convert.newton_steps = 9;
    let e = run_train(&args).expect_err("newton").to_string();
    assert!(e.contains("Newton steps"), "{e}");
    // A vision checkpoint's weights under a language architecture.
    let mut p = HeParams::init(&tiny_arch(), 1).expect("init");
    p.arch.form = Form::Language;
    assert!(p.validate().expect_err("form").to_string().contains("form vision"));
}
