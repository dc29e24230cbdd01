//! Encrypted inference end to end through the files and the command
//! line: a small digits-shaped model is built and calibrated here, then
//! `polyhe keygen`, `encrypt`, `infer` (which must not need the secret
//! key), `decrypt`, compared with the plaintext polynomial model; plus the
//! errors for mismatched files.

use std::path::{Path, PathBuf};
use std::process::Command;

use polyhe_core::approx::{Activation, ApproxTable, FitMethod};
use polyhe_core::nn::{ActivationMode, Block, Linear, Model, ModelConfig};

/// Deterministic weights (SplitMix64) without a dependency.
struct Weights(u64);

impl Weights {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn linear(&mut self, i: u32, o: u32) -> Linear {
        let s = 1.0 / f64::from(i).sqrt();
        Linear {
            inputs: i,
            outputs: o,
            weight: (0..i * o).map(|_| (self.next() * s) as f32).collect(),
            bias: (0..o).map(|_| (self.next() * 0.1) as f32).collect(),
        }
    }
}

/// 8x8 digits in 4x4 patches (4 tokens), width 4, 2 heads, one block,
/// degree-3 ReLU tables fitted on the ranges seen on `images`.
pub fn small_digits_model(images: &[Vec<f64>]) -> Model {
    let config = ModelConfig {
        image_rows: 8,
        image_cols: 8,
        patch_rows: 4,
        patch_cols: 4,
        width: 4,
        heads: 2,
        mlp_hidden: 8,
        blocks: 1,
        classes: 10,
        causal: false,
    };
    let mut w = Weights(42);
    let relu = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -8.0, 8.0, 3).unwrap();
    let block = Block {
        q: w.linear(4, 4),
        k: w.linear(4, 4),
        v: w.linear(4, 4),
        score_scale: vec![0.5, 0.5],
        score_shift: vec![0.0, 0.1],
        attn_act: relu.clone(),
        o: w.linear(4, 4),
        mlp_in: w.linear(4, 8),
        mlp_act: relu,
        mlp_out: w.linear(8, 4),
    };
    let mut m = Model {
        embed: w.linear(16, 4),
        pos: (0..16).map(|_| (w.next() * 0.3) as f32).collect(),
        blocks: vec![block],
        head: w.linear(4, 10),
        calibration: None,
        norms: None,
        config,
    };
    let r = m.calibrate(images.iter().map(|v| &v[..]), ActivationMode::Exact).unwrap();
    let fit = |s: &polyhe_core::nn::SiteRange| {
        ApproxTable::fit(Activation::Relu, FitMethod::Minimax, s.min - 0.5, s.max + 0.5, 3).unwrap()
    };
    m.blocks[0].attn_act = fit(&r.sites[0]);
    m.blocks[0].mlp_act = fit(&r.sites[1]);
    m.validate().unwrap();
    m
}

fn polyhe() -> Command {
    Command::new(env!("CARGO_BIN_EXE_polyhe"))
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = polyhe().args(args).output().expect("polyhe runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("polyhe-infer-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn keygen_encrypt_infer_decrypt_matches_plaintext() {
    let dir = tmp("e2e");
    let test = polyhe_host::infer::digits_test_split().unwrap();
    let images: Vec<Vec<f64>> =
        (0..test.len()).map(|i| test.image_f32(i).unwrap().into_iter().map(f64::from).collect()).collect();
    let model = small_digits_model(&images);
    let model_path = dir.join("model.bin");
    std::fs::write(&model_path, model.to_bytes().unwrap()).unwrap();
    let keys = dir.join("keys");
    let (m, k) = (s(&model_path), s(&keys));
    let (ok, _, err) = run(&["keygen", "--model", m, "--keys", k]);
    assert!(ok, "{err}");
    let (inp, outp) = (dir.join("in.bin"), dir.join("out.bin"));
    let (ok, _, err) = run(&["encrypt", "--model", m, "--keys", k, "--samples", "6", "--out", s(&inp)]);
    assert!(ok, "{err}");
    // The evaluator never needs the secret key: move it away.
    std::fs::rename(keys.join("secret.key"), dir.join("secret.key")).unwrap();
    let (ok, _, err) = run(&["infer", "--model", m, "--keys", k, "--input", s(&inp), "--out", s(&outp)]);
    assert!(ok, "{err}");
    let (ok, _, err) = run(&["decrypt", "--model", m, "--keys", k, "--input", s(&outp), "--json"]);
    assert!(!ok && err.contains("secret.key"), "decrypt without the secret key must say which file is missing: {err}");
    std::fs::rename(dir.join("secret.key"), keys.join("secret.key")).unwrap();
    let (ok, out, err) = run(&["decrypt", "--model", m, "--keys", k, "--input", s(&outp), "--json"]);
    assert!(ok, "{err}");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 6);
    for (i, line) in lines.iter().enumerate() {
        let got: Vec<f64> = line["logits"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
        let want = model.logits(&images[i], ActivationMode::Polynomial).unwrap();
        let largest = want.iter().fold(1.0f64, |a, b| a.max(b.abs()));
        for (a, b) in want.iter().zip(&got) {
            assert!((a - b).abs() <= 1e-3 * largest, "sample {i}: {got:?} vs {want:?}");
        }
    }

    // Mismatches are clear errors: logits given as inputs, inputs from
    // another model, keys for another model.
    let (ok, _, err) = run(&["infer", "--model", m, "--keys", k, "--input", s(&outp), "--out", s(&dir.join("x"))]);
    assert!(!ok && err.contains("encrypted inputs"), "{err}");
    let mut other = model.clone();
    other.head.bias[0] += 1.0;
    let other_path = dir.join("other.bin");
    std::fs::write(&other_path, other.to_bytes().unwrap()).unwrap();
    let (ok, _, err) = run(&["infer", "--model", s(&other_path), "--keys", k, "--input", s(&inp), "--out", s(&outp)]);
    assert!(!ok && err.contains("another model"), "{err}");
    // A corrupted input batch.
    let mut bytes = std::fs::read(&inp).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    std::fs::write(&inp, &bytes).unwrap();
    let (ok, _, err) = run(&["infer", "--model", m, "--keys", k, "--input", s(&inp), "--out", s(&outp)]);
    assert!(!ok && err.contains("corrupted"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--engine fpga:<port>` with no board there: the demo still runs,
/// every NTT on the CPU, and the JSON says so.
#[test]
fn demo_on_a_missing_board_falls_back_to_the_cpu() {
    let (ok, out, err) = run(&["demo", "--samples", "1", "--json", "--engine", "fpga:/dev/polyhe-no-board"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    assert_eq!(v["agree"], 1.0);
    assert_eq!(v["engine"], "fpga");
    let o = &v["offload"];
    assert_eq!(o["offloaded"], 0, "{o}");
    assert!(o["fell_back"].as_u64().unwrap() > 1000, "{o}");
    assert!(o["rested"].as_u64().unwrap() > 0, "{o}");
    // Warned once, on stderr.
    assert_eq!(err.matches("accelerator operation failed").count(), 1, "{err}");
}

/// `polyhe demo --json` on the bundled model: the contract fields, and
/// encrypted predictions equal to the plaintext model's.
#[test]
fn demo_json_contract_with_the_bundled_model() {
    let (ok, out, err) = run(&["demo", "--samples", "4", "--json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON object");
    for field in ["samples", "agree", "max_logit_err", "ms_per_sample", "logn", "security_bits"] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert_eq!(v["samples"], 4);
    assert_eq!(v["agree"], 1.0);
    assert!(v["security_bits"].as_u64().unwrap() >= 128);
    assert!(v["max_logit_err"].as_f64().unwrap() < 0.05);
    assert_eq!(v["per_sample"].as_array().unwrap().len(), 4);
    // The plan's key-switch count is what the evaluator did (one pass).
    assert_eq!(v["inner"]["key_switches"], v["key_switches"]);
    assert_eq!((&v["engine"], &v["offload"]), (&serde_json::json!("cpu"), &serde_json::Value::Null));
    // The plan of the same model: depth as in the demo, one range per
    // activation site, inside its interval on the test split.
    let (ok, out, err) = run(&["plan", "--json"]);
    assert!(ok, "{err}");
    let p: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(p["depth"], v["depth"]);
    for r in p["ranges"].as_array().unwrap() {
        assert_eq!(r["outside"], 0, "{r}");
        assert!(r["margin"].as_f64().unwrap() > 0.0);
    }
    // Bad input is a clear error, not a panic.
    let (ok, _, err) = run(&["demo", "--samples", "0"]);
    assert!(!ok && err.contains("--samples"), "{err}");
}

/// A device client's files: seeded input ciphertexts written one file per
/// column (as the firmware does), `polyhe pack` into a batch, `polyhe
/// infer`, `polyhe unpack` into one logit file per class, decrypted here
/// and compared with the plaintext polynomial model; bad files refused.
#[test]
fn pack_seeded_columns_infer_unpack_matches_plaintext() {
    use polyhe_core::ckks::{Complex, Context, Parameters, SecretKey};
    use polyhe_core::he::HePlan;
    use rand_chacha::rand_core::SeedableRng;

    let dir = tmp("pack");
    let test = polyhe_host::infer::digits_test_split().unwrap();
    let images: Vec<Vec<f64>> =
        (0..test.len()).map(|i| test.image_f32(i).unwrap().into_iter().map(f64::from).collect()).collect();
    let model = small_digits_model(&images);
    let model_path = dir.join("model.bin");
    std::fs::write(&model_path, model.to_bytes().unwrap()).unwrap();
    let keys = dir.join("keys");
    let (m, k) = (s(&model_path), s(&keys));
    let (ok, _, err) = run(&["keygen", "--model", m, "--keys", k]);
    assert!(ok, "{err}");

    // The "device": seeded secret-key encryptions, one file per column.
    let params = Parameters::from_bytes(&std::fs::read(keys.join("params.bin")).unwrap()).unwrap();
    let ctx = Context::new(params).unwrap();
    let sk = SecretKey::from_bytes_secret(&ctx, &std::fs::read(keys.join("secret.key")).unwrap()).unwrap();
    let plan = HePlan::with_params(&model, ctx.params().clone()).unwrap();
    let samples = 5;
    let refs: Vec<&[f64]> = images[..samples].iter().map(|v| &v[..]).collect();
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(80);
    let mut cols = Vec::new();
    for (i, col) in plan.layout.pack_images(&model.config, &refs).unwrap().iter().enumerate() {
        let z: Vec<Complex> = col.iter().map(|&x| Complex::new(x, 0.0)).collect();
        let seeded = ctx.encrypt_sk_seeded(&sk, &z, &mut rng).unwrap();
        let path = dir.join(format!("input-{i}.seeded"));
        std::fs::write(&path, seeded.to_bytes().unwrap()).unwrap();
        cols.push(path);
    }
    let col_args: Vec<&str> = cols.iter().map(|p| s(p)).collect();
    let batch = dir.join("in.bin");
    let pack = |extra: &[&str], columns: &[&str]| {
        let mut a = vec!["pack", "--model", m, "--keys", k, "--out", s(&batch)];
        a.extend_from_slice(extra);
        a.extend_from_slice(columns);
        run(&a)
    };
    let (ok, _, err) = pack(&["--samples", "5"], &col_args);
    assert!(ok, "{err}");
    // The evaluator never needs the secret key.
    std::fs::rename(keys.join("secret.key"), dir.join("secret.key")).unwrap();
    let logits = dir.join("out.bin");
    let (ok, _, err) = run(&["infer", "--model", m, "--keys", k, "--input", s(&batch), "--out", s(&logits)]);
    assert!(ok, "{err}");
    let out_dir = dir.join("logits");
    let (ok, _, err) = run(&["unpack", "--model", m, "--keys", k, "--input", s(&logits), "--out-dir", s(&out_dir)]);
    assert!(ok, "{err}");
    let cols_out: Vec<Vec<f64>> = (0..plan.outputs)
        .map(|c| {
            let bytes = std::fs::read(out_dir.join(format!("logits-{c}.ct"))).unwrap();
            let ct = polyhe_core::ckks::Ciphertext::from_bytes(&ctx, &bytes).unwrap();
            ctx.decrypt_real(&sk, &ct).unwrap()
        })
        .collect();
    assert!(!out_dir.join(format!("logits-{}.ct", plan.outputs)).exists());
    for (i, got) in plan.layout.unpack_logits(&cols_out, samples).unwrap().iter().enumerate() {
        let want = model.logits(&images[i], ActivationMode::Polynomial).unwrap();
        let largest = want.iter().fold(1.0f64, |a, b| a.max(b.abs()));
        for (a, b) in want.iter().zip(got) {
            assert!((a - b).abs() <= 1e-3 * largest, "sample {i}: {got:?} vs {want:?}");
        }
    }

    // Bad input: a column too few, too many samples, a corrupted column,
    // a file of another kind, a column below the top level, an input batch
    // given to unpack.
    let (ok, _, err) = pack(&["--samples", "5"], &col_args[1..]);
    assert!(!ok && err.contains("multiple of"), "{err}");
    let (ok, _, err) = pack(&["--samples", "100000"], &col_args);
    assert!(!ok && err.contains("--samples"), "{err}");
    let mut bad = std::fs::read(&cols[0]).unwrap();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x08;
    let bad_path = dir.join("bad.seeded");
    std::fs::write(&bad_path, &bad).unwrap();
    let mut with_bad = col_args.clone();
    with_bad[0] = s(&bad_path);
    let (ok, _, err) = pack(&["--samples", "5"], &with_bad);
    assert!(!ok && err.contains("bad.seeded") && err.contains("corrupted"), "{err}");
    let params_path = keys.join("params.bin");
    with_bad[0] = s(&params_path);
    let (ok, _, err) = pack(&["--samples", "5"], &with_bad);
    assert!(!ok && err.contains("params.bin"), "{err}");
    let low = out_dir.join("logits-0.ct");
    with_bad[0] = s(&low);
    let (ok, _, err) = pack(&["--samples", "5"], &with_bad);
    assert!(!ok && err.contains("top level"), "{err}");
    let (ok, _, err) = run(&["unpack", "--model", m, "--keys", k, "--input", s(&batch), "--out-dir", s(&out_dir)]);
    assert!(!ok && err.contains("encrypted logits"), "{err}");
    // A device's key files go through the same typed readers: a corrupted
    // or truncated evaluation key is refused with the file named.
    for (name, cut) in [("relin.key", false), ("galois.key", false), ("galois.key", true)] {
        let path = keys.join(name);
        let good = std::fs::read(&path).unwrap();
        let mut bad = good.clone();
        if cut {
            bad.truncate(bad.len() - 1000);
        } else {
            let mid = bad.len() / 2;
            bad[mid] ^= 0x20;
        }
        std::fs::write(&path, &bad).unwrap();
        let (ok, _, err) =
            run(&["infer", "--model", m, "--keys", k, "--input", s(&batch), "--out", s(&dir.join("x.bin"))]);
        assert!(!ok && err.contains(name) && (err.contains("corrupted") || err.contains("truncated")), "{err}");
        std::fs::write(&path, &good).unwrap();
    }
    let _ = std::fs::remove_dir_all(&dir);
}
