//! [`LeanMontMul`]: a DSP-lean pipelined Montgomery multiplier with
//! `R = 2^30` (eight SB_MAC16 on iCE40), the one multiplier of the lean
//! butterfly lane ([`crate::ntt::LeanButterfly`]).

use rust_hdl::prelude::*;

use super::{mont_neg_inv, RESIDUE_BITS};

/// `log2 R` of the lean Montgomery multiplier.
pub const LEAN_R_BITS: u32 = 30;

const MASK30: u64 = (1 << LEAN_R_BITS) - 1;

/// The software model of [`LeanMontMul`]: `a * b * 2^-30 mod q` for
/// `a, b < q`, odd `q < 2^30`, computed the way the circuit does.
pub fn lean_mont_model(q: u32, a: u32, b: u32) -> u32 {
    let t = a as u64 * b as u64;
    let qi = mont_neg_inv(q) as u64 & MASK30;
    let m = ((t & MASK30) * qi) & MASK30;
    let r = ((t + m * q as u64) >> LEAN_R_BITS) as u32;
    if r >= q {
        r - q
    } else {
        r
    }
}

/// The Montgomery form `w 2^30 mod q` of a residue `w < q` from its Shoup
/// companion `w_shoup = floor(w 2^32 / q)` alone: with
/// `u = w_shoup >> 2 = floor(w 2^30 / q)`, `w 2^30 mod q = w 2^30 - u q`,
/// which is below `q < 2^30`, and `w 2^30 = 0 mod 2^30`, so it equals
/// `-(u q) mod 2^30`: one low-half product ([`LeanMontMul`]'s `conv` path),
/// no division and no stored companion.
pub fn lean_mont_form(q: u32, w_shoup: u32) -> u32 {
    ((((w_shoup >> 2) as u64) * q as u64).wrapping_neg() & MASK30) as u32
}

/// `x / 2 mod q` for `x < q`, odd `q`: `(x + [x odd] q) >> 1`.
pub fn half_mod(q: u32, x: u32) -> u32 {
    ((x as u64 + (x as u64 & 1) * q as u64) >> 1) as u32
}

/// Pipelined Montgomery product `a * b * 2^-30 mod q` of two residues
/// `a, b < q`, odd run-time `q < 2^30`, in eight 16 x 16 multipliers
/// (SB_MAC16 on iCE40; an UP5K has eight) and one small LUT multiplier.
///
/// With `R = 2^30` and `q' = -q^-1 mod 2^30` (the low 30 bits of the
/// `neg_inv` the host already loads, [`mont_neg_inv`]), operands are split
/// into 15-bit halves, so that the Karatsuba middle factors `x0 + x1` fit
/// the 16-bit multiplier inputs:
///
/// ```text
/// T  = a b  = hh 2^30 + (mm - hh - ll) 2^15 + ll        3 products
/// m  = (T mod 2^30) q' mod 2^30
///    = t0 p0 + ((t0 p1 + t1 p0) mod 2^15) 2^15          2 products + LUTs
/// t  = (T + m q) / 2^30 = T_hi + (m q)_hi + [T mod 2^30 != 0]
///                                                         3 products (Karatsuba)
/// out = t - q if t >= q else t
/// ```
///
/// `t1 p0 mod 2^15` is the only product in LUTs (an AND-array with an adder
/// tree of depth four, written out so synthesis does not map it to a DSP).
///
/// **Conversion path.** With `conv` high, stage 2's registers take
/// `(conv_u, q)` instead of `(T mod 2^30, q')`, so the `m` stage computes
/// `conv_u q mod 2^30`, and `conv_out` gives `-(conv_u q) mod 2^30`
/// [`LeanMontMul::CONV_LATENCY`] edges later: with `conv_u = w_shoup >> 2`
/// that is the Montgomery form of `w` ([`lean_mont_form`]). The core uses it
/// while idle to convert twiddles as they are loaded. A product leaving
/// stage 1 at that time is lost. `conv` and `conv_u` end in registers (they
/// come from the core's host ports: fed into stage 3's LUT product, they
/// were the iCE40 critical path).
///
/// **Latency: [`LeanMontMul::LATENCY`] = 5 clock cycles**, one product per
/// cycle. Stages: 1. `a b` products; 2. `T`; 3. `m` products; 4. `m`, then
/// the `m q` products; 5. `t` and the conditional subtraction, as one
/// carry-save sum of six 48-bit operands and two carry chains (`t` and
/// `t - q` side by side; chained 32-bit adders were the iCE40 critical path).
#[derive(LogicBlock, Default)]
pub struct LeanMontMul {
    /// Clock; everything is registered on its rising edge.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, odd, `3 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// `-q^-1 mod 2^32` (only its low 30 bits are used).
    pub neg_inv: Signal<In, Bits<32>>,
    /// First operand, in `[0, q)`.
    pub a: Signal<In, Bits<RESIDUE_BITS>>,
    /// Second operand, in `[0, q)`.
    pub b: Signal<In, Bits<RESIDUE_BITS>>,
    /// Marks the inputs as an operation; delayed to `valid_out`.
    pub valid_in: Signal<In, Bit>,
    /// Conversion: the `m` stage computes `-(conv_u q) mod 2^30` this cycle.
    pub conv: Signal<In, Bit>,
    /// The conversion operand (any 30-bit value).
    pub conv_u: Signal<In, Bits<RESIDUE_BITS>>,
    /// `a * b * 2^-30 mod q`, [`LeanMontMul::LATENCY`] cycles later.
    pub product: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, [`LeanMontMul::LATENCY`] cycles later.
    pub valid_out: Signal<Out, Bit>,
    /// `-(conv_u q) mod 2^30`, [`LeanMontMul::CONV_LATENCY`] cycles after `conv`.
    pub conv_out: Signal<Out, Bits<RESIDUE_BITS>>,
    // Stage 1: operand halves, Karatsuba sums, products.
    a_wide: Signal<Local, Bits<32>>,
    b_wide: Signal<Local, Bits<32>>,
    a0: Signal<Local, Bits<16>>,
    a1: Signal<Local, Bits<16>>,
    b0: Signal<Local, Bits<16>>,
    b1: Signal<Local, Bits<16>>,
    sa: Signal<Local, Bits<16>>,
    sb: Signal<Local, Bits<16>>,
    s1_ll: DFF<Bits<32>>,
    s1_hh: DFF<Bits<32>>,
    s1_mm: DFF<Bits<32>>,
    s1_q: DFF<Bits<RESIDUE_BITS>>,
    s1_qi: DFF<Bits<RESIDUE_BITS>>,
    s1_valid: DFF<Bit>,
    // Stage 2: T.
    t_mid: Signal<Local, Bits<32>>,
    t_lo_sum: Signal<Local, Bits<32>>,
    s2_t_lo: DFF<Bits<RESIDUE_BITS>>,
    s2_t_hi: DFF<Bits<32>>,
    s2_q: DFF<Bits<RESIDUE_BITS>>,
    s2_qi: DFF<Bits<RESIDUE_BITS>>,
    s2_valid: DFF<Bit>,
    // Stage 3: m's products (or the conversion's).
    mt: Signal<Local, Bits<RESIDUE_BITS>>,
    mp: Signal<Local, Bits<RESIDUE_BITS>>,
    t0: Signal<Local, Bits<16>>,
    t1: Signal<Local, Bits<16>>,
    p0: Signal<Local, Bits<16>>,
    p1: Signal<Local, Bits<16>>,
    c1_full: Signal<Local, Bits<32>>,
    lut_ps: [Signal<Local, Bits<15>>; 15],
    lut_rows: [Signal<Local, Bits<15>>; 16],
    lut_l1: [Signal<Local, Bits<15>>; 8],
    lut_l2: [Signal<Local, Bits<15>>; 4],
    lut_l3: [Signal<Local, Bits<15>>; 2],
    s3_ll: DFF<Bits<32>>,
    s3_c1: DFF<Bits<15>>,
    s3_c2: DFF<Bits<15>>,
    s3_t_hi: DFF<Bits<32>>,
    s3_nz: DFF<Bit>,
    s3_q: DFF<Bits<RESIDUE_BITS>>,
    s3_valid: DFF<Bit>,
    // Stage 4: m, then m q.
    m_cross: Signal<Local, Bits<15>>,
    m_sum: Signal<Local, Bits<32>>,
    m: Signal<Local, Bits<RESIDUE_BITS>>,
    q3_wide: Signal<Local, Bits<32>>,
    m_wide: Signal<Local, Bits<32>>,
    m0: Signal<Local, Bits<16>>,
    m1: Signal<Local, Bits<16>>,
    q0: Signal<Local, Bits<16>>,
    q1: Signal<Local, Bits<16>>,
    sm: Signal<Local, Bits<16>>,
    sq: Signal<Local, Bits<16>>,
    s4_ll: DFF<Bits<32>>,
    s4_hh: DFF<Bits<32>>,
    s4_mm: DFF<Bits<32>>,
    base: Signal<Local, Bits<48>>,
    q3_48: Signal<Local, Bits<48>>,
    s4_k: DFF<Bits<48>>,
    s4_kq: DFF<Bits<48>>,
    s4_valid: DFF<Bit>,
    s4_conv: DFF<Bits<RESIDUE_BITS>>,
    // Stage 5: t and the conditional subtraction.
    // Stage 5: the 48-bit operands of Z, their carry-save reduction.
    z_ops: [Signal<Local, Bits<48>>; 5],
    csa_s: [Signal<Local, Bits<48>>; 5],
    csa_c: [Signal<Local, Bits<48>>; 5],
    z: Signal<Local, Bits<48>>,
    z_q: Signal<Local, Bits<48>>,
    s5_product: DFF<Bits<RESIDUE_BITS>>,
    s5_valid: DFF<Bit>,
}

impl LeanMontMul {
    /// Clock cycles from operands to result.
    pub const LATENCY: usize = 5;
    /// Clock cycles from `conv` to `conv_out`.
    pub const CONV_LATENCY: usize = 3;

    /// A new multiplier (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for LeanMontMul {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, s1_ll, s1_hh, s1_mm, s1_q, s1_qi, s1_valid, s2_t_lo, s2_t_hi, s2_q, s2_qi, s2_valid, s3_ll,
            s3_c1, s3_c2, s3_t_hi, s3_nz, s3_q, s3_valid, s4_ll, s4_hh, s4_mm, s4_k, s4_kq, s4_valid, s4_conv,
            s5_product, s5_valid
        );
        // Arithmetic never appears inside a cast (Verilog would compute it at
        // the cast's width, the simulation at the operands' width).
        // Stage 1: a b = hh 2^30 + (mm - hh - ll) 2^15 + ll.
        self.a_wide.next = bit_cast::<32, RESIDUE_BITS>(self.a.val());
        self.b_wide.next = bit_cast::<32, RESIDUE_BITS>(self.b.val());
        self.a0.next = bit_cast::<16, 15>(self.a_wide.val().get_bits::<15>(0));
        self.a1.next = bit_cast::<16, 15>(self.a_wide.val().get_bits::<15>(15));
        self.b0.next = bit_cast::<16, 15>(self.b_wide.val().get_bits::<15>(0));
        self.b1.next = bit_cast::<16, 15>(self.b_wide.val().get_bits::<15>(15));
        self.sa.next = self.a0.val() + self.a1.val();
        self.sb.next = self.b0.val() + self.b1.val();
        self.s1_ll.d.next = self.a0.val() * self.b0.val();
        self.s1_hh.d.next = self.a1.val() * self.b1.val();
        self.s1_mm.d.next = self.sa.val() * self.sb.val();
        self.s1_q.d.next = self.modulus.val();
        self.s1_qi.d.next = self.neg_inv.val().get_bits::<RESIDUE_BITS>(0);
        self.s1_valid.d.next = self.valid_in.val();
        // Stage 2: T = T_hi 2^30 + T_lo. The middle term a0 b1 + a1 b0 is
        // below 2^31; its low 15 bits join ll (the sum is below 2^31).
        self.t_mid.next = self.s1_mm.q.val() - self.s1_hh.q.val() - self.s1_ll.q.val();
        self.t_lo_sum.next = self.s1_ll.q.val() + (bit_cast::<32, 15>(self.t_mid.val().get_bits::<15>(0)) << 15);
        // Converting: (conv_u, q) take the place of (T_lo, q') here, so that
        // stage 3 reads registers only (the conversion request comes from
        // the core's host ports; before, it drove stage 3's LUT product).
        if self.conv.val() {
            self.s2_t_lo.d.next = self.conv_u.val();
            self.s2_qi.d.next = self.modulus.val();
        } else {
            self.s2_t_lo.d.next = self.t_lo_sum.val().get_bits::<RESIDUE_BITS>(0);
            self.s2_qi.d.next = self.s1_qi.q.val();
        }
        self.s2_t_hi.d.next = self.s1_hh.q.val()
            + bit_cast::<32, 17>(self.t_mid.val().get_bits::<17>(15))
            + self.t_lo_sum.val().get_bit(30);
        self.s2_q.d.next = self.s1_q.q.val();
        self.s2_valid.d.next = self.s1_valid.q.val();
        // Stage 3: the products of m = t p mod 2^30, with (t, p) = (T_lo, q')
        // or, converting, (conv_u, q), both from stage 2's registers.
        self.mt.next = self.s2_t_lo.q.val();
        self.mp.next = self.s2_qi.q.val();
        self.t0.next = bit_cast::<16, 15>(self.mt.val().get_bits::<15>(0));
        self.t1.next = bit_cast::<16, 15>(self.mt.val().get_bits::<15>(15));
        self.p0.next = bit_cast::<16, 15>(self.mp.val().get_bits::<15>(0));
        self.p1.next = bit_cast::<16, 15>(self.mp.val().get_bits::<15>(15));
        self.s3_ll.d.next = self.t0.val() * self.p0.val();
        self.c1_full.next = self.t0.val() * self.p1.val();
        self.s3_c1.d.next = self.c1_full.val().get_bits::<15>(0);
        // t1 p0 mod 2^15 in LUTs: rows of the AND array, summed in a tree.
        self.lut_ps[0].next = self.p0.val().get_bits::<15>(0);
        for i in 1..15 {
            self.lut_ps[i].next = self.lut_ps[i - 1].val() << 1;
        }
        for i in 0..15 {
            if self.t1.val().get_bit(i) {
                self.lut_rows[i].next = self.lut_ps[i].val();
            } else {
                self.lut_rows[i].next = 0.into();
            }
        }
        self.lut_rows[15].next = 0.into();
        for j in 0..8 {
            self.lut_l1[j].next = self.lut_rows[2 * j].val() + self.lut_rows[2 * j + 1].val();
        }
        for j in 0..4 {
            self.lut_l2[j].next = self.lut_l1[2 * j].val() + self.lut_l1[2 * j + 1].val();
        }
        for j in 0..2 {
            self.lut_l3[j].next = self.lut_l2[2 * j].val() + self.lut_l2[2 * j + 1].val();
        }
        self.s3_c2.d.next = self.lut_l3[0].val() + self.lut_l3[1].val();
        self.s3_t_hi.d.next = self.s2_t_hi.q.val();
        self.s3_nz.d.next = self.s2_t_lo.q.val().any();
        self.s3_q.d.next = self.s2_q.q.val();
        self.s3_valid.d.next = self.s2_valid.q.val();
        // Stage 4: m, and -m for the conversion; then m q = hh 2^30 +
        // (mm - hh - ll) 2^15 + ll.
        self.m_cross.next = self.s3_c1.q.val() + self.s3_c2.q.val();
        self.m_sum.next = self.s3_ll.q.val() + (bit_cast::<32, 15>(self.m_cross.val()) << 15);
        self.m.next = self.m_sum.val().get_bits::<RESIDUE_BITS>(0);
        self.s4_conv.d.next = bits::<RESIDUE_BITS>(0) - self.m.val();
        self.q3_wide.next = bit_cast::<32, RESIDUE_BITS>(self.s3_q.q.val());
        self.m_wide.next = bit_cast::<32, RESIDUE_BITS>(self.m.val());
        self.m0.next = bit_cast::<16, 15>(self.m_wide.val().get_bits::<15>(0));
        self.m1.next = bit_cast::<16, 15>(self.m_wide.val().get_bits::<15>(15));
        self.q0.next = bit_cast::<16, 15>(self.q3_wide.val().get_bits::<15>(0));
        self.q1.next = bit_cast::<16, 15>(self.q3_wide.val().get_bits::<15>(15));
        self.sm.next = self.m0.val() + self.m1.val();
        self.sq.next = self.q0.val() + self.q1.val();
        self.s4_ll.d.next = self.m0.val() * self.q0.val();
        self.s4_hh.d.next = self.m1.val() * self.q1.val();
        self.s4_mm.d.next = self.sm.val() * self.sq.val();
        // Off the products' path: k = (T_hi + [T_lo != 0]) 2^15 + 2 and
        // k - q 2^15 (mod 2^48), stage 5's constant operands.
        self.base.next = bit_cast::<48, 32>(self.s3_t_hi.q.val()) + self.s3_nz.q.val();
        self.q3_48.next = bit_cast::<48, RESIDUE_BITS>(self.s3_q.q.val());
        self.s4_k.d.next = (self.base.val() << 15) + 2;
        self.s4_kq.d.next = ((self.base.val() - self.q3_48.val()) << 15) + 2;
        self.s4_valid.d.next = self.s3_valid.q.val();
        // Stage 5: (m q)_hi = hh + (mid + (ll >> 15)) >> 15 with mid = mm -
        // hh - ll, and t = T_hi + (m q)_hi + [T_lo != 0] < 2q, in one sum:
        // t = Z >> 15 with Z = mm + !hh + !ll + (ll >> 15) + (hh << 15) + k
        // (!x = -x - 1 mod 2^48, the 2 is in k), Z < 2^47. The six operands
        // are reduced carry-save (no carry chains) to two, added once for t
        // and once, with kq, for t - q (Z - q 2^15, negative iff bit 47).
        self.z_ops[0].next = bit_cast::<48, 32>(self.s4_mm.q.val());
        self.z_ops[1].next = !bit_cast::<48, 32>(self.s4_hh.q.val());
        self.z_ops[2].next = !bit_cast::<48, 32>(self.s4_ll.q.val());
        self.z_ops[3].next = bit_cast::<48, 32>(self.s4_ll.q.val() >> 15);
        self.z_ops[4].next = bit_cast::<48, 32>(self.s4_hh.q.val()) << 15;
        // 3:2 compressors: (0, 1, 2) -> 0; (3, 4, s0) -> 1; (c0, s1, c1) -> 2;
        // then (s2, c2, k) -> 3 and (s2, c2, kq) -> 4.
        self.csa_s[0].next = self.z_ops[0].val() ^ self.z_ops[1].val() ^ self.z_ops[2].val();
        self.csa_c[0].next = ((self.z_ops[0].val() & self.z_ops[1].val())
            | (self.z_ops[0].val() & self.z_ops[2].val())
            | (self.z_ops[1].val() & self.z_ops[2].val()))
            << 1;
        self.csa_s[1].next = self.z_ops[3].val() ^ self.z_ops[4].val() ^ self.csa_s[0].val();
        self.csa_c[1].next = ((self.z_ops[3].val() & self.z_ops[4].val())
            | (self.z_ops[3].val() & self.csa_s[0].val())
            | (self.z_ops[4].val() & self.csa_s[0].val()))
            << 1;
        self.csa_s[2].next = self.csa_c[0].val() ^ self.csa_s[1].val() ^ self.csa_c[1].val();
        self.csa_c[2].next = ((self.csa_c[0].val() & self.csa_s[1].val())
            | (self.csa_c[0].val() & self.csa_c[1].val())
            | (self.csa_s[1].val() & self.csa_c[1].val()))
            << 1;
        self.csa_s[3].next = self.csa_s[2].val() ^ self.csa_c[2].val() ^ self.s4_k.q.val();
        self.csa_c[3].next = ((self.csa_s[2].val() & self.csa_c[2].val())
            | (self.csa_s[2].val() & self.s4_k.q.val())
            | (self.csa_c[2].val() & self.s4_k.q.val()))
            << 1;
        self.csa_s[4].next = self.csa_s[2].val() ^ self.csa_c[2].val() ^ self.s4_kq.q.val();
        self.csa_c[4].next = ((self.csa_s[2].val() & self.csa_c[2].val())
            | (self.csa_s[2].val() & self.s4_kq.q.val())
            | (self.csa_c[2].val() & self.s4_kq.q.val()))
            << 1;
        self.z.next = self.csa_s[3].val() + self.csa_c[3].val();
        self.z_q.next = self.csa_s[4].val() + self.csa_c[4].val();
        if self.z_q.val().get_bit(47) {
            self.s5_product.d.next = self.z.val().get_bits::<RESIDUE_BITS>(15);
        } else {
            self.s5_product.d.next = self.z_q.val().get_bits::<RESIDUE_BITS>(15);
        }
        self.s5_valid.d.next = self.s4_valid.q.val();
        self.product.next = self.s5_product.q.val();
        self.valid_out.next = self.s5_valid.q.val();
        self.conv_out.next = self.s4_conv.q.val();
    }
}

impl crate::testbench::Pipeline for LeanMontMul {
    /// `(q, a, b)`.
    type Input = (u32, u32, u32);
    /// `a * b * 2^-30 mod q`.
    type Output = u32;
    const LATENCY: usize = LeanMontMul::LATENCY;

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
        self.conv.next = false;
        self.conv_u.next = 0.into();
    }

    fn sample(&self) -> Option<Self::Output> {
        self.valid_out.val().then(|| self.product.val().to_u32())
    }
}

#[cfg(test)]
mod tests;
