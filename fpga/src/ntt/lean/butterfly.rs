//! [`LeanButterfly`]: the butterfly of the DSP-lean lane: one
//! [`LeanMontMul`] serves the forward and inverse butterflies and (in two
//! passes) the pointwise product.

use rust_hdl::prelude::*;

use crate::arith::{LeanMontMul, ModAdd, RESIDUE_BITS};

/// The lean butterfly: the same modes, outputs and latencies as
/// [`crate::ntt::Butterfly`] ([`LeanButterfly::LATENCY`] = 7,
/// [`LeanButterfly::POINTWISE_LATENCY`] = 12), with one Montgomery
/// multiplier ([`LeanMontMul`], `R = 2^30`, eight 16 x 16 multipliers)
/// instead of a Shoup multiplier plus a Montgomery multiplier (21).
///
/// - **Twiddles** come in Montgomery form `w 2^30 mod q` (the lean core
///   converts them as they are loaded), so `Mont(y, w 2^30) = w y mod q`
///   exactly: forward `x +- w y`, inverse `(x + y) / 2`, `(x - y) w` (the
///   inverse twiddles carry the `1/2`, as in the Shoup core).
/// - **Pointwise** products take two passes through the multiplier:
///   `Mont(Mont(x, y), 2^60 mod q) = x y 2^-30 2^60 2^-30 = x y mod q`
///   (`pw_const` = `2^60 mod q`, computed by the core from the Shoup
///   companion of `2^32 mod q`). The second pass enters when the first
///   leaves, [`LeanMontMul::LATENCY`] = 5 cycles after its issue; products
///   must therefore be issued **at most every other cycle** (5 is odd, so a
///   second pass never meets a new first pass). The control does that for
///   the lean core (`NttControl::with_pointwise_interval(.., 2)`).
/// - **Conversion**: `conv` / `conv_u` / `conv_out` expose the multiplier's
///   conversion path ([`LeanMontMul`]) for the core's twiddle loading.
///
/// The mode inputs, the modulus and the constants must stay unchanged while
/// operations are in flight.
#[derive(LogicBlock, Default)]
pub struct LeanButterfly {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, odd, `3 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// Gentleman-Sande mode.
    pub inverse: Signal<In, Bit>,
    /// Pointwise-product mode (takes precedence over `inverse`).
    pub pointwise: Signal<In, Bit>,
    /// `-q^-1 mod 2^32` (low 30 bits used).
    pub neg_inv: Signal<In, Bits<32>>,
    /// `2^60 mod q`, the second pointwise pass's constant.
    pub pw_const: Signal<In, Bits<RESIDUE_BITS>>,
    /// First input, in `[0, q)`.
    pub x: Signal<In, Bits<RESIDUE_BITS>>,
    /// Second input, in `[0, q)`.
    pub y: Signal<In, Bits<RESIDUE_BITS>>,
    /// The twiddle in Montgomery form `w 2^30 mod q` (ignored in pointwise mode).
    pub w: Signal<In, Bits<RESIDUE_BITS>>,
    /// Marks the inputs as an operation.
    pub valid_in: Signal<In, Bit>,
    /// The multiplier's conversion strobe (idle core only).
    pub conv: Signal<In, Bit>,
    /// The conversion operand.
    pub conv_u: Signal<In, Bits<RESIDUE_BITS>>,
    /// First output.
    pub x_out: Signal<Out, Bits<RESIDUE_BITS>>,
    /// Second output.
    pub y_out: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, delayed by the mode's latency.
    pub valid_out: Signal<Out, Bit>,
    /// `-(conv_u q) mod 2^30`, [`LeanMontMul::CONV_LATENCY`] cycles after `conv`.
    pub conv_out: Signal<Out, Bits<RESIDUE_BITS>>,
    mul: LeanMontMul,
    add: ModAdd,
    // Forward: x waits for the multiplier.
    x_delay: [DFF<Bits<RESIDUE_BITS>>; 5],
    // Inverse: the twiddle waits for the adder.
    w_delay: [DFF<Bits<RESIDUE_BITS>>; 2],
    // Inverse: the halved sum waits for the multiplier.
    sum_plus: Signal<Local, Bits<31>>,
    half_delay: [DFF<Bits<RESIDUE_BITS>>; 5],
    // Pointwise: the second pass's result, delayed to the pointwise latency.
    pw_delay: [DFF<Bits<RESIDUE_BITS>>; 2],
    // valid_in, delayed up to the pointwise latency.
    valid_delay: [DFF<Bit>; 12],
}

impl LeanButterfly {
    /// Clock cycles from inputs to outputs in forward and inverse modes.
    pub const LATENCY: usize = 7;
    /// Clock cycles from inputs to outputs in pointwise mode.
    pub const POINTWISE_LATENCY: usize = 12;
    /// Pointwise products are issued at most once per this many cycles.
    pub const POINTWISE_INTERVAL: usize = 2;

    /// A new butterfly (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for LeanButterfly {
    #[hdl_gen]
    fn update(&mut self) {
        for i in 0..5 {
            self.x_delay[i].clock.next = self.clock.val();
            self.half_delay[i].clock.next = self.clock.val();
        }
        for i in 0..2 {
            self.w_delay[i].clock.next = self.clock.val();
            self.pw_delay[i].clock.next = self.clock.val();
        }
        for i in 0..12 {
            self.valid_delay[i].clock.next = self.clock.val();
        }
        self.mul.clock.next = self.clock.val();
        self.add.clock.next = self.clock.val();
        self.mul.modulus.next = self.modulus.val();
        self.add.modulus.next = self.modulus.val();
        self.mul.neg_inv.next = self.neg_inv.val();
        self.mul.conv.next = self.conv.val();
        self.mul.conv_u.next = self.conv_u.val();
        self.conv_out.next = self.mul.conv_out.val();
        // valid_delay follows the mode's latency; the units' flags are unused.
        self.mul.valid_in.next = true;
        self.add.valid_in.next = true;
        // Delay lines.
        self.x_delay[0].d.next = self.x.val();
        self.w_delay[0].d.next = self.w.val();
        self.valid_delay[0].d.next = self.valid_in.val();
        for i in 1..5 {
            self.x_delay[i].d.next = self.x_delay[i - 1].q.val();
            self.half_delay[i].d.next = self.half_delay[i - 1].q.val();
        }
        self.w_delay[1].d.next = self.w_delay[0].q.val();
        for i in 1..12 {
            self.valid_delay[i].d.next = self.valid_delay[i - 1].q.val();
        }
        self.pw_delay[0].d.next = self.mul.product.val();
        self.pw_delay[1].d.next = self.pw_delay[0].q.val();
        // The multiplier's operands by mode.
        if self.pointwise.val() {
            if self.valid_delay[4].q.val() {
                // A first pass leaves: its second pass.
                self.mul.a.next = self.mul.product.val();
                self.mul.b.next = self.pw_const.val();
            } else {
                self.mul.a.next = self.x.val();
                self.mul.b.next = self.y.val();
            }
        } else if self.inverse.val() {
            self.mul.a.next = self.add.diff.val();
            self.mul.b.next = self.w_delay[1].q.val();
        } else {
            self.mul.a.next = self.y.val();
            self.mul.b.next = self.w.val();
        }
        // The adder's operands by mode.
        if self.inverse.val() {
            self.add.a.next = self.x.val();
            self.add.b.next = self.y.val();
        } else {
            self.add.a.next = self.x_delay[4].q.val();
            self.add.b.next = self.mul.product.val();
        }
        // Inverse: (x + y) / 2 = (s + [s odd] q) >> 1, below q.
        if self.add.sum.val().get_bit(0) {
            self.sum_plus.next =
                bit_cast::<31, RESIDUE_BITS>(self.add.sum.val()) + bit_cast::<31, RESIDUE_BITS>(self.modulus.val());
        } else {
            self.sum_plus.next = bit_cast::<31, RESIDUE_BITS>(self.add.sum.val());
        }
        self.half_delay[0].d.next = self.sum_plus.val().get_bits::<RESIDUE_BITS>(1);
        // Outputs by mode.
        if self.pointwise.val() {
            self.x_out.next = self.pw_delay[1].q.val();
            self.y_out.next = self.pw_delay[1].q.val();
            self.valid_out.next = self.valid_delay[11].q.val();
        } else if self.inverse.val() {
            self.x_out.next = self.half_delay[4].q.val();
            self.y_out.next = self.mul.product.val();
            self.valid_out.next = self.valid_delay[6].q.val();
        } else {
            self.x_out.next = self.add.sum.val();
            self.y_out.next = self.add.diff.val();
            self.valid_out.next = self.valid_delay[6].q.val();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::{half_mod, lean_mont_form, mont_neg_inv, mont_r_mod};
    use crate::ntt::{butterfly_model, Mode};
    use crate::testbench::{run_stream, test_moduli};
    use polyhe_core::arith::Modulus;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    /// A [`LeanButterfly`] with the mode (0 forward, 1 inverse, 2
    /// pointwise) and the modulus fixed for a whole stream.
    #[derive(LogicBlock)]
    struct Dut<const MODE: usize> {
        uut: LeanButterfly,
        mode: Constant<Bits<2>>,
        q: Constant<Bits<RESIDUE_BITS>>,
        neg_inv: Constant<Bits<32>>,
        pw_const: Constant<Bits<RESIDUE_BITS>>,
    }

    impl<const MODE: usize> Dut<MODE> {
        fn new(q: u32) -> Self {
            let m = Modulus::new(q).unwrap();
            let c = half_mod(q, half_mod(q, lean_mont_form(q, m.shoup(mont_r_mod(q)))));
            let mut uut = LeanButterfly::new();
            uut.clock.connect();
            uut.x.connect();
            uut.y.connect();
            uut.w.connect();
            uut.valid_in.connect();
            uut.conv.connect();
            uut.conv_u.connect();
            Self {
                uut,
                mode: Constant::new((MODE as u64).into()),
                q: Constant::new((q as u64).into()),
                neg_inv: Constant::new((mont_neg_inv(q) as u64).into()),
                pw_const: Constant::new((c as u64).into()),
            }
        }
    }

    impl<const MODE: usize> Logic for Dut<MODE> {
        #[hdl_gen]
        fn update(&mut self) {
            self.uut.modulus.next = self.q.val();
            self.uut.inverse.next = self.mode.val().get_bit(0);
            self.uut.pointwise.next = self.mode.val().get_bit(1);
            self.uut.neg_inv.next = self.neg_inv.val();
            self.uut.pw_const.next = self.pw_const.val();
        }
    }

    impl<const MODE: usize> crate::testbench::Pipeline for Dut<MODE> {
        /// `(x, y, w in Montgomery form)`.
        type Input = (u32, u32, u32);
        /// `(x_out, y_out)`.
        type Output = (u32, u32);
        const LATENCY: usize = if MODE == 2 { LeanButterfly::POINTWISE_LATENCY } else { LeanButterfly::LATENCY };

        fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
            &mut self.uut.clock
        }

        fn clock_high(&self) -> bool {
            self.uut.clock.val().clk
        }

        fn drive(&mut self, input: Option<&Self::Input>) {
            let &(x, y, w) = input.unwrap_or(&(0, 0, 0));
            self.uut.x.next = (x as u64).into();
            self.uut.y.next = (y as u64).into();
            self.uut.w.next = (w as u64).into();
            self.uut.valid_in.next = input.is_some();
            self.uut.conv.next = false;
            self.uut.conv_u.next = 0.into();
        }

        fn sample(&self) -> Option<Self::Output> {
            self.uut.valid_out.val().then(|| (self.uut.x_out.val().to_u32(), self.uut.y_out.val().to_u32()))
        }
    }

    fn check<const MODE: usize>(mode: Mode) {
        let mut rng = ChaCha8Rng::seed_from_u64(40 + MODE as u64);
        for q in test_moduli() {
            let m = Modulus::new(q).unwrap();
            let mut ops = Vec::new();
            let mut expected = Vec::new();
            for i in 0..25 {
                let mut r = || (rng.next_u64() % q as u64) as u32;
                let (x, y, w) = match i {
                    0 => (q - 1, q - 1, q - 1),
                    1 => (0, q - 1, 1),
                    2 => (q - 1, 0, 0),
                    _ => (r(), r(), r()),
                };
                let (a, b) = butterfly_model(mode, q, x, y, w);
                expected.push((a, if mode == Mode::Pointwise { a } else { b }));
                ops.push((x, y, lean_mont_form(q, m.shoup(w))));
            }
            // Pointwise products at most every other cycle: bubble_every 2.
            let bubbles = if mode == Mode::Pointwise { 2 } else { 5 };
            run_stream(Dut::<MODE>::new(q), ops, expected, bubbles, &format!("lean_butterfly{MODE}_{q}")).unwrap();
        }
    }

    #[test]
    fn forward_matches_model() {
        check::<0>(Mode::Forward);
    }

    #[test]
    fn inverse_matches_model() {
        check::<1>(Mode::Inverse);
    }

    #[test]
    fn pointwise_matches_model() {
        check::<2>(Mode::Pointwise);
    }
}
