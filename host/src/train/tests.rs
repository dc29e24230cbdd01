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
    for (blocks, scaling) in [(1, LengthScaling::InvSqrtL), (2, LengthScaling::PreInvSqrtL), (1, LengthScaling::InvL)] {
        let arch = ArchConfig { blocks, scaling, activation: ActivationKind::Gelu, ..ArchConfig::digits() };
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
        assert!(max_diff < 1e-4, "{blocks} blocks, {scaling:?}: max |logit diff| {max_diff:e}");
    }
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
        data: DataArgs { idx: None, train_limit: Some(200), test_limit: Some(100) },
        arch: ArchArgs {
            patch: 4,
            width: 8,
            heads: 2,
            mlp_hidden: 8,
            blocks: 1,
            activation: ActivationKind::Relu,
            scaling: LengthScaling::InvSqrtL,
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
        },
        convert: ConvertSettings {
            attn_degree: 7,
            mlp_degree: 7,
            margin: 0.05,
            symmetric: false,
            fit: FitArg::Minimax,
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
        params: p,
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
    let c = convert(&ck.params, &train, &test, &ConvertConfig::default()).expect("convert");
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
