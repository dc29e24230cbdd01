//! [`MontMul`]: a pipelined Montgomery multiplier of two variable residues,
//! for the pointwise product of two NTT-domain polynomials (where no operand
//! is a constant, so Shoup's method cannot be used).

use rust_hdl::prelude::*;

use super::RESIDUE_BITS;

/// `-q^-1 mod 2^32` for an odd modulus `q`: the constant [`MontMul`] needs
/// (the host computes it once per prime and loads it with the modulus).
pub fn mont_neg_inv(q: u32) -> u32 {
    assert!(q % 2 == 1, "Montgomery reduction needs an odd modulus, got {q}");
    // Newton's iteration doubles the number of correct low bits each step:
    // q * q = 1 mod 8, so x = q starts with 3 and five steps give 32 (and more).
    let mut x = q;
    for _ in 0..5 {
        x = x.wrapping_mul(2u32.wrapping_sub(q.wrapping_mul(x)));
    }
    x.wrapping_neg()
}

/// `2^32 mod q`: multiplying a Montgomery product by it (with Shoup's
/// method) undoes the `2^-32` factor.
pub fn mont_r_mod(q: u32) -> u32 {
    ((1u64 << 32) % q as u64) as u32
}

/// The software model of [`MontMul`]: `a * b * 2^-32 mod q` computed the way
/// the circuit does (for `a, b < q`, `q` odd).
pub fn mont_mul_model(q: u32, a: u32, b: u32) -> u32 {
    let t = a as u64 * b as u64;
    let m = (t as u32).wrapping_mul(mont_neg_inv(q));
    let r = ((t + m as u64 * q as u64) >> 32) as u32;
    if r >= q {
        r - q
    } else {
        r
    }
}

/// Pipelined Montgomery product `a * b * 2^-32 mod q` of two residues
/// `a, b < q` for an odd run-time modulus `q < 2^30`.
///
/// With `R = 2^32` and `q' = -q^-1 mod R` (input `neg_inv`, from
/// [`mont_neg_inv`]):
///
/// ```text
/// T = a * b                      (< q^2 < q R)
/// m = (T mod R) * q' mod R
/// t = (T + m q) / R              (exact, < 2q)
/// out = t - q if t >= q else t
/// ```
///
/// The low halves of `T` and `m q` sum to `0 mod R`, so
/// `t = T_hi + (m q)_hi + [T_lo != 0]`: the low halves are never added.
/// Eleven 16 x 16 partial products (four for `a * b`, three for the low half
/// of `m`, four for `m * q`), each followed by a register.
///
/// **Latency: [`MontMul::LATENCY`] = 7 clock cycles**, one product per cycle.
/// The modulus and `neg_inv` travel with the operands.
///
/// Stages: 1. partial products of `a * b`; 2. `T` assembled; 3. partial
/// products of `m`; 4. `m` assembled; 5. partial products of `m * q`; 6. `t`;
/// 7. the conditional subtraction.
#[derive(LogicBlock, Default)]
pub struct MontMul {
    /// Clock; everything is registered on its rising edge.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, odd, `3 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// `-q^-1 mod 2^32`.
    pub neg_inv: Signal<In, Bits<32>>,
    /// First operand, in `[0, q)`.
    pub a: Signal<In, Bits<RESIDUE_BITS>>,
    /// Second operand, in `[0, q)`.
    pub b: Signal<In, Bits<RESIDUE_BITS>>,
    /// Marks the inputs as an operation; delayed to `valid_out`.
    pub valid_in: Signal<In, Bit>,
    /// `a * b * 2^-32 mod q`, [`MontMul::LATENCY`] cycles later.
    pub product: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, [`MontMul::LATENCY`] cycles later.
    pub valid_out: Signal<Out, Bit>,
    // Stage 1 operand halves.
    a_wide: Signal<Local, Bits<32>>,
    b_wide: Signal<Local, Bits<32>>,
    a_lo: Signal<Local, Bits<16>>,
    a_hi: Signal<Local, Bits<16>>,
    b_lo: Signal<Local, Bits<16>>,
    b_hi: Signal<Local, Bits<16>>,
    // Stage 1 registers: partial products of a * b.
    s1_ll: DFF<Bits<32>>,
    s1_lh: DFF<Bits<32>>,
    s1_hl: DFF<Bits<32>>,
    s1_hh: DFF<Bits<32>>,
    s1_q: DFF<Bits<RESIDUE_BITS>>,
    s1_qi: DFF<Bits<32>>,
    s1_valid: DFF<Bit>,
    // Stage 2 combinational: T = hh 2^32 + (lh + hl) 2^16 + ll.
    t_mid: Signal<Local, Bits<34>>,
    t_lo_sum: Signal<Local, Bits<33>>,
    t_hi_sum: Signal<Local, Bits<32>>,
    // Stage 2 registers: T in two words.
    s2_t_lo: DFF<Bits<32>>,
    s2_t_hi: DFF<Bits<32>>,
    s2_q: DFF<Bits<RESIDUE_BITS>>,
    s2_qi: DFF<Bits<32>>,
    s2_valid: DFF<Bit>,
    // Stage 3 registers: partial products of (T mod R) * q' mod R.
    s3_ll: DFF<Bits<32>>,
    s3_lh: DFF<Bits<32>>,
    s3_hl: DFF<Bits<32>>,
    s3_t_hi: DFF<Bits<32>>,
    s3_nz: DFF<Bit>,
    s3_q: DFF<Bits<RESIDUE_BITS>>,
    s3_valid: DFF<Bit>,
    // Stage 4 combinational and registers: m.
    m_cross: Signal<Local, Bits<16>>,
    m_cross_wide: Signal<Local, Bits<32>>,
    s4_m: DFF<Bits<32>>,
    s4_t_hi: DFF<Bits<32>>,
    s4_nz: DFF<Bit>,
    s4_q: DFF<Bits<RESIDUE_BITS>>,
    s4_valid: DFF<Bit>,
    // Stage 5 operand halves and registers: partial products of m * q.
    q4_wide: Signal<Local, Bits<32>>,
    s5_ll: DFF<Bits<32>>,
    s5_lh: DFF<Bits<32>>,
    s5_hl: DFF<Bits<32>>,
    s5_hh: DFF<Bits<32>>,
    s5_t_hi: DFF<Bits<32>>,
    s5_nz: DFF<Bit>,
    s5_q: DFF<Bits<RESIDUE_BITS>>,
    s5_valid: DFF<Bit>,
    // Stage 6 combinational: (m q) >> 32, then t.
    mq_mid: Signal<Local, Bits<34>>,
    mq_lo_sum: Signal<Local, Bits<33>>,
    mq_hi: Signal<Local, Bits<32>>,
    t_sum: Signal<Local, Bits<32>>,
    s6_t: DFF<Bits<32>>,
    s6_q: DFF<Bits<RESIDUE_BITS>>,
    s6_valid: DFF<Bit>,
    // Stage 7: t - q on 32 bits (bit 31 set exactly when t < q).
    q6_wide: Signal<Local, Bits<32>>,
    t_minus_q: Signal<Local, Bits<32>>,
    s7_product: DFF<Bits<RESIDUE_BITS>>,
    s7_valid: DFF<Bit>,
}

impl MontMul {
    /// Clock cycles from operands to result.
    pub const LATENCY: usize = 7;

    /// A new multiplier (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for MontMul {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, s1_ll, s1_lh, s1_hl, s1_hh, s1_q, s1_qi, s1_valid, s2_t_lo, s2_t_hi, s2_q, s2_qi, s2_valid,
            s3_ll, s3_lh, s3_hl, s3_t_hi, s3_nz, s3_q, s3_valid, s4_m, s4_t_hi, s4_nz, s4_q, s4_valid, s5_ll, s5_lh,
            s5_hl, s5_hh, s5_t_hi, s5_nz, s5_q, s5_valid, s6_t, s6_q, s6_valid, s7_product, s7_valid
        );
        // Arithmetic never appears inside a cast (Verilog would compute it at
        // the cast's width, the simulation at the operands' width).
        // Stage 1: a * b as four partial products.
        self.a_wide.next = bit_cast::<32, RESIDUE_BITS>(self.a.val());
        self.b_wide.next = bit_cast::<32, RESIDUE_BITS>(self.b.val());
        self.a_lo.next = self.a_wide.val().get_bits::<16>(0);
        self.a_hi.next = self.a_wide.val().get_bits::<16>(16);
        self.b_lo.next = self.b_wide.val().get_bits::<16>(0);
        self.b_hi.next = self.b_wide.val().get_bits::<16>(16);
        self.s1_ll.d.next = self.a_lo.val() * self.b_lo.val();
        self.s1_lh.d.next = self.a_lo.val() * self.b_hi.val();
        self.s1_hl.d.next = self.a_hi.val() * self.b_lo.val();
        self.s1_hh.d.next = self.a_hi.val() * self.b_hi.val();
        self.s1_q.d.next = self.modulus.val();
        self.s1_qi.d.next = self.neg_inv.val();
        self.s1_valid.d.next = self.valid_in.val();
        // Stage 2: T. The middle column is below 2^33; its low 16 bits join
        // the low word (the carry out of which goes to the high word).
        self.t_mid.next = bit_cast::<34, 32>(self.s1_lh.q.val()) + bit_cast::<34, 32>(self.s1_hl.q.val());
        self.t_lo_sum.next =
            bit_cast::<33, 32>(self.s1_ll.q.val()) + (bit_cast::<33, 16>(self.t_mid.val().get_bits::<16>(0)) << 16);
        self.t_hi_sum.next = self.s1_hh.q.val() + bit_cast::<32, 18>(self.t_mid.val().get_bits::<18>(16));
        self.s2_t_lo.d.next = self.t_lo_sum.val().get_bits::<32>(0);
        self.s2_t_hi.d.next = self.t_hi_sum.val() + self.t_lo_sum.val().get_bit(32);
        self.s2_q.d.next = self.s1_q.q.val();
        self.s2_qi.d.next = self.s1_qi.q.val();
        self.s2_valid.d.next = self.s1_valid.q.val();
        // Stage 3: the three partial products of (T mod R) * q' that reach
        // the low 32 bits.
        self.s3_ll.d.next = self.s2_t_lo.q.val().get_bits::<16>(0) * self.s2_qi.q.val().get_bits::<16>(0);
        self.s3_lh.d.next = self.s2_t_lo.q.val().get_bits::<16>(0) * self.s2_qi.q.val().get_bits::<16>(16);
        self.s3_hl.d.next = self.s2_t_lo.q.val().get_bits::<16>(16) * self.s2_qi.q.val().get_bits::<16>(0);
        self.s3_t_hi.d.next = self.s2_t_hi.q.val();
        self.s3_nz.d.next = self.s2_t_lo.q.val().any();
        self.s3_q.d.next = self.s2_q.q.val();
        self.s3_valid.d.next = self.s2_valid.q.val();
        // Stage 4: m = (T mod R) * q' mod R.
        self.m_cross.next = self.s3_lh.q.val().get_bits::<16>(0) + self.s3_hl.q.val().get_bits::<16>(0);
        self.m_cross_wide.next = bit_cast::<32, 16>(self.m_cross.val()) << 16;
        self.s4_m.d.next = self.s3_ll.q.val() + self.m_cross_wide.val();
        self.s4_t_hi.d.next = self.s3_t_hi.q.val();
        self.s4_nz.d.next = self.s3_nz.q.val();
        self.s4_q.d.next = self.s3_q.q.val();
        self.s4_valid.d.next = self.s3_valid.q.val();
        // Stage 5: m * q as four partial products.
        self.q4_wide.next = bit_cast::<32, RESIDUE_BITS>(self.s4_q.q.val());
        self.s5_ll.d.next = self.s4_m.q.val().get_bits::<16>(0) * self.q4_wide.val().get_bits::<16>(0);
        self.s5_lh.d.next = self.s4_m.q.val().get_bits::<16>(0) * self.q4_wide.val().get_bits::<16>(16);
        self.s5_hl.d.next = self.s4_m.q.val().get_bits::<16>(16) * self.q4_wide.val().get_bits::<16>(0);
        self.s5_hh.d.next = self.s4_m.q.val().get_bits::<16>(16) * self.q4_wide.val().get_bits::<16>(16);
        self.s5_t_hi.d.next = self.s4_t_hi.q.val();
        self.s5_nz.d.next = self.s4_nz.q.val();
        self.s5_q.d.next = self.s4_q.q.val();
        self.s5_valid.d.next = self.s4_valid.q.val();
        // Stage 6: t = T_hi + (m q)_hi + [T_lo != 0], below 2q < 2^31.
        self.mq_mid.next = bit_cast::<34, 32>(self.s5_lh.q.val()) + bit_cast::<34, 32>(self.s5_hl.q.val());
        self.mq_lo_sum.next =
            bit_cast::<33, 32>(self.s5_ll.q.val()) + (bit_cast::<33, 16>(self.mq_mid.val().get_bits::<16>(0)) << 16);
        self.mq_hi.next = self.s5_hh.q.val() + bit_cast::<32, 18>(self.mq_mid.val().get_bits::<18>(16));
        self.t_sum.next = self.s5_t_hi.q.val() + self.mq_hi.val();
        self.s6_t.d.next = self.t_sum.val() + self.mq_lo_sum.val().get_bit(32) + self.s5_nz.q.val();
        self.s6_q.d.next = self.s5_q.q.val();
        self.s6_valid.d.next = self.s5_valid.q.val();
        // Stage 7: subtract q once if t >= q.
        self.q6_wide.next = bit_cast::<32, RESIDUE_BITS>(self.s6_q.q.val());
        self.t_minus_q.next = self.s6_t.q.val() - self.q6_wide.val();
        if self.t_minus_q.val().get_bit(31) {
            self.s7_product.d.next = self.s6_t.q.val().get_bits::<RESIDUE_BITS>(0);
        } else {
            self.s7_product.d.next = self.t_minus_q.val().get_bits::<RESIDUE_BITS>(0);
        }
        self.s7_valid.d.next = self.s6_valid.q.val();
        self.product.next = self.s7_product.q.val();
        self.valid_out.next = self.s7_valid.q.val();
    }
}

impl crate::testbench::Pipeline for MontMul {
    /// `(q, a, b)`.
    type Input = (u32, u32, u32);
    /// `a * b * 2^-32 mod q`.
    type Output = u32;
    const LATENCY: usize = MontMul::LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.clock
    }

    fn clock_high(&self) -> bool {
        self.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        let &(q, a, b) = input.unwrap_or(&(1, 0, 0));
        self.modulus.next = (q as u64).into();
        self.neg_inv.next = (mont_neg_inv(q) as u64).into();
        self.a.next = (a as u64).into();
        self.b.next = (b as u64).into();
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
    use polyhe_core::arith::Modulus;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    #[test]
    fn constants_and_model_agree_with_modular_arithmetic() {
        for q in test_moduli() {
            let m = Modulus::new(q).unwrap();
            assert_eq!(q.wrapping_mul(mont_neg_inv(q)), u32::MAX, "q = {q}");
            let r_inv = m.inv(mont_r_mod(q)).unwrap();
            for (a, b) in [(0, 0), (1, 1), (q - 1, q - 1), (q / 2, q - 1), (12345 % q, 678 % q)] {
                let want = m.mul(m.mul(a, b), r_inv);
                assert_eq!(mont_mul_model(q, a, b), want, "q = {q}, a = {a}, b = {b}");
                // Undoing the 2^-32 with a Shoup multiply by 2^32 mod q.
                let r = mont_r_mod(q);
                assert_eq!(m.mul_shoup(mont_mul_model(q, a, b), r, m.shoup(r)), m.mul(a, b));
            }
        }
    }

    #[test]
    fn matches_model_in_simulation() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let mut ops = Vec::new();
        for q in test_moduli() {
            for (a, b) in [(0, 0), (1, q - 1), (q - 1, q - 1)] {
                ops.push((q, a, b));
            }
            for _ in 0..30 {
                ops.push((q, (rng.next_u64() % q as u64) as u32, (rng.next_u64() % q as u64) as u32));
            }
        }
        for i in (1..ops.len()).rev() {
            ops.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
        }
        let expected = ops.iter().map(|&(q, a, b)| mont_mul_model(q, a, b)).collect();
        let report = run_stream(MontMul::new(), ops, expected, 6, "montmul").unwrap();
        assert_eq!(report.checked, 7 * 33);
    }

    #[test]
    fn verilog_has_no_division() {
        let mut uut = MontMul::new();
        uut.connect_all();
        let v = generate_verilog(&uut);
        assert!(!v.contains('%') && !v.contains(" / "), "{v}");
    }
}
