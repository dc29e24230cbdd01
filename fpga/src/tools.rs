//! Helpers for checking generated Verilog with external tools: Verilator
//! (lint), Icarus Verilog (replay of test vectors against a hand-written
//! testbench) and Yosys (iCE40 synthesis with a cell report).
//!
//! Each block's tests follow the same pattern:
//!
//! 1. [`require_tools`] decides whether the tools are there. When one is
//!    missing the test is skipped with a printed note, unless the environment
//!    variable [`REQUIRE_TOOLS_ENV`] (`POLYHE_REQUIRE_TOOLS`) is `1`, in which
//!    case it panics with a message naming the tool (the project test script
//!    sets it, so CI cannot silently skip).
//! 2. A [`WorkDir`] (a fresh temporary directory, removed on drop) receives
//!    the generated Verilog, the testbench and the [`VectorFile`]s.
//! 3. [`verilator_lint`], [`iverilog_run`] and [`yosys_synth_ice40`] run the
//!    tools there and turn any failure into a [`ToolError`] quoting the
//!    command and its output.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Environment variable that turns a missing external tool into a test
/// failure (value `1`) instead of a skip.
pub const REQUIRE_TOOLS_ENV: &str = "POLYHE_REQUIRE_TOOLS";

/// Environment variable naming a directory to keep [`WorkDir`]s in (they are
/// then not deleted), for looking at generated files after a run.
pub const KEEP_DIR_ENV: &str = "POLYHE_FPGA_KEEP";

/// Whether [`REQUIRE_TOOLS_ENV`] is set to `1`.
pub fn tools_required() -> bool {
    std::env::var(REQUIRE_TOOLS_ENV).is_ok_and(|v| v.trim() == "1")
}

/// The full path of an executable found on `PATH`, if any.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    p.metadata().is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(p: &Path) -> bool {
    p.is_file()
}

/// Checks that every tool in `names` is on `PATH`.
///
/// Returns `true` when all are present. When one is missing: panics with a
/// message naming it if [`tools_required`], otherwise prints a note to
/// stderr and returns `false` (the caller then returns early, skipping).
pub fn require_tools(names: &[&str]) -> bool {
    let missing: Vec<&str> = names.iter().copied().filter(|n| find_tool(n).is_none()).collect();
    if missing.is_empty() {
        return true;
    }
    let list = missing.join(", ");
    if tools_required() {
        panic!(
            "external tool(s) not found on PATH: {list}; {REQUIRE_TOOLS_ENV}=1 makes this a failure. \
             Install them (Debian: apt-get install yosys iverilog verilator nextpnr-ice40) or run scripts/test.sh"
        );
    }
    eprintln!(
        "note: skipping test: external tool(s) not found on PATH: {list} (set {REQUIRE_TOOLS_ENV}=1 to fail instead)"
    );
    false
}

/// A failed external-tool run: the command line, why it failed, and what
/// the tool printed.
#[derive(Debug)]
pub struct ToolError {
    /// The command line that was run.
    pub command: String,
    /// What went wrong (exit status, warning found, missing result line, ...).
    pub reason: String,
    /// The tool's standard output.
    pub stdout: String,
    /// The tool's standard error.
    pub stderr: String,
}

impl fmt::Display for ToolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "`{}` failed: {}", self.command, self.reason)?;
        writeln!(f, "--- stdout ---\n{}", tail(&self.stdout, 60))?;
        write!(f, "--- stderr ---\n{}", tail(&self.stderr, 60))
    }
}

impl std::error::Error for ToolError {}

/// The last `lines` lines of `s` (tool logs can be long).
fn tail(s: &str, lines: usize) -> String {
    let all: Vec<&str> = s.lines().collect();
    let skip = all.len().saturating_sub(lines);
    let mut out = String::new();
    if skip > 0 {
        out.push_str(&format!("[... {skip} lines omitted ...]\n"));
    }
    out.push_str(&all[skip..].join("\n"));
    out
}

/// What a successful tool run printed.
#[derive(Clone, Debug)]
pub struct ToolOutput {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `cmd` to completion; an error unless it exits with status 0.
pub fn run_tool(cmd: &mut Command) -> Result<ToolOutput, ToolError> {
    let command = format!("{cmd:?}");
    let out = cmd.output().map_err(|e| ToolError {
        command: command.clone(),
        reason: format!("could not start: {e}"),
        stdout: String::new(),
        stderr: String::new(),
    })?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if !out.status.success() {
        return Err(ToolError { command, reason: format!("exit status {}", out.status), stdout, stderr });
    }
    Ok(ToolOutput { stdout, stderr })
}

/// A fresh directory for one test's files, removed when dropped.
///
/// It lives under the system temporary directory, or under
/// [`KEEP_DIR_ENV`] when that is set (and is then kept).
#[derive(Debug)]
pub struct WorkDir {
    path: PathBuf,
    keep: bool,
}

impl WorkDir {
    /// Creates `polyhe-fpga-<label>-<pid>-<n>`; panics if that fails (tests
    /// cannot go on without it).
    pub fn new(label: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let (base, keep) = match std::env::var_os(KEEP_DIR_ENV) {
            Some(dir) => (PathBuf::from(dir), true),
            None => (std::env::temp_dir(), false),
        };
        let path = base.join(format!("polyhe-fpga-{label}-{}-{n}", std::process::id()));
        if path.exists() {
            let _ = std::fs::remove_dir_all(&path);
        }
        std::fs::create_dir_all(&path).unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        Self { path, keep }
    }

    /// The directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `contents` to the file `name` in the directory and returns its
    /// path; panics on an I/O error.
    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let p = self.path.join(name);
        std::fs::write(&p, contents).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
        p
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Test vectors for Verilog's `$readmemh`: one line per vector, the fields
/// concatenated (first field in the most significant bits) into one hex
/// word, so a testbench reads them with
/// `reg [W-1:0] mem [0:N-1]; ... {f0, f1, ...} = mem[i];`
/// where `W` is [`VectorFile::width`].
#[derive(Clone, Debug)]
pub struct VectorFile {
    widths: Vec<usize>,
    text: String,
    len: usize,
}

impl VectorFile {
    /// A file whose vectors have fields of the given bit widths (each at
    /// most 64).
    pub fn new(widths: &[usize]) -> Self {
        assert!(!widths.is_empty() && widths.iter().all(|&w| (1..=64).contains(&w)), "field widths must be 1..=64");
        Self { widths: widths.to_vec(), text: String::new(), len: 0 }
    }

    /// Appends one vector; panics if the number of fields is wrong or a
    /// value does not fit its width.
    pub fn push(&mut self, fields: &[u64]) {
        assert_eq!(fields.len(), self.widths.len(), "wrong number of fields");
        let mut bits: Vec<bool> = Vec::with_capacity(self.width());
        for (&v, &w) in fields.iter().zip(&self.widths) {
            assert!(w == 64 || v >> w == 0, "value {v:#x} does not fit in {w} bits");
            for i in (0..w).rev() {
                bits.push((v >> i) & 1 == 1);
            }
        }
        // Hex digits from the most significant end, left-padded to a whole digit.
        let pad = (4 - bits.len() % 4) % 4;
        let padded: Vec<bool> = std::iter::repeat_n(false, pad).chain(bits).collect();
        for chunk in padded.chunks(4) {
            let d = chunk.iter().fold(0u32, |acc, &b| acc << 1 | b as u32);
            self.text.push(char::from_digit(d, 16).expect("a hex digit"));
        }
        self.text.push('\n');
        self.len += 1;
    }

    /// Total bits per vector (the sum of the field widths).
    pub fn width(&self) -> usize {
        self.widths.iter().sum()
    }

    /// Number of vectors pushed.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no vector has been pushed.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `$readmemh` text.
    pub fn contents(&self) -> &str {
        &self.text
    }
}

/// Lints `verilog` (top module `top`) with
/// `verilator --lint-only -Wno-WIDTH`: an error if Verilator exits with a
/// failure or prints any warning.
pub fn verilator_lint(dir: &WorkDir, verilog: &str) -> Result<ToolOutput, ToolError> {
    let file = dir.write("top.v", verilog);
    let mut cmd = Command::new("verilator");
    cmd.current_dir(dir.path()).args(["--lint-only", "-Wno-WIDTH", "--top-module", "top"]).arg(&file);
    let out = run_tool(&mut cmd)?;
    if out.stderr.contains("%Warning") || out.stderr.contains("%Error") {
        return Err(ToolError {
            command: format!("{cmd:?}"),
            reason: "Verilator printed warnings".into(),
            stdout: out.stdout,
            stderr: out.stderr,
        });
    }
    Ok(out)
}

/// The line a testbench prints when every vector matched:
/// `PASS <number of vectors checked>`. Anything else (notably lines starting
/// with `FAIL`) counts as a failure.
pub const TESTBENCH_PASS: &str = "PASS";

/// Compiles the `sources` (file name, text) with `iverilog -g2005`, top
/// module `top_module`, overriding its parameters with `params`
/// (`-P<top_module>.<name>=<value>`), runs the result with `vvp -n` in
/// `dir` (so `$readmemh` finds files written there), and checks that the
/// output contains the line `PASS <expect_checked>` and no line starting
/// with `FAIL`.
pub fn iverilog_run(
    dir: &WorkDir,
    sources: &[(&str, &str)],
    top_module: &str,
    params: &[(&str, String)],
    expect_checked: usize,
) -> Result<ToolOutput, ToolError> {
    let mut cmd = Command::new("iverilog");
    cmd.current_dir(dir.path()).args(["-g2005", "-o", "sim.vvp", "-s", top_module]);
    for (name, value) in params {
        cmd.arg(format!("-P{top_module}.{name}={value}"));
    }
    for (name, text) in sources {
        cmd.arg(dir.write(name, text));
    }
    run_tool(&mut cmd)?;
    let mut run = Command::new("vvp");
    run.current_dir(dir.path()).args(["-n", "sim.vvp"]);
    let out = run_tool(&mut run)?;
    let want = format!("{TESTBENCH_PASS} {expect_checked}");
    let failed = out.stdout.lines().any(|l| l.trim_start().starts_with("FAIL"));
    if failed || !out.stdout.lines().any(|l| l.trim() == want) {
        return Err(ToolError {
            command: format!("{run:?}"),
            reason: format!("testbench did not print `{want}` (or printed FAIL lines)"),
            stdout: out.stdout,
            stderr: out.stderr,
        });
    }
    Ok(out)
}

/// Cell counts from a Yosys `stat` report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellReport {
    /// The total (`Number of cells:`).
    pub total: usize,
    /// Count per cell type (`SB_LUT4`, `SB_DFF`, `SB_CARRY`, `SB_MAC16`, ...).
    pub cells: BTreeMap<String, usize>,
}

impl CellReport {
    /// Count of one cell type (0 when absent).
    pub fn count(&self, cell: &str) -> usize {
        self.cells.get(cell).copied().unwrap_or(0)
    }

    /// Total count of cell types starting with `prefix` (e.g. `SB_DFF`
    /// for all flip-flop variants).
    pub fn count_prefix(&self, prefix: &str) -> usize {
        self.cells.iter().filter(|(k, _)| k.starts_with(prefix)).map(|(_, v)| v).sum()
    }

    /// Parses the text of Yosys's `stat` command (the last report in `log`
    /// wins, which for `synth_*` is the flattened top module).
    pub fn parse(log: &str) -> Option<Self> {
        let start = log.rfind("Number of cells:")?;
        let mut lines = log[start..].lines();
        let total = lines.next()?.split(':').nth(1)?.trim().parse().ok()?;
        let mut cells = BTreeMap::new();
        for line in lines {
            let mut parts = line.split_whitespace();
            match (parts.next(), parts.next(), parts.next()) {
                (Some(name), Some(n), None) => match n.parse() {
                    Ok(n) => {
                        cells.insert(name.to_string(), n);
                    }
                    Err(_) => break,
                },
                (None, _, _) if cells.is_empty() => continue,
                _ => break,
            }
        }
        Some(Self { total, cells })
    }
}

impl fmt::Display for CellReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} cells:", self.total)?;
        for (k, v) in &self.cells {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

/// Synthesises `verilog` (top module `top`) for iCE40 with
/// `synth_ice40 -dsp` (multipliers on SB_MAC16) and returns the cell counts.
pub fn yosys_synth_ice40(dir: &WorkDir, verilog: &str) -> Result<CellReport, ToolError> {
    dir.write("top.v", verilog);
    let mut cmd = Command::new("yosys");
    cmd.current_dir(dir.path()).args([
        "-q",
        "-p",
        "read_verilog top.v; synth_ice40 -dsp -top top; tee -o stat.txt stat",
    ]);
    let out = run_tool(&mut cmd)?;
    let stat = std::fs::read_to_string(dir.path().join("stat.txt")).unwrap_or_default();
    CellReport::parse(&stat).ok_or_else(|| ToolError {
        command: format!("{cmd:?}"),
        reason: "no `Number of cells:` in the stat report".into(),
        stdout: stat,
        stderr: out.stderr,
    })
}

/// Ports of a generated top module: `(name, width, is_input)`, from the
/// `input wire [..] name;` / `output reg [..] name;` declarations rust-hdl
/// writes after `// Module arguments`.
pub fn top_ports(verilog: &str) -> Vec<(String, usize, bool)> {
    let mut ports = Vec::new();
    let Some(start) = verilog.find("// Module arguments") else { return ports };
    for line in verilog[start..].lines().skip(1) {
        let line = line.trim();
        let input = line.starts_with("input ");
        if !input && !line.starts_with("output ") {
            if line.is_empty() {
                continue;
            }
            break;
        }
        let decl = line.trim_end_matches(';');
        let name = decl.split_whitespace().last().unwrap_or_default().to_string();
        let width = match (decl.find('['), decl.find(':')) {
            (Some(a), Some(b)) if a < b => decl[a + 1..b].trim().parse::<usize>().map_or(1, |hi| hi + 1),
            _ => 1,
        };
        ports.push((name, width, input));
    }
    ports
}

/// A module `fit_top(clock, sin, sout)` around the generated `top` for
/// placement on a small package (an UP5K's sg48 has 39 I/O pins, the core
/// about 200): every input of `top` except `clock` comes from a shift
/// register fed by `sin`, and `sout` registers the XOR of all outputs, so
/// synthesis keeps the whole core and nextpnr times its internal paths
/// (register to register). Adds one flip-flop per input bit. `None` if the
/// ports cannot be read or there is no `clock` input.
pub fn io_ring(verilog: &str) -> Option<String> {
    let ports = top_ports(verilog);
    if !ports.iter().any(|(n, w, i)| n == "clock" && *w == 1 && *i) {
        return None;
    }
    let in_bits: usize = ports.iter().filter(|(n, _, i)| *i && n != "clock").map(|p| p.1).sum();
    let out_bits: usize = ports.iter().filter(|p| !p.2).map(|p| p.1).sum();
    if in_bits < 2 || out_bits == 0 {
        return None;
    }
    let mut v = String::new();
    v.push_str("// I/O ring for placing `top` on a small package (polyhe_fpga::tools::io_ring).\n");
    v.push_str("module fit_top(clock, sin, sout);\n    input wire clock;\n    input wire sin;\n    output reg sout;\n");
    v.push_str(&format!("    reg [{}:0] sr;\n    wire [{}:0] outs;\n", in_bits - 1, out_bits - 1));
    v.push_str(&format!(
        "    always @(posedge clock) begin\n        sr <= {{sr[{}:0], sin}};\n        sout <= ^outs;\n    end\n",
        in_bits - 2
    ));
    let (mut i, mut o) = (0, 0);
    let mut conns = Vec::new();
    for (name, width, input) in &ports {
        if name == "clock" {
            conns.push(".clock(clock)".to_string());
        } else if *input {
            conns.push(format!(".{name}(sr[{}:{}])", i + width - 1, i));
            i += width;
        } else {
            conns.push(format!(".{name}(outs[{}:{}])", o + width - 1, o));
            o += width;
        }
    }
    v.push_str(&format!("    top core({});\nendmodule\n", conns.join(", ")));
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_file_packs_fields_msb_first() {
        let mut v = VectorFile::new(&[30, 30, 2]);
        v.push(&[0x3fff_ffff, 1, 2]);
        v.push(&[0, 0, 0]);
        assert_eq!(v.width(), 62);
        assert_eq!(v.len(), 2);
        // 62 bits -> 16 hex digits; 0x3fffffff << 32 | 1 << 2 | 2
        assert_eq!(v.contents(), "3fffffff00000006\n0000000000000000\n");
    }

    #[test]
    #[should_panic(expected = "does not fit")]
    fn vector_file_rejects_wide_values() {
        VectorFile::new(&[4]).push(&[16]);
    }

    #[test]
    fn parses_yosys_stat() {
        let log = "\
=== top ===

   Number of wires:                 41
   Number of cells:                223
     SB_CARRY                       62
     SB_DFF                         92
     SB_LUT4                        69

";
        let r = CellReport::parse(log).unwrap();
        assert_eq!(r.total, 223);
        assert_eq!(r.count("SB_DFF"), 92);
        assert_eq!(r.count_prefix("SB_"), 223);
        assert_eq!(r.count("SB_MAC16"), 0);
    }

    #[test]
    fn io_ring_reads_ports_and_wraps_them() {
        let v =
            "module top(clock,a,b,y);\n    // Module arguments\n    input wire  clock;\n    input wire  [2:0] a;\n    \
                 input wire  b;\n    output reg  [3:0] y;\n    \n    // Constant declarations\n";
        let ports = top_ports(v);
        assert_eq!(
            ports,
            [("clock".into(), 1, true), ("a".into(), 3, true), ("b".into(), 1, true), ("y".into(), 4, false)]
        );
        let ring = io_ring(v).unwrap();
        assert!(ring.contains("reg [3:0] sr;") && ring.contains("wire [3:0] outs;"), "{ring}");
        assert!(ring.contains(".a(sr[2:0]), .b(sr[3:3]), .y(outs[3:0])"), "{ring}");
        assert!(io_ring("module top(a); // Module arguments\n input wire a;\n").is_none());
    }

    #[test]
    fn finds_tools_on_path() {
        let path = std::env::var_os("PATH").unwrap_or_default();
        if std::env::split_paths(&path).any(|d| d.join("sh").is_file()) {
            assert!(find_tool("sh").is_some());
        }
        assert!(find_tool("polyhe-no-such-tool").is_none());
        // Missing tools skip unless required; never panic when not required.
        if !tools_required() {
            assert!(!require_tools(&["polyhe-no-such-tool"]));
        }
    }
}
