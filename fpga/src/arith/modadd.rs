//! [`ModAdd`]: a pipelined modular adder/subtractor for a run-time modulus.

use rust_hdl::prelude::*;

/// Bits of a residue and of the modulus (`q < 2^30`).
pub const RESIDUE_BITS: usize = 30;

/// Pipelined `(a + b) mod q` and `(a - b) mod q` for a modulus `q < 2^30`
/// given on an input port, so one bitstream serves every prime.
///
/// Inputs `a, b` must lie in `[0, q)`; the outputs then equal
/// `polyhe_core::arith::Modulus::add` and `Modulus::sub` bit for bit (for any
/// `2 <= q < 2^30`, prime or not). No division: each result needs one add
/// and one conditional correction.
///
/// **Latency: [`ModAdd::LATENCY`] = 2 clock cycles**, throughput one
/// operation per cycle. Operands presented before rising edge `k` appear on
/// `sum`/`diff` (with `valid_out` high if `valid_in` was) after rising edge
/// `k + 1`. The modulus travels down the pipeline with its operands, so
/// consecutive operations may use different moduli (interleaved RNS limbs).
///
/// Stages:
/// 1. `s = a + b` (31 bits) and `d = a - b mod 2^31` (bit 30 set exactly
///    when `a < b`), registered together with `q` and `valid_in`;
/// 2. `sum = s - q` if `s >= q` else `s`; `diff = d + q` if `a < b` else
///    `d`; registered.
///
/// Measured (yosys 0.23 `synth_ice40 -dsp`, nextpnr-ice40 0.4): 455 cells
/// (154 SB_DFF, 181 SB_LUT4, 120 SB_CARRY), about 106 MHz on an HX8K.
#[derive(LogicBlock, Default)]
pub struct ModAdd {
    /// Clock; everything is registered on its rising edge.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, `2 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// First operand, in `[0, q)`.
    pub a: Signal<In, Bits<RESIDUE_BITS>>,
    /// Second operand, in `[0, q)`.
    pub b: Signal<In, Bits<RESIDUE_BITS>>,
    /// Marks `a`, `b`, `modulus` as an operation; delayed to `valid_out`.
    pub valid_in: Signal<In, Bit>,
    /// `(a + b) mod q`, [`ModAdd::LATENCY`] cycles later.
    pub sum: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `(a - b) mod q`, [`ModAdd::LATENCY`] cycles later.
    pub diff: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, [`ModAdd::LATENCY`] cycles later.
    pub valid_out: Signal<Out, Bit>,
    // Stage 1 inputs widened to 31 bits (combinational).
    a_wide: Signal<Local, Bits<31>>,
    b_wide: Signal<Local, Bits<31>>,
    // Stage 1 registers: a + b, a - b mod 2^31, the modulus, valid.
    s1_sum: DFF<Bits<31>>,
    s1_diff: DFF<Bits<31>>,
    s1_q: DFF<Bits<RESIDUE_BITS>>,
    s1_valid: DFF<Bit>,
    // Stage 2 combinational: s - q on 32 bits (bit 31 set exactly when s < q),
    // d + q on 31 bits, and the widened operands.
    sum_wide: Signal<Local, Bits<32>>,
    q_wide32: Signal<Local, Bits<32>>,
    sum_minus_q: Signal<Local, Bits<32>>,
    q_wide31: Signal<Local, Bits<31>>,
    diff_plus_q: Signal<Local, Bits<31>>,
    // Stage 2 registers: the outputs.
    s2_sum: DFF<Bits<RESIDUE_BITS>>,
    s2_diff: DFF<Bits<RESIDUE_BITS>>,
    s2_valid: DFF<Bit>,
}

impl ModAdd {
    /// Clock cycles from operands to results.
    pub const LATENCY: usize = 2;

    /// A new adder (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for ModAdd {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, s1_sum, s1_diff, s1_q, s1_valid, s2_sum, s2_diff, s2_valid);
        // Stage 1. Widen first: arithmetic inside a cast would be computed at
        // the wider width in Verilog but wrap in the simulation.
        self.a_wide.next = bit_cast::<31, RESIDUE_BITS>(self.a.val());
        self.b_wide.next = bit_cast::<31, RESIDUE_BITS>(self.b.val());
        self.s1_sum.d.next = self.a_wide.val() + self.b_wide.val();
        self.s1_diff.d.next = self.a_wide.val() - self.b_wide.val();
        self.s1_q.d.next = self.modulus.val();
        self.s1_valid.d.next = self.valid_in.val();
        // Stage 2: one conditional correction each.
        self.sum_wide.next = bit_cast::<32, 31>(self.s1_sum.q.val());
        self.q_wide32.next = bit_cast::<32, RESIDUE_BITS>(self.s1_q.q.val());
        self.sum_minus_q.next = self.sum_wide.val() - self.q_wide32.val();
        self.q_wide31.next = bit_cast::<31, RESIDUE_BITS>(self.s1_q.q.val());
        self.diff_plus_q.next = self.s1_diff.q.val() + self.q_wide31.val();
        if self.sum_minus_q.val().get_bit(31) {
            self.s2_sum.d.next = bit_cast::<RESIDUE_BITS, 31>(self.s1_sum.q.val());
        } else {
            self.s2_sum.d.next = bit_cast::<RESIDUE_BITS, 32>(self.sum_minus_q.val());
        }
        if self.s1_diff.q.val().get_bit(30) {
            self.s2_diff.d.next = bit_cast::<RESIDUE_BITS, 31>(self.diff_plus_q.val());
        } else {
            self.s2_diff.d.next = bit_cast::<RESIDUE_BITS, 31>(self.s1_diff.q.val());
        }
        self.s2_valid.d.next = self.s1_valid.q.val();
        self.sum.next = self.s2_sum.q.val();
        self.diff.next = self.s2_diff.q.val();
        self.valid_out.next = self.s2_valid.q.val();
    }
}

impl crate::testbench::Pipeline for ModAdd {
    /// `(q, a, b)`.
    type Input = (u32, u32, u32);
    /// `(sum, diff)`.
    type Output = (u32, u32);
    const LATENCY: usize = ModAdd::LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.clock
    }

    fn clock_high(&self) -> bool {
        self.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        let &(q, a, b) = input.unwrap_or(&(0, 0, 0));
        self.modulus.next = (q as u64).into();
        self.a.next = (a as u64).into();
        self.b.next = (b as u64).into();
        self.valid_in.next = input.is_some();
    }

    fn sample(&self) -> Option<Self::Output> {
        self.valid_out.val().then(|| (self.sum.val().to_u32(), self.diff.val().to_u32()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testbench::{run_stream, test_moduli};
    use crate::tools::{self, VectorFile, WorkDir};
    use polyhe_core::arith::Modulus;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    /// The Verilog testbench replaying vector files against `top`.
    const TESTBENCH: &str = include_str!("../../tb/modadd_tb.v");

    /// `(sum, diff)` from the software reference.
    fn model(&(q, a, b): &(u32, u32, u32)) -> (u32, u32) {
        let m = Modulus::new(q).unwrap();
        (m.add(a, b), m.sub(a, b))
    }

    /// For every test modulus: all pairs of the edge values `0, 1, q/2,
    /// q-1`, then `random` random pairs; the moduli interleaved in a random
    /// order (the modulus travels with its operands).
    fn vectors(random: usize, seed: u64) -> Vec<(u32, u32, u32)> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut ops = Vec::new();
        for q in test_moduli() {
            let edges = [0, 1, q / 2, q - 1];
            for a in edges {
                for b in edges {
                    ops.push((q, a, b));
                }
            }
            for _ in 0..random {
                ops.push((q, (rng.next_u64() % q as u64) as u32, (rng.next_u64() % q as u64) as u32));
            }
        }
        for i in (1..ops.len()).rev() {
            ops.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
        }
        ops
    }

    fn verilog() -> String {
        let mut uut = ModAdd::new();
        uut.connect_all();
        generate_verilog(&uut)
    }

    #[test]
    fn matches_modulus_in_simulation() {
        let ops = vectors(24, 1);
        let expected = ops.iter().map(model).collect();
        let report = run_stream(ModAdd::new(), ops, expected, 7, "modadd").unwrap();
        assert!(report.checked >= 7 * 40);
    }

    #[test]
    fn simulation_catches_a_wrong_model() {
        // The harness must fail when the circuit disagrees with the model.
        let ops = vec![(12289, 5, 7), (12289, 12288, 12288)];
        let mut expected: Vec<(u32, u32)> = ops.iter().map(model).collect();
        expected[1].0 ^= 1;
        let err = run_stream(ModAdd::new(), ops, expected, 0, "modadd_wrong").unwrap_err();
        assert!(err.contains("operation 1"), "{err}");
    }

    #[test]
    fn verilog_has_no_division() {
        // `%` and `/` would synthesise dividers.
        let v = verilog();
        assert!(!v.contains('%') && !v.contains(" / "), "{v}");
    }

    #[test]
    fn verilog_lints_clean() {
        if !tools::require_tools(&["verilator"]) {
            return;
        }
        let dir = WorkDir::new("modadd-lint");
        tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn iverilog_replay_matches_model() {
        if !tools::require_tools(&["iverilog", "vvp"]) {
            return;
        }
        let ops = vectors(400, 2);
        let (mut vin, mut vout) = (VectorFile::new(&[1, 30, 30, 30]), VectorFile::new(&[1, 30, 30]));
        let mut valid = 0;
        for (slot, op) in ops.iter().enumerate() {
            if slot % 11 == 10 {
                // A bubble: the inputs change but valid_in is low.
                vin.push(&[0, op.0 as u64, op.1 as u64, op.2 as u64]);
                vout.push(&[0, 0, 0]);
            } else {
                let (s, d) = model(op);
                vin.push(&[1, op.0 as u64, op.1 as u64, op.2 as u64]);
                vout.push(&[1, s as u64, d as u64]);
                valid += 1;
            }
        }
        let dir = WorkDir::new("modadd-iverilog");
        dir.write("in.hex", vin.contents());
        dir.write("out.hex", vout.contents());
        let top = verilog();
        let sources = [("top.v", top.as_str()), ("tb.v", TESTBENCH)];
        let params = [("N", vin.len().to_string()), ("LATENCY", ModAdd::LATENCY.to_string())];
        tools::iverilog_run(&dir, &sources, "tb", &params, valid).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn synthesises_for_ice40() {
        if !tools::require_tools(&["yosys"]) {
            return;
        }
        let dir = WorkDir::new("modadd-yosys");
        let report = tools::yosys_synth_ice40(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
        println!("ModAdd on iCE40: {report}");
        // 2 x 31 + 30 + 1 stage-1 bits and 2 x 30 + 1 stage-2 bits.
        assert_eq!(report.count_prefix("SB_DFF"), 154, "{report}");
        assert_eq!(report.count("SB_MAC16"), 0, "{report}");
    }
}
