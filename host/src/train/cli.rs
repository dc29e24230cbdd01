//! `polyhe train` and `polyhe convert`: arguments, progress bars and the
//! report (a table, or one JSON object with `--json`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use polyhe_core::approx::FitMethod;
use serde::Serialize;

use super::batch::{check_dataset, digits_split, Data, Samples};
use super::config::Form;
use super::convert::{convert_any, ConvertConfig, SiteReport};
use super::params::{Checkpoint, ModelParams, CHECKPOINT_FORMAT, CHECKPOINT_VERSION};
use super::trainer::{accuracy_original, train_he, train_lang, train_original, EpochStats, Phase};
use super::{config_error, ActivationKind, ArchConfig, LengthScaling, Result, TrainConfig, TrainError};
use crate::bench::Progress;

/// The fields of the JSON report (for `--help`).
pub const JSON_FIELDS_HELP: &str = "\
JSON (--json): one object with
  command, dataset, train_samples, test_samples, arch, train (settings), convert (settings),
  original_acc (null if not trained), he_friendly_acc, polynomial_acc, burn_polynomial_acc
      (fractions of the test split),
  max_logit_diff (|Model::logits - burn polynomial logits|, largest over the test split),
  activations: per site {site, interval, degree, max_error, train_range, test_range,
      test_range_polynomial, max_abs_input, outside}; with --form language the LayerNorms
      follow (sites *.layernorm_*, final.layernorm: the 1/sqrt input v = var + eps),
  max_abs_input: {site: largest |input| on the test split}, model, checkpoint, seconds";

/// The model's shape (image size and classes come from the dataset).
#[derive(clap::Args, Debug, Clone)]
pub struct ArchArgs {
    /// Square patch side in pixels (must divide the image size); for
    /// sequences (mnist1d) the number of consecutive values per token.
    #[arg(long, default_value_t = 2)]
    pub patch: usize,
    /// Token width.
    #[arg(long, default_value_t = 16)]
    pub width: usize,
    /// Attention heads (must divide the width).
    #[arg(long, default_value_t = 2)]
    pub heads: usize,
    /// MLP hidden width.
    #[arg(long, default_value_t = 32)]
    pub mlp_hidden: usize,
    /// Transformer blocks.
    #[arg(long, default_value_t = 1)]
    pub blocks: usize,
    /// Activation of attention and MLPs.
    #[arg(long, value_enum, default_value_t = ActivationKind::Relu)]
    pub activation: ActivationKind,
    /// Length scaling of sigma-attention.
    #[arg(long, value_enum, default_value_t = LengthScaling::InvSqrtL)]
    pub scaling: LengthScaling,
    /// HE-friendly form: vision (BatchNorm, folded) or language (LayerNorm
    /// with a polynomial 1/sqrt and Newton steps, causal attention).
    #[arg(long, value_enum, default_value_t = Form::Vision)]
    pub form: Form,
    /// Vision form: drop the BatchNorm across heads that follows
    /// sigma(S) V (length-scaling ablation: that BatchNorm cancels the scale).
    #[arg(long)]
    pub no_heads_bn: bool,
}

/// How to train.
#[derive(clap::Args, Debug, Clone)]
pub struct TrainSettings {
    /// Epochs of each model.
    #[arg(long, default_value_t = 150)]
    pub epochs: usize,
    /// Batch size.
    #[arg(long, default_value_t = 64)]
    pub batch_size: usize,
    /// Peak learning rate (AdamW; warm-up one epoch, cosine decay).
    #[arg(long, default_value_t = 3e-3)]
    pub lr: f64,
    /// AdamW weight decay.
    #[arg(long, default_value_t = 1e-4)]
    pub weight_decay: f64,
    /// Seed of the initial weights and the batch order.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Weight of the range loss.
    #[arg(long, default_value_t = 0.05)]
    pub alpha: f64,
    /// Weight of the variance loss (second moment of activation inputs).
    #[arg(long, default_value_t = 0.0)]
    pub beta: f64,
    /// The range loss penalises activation inputs with |x| above this.
    #[arg(long, default_value_t = 2.0)]
    pub range_target: f64,
    /// First epoch (0-based) with the range loss.
    #[arg(long, default_value_t = 50)]
    pub range_from_epoch: usize,
    /// Augmentation: shift training images by up to this many pixels.
    #[arg(long, default_value_t = 0)]
    pub shift: usize,
    /// Language form: the variance loss penalises LayerNorm variances above this.
    #[arg(long, default_value_t = 4.0)]
    pub var_target: f64,
    /// Language form: ... and below this (relative excess on both sides).
    #[arg(long, default_value_t = 0.25)]
    pub var_floor: f64,
}

impl TrainSettings {
    fn config(&self) -> TrainConfig {
        TrainConfig {
            epochs: self.epochs,
            batch_size: self.batch_size,
            lr: self.lr,
            weight_decay: self.weight_decay,
            seed: self.seed,
            alpha: self.alpha,
            beta: self.beta,
            range_target: self.range_target,
            range_from_epoch: self.range_from_epoch,
            shift: self.shift,
            var_target: self.var_target,
            var_floor: self.var_floor,
        }
    }
}

/// How the polynomial fit is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FitArg {
    /// Remez minimax.
    Minimax,
    /// Interpolation at Chebyshev nodes.
    Chebyshev,
}

/// How activations are replaced by polynomials.
#[derive(clap::Args, Debug, Clone)]
pub struct ConvertSettings {
    /// Degree of the attention activation's polynomial.
    #[arg(long, default_value_t = 7)]
    pub attn_degree: u32,
    /// Degree of the MLP activation's polynomial.
    #[arg(long, default_value_t = 7)]
    pub mlp_degree: u32,
    /// Widen each measured input range by this fraction of its width on both sides.
    #[arg(long, default_value_t = 0.1)]
    pub margin: f64,
    /// Symmetric intervals [-R, R].
    #[arg(long)]
    pub symmetric: bool,
    /// Fit method.
    #[arg(long, value_enum, default_value_t = FitArg::Minimax)]
    pub fit: FitArg,
    /// Language form: degree of each LayerNorm's 1/sqrt polynomial.
    #[arg(long, default_value_t = 7)]
    pub norm_degree: u32,
    /// Language form: Newton steps after each 1/sqrt polynomial.
    #[arg(long, default_value_t = 2)]
    pub newton_steps: u32,
}

impl ConvertSettings {
    fn config(&self) -> ConvertConfig {
        ConvertConfig {
            attn_degree: self.attn_degree,
            mlp_degree: self.mlp_degree,
            margin: self.margin,
            symmetric: self.symmetric,
            method: match self.fit {
                FitArg::Minimax => FitMethod::Minimax,
                FitArg::Chebyshev => FitMethod::ChebyshevInterpolation,
            },
            norm_degree: self.norm_degree,
            newton_steps: self.newton_steps,
        }
    }
}

/// Where the data comes from.
#[derive(clap::Args, Debug, Clone)]
pub struct DataArgs {
    /// A folder with the four MNIST-style IDX files (raw or .gz); default:
    /// the bundled 8x8 digits, first 1437 samples train, last 360 test.
    #[arg(long, conflicts_with = "mnist1d")]
    pub idx: Option<PathBuf>,
    /// An mnist1d export (scripts/export_mnist1d.py; the repository holds
    /// host/data/mnist1d.bin): 4000 training and 1000 test sequences of 40
    /// values, cut into tokens of --patch values.
    #[arg(long)]
    pub mnist1d: Option<PathBuf>,
    /// Use only the first N training samples.
    #[arg(long)]
    pub train_limit: Option<usize>,
    /// Use only the first N test samples.
    #[arg(long)]
    pub test_limit: Option<usize>,
}

impl DataArgs {
    /// Loads (name, train, test).
    pub fn load(&self) -> Result<(String, Data, Data)> {
        let (name, mut train, mut test) = match (&self.idx, &self.mnist1d) {
            (Some(dir), _) => {
                let (tr, te) = crate::data::idx::load_split(dir)?;
                (dir.display().to_string(), Data::Images(tr), Data::Images(te))
            }
            (None, Some(file)) => {
                let (tr, te) = super::seq::read(file)?;
                (format!("mnist1d ({})", file.display()), Data::Sequences(tr), Data::Sequences(te))
            }
            (None, None) => {
                let (tr, te) = digits_split()?;
                ("digits (bundled)".to_owned(), Data::Images(tr), Data::Images(te))
            }
        };
        if let Some(n) = self.train_limit {
            train = train.truncate(n);
        }
        if let Some(n) = self.test_limit {
            test = test.truncate(n);
        }
        Ok((name, train, test))
    }
}

/// `polyhe train`.
#[derive(clap::Args, Debug, Clone)]
pub struct TrainArgs {
    /// The data.
    #[command(flatten)]
    pub data: DataArgs,
    /// The shape.
    #[command(flatten)]
    pub arch: ArchArgs,
    /// Training.
    #[command(flatten)]
    pub train: TrainSettings,
    /// Conversion.
    #[command(flatten)]
    pub convert: ConvertSettings,
    /// Skip training the original (softmax, LayerNorm) baseline.
    #[arg(long)]
    pub no_original: bool,
    /// Write the trained HE-friendly weights here (JSON, input of `polyhe convert`).
    #[arg(long)]
    pub checkpoint: Option<PathBuf>,
    /// Write the converted polynomial model here (polyhe model file).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print one JSON object (fields: see --help) instead of the table.
    #[arg(long)]
    pub json: bool,
    /// No progress bars.
    #[arg(long)]
    pub no_progress: bool,
}

/// `polyhe convert`.
#[derive(clap::Args, Debug, Clone)]
pub struct ConvertArgs {
    /// The checkpoint written by `polyhe train --checkpoint`.
    pub checkpoint: PathBuf,
    /// The data the checkpoint was trained on (same options as `polyhe train`).
    #[command(flatten)]
    pub data: DataArgs,
    /// Conversion.
    #[command(flatten)]
    pub convert: ConvertSettings,
    /// Write the polynomial model here (polyhe model file).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Print one JSON object (fields: see --help) instead of the table.
    #[arg(long)]
    pub json: bool,
}

/// What both commands report.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// "train" or "convert".
    pub command: String,
    /// The dataset.
    pub dataset: String,
    /// Training samples.
    pub train_samples: usize,
    /// Test samples.
    pub test_samples: usize,
    /// The shape.
    pub arch: ArchConfig,
    /// Training settings.
    pub train: TrainConfig,
    /// Conversion settings.
    pub convert: ConvertConfig,
    /// Test accuracy of the original model (None if not trained).
    pub original_acc: Option<f64>,
    /// Test accuracy of the HE-friendly model.
    pub he_friendly_acc: f64,
    /// Test accuracy of the polynomial model (`polyhe_core` evaluator).
    pub polynomial_acc: f64,
    /// Test accuracy of the burn-side polynomial model.
    pub burn_polynomial_acc: f64,
    /// Largest logit difference between the two polynomial evaluations.
    pub max_logit_diff: f64,
    /// Per activation site.
    pub activations: Vec<SiteReport>,
    /// Largest |input| per site on the test split (polynomial model).
    pub max_abs_input: std::collections::BTreeMap<String, f64>,
    /// The model file written, if any.
    pub model: Option<PathBuf>,
    /// The checkpoint written or read, if any.
    pub checkpoint: Option<PathBuf>,
    /// Wall time of the command.
    pub seconds: f64,
}

impl Report {
    /// The human-readable table.
    pub fn render(&self) -> String {
        let pct = |v: f64| format!("{:.2}%", 100.0 * v);
        let mut s = format!(
            "{} on {} ({} train / {} test)\n\
             model: {}x{} images, {}x{} patches ({} tokens), width {}, {} heads, mlp {}, {} blocks, {:?}\n\
             original     {}\nHE-friendly  {}\npolynomial   {} (burn side {}, max |logit diff| {:.2e})\n\
             site               interval               degree  max_err   test max|x|  outside\n",
            self.command,
            self.dataset,
            self.train_samples,
            self.test_samples,
            self.arch.image_rows,
            self.arch.image_cols,
            self.arch.patch_rows,
            self.arch.patch_cols,
            self.arch.tokens(),
            self.arch.width,
            self.arch.heads,
            self.arch.mlp_hidden,
            self.arch.blocks,
            self.arch.activation,
            self.original_acc.map_or_else(|| "-".to_owned(), pct),
            pct(self.he_friendly_acc),
            pct(self.polynomial_acc),
            pct(self.burn_polynomial_acc),
            self.max_logit_diff,
        );
        for a in &self.activations {
            s += &format!(
                "{:<18} [{:>8.3}, {:>8.3}]   {:>6}  {:<9.2e} {:>11.3}  {}\n",
                a.site, a.interval[0], a.interval[1], a.degree, a.max_error, a.max_abs_input, a.outside
            );
        }
        if let Some(m) = &self.model {
            s += &format!("model written to {}\n", m.display());
        }
        if let Some(c) = &self.checkpoint {
            s += &format!("checkpoint: {}\n", c.display());
        }
        s
    }
}

fn arch_for(args: &ArchArgs, train: &dyn Samples, test: &dyn Samples) -> Result<ArchConfig> {
    // Sequences are 1 x len images: tokens of `patch` consecutive values.
    let patch_rows = if train.rows() == 1 { 1 } else { args.patch };
    let arch = ArchConfig {
        image_rows: train.rows(),
        image_cols: train.cols(),
        patch_rows,
        patch_cols: args.patch,
        width: args.width,
        heads: args.heads,
        mlp_hidden: args.mlp_hidden,
        blocks: args.blocks,
        classes: train.classes().max(test.classes()),
        activation: args.activation,
        scaling: args.scaling,
        form: args.form,
        heads_bn: !args.no_heads_bn,
    };
    arch.validate()?;
    check_dataset(train, &arch, "training")?;
    check_dataset(test, &arch, "test")?;
    Ok(arch)
}

fn write_model(model: &polyhe_core::nn::Model, path: &Path) -> Result<()> {
    let bytes = model.to_bytes()?;
    std::fs::write(path, bytes).map_err(|source| TrainError::Io { path: path.to_path_buf(), source })
}

fn epoch_message(s: &EpochStats) -> String {
    format!("loss {:.4} ce {:.4} range {:.4} acc {:.3} max|x| {:.2}", s.loss, s.ce, s.range, s.train_acc, s.max_abs)
}

/// One conversion and its report.
struct Job<'a> {
    command: &'static str,
    dataset: String,
    train: &'a dyn Samples,
    test: &'a dyn Samples,
    train_cfg: TrainConfig,
    conv: ConvertConfig,
    original_acc: Option<f64>,
    params: &'a ModelParams,
    out: Option<&'a Path>,
    checkpoint: Option<&'a Path>,
    start: Instant,
}

fn finish_report(job: Job<'_>) -> Result<Report> {
    let c = convert_any(job.params, job.train, job.test, &job.conv)?;
    if let Some(path) = job.out {
        write_model(&c.model, path)?;
    }
    Ok(Report {
        command: job.command.to_owned(),
        dataset: job.dataset,
        train_samples: job.train.len(),
        test_samples: job.test.len(),
        arch: job.params.arch().clone(),
        train: job.train_cfg,
        convert: job.conv,
        original_acc: job.original_acc,
        he_friendly_acc: c.he_friendly_acc,
        polynomial_acc: c.polynomial_acc,
        burn_polynomial_acc: c.burn_polynomial_acc,
        max_logit_diff: c.max_logit_diff,
        max_abs_input: c.sites.iter().map(|s| (s.site.clone(), s.max_abs_input)).collect(),
        activations: c.sites,
        model: job.out.map(Path::to_path_buf),
        checkpoint: job.checkpoint.map(Path::to_path_buf),
        seconds: job.start.elapsed().as_secs_f64(),
    })
}

/// Runs `polyhe train`: the original model (unless `--no-original`), the
/// HE-friendly model with the range loss, and the conversion.
pub fn run_train(args: &TrainArgs) -> Result<Report> {
    let start = Instant::now();
    let cfg = args.train.config();
    cfg.validate()?;
    let conv = args.convert.config();
    conv.validate()?;
    let (dataset, train, test) = args.data.load()?;
    let (train, test) = (train.samples(), test.samples());
    let arch = arch_for(&args.arch, train, test)?;
    if cfg.shift > 0 && arch.image_rows == 1 {
        return config_error("--shift translates images; sequences (mnist1d) are not shifted: leave it at 0");
    }
    let progress = !args.no_progress;
    let mut bar: Option<Progress> = None;
    let mut on_epoch = |phase: Phase, s: &EpochStats| {
        let b = bar.get_or_insert_with(|| {
            let label = match phase {
                Phase::Original => "original   ",
                Phase::HeFriendly => "HE-friendly",
            };
            Progress::new(label, s.epochs as u64, progress)
        });
        b.tick(&format!("epoch {}/{} {}", s.epoch, s.epochs, epoch_message(s)));
        tracing::info!(?phase, epoch = s.epoch, loss = s.loss, acc = s.train_acc, max_abs = s.max_abs, "epoch");
        if s.epoch == s.epochs {
            b.finish();
            bar = None;
        }
    };
    let original_acc = if args.no_original {
        None
    } else {
        let m = train_original(train, &arch, &cfg, &mut on_epoch)?;
        Some(accuracy_original(&m, test, &arch)?)
    };
    let params = match arch.form {
        Form::Vision => ModelParams::Vision(train_he(train, &arch, &cfg, &mut on_epoch)?),
        Form::Language => ModelParams::Language(train_lang(train, &arch, &cfg, &mut on_epoch)?),
    };
    if let Some(path) = &args.checkpoint {
        Checkpoint {
            format: CHECKPOINT_FORMAT.to_owned(),
            version: CHECKPOINT_VERSION,
            dataset: dataset.clone(),
            train: cfg.clone(),
            original_acc,
            params: params.clone(),
        }
        .save(path)?;
    }
    finish_report(Job {
        command: "train",
        dataset,
        train,
        test,
        train_cfg: cfg,
        conv,
        original_acc,
        params: &params,
        out: args.out.as_deref(),
        checkpoint: args.checkpoint.as_deref(),
        start,
    })
}

/// Runs `polyhe convert` on a checkpoint.
pub fn run_convert(args: &ConvertArgs) -> Result<Report> {
    let start = Instant::now();
    let conv = args.convert.config();
    conv.validate()?;
    let ck = Checkpoint::load(&args.checkpoint)?;
    let (dataset, train, test) = args.data.load()?;
    let (train, test) = (train.samples(), test.samples());
    check_dataset(train, ck.params.arch(), "training")?;
    check_dataset(test, ck.params.arch(), "test")?;
    finish_report(Job {
        command: "convert",
        dataset,
        train,
        test,
        train_cfg: ck.train.clone(),
        conv,
        original_acc: ck.original_acc,
        params: &ck.params,
        out: args.out.as_deref(),
        checkpoint: Some(&args.checkpoint),
        start,
    })
}

/// Prints a report as one JSON object or as the table.
pub fn print_report(report: &Report, json: bool) -> Result<()> {
    if json {
        let text = serde_json::to_string_pretty(report).map_err(|e| TrainError::Report { reason: e.to_string() })?;
        println!("{text}");
    } else {
        print!("{}", report.render());
    }
    Ok(())
}
