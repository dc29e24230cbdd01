//! Encrypted inference from the command line: key generation, encryption,
//! evaluation (with evaluation keys only), decryption, plaintext
//! evaluation and the demo, over the files of [`files`].
//!
//! The evaluation itself is `polyhe_core::he`; this module adds files,
//! datasets, progress bars, timing and the reports.

pub mod cli;
pub mod device;
pub mod files;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use polyhe_core::ckks::{
    Ciphertext, Complex, Context, Evaluator, GaloisKeys, KeyGenerator, OpTimes, RelinKey, SecretKey,
};
use polyhe_core::he::{EncryptedModel, HePlan, Observer, OpKind, Profile};
pub use polyhe_core::nn::argmax;
use polyhe_core::nn::{ActivationMode, Model};
use polyhe_core::ntt::NttEngine;
use rand_chacha::rand_core::{CryptoRng, RngCore};
use serde::Serialize;

use crate::bench::Progress;
use crate::data::Dataset;
use files::{Batch, BatchKind};

/// The bundled model (trained and converted from the bundled digits by
/// `polyhe train`; see the README), compiled in.
pub static BUNDLED_MODEL: &[u8] = include_bytes!("../../data/digits-model.bin");

/// A model with the bytes it was read from (for its fingerprint) and a
/// name for messages.
pub struct LoadedModel {
    /// The model.
    pub model: Model,
    /// FNV-1a of the file (binds keys and batches to the model).
    pub fingerprint: u64,
    /// Path or "bundled digits model".
    pub name: String,
}

/// Reads `path`, or the bundled model when `None`.
pub fn load_model(path: Option<&Path>) -> Result<LoadedModel> {
    let (bytes, name) = match path {
        Some(p) => (files::read(p)?, p.display().to_string()),
        None => (BUNDLED_MODEL.to_vec(), "bundled digits model".to_string()),
    };
    let model = Model::from_bytes(&bytes).with_context(|| format!("{name}: not a usable polyhe model file"))?;
    Ok(LoadedModel { model, fingerprint: files::model_fingerprint(&bytes), name })
}

/// The test split of the bundled digits.
pub fn digits_test_split() -> Result<Dataset> {
    Ok(crate::data::digits::bundled_split()?.1)
}

/// Checks that a dataset's images fit the model.
pub fn check_dataset(model: &Model, data: &Dataset) -> Result<()> {
    let c = &model.config;
    if data.rows != c.image_rows as usize || data.cols != c.image_cols as usize {
        bail!(
            "the dataset has {}x{} images but the model expects {}x{}: use the data the model was trained on",
            data.rows,
            data.cols,
            c.image_rows,
            c.image_cols
        );
    }
    Ok(())
}

/// Image `i` scaled to [0, 1] as f64.
fn image(data: &Dataset, i: usize) -> Result<Vec<f64>> {
    let px = data.image_f32(i).with_context(|| format!("sample {i} is past the end of the dataset"))?;
    Ok(px.into_iter().map(f64::from).collect())
}

/// Key-directory paths.
struct KeyDir(PathBuf);

impl KeyDir {
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

/// Evaluation keys and context, read without the secret key.
pub struct EvalKeys {
    /// The context (with the chosen NTT engine).
    pub ctx: Context,
    /// Relinearisation key.
    pub relin: RelinKey,
    /// Galois keys of the plan's rotations.
    pub galois: GaloisKeys,
}

pub(crate) fn check_model_binding(dir: &Path, model: &LoadedModel) -> Result<()> {
    let path = dir.join("model.fp");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: missing; run polyhe keygen --model M --keys DIR first", path.display()))?;
    let found = u64::from_str_radix(text.trim().trim_start_matches("0x"), 16)
        .with_context(|| format!("{}: not a model fingerprint", path.display()))?;
    if found != model.fingerprint {
        return Err(files::FileError::OtherModel { path, found, expected: model.fingerprint }.into());
    }
    Ok(())
}

pub(crate) fn context_for(
    dir: &Path,
    plan: &HePlan,
    engine: Option<Arc<dyn NttEngine + Send + Sync>>,
) -> Result<Context> {
    let path = dir.join("params.bin");
    let params = polyhe_core::ckks::Parameters::from_bytes(&files::read(&path)?)
        .with_context(|| format!("{}: not a polyhe parameter file", path.display()))?;
    if params.fingerprint() != plan.params.fingerprint() {
        bail!(
            "{}: the keys use other parameters than this model's plan: run polyhe keygen again for this model",
            path.display()
        );
    }
    Ok(match engine {
        Some(e) => Context::with_engine(params, e)?,
        None => Context::new(params)?,
    })
}

/// The plan of a model, with the model's name in errors.
pub fn plan(model: &LoadedModel) -> Result<HePlan> {
    HePlan::new(&model.model).with_context(|| format!("{}: cannot plan encrypted inference", model.name))
}

/// Generates the secret key and the evaluation keys the plan needs into
/// `dir` (created if missing). Returns the plan.
pub fn keygen<R: RngCore + CryptoRng>(model: &LoadedModel, dir: &Path, rng: &mut R, progress: bool) -> Result<HePlan> {
    let plan = plan(model)?;
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the key directory", dir.display()))?;
    let ctx = Context::new(plan.params.clone())?;
    let (sk, relin, galois) = generate_keys(&ctx, &plan, rng, progress)?;
    let d = KeyDir(dir.to_owned());
    files::write(&d.file("params.bin"), &plan.params.to_bytes()?)?;
    files::write(&d.file("secret.key"), &sk.to_bytes_secret()?)?;
    files::write(&d.file("relin.key"), &relin.to_bytes()?)?;
    files::write(&d.file("galois.key"), &galois.to_bytes(&ctx)?)?;
    files::write(&d.file("model.fp"), format!("{:#018x}\n", model.fingerprint).as_bytes())?;
    Ok(plan)
}

fn generate_keys<R: RngCore + CryptoRng>(
    ctx: &Context,
    plan: &HePlan,
    rng: &mut R,
    progress: bool,
) -> Result<(SecretKey, RelinKey, GaloisKeys)> {
    let mut bar = Progress::new("keygen", plan.rotations.len() as u64 + 1, progress);
    let kg = KeyGenerator::new(ctx);
    let sk = kg.gen_secret(rng)?;
    let relin = kg.gen_relin(&sk, rng)?;
    bar.tick("rotation keys");
    let mut galois = kg.gen_galois(&sk, &[], false, rng)?;
    for &r in &plan.rotations {
        galois.extend(kg.gen_galois(&sk, &[r], false, rng)?);
        bar.tick("rotation keys");
    }
    bar.finish();
    Ok((sk, relin, galois))
}

/// Reads the evaluation keys (never the secret key) of `dir`.
pub fn load_eval_keys(
    dir: &Path,
    model: &LoadedModel,
    plan: &HePlan,
    engine: Option<Arc<dyn NttEngine + Send + Sync>>,
) -> Result<EvalKeys> {
    check_model_binding(dir, model)?;
    let ctx = context_for(dir, plan, engine)?;
    let d = KeyDir(dir.to_owned());
    let relin = RelinKey::from_bytes(&ctx, &files::read(&d.file("relin.key"))?).with_context(|| {
        format!("{}: not a relinearisation key for these parameters", d.file("relin.key").display())
    })?;
    let galois = GaloisKeys::from_bytes(&ctx, &files::read(&d.file("galois.key"))?)
        .with_context(|| format!("{}: not Galois keys for these parameters", d.file("galois.key").display()))?;
    Ok(EvalKeys { ctx, relin, galois })
}

fn load_secret(dir: &Path, model: &LoadedModel, plan: &HePlan) -> Result<(Context, SecretKey)> {
    check_model_binding(dir, model)?;
    let ctx = context_for(dir, plan, None)?;
    let path = dir.join("secret.key");
    let sk = SecretKey::from_bytes_secret(&ctx, &files::read(&path)?)
        .with_context(|| format!("{}: not a secret key for these parameters", path.display()))?;
    Ok((ctx, sk))
}

/// Encrypts `images` (pixels in [0, 1]) in passes of the plan's batch:
/// the column ciphertexts, pass-major.
pub fn encrypt_images<R: RngCore + CryptoRng>(
    ctx: &Context,
    sk: &SecretKey,
    plan: &HePlan,
    model: &Model,
    images: &[Vec<f64>],
    rng: &mut R,
) -> Result<Vec<Ciphertext>> {
    let mut out = Vec::new();
    for chunk in images.chunks(plan.batch()) {
        let refs: Vec<&[f64]> = chunk.iter().map(|v| &v[..]).collect();
        for col in plan.layout.pack_images(&model.config, &refs)? {
            let z: Vec<Complex> = col.iter().map(|&x| Complex::new(x, 0.0)).collect();
            // Secret-key encryption: the client holds the key, and the
            // fresh noise is far below public-key encryption's.
            out.push(ctx.encrypt_sk(sk, &z, rng)?);
        }
    }
    Ok(out)
}

/// Writes `cts` (pass-major, `columns` per pass) of `samples` samples as a
/// batch of `kind` for `model`.
fn write_batch(
    path: &Path,
    kind: BatchKind,
    model: &LoadedModel,
    samples: usize,
    columns: usize,
    cts: &[Ciphertext],
) -> Result<()> {
    let batch = Batch {
        kind,
        model: model.fingerprint,
        samples: samples as u32,
        columns: columns as u32,
        ciphertexts: cts.iter().map(Ciphertext::to_bytes).collect::<polyhe_core::Result<_>>()?,
    };
    files::write(path, &batch.to_bytes()?)?;
    Ok(())
}

/// The ciphertexts of a batch read from `path` (full, or seeded and
/// expanded), checked against `ctx`'s parameters.
fn batch_ciphertexts(ctx: &Context, batch: &Batch, path: &Path) -> Result<Vec<Ciphertext>> {
    batch
        .ciphertexts
        .iter()
        .map(|b| device::read_column(ctx, b))
        .collect::<polyhe_core::Result<Vec<_>>>()
        .with_context(|| format!("{}: a ciphertext does not belong to these keys' parameters", path.display()))
}

/// `polyhe encrypt`: samples `indices` of `data` into a batch file.
pub fn encrypt_file<R: RngCore + CryptoRng>(
    model: &LoadedModel,
    keys: &Path,
    data: &Dataset,
    indices: &[usize],
    out: &Path,
    rng: &mut R,
) -> Result<()> {
    check_dataset(&model.model, data)?;
    let plan = plan(model)?;
    let (ctx, sk) = load_secret(keys, model, &plan)?;
    let images = indices.iter().map(|&i| image(data, i)).collect::<Result<Vec<_>>>()?;
    let cts = encrypt_images(&ctx, &sk, &plan, &model.model, &images, rng)?;
    write_batch(out, BatchKind::Inputs, model, images.len(), plan.inputs, &cts)
}

/// The calling thread's CPU time in ns (the evaluation is single-threaded,
/// so on a quiet machine this is its wall time, and on a busy one it
/// leaves out the time other processes took), or wall time from `start`
/// where the thread clock is unavailable.
fn cpu_ns(start: Instant) -> u64 {
    crate::bench::thread_cpu_ns().unwrap_or_else(|| start.elapsed().as_nanos() as u64)
}

/// An [`Observer`] with the thread CPU clock and an optional progress bar.
struct Watch {
    start: Instant,
    bar: Option<Progress>,
}

impl Observer for Watch {
    fn now_ns(&mut self) -> u64 {
        cpu_ns(self.start)
    }
    fn progress(&mut self, done: u64, _total: u64) {
        if let Some(b) = &mut self.bar {
            b.set(done, "evaluating");
        }
    }
}

/// Time and count of the key switches and rescales inside a run (they
/// happen within the linear, rotation, attention and activation sections).
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Inner {
    /// Thread CPU milliseconds in key switching.
    pub key_switching_ms: f64,
    /// Key switches done.
    pub key_switches: u64,
    /// Thread CPU milliseconds in rescaling.
    pub rescaling_ms: f64,
    /// Rescales done.
    pub rescales: u64,
}

/// Runs the model on input columns (pass-major), returning the logit
/// columns (pass-major), the profile of all passes and the key-switch and
/// rescale totals.
pub fn evaluate(
    keys: &EvalKeys,
    plan: &HePlan,
    model: &Model,
    inputs: &[Ciphertext],
    progress: bool,
) -> Result<(Vec<Ciphertext>, Profile, Inner)> {
    let start = Instant::now();
    let clock = move || cpu_ns(start);
    let times = OpTimes::new(&clock);
    let ev =
        Evaluator::new(&keys.ctx).with_relin_key(&keys.relin)?.with_galois_keys(&keys.galois)?.with_op_times(&times);
    let enc = EncryptedModel::new(model, plan)?;
    let mut profile = Profile::default();
    let mut out = Vec::new();
    let passes = inputs.len() / plan.inputs.max(1);
    for (i, pass) in inputs.chunks(plan.inputs).enumerate() {
        let label = format!("infer {}/{passes}", i + 1);
        let bar = if progress { Some(Progress::new(&label, enc.work_units(), true)) } else { None };
        let mut watch = Watch { start: Instant::now(), bar };
        out.extend(enc.forward(&ev, pass, &mut watch, &mut profile)?);
        if let Some(b) = &watch.bar {
            b.finish();
        }
    }
    let inner = Inner {
        key_switching_ms: times.key_switch_ns() as f64 / 1e6,
        key_switches: times.key_switches(),
        rescaling_ms: times.rescale_ns() as f64 / 1e6,
        rescales: times.rescales(),
    };
    Ok((out, profile, inner))
}

/// `polyhe infer`: reads inputs, evaluates with evaluation keys only,
/// writes the encrypted logits.
pub fn infer_file(
    model: &LoadedModel,
    keys: &Path,
    input: &Path,
    out: &Path,
    engine: Option<Arc<dyn NttEngine + Send + Sync>>,
    progress: bool,
) -> Result<Profile> {
    let plan = plan(model)?;
    let k = load_eval_keys(keys, model, &plan, engine)?;
    let batch = Batch::read(input, BatchKind::Inputs, model.fingerprint)?;
    if batch.columns as usize != plan.inputs {
        bail!("{}: {} columns per pass, the model needs {}", input.display(), batch.columns, plan.inputs);
    }
    let cts = batch_ciphertexts(&k.ctx, &batch, input)?;
    let (logits, profile, _) = evaluate(&k, &plan, &model.model, &cts, progress)?;
    write_batch(out, BatchKind::Logits, model, batch.samples as usize, plan.outputs, &logits)?;
    Ok(profile)
}

/// Decrypts logit columns (pass-major) into per-sample logits.
pub fn decrypt_logits(
    ctx: &Context,
    sk: &SecretKey,
    plan: &HePlan,
    logits: &[Ciphertext],
    samples: usize,
) -> Result<Vec<Vec<f64>>> {
    let mut out = Vec::with_capacity(samples);
    for pass in logits.chunks(plan.outputs) {
        let cols = pass.iter().map(|c| ctx.decrypt_real(sk, c)).collect::<polyhe_core::Result<Vec<_>>>()?;
        let n = (samples - out.len()).min(plan.batch());
        out.extend(plan.layout.unpack_logits(&cols, n)?);
    }
    Ok(out)
}

/// `polyhe decrypt`: the logits of a logit batch.
pub fn decrypt_file(model: &LoadedModel, keys: &Path, input: &Path) -> Result<Vec<Vec<f64>>> {
    let plan = plan(model)?;
    let (ctx, sk) = load_secret(keys, model, &plan)?;
    let batch = Batch::read(input, BatchKind::Logits, model.fingerprint)?;
    let cts = batch_ciphertexts(&ctx, &batch, input)?;
    decrypt_logits(&ctx, &sk, &plan, &cts, batch.samples as usize)
}

/// Plaintext accuracy of the model on a dataset.
#[derive(Clone, Debug, Serialize)]
pub struct PlainEval {
    /// Samples evaluated.
    pub samples: usize,
    /// Fraction predicted correctly by the polynomial model.
    pub polynomial_acc: f64,
    /// Fraction predicted correctly with the exact activations.
    pub exact_acc: f64,
    /// Inputs outside an activation's interval (polynomial model).
    pub outside: u64,
}

/// The activation ranges of the polynomial model on `data` (the inputs
/// the encrypted evaluator will meet) against each table's interval.
pub fn calibrate(model: &Model, data: &Dataset) -> Result<polyhe_core::nn::RangeReport> {
    check_dataset(model, data)?;
    let images = (0..data.len()).map(|i| image(data, i)).collect::<Result<Vec<_>>>()?;
    Ok(model.calibrate(images.iter().map(|v| &v[..]), ActivationMode::Polynomial)?)
}

/// `polyhe eval --plaintext`.
pub fn eval_plaintext(model: &Model, data: &Dataset) -> Result<PlainEval> {
    check_dataset(model, data)?;
    let (mut poly, mut exact) = (0usize, 0usize);
    let images = (0..data.len()).map(|i| image(data, i)).collect::<Result<Vec<_>>>()?;
    for (img, &label) in images.iter().zip(&data.labels) {
        poly += usize::from(argmax(&model.logits(img, ActivationMode::Polynomial)?) == usize::from(label));
        exact += usize::from(argmax(&model.logits(img, ActivationMode::Exact)?) == usize::from(label));
    }
    let report = model.calibrate(images.iter().map(|v| &v[..]), ActivationMode::Polynomial)?;
    let n = data.len().max(1) as f64;
    Ok(PlainEval {
        samples: data.len(),
        polynomial_acc: poly as f64 / n,
        exact_acc: exact as f64 / n,
        outside: report.sites.iter().map(|s| s.outside).sum(),
    })
}

/// One sample of the demo.
#[derive(Clone, Debug, Serialize)]
pub struct DemoSample {
    /// Index in the test split.
    pub index: usize,
    /// True label.
    pub label: u8,
    /// Plaintext polynomial model's prediction.
    pub plain: usize,
    /// Encrypted prediction.
    pub encrypted: usize,
    /// Largest |encrypted - plaintext| logit.
    pub max_logit_err: f64,
}

/// The demo's report; `--json` prints it as one object.
#[derive(Clone, Debug, Serialize)]
pub struct DemoReport {
    /// Samples evaluated.
    pub samples: usize,
    /// Fraction whose encrypted and plaintext predictions agree.
    pub agree: f64,
    /// Largest |encrypted - plaintext| logit over all samples.
    pub max_logit_err: f64,
    /// Inference milliseconds per sample (all passes / samples). All times
    /// are the evaluating thread's CPU time (single-threaded evaluation).
    pub ms_per_sample: f64,
    /// Milliseconds of one encrypted pass (latency of one inference).
    pub latency_ms: f64,
    /// Samples one pass evaluates together.
    pub batch: usize,
    /// log2 N.
    pub logn: u32,
    /// Security level of the parameters in bits.
    pub security_bits: u32,
    /// Levels the model uses.
    pub depth: u32,
    /// Key switches per pass (rotations + relinearisations).
    pub key_switches: u64,
    /// Rotations per pass.
    pub rotations: u64,
    /// Relinearisations per pass.
    pub relinearisations: u64,
    /// The same key switches at OpenFHE 1.6.1's one-thread cost per
    /// rotation and per multiply + relinearise for this N (ANCHORS.md;
    /// measured there at 15 / 31 limbs for 2^15 / 2^16), in ms; a lower
    /// bound on OpenFHE's time for this plan. Null when not listed.
    pub openfhe_keyswitch_ms: Option<f64>,
    /// `latency_ms / openfhe_keyswitch_ms`.
    pub openfhe_ratio: Option<f64>,
    /// Fraction of the samples the encrypted model classifies correctly.
    pub encrypted_acc: f64,
    /// Fraction the plaintext polynomial model classifies correctly.
    pub plaintext_acc: f64,
    /// Key generation milliseconds.
    pub keygen_ms: f64,
    /// Encryption milliseconds (all samples).
    pub encrypt_ms: f64,
    /// Decryption milliseconds (all samples).
    pub decrypt_ms: f64,
    /// Milliseconds per kind of operation over all passes.
    pub by_kind_ms: Vec<(String, f64)>,
    /// Key switching and rescaling inside those kinds (all passes).
    pub inner: Inner,
    /// Milliseconds per layer over all passes.
    pub by_layer_ms: Vec<(String, f64)>,
    /// NTT engine.
    pub engine: String,
    /// Where an accelerator engine's limb operations (one limb's forward,
    /// inverse or product) went, over the whole demo; null for `cpu`.
    pub offload: Option<crate::accel::AccelStats>,
    /// Per sample.
    pub per_sample: Vec<DemoSample>,
}

/// The demo: key generation, encryption of the first `samples` test
/// samples, encrypted inference, decryption, comparison with the
/// plaintext polynomial model.
pub fn demo<R: RngCore + CryptoRng>(
    model: &LoadedModel,
    data: &Dataset,
    samples: usize,
    engine: &crate::accel::Engine,
    rng: &mut R,
    progress: bool,
) -> Result<DemoReport> {
    check_dataset(&model.model, data)?;
    if samples == 0 || samples > data.len() {
        bail!("--samples must be between 1 and {} (the test split)", data.len());
    }
    let plan = plan(model)?;
    let engine_name = engine.name().to_string();
    let ctx = Context::with_engine(plan.params.clone(), engine.ntt.clone())?;
    let t = Clock::now();
    let (sk, relin, galois) = generate_keys(&ctx, &plan, rng, progress)?;
    let keygen_ms = ms(t);
    let images = (0..samples).map(|i| image(data, i)).collect::<Result<Vec<_>>>()?;
    let t = Clock::now();
    let cts = encrypt_images(&ctx, &sk, &plan, &model.model, &images, rng)?;
    let encrypt_ms = ms(t);
    let keys = EvalKeys { ctx, relin, galois };
    let t = Clock::now();
    let (logits, profile, inner) = evaluate(&keys, &plan, &model.model, &cts, progress)?;
    let infer_ms = ms(t);
    let t = Clock::now();
    let got = decrypt_logits(&keys.ctx, &sk, &plan, &logits, samples)?;
    let decrypt_ms = ms(t);
    let mut per_sample = Vec::with_capacity(samples);
    for (i, (img, enc)) in images.iter().zip(&got).enumerate() {
        let want = model.model.logits(img, ActivationMode::Polynomial)?;
        let err = want.iter().zip(enc).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        per_sample.push(DemoSample {
            index: i,
            label: data.labels[i],
            plain: argmax(&want),
            encrypted: argmax(enc),
            max_logit_err: err,
        });
    }
    let n = samples as f64;
    let passes = samples.div_ceil(plan.batch()) as f64;
    let ns = |x: u64| x as f64 / 1e6;
    let log_n = plan.params.log_n();
    let openfhe = crate::bench::ckks::openfhe_ms(log_n, "rotate")
        .zip(crate::bench::ckks::openfhe_ms(log_n, "mul_relin"))
        .map(|(rot, mul)| plan.rotation_count as f64 * rot + plan.relin_count as f64 * mul);
    Ok(DemoReport {
        samples,
        agree: per_sample.iter().filter(|s| s.plain == s.encrypted).count() as f64 / n,
        max_logit_err: per_sample.iter().map(|s| s.max_logit_err).fold(0.0, f64::max),
        ms_per_sample: infer_ms / n,
        latency_ms: infer_ms / passes,
        batch: plan.batch(),
        logn: plan.params.log_n(),
        security_bits: plan.params.security_bits(),
        depth: plan.depth,
        key_switches: plan.key_switches(),
        rotations: plan.rotation_count,
        relinearisations: plan.relin_count,
        openfhe_keyswitch_ms: openfhe,
        openfhe_ratio: openfhe.map(|o| infer_ms / passes / o),
        encrypted_acc: per_sample.iter().filter(|s| s.encrypted == usize::from(s.label)).count() as f64 / n,
        plaintext_acc: per_sample.iter().filter(|s| s.plain == usize::from(s.label)).count() as f64 / n,
        keygen_ms,
        encrypt_ms,
        decrypt_ms,
        inner,
        by_kind_ms: OpKind::ALL.iter().map(|k| (k.name().to_string(), ns(profile.by_kind(*k)))).collect(),
        by_layer_ms: profile.by_layer().into_iter().map(|(l, t)| (l, ns(t))).collect(),
        engine: engine_name,
        offload: engine.stats(),
        per_sample,
    })
}

/// A start point on the thread CPU clock.
#[derive(Clone, Copy)]
struct Clock {
    wall: Instant,
    cpu: u64,
}

impl Clock {
    fn now() -> Self {
        let wall = Instant::now();
        Self { wall, cpu: cpu_ns(wall) }
    }
}

/// Thread CPU milliseconds since `t`.
fn ms(t: Clock) -> f64 {
    cpu_ns(t.wall).saturating_sub(t.cpu) as f64 / 1e6
}

/// One line on where an accelerator's limb operations went.
pub fn render_offload(engine: &str, s: &crate::accel::AccelStats) -> String {
    format!(
        "engine {engine}: {} limb operations on the device, {} on the CPU after a device failure ({} of them \
         while the device rested), {} on the CPU because the device does not take that degree; {} twiddle loads",
        s.offloaded, s.fell_back, s.rested, s.unsupported, s.twiddle_loads
    )
}

/// The demo report as a table.
pub fn render_demo(r: &DemoReport, name: &str) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "polyhe demo: {name}, {} test samples, engine {}", r.samples, r.engine);
    let _ = writeln!(
        s,
        "CKKS N = 2^{}, {}-bit security, depth {}, {} samples per ciphertext, {} key switches per pass\n",
        r.logn, r.security_bits, r.depth, r.batch, r.key_switches
    );
    let _ =
        writeln!(s, "{:>6} {:>6} {:>10} {:>10} {:>14}", "sample", "label", "plaintext", "encrypted", "max |dlogit|");
    for p in &r.per_sample {
        let mark = if p.plain == p.encrypted { "" } else { "  <- differs" };
        let _ = writeln!(
            s,
            "{:>6} {:>6} {:>10} {:>10} {:>14.2e}{mark}",
            p.index, p.label, p.plain, p.encrypted, p.max_logit_err
        );
    }
    let _ = writeln!(
        s,
        "\nagree {:.1}%  max logit error {:.2e}  accuracy encrypted {:.1}% / plaintext {:.1}%",
        100.0 * r.agree,
        r.max_logit_err,
        100.0 * r.encrypted_acc,
        100.0 * r.plaintext_acc
    );
    let _ = writeln!(
        s,
        "keygen {:.0} ms, encrypt {:.0} ms, inference {:.0} ms per pass ({:.1} ms per sample), decrypt {:.0} ms",
        r.keygen_ms, r.encrypt_ms, r.latency_ms, r.ms_per_sample, r.decrypt_ms
    );
    if let (Some(o), Some(ratio)) = (r.openfhe_keyswitch_ms, r.openfhe_ratio) {
        let _ = writeln!(
            s,
            "the same {} rotations and {} relinearisations at OpenFHE 1.6.1's per-operation cost: {:.0} ms (ratio {:.2})",
            r.rotations, r.relinearisations, o, ratio
        );
    }
    let _ = writeln!(s, "\ntime by kind of operation (all passes):");
    for (k, t) in &r.by_kind_ms {
        let _ = writeln!(s, "  {k:<20} {t:>10.0} ms");
    }
    let i = &r.inner;
    let _ = writeln!(
        s,
        "  of which key switching {:.0} ms ({} key switches), rescaling {:.0} ms ({} rescales)",
        i.key_switching_ms, i.key_switches, i.rescaling_ms, i.rescales
    );
    let _ = writeln!(s, "time by layer (all passes):");
    for (l, t) in &r.by_layer_ms {
        let _ = writeln!(s, "  {l:<28} {t:>10.0} ms");
    }
    if let Some(o) = &r.offload {
        let _ = writeln!(s, "\n{}", render_offload(&r.engine, o));
    }
    s
}
