//! `polyhe bench ntt`: polyhe's negacyclic NTT against tfhe-ntt 0.7's
//! `prime32::Plan`, one 30-bit prime, one thread.
//!
//! What each figure measures (per call, median over the samples):
//! - forward: one in-place forward NTT, output fully reduced, in
//!   bit-reversed order for both libraries;
//! - inverse: one in-place inverse NTT *including* the `1/N` scaling, so that
//!   the output is the polynomial: polyhe's [`NttTable::inverse`] (scaling
//!   merged into its last stage) against tfhe-ntt's `inv` followed by
//!   `normalize` (tfhe-ntt's `inv` alone leaves the result multiplied by
//!   `N`; it is reported separately as `tfhe_inv_unscaled_us`);
//! - product: a full negacyclic product `a * b mod (X^N + 1, q)` from two
//!   coefficient-domain operands, each library's natural way: polyhe two
//!   `forward`, `mul_pointwise`, `inverse`; tfhe-ntt two `fwd`,
//!   `mul_assign_normalize` (which folds in `1/N`), `inv`.
//!
//! Before timing, each degree is checked: both libraries' inverse undoes
//! their forward, and both compute the same product.

use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{Kernel, NttTable, MAX_LOG_N, MIN_LOG_N};
use serde::Serialize;
use tfhe_ntt::prime32::Plan;

use super::{median, BenchError, Clock, MachineInfo, Progress, Result};

/// Bits of the benchmarked prime: the largest NTT prime below `2^30`.
pub const PRIME_BITS: u32 = 30;

/// Identifies the JSON layout; bumped when a field changes meaning.
pub const SCHEMA: &str = "polyhe-bench-ntt/1";

/// The JSON fields of `polyhe bench ntt --json`, for the command's help.
pub const JSON_FIELDS_HELP: &str = "\
JSON output (--json), one object; field names are stable (schema \"polyhe-bench-ntt/1\"):
  schema                      \"polyhe-bench-ntt/1\"
  machine.cpu_model           CPU model from /proc/cpuinfo (\"unknown\" elsewhere)
  machine.logical_cores       logical cores available to the process
  machine.arch, machine.os    target architecture and operating system
  machine.cpu_features        detected SIMD features (avx2, avx512f, avx512ifma)
  config.prime_bits           30: q is the largest NTT prime below 2^30 for each N
  config.clock                \"thread-cpu\" or \"wall\"
  config.statistic            \"median\"
  config.reps, config.warmup  timed and untimed repetitions per degree
  config.peer                 \"tfhe-ntt 0.7 prime32::Plan\"
  results[]                   one object per degree:
    logn, n, q                log2 N, N, the prime
    kernel                    polyhe kernel: \"scalar\", \"avx2\" or \"avx512\"
    batch                     calls per timed sample (more for small N)
    butterflies               butterflies in one NTT: N/2 * log2 N
    polyhe_fwd_us             forward NTT, microseconds per call
    polyhe_inv_us             inverse NTT including the 1/N scaling
    polyhe_product_us         negacyclic product: 2 forward, pointwise, inverse
    tfhe_fwd_us               tfhe-ntt fwd
    tfhe_inv_us               tfhe-ntt inv + normalize (1/N), like polyhe_inv_us
    tfhe_inv_unscaled_us      tfhe-ntt inv alone (output scaled by N)
    tfhe_product_us           tfhe-ntt 2 fwd, mul_assign_normalize, inv
    fwd_ratio, inv_ratio, product_ratio
                              polyhe time / tfhe-ntt time (below 1: polyhe faster)
    polyhe_fwd_bfly_per_s, tfhe_fwd_bfly_per_s
                              forward NTT butterflies per second";

/// Which polyhe kernel to benchmark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum KernelChoice {
    /// The kernel `NttTable::new` picks: the widest this CPU supports.
    #[default]
    Auto,
    /// The portable scalar kernel.
    Scalar,
    /// The AVX2 kernel (errors on CPUs without AVX2).
    Avx2,
    /// The AVX-512 kernel (errors on CPUs without AVX-512F).
    Avx512,
}

/// Settings of one `polyhe bench ntt` run.
#[derive(Clone, Debug)]
pub struct NttBenchConfig {
    /// log2 of each ring degree to measure.
    pub log_ns: Vec<u32>,
    /// Timed samples per operation and degree (the median is reported).
    pub reps: usize,
    /// Untimed repetitions before the timed ones.
    pub warmup: usize,
    /// The polyhe kernel.
    pub kernel: KernelChoice,
    /// The clock samples are read from.
    pub clock: Clock,
    /// Draw a progress bar on stderr once the run has taken a second (only
    /// when stderr is a terminal).
    pub progress: bool,
}

impl Default for NttBenchConfig {
    fn default() -> Self {
        Self {
            log_ns: vec![12, 14, 16],
            reps: 401,
            warmup: 10,
            kernel: KernelChoice::Auto,
            clock: Clock::default(),
            progress: true,
        }
    }
}

/// One `polyhe bench ntt` report: `--json` prints it as is.
#[derive(Clone, Debug, Serialize)]
pub struct NttReport {
    /// Layout identifier, [`SCHEMA`].
    pub schema: &'static str,
    /// Where it was measured.
    pub machine: MachineInfo,
    /// How it was measured.
    pub config: ReportConfig,
    /// One entry per ring degree, in the order asked.
    pub results: Vec<NttResult>,
}

/// The measurement settings, as reported.
#[derive(Clone, Debug, Serialize)]
pub struct ReportConfig {
    /// Bits of the prime ([`PRIME_BITS`]).
    pub prime_bits: u32,
    /// The clock's name.
    pub clock: &'static str,
    /// Always `"median"`.
    pub statistic: &'static str,
    /// Timed samples per operation and degree.
    pub reps: usize,
    /// Untimed repetitions.
    pub warmup: usize,
    /// The library polyhe is compared with.
    pub peer: &'static str,
}

/// The figures for one ring degree (see [`JSON_FIELDS_HELP`]).
#[derive(Clone, Debug, Serialize)]
pub struct NttResult {
    /// log2 N.
    pub logn: u32,
    /// N.
    pub n: usize,
    /// The prime.
    pub q: u32,
    /// polyhe's kernel (`"scalar"`, `"avx2"`, `"avx512"`).
    pub kernel: String,
    /// Calls per timed sample.
    pub batch: usize,
    /// Butterflies in one NTT, `N/2 * log2 N`.
    pub butterflies: u64,
    /// polyhe forward NTT, microseconds.
    pub polyhe_fwd_us: f64,
    /// polyhe inverse NTT with `1/N`, microseconds.
    pub polyhe_inv_us: f64,
    /// polyhe negacyclic product, microseconds.
    pub polyhe_product_us: f64,
    /// tfhe-ntt forward NTT, microseconds.
    pub tfhe_fwd_us: f64,
    /// tfhe-ntt inverse NTT followed by `normalize`, microseconds.
    pub tfhe_inv_us: f64,
    /// tfhe-ntt inverse NTT alone (no `1/N`), microseconds.
    pub tfhe_inv_unscaled_us: f64,
    /// tfhe-ntt negacyclic product, microseconds.
    pub tfhe_product_us: f64,
    /// `polyhe_fwd_us / tfhe_fwd_us`.
    pub fwd_ratio: f64,
    /// `polyhe_inv_us / tfhe_inv_us`.
    pub inv_ratio: f64,
    /// `polyhe_product_us / tfhe_product_us`.
    pub product_ratio: f64,
    /// polyhe forward butterflies per second.
    pub polyhe_fwd_bfly_per_s: f64,
    /// tfhe-ntt forward butterflies per second.
    pub tfhe_fwd_bfly_per_s: f64,
}

/// The timed operations; `InvUnscaled` is tfhe-ntt only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Fwd,
    Inv,
    InvUnscaled,
    Product,
}

const OPS: [Op; 4] = [Op::Fwd, Op::Inv, Op::InvUnscaled, Op::Product];

/// Operand buffers of one library: transforms run in place on `a` (and `b`
/// for products), the polyhe product lands in `c`. Repeating an operation
/// on its own output is valid: every output is fully reduced.
///
/// Every buffer starts on a 64-byte boundary for both libraries, so neither
/// gains from a lucky allocation (misaligned vector loads cost about 10%).
struct Work {
    a: Aligned,
    b: Aligned,
    c: Aligned,
}

/// A `u32` buffer whose first element is 64-byte aligned.
struct Aligned {
    buf: Vec<u32>,
    off: usize,
    len: usize,
}

impl Aligned {
    fn from(values: &[u32]) -> Self {
        let mut buf = vec![0u32; values.len() + 16];
        let off = (16 - (buf.as_ptr() as usize % 64) / 4) % 16;
        buf[off..off + values.len()].copy_from_slice(values);
        Self { buf, off, len: values.len() }
    }
}

impl std::ops::Deref for Aligned {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.buf[self.off..self.off + self.len]
    }
}

impl std::ops::DerefMut for Aligned {
    fn deref_mut(&mut self) -> &mut [u32] {
        &mut self.buf[self.off..self.off + self.len]
    }
}

impl Work {
    fn new(a: &[u32], b: &[u32]) -> Self {
        Self { a: Aligned::from(a), b: Aligned::from(b), c: Aligned::from(&vec![0; a.len()]) }
    }
}

fn polyhe_run(t: &NttTable, op: Op, w: &mut Work) -> polyhe_core::Result<()> {
    match op {
        Op::Fwd => t.forward(&mut w.a),
        Op::Inv | Op::InvUnscaled => t.inverse(&mut w.a),
        Op::Product => {
            t.forward(&mut w.a)?;
            t.forward(&mut w.b)?;
            t.mul_pointwise(&w.a, &w.b, &mut w.c)?;
            t.inverse(&mut w.c)
        }
    }
}

fn tfhe_run(p: &Plan, op: Op, w: &mut Work) {
    match op {
        Op::Fwd => p.fwd(&mut w.a),
        Op::Inv => {
            p.inv(&mut w.a);
            p.normalize(&mut w.a);
        }
        Op::InvUnscaled => p.inv(&mut w.a),
        Op::Product => {
            p.fwd(&mut w.a);
            p.fwd(&mut w.b);
            p.mul_assign_normalize(&mut w.a, &w.b);
            p.inv(&mut w.a);
        }
    }
}

/// Deterministic residues in `[0, q)` (SplitMix64; the bias of `% q` is
/// irrelevant here).
fn residues(n: usize, q: u32, seed: u64) -> Vec<u32> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % u64::from(q)) as u32
        })
        .collect()
}

/// The name of a polyhe kernel in reports.
pub fn kernel_name(k: Kernel) -> String {
    format!("{k:?}").to_lowercase()
}

/// Calls per timed sample at degree `2^log_n`: enough that one sample of the
/// fastest operation lasts tens of microseconds, far above clock overhead.
pub fn batch_for(log_n: u32) -> usize {
    1 << 16u32.saturating_sub(log_n)
}

fn core_err(context: String) -> impl FnOnce(polyhe_core::Error) -> BenchError {
    move |source| BenchError::Core { context, source }
}

/// One degree's tables, plan and operands, checked.
struct Case {
    log_n: u32,
    q: u32,
    table: NttTable<'static>,
    plan: Plan,
    a: Vec<u32>,
    b: Vec<u32>,
}

impl Case {
    fn new(log_n: u32, kernel: KernelChoice) -> Result<Self> {
        if !(MIN_LOG_N..=MAX_LOG_N).contains(&log_n) {
            return Err(BenchError::LogNOutOfRange { log_n, min: MIN_LOG_N, max: MAX_LOG_N });
        }
        let n = 1usize << log_n;
        let q = NttPrimes::new(PRIME_BITS, n)
            .map_err(core_err(format!("choosing a {PRIME_BITS}-bit prime for N = {n}")))?
            .next()
            .ok_or(BenchError::Settings { reason: format!("no {PRIME_BITS}-bit NTT prime for N = {n}") })?;
        let table = match kernel {
            KernelChoice::Auto => NttTable::new(n, q),
            KernelChoice::Scalar => NttTable::with_kernel(n, q, Kernel::Scalar),
            KernelChoice::Avx2 => NttTable::with_kernel(n, q, Kernel::Avx2),
            KernelChoice::Avx512 => NttTable::with_kernel(n, q, Kernel::Avx512),
        }
        .map_err(core_err(format!("building polyhe's NTT table (kernel {kernel:?}) for N = {n}, q = {q}")))?;
        let plan = Plan::try_new(n, q).ok_or(BenchError::PeerPlan { n, q })?;
        let case = Self { log_n, q, table, plan, a: residues(n, q, 1), b: residues(n, q, 2) };
        case.self_check()?;
        Ok(case)
    }

    fn self_check(&self) -> Result<()> {
        let (n, q) = (self.table.n(), self.q);
        let mismatch = |what| BenchError::Mismatch { n, q, what };
        let ctx = || core_err(format!("polyhe NTT at N = {n}, q = {q}"));
        let mut w = Work::new(&self.a, &self.b);
        polyhe_run(&self.table, Op::Fwd, &mut w).map_err(ctx())?;
        polyhe_run(&self.table, Op::Inv, &mut w).map_err(ctx())?;
        if *w.a != *self.a {
            return Err(mismatch("polyhe's inverse NTT does not undo its forward NTT"));
        }
        let mut v = Work::new(&self.a, &self.b);
        tfhe_run(&self.plan, Op::Fwd, &mut v);
        tfhe_run(&self.plan, Op::Inv, &mut v);
        if *v.a != *self.a {
            return Err(mismatch("tfhe-ntt's inv + normalize does not undo its fwd"));
        }
        let mut w = Work::new(&self.a, &self.b);
        polyhe_run(&self.table, Op::Product, &mut w).map_err(ctx())?;
        let mut v = Work::new(&self.a, &self.b);
        tfhe_run(&self.plan, Op::Product, &mut v);
        if *w.c != *v.a {
            return Err(mismatch("polyhe and tfhe-ntt negacyclic products differ"));
        }
        Ok(())
    }
}

/// Runs the benchmark described by `cfg`.
pub fn run(cfg: &NttBenchConfig) -> Result<NttReport> {
    if cfg.log_ns.is_empty() {
        return Err(BenchError::Settings { reason: "no ring degree given (e.g. --logn 12,14,16)".into() });
    }
    if cfg.reps == 0 {
        return Err(BenchError::Settings {
            reason: "at least one timed repetition is needed (--reps 1 or more)".into(),
        });
    }
    cfg.clock.check()?;
    // Build and check every case first, so bad settings fail before timing.
    let cases = cfg.log_ns.iter().map(|&l| Case::new(l, cfg.kernel)).collect::<Result<Vec<_>>>()?;
    let total = (cases.len() * (cfg.warmup + cfg.reps)) as u64;
    let mut progress = Progress::new("bench ntt", total, cfg.progress);
    let mut results = Vec::with_capacity(cases.len());
    for case in &cases {
        results.push(measure(case, cfg, &mut progress)?);
    }
    progress.finish();
    Ok(NttReport {
        schema: SCHEMA,
        machine: MachineInfo::detect(),
        config: ReportConfig {
            prime_bits: PRIME_BITS,
            clock: cfg.clock.name(),
            statistic: "median",
            reps: cfg.reps,
            warmup: cfg.warmup,
            peer: "tfhe-ntt 0.7 prime32::Plan",
        },
        results,
    })
}

fn measure(case: &Case, cfg: &NttBenchConfig, progress: &mut Progress) -> Result<NttResult> {
    let n = case.table.n();
    let batch = batch_for(case.log_n);
    let (mut mine, mut theirs) = (Work::new(&case.a, &case.b), Work::new(&case.a, &case.b));
    // samples[op][0] polyhe, samples[op][1] tfhe-ntt; nanoseconds per call.
    let mut samples = vec![[Vec::with_capacity(cfg.reps), Vec::with_capacity(cfg.reps)]; OPS.len()];
    let mut err = None;
    let msg = format!("N = 2^{}", case.log_n);
    for rep in 0..cfg.warmup + cfg.reps {
        for (i, &op) in OPS.iter().enumerate() {
            let polyhe_first = (rep + i) % 2 == 0;
            for turn in 0..2 {
                let polyhe = (turn == 0) == polyhe_first;
                if polyhe && op == Op::InvUnscaled {
                    continue;
                }
                let ns = cfg.clock.time(|| {
                    for _ in 0..batch {
                        if polyhe {
                            if let Err(e) = polyhe_run(&case.table, op, &mut mine) {
                                err = Some(e);
                            }
                        } else {
                            tfhe_run(&case.plan, op, &mut theirs);
                        }
                    }
                });
                if let Some(source) = err.take() {
                    return Err(BenchError::Core { context: format!("polyhe NTT at N = {n}"), source });
                }
                if rep >= cfg.warmup {
                    samples[i][usize::from(!polyhe)].push(ns / batch as f64);
                }
            }
        }
        progress.tick(&msg);
    }
    let us = |op: Op, lib: usize| {
        let i = OPS.iter().position(|&o| o == op).unwrap_or(0);
        median(&samples[i][lib]) / 1e3
    };
    let butterflies = (n as u64 / 2) * u64::from(case.log_n);
    let (pf, pi, pp) = (us(Op::Fwd, 0), us(Op::Inv, 0), us(Op::Product, 0));
    let (tf, ti, tu, tp) = (us(Op::Fwd, 1), us(Op::Inv, 1), us(Op::InvUnscaled, 1), us(Op::Product, 1));
    Ok(NttResult {
        logn: case.log_n,
        n,
        q: case.q,
        kernel: kernel_name(case.table.kernel()),
        batch,
        butterflies,
        polyhe_fwd_us: pf,
        polyhe_inv_us: pi,
        polyhe_product_us: pp,
        tfhe_fwd_us: tf,
        tfhe_inv_us: ti,
        tfhe_inv_unscaled_us: tu,
        tfhe_product_us: tp,
        fwd_ratio: pf / tf,
        inv_ratio: pi / ti,
        product_ratio: pp / tp,
        polyhe_fwd_bfly_per_s: butterflies as f64 / (pf * 1e-6),
        tfhe_fwd_bfly_per_s: butterflies as f64 / (tf * 1e-6),
    })
}

/// The human-readable table `polyhe bench ntt` prints.
pub fn render_table(r: &NttReport) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let m = &r.machine;
    let c = &r.config;
    let _ = writeln!(
        s,
        "NTT, largest {}-bit prime, one thread: polyhe vs {}\n\
         machine: {}, {} logical cores, {} {}, features [{}]\n\
         {} of {} samples ({} clock, {} warm-up), microseconds per call; ratio = polyhe / tfhe-ntt (< 1: polyhe faster)\n\
         inverse includes 1/N for both (tfhe-ntt: inv + normalize); product = 2 forward + pointwise + inverse\n",
        c.prime_bits,
        c.peer,
        m.cpu_model,
        m.logical_cores,
        m.os,
        m.arch,
        m.cpu_features.join(" "),
        c.statistic,
        c.reps,
        c.clock,
        c.warmup,
    );
    let _ = writeln!(
        s,
        "{:24} | {:^24} | {:^24} | {:^24} | fwd Gbfly/s",
        "", "forward (us)", "inverse (us)", "product (us)"
    );
    let lib = format!("{:>8} {:>8} {:>6}", "polyhe", "tfhe", "ratio");
    let _ = writeln!(
        s,
        "{:>4} {:>10} {:>8} | {lib} | {lib} | {lib} | {:>6} {:>6}",
        "logN", "q", "kernel", "polyhe", "tfhe"
    );
    for x in &r.results {
        let _ = writeln!(
            s,
            "{:>4} {:>10} {:>8} | {:>8.1} {:>8.1} {:>6.2} | {:>8.1} {:>8.1} {:>6.2} | {:>8.1} {:>8.1} {:>6.2} | {:>6.2} {:>6.2}",
            x.logn,
            x.q,
            x.kernel,
            x.polyhe_fwd_us,
            x.tfhe_fwd_us,
            x.fwd_ratio,
            x.polyhe_inv_us,
            x.tfhe_inv_us,
            x.inv_ratio,
            x.polyhe_product_us,
            x.tfhe_product_us,
            x.product_ratio,
            x.polyhe_fwd_bfly_per_s / 1e9,
            x.tfhe_fwd_bfly_per_s / 1e9,
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_run_is_consistent() {
        let cfg = NttBenchConfig {
            log_ns: vec![10, 11],
            reps: 3,
            warmup: 1,
            kernel: KernelChoice::Scalar,
            clock: Clock::Wall,
            progress: false,
        };
        let r = run(&cfg).expect("benchmark runs");
        assert_eq!(r.results.len(), 2);
        for x in &r.results {
            assert_eq!(x.kernel, "scalar");
            assert_eq!(x.n, 1 << x.logn);
            assert!(x.q < 1 << 30 && x.q % (2 * x.n as u32) == 1);
            assert!(x.polyhe_fwd_us > 0.0 && x.tfhe_fwd_us > 0.0);
            assert!((x.fwd_ratio - x.polyhe_fwd_us / x.tfhe_fwd_us).abs() < 1e-9);
        }
        let table = render_table(&r);
        assert!(table.contains("scalar") && table.lines().count() >= 7, "{table}");
    }

    #[test]
    fn bad_settings_are_errors() {
        let mut cfg = NttBenchConfig { log_ns: vec![9], reps: 1, warmup: 0, progress: false, ..Default::default() };
        let e = run(&cfg).expect_err("2^9 is below polyhe's range");
        assert_eq!(e.to_string(), "log2 N = 9 is out of range: polyhe supports 10..=17");
        cfg.log_ns = vec![];
        assert!(run(&cfg).is_err());
        cfg.log_ns = vec![10];
        cfg.reps = 0;
        assert!(run(&cfg).is_err());
    }

    #[test]
    fn batch_sizes() {
        assert_eq!(batch_for(10), 64);
        assert_eq!(batch_for(16), 1);
        assert_eq!(batch_for(17), 1);
    }
}
