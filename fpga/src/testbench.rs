//! A reusable rust-hdl testbench for pipelined blocks: stream operands in,
//! one per clock (with bubbles), and compare every result, at exactly the
//! block's latency, with a software model's answers.
//!
//! A block implements [`Pipeline`] (how to drive its inputs and read its
//! outputs); [`run_stream`] builds the simulation (a clock plus one
//! testbench, as `simple_sim!` does), and returns `Err` with a description
//! of the first mismatch: the mismatch is also a failed `sim_assert!`, so the
//! simulation itself reports [`SimError::SimHalted`].
//!
//! Set [`VCD_DIR_ENV`] to a directory to get a VCD trace of each run there
//! (VCDs are never written into the source tree).

use std::fmt::Debug;
use std::panic::RefUnwindSafe;
use std::sync::{Arc, Mutex};

use polyhe_core::arith::NttPrimes;
use rust_hdl::prelude::*;

/// Environment variable naming a directory for VCD traces of
/// [`run_stream`] simulations (none are written when unset).
pub const VCD_DIR_ENV: &str = "POLYHE_FPGA_VCD";

/// Simulated clock: 100 MHz (the value only affects VCD time stamps).
pub const CLOCK_HZ: u64 = 100_000_000;

/// A block with a fixed-latency, fully pipelined datapath and a valid flag.
pub trait Pipeline: Block + Send + Sized + 'static {
    /// One operation's operands.
    type Input: Clone + Debug + Send + Sync + RefUnwindSafe + 'static;
    /// One operation's results.
    type Output: Clone + Debug + PartialEq + Send + Sync + RefUnwindSafe + 'static;
    /// Rising clock edges from operands to results.
    const LATENCY: usize;
    /// The block's clock input.
    fn clock_mut(&mut self) -> &mut Signal<In, Clock>;
    /// The current level of the clock input.
    fn clock_high(&self) -> bool;
    /// Drives the inputs: `Some` operands with the valid flag set, or `None`
    /// for a bubble (valid flag clear).
    fn drive(&mut self, input: Option<&Self::Input>);
    /// Reads the outputs: `Some` results when the valid flag is set.
    fn sample(&self) -> Option<Self::Output>;
}

/// What a passing [`run_stream`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamReport {
    /// Operations checked.
    pub checked: usize,
    /// Clock cycles simulated.
    pub cycles: usize,
}

/// Streams `inputs` through `uut`, one per clock, inserting a bubble every
/// `bubble_every` slots (0: none), and checks that each clock's output is
/// exactly the expected result of the operation issued `P::LATENCY` cycles
/// before (or no valid output after a bubble).
///
/// `expected[i]` is the software model's result for `inputs[i]`.
pub fn run_stream<P: Pipeline>(
    uut: P,
    inputs: Vec<P::Input>,
    expected: Vec<P::Output>,
    bubble_every: usize,
    name: &str,
) -> Result<StreamReport, String> {
    assert_eq!(inputs.len(), expected.len(), "one expected output per input");
    // The issue schedule: Some(i) issues inputs[i], None is a bubble.
    let mut schedule: Vec<Option<usize>> = Vec::with_capacity(inputs.len() * 2);
    let mut next = 0;
    while next < inputs.len() {
        if bubble_every > 0 && schedule.len() % bubble_every == bubble_every - 1 {
            schedule.push(None);
        } else {
            schedule.push(Some(next));
            next += 1;
        }
    }
    let issue_slots = schedule.len();
    let operations = inputs.len();
    let slots = issue_slots + P::LATENCY + 1;
    let failure: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let checked = Arc::new(Mutex::new(0usize));

    let mut sim = Simulation::<P>::new();
    let half_period = SIMULATION_TIME_ONE_SECOND / (2 * CLOCK_HZ);
    sim.add_clock(half_period, |x: &mut Box<P>| {
        let c = x.clock_mut();
        c.next = !c.val();
    });
    let (fail_tb, checked_tb) = (failure.clone(), checked.clone());
    sim.add_testbench(move |mut sim: Sim<P>| {
        let mut x = sim.init()?;
        for slot in 0..slots {
            // Sample and drive while the clock is low: the outputs then show
            // the state after rising edge `slot - 1`, and the inputs are
            // captured at rising edge `slot`.
            x = sim.watch(|x| !x.clock_high(), x)?;
            let got = x.sample();
            let want = slot.checked_sub(P::LATENCY).and_then(|s| schedule.get(s).copied().flatten());
            let want_out = want.map(|i| expected[i].clone());
            if got != want_out {
                let what = match want {
                    Some(i) => format!("operation {i} (input {:?})", inputs[i]),
                    None => "a bubble".to_string(),
                };
                *fail_tb.lock().unwrap() =
                    Some(format!("cycle {slot}: for {what} expected {want_out:?}, the circuit gave {got:?}"));
            }
            sim_assert!(sim, got == want_out, x);
            if want.is_some() {
                *checked_tb.lock().unwrap() += 1;
            }
            let drive = schedule.get(slot).copied().flatten().map(|i| &inputs[i]);
            x.drive(drive);
            x = sim.watch(|x| x.clock_high(), x)?;
        }
        sim.done(x)
    });
    let max_time = (slots as u64 + 4) * 2 * half_period;
    let result = match std::env::var_os(VCD_DIR_ENV) {
        Some(dir) => {
            let path = std::path::Path::new(&dir).join(format!("{name}.vcd"));
            let file = std::fs::File::create(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
            sim.run_traced(Box::new(uut), max_time, std::io::BufWriter::new(file))
        }
        None => sim.run(Box::new(uut), max_time),
    };
    if let Some(msg) = failure.lock().unwrap().take() {
        return Err(format!("{name}: {msg}"));
    }
    result.map_err(|e| format!("{name}: simulation failed: {e:?}"))?;
    let checked = *checked.lock().unwrap();
    if checked != operations {
        return Err(format!("{name}: checked {checked} of {operations} operations"));
    }
    Ok(StreamReport { checked, cycles: slots })
}

/// The moduli the blocks are tested with: the three largest 30-bit NTT
/// primes for `N = 2^16`, a 25-bit and a 17-bit one for `N = 2^12`, 12289
/// (`N = 2^11`) and 5, so carries, borrows and tiny moduli are all hit.
pub fn test_moduli() -> Vec<u32> {
    let mut qs: Vec<u32> = NttPrimes::new(30, 1 << 16).expect("valid parameters").take(3).collect();
    for (bits, n) in [(25, 1 << 12), (17, 1 << 12), (14, 1 << 11), (3, 2)] {
        qs.push(NttPrimes::new(bits, n).expect("valid parameters").next().expect("a prime exists"));
    }
    qs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_moduli_are_the_documented_primes() {
        let qs = test_moduli();
        assert_eq!(qs.len(), 7);
        assert!(qs[..3].iter().all(|&q| q > 1 << 29 && q < 1 << 30 && q % (1 << 17) == 1));
        assert_eq!(&qs[5..], &[12289, 5]);
        assert!(qs.iter().all(|&q| polyhe_core::arith::is_prime(q)));
    }
}
