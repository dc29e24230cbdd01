//! [`ModMul`]: a pipelined Shoup modular multiplier for a run-time modulus.

use rust_hdl::prelude::*;

use super::RESIDUE_BITS;

/// Pipelined `a * w mod q` by Shoup's method, for a modulus `q < 2^30` and a
/// constant `w < q` (an NTT twiddle) whose companion
/// `w_shoup = floor(w * 2^32 / q)` is precomputed on the host
/// (`polyhe_core::arith::Modulus::shoup`).
///
/// For any `a < 2^32` (lazily reduced NTT values included) the output equals
/// `Modulus::mul_shoup(a, w, w_shoup)` bit for bit:
///
/// ```text
/// qhat = (a * w_shoup) >> 32
/// r    = (a * w - qhat * q) mod 2^32      in [0, 2q)
/// out  = r - q if r >= q else r
/// ```
///
/// rust-hdl multiplies only `Bits<16> x Bits<16> -> Bits<32>`, so each 32-bit
/// product is assembled from 16-bit partial products: four for the high
/// half of `a * w_shoup`, three each for the low halves of `a * w` and
/// `qhat * q` (the high x high term cannot reach the low 32 bits): ten
/// multipliers, each followed by a register.
///
/// **Latency: [`ModMul::LATENCY`] = 5 clock cycles**, throughput one
/// multiplication per cycle; `valid_in` travels alongside to `valid_out`.
/// As in [`super::ModAdd`], the modulus travels with its operands.
///
/// Stages:
/// 1. the seven partial products of `a * w_shoup` and `a * w`;
/// 2. `qhat` and `a * w mod 2^32` summed from them;
/// 3. the three partial products of `qhat * q mod 2^32`;
/// 4. `r = a * w - qhat * q mod 2^32`;
/// 5. the conditional subtraction of `q`.
///
/// Measured (yosys 0.23, nextpnr-ice40 0.4): with `synth_ice40 -dsp`, 790
/// cells including 10 SB_MAC16 (an UP5K has only 8, so it does not fit
/// there); without DSPs, 5341 SB_LUT4 and 512 SB_DFF, 72% of an HX8K, about
/// 68 MHz.
#[derive(LogicBlock, Default)]
pub struct ModMul {
    /// Clock; everything is registered on its rising edge.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, `2 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// The variable operand, any value below `2^32`.
    pub a: Signal<In, Bits<32>>,
    /// The constant operand, in `[0, q)`.
    pub w: Signal<In, Bits<RESIDUE_BITS>>,
    /// `floor(w * 2^32 / q)`.
    pub w_shoup: Signal<In, Bits<32>>,
    /// Marks the inputs as an operation; delayed to `valid_out`.
    pub valid_in: Signal<In, Bit>,
    /// `a * w mod q`, in `[0, q)`, [`ModMul::LATENCY`] cycles later.
    pub product: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, [`ModMul::LATENCY`] cycles later.
    pub valid_out: Signal<Out, Bit>,
    // Stage 1 operand halves (combinational).
    a_lo: Signal<Local, Bits<16>>,
    a_hi: Signal<Local, Bits<16>>,
    ws_lo: Signal<Local, Bits<16>>,
    ws_hi: Signal<Local, Bits<16>>,
    w_wide: Signal<Local, Bits<32>>,
    w_lo: Signal<Local, Bits<16>>,
    w_hi: Signal<Local, Bits<16>>,
    // Stage 1 registers: partial products p_* of a * w_shoup, m_* of a * w.
    s1_p_ll: DFF<Bits<32>>,
    s1_p_lh: DFF<Bits<32>>,
    s1_p_hl: DFF<Bits<32>>,
    s1_p_hh: DFF<Bits<32>>,
    s1_m_ll: DFF<Bits<32>>,
    s1_m_lh: DFF<Bits<32>>,
    s1_m_hl: DFF<Bits<32>>,
    s1_q: DFF<Bits<RESIDUE_BITS>>,
    s1_valid: DFF<Bit>,
    // Stage 2 combinational: the middle column of a * w_shoup (34 bits),
    // and the cross terms of a * w that land in bits 16..32.
    p_lh_wide: Signal<Local, Bits<34>>,
    p_hl_wide: Signal<Local, Bits<34>>,
    p_ll_carry: Signal<Local, Bits<34>>,
    p_mid: Signal<Local, Bits<34>>,
    p_mid_hi: Signal<Local, Bits<32>>,
    m_cross: Signal<Local, Bits<16>>,
    m_cross_wide: Signal<Local, Bits<32>>,
    // Stage 2 registers: qhat, a * w mod 2^32.
    s2_qhat: DFF<Bits<32>>,
    s2_aw: DFF<Bits<32>>,
    s2_q: DFF<Bits<RESIDUE_BITS>>,
    s2_valid: DFF<Bit>,
    // Stage 3 combinational: operand halves of qhat * q.
    q_wide: Signal<Local, Bits<32>>,
    qhat_lo: Signal<Local, Bits<16>>,
    qhat_hi: Signal<Local, Bits<16>>,
    q_lo: Signal<Local, Bits<16>>,
    q_hi: Signal<Local, Bits<16>>,
    // Stage 3 registers: partial products n_* of qhat * q.
    s3_n_ll: DFF<Bits<32>>,
    s3_n_lh: DFF<Bits<32>>,
    s3_n_hl: DFF<Bits<32>>,
    s3_aw: DFF<Bits<32>>,
    s3_q: DFF<Bits<RESIDUE_BITS>>,
    s3_valid: DFF<Bit>,
    // Stage 4 combinational: qhat * q mod 2^32 and r.
    n_cross: Signal<Local, Bits<16>>,
    n_cross_wide: Signal<Local, Bits<32>>,
    qq: Signal<Local, Bits<32>>,
    r: Signal<Local, Bits<32>>,
    // Stage 4 registers: r in [0, 2q).
    s4_r: DFF<Bits<31>>,
    s4_q: DFF<Bits<RESIDUE_BITS>>,
    s4_valid: DFF<Bit>,
    // Stage 5 combinational: r - q on 32 bits (bit 31 set exactly when r < q).
    r_wide: Signal<Local, Bits<32>>,
    q4_wide: Signal<Local, Bits<32>>,
    r_minus_q: Signal<Local, Bits<32>>,
    // Stage 5 registers: the outputs.
    s5_product: DFF<Bits<RESIDUE_BITS>>,
    s5_valid: DFF<Bit>,
}

impl ModMul {
    /// Clock cycles from operands to result.
    pub const LATENCY: usize = 5;

    /// A new multiplier (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for ModMul {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, s1_p_ll, s1_p_lh, s1_p_hl, s1_p_hh, s1_m_ll, s1_m_lh, s1_m_hl, s1_q, s1_valid, s2_qhat, s2_aw,
            s2_q, s2_valid, s3_n_ll, s3_n_lh, s3_n_hl, s3_aw, s3_q, s3_valid, s4_r, s4_q, s4_valid, s5_product,
            s5_valid
        );
        // Arithmetic never appears inside a cast: Verilog would compute it at
        // the cast's width, the simulation at the operands' width.
        // Stage 1: seven 16 x 16 partial products.
        self.a_lo.next = self.a.val().get_bits::<16>(0);
        self.a_hi.next = self.a.val().get_bits::<16>(16);
        self.ws_lo.next = self.w_shoup.val().get_bits::<16>(0);
        self.ws_hi.next = self.w_shoup.val().get_bits::<16>(16);
        self.w_wide.next = bit_cast::<32, RESIDUE_BITS>(self.w.val());
        self.w_lo.next = self.w_wide.val().get_bits::<16>(0);
        self.w_hi.next = self.w_wide.val().get_bits::<16>(16);
        self.s1_p_ll.d.next = self.a_lo.val() * self.ws_lo.val();
        self.s1_p_lh.d.next = self.a_lo.val() * self.ws_hi.val();
        self.s1_p_hl.d.next = self.a_hi.val() * self.ws_lo.val();
        self.s1_p_hh.d.next = self.a_hi.val() * self.ws_hi.val();
        self.s1_m_ll.d.next = self.a_lo.val() * self.w_lo.val();
        self.s1_m_lh.d.next = self.a_lo.val() * self.w_hi.val();
        self.s1_m_hl.d.next = self.a_hi.val() * self.w_lo.val();
        self.s1_q.d.next = self.modulus.val();
        self.s1_valid.d.next = self.valid_in.val();
        // Stage 2: qhat = p_hh + (p_lh + p_hl + (p_ll >> 16)) >> 16 (exact:
        // the middle column is below 2^34), and a * w mod 2^32.
        self.p_lh_wide.next = bit_cast::<34, 32>(self.s1_p_lh.q.val());
        self.p_hl_wide.next = bit_cast::<34, 32>(self.s1_p_hl.q.val());
        self.p_ll_carry.next = bit_cast::<34, 16>(self.s1_p_ll.q.val().get_bits::<16>(16));
        self.p_mid.next = self.p_lh_wide.val() + self.p_hl_wide.val() + self.p_ll_carry.val();
        self.p_mid_hi.next = bit_cast::<32, 18>(self.p_mid.val().get_bits::<18>(16));
        self.s2_qhat.d.next = self.s1_p_hh.q.val() + self.p_mid_hi.val();
        self.m_cross.next = self.s1_m_lh.q.val().get_bits::<16>(0) + self.s1_m_hl.q.val().get_bits::<16>(0);
        self.m_cross_wide.next = bit_cast::<32, 16>(self.m_cross.val()) << 16;
        self.s2_aw.d.next = self.s1_m_ll.q.val() + self.m_cross_wide.val();
        self.s2_q.d.next = self.s1_q.q.val();
        self.s2_valid.d.next = self.s1_valid.q.val();
        // Stage 3: three partial products of qhat * q mod 2^32.
        self.q_wide.next = bit_cast::<32, RESIDUE_BITS>(self.s2_q.q.val());
        self.qhat_lo.next = self.s2_qhat.q.val().get_bits::<16>(0);
        self.qhat_hi.next = self.s2_qhat.q.val().get_bits::<16>(16);
        self.q_lo.next = self.q_wide.val().get_bits::<16>(0);
        self.q_hi.next = self.q_wide.val().get_bits::<16>(16);
        self.s3_n_ll.d.next = self.qhat_lo.val() * self.q_lo.val();
        self.s3_n_lh.d.next = self.qhat_lo.val() * self.q_hi.val();
        self.s3_n_hl.d.next = self.qhat_hi.val() * self.q_lo.val();
        self.s3_aw.d.next = self.s2_aw.q.val();
        self.s3_q.d.next = self.s2_q.q.val();
        self.s3_valid.d.next = self.s2_valid.q.val();
        // Stage 4: r = a * w - qhat * q mod 2^32, known to lie in [0, 2q).
        self.n_cross.next = self.s3_n_lh.q.val().get_bits::<16>(0) + self.s3_n_hl.q.val().get_bits::<16>(0);
        self.n_cross_wide.next = bit_cast::<32, 16>(self.n_cross.val()) << 16;
        self.qq.next = self.s3_n_ll.q.val() + self.n_cross_wide.val();
        self.r.next = self.s3_aw.q.val() - self.qq.val();
        self.s4_r.d.next = bit_cast::<31, 32>(self.r.val());
        self.s4_q.d.next = self.s3_q.q.val();
        self.s4_valid.d.next = self.s3_valid.q.val();
        // Stage 5: subtract q once if r >= q.
        self.r_wide.next = bit_cast::<32, 31>(self.s4_r.q.val());
        self.q4_wide.next = bit_cast::<32, RESIDUE_BITS>(self.s4_q.q.val());
        self.r_minus_q.next = self.r_wide.val() - self.q4_wide.val();
        if self.r_minus_q.val().get_bit(31) {
            self.s5_product.d.next = bit_cast::<RESIDUE_BITS, 31>(self.s4_r.q.val());
        } else {
            self.s5_product.d.next = bit_cast::<RESIDUE_BITS, 32>(self.r_minus_q.val());
        }
        self.s5_valid.d.next = self.s4_valid.q.val();
        self.product.next = self.s5_product.q.val();
        self.valid_out.next = self.s5_valid.q.val();
    }
}

impl crate::testbench::Pipeline for ModMul {
    /// `(q, a, w, w_shoup)`.
    type Input = (u32, u32, u32, u32);
    /// `a * w mod q`.
    type Output = u32;
    const LATENCY: usize = ModMul::LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.clock
    }

    fn clock_high(&self) -> bool {
        self.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        let &(q, a, w, ws) = input.unwrap_or(&(0, 0, 0, 0));
        self.modulus.next = (q as u64).into();
        self.a.next = (a as u64).into();
        self.w.next = (w as u64).into();
        self.w_shoup.next = (ws as u64).into();
        self.valid_in.next = input.is_some();
    }

    fn sample(&self) -> Option<Self::Output> {
        self.valid_out.val().then(|| self.product.val().to_u32())
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
    const TESTBENCH: &str = include_str!("../../tb/modmul_tb.v");

    type Op = (u32, u32, u32, u32);

    fn model(&(q, a, w, ws): &Op) -> u32 {
        Modulus::new(q).unwrap().mul_shoup(a, w, ws)
    }

    /// For every test modulus: all pairs of `a` in `0, 1, q-1, q, 2q-1,
    /// 4q-1, 2^32-1` (lazy NTT values reach `4q`) and `w` in `0, 1, q-1`,
    /// then `random` random pairs (`a` any `u32` half of the time, `a < q`
    /// otherwise); moduli interleaved in a random order.
    fn vectors(random: usize, seed: u64) -> Vec<Op> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut ops = Vec::new();
        for q in test_moduli() {
            let m = Modulus::new(q).unwrap();
            let mut push = |a: u32, w: u32| ops.push((q, a, w, m.shoup(w)));
            for a in [0, 1, q - 1, q, 2 * q - 1, 4 * q - 1, u32::MAX] {
                for w in [0, 1, q - 1] {
                    push(a, w);
                }
            }
            for i in 0..random {
                let a = if i % 2 == 0 { rng.next_u32() } else { (rng.next_u64() % q as u64) as u32 };
                push(a, (rng.next_u64() % q as u64) as u32);
            }
        }
        for i in (1..ops.len()).rev() {
            ops.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
        }
        ops
    }

    fn verilog() -> String {
        let mut uut = ModMul::new();
        uut.connect_all();
        generate_verilog(&uut)
    }

    #[test]
    fn matches_modulus_in_simulation() {
        let ops = vectors(24, 3);
        let expected = ops.iter().map(model).collect();
        let report = run_stream(ModMul::new(), ops, expected, 5, "modmul").unwrap();
        assert!(report.checked >= 7 * 45);
    }

    #[test]
    fn simulation_catches_a_wrong_model() {
        let m = Modulus::new(12289).unwrap();
        let ops = vec![(12289, 77, 5, m.shoup(5)), (12289, 12288, 12288, m.shoup(12288))];
        let mut expected: Vec<u32> = ops.iter().map(model).collect();
        expected[0] += 1;
        let err = run_stream(ModMul::new(), ops, expected, 0, "modmul_wrong").unwrap_err();
        assert!(err.contains("operation 0"), "{err}");
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
        let dir = WorkDir::new("modmul-lint");
        tools::verilator_lint(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn iverilog_replay_matches_model() {
        if !tools::require_tools(&["iverilog", "vvp"]) {
            return;
        }
        let ops = vectors(400, 4);
        let (mut vin, mut vout) = (VectorFile::new(&[1, 30, 32, 30, 32]), VectorFile::new(&[1, 30]));
        let mut valid = 0;
        for (slot, op) in ops.iter().enumerate() {
            let fields = |v: u64| [v, op.0 as u64, op.1 as u64, op.2 as u64, op.3 as u64];
            if slot % 13 == 12 {
                vin.push(&fields(0));
                vout.push(&[0, 0]);
            } else {
                vin.push(&fields(1));
                vout.push(&[1, model(op) as u64]);
                valid += 1;
            }
        }
        let dir = WorkDir::new("modmul-iverilog");
        dir.write("in.hex", vin.contents());
        dir.write("out.hex", vout.contents());
        let top = verilog();
        let sources = [("top.v", top.as_str()), ("tb.v", TESTBENCH)];
        let params = [("N", vin.len().to_string()), ("LATENCY", ModMul::LATENCY.to_string())];
        tools::iverilog_run(&dir, &sources, "tb", &params, valid).unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn synthesises_for_ice40() {
        if !tools::require_tools(&["yosys"]) {
            return;
        }
        let dir = WorkDir::new("modmul-yosys");
        let report = tools::yosys_synth_ice40(&dir, &verilog()).unwrap_or_else(|e| panic!("{e}"));
        println!("ModMul on iCE40: {report}");
        // Ten 16 x 16 partial products, each on one DSP.
        assert_eq!(report.count("SB_MAC16"), 10, "{report}");
    }
}
