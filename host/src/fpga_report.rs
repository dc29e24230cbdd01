//! `polyhe fpga report`: the accelerator's Verilog, its resources per FPGA
//! family (yosys), its iCE40 fmax (nextpnr-ice40, when a configuration
//! fits), its cycles per NTT and per polynomial product, and the projected
//! time beside the CPU's.
//!
//! Cycle counts for small degrees come from the rust-hdl simulation of the
//! core; for larger ones from `NttControl::ntt_cycles`, the formula the fpga
//! crate's tests check against the simulation. Each row says which.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::NttTable;
use polyhe_fpga::ntt::reference::Twiddles;
use polyhe_fpga::ntt::sim::{load_commands, setup_commands, Command as SimCommand, CoreSim, LeanCoreSim, Op};
use polyhe_fpga::ntt::{LeanNttCore, LeanNttCore13, NttControl, NttCore, NttCore13};
use polyhe_fpga::tools::{self, CellReport};
use rust_hdl::prelude::{generate_verilog, Block};
use serde::Serialize;

use crate::bench::Progress;

/// The fields of `polyhe fpga report --json` (shown by `--help`).
pub const JSON_FIELDS_HELP: &str = "\
JSON fields (one object). The top level describes the one-lane core (the
one the simulated device and the driver use), as before lane counts were
added; lane_configs[] has the same figures for every lane count reported.
  lanes               butterfly lanes the top-level fields describe (1)
  logn                largest log2 N reported (the rows below go up to it)
  cycles_per_ntt      cycles per forward NTT at that log2 N
  utilisation         (N/2 log2 N / lanes) / cycles_per_ntt at that log2 N
  fmax_mhz_ice40      nextpnr-ice40 fmax in MHz of the largest configuration
                      that fits an iCE40 HX8K or UP5K, or null
  fmax_note           how fmax_mhz_ice40 was obtained, or why it is null
  families            resources of the largest one-lane configuration per
                      family (ice40, ecp5, xilinx): luts, ffs, dsps, brams,
                      cells (every yosys cell type with its count)
  configs[]           every synthesised configuration: name (n1024, n1024x2
                      for two lanes, ...), lanes, max_logn, verilog (path),
                      families (as above)
  rows[]              one-lane cycles per log2 N: logn, n, lanes,
                      cycles_per_ntt, cycles_per_product (2 forward +
                      pointwise + inverse), cycles_per_pointwise,
                      utilisation, source (simulated: rust-hdl simulation
                      of the N <= 2^13 core; formula: NttControl::ntt_cycles
                      and pointwise_cycles, which the fpga tests and this
                      report check against the simulation),
                      projected_us (cycles_per_product at fmax, or null),
                      projected_ntt_us, cpu_ntt_us (measured NttTable
                      forward, median; null below N = 2^10, where the
                      CPU NTT has no table), cpu_product_us (2 forward,
                      pointwise, inverse on the CPU)
  lane_configs[]      per lane count: lanes, logn, cycles_per_ntt,
                      utilisation (at logn), families (largest configuration
                      with that lane count), rows[] (as above)";

/// An FPGA family yosys synthesises for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// Lattice iCE40 (`synth_ice40 -dsp`).
    Ice40,
    /// Lattice ECP5 (`synth_ecp5`).
    Ecp5,
    /// Xilinx 7-series (`synth_xilinx`).
    Xilinx,
}

impl Family {
    /// Every family, in report order.
    pub const ALL: [Family; 3] = [Family::Ice40, Family::Ecp5, Family::Xilinx];

    /// The lower-case name used in the report and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Family::Ice40 => "ice40",
            Family::Ecp5 => "ecp5",
            Family::Xilinx => "xilinx",
        }
    }

    /// Parses a family name (`ice40`, `ecp5`, `xilinx`).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == s.trim().to_ascii_lowercase())
    }

    /// The yosys synthesis command.
    pub fn synth_command(self) -> &'static str {
        match self {
            Family::Ice40 => "synth_ice40 -dsp -top top",
            Family::Ecp5 => "synth_ecp5 -top top",
            Family::Xilinx => "synth_xilinx -top top",
        }
    }

    /// LUTs, FFs, DSPs and block RAMs from a yosys cell report.
    pub fn resources(self, cells: &CellReport) -> Resources {
        let (luts, ffs, dsps, brams) = match self {
            Family::Ice40 => (
                cells.count("SB_LUT4"),
                cells.count_prefix("SB_DFF"),
                cells.count("SB_MAC16"),
                cells.count_prefix("SB_RAM40_4K") + cells.count("SB_SPRAM256KA"),
            ),
            Family::Ecp5 => (
                cells.count("LUT4"),
                cells.count("TRELLIS_FF"),
                cells.count("MULT18X18D"),
                cells.count("DP16KD") + cells.count("PDPW16KD"),
            ),
            Family::Xilinx => (
                (1..=6).map(|k| cells.count(&format!("LUT{k}"))).sum(),
                cells.count_prefix("FD"),
                cells.count_prefix("DSP48"),
                cells.count_prefix("RAMB"),
            ),
        };
        Resources { luts, ffs, dsps, brams, cells: cells.cells.iter().map(|(k, v)| (k.clone(), *v)).collect() }
    }
}

/// Resources of one configuration on one family.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Resources {
    /// Look-up tables (iCE40/ECP5 LUT4, Xilinx LUT1..LUT6).
    pub luts: usize,
    /// Flip-flops.
    pub ffs: usize,
    /// DSP blocks (SB_MAC16, MULT18X18D, DSP48E1).
    pub dsps: usize,
    /// Block RAMs (SB_RAM40_4K, DP16KD, RAMB18E1/RAMB36E1).
    pub brams: usize,
    /// Every cell type with its count.
    pub cells: std::collections::BTreeMap<String, usize>,
}

/// An accelerator size the report synthesises, with each lane count of
/// [`ReportConfig::lanes`] ([`CoreConfig::verilog`] picks the `NttCore`
/// parameters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoreConfig {
    /// N <= 16 (tiny; for quick tests): one lane `NttCore<1, 2, 3, 5>`.
    N16,
    /// N <= 1024: one lane `NttCore<1, 2, 9, 11>`.
    N1024,
    /// N <= 8192: `NttCore13`, `NttCore13x2`, `NttCore13x4`.
    N8192,
    /// The DSP-lean core (one lane only), N <= 16: `LeanNttCore<1, 2, 3, 5>`.
    LeanN16,
    /// The DSP-lean core, N <= 512: `LeanNttCore<1, 2, 8, 10>` (fits an
    /// iCE40 UP5K).
    LeanN512,
    /// The DSP-lean core, N <= 1024: `LeanNttCore<1, 2, 9, 11>`.
    LeanN1024,
    /// `LeanN1024` with its twiddles in the iCE40 UP5K's SPRAM
    /// (`LeanNttCore::with_spram_twiddles`; two `SB_SPRAM256KA`, a black
    /// box for the other families): fits the UP5K's 30 block RAMs.
    LeanN1024Spram,
}

/// The lean configurations `run` adds for the iCE40 fit when placing.
pub const LEAN_FIT_CONFIGS: [CoreConfig; 3] = [CoreConfig::LeanN512, CoreConfig::LeanN1024, CoreConfig::LeanN1024Spram];

impl CoreConfig {
    /// Report name (`n16`, `n1024`, `n8192`).
    pub fn name(self) -> &'static str {
        match self {
            CoreConfig::N16 => "n16",
            CoreConfig::N1024 => "n1024",
            CoreConfig::N8192 => "n8192",
            CoreConfig::LeanN16 => "lean_n16",
            CoreConfig::LeanN512 => "lean_n512",
            CoreConfig::LeanN1024 => "lean_n1024",
            CoreConfig::LeanN1024Spram => "lean_n1024_spram",
        }
    }

    /// Every configuration, in report order.
    pub const ALL: [CoreConfig; 7] = [
        CoreConfig::N16,
        CoreConfig::N1024,
        CoreConfig::N8192,
        CoreConfig::LeanN16,
        CoreConfig::LeanN512,
        CoreConfig::LeanN1024,
        CoreConfig::LeanN1024Spram,
    ];

    /// A DSP-lean core (`LeanNttCore`, one lane).
    pub fn is_lean(self) -> bool {
        matches!(self, CoreConfig::LeanN16 | CoreConfig::LeanN512 | CoreConfig::LeanN1024 | CoreConfig::LeanN1024Spram)
    }

    /// Whether the configuration exists with `lanes` lanes (lean cores: one).
    pub fn has_lanes(self, lanes: usize) -> bool {
        LANE_COUNTS.contains(&lanes) && (!self.is_lean() || lanes == 1)
    }

    /// Parses a configuration name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == s.trim())
    }

    /// The largest log2 N the configuration supports.
    pub fn max_log_n(self) -> u32 {
        match self {
            CoreConfig::N16 => NttCore::<1, 2, 3, 5>::MAX_LOG_N,
            CoreConfig::N1024 => NttCore::<1, 2, 9, 11>::MAX_LOG_N,
            CoreConfig::N8192 => NttCore13::MAX_LOG_N,
            CoreConfig::LeanN16 => LeanNttCore::<1, 2, 3, 5>::MAX_LOG_N,
            CoreConfig::LeanN512 => LeanNttCore::<1, 2, 8, 10>::MAX_LOG_N,
            CoreConfig::LeanN1024 | CoreConfig::LeanN1024Spram => LeanNttCore::<1, 2, 9, 11>::MAX_LOG_N,
        }
    }

    /// The generated Verilog (top module `top`) with `lanes` lanes (1, 2
    /// or 4).
    pub fn verilog(self, lanes: usize) -> anyhow::Result<String> {
        fn gen<const L: usize, const K: usize, const A: usize, const T: usize>() -> String {
            let mut uut = NttCore::<L, K, A, T>::new();
            uut.connect_all();
            generate_verilog(&uut)
        }
        fn lean<const L: usize, const K: usize, const A: usize, const T: usize>() -> String {
            let mut uut = LeanNttCore::<L, K, A, T>::new();
            uut.connect_all();
            generate_verilog(&uut)
        }
        Ok(match (self, lanes) {
            (CoreConfig::LeanN16, 1) => lean::<1, 2, 3, 5>(),
            (CoreConfig::LeanN512, 1) => lean::<1, 2, 8, 10>(),
            (CoreConfig::LeanN1024, 1) => lean::<1, 2, 9, 11>(),
            (CoreConfig::LeanN1024Spram, 1) => {
                let mut uut = LeanNttCore::<1, 2, 9, 11>::with_spram_twiddles();
                uut.connect_all();
                generate_verilog(&uut)
            }
            (c, _) if c.is_lean() => anyhow::bail!("{lanes} lanes: the lean core is built with one lane"),
            (CoreConfig::N16, 1) => gen::<1, 2, 3, 5>(),
            (CoreConfig::N16, 2) => gen::<2, 4, 2, 4>(),
            (CoreConfig::N16, 4) => gen::<4, 8, 1, 3>(),
            (CoreConfig::N1024, 1) => gen::<1, 2, 9, 11>(),
            (CoreConfig::N1024, 2) => gen::<2, 4, 8, 10>(),
            (CoreConfig::N1024, 4) => gen::<4, 8, 7, 9>(),
            (CoreConfig::N8192, 1) => gen::<1, 2, 12, 14>(),
            (CoreConfig::N8192, 2) => gen::<2, 4, 11, 13>(),
            (CoreConfig::N8192, 4) => gen::<4, 8, 10, 12>(),
            _ => anyhow::bail!("{lanes} lanes: the core has 1, 2 or 4"),
        })
    }

    /// Report name with `lanes`: `n1024` for one lane, `n1024x2`, ...
    pub fn lane_name(self, lanes: usize) -> String {
        if lanes == 1 {
            self.name().to_string()
        } else {
            format!("{}x{lanes}", self.name())
        }
    }
}

/// Lane counts the core supports.
pub const LANE_COUNTS: [usize; 3] = [1, 2, 4];

/// What to report.
#[derive(Clone, Debug)]
pub struct ReportConfig {
    /// Where the Verilog (and yosys/nextpnr logs) go.
    pub out_dir: PathBuf,
    /// Families to synthesise for.
    pub families: Vec<Family>,
    /// Configurations to synthesise, smallest first.
    pub configs: Vec<CoreConfig>,
    /// Lane counts (1, 2, 4): each configuration is synthesised and each
    /// cycle table made for every one.
    pub lanes: Vec<usize>,
    /// Degrees up to this log2 N are simulated; larger ones use the formula.
    pub max_simulated_log_n: u32,
    /// Largest log2 N in the cycle table.
    pub max_log_n: u32,
    /// Timed CPU samples per degree (0: no CPU timing).
    pub cpu_reps: usize,
    /// Run nextpnr-ice40 when a configuration fits.
    pub place: bool,
    /// Draw a progress bar.
    pub progress: bool,
}

/// One configuration's synthesis results.
#[derive(Clone, Debug, Serialize)]
pub struct ConfigReport {
    /// Configuration name.
    pub name: String,
    /// Butterfly lanes.
    pub lanes: usize,
    /// Largest log2 N it supports.
    pub max_logn: u32,
    /// Path of its generated Verilog.
    pub verilog: String,
    /// Resources per family name.
    pub families: std::collections::BTreeMap<String, Resources>,
    /// A DSP-lean core (`LeanNttCore`).
    pub lean: bool,
}

/// Cycles and times at one degree.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CycleRow {
    /// log2 N.
    pub logn: u32,
    /// N.
    pub n: usize,
    /// Butterfly lanes.
    pub lanes: usize,
    /// Cycles from `start` to `done` of a forward NTT (= inverse).
    pub cycles_per_ntt: usize,
    /// Cycles of a product: two forwards, a pointwise product, an inverse.
    pub cycles_per_product: usize,
    /// Cycles of the pointwise product alone.
    pub cycles_per_pointwise: usize,
    /// (N/2 log2 N / lanes) / cycles_per_ntt.
    pub utilisation: f64,
    /// `simulated` or `formula`.
    pub source: String,
    /// Projected product time at the iCE40 fmax, microseconds.
    pub projected_us: Option<f64>,
    /// Projected forward NTT time at the iCE40 fmax, microseconds.
    pub projected_ntt_us: Option<f64>,
    /// Median CPU time of one forward NTT, microseconds.
    pub cpu_ntt_us: Option<f64>,
    /// Median CPU time of a product (2 forward, pointwise, inverse), microseconds.
    pub cpu_product_us: Option<f64>,
}

/// The whole report (the `--json` object).
#[derive(Clone, Debug, Serialize)]
pub struct FpgaReport {
    /// Butterfly lanes.
    pub lanes: usize,
    /// Largest log2 N in `rows`.
    pub logn: u32,
    /// Cycles per forward NTT at `logn`.
    pub cycles_per_ntt: usize,
    /// Utilisation at `logn`.
    pub utilisation: f64,
    /// nextpnr-ice40 fmax, MHz, or null.
    pub fmax_mhz_ice40: Option<f64>,
    /// How the fmax was obtained or why there is none.
    pub fmax_note: String,
    /// Resources of the largest configuration per family.
    pub families: std::collections::BTreeMap<String, Resources>,
    /// Every configuration.
    pub configs: Vec<ConfigReport>,
    /// Cycles and times per degree (one lane).
    pub rows: Vec<CycleRow>,
    /// The figures for every lane count reported.
    pub lane_configs: Vec<LaneReport>,
    /// Every iCE40 placement made: per part, the largest configuration
    /// that fit and placed.
    pub ice40_placements: Vec<Placement>,
    /// The DSP-lean core (one lane), when a lean configuration was reported.
    pub lean: Option<LeanReport>,
}

/// One nextpnr-ice40 placement of a configuration inside the I/O ring
/// (`polyhe_fpga::tools::io_ring`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Placement {
    /// Configuration name.
    pub config: String,
    /// `UP5K` or `HX8K`.
    pub part: String,
    /// nextpnr package.
    pub package: String,
    /// Synthesised with SB_MAC16 (`-dsp`).
    pub dsp: bool,
    /// fmax reported by nextpnr-ice40, MHz.
    pub fmax_mhz: f64,
    /// Resources of the placed design (the core and its I/O ring).
    pub resources: Resources,
    /// The nextpnr log (in the output directory).
    pub log: String,
}

/// The DSP-lean core's figures.
#[derive(Clone, Debug, Serialize)]
pub struct LeanReport {
    /// Butterfly lanes (1).
    pub lanes: usize,
    /// The largest lean configuration that fits an iCE40 (or null).
    pub fit_config: Option<String>,
    /// Its largest log2 N (or null).
    pub fit_logn: Option<u32>,
    /// The part it was placed on (or null).
    pub fit_part: Option<String>,
    /// Its nextpnr-ice40 fmax, MHz (or null).
    pub fmax_mhz: Option<f64>,
    /// Resources of the largest lean configuration reported, per family.
    pub families: std::collections::BTreeMap<String, Resources>,
    /// Cycles per degree of the lean core (simulated: `LeanNttCore13`;
    /// formula: `NttControl::ntt_cycles` and `pointwise_cycles_at(.., 2)`),
    /// projected at `fmax_mhz` up to `fit_logn`.
    pub rows: Vec<CycleRow>,
}

/// The figures of one lane count.
#[derive(Clone, Debug, Serialize)]
pub struct LaneReport {
    /// Butterfly lanes.
    pub lanes: usize,
    /// Largest log2 N in `rows`.
    pub logn: u32,
    /// Cycles per forward NTT at `logn`.
    pub cycles_per_ntt: usize,
    /// Utilisation at `logn`.
    pub utilisation: f64,
    /// Resources of the largest configuration with this lane count.
    pub families: std::collections::BTreeMap<String, Resources>,
    /// Cycles and times per degree.
    pub rows: Vec<CycleRow>,
}

/// Smallest log2 N the core runs.
pub const MIN_LOG_N: u32 = 4;

fn err(context: &str, e: impl std::fmt::Display) -> anyhow::Error {
    anyhow::anyhow!("{context}: {e}")
}

/// Runs yosys `script` in `dir` and parses the `stat` written to `stat_file`.
fn yosys(dir: &Path, script: &str, stat_file: &str, log_file: &str) -> anyhow::Result<CellReport> {
    let mut cmd = Command::new("yosys");
    cmd.current_dir(dir).args(["-q", "-l", log_file, "-p", script]);
    tools::run_tool(&mut cmd).map_err(|e| err("yosys", e))?;
    let stat = std::fs::read_to_string(dir.join(stat_file)).map_err(|e| err(stat_file, e))?;
    CellReport::parse(&stat).ok_or_else(|| anyhow::anyhow!("no `Number of cells:` in {stat_file}"))
}

/// Parses the last `Max frequency for clock ...: X MHz` of a nextpnr log.
pub fn parse_nextpnr_fmax(log: &str) -> Option<f64> {
    log.lines()
        .filter(|l| l.contains("Max frequency for clock"))
        .filter_map(|l| l.split("': ").nth(1))
        .filter_map(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .next_back()
}

/// Cycles of (forward, pointwise) at `log_n` from the simulated `N <= 2^13`
/// core with `lanes` lanes.
pub fn simulate_cycles(log_n: u32, lanes: usize) -> anyhow::Result<(usize, usize)> {
    fn sim<const L: usize, const K: usize, const A: usize, const T: usize>(
        program: &[SimCommand],
        max: usize,
    ) -> anyhow::Result<Vec<usize>> {
        let mut core = CoreSim::new(NttCore::<L, K, A, T>::new()).map_err(|e| err("simulation", e))?;
        Ok(core.execute(program, max).map_err(|e| err("simulation", e))?.op_cycles)
    }
    let n = 1usize << log_n;
    let q = NttPrimes::new(30, n).map_err(|e| err("prime", e))?.next().ok_or_else(|| anyhow::anyhow!("no prime"))?;
    let tw = Twiddles::new(n, q);
    let a: Vec<u32> = (0..n as u32).map(|i| i % q).collect();
    let mut program = setup_commands(&tw);
    program.extend(load_commands(0, &a));
    program.extend(load_commands(1, &a));
    program.push(SimCommand::Run { op: Op::Forward, slot: 0 });
    program.push(SimCommand::Run { op: Op::Pointwise, slot: 0 });
    let max = program.len() + 8 * n * log_n as usize + 1000;
    let op_cycles = match lanes {
        1 => sim::<1, 2, 12, 14>(&program, max)?,
        2 => sim::<2, 4, 11, 13>(&program, max)?,
        4 => sim::<4, 8, 10, 12>(&program, max)?,
        _ => anyhow::bail!("{lanes} lanes: the core has 1, 2 or 4"),
    };
    match op_cycles[..] {
        [fwd, pw] => Ok((fwd, pw)),
        _ => anyhow::bail!("simulation reported {} operations, expected 2", op_cycles.len()),
    }
}

/// Cycles of (forward, pointwise) at `log_n` from the simulated one-lane
/// lean core (`LeanNttCore13`).
pub fn simulate_lean_cycles(log_n: u32) -> anyhow::Result<(usize, usize)> {
    let n = 1usize << log_n;
    let q = NttPrimes::new(30, n).map_err(|e| err("prime", e))?.next().ok_or_else(|| anyhow::anyhow!("no prime"))?;
    let tw = Twiddles::new(n, q);
    let a: Vec<u32> = (0..n as u32).map(|i| i % q).collect();
    let mut program = setup_commands(&tw);
    program.extend(load_commands(0, &a));
    program.extend(load_commands(1, &a));
    program.push(SimCommand::Run { op: Op::Forward, slot: 0 });
    program.push(SimCommand::Run { op: Op::Pointwise, slot: 0 });
    let max = program.len() + 8 * n * log_n as usize + 1000;
    let mut core = LeanCoreSim::new(LeanNttCore13::new()).map_err(|e| err("simulation", e))?;
    let op_cycles = core.execute(&program, max).map_err(|e| err("simulation", e))?.op_cycles;
    match op_cycles[..] {
        [fwd, pw] => Ok((fwd, pw)),
        _ => anyhow::bail!("simulation reported {} operations, expected 2", op_cycles.len()),
    }
}

/// The one-lane lean core's cycle rows from `MIN_LOG_N` to `max_log_n`:
/// simulated up to `max_simulated_log_n` (checked against the formulas),
/// from the formulas above.
pub fn lean_cycle_rows(
    max_simulated_log_n: u32,
    max_log_n: u32,
    tick: impl FnMut(&str),
) -> anyhow::Result<Vec<CycleRow>> {
    let (wl, pwl) = (LeanNttCore13::WRITE_LATENCY, LeanNttCore13::POINTWISE_WRITE_LATENCY);
    let interval = LeanNttCore13::POINTWISE_INTERVAL;
    let formulas =
        |log_n| (NttControl::ntt_cycles(log_n, 1, wl), NttControl::pointwise_cycles_at(log_n, 1, pwl, interval));
    rows_up_to("lean", 1, max_simulated_log_n, max_log_n, formulas, simulate_lean_cycles, tick)
}

/// Cycle rows from `MIN_LOG_N` to `max_log_n` of a core with `lanes`
/// lanes (`label` in messages): `simulate` up to `max_simulated_log_n`,
/// checked against `formulas` (forward and pointwise cycles), the
/// formulas above.
fn rows_up_to(
    label: &str,
    lanes: usize,
    max_simulated_log_n: u32,
    max_log_n: u32,
    formulas: impl Fn(u32) -> (usize, usize),
    simulate: impl Fn(u32) -> anyhow::Result<(usize, usize)>,
    mut tick: impl FnMut(&str),
) -> anyhow::Result<Vec<CycleRow>> {
    let mut rows = Vec::new();
    for log_n in MIN_LOG_N..=max_log_n {
        let n = 1usize << log_n;
        let (formula, pw_formula) = formulas(log_n);
        let (fwd, pw, source) = if log_n <= max_simulated_log_n {
            let (fwd, pw) = simulate(log_n)?;
            if (fwd, pw) != (formula, pw_formula) {
                anyhow::bail!(
                    "{label}, log2 N = {log_n}: simulated {fwd} and {pw} cycles, formulas {formula} and {pw_formula}"
                );
            }
            (fwd, pw, "simulated")
        } else {
            (formula, pw_formula, "formula")
        };
        tick(&format!("cycles {label} N = 2^{log_n}"));
        rows.push(CycleRow {
            logn: log_n,
            n,
            lanes,
            cycles_per_ntt: fwd,
            cycles_per_product: 3 * fwd + pw,
            cycles_per_pointwise: pw,
            utilisation: (n / 2 * log_n as usize / lanes) as f64 / fwd as f64,
            source: source.into(),
            projected_us: None,
            projected_ntt_us: None,
            cpu_ntt_us: None,
            cpu_product_us: None,
        });
    }
    Ok(rows)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median CPU microseconds of (forward NTT, product) at `log_n`.
fn cpu_times(log_n: u32, reps: usize) -> anyhow::Result<(f64, f64)> {
    let n = 1usize << log_n;
    let q = NttPrimes::new(30, n).map_err(|e| err("prime", e))?.next().ok_or_else(|| anyhow::anyhow!("no prime"))?;
    let t = NttTable::new(n, q).map_err(|e| err("NttTable", e))?;
    let mut a: Vec<u32> = (0..n as u32).map(|i| i % q).collect();
    let mut b = a.clone();
    let mut c = vec![0u32; n];
    let (mut fwd, mut prod) = (Vec::new(), Vec::new());
    for _ in 0..reps.max(1) + 2 {
        let s = Instant::now();
        t.forward(&mut a).map_err(|e| err("forward", e))?;
        fwd.push(s.elapsed().as_secs_f64() * 1e6);
        let s = Instant::now();
        t.forward(&mut a).map_err(|e| err("forward", e))?;
        t.forward(&mut b).map_err(|e| err("forward", e))?;
        t.mul_pointwise(&a, &b, &mut c).map_err(|e| err("pointwise", e))?;
        t.inverse(&mut c).map_err(|e| err("inverse", e))?;
        prod.push(s.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(&c);
    }
    Ok((median(fwd), median(prod)))
}

/// The cycle rows of the `lanes`-lane core from `MIN_LOG_N` to
/// `max_log_n` (no CPU timing, no projection): simulated up to
/// `max_simulated_log_n` (and checked against the formulas there), from the
/// formulas above.
pub fn cycle_rows(
    max_simulated_log_n: u32,
    max_log_n: u32,
    lanes: usize,
    tick: impl FnMut(&str),
) -> anyhow::Result<Vec<CycleRow>> {
    let (wl, pwl) = (NttCore13::WRITE_LATENCY, NttCore13::POINTWISE_WRITE_LATENCY);
    let formulas = |log_n| (NttControl::ntt_cycles(log_n, lanes, wl), NttControl::pointwise_cycles(log_n, lanes, pwl));
    let simulate = |log_n| simulate_cycles(log_n, lanes);
    rows_up_to(&format!("{lanes} lanes"), lanes, max_simulated_log_n, max_log_n, formulas, simulate, tick)
}

/// Runs the whole report: writes the Verilog under `cfg.out_dir`,
/// synthesises, places, simulates and times. When placing, the lean
/// configurations of [`LEAN_FIT_CONFIGS`] are added (one lane) so that the
/// iCE40 fit has a configuration that can fit.
pub fn run(cfg: &ReportConfig) -> anyhow::Result<FpgaReport> {
    if cfg.configs.is_empty() {
        anyhow::bail!("no configuration to synthesise");
    }
    if !(MIN_LOG_N..=NttCore13::MAX_LOG_N).contains(&cfg.max_log_n) {
        anyhow::bail!("log2 N must be {MIN_LOG_N}..={}", NttCore13::MAX_LOG_N);
    }
    for tool in ["yosys"].into_iter().chain(cfg.place.then_some("nextpnr-ice40")) {
        if tools::find_tool(tool).is_none() {
            anyhow::bail!("{tool} not found on PATH (Debian: apt-get install yosys nextpnr-ice40)");
        }
    }
    if cfg.lanes.is_empty() || cfg.lanes.iter().any(|l| !LANE_COUNTS.contains(l)) {
        anyhow::bail!("lane counts must be among {LANE_COUNTS:?}, got {:?}", cfg.lanes);
    }
    std::fs::create_dir_all(&cfg.out_dir).map_err(|e| err(&cfg.out_dir.display().to_string(), e))?;
    let out = cfg.out_dir.canonicalize().map_err(|e| err("output directory", e))?;
    // (configuration, lanes) pairs: the standard cores with every lane
    // count, the lean ones with one lane.
    let mut builds: Vec<(CoreConfig, usize)> = Vec::new();
    for &lanes in &cfg.lanes {
        for &c in cfg.configs.iter().filter(|c| !c.is_lean()) {
            builds.push((c, lanes));
        }
    }
    let mut lean_configs: Vec<CoreConfig> = cfg.configs.iter().copied().filter(|c| c.is_lean()).collect();
    if cfg.place {
        for c in LEAN_FIT_CONFIGS {
            if !lean_configs.contains(&c) {
                lean_configs.push(c);
            }
        }
    }
    builds.extend(lean_configs.iter().map(|&c| (c, 1)));
    let sim_rows = (MIN_LOG_N..=cfg.max_log_n).count() as u64;
    let lane_counts = cfg.lanes.len() as u64 + u64::from(!lean_configs.is_empty());
    let steps = builds.len() as u64 * (1 + cfg.families.len() as u64) + lane_counts * 2 * sim_rows + 1;
    let mut progress = Progress::new("fpga report", steps, cfg.progress);
    let mut configs = Vec::new();
    for &(c, lanes) in &builds {
        let name = c.lane_name(lanes);
        let file = format!("ntt_core_{name}.v");
        progress.tick(&format!("verilog {name}"));
        std::fs::write(out.join(&file), c.verilog(lanes)?).map_err(|e| err(&file, e))?;
        let mut families = std::collections::BTreeMap::new();
        for &f in &cfg.families {
            let stat = format!("stat_{name}_{}.txt", f.name());
            let script = format!("read_verilog {file}; {}; tee -o {stat} stat", f.synth_command());
            let cells = yosys(&out, &script, &stat, &format!("yosys_{name}_{}.log", f.name()))?;
            families.insert(f.name().to_string(), f.resources(&cells));
            progress.tick(&format!("yosys {name} {}", f.name()));
        }
        configs.push(ConfigReport { name, lanes, max_logn: c.max_log_n(), verilog: file, families, lean: c.is_lean() });
    }
    // fmax: the largest configuration that fits an iCE40 part, with DSPs
    // (UP5K) or with the multipliers in LUTs (HX8K, synthesised without -dsp).
    let (placements, note) =
        if cfg.place { ice40_fit(&out, &configs)? } else { (Vec::new(), "placement not requested".into()) };
    // The largest configuration placed; the faster one if two parts hold it.
    let logn_of = |p: &Placement| configs.iter().find(|c| c.name == p.config).map_or(0, |c| c.max_logn);
    let best =
        placements.iter().max_by(|a, b| logn_of(a).cmp(&logn_of(b)).then(a.fmax_mhz.total_cmp(&b.fmax_mhz))).cloned();
    let fmax = best.as_ref().map(|p| p.fmax_mhz);
    progress.tick("cycles");
    // CPU times per degree, measured once for all lane counts.
    let mut cpu = std::collections::BTreeMap::new();
    let mut timed = |rows: &mut Vec<CycleRow>, mhz: Option<f64>, progress: &mut Progress| -> anyhow::Result<()> {
        for row in rows.iter_mut() {
            // The CPU NttTable starts at polyhe_core::ntt::MIN_LOG_N (2^10).
            if cfg.cpu_reps > 0 && row.logn >= polyhe_core::ntt::MIN_LOG_N {
                let (f, p) = match cpu.get(&row.logn) {
                    Some(&t) => t,
                    None => *cpu.entry(row.logn).or_insert(cpu_times(row.logn, cfg.cpu_reps)?),
                };
                row.cpu_ntt_us = Some(f);
                row.cpu_product_us = Some(p);
            }
            if let Some(mhz) = mhz {
                row.projected_us = Some(row.cycles_per_product as f64 / mhz);
                row.projected_ntt_us = Some(row.cycles_per_ntt as f64 / mhz);
            }
            progress.tick(&format!("cpu N = 2^{}", row.logn));
        }
        Ok(())
    };
    let mut lane_configs = Vec::new();
    for &lanes in &cfg.lanes {
        let mut rows = cycle_rows(cfg.max_simulated_log_n, cfg.max_log_n, lanes, |m| progress.tick(m))?;
        // Only the standard cores' rows are projected at a standard core's fmax.
        let std_fmax = best.as_ref().filter(|p| !p.config.starts_with("lean")).map(|p| p.fmax_mhz);
        timed(&mut rows, std_fmax, &mut progress)?;
        let last = rows.last().ok_or_else(|| anyhow::anyhow!("no degree"))?;
        let families =
            configs.iter().rfind(|c| c.lanes == lanes && !c.lean).map(|c| c.families.clone()).unwrap_or_default();
        lane_configs.push(LaneReport {
            lanes,
            logn: last.logn,
            cycles_per_ntt: last.cycles_per_ntt,
            utilisation: last.utilisation,
            families,
            rows,
        });
    }
    let lean = if lean_configs.is_empty() {
        None
    } else {
        let fit = placements
            .iter()
            .filter(|p| p.config.starts_with("lean"))
            .max_by(|a, b| logn_of(a).cmp(&logn_of(b)).then(a.fmax_mhz.total_cmp(&b.fmax_mhz)))
            .cloned();
        let fit_logn = fit.as_ref().map(logn_of);
        let mut rows = lean_cycle_rows(cfg.max_simulated_log_n, cfg.max_log_n, |m| progress.tick(m))?;
        timed(&mut rows, None, &mut progress)?;
        if let (Some(p), Some(max)) = (&fit, fit_logn) {
            for row in rows.iter_mut().filter(|r| r.logn <= max) {
                row.projected_us = Some(row.cycles_per_product as f64 / p.fmax_mhz);
                row.projected_ntt_us = Some(row.cycles_per_ntt as f64 / p.fmax_mhz);
            }
        }
        let families = configs.iter().rfind(|c| c.lean).map(|c| c.families.clone()).unwrap_or_default();
        Some(LeanReport {
            lanes: 1,
            fit_config: fit.as_ref().map(|p| p.config.clone()),
            fit_logn,
            fit_part: fit.as_ref().map(|p| p.part.clone()),
            fmax_mhz: fit.as_ref().map(|p| p.fmax_mhz),
            families,
            rows,
        })
    };
    progress.finish();
    // The top level: the one-lane core when it was reported (the fields
    // predate lane counts), otherwise the first lane count.
    let top = lane_configs.iter().find(|l| l.lanes == 1).unwrap_or(&lane_configs[0]).clone();
    Ok(FpgaReport {
        lanes: top.lanes,
        logn: top.logn,
        cycles_per_ntt: top.cycles_per_ntt,
        utilisation: top.utilisation,
        fmax_mhz_ice40: fmax,
        fmax_note: note,
        families: top.families,
        configs,
        rows: top.rows,
        lane_configs,
        ice40_placements: placements,
        lean,
    })
}

/// An iCE40 part: name, nextpnr device flag, package, LUT4s, SB_RAM40_4Ks,
/// SB_MAC16s.
struct Ice40Part {
    name: &'static str,
    flag: &'static str,
    package: &'static str,
    luts: usize,
    brams: usize,
    dsps: usize,
}

/// The parts the fit tries: the UP5K with its DSPs, the HX8K (no DSPs:
/// multipliers in LUTs).
const FIT_PARTS: [Ice40Part; 2] = [
    Ice40Part { name: "UP5K", flag: "--up5k", package: "sg48", luts: 5280, brams: 30, dsps: 8 },
    Ice40Part { name: "HX8K", flag: "--hx8k", package: "ct256", luts: 7680, brams: 32, dsps: 0 },
];

impl Ice40Part {
    fn fits(&self, r: &Resources) -> bool {
        r.luts <= self.luts && r.brams <= self.brams && r.dsps <= self.dsps
    }

    fn describe(&self, config: &str, r: &Resources) -> String {
        format!(
            "{config} {} needs {} LUT4, {} SB_RAM40_4K, {} SB_MAC16 ({} has {}, {}, {})",
            if self.dsps > 0 { "with -dsp" } else { "without -dsp" },
            r.luts,
            r.brams,
            r.dsps,
            self.name,
            self.luts,
            self.brams,
            self.dsps
        )
    }
}

/// For each iCE40 part, the largest configuration (by log2 N, then lanes)
/// that fits it and places: synthesised inside the I/O ring
/// (`tools::io_ring`), placed and routed by nextpnr-ice40. Returns the
/// placements and a note on how they were made and why larger
/// configurations were not placed.
fn ice40_fit(out: &Path, configs: &[ConfigReport]) -> anyhow::Result<(Vec<Placement>, String)> {
    let mut order: Vec<&ConfigReport> = configs.iter().collect();
    order.sort_by(|a, b| b.max_logn.cmp(&a.max_logn).then(b.lanes.cmp(&a.lanes)).then(a.lean.cmp(&b.lean)));
    let mut reasons = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    for part in &FIT_PARTS {
        for c in &order {
            if c.name.ends_with("_spram") && part.name != "UP5K" {
                reasons.push(format!("{} needs SB_SPRAM256KA (UP5K only)", c.name));
                continue;
            }
            let file = format!("ntt_core_{}.v", c.name);
            // The bare core with -dsp (from the ice40 run when there was one):
            // too many BRAMs rules a configuration out for every part.
            let with_dsp = match c.families.get("ice40") {
                Some(r) => r.clone(),
                None => {
                    let stat = format!("stat_{}_ice40.txt", c.name);
                    let script = format!("read_verilog {file}; {}; tee -o {stat} stat", Family::Ice40.synth_command());
                    Family::Ice40.resources(&yosys(out, &script, &stat, &format!("yosys_{}_ice40.log", c.name))?)
                }
            };
            if with_dsp.brams > part.brams || (part.dsps > 0 && !part.fits(&with_dsp)) {
                reasons.push(part.describe(&c.name, &with_dsp));
                continue;
            }
            let verilog = std::fs::read_to_string(out.join(&file)).map_err(|e| err(&file, e))?;
            let ring = tools::io_ring(&verilog).ok_or_else(|| anyhow::anyhow!("{file}: cannot read its ports"))?;
            let ring_file = "fit_top.v";
            std::fs::write(out.join(ring_file), ring).map_err(|e| err(ring_file, e))?;
            let tag = format!("{}_{}", c.name, part.name.to_ascii_lowercase());
            let (stat, json) = (format!("stat_{tag}_fit.txt"), format!("{tag}_fit.json"));
            let dsp = if part.dsps > 0 { " -dsp" } else { "" };
            let script = format!(
                "read_verilog {file}; read_verilog {ring_file}; synth_ice40{dsp} -top fit_top -json {json}; \
                 tee -o {stat} stat"
            );
            let placed = Family::Ice40.resources(&yosys(out, &script, &stat, &format!("yosys_{tag}_fit.log"))?);
            let _ = std::fs::remove_file(out.join(ring_file));
            if !part.fits(&placed) {
                reasons.push(format!("{} (with the I/O ring)", part.describe(&c.name, &placed)));
                let _ = std::fs::remove_file(out.join(&json));
                continue;
            }
            let log = format!("nextpnr_{tag}.log");
            let mut cmd = Command::new("nextpnr-ice40");
            cmd.current_dir(out).args([part.flag, "--package", part.package, "--json", &json, "--log", &log]);
            let result = tools::run_tool(&mut cmd);
            // The netlist is large and reproducible: keep only the log.
            let _ = std::fs::remove_file(out.join(&json));
            match result {
                Ok(o) => {
                    let text = std::fs::read_to_string(out.join(&log)).unwrap_or(o.stderr);
                    if let Some(f) = parse_nextpnr_fmax(&text) {
                        placements.push(Placement {
                            config: c.name.clone(),
                            part: part.name.into(),
                            package: part.package.into(),
                            dsp: part.dsps > 0,
                            fmax_mhz: f,
                            resources: placed,
                            log,
                        });
                        break;
                    }
                    reasons.push(format!("{} on {}: no fmax in the nextpnr log", c.name, part.name));
                }
                Err(e) => reasons.push(format!("{} on {}: nextpnr failed: {}", c.name, part.name, e.reason)),
            }
        }
    }
    let placed: Vec<String> = placements
        .iter()
        .map(|p| {
            format!(
                "{} on {} ({}{}): {:.2} MHz",
                p.config,
                p.part,
                p.package,
                if p.dsp { ", -dsp" } else { ", no DSP" },
                p.fmax_mhz
            )
        })
        .collect();
    let note = if placements.is_empty() {
        format!("no configuration fits an iCE40 HX8K or UP5K: {}", reasons.join("; "))
    } else {
        format!(
            "nextpnr-ice40 of the core inside an I/O ring (2 pins; inputs from a shift register, outputs XORed): {}; \
             larger configurations do not fit: {}",
            placed.join("; "),
            reasons.join("; ")
        )
    };
    Ok((placements, note))
}

/// Writes `report.json` (the `--json` object) and `report.txt` (the
/// table) into `dir`.
pub fn write_files(report: &FpgaReport, dir: &Path) -> anyhow::Result<()> {
    let json = serde_json::to_string_pretty(report).map_err(|e| err("serialising the report", e))?;
    std::fs::write(dir.join("report.json"), json + "\n").map_err(|e| err("report.json", e))?;
    std::fs::write(dir.join("report.txt"), render_table(report)).map_err(|e| err("report.txt", e))?;
    Ok(())
}

/// The report as a text table.
pub fn render_table(r: &FpgaReport) -> String {
    let mut s = String::new();
    let lanes: Vec<String> = r.lane_configs.iter().map(|l| l.lanes.to_string()).collect();
    let _ = writeln!(s, "polyhe NTT accelerator: {} butterfly lane(s)\n", lanes.join(", "));
    let _ = writeln!(s, "Resources (yosys 0.23):");
    let _ = writeln!(s, "{:<9} {:<7} {:>7} {:>7} {:>5} {:>6}", "config", "family", "LUTs", "FFs", "DSPs", "BRAMs");
    for c in &r.configs {
        for (f, res) in &c.families {
            let _ =
                writeln!(s, "{:<9} {:<7} {:>7} {:>7} {:>5} {:>6}", c.name, f, res.luts, res.ffs, res.dsps, res.brams);
        }
    }
    let fmax = r.fmax_mhz_ice40.map_or("none".to_string(), |f| format!("{f:.2} MHz"));
    let _ = writeln!(s, "\niCE40 fmax: {fmax} ({})", r.fmax_note);
    let opt = |v: Option<f64>| v.map_or("-".to_string(), |x| format!("{x:.1}"));
    let mut tables: Vec<(String, &Vec<CycleRow>)> = r
        .lane_configs
        .iter()
        .map(|l| {
            (
                format!("\n{} lane(s): cycles from start to done; util = (N/2 log2 N / lanes) / NTT cycles", l.lanes),
                &l.rows,
            )
        })
        .collect();
    if let Some(lean) = &r.lean {
        let fit = match (&lean.fit_config, &lean.fit_part, lean.fmax_mhz) {
            (Some(c), Some(p), Some(f)) => format!("{c} placed on {p} at {f:.2} MHz; projected up to its N"),
            _ => "no lean configuration placed".to_string(),
        };
        tables.push((
            format!(
                "\nDSP-lean core, 1 lane (one Montgomery multiplier, 8 SB_MAC16; pointwise products every other \
                 cycle): {fit}"
            ),
            &lean.rows,
        ));
    }
    for (title, rows) in tables {
        let _ = writeln!(s, "{title}");
        let _ = writeln!(
            s,
            "{:>5} {:>10} {:>8} {:>11} {:>6} {:<9} {:>12} {:>11} {:>12} {:>11}",
            "log N",
            "NTT cyc",
            "pw cyc",
            "product cyc",
            "util",
            "source",
            "fpga NTT us",
            "cpu NTT us",
            "fpga prod us",
            "cpu prod us"
        );
        for row in rows {
            let _ = writeln!(
                s,
                "{:>5} {:>10} {:>8} {:>11} {:>5.1}% {:<9} {:>12} {:>11} {:>12} {:>11}",
                row.logn,
                row.cycles_per_ntt,
                row.cycles_per_pointwise,
                row.cycles_per_product,
                100.0 * row.utilisation,
                row.source,
                opt(row.projected_ntt_us),
                opt(row.cpu_ntt_us),
                opt(row.projected_us),
                opt(row.cpu_product_us)
            );
        }
    }
    s
}
