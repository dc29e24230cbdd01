//! Arguments and drivers of `polyhe plan | keygen | encrypt | infer |
//! decrypt | pack | unpack | eval | demo`.

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand};

use super::{load_model, LoadedModel};
use crate::data::Dataset;

/// Fields of `polyhe demo --json` (a contract: other tools read them).
pub const DEMO_JSON_HELP: &str = "\
--json prints one JSON object: samples, agree (fraction of samples whose encrypted and \
plaintext predictions match), max_logit_err, ms_per_sample, latency_ms, batch, logn, \
security_bits, depth, key_switches, rotations, relinearisations, openfhe_keyswitch_ms, \
openfhe_ratio, encrypted_acc, plaintext_acc, keygen_ms, encrypt_ms, \
decrypt_ms, by_kind_ms, inner (key_switching_ms, key_switches, rescaling_ms, rescales), \
by_layer_ms, engine, per_sample.";

/// The inference commands.
#[derive(Subcommand, Debug)]
pub enum InferCommand {
    /// Prints the HE plan of a model: levels per layer, parameters, rotations, key sizes.
    Plan(PlanArgs),
    /// Writes the secret key and the evaluation keys the model's plan needs.
    Keygen(KeygenArgs),
    /// Encodes and encrypts test samples with the secret key.
    Encrypt(EncryptArgs),
    /// Evaluates the model on encrypted inputs with the evaluation keys only.
    Infer(InferArgs),
    /// Decrypts encrypted logits and prints the predictions.
    Decrypt(DecryptArgs),
    /// Packs a device client's input ciphertext files (full or seeded, one
    /// per input column) into an input batch for polyhe infer.
    Pack(PackArgs),
    /// Writes each ciphertext of a logit batch as its own file, for a
    /// device client that decrypts one ciphertext file at a time.
    Unpack(UnpackArgs),
    /// Runs the model in plaintext (polynomial and exact activations).
    Eval(EvalArgs),
    /// Encrypted inference end to end with the bundled model and data.
    #[command(after_long_help = DEMO_JSON_HELP)]
    Demo(DemoArgs),
}

/// Which model and data.
#[derive(Args, Debug, Clone)]
pub struct ModelArg {
    /// Model file (default: the bundled digits model).
    #[arg(long)]
    pub model: Option<PathBuf>,
}

/// Test data: the bundled digits' test split, or an IDX folder's t10k files.
#[derive(Args, Debug, Clone)]
pub struct DataArg {
    /// Folder with MNIST-style IDX files (raw or .gz); the test split is used.
    #[arg(long)]
    pub idx: Option<PathBuf>,
}

impl DataArg {
    fn load(&self) -> Result<Dataset> {
        match &self.idx {
            Some(dir) => Ok(crate::data::idx::load_split(dir)?.1),
            None => super::digits_test_split(),
        }
    }
}

/// `polyhe plan`.
#[derive(Args, Debug)]
pub struct PlanArgs {
    /// Model file (as `--model`; default: the bundled digits model).
    #[arg(value_name = "MODEL", conflicts_with = "model")]
    model_file: Option<PathBuf>,
    #[command(flatten)]
    model: ModelArg,
    /// Calibration data for the range check (default: the digits' test split).
    #[command(flatten)]
    data: DataArg,
    /// One JSON object instead of the table.
    #[arg(long)]
    json: bool,
}

/// `polyhe keygen`.
#[derive(Args, Debug)]
pub struct KeygenArgs {
    #[command(flatten)]
    model: ModelArg,
    /// Key directory to write.
    #[arg(long)]
    keys: PathBuf,
}

/// `polyhe encrypt`.
#[derive(Args, Debug)]
pub struct EncryptArgs {
    #[command(flatten)]
    model: ModelArg,
    #[command(flatten)]
    data: DataArg,
    /// Key directory (from polyhe keygen).
    #[arg(long)]
    keys: PathBuf,
    /// First test sample.
    #[arg(long, default_value_t = 0)]
    first: usize,
    /// Number of test samples.
    #[arg(long, default_value_t = 8)]
    samples: usize,
    /// Output batch file.
    #[arg(long)]
    out: PathBuf,
}

/// `polyhe infer`.
#[derive(Args, Debug)]
pub struct InferArgs {
    #[command(flatten)]
    model: ModelArg,
    /// Key directory: only params.bin, relin.key and galois.key are read.
    #[arg(long)]
    keys: PathBuf,
    /// Encrypted inputs (from polyhe encrypt).
    #[arg(long)]
    input: PathBuf,
    /// Output batch of encrypted logits.
    #[arg(long)]
    out: PathBuf,
    /// NTT engine: cpu, fpga-sim or fpga:<port>.
    #[arg(long, default_value = "cpu")]
    engine: String,
}

/// `polyhe decrypt`.
#[derive(Args, Debug)]
pub struct DecryptArgs {
    #[command(flatten)]
    model: ModelArg,
    /// Key directory (the secret key is read).
    #[arg(long)]
    keys: PathBuf,
    /// Encrypted logits (from polyhe infer).
    #[arg(long)]
    input: PathBuf,
    /// JSON lines (sample, prediction, logits) instead of the table.
    #[arg(long)]
    json: bool,
}

/// `polyhe pack`.
#[derive(Args, Debug)]
pub struct PackArgs {
    #[command(flatten)]
    model: ModelArg,
    /// Key directory whose parameters the ciphertexts use (params.bin, model.fp).
    #[arg(long)]
    keys: PathBuf,
    /// Samples the ciphertexts hold (slots 0.. of each pass's batch).
    #[arg(long)]
    samples: usize,
    /// Output batch file (for polyhe infer --input).
    #[arg(long)]
    out: PathBuf,
    /// Ciphertext files, pass-major, the model's input count per pass.
    #[arg(value_name = "CIPHERTEXT", required = true)]
    columns: Vec<PathBuf>,
}

/// `polyhe unpack`.
#[derive(Args, Debug)]
pub struct UnpackArgs {
    #[command(flatten)]
    model: ModelArg,
    /// Key directory whose parameters the ciphertexts use (params.bin, model.fp).
    #[arg(long)]
    keys: PathBuf,
    /// Encrypted logits (from polyhe infer).
    #[arg(long)]
    input: PathBuf,
    /// Directory for logits-{i}.ct (i = pass * classes + class).
    #[arg(long)]
    out_dir: PathBuf,
}

/// `polyhe eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(flatten)]
    model: ModelArg,
    #[command(flatten)]
    data: DataArg,
    /// Plaintext evaluation (the only mode: encrypted evaluation is polyhe demo / infer).
    #[arg(long, required = true)]
    plaintext: bool,
    /// One JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// `polyhe demo`.
#[derive(Args, Debug)]
pub struct DemoArgs {
    #[command(flatten)]
    model: ModelArg,
    #[command(flatten)]
    data: DataArg,
    /// Test samples to encrypt and classify (all in one pass up to the batch size).
    #[arg(long, default_value_t = 16)]
    samples: usize,
    /// NTT engine: cpu, fpga-sim or fpga:<port>.
    #[arg(long, default_value = "cpu")]
    engine: String,
    /// One JSON object instead of the table.
    #[arg(long)]
    json: bool,
}

fn engine(spec: &str) -> Result<crate::accel::Engine> {
    crate::accel::engine_from_spec(spec).with_context(|| format!("--engine {spec}"))
}

fn progress() -> bool {
    std::io::IsTerminal::is_terminal(&std::io::stderr())
}

/// Runs one inference command.
pub fn run(cmd: &InferCommand) -> Result<()> {
    let mut rng = polyhe_core::rng::os_rng().context("no operating-system randomness")?;
    match cmd {
        InferCommand::Plan(a) => {
            let path = a.model_file.as_deref().or(a.model.model.as_deref());
            plan(&load_model(path)?, &a.data.load()?, a.json)
        }
        InferCommand::Keygen(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let plan = super::keygen(&m, &a.keys, &mut rng, progress())?;
            println!(
                "wrote keys for {} to {} (N = 2^{}, {} rotation keys)",
                m.name,
                a.keys.display(),
                plan.params.log_n(),
                plan.rotations.len()
            );
            Ok(())
        }
        InferCommand::Encrypt(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let data = a.data.load()?;
            if a.samples == 0 || a.first + a.samples > data.len() {
                bail!("--first {} --samples {}: the test split has {} samples", a.first, a.samples, data.len());
            }
            let idx: Vec<usize> = (a.first..a.first + a.samples).collect();
            super::encrypt_file(&m, &a.keys, &data, &idx, &a.out, &mut rng)?;
            println!("encrypted {} samples to {}", a.samples, a.out.display());
            Ok(())
        }
        InferCommand::Infer(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let engine = engine(&a.engine)?;
            let p = super::infer_file(&m, &a.keys, &a.input, &a.out, Some(engine.ntt.clone()), progress())?;
            println!("wrote encrypted logits to {} ({:.0} ms)", a.out.display(), p.total() as f64 / 1e6);
            if let Some(s) = engine.stats() {
                println!("{}", super::render_offload(engine.name(), &s));
            }
            Ok(())
        }
        InferCommand::Decrypt(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let logits = super::decrypt_file(&m, &a.keys, &a.input)?;
            for (i, l) in logits.iter().enumerate() {
                let p = super::argmax(l);
                if a.json {
                    println!("{}", serde_json::json!({"sample": i, "prediction": p, "logits": l}));
                } else {
                    let ls: Vec<String> = l.iter().map(|x| format!("{x:.3}")).collect();
                    println!("sample {i}: class {p}  logits [{}]", ls.join(", "));
                }
            }
            Ok(())
        }
        InferCommand::Pack(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let passes = super::device::pack_file(&m, &a.keys, &a.columns, a.samples, &a.out)?;
            println!(
                "packed {} ciphertexts ({passes} pass(es), {} samples) into {}",
                a.columns.len(),
                a.samples,
                a.out.display()
            );
            Ok(())
        }
        InferCommand::Unpack(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let paths = super::device::unpack_file(&m, &a.keys, &a.input, &a.out_dir)?;
            println!("wrote {} ciphertext files to {}", paths.len(), a.out_dir.display());
            Ok(())
        }
        InferCommand::Eval(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let r = super::eval_plaintext(&m.model, &a.data.load()?)?;
            if a.json {
                println!("{}", serde_json::to_string(&r)?);
            } else {
                println!(
                    "{}: {} samples, polynomial model {:.2}%, exact activations {:.2}%, {} activation inputs outside their intervals",
                    m.name,
                    r.samples,
                    100.0 * r.polynomial_acc,
                    100.0 * r.exact_acc,
                    r.outside
                );
            }
            Ok(())
        }
        InferCommand::Demo(a) => {
            let m = load_model(a.model.model.as_deref())?;
            let data = a.data.load()?;
            let r = super::demo(&m, &data, a.samples, &engine(&a.engine)?, &mut rng, progress() && !a.json)?;
            if a.json {
                println!("{}", serde_json::to_string(&r)?);
            } else {
                print!("{}", super::render_demo(&r, &m.name));
            }
            Ok(())
        }
    }
}

fn plan(m: &LoadedModel, data: &Dataset, json: bool) -> Result<()> {
    let p = super::plan(m)?;
    let ranges = super::calibrate(&m.model, data)?;
    let range_rows: Vec<_> = ranges
        .sites
        .iter()
        .map(|r| {
            serde_json::json!({
                "site": format!("block {} {}", r.site.block(), r.site.kind()),
                "a": r.interval.0, "b": r.interval.1, "min": r.min, "max": r.max,
                "margin": r.margin(), "outside": r.outside,
            })
        })
        .collect();
    let params = &p.params;
    // Seeded keys store one of the two halves of each digit: dnum digits of
    // (Q + P) limbs of N 30-bit residues (3.75 bytes each).
    let limbs = (params.q_primes().len() + params.p_primes().len()) as f64;
    let key_mb = params.dnum() as f64 * limbs * params.n() as f64 * 3.75 / 1e6;
    if json {
        let layers: Vec<_> =
            p.layers.iter().map(|l| serde_json::json!({"layer": l.name, "levels": l.levels})).collect();
        println!(
            "{}",
            serde_json::json!({
                "model": m.name, "depth": p.depth, "logn": params.log_n(), "security_bits": params.security_bits(),
                "log_qp": params.log_qp(), "dnum": params.dnum(), "batch": p.batch(), "tokens": p.layout.tokens,
                "rotations": p.rotations, "rotation_count": p.rotation_count, "relin_count": p.relin_count,
                "key_switches": p.key_switches(), "relin_key_mb": key_mb,
                "galois_keys_mb": key_mb * p.rotations.len() as f64, "layers": layers,
                "calibration_samples": ranges.samples, "ranges": range_rows,
            })
        );
        return Ok(());
    }
    println!("HE plan for {}", m.name);
    println!(
        "  CKKS N = 2^{}, log2 QP = {:.0}, {} bits, {} levels, dnum {}",
        params.log_n(),
        params.log_qp(),
        params.security_bits(),
        p.depth,
        params.dnum()
    );
    println!(
        "  packing: {} tokens x {} samples per ciphertext, one ciphertext per feature",
        p.layout.tokens,
        p.batch()
    );
    println!("  levels per layer:");
    for l in &p.layers {
        println!("    {:<48} {}", l.name, l.levels);
    }
    println!(
        "  key switches per pass: {} rotations + {} relinearisations = {}",
        p.rotation_count,
        p.relin_count,
        p.key_switches()
    );
    println!(
        "  keys: relinearisation {:.1} MB, {} rotation keys {:.1} MB (rotations {:?})",
        key_mb,
        p.rotations.len(),
        key_mb * p.rotations.len() as f64,
        p.rotations
    );
    println!("  activation ranges on {} calibration samples (polynomial model):", ranges.samples);
    for r in &ranges.sites {
        println!(
            "    block {} {:<9} interval [{:.3}, {:.3}]  seen [{:.3}, {:.3}]  margin {:.3}{}",
            r.site.block(),
            r.site.kind(),
            r.interval.0,
            r.interval.1,
            r.min,
            r.max,
            r.margin(),
            if r.outside > 0 {
                format!("  {} INPUTS OUTSIDE: the polynomial diverges there", r.outside)
            } else {
                String::new()
            }
        );
    }
    Ok(())
}
