//! Encrypted inference with the bundled model, the secret key on the
//! device: the firmware (`firmware/src/bin/model.rs`, Cortex-M4F under QEMU
//! `mps2-an386`) generates the evaluation keys (N = 2^15, relinearisation
//! and the plan's 6 rotation keys, about 40 MB streamed out one limb at a
//! time) and encrypts the whole test split of the bundled digits (360
//! images, one pass) as 4 seeded ciphertexts; the host checks the device's
//! key files byte for byte against `polyhe keygen`'s from the same
//! generator, runs `polyhe pack`, `polyhe infer` (with the device's keys,
//! no secret key) and `polyhe unpack` (the library functions the commands
//! call); the device decrypts the 10 logit ciphertexts, logs each
//! prediction with defmt and writes the logits back, which must match the
//! plaintext polynomial model (the independent reference) within the
//! documented precision.
//!
//! Needs `qemu-system-arm`, `defmt-print` and the `thumbv7em-none-eabihf`
//! target (the test builds the firmware). Without them the test is skipped
//! with a note, or fails when `POLYHE_REQUIRE_TOOLS=1` (as `scripts/test.sh`
//! sets). 120 s with the firmware already built, 206 s with its first
//! release build, on the loaded 2-core machine (BENCHMARKS.md, firmware).

#[path = "common/qemu.rs"]
mod qemu;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qemu::{defmt_print, on_path, wait_for};

use polyhe_core::nn::{argmax, ActivationMode};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

/// `SEED_LABEL` of the firmware's `model` binary.
const SEED_LABEL: u64 = 2026;

/// The generator `client_rng(&mut InsecureQemuSeed(label))` makes on the
/// device (firmware/src/client.rs).
fn device_rng(label: u64) -> ChaCha20Rng {
    let mut seed = [0u8; 32];
    ChaCha20Rng::seed_from_u64(label ^ 0x706f_6c79_6865_2d71).fill_bytes(&mut seed);
    ChaCha20Rng::from_seed(seed)
}

#[test]
fn device_keys_and_inputs_bundled_model_through_polyhe_infer_device_decrypts() {
    let missing: Vec<&str> = [("qemu-system-arm", on_path("qemu-system-arm")), ("defmt-print", defmt_print())]
        .into_iter()
        .filter(|(_, p)| p.is_none())
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        assert!(
            !std::env::var("POLYHE_REQUIRE_TOOLS").is_ok_and(|v| v.trim() == "1"),
            "external tool(s) not found: {missing:?}; POLYHE_REQUIRE_TOOLS=1 makes this a failure"
        );
        eprintln!("note: skipping the QEMU model round trip: {missing:?} not found");
        return;
    }
    let t0 = Instant::now();
    let fw = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../firmware");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--release", "--bin", "model"])
        .current_dir(&fw)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .status()
        .expect("run cargo build for the firmware");
    assert!(built.success(), "building the firmware's model binary failed");
    let elf = fw.join("target/thumbv7em-none-eabihf/release/model");
    let build_s = t0.elapsed().as_secs_f64();

    let dir = std::env::temp_dir().join(format!("polyhe-fw-model-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("keys")).unwrap();
    std::fs::create_dir_all(dir.join("logits-staging")).unwrap();
    let log = dir.join("qemu.log");
    let t1 = Instant::now();
    let mut child = Command::new(fw.join("run-qemu.sh"))
        .arg(&elf)
        .current_dir(&dir)
        .env("POLYHE_QEMU_TIMEOUT", "1800")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(dir.join("qemu.err")).unwrap())
        .spawn()
        .expect("start run-qemu.sh");
    wait_for(&dir.join("inputs.done"), &mut child, Duration::from_secs(1200), &log);
    let device_s = t1.elapsed().as_secs_f64();

    // The device's public key directory is byte-identical to what `polyhe
    // keygen` writes from the same generator (core `KeyGenerator`, whole
    // polynomials) for the bundled model.
    let model = polyhe_host::infer::load_model(None).unwrap();
    let keys = dir.join("keys");
    let host_keys = dir.join("host-keys");
    polyhe_host::infer::keygen(&model, &host_keys, &mut device_rng(SEED_LABEL), false).unwrap();
    for f in ["params.bin", "model.fp", "relin.key", "galois.key"] {
        let (a, b) = (std::fs::read(keys.join(f)).unwrap(), std::fs::read(host_keys.join(f)).unwrap());
        assert!(a == b, "{f}: the device's file ({} bytes) differs from polyhe keygen's ({} bytes)", a.len(), b.len());
    }
    assert!(!keys.join("secret.key").exists(), "the secret key must stay on the device");

    // polyhe pack / infer / unpack with the device's files and keys.
    let plan = polyhe_host::infer::plan(&model).unwrap();
    let test = polyhe_host::infer::digits_test_split().unwrap();
    let samples = test.len().min(plan.batch());
    let columns: Vec<PathBuf> = (0..plan.inputs).map(|p| dir.join(format!("input-{p}.seeded"))).collect();
    let batch = dir.join("inputs.bin");
    let t2 = Instant::now();
    polyhe_host::infer::device::pack_file(&model, &keys, &columns, samples, &batch).unwrap();
    let logits = dir.join("logits.bin");
    polyhe_host::infer::infer_file(&model, &keys, &batch, &logits, None, false).unwrap();
    polyhe_host::infer::device::unpack_file(&model, &keys, &logits, &dir.join("logits-staging")).unwrap();
    let host_s = t2.elapsed().as_secs_f64();
    // The device sees complete files only.
    std::fs::rename(dir.join("logits-staging"), dir.join("logits")).unwrap();
    std::fs::write(dir.join("logits.done"), b"").unwrap();

    let t3 = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if t3.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("the firmware did not finish within 600 s:\n{}", std::fs::read_to_string(&log).unwrap_or_default());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "the firmware failed ({status}):\n{text}");
    let decrypt_s = t3.elapsed().as_secs_f64();

    // The device's logits against the plaintext polynomial model.
    let out = std::fs::read(dir.join("device-logits.bin")).unwrap();
    let classes = plan.outputs;
    assert_eq!(out.len(), 8 * samples * classes);
    let (mut worst, mut agree, mut close) = (0f64, 0usize, 0usize);
    for (i, row) in out.chunks_exact(8 * classes).enumerate() {
        let got: Vec<f64> = row.chunks_exact(8).map(|b| f64::from_le_bytes(b.try_into().unwrap())).collect();
        let img: Vec<f64> = test.image_f32(i).unwrap().into_iter().map(f64::from).collect();
        let want = model.model.logits(&img, ActivationMode::Polynomial).unwrap();
        let largest = want.iter().fold(1.0f64, |m, x| m.max(x.abs()));
        let tol = 1e-2 * largest;
        let err = want.iter().zip(&got).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        assert!(err <= tol, "sample {i}: device logits {got:?}, plaintext {want:?} (error {err:e} > {tol:e})");
        worst = worst.max(err);
        let p = argmax(&want);
        if argmax(&got) == p {
            agree += 1;
        } else {
            // Only a near tie may flip: the plaintext's top two closer than
            // twice the tolerance.
            let second = want.iter().enumerate().filter(|&(c, _)| c != p).map(|(_, &v)| v).fold(f64::MIN, f64::max);
            assert!(want[p] - second <= 2.0 * tol, "sample {i}: device predicts {}, plaintext {p}", argmax(&got));
            close += 1;
        }
        if i == 0 {
            let line = format!("sample 0: predicted class {} (label {})", argmax(&got), test.labels[0]);
            assert!(text.contains(&line), "the device must log {line:?}:\n{text}");
        }
    }
    eprintln!(
        "QEMU model round trip: {samples} samples, {agree} predictions equal to the plaintext model's ({close} near \
         ties differ), max logit error {worst:.3e}; firmware build {build_s:.1} s, device keys + inputs {device_s:.1} s, \
         host pack + infer + unpack {host_s:.1} s, device decryption {decrypt_s:.1} s, total {:.1} s\n{text}",
        t0.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
