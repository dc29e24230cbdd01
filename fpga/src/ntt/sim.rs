//! Driving a simulated [`NttCore`] through its command ports: a program of
//! host commands in, the words read back and the cycles each operation took
//! out. The same programs are exported as vector files for the Icarus
//! Verilog replay of the generated core ([`Command::encode`]).

use std::sync::{Arc, Mutex};

use polyhe_core::arith::Modulus;
use rust_hdl::prelude::*;

use super::control::op;
use super::core::{cfg, NttCore};
use super::lean::LeanNttCore;
use super::reference::Twiddles;
use crate::arith::{mont_neg_inv, mont_r_mod};
use crate::testbench::CLOCK_HZ;

/// An operation of the core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// Forward NTT in place.
    Forward,
    /// Inverse NTT (with `1/N`) in place.
    Inverse,
    /// `slot[s] *= slot[1 - s]` pointwise.
    Pointwise,
}

impl Op {
    /// The code on the core's `op` port.
    pub fn code(self) -> u64 {
        match self {
            Op::Forward => op::FORWARD,
            Op::Inverse => op::INVERSE,
            Op::Pointwise => op::POINTWISE,
        }
    }
}

/// One host command: one strobe on the core's ports (a `Run` also waits
/// for `done`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `cfg_write`: configuration register `addr` ([`cfg`](mod@cfg)) := `value`.
    Config {
        /// Register address.
        addr: u64,
        /// Value.
        value: u32,
    },
    /// `tw_write`.
    Twiddle {
        /// Inverse table.
        inverse: bool,
        /// Index `< N`.
        index: usize,
        /// Twiddle.
        w: u32,
        /// Its Shoup companion.
        w_shoup: u32,
    },
    /// `coef_write`.
    Write {
        /// Slot 0 or 1.
        slot: u8,
        /// Index `< N`.
        index: usize,
        /// Value `< q`.
        value: u32,
    },
    /// `coef_read`; the answer is appended to [`SimReport::reads`].
    Read {
        /// Slot 0 or 1.
        slot: u8,
        /// Index `< N`.
        index: usize,
    },
    /// `start`, then wait for `done`.
    Run {
        /// The operation.
        op: Op,
        /// Its slot.
        slot: u8,
    },
}

/// Vector-file field widths of an encoded [`Command`]: kind, flag, op,
/// index, data (see [`Command::encode`]).
pub const COMMAND_FIELDS: [usize; 5] = [3, 1, 2, 14, 62];

impl Command {
    /// The fields `[kind, flag, op, index, data]` of the command in the
    /// replay testbench's format (`tb/ntt_core_tb.v`): kind 0 config (index
    /// = register), 1 twiddle (flag = inverse, data = `w_shoup << 30 | w`),
    /// 2 write (flag = slot), 3 read and compare with `expected` (flag =
    /// slot), 4 run (flag = slot).
    pub fn encode(&self, expected: u32) -> [u64; 5] {
        match *self {
            Command::Config { addr, value } => [0, 0, 0, addr, value as u64],
            Command::Twiddle { inverse, index, w, w_shoup } => {
                [1, inverse as u64, 0, index as u64, (w_shoup as u64) << 30 | w as u64]
            }
            Command::Write { slot, index, value } => [2, slot as u64, 0, index as u64, value as u64],
            Command::Read { slot, index } => [3, slot as u64, 0, index as u64, expected as u64],
            Command::Run { op, slot } => [4, slot as u64, op.code(), 0, 0],
        }
    }
}

/// Commands that configure the core for degree `tw.n()` and load both
/// twiddle tables.
pub fn setup_commands(tw: &Twiddles) -> Vec<Command> {
    let q = tw.modulus.value();
    let m = Modulus::new(q).expect("modulus in range");
    let r = mont_r_mod(q);
    let mut cmds = vec![
        Command::Config { addr: cfg::LOG_N, value: tw.n().trailing_zeros() },
        Command::Config { addr: cfg::MODULUS, value: q },
        Command::Config { addr: cfg::NEG_INV, value: mont_neg_inv(q) },
        Command::Config { addr: cfg::R_MOD_Q, value: r },
        Command::Config { addr: cfg::R_SHOUP, value: m.shoup(r) },
    ];
    for i in 0..tw.n() {
        cmds.push(Command::Twiddle { inverse: false, index: i, w: tw.forward[i], w_shoup: tw.forward_shoup[i] });
        cmds.push(Command::Twiddle { inverse: true, index: i, w: tw.inverse[i], w_shoup: tw.inverse_shoup[i] });
    }
    cmds
}

/// Commands writing `values` into `slot`.
pub fn load_commands(slot: u8, values: &[u32]) -> Vec<Command> {
    values.iter().enumerate().map(|(index, &value)| Command::Write { slot, index, value }).collect()
}

/// Commands reading `n` words of `slot` back.
pub fn read_commands(slot: u8, n: usize) -> Vec<Command> {
    (0..n).map(|index| Command::Read { slot, index }).collect()
}

/// The host-side ports of a core ([`NttCore`] and [`LeanNttCore`] have the
/// same), so one simulation driver serves both.
pub trait HostPorts: Block + Send + 'static {
    /// The clock input.
    fn clock_mut(&mut self) -> &mut Signal<In, Clock>;
    /// The clock's level.
    fn clock_high(&self) -> bool;
    /// Drives the strobe and data inputs of `cmd`.
    fn apply(&mut self, cmd: &Command);
    /// Lowers every strobe except `start`; returns whether `start` was high.
    fn release(&mut self) -> bool;
    /// Lowers `start`.
    fn release_start(&mut self);
    /// `done` is high.
    fn is_done(&self) -> bool;
    /// The word read, when `coef_rvalid` is high.
    fn read_word(&self) -> Option<u32>;
}

macro_rules! host_ports {
    ($core:ident) => {
        impl<const L: usize, const K: usize, const A: usize, const T: usize> HostPorts for $core<L, K, A, T> {
            fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
                &mut self.clock
            }

            fn clock_high(&self) -> bool {
                self.clock.val().clk
            }

            fn apply(&mut self, cmd: &Command) {
                let x = self;
                match *cmd {
                    Command::Config { addr, value } => {
                        x.cfg_addr.next = addr.into();
                        x.cfg_data.next = u64::from(value).into();
                        x.cfg_write.next = true;
                    }
                    Command::Twiddle { inverse, index, w, w_shoup } => {
                        x.tw_inverse.next = inverse;
                        x.tw_index.next = (index as u64).into();
                        x.tw_w.next = u64::from(w).into();
                        x.tw_w_shoup.next = u64::from(w_shoup).into();
                        x.tw_write.next = true;
                    }
                    Command::Write { slot, index, value } => {
                        x.coef_slot.next = slot == 1;
                        x.coef_index.next = (index as u64).into();
                        x.coef_data.next = u64::from(value).into();
                        x.coef_write.next = true;
                    }
                    Command::Read { slot, index } => {
                        x.coef_slot.next = slot == 1;
                        x.coef_index.next = (index as u64).into();
                        x.coef_read.next = true;
                    }
                    Command::Run { op, slot } => {
                        x.op.next = op.code().into();
                        x.op_slot.next = slot == 1;
                        x.start.next = true;
                    }
                }
            }

            fn release(&mut self) -> bool {
                self.cfg_write.next = false;
                self.tw_write.next = false;
                self.coef_write.next = false;
                self.coef_read.next = false;
                self.start.val()
            }

            fn release_start(&mut self) {
                self.start.next = false;
            }

            fn is_done(&self) -> bool {
                self.done.val()
            }

            fn read_word(&self) -> Option<u32> {
                self.coef_rvalid.val().then(|| self.coef_rdata.val().to_u32())
            }
        }
    };
}

host_ports!(NttCore);
host_ports!(LeanNttCore);

/// What a [`run_program`] simulation produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SimReport {
    /// The words read, in program order.
    pub reads: Vec<u32>,
    /// For each `Run`: rising edges from the one that samples `start` to the
    /// first cycle `done` is high.
    pub op_cycles: Vec<usize>,
    /// All cycles simulated.
    pub total_cycles: usize,
}

/// Simulates `program` on `core` (an [`NttCore`] or a [`LeanNttCore`]),
/// one command per cycle (reads pipelined, `Run` waiting for `done`),
/// giving up after `max_cycles`.
pub fn run_program<C: HostPorts>(core: C, program: Vec<Command>, max_cycles: usize) -> Result<SimReport, String> {
    let report = Arc::new(Mutex::new(SimReport::default()));
    let out = report.clone();
    let mut sim = Simulation::<C>::new();
    let half_period = SIMULATION_TIME_ONE_SECOND / (2 * CLOCK_HZ);
    sim.add_clock(half_period, |x: &mut Box<C>| {
        let c = x.clock_mut();
        c.next = !c.val();
    });
    sim.add_testbench(move |mut sim: Sim<C>| {
        let mut x = sim.init()?;
        let mut cycles = 0usize;
        let mut pending_reads = 0usize;
        // Samples the outputs (clock low), then lets one rising edge pass.
        macro_rules! tick {
            () => {{
                x = sim.watch(|x| x.clock_high(), x)?;
                x = sim.watch(|x| !x.clock_high(), x)?;
                cycles += 1;
                if let Some(word) = x.read_word() {
                    out.lock().unwrap().reads.push(word);
                    pending_reads -= 1;
                }
            }};
        }
        x = sim.watch(|x| !x.clock_high(), x)?;
        for cmd in &program {
            x.apply(cmd);
            if let Command::Read { .. } = cmd {
                pending_reads += 1;
            }
            tick!();
            if x.release() {
                x.release_start();
                let mut op_cycles = 1;
                while !x.is_done() {
                    sim_assert!(sim, cycles < max_cycles, x);
                    tick!();
                    op_cycles += 1;
                }
                out.lock().unwrap().op_cycles.push(op_cycles);
            }
            sim_assert!(sim, cycles < max_cycles, x);
        }
        while pending_reads > 0 {
            sim_assert!(sim, cycles < max_cycles, x);
            tick!();
        }
        out.lock().unwrap().total_cycles = cycles;
        sim.done(x)
    });
    let max_time = (max_cycles as u64 + 8) * 2 * half_period;
    sim.run(Box::new(core), max_time).map_err(|e| format!("simulation failed: {e:?}"))?;
    let r = report.lock().unwrap().clone();
    Ok(r)
}

/// A simulated [`NttCore`] that keeps its state between command programs,
/// for a device that answers requests one at a time.
///
/// [`run_program`] builds a fresh [`Simulation`] per program, whose clock
/// and testbench are threads that hand the circuit back and forth twice per
/// edge. This stepper applies the same evaluation in one thread: it sets
/// the inputs, toggles `clock`, and re-runs `update_all` until no signal
/// changes, exactly what `Simulation` does after each hand-off (a test
/// pins the two to identical reads and cycle counts). It is several times
/// faster, which is what makes `N = 1024` usable in default tests.
pub struct Stepper<C: HostPorts> {
    core: Box<C>,
    cycles: usize,
}

/// The [`Stepper`] of an [`NttCore`].
pub type CoreSim<const L: usize, const K: usize, const A: usize, const T: usize> = Stepper<NttCore<L, K, A, T>>;

/// The [`Stepper`] of a [`LeanNttCore`].
pub type LeanCoreSim<const L: usize, const K: usize, const A: usize, const T: usize> = Stepper<LeanNttCore<L, K, A, T>>;

/// Why a [`CoreSim`] could not run a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoreSimError {
    /// The circuit did not settle after an input change (a combinational
    /// loop; never seen with [`NttCore`]).
    NoConvergence,
    /// The program needed more than the cycle budget (an operation never
    /// signalled `done`).
    Timeout {
        /// The budget.
        max_cycles: usize,
    },
    /// rust-hdl's structural checks refused the circuit.
    Check(String),
}

impl std::fmt::Display for CoreSimError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CoreSimError::NoConvergence => write!(f, "the simulated core did not settle"),
            CoreSimError::Timeout { max_cycles } => write!(f, "the simulated core exceeded {max_cycles} cycles"),
            CoreSimError::Check(e) => write!(f, "rust-hdl check failed: {e}"),
        }
    }
}

impl std::error::Error for CoreSimError {}

impl<C: HostPorts> Stepper<C> {
    /// Wraps `core` (connected and checked like [`Simulation::run`] does).
    pub fn new(core: C) -> Result<Self, CoreSimError> {
        let mut core = Box::new(core);
        core.connect_all();
        check_all(core.as_ref()).map_err(|e| CoreSimError::Check(format!("{e:?}")))?;
        let mut sim = Self { core, cycles: 0 };
        sim.settle()?;
        Ok(sim)
    }

    /// Cycles simulated since [`CoreSim::new`].
    pub fn cycles(&self) -> usize {
        self.cycles
    }

    /// Propagates changes until the circuit is stable (the loop of
    /// `Simulation::dispatch`, same iteration limit).
    fn settle(&mut self) -> Result<(), CoreSimError> {
        for _ in 0..100 {
            self.core.update_all();
            if !self.core.has_changed() {
                return Ok(());
            }
        }
        Err(CoreSimError::NoConvergence)
    }

    /// One rising and one falling edge, then the outputs are sampled.
    fn tick(&mut self, report: &mut SimReport, pending_reads: &mut usize) -> Result<(), CoreSimError> {
        self.settle()?;
        self.core.clock_mut().next = Clock { clk: true };
        self.settle()?;
        self.core.clock_mut().next = Clock { clk: false };
        self.settle()?;
        self.cycles += 1;
        if let Some(word) = self.core.read_word() {
            report.reads.push(word);
            *pending_reads = pending_reads.saturating_sub(1);
        }
        Ok(())
    }

    /// Runs `program` exactly as [`run_program`] would (one command per
    /// cycle, `Run` waiting for `done`, then draining pending reads), on the
    /// core's current state, within `max_cycles`.
    pub fn execute(&mut self, program: &[Command], max_cycles: usize) -> Result<SimReport, CoreSimError> {
        let mut report = SimReport::default();
        let start = self.cycles;
        let mut pending_reads = 0usize;
        let over = |s: &Self| s.cycles - start >= max_cycles;
        for cmd in program {
            self.core.apply(cmd);
            if let Command::Read { .. } = cmd {
                pending_reads += 1;
            }
            self.tick(&mut report, &mut pending_reads)?;
            if self.core.release() {
                self.core.release_start();
                let mut op_cycles = 1;
                while !self.core.is_done() {
                    if over(self) {
                        return Err(CoreSimError::Timeout { max_cycles });
                    }
                    self.tick(&mut report, &mut pending_reads)?;
                    op_cycles += 1;
                }
                report.op_cycles.push(op_cycles);
            }
            if over(self) {
                return Err(CoreSimError::Timeout { max_cycles });
            }
        }
        while pending_reads > 0 {
            if over(self) {
                return Err(CoreSimError::Timeout { max_cycles });
            }
            self.tick(&mut report, &mut pending_reads)?;
        }
        report.total_cycles = self.cycles - start;
        Ok(report)
    }
}
