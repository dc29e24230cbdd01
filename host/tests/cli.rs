//! Runs the `polyhe` binary: the JSON contract of `bench ntt` and its error
//! handling. No timing assertions: only shapes and internal consistency.

use std::process::{Command, Output};

use serde_json::Value;

fn polyhe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polyhe")).args(args).output().expect("the polyhe binary runs")
}

fn num(v: &Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("field {key} is not a number in {v}"))
}

#[test]
fn bench_ntt_json_has_the_contracted_fields() {
    let out = polyhe(&["bench", "ntt", "--json", "--logn", "10,11", "--reps", "3", "--warmup", "1"]);
    assert!(out.status.success(), "exit {:?}, stderr: {}", out.status, String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON object");
    assert_eq!(v["schema"], "polyhe-bench-ntt/1");

    let m = &v["machine"];
    assert!(m["cpu_model"].as_str().is_some_and(|s| !s.is_empty()), "{m}");
    assert!(m["logical_cores"].as_u64().is_some_and(|c| c >= 1), "{m}");
    assert!(m["arch"].is_string() && m["os"].is_string() && m["cpu_features"].is_array(), "{m}");

    let c = &v["config"];
    assert_eq!(c["prime_bits"], 30);
    assert_eq!(c["reps"], 3);
    assert_eq!(c["warmup"], 1);
    assert_eq!(c["statistic"], "median");
    assert_eq!(c["clock"], "thread-cpu");

    let results = v["results"].as_array().expect("results is an array");
    assert_eq!(results.len(), 2);
    for (r, logn) in results.iter().zip([10u64, 11]) {
        assert_eq!(r["logn"].as_u64(), Some(logn));
        let n = r["n"].as_u64().expect("n");
        assert_eq!(n, 1 << logn);
        let q = r["q"].as_u64().expect("q");
        assert!(q < 1 << 30 && q > 1 << 29 && q % (2 * n) == 1, "q = {q}");
        assert!(["scalar", "avx2", "avx512"].contains(&r["kernel"].as_str().expect("kernel")), "{r}");
        assert!(r["batch"].as_u64().is_some_and(|b| b >= 1));
        assert_eq!(r["butterflies"].as_u64(), Some(n / 2 * logn));
        for op in ["fwd", "inv", "product"] {
            let mine = num(r, &format!("polyhe_{op}_us"));
            let theirs = num(r, &format!("tfhe_{op}_us"));
            let ratio = num(r, &format!("{op}_ratio"));
            assert!(mine > 0.0 && mine.is_finite() && theirs > 0.0 && theirs.is_finite(), "{op}: {r}");
            assert!((ratio - mine / theirs).abs() <= 1e-9 * ratio.abs(), "{op}_ratio != polyhe / tfhe in {r}");
        }
        assert!(num(r, "tfhe_inv_unscaled_us") > 0.0);
        let bfly = r["butterflies"].as_f64().expect("butterflies");
        for lib in ["polyhe", "tfhe"] {
            let rate = num(r, &format!("{lib}_fwd_bfly_per_s"));
            let fwd_s = num(r, &format!("{lib}_fwd_us")) * 1e-6;
            assert!((rate * fwd_s / bfly - 1.0).abs() < 1e-9, "{lib}_fwd_bfly_per_s inconsistent in {r}");
        }
    }
}

#[test]
fn bench_ntt_table_names_every_degree() {
    let out = polyhe(&["bench", "ntt", "--logn", "10", "--reps", "1", "--kernel", "scalar", "--clock", "wall"]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8(out.stdout).expect("utf-8");
    assert!(table.contains("ratio") && table.contains("scalar"), "{table}");
    assert!(table.lines().any(|l| l.trim_start().starts_with("10 ")), "{table}");
}

#[test]
fn bad_logn_is_rejected_with_a_helpful_message() {
    let out = polyhe(&["bench", "ntt", "--logn", "9"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--logn") && err.contains("10..=17"), "unhelpful message: {err}");
    assert!(out.stdout.is_empty());

    let out = polyhe(&["bench", "ntt", "--logn", "twelve"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'twelve'"));
}

#[test]
fn bad_reps_and_unknown_kernel_are_rejected() {
    for args in [&["bench", "ntt", "--reps", "0"][..], &["bench", "ntt", "--kernel", "neon"], &["bench", "fft"]] {
        let out = polyhe(args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error"), "{args:?}: {err}");
    }
}

#[test]
fn help_documents_the_json_fields() {
    let out = polyhe(&["bench", "ntt", "--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for field in ["polyhe_fwd_us", "tfhe_inv_us", "product_ratio", "cpu_model", "tfhe_fwd_bfly_per_s"] {
        assert!(help.contains(field), "--help does not document {field}");
    }
}

#[test]
fn bench_ckks_json_lines_have_the_contracted_fields() {
    let out = polyhe(&["bench", "ckks", "--json", "--logn", "13", "--reps", "1", "--no-progress"]);
    assert!(out.status.success(), "exit {:?}, stderr: {}", out.status, String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect();
    let ops: Vec<&str> = lines.iter().map(|v| v["op"].as_str().expect("op")).collect();
    assert_eq!(
        ops,
        ["keygen_pk", "keygen_relin", "keygen_galois", "encrypt", "decrypt", "mul_relin", "rescale", "rotate"]
    );
    for v in &lines {
        assert_eq!(v["logn"], 13);
        assert_eq!(v["security_bits"], 128);
        assert!(num(v, "median_ms") > 0.0 && num(v, "log_q") > 150.0 && num(v, "log_qp") <= 218.0, "{v}");
        assert!(v["limbs"].as_u64().is_some_and(|l| l >= 1), "{v}");
        match v["op"].as_str() {
            Some("decrypt") => assert!(v["bytes"].is_null()),
            _ => assert!(v["bytes"].as_u64().is_some_and(|b| b > 1000), "{v}"),
        }
        if let Some(o) = v["openfhe_ms"].as_f64() {
            assert!((num(v, "ratio") - num(v, "median_ms") / o).abs() < 1e-9, "{v}");
        }
    }
}

#[test]
fn bench_ckks_rejects_unknown_degrees() {
    let out = polyhe(&["bench", "ckks", "--logn", "12"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("13..=16") || String::from_utf8_lossy(&out.stderr).contains("13")
    );
}
