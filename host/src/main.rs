//! The `polyhe` command-line program.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use polyhe_core::ntt::{MAX_LOG_N, MIN_LOG_N};
use polyhe_host::bench::ckks::{self, CkksBenchConfig};
use polyhe_host::bench::ntt::{self, KernelChoice, NttBenchConfig, JSON_FIELDS_HELP};
use polyhe_host::bench::Clock;

/// polyhe: a CKKS homomorphic-encryption runtime.
#[derive(Parser, Debug)]
#[command(name = "polyhe", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Benchmarks against peer libraries, in the same run.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// The FPGA accelerator's Verilog, resources and projected speed.
    #[command(subcommand)]
    Fpga(FpgaCommand),
    /// Trains the original and the HE-friendly vision transformer (range
    /// loss), converts the latter to polynomial form and reports the three
    /// accuracies (feature `train`).
    #[cfg(feature = "train")]
    #[command(after_long_help = polyhe_host::train::cli::JSON_FIELDS_HELP)]
    Train(polyhe_host::train::cli::TrainArgs),
    /// Converts a `polyhe train --checkpoint` file to a polynomial model
    /// file (BatchNorm folded, minimax polynomials on measured intervals).
    #[cfg(feature = "train")]
    #[command(after_long_help = polyhe_host::train::cli::JSON_FIELDS_HELP)]
    Convert(polyhe_host::train::cli::ConvertArgs),
    #[command(flatten)]
    Infer(polyhe_host::infer::cli::InferCommand),
}

#[derive(Subcommand, Debug)]
enum FpgaCommand {
    /// Writes the core's Verilog, synthesises it with yosys (iCE40, ECP5,
    /// Xilinx 7), places it with nextpnr-ice40 where it fits, and reports
    /// resources, cycles per NTT and product, utilisation and the projected
    /// time beside the CPU's.
    #[command(after_long_help = polyhe_host::fpga_report::JSON_FIELDS_HELP)]
    Report(FpgaReportArgs),
    /// Emulates a board on a new pseudo-terminal: the simulated accelerator
    /// (N up to 2^13) answers the serial protocol there, so that
    /// `--engine fpga:<port>` can be tried without hardware. Prints the
    /// port, then serves until interrupted.
    Emulate,
}

#[derive(Args, Debug)]
struct FpgaReportArgs {
    /// Output directory for the Verilog, tool logs, report.json and report.txt.
    #[arg(long, default_value = "fpga/generated")]
    out: std::path::PathBuf,
    /// Families to synthesise for (ice40, ecp5, xilinx), comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "ice40,ecp5,xilinx")]
    families: Vec<String>,
    /// Configurations, comma-separated, smallest first: the Shoup core
    /// (n16, n1024, n8192) and the DSP-lean core (lean_n16, lean_n512,
    /// lean_n1024, lean_n1024_spram: twiddles in the UP5K's SPRAM). When
    /// placing, lean_n512, lean_n1024 and lean_n1024_spram are added for the
    /// iCE40 fit; the iCE40 fmax is that of the largest configuration that
    /// fits an HX8K or UP5K (n16: the same datapath and control with small
    /// memories).
    #[arg(long, value_delimiter = ',', default_value = "n16,n1024,n8192")]
    configs: Vec<String>,
    /// Butterfly lane counts (1, 2, 4), comma-separated: every configuration
    /// is synthesised and every cycle table made for each.
    #[arg(long, value_delimiter = ',', default_value = "1,2,4")]
    lanes: Vec<usize>,
    /// Degrees up to this log2 N are simulated, larger ones use the tested formula.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(4..=13))]
    max_simulated_logn: u32,
    /// Largest log2 N in the cycle table.
    #[arg(long, default_value_t = 13, value_parser = clap::value_parser!(u32).range(4..=13))]
    max_logn: u32,
    /// Timed CPU samples per degree (0: none).
    #[arg(long, default_value_t = 101)]
    cpu_reps: usize,
    /// Skip nextpnr-ice40.
    #[arg(long)]
    no_place: bool,
    /// Print one JSON object (fields: see --help) instead of the table.
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long)]
    no_progress: bool,
}

fn fpga_report(args: &FpgaReportArgs) -> anyhow::Result<()> {
    use polyhe_host::fpga_report::{self as fr, CoreConfig, Family};
    let families = args
        .families
        .iter()
        .map(|f| Family::parse(f).with_context(|| format!("unknown family {f:?} (ice40, ecp5, xilinx)")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let configs = args
        .configs
        .iter()
        .map(|c| CoreConfig::parse(c).with_context(|| format!("unknown configuration {c:?} (n16, n1024, n8192)")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let cfg = fr::ReportConfig {
        out_dir: args.out.clone(),
        families,
        configs,
        lanes: args.lanes.clone(),
        max_simulated_log_n: args.max_simulated_logn,
        max_log_n: args.max_logn,
        cpu_reps: args.cpu_reps,
        place: !args.no_place,
        progress: !args.no_progress,
    };
    let report = fr::run(&cfg).context("polyhe fpga report failed")?;
    fr::write_files(&report, &args.out).context("writing report.json and report.txt")?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).context("serialising the report")?);
    } else {
        print!("{}", fr::render_table(&report));
    }
    Ok(())
}

#[derive(Subcommand, Debug)]
enum BenchCommand {
    /// polyhe's negacyclic NTT (forward, inverse, polynomial product) against
    /// tfhe-ntt 0.7, one 30-bit prime, one thread.
    ///
    /// For each degree, prints the median time per call of both libraries
    /// (samples interleaved, after a warm-up) and the ratio polyhe / tfhe-ntt.
    #[command(after_long_help = JSON_FIELDS_HELP)]
    Ntt(NttArgs),
    /// CKKS key generation, encryption, decryption, multiply + relinearise,
    /// rescale and rotation on 128-bit sets matching ANCHORS.md, one
    /// thread, beside OpenFHE's published times.
    #[command(after_long_help = ckks::JSON_FIELDS_HELP)]
    Ckks(CkksArgs),
}

#[derive(Args, Debug)]
struct CkksArgs {
    /// log2 of the ring degrees (13 to 16), comma-separated.
    #[arg(long = "logn", value_delimiter = ',', default_value = "13,14",
          value_parser = clap::value_parser!(u32).range(13..=16))]
    log_ns: Vec<u32>,
    /// Timed samples per operation (the median is reported).
    #[arg(long, default_value_t = 11, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    reps: u64,
    /// Print one JSON object per line and operation (fields: see --help).
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long)]
    no_progress: bool,
}

fn bench_ckks(args: &CkksArgs) -> anyhow::Result<()> {
    let cfg = CkksBenchConfig {
        log_ns: args.log_ns.clone(),
        reps: args.reps as usize,
        clock: Clock::ThreadCpu,
        progress: !args.no_progress,
    };
    let json = args.json;
    let records = ckks::run(&cfg, |r| {
        if json {
            match serde_json::to_string(r) {
                Ok(line) => println!("{line}"),
                Err(e) => eprintln!("error: serialising a record: {e}"),
            }
        }
    })
    .context("polyhe bench ckks failed")?;
    if !json {
        print!("{}", ckks::render_table(&records));
    }
    Ok(())
}

#[derive(Args, Debug)]
struct NttArgs {
    /// log2 of the ring degrees, comma-separated.
    #[arg(long = "logn", value_delimiter = ',', default_value = "12,14,16",
          value_parser = clap::value_parser!(u32).range(i64::from(MIN_LOG_N)..=i64::from(MAX_LOG_N)))]
    log_ns: Vec<u32>,
    /// Timed samples per operation and degree [default: 401, or 31 with --quick].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    reps: Option<u64>,
    /// Untimed warm-up repetitions [default: reps / 40, at least 2].
    #[arg(long)]
    warmup: Option<usize>,
    /// Fewer samples (31): a few seconds, noisier figures.
    #[arg(long)]
    quick: bool,
    /// polyhe kernel to measure.
    #[arg(long, value_enum, default_value_t = KernelChoice::Auto)]
    kernel: KernelChoice,
    /// Clock for the samples: this thread's CPU time, or wall time.
    #[arg(long, value_enum, default_value_t = ClockArg::ThreadCpu)]
    clock: ClockArg,
    /// Print one JSON object (fields: see --help) instead of the table.
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long)]
    no_progress: bool,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum ClockArg {
    /// CPU time of the benchmarking thread (time descheduled is excluded).
    ThreadCpu,
    /// Monotonic wall time.
    Wall,
}

fn bench_ntt(args: &NttArgs) -> anyhow::Result<()> {
    let reps = args.reps.map_or(if args.quick { 31 } else { 401 }, |r| r as usize);
    let cfg = NttBenchConfig {
        log_ns: args.log_ns.clone(),
        reps,
        warmup: args.warmup.unwrap_or((reps / 40).max(2)),
        kernel: args.kernel,
        clock: match args.clock {
            ClockArg::ThreadCpu => Clock::ThreadCpu,
            ClockArg::Wall => Clock::Wall,
        },
        progress: !args.no_progress,
    };
    tracing::debug!(?cfg, "bench ntt");
    let report = ntt::run(&cfg).context("polyhe bench ntt failed")?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report).context("serialising the report")?);
    } else {
        print!("{}", ntt::render_table(&report));
    }
    Ok(())
}

#[cfg(unix)]
fn fpga_emulate() -> anyhow::Result<()> {
    use std::io::Write;
    let stop = std::sync::atomic::AtomicBool::new(false);
    let stats = polyhe_host::accel::emulator::serve_pty(&stop, |port| {
        println!("{port}");
        eprintln!(
            "polyhe: emulated accelerator (rust-hdl simulation, N = 2^{} to 2^{}) on {port}; \
             use --engine fpga:{port}; Ctrl-C to stop",
            polyhe_fpga::device::MIN_LOG_N,
            polyhe_fpga::device::MAX_LOG_N
        );
        let _ = std::io::stdout().flush();
    })?;
    eprintln!("polyhe: emulator stopped after {} frames", stats.frames);
    Ok(())
}

#[cfg(not(unix))]
fn fpga_emulate() -> anyhow::Result<()> {
    anyhow::bail!("polyhe fpga emulate needs a Unix pseudo-terminal")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into()))
        .init();
    let result = match &cli.command {
        Command::Bench(BenchCommand::Ntt(args)) => bench_ntt(args),
        Command::Bench(BenchCommand::Ckks(args)) => bench_ckks(args),
        Command::Fpga(FpgaCommand::Report(args)) => fpga_report(args),
        Command::Fpga(FpgaCommand::Emulate) => fpga_emulate(),
        #[cfg(feature = "train")]
        Command::Train(args) => polyhe_host::train::cli::run_train(args)
            .and_then(|r| polyhe_host::train::cli::print_report(&r, args.json))
            .context("polyhe train failed"),
        #[cfg(feature = "train")]
        Command::Convert(args) => polyhe_host::train::cli::run_convert(args)
            .and_then(|r| polyhe_host::train::cli::print_report(&r, args.json))
            .context("polyhe convert failed"),
        Command::Infer(cmd) => polyhe_host::infer::cli::run(cmd),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
