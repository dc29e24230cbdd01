//! The measurements behind `polyhe bench`.
//!
//! Method, shared by every benchmark here: each timed sample runs a batch of
//! calls and is read from one [`Clock`]; polyhe and its peer alternate
//! sample by sample (the order flips every repetition) so that machine noise
//! hits both alike; a warm-up pass runs untimed; the report gives the median
//! of the samples and the ratio polyhe / peer.

pub mod ckks;
pub mod ntt;

use std::time::Instant;

use serde::Serialize;
use thiserror::Error;

/// Everything that can make a benchmark fail.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum BenchError {
    /// An error from polyhe-core, with what was being done.
    #[error("{context}: {source}")]
    Core {
        /// What the benchmark was doing.
        context: String,
        /// The underlying error.
        source: polyhe_core::Error,
    },
    /// A ring degree outside what polyhe supports.
    #[error("log2 N = {log_n} is out of range: polyhe supports {min}..={max}")]
    LogNOutOfRange {
        /// The rejected log2 N.
        log_n: u32,
        /// Smallest supported log2 N.
        min: u32,
        /// Largest supported log2 N.
        max: u32,
    },
    /// The peer library refused the parameters.
    #[error("tfhe-ntt could not build a plan for N = {n}, q = {q}")]
    PeerPlan {
        /// Ring degree.
        n: usize,
        /// Prime.
        q: u32,
    },
    /// A correctness check run before timing failed: the timings would be
    /// meaningless.
    #[error("self-check failed at N = {n}, q = {q}: {what}")]
    Mismatch {
        /// Ring degree.
        n: usize,
        /// Prime.
        q: u32,
        /// Which check failed.
        what: &'static str,
    },
    /// Invalid settings (no degrees, no repetitions, ...).
    #[error("invalid benchmark settings: {reason}")]
    Settings {
        /// What is wrong and how to fix it.
        reason: String,
    },
    /// The chosen clock cannot be read on this system.
    #[error("the {clock} clock is not available on this system: use --clock wall")]
    ClockUnavailable {
        /// The clock's name.
        clock: &'static str,
    },
}

/// Result alias for the benchmarks.
pub type Result<T, E = BenchError> = core::result::Result<T, E>;

/// The clock a sample is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Clock {
    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`): time
    /// spent descheduled (other processes, other helpers' builds) does not
    /// count. Unix only.
    #[default]
    ThreadCpu,
    /// Monotonic wall time ([`Instant`]).
    Wall,
}

impl Clock {
    /// The name used in reports and JSON (`"thread-cpu"`, `"wall"`).
    pub fn name(self) -> &'static str {
        match self {
            Clock::ThreadCpu => "thread-cpu",
            Clock::Wall => "wall",
        }
    }

    /// Errors when this clock cannot be read here.
    pub fn check(self) -> Result<()> {
        match self {
            Clock::Wall => Ok(()),
            Clock::ThreadCpu => thread_cpu_ns().map(|_| ()).ok_or(BenchError::ClockUnavailable { clock: self.name() }),
        }
    }

    /// Nanoseconds `f` takes on this clock.
    pub fn time<F: FnOnce()>(self, f: F) -> f64 {
        match self {
            Clock::Wall => {
                let t0 = Instant::now();
                f();
                t0.elapsed().as_secs_f64() * 1e9
            }
            Clock::ThreadCpu => {
                let t0 = thread_cpu_ns().unwrap_or(0);
                f();
                let t1 = thread_cpu_ns().unwrap_or(0);
                t1.saturating_sub(t0) as f64
            }
        }
    }
}

/// The calling thread's CPU time in nanoseconds, or `None` where it cannot
/// be read (the `cpu-time` crate wraps `CLOCK_THREAD_CPUTIME_ID`).
pub(crate) fn thread_cpu_ns() -> Option<u64> {
    cpu_time::ThreadTime::try_now().ok().map(|t| t.as_duration().as_nanos() as u64)
}

/// The median of `samples` (the mean of the two middle ones for an even
/// count); `NaN` for none.
pub fn median(samples: &[f64]) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    }
}

/// The machine a report was measured on.
#[derive(Clone, Debug, Serialize)]
pub struct MachineInfo {
    /// CPU model (`model name` in `/proc/cpuinfo`; `"unknown"` elsewhere).
    pub cpu_model: String,
    /// Logical cores available to this process.
    pub logical_cores: usize,
    /// Target architecture (`x86_64`, `aarch64`, ...).
    pub arch: &'static str,
    /// Operating system (`linux`, ...).
    pub os: &'static str,
    /// SIMD features detected at run time that matter to NTT kernels.
    pub cpu_features: Vec<&'static str>,
}

impl MachineInfo {
    /// Describes the current machine.
    pub fn detect() -> Self {
        let cpu_model = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split_once(':'))
                    .map(|(_, v)| v.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown".to_owned());
        Self {
            cpu_model,
            logical_cores: std::thread::available_parallelism().map_or(1, usize::from),
            arch: std::env::consts::ARCH,
            os: std::env::consts::OS,
            cpu_features: cpu_features(),
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn cpu_features() -> Vec<&'static str> {
    let mut f = Vec::new();
    if std::arch::is_x86_feature_detected!("avx2") {
        f.push("avx2");
    }
    if std::arch::is_x86_feature_detected!("avx512f") {
        f.push("avx512f");
    }
    if std::arch::is_x86_feature_detected!("avx512ifma") {
        f.push("avx512ifma");
    }
    f
}

#[cfg(not(target_arch = "x86_64"))]
fn cpu_features() -> Vec<&'static str> {
    Vec::new()
}

/// A progress bar on stderr that stays hidden for the first second (so quick
/// runs print nothing extra).
pub(crate) struct Progress {
    bar: indicatif::ProgressBar,
    start: Instant,
    enabled: bool,
    shown: bool,
}

impl Progress {
    /// A bar labelled `label` for `total` steps; `enabled: false` never draws.
    pub(crate) fn new(label: &str, total: u64, enabled: bool) -> Self {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        let template = format!("{label} {{bar:30}} {{pos}}/{{len}} {{msg}} [{{elapsed}}, eta {{eta}}]");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style);
        }
        Self { bar, start: Instant::now(), enabled, shown: false }
    }

    /// One step done; `msg` says what runs next.
    pub(crate) fn tick(&mut self, msg: &str) {
        self.bar.inc(1);
        if self.enabled && !self.shown && self.start.elapsed().as_secs_f64() > 1.0 {
            self.bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
        if self.shown {
            self.bar.set_message(msg.to_owned());
        }
    }

    /// Moves to `pos` of the total (for work measured in units, not steps).
    pub(crate) fn set(&mut self, pos: u64, msg: &str) {
        let now = self.bar.position();
        if pos > now {
            self.bar.inc(pos - now - 1);
            self.tick(msg);
        }
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }

    #[test]
    fn clocks_advance() {
        for clock in [Clock::Wall, Clock::ThreadCpu] {
            if clock.check().is_err() {
                continue;
            }
            let t = clock.time(|| {
                let mut x = 1u64;
                for i in 0..200_000u64 {
                    x = std::hint::black_box(x.wrapping_mul(i | 1));
                }
            });
            assert!(t > 0.0, "{} clock did not advance", clock.name());
        }
    }
}
