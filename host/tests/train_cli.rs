//! `polyhe train` and `polyhe convert` through the command line (feature
//! `train`): a short run on part of the bundled digits writes a model that
//! `polyhe eval --plaintext` reads back, and both commands end with the
//! JSON object whose fields other tools read.
#![cfg(feature = "train")]

use std::process::Command;

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_polyhe")).args(args).output().expect("polyhe runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn train_then_convert_then_evaluate() {
    let dir = std::env::temp_dir().join(format!("polyhe-train-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (model, ck) = (dir.join("m.bin"), dir.join("ck.json"));
    let (m, c) = (model.to_str().unwrap(), ck.to_str().unwrap());
    let small = ["--epochs", "2", "--train-limit", "300", "--test-limit", "100", "--width", "8", "--mlp-hidden", "16"];
    let mut args = vec!["train", "--out", m, "--checkpoint", c, "--json", "--no-progress"];
    args.extend(small);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    for field in ["original_acc", "he_friendly_acc", "polynomial_acc", "max_abs_input", "activations"] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    for acc in ["he_friendly_acc", "polynomial_acc"] {
        let a = v[acc].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&a), "{acc} = {a}");
    }
    // Convert the checkpoint again at another degree; the file is a model
    // the plaintext evaluator reads.
    let m3 = dir.join("m3.bin");
    let (ok, out, err) =
        run(&["convert", c, "--attn-degree", "3", "--mlp-degree", "3", "--out", m3.to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert!(v.get("polynomial_acc").is_some(), "{v}");
    let (ok, out, err) = run(&["eval", "--plaintext", "--model", m3.to_str().unwrap(), "--json"]);
    assert!(ok, "{err}");
    let e: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(e["samples"], 360);
    // A missing IDX folder is a clear error.
    let (ok, _, err) = run(&["train", "--idx", dir.join("nope").to_str().unwrap(), "--epochs", "1"]);
    assert!(!ok && err.contains("nope"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn language_form_on_mnist1d() {
    let dir = std::env::temp_dir().join(format!("polyhe-train-cli-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data/mnist1d.bin");
    let (model, ck) = (dir.join("lang.bin"), dir.join("lang.ck.json"));
    let (m, c) = (model.to_str().unwrap(), ck.to_str().unwrap());
    let (ok, out, err) = run(&[
        "train",
        "--mnist1d",
        data,
        "--form",
        "language",
        "--patch",
        "5",
        "--width",
        "8",
        "--mlp-hidden",
        "16",
        "--epochs",
        "12",
        "--range-from-epoch",
        "2",
        "--beta",
        "2",
        "--newton-steps",
        "3",
        "--train-limit",
        "1000",
        "--test-limit",
        "200",
        "--margin",
        "0.3",
        "--out",
        m,
        "--checkpoint",
        c,
        "--json",
        "--no-progress",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    for acc in ["original_acc", "he_friendly_acc", "polynomial_acc"] {
        let a = v[acc].as_f64().unwrap_or_else(|| panic!("{acc} missing: {v}"));
        assert!((0.0..=1.0).contains(&a), "{acc} = {a}");
    }
    assert_eq!(v["arch"]["form"], "language");
    assert_eq!((v["arch"]["patch_rows"].as_u64(), v["arch"]["patch_cols"].as_u64()), (Some(1), Some(5)));
    // max |input| per activation, and the 1/sqrt input of every LayerNorm.
    let max_abs = v["max_abs_input"].as_object().expect("max_abs_input");
    for site in
        ["block0.attention", "block0.mlp", "block0.layernorm_attention", "block0.layernorm_mlp", "final.layernorm"]
    {
        assert!(max_abs.get(site).and_then(serde_json::Value::as_f64).is_some_and(|x| x > 0.0), "{site}: {v}");
    }
    // The two polynomial evaluations agree (null, i.e. NaN, fails too).
    assert!(v["max_logit_diff"].as_f64().is_some_and(|d| d < 1e-4), "{v}");
    let norm = v["activations"].as_array().unwrap().iter().find(|a| a["site"] == "final.layernorm").unwrap();
    assert!(norm["interval"][0].as_f64().unwrap() > 0.0, "{norm}");
    // The model file is a version-2 (language form) model; the checkpoint
    // converts again at other degrees.
    let model = polyhe_core::nn::Model::from_bytes(&std::fs::read(&model).unwrap()).expect("model file");
    assert!(model.config.causal && model.norms.is_some());
    let (ok, out, err) = run(&[
        "convert",
        c,
        "--mnist1d",
        data,
        "--test-limit",
        "200",
        "--margin",
        "0.3",
        "--norm-degree",
        "5",
        "--newton-steps",
        "3",
        "--json",
    ]);
    assert!(ok, "{err}");
    let v2: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v2["convert"]["newton_steps"], 3);
    assert_eq!(v2["original_acc"], v["original_acc"]);
    // A file that is not an export is a clear error.
    let (ok, _, err) = run(&["train", "--mnist1d", c, "--form", "language", "--patch", "5", "--epochs", "1"]);
    assert!(!ok && err.contains("not an mnist1d export"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
