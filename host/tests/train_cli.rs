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
