//! The host round trip through QEMU: the firmware (`firmware/src/bin/roundtrip.rs`,
//! Cortex-M4F under QEMU `mps2-an386`) generates keys, encrypts a fixed 8x8
//! digit image and streams the ciphertext into a file through
//! semihosting; this test reads it with the host's `Ciphertext::from_bytes`,
//! evaluates `y = 3 x - 1` with polyhe-core's `Evaluator` (`mul_const`,
//! `rescale`, `add_const`: no evaluation key needed) and writes the result
//! ciphertext; the firmware, which waited for that file, decrypts and
//! decodes it on the device and writes the values back; they must match
//! `3 x - 1` within the bound the firmware also checks.
//!
//! Needs `qemu-system-arm`, `defmt-print` and the `thumbv7em-none-eabihf`
//! target (the test builds the firmware). Without them the test is skipped
//! with a note, or fails when `POLYHE_REQUIRE_TOOLS=1` (as `scripts/test.sh`
//! sets).

#[path = "../../firmware/src/demo_input.rs"]
mod demo_input;

#[path = "common/qemu.rs"]
mod qemu;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use qemu::{defmt_print, on_path, wait_for};

use demo_input::{affine, f32_part, files, files_sym, DIGIT};
use polyhe_core::ckks::{Ciphertext, Context, Evaluator, Parameters, ParametersLiteral, SeededCiphertext};

include!("../../firmware/src/params_literal.rs");

fn require_tools() -> bool {
    std::env::var("POLYHE_REQUIRE_TOOLS").is_ok_and(|v| v.trim() == "1")
}

/// The files one device binary exchanges with the host.
struct Files {
    input_ct: &'static str,
    /// The same encryption as a seeded ciphertext, when the device writes one.
    input_seeded: Option<&'static str>,
    input_done: &'static str,
    result_ct: &'static str,
    output: &'static str,
}

#[test]
fn firmware_encrypts_host_evaluates_firmware_decrypts() {
    let f = Files {
        input_ct: files::INPUT_CT,
        input_seeded: None,
        input_done: files::INPUT_DONE,
        result_ct: files::RESULT_CT,
        output: files::OUTPUT,
    };
    round_trip("roundtrip", &f, 0.0);
}

#[test]
fn firmware_encrypts_with_the_secret_key_host_evaluates_firmware_decrypts() {
    let f = Files {
        input_ct: files_sym::INPUT_CT,
        input_seeded: Some(files_sym::INPUT_SEEDED),
        input_done: files_sym::INPUT_DONE,
        result_ct: files_sym::RESULT_CT,
        output: files_sym::OUTPUT,
    };
    round_trip("roundtrip_sym", &f, f32_part(2048));
}

/// Builds and runs the device binary `bin` under QEMU, evaluates
/// `3 x - 1` on its ciphertext, checks what it decrypts against the
/// bound plus `extra`.
fn round_trip(bin: &str, files: &Files, extra: f64) {
    let missing: Vec<&str> = [("qemu-system-arm", on_path("qemu-system-arm")), ("defmt-print", defmt_print())]
        .into_iter()
        .filter(|(_, p)| p.is_none())
        .map(|(name, _)| name)
        .collect();
    if !missing.is_empty() {
        assert!(
            !require_tools(),
            "external tool(s) not found: {missing:?}; POLYHE_REQUIRE_TOOLS=1 makes this a failure"
        );
        eprintln!("note: skipping the QEMU round trip: {missing:?} not found (POLYHE_REQUIRE_TOOLS=1 fails instead)");
        return;
    }
    let fw = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../firmware");
    // The firmware is its own workspace with its own target directory.
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let built = Command::new(cargo)
        .args(["build", "--release", "--bin", bin])
        .current_dir(&fw)
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_TARGET")
        .status()
        .expect("run cargo build for the firmware");
    assert!(built.success(), "building the firmware's {bin} binary failed");
    let elf = fw.join("target/thumbv7em-none-eabihf/release").join(bin);

    let dir = std::env::temp_dir().join(format!("polyhe-{bin}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let log = dir.join("qemu.log");
    let mut child = Command::new(fw.join("run-qemu.sh"))
        .arg(&elf)
        .current_dir(&dir)
        .env("POLYHE_QEMU_TIMEOUT", "120")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(dir.join("qemu.err")).unwrap())
        .spawn()
        .expect("start run-qemu.sh");

    wait_for(&dir.join(files.input_done), &mut child, Duration::from_secs(60), &log);
    let params = Parameters::new_insecure(three_prime_literal(12)).unwrap();
    let ctx = Context::new(params).unwrap();
    let ct = Ciphertext::from_bytes(&ctx, &std::fs::read(dir.join(files.input_ct)).unwrap()).unwrap();
    assert_eq!(ct.level(), 1);
    if let Some(seeded) = files.input_seeded {
        // The host reads the device's seeded file and expands c1 from the
        // seed: the device's full ciphertext, bit for bit.
        let bytes = std::fs::read(dir.join(seeded)).unwrap();
        let full = std::fs::read(dir.join(files.input_ct)).unwrap();
        assert!(bytes.len() < full.len() / 2 + 100, "seeded {} vs full {} bytes", bytes.len(), full.len());
        let expanded = SeededCiphertext::from_bytes(&ctx, &bytes).unwrap().expand(&ctx).unwrap();
        assert_eq!(expanded.to_bytes().unwrap(), full);
    }
    let ev = Evaluator::new(&ctx);
    let y = ev.add_const(&ev.rescale(&ev.mul_const(&ct, 3.0).unwrap()).unwrap(), -1.0).unwrap();
    assert_eq!(y.level(), 0);
    let tmp = dir.join("result.tmp");
    std::fs::write(&tmp, y.to_bytes().unwrap()).unwrap();
    std::fs::rename(&tmp, dir.join(files.result_ct)).unwrap();

    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("the firmware did not finish within 90 s:\n{}", std::fs::read_to_string(&log).unwrap_or_default());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "the firmware failed ({status}):\n{text}");
    let out = std::fs::read(dir.join(files.output)).unwrap();
    assert_eq!(out.len(), 8 * DIGIT.len());
    let n = 4096f64;
    let eta = ctx.params().error_eta() as f64;
    let fresh = 6.0 * (n * (eta / 2.0) * (1.0 + 4.0 * n / 3.0)).sqrt() / 2f64.powi(30) + n / 2f64.powi(31);
    let bound = 3.0 * fresh + 6.0 * (n * (1.0 + 2.0 * n / 3.0) / 12.0).sqrt() / y.scale() + extra;
    let mut worst = 0f64;
    for (i, (&p, b)) in DIGIT.iter().zip(out.chunks_exact(8)).enumerate() {
        let got = f64::from_le_bytes(b.try_into().unwrap());
        let want = affine(f64::from(p) / 16.0);
        assert!(
            (got - want).abs() <= bound,
            "pixel {i}: device decrypted {got}, plaintext 3x - 1 = {want}; bound {bound}"
        );
        worst = worst.max((got - want).abs());
    }
    eprintln!(
        "QEMU round trip ({bin}): max error {worst:.3e} (bound {bound:.3e}), {:.1} s\n{text}",
        start.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
