//! [`Butterfly`]: the pipelined radix-2 butterfly unit of one NTT lane.

use rust_hdl::prelude::*;

use crate::arith::{ModAdd, ModMul, MontMul, RESIDUE_BITS};

/// Halves a twiddle and its Shoup companion modulo an odd `q`: returns
/// `(w / 2 mod q, shoup(w / 2 mod q))` from `(w, shoup(w))` without a
/// division. This is what the core does to inverse twiddles as they are
/// loaded, so that every inverse stage halves its outputs (see [`Butterfly`]).
///
/// `w / 2 = w >> 1` for even `w` and `(w + q) >> 1` for odd `w`; in both
/// cases `floor((w / 2) 2^32 / q) = (shoup(w) >> 1) + [w odd] 2^31`, since
/// `floor(floor(x) / 2) = floor(x / 2)`.
pub fn halve_twiddle(q: u32, w: u32, w_shoup: u32) -> (u32, u32) {
    let odd = w & 1;
    let half = ((w as u64 + (odd as u64) * q as u64) >> 1) as u32;
    (half, (w_shoup >> 1) | (odd << 31))
}

/// One butterfly lane: Cooley-Tukey for the forward transform,
/// Gentleman-Sande for the inverse, and a pointwise product, all with fully
/// reduced inputs and outputs in `[0, q)` for an odd run-time `q < 2^30`.
///
/// | mode | `x_out` | `y_out` | latency |
/// |---|---|---|---|
/// | forward (`inverse = pointwise = 0`) | `x + w y` | `x - w y` | [`Butterfly::LATENCY`] |
/// | inverse (`inverse = 1`) | `(x + y) / 2` | `(x - y) w` | [`Butterfly::LATENCY`] |
/// | pointwise (`pointwise = 1`) | `x y` | (unused) | [`Butterfly::POINTWISE_LATENCY`] |
///
/// Everything is mod `q`, and `w` comes with its Shoup companion `w_shoup`.
///
/// **Why the inverse halves.** The inverse transform needs a factor `1/N`;
/// halving both outputs of every one of the `log2 N` Gentleman-Sande stages
/// gives it without a scaling pass (which would cost `N` more cycles) and
/// without a second multiplier for the merged last stage: `(x + y) / 2` is an
/// add and a shift, and the `1/2` of the other output is folded into the
/// twiddle (the core halves inverse twiddles as they are loaded, with
/// [`halve_twiddle`]). Since every value is fully reduced, the result equals
/// the CPU's lazy-reduction NTT bit for bit.
///
/// **Datapath.** One [`ModMul`] (Shoup) and one [`ModAdd`] per lane, plus a
/// [`MontMul`] for the pointwise product (neither operand is a constant, so
/// there is no Shoup companion): its `x y 2^-32` goes through the same
/// [`ModMul`] with the constant `r_mod_q = 2^32 mod q` to undo the `2^-32`.
/// Forward: multiply (5) then add/sub (2). Inverse: add/sub (2) then
/// multiply (5), the sum halved and delayed alongside. Pointwise: Montgomery
/// (7) then multiply (5).
///
/// The mode inputs, the modulus and the constants must stay unchanged while
/// operations are in flight (the core changes them only between
/// operations); `valid_in` is delayed to `valid_out` by the mode's latency.
#[derive(LogicBlock, Default)]
pub struct Butterfly {
    /// Clock; everything is registered on its rising edge.
    pub clock: Signal<In, Clock>,
    /// The modulus `q`, odd, `3 <= q < 2^30`.
    pub modulus: Signal<In, Bits<RESIDUE_BITS>>,
    /// Gentleman-Sande mode.
    pub inverse: Signal<In, Bit>,
    /// Pointwise-product mode (takes precedence over `inverse`).
    pub pointwise: Signal<In, Bit>,
    /// `-q^-1 mod 2^32` ([`crate::arith::mont_neg_inv`]), pointwise mode.
    pub neg_inv: Signal<In, Bits<32>>,
    /// `2^32 mod q` ([`crate::arith::mont_r_mod`]), pointwise mode.
    pub r_mod_q: Signal<In, Bits<RESIDUE_BITS>>,
    /// Shoup companion of `r_mod_q`.
    pub r_shoup: Signal<In, Bits<32>>,
    /// First input, in `[0, q)`.
    pub x: Signal<In, Bits<RESIDUE_BITS>>,
    /// Second input, in `[0, q)`.
    pub y: Signal<In, Bits<RESIDUE_BITS>>,
    /// The twiddle, in `[0, q)` (ignored in pointwise mode).
    pub w: Signal<In, Bits<RESIDUE_BITS>>,
    /// Shoup companion of `w`.
    pub w_shoup: Signal<In, Bits<32>>,
    /// Marks the inputs as an operation.
    pub valid_in: Signal<In, Bit>,
    /// First output.
    pub x_out: Signal<Out, Bits<RESIDUE_BITS>>,
    /// Second output.
    pub y_out: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `valid_in`, delayed by the mode's latency.
    pub valid_out: Signal<Out, Bit>,
    // The arithmetic units.
    mul: ModMul,
    add: ModAdd,
    mont: MontMul,
    // Forward: x waits for the multiplier.
    x_delay: [DFF<Bits<RESIDUE_BITS>>; 5],
    // Inverse: the twiddle waits for the adder.
    w_delay: [DFF<Bits<RESIDUE_BITS>>; 2],
    ws_delay: [DFF<Bits<32>>; 2],
    // Inverse: the halved sum waits for the multiplier.
    sum_plus: Signal<Local, Bits<31>>,
    half_delay: [DFF<Bits<RESIDUE_BITS>>; 5],
    // valid_in, delayed up to the pointwise latency.
    valid_delay: [DFF<Bit>; 12],
}

impl Butterfly {
    /// Clock cycles from inputs to outputs in forward and inverse modes.
    pub const LATENCY: usize = 7;
    /// Clock cycles from inputs to outputs in pointwise mode.
    pub const POINTWISE_LATENCY: usize = 12;

    /// A new butterfly (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for Butterfly {
    #[hdl_gen]
    fn update(&mut self) {
        for i in 0..5 {
            self.x_delay[i].clock.next = self.clock.val();
            self.half_delay[i].clock.next = self.clock.val();
        }
        for i in 0..2 {
            self.w_delay[i].clock.next = self.clock.val();
            self.ws_delay[i].clock.next = self.clock.val();
        }
        for i in 0..12 {
            self.valid_delay[i].clock.next = self.clock.val();
        }
        self.mul.clock.next = self.clock.val();
        self.add.clock.next = self.clock.val();
        self.mont.clock.next = self.clock.val();
        self.mul.modulus.next = self.modulus.val();
        self.add.modulus.next = self.modulus.val();
        self.mont.modulus.next = self.modulus.val();
        self.mont.neg_inv.next = self.neg_inv.val();
        // The units' own valid flags are not used: valid_delay follows the
        // mode's latency instead.
        self.mul.valid_in.next = true;
        self.add.valid_in.next = true;
        self.mont.valid_in.next = true;
        // Delay lines.
        self.x_delay[0].d.next = self.x.val();
        self.w_delay[0].d.next = self.w.val();
        self.ws_delay[0].d.next = self.w_shoup.val();
        self.valid_delay[0].d.next = self.valid_in.val();
        for i in 1..5 {
            self.x_delay[i].d.next = self.x_delay[i - 1].q.val();
            self.half_delay[i].d.next = self.half_delay[i - 1].q.val();
        }
        self.w_delay[1].d.next = self.w_delay[0].q.val();
        self.ws_delay[1].d.next = self.ws_delay[0].q.val();
        for i in 1..12 {
            self.valid_delay[i].d.next = self.valid_delay[i - 1].q.val();
        }
        // Pointwise: Montgomery product of the inputs.
        self.mont.a.next = self.x.val();
        self.mont.b.next = self.y.val();
        // The multiplier's operands by mode.
        if self.pointwise.val() {
            self.mul.a.next = bit_cast::<32, RESIDUE_BITS>(self.mont.product.val());
            self.mul.w.next = self.r_mod_q.val();
            self.mul.w_shoup.next = self.r_shoup.val();
        } else if self.inverse.val() {
            self.mul.a.next = bit_cast::<32, RESIDUE_BITS>(self.add.diff.val());
            self.mul.w.next = self.w_delay[1].q.val();
            self.mul.w_shoup.next = self.ws_delay[1].q.val();
        } else {
            self.mul.a.next = bit_cast::<32, RESIDUE_BITS>(self.y.val());
            self.mul.w.next = self.w.val();
            self.mul.w_shoup.next = self.w_shoup.val();
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
            self.x_out.next = self.mul.product.val();
            self.y_out.next = self.mul.product.val();
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

/// The three modes, for the testbench and the software model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Cooley-Tukey.
    Forward,
    /// Gentleman-Sande with halving.
    Inverse,
    /// Pointwise product.
    Pointwise,
}

/// The software model of one butterfly: `(x_out, y_out)` for inputs
/// `x, y < q` and twiddle `w < q` (`y_out` is `x_out` in pointwise mode).
pub fn butterfly_model(mode: Mode, q: u32, x: u32, y: u32, w: u32) -> (u32, u32) {
    let m = polyhe_core::arith::Modulus::new(q).expect("modulus in range");
    match mode {
        Mode::Forward => {
            let v = m.mul(y, w);
            (m.add(x, v), m.sub(x, v))
        }
        Mode::Inverse => {
            let s = m.add(x, y);
            let half = ((s as u64 + (s as u64 & 1) * q as u64) >> 1) as u32;
            (half, m.mul(m.sub(x, y), w))
        }
        Mode::Pointwise => {
            let p = m.mul(x, y);
            (p, p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arith::{mont_neg_inv, mont_r_mod};
    use crate::testbench::{run_stream, test_moduli};
    use crate::tools::{self, WorkDir};
    use polyhe_core::arith::Modulus;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    /// A [`Butterfly`] with the mode (0 forward, 1 inverse, 2 pointwise) and
    /// the modulus fixed for a whole stream, as in the core.
    #[derive(LogicBlock)]
    struct Dut<const MODE: usize> {
        uut: Butterfly,
        mode: Constant<Bits<2>>,
        q: Constant<Bits<RESIDUE_BITS>>,
        neg_inv: Constant<Bits<32>>,
        r_mod_q: Constant<Bits<RESIDUE_BITS>>,
        r_shoup: Constant<Bits<32>>,
    }

    impl<const MODE: usize> Dut<MODE> {
        fn new(q: u32) -> Self {
            let m = Modulus::new(q).unwrap();
            let r = mont_r_mod(q);
            let mut uut = Butterfly::new();
            // The testbench drives these directly.
            uut.clock.connect();
            uut.x.connect();
            uut.y.connect();
            uut.w.connect();
            uut.w_shoup.connect();
            uut.valid_in.connect();
            Self {
                uut,
                mode: Constant::new((MODE as u64).into()),
                q: Constant::new((q as u64).into()),
                neg_inv: Constant::new((mont_neg_inv(q) as u64).into()),
                r_mod_q: Constant::new((r as u64).into()),
                r_shoup: Constant::new((m.shoup(r) as u64).into()),
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
            self.uut.r_mod_q.next = self.r_mod_q.val();
            self.uut.r_shoup.next = self.r_shoup.val();
        }
    }

    impl<const MODE: usize> crate::testbench::Pipeline for Dut<MODE> {
        /// `(x, y, w, w_shoup)`.
        type Input = (u32, u32, u32, u32);
        /// `(x_out, y_out)`.
        type Output = (u32, u32);
        const LATENCY: usize = if MODE == 2 { Butterfly::POINTWISE_LATENCY } else { Butterfly::LATENCY };

        fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
            &mut self.uut.clock
        }

        fn clock_high(&self) -> bool {
            self.uut.clock.val().clk
        }

        fn drive(&mut self, input: Option<&Self::Input>) {
            let &(x, y, w, ws) = input.unwrap_or(&(0, 0, 0, 0));
            self.uut.x.next = (x as u64).into();
            self.uut.y.next = (y as u64).into();
            self.uut.w.next = (w as u64).into();
            self.uut.w_shoup.next = (ws as u64).into();
            self.uut.valid_in.next = input.is_some();
        }

        fn sample(&self) -> Option<Self::Output> {
            self.uut.valid_out.val().then(|| (self.uut.x_out.val().to_u32(), self.uut.y_out.val().to_u32()))
        }
    }

    /// Edge values and random inputs for one odd modulus.
    fn vectors(q: u32, random: usize, rng: &mut ChaCha8Rng) -> Vec<(u32, u32, u32, u32)> {
        let m = Modulus::new(q).unwrap();
        let mut ops = Vec::new();
        for (x, y, w) in [(0, 0, 0), (q - 1, q - 1, q - 1), (0, q - 1, 1), (q - 1, 0, q - 1), (1, q - 1, q / 2)] {
            ops.push((x, y, w, m.shoup(w)));
        }
        for _ in 0..random {
            let mut r = || (rng.next_u64() % q as u64) as u32;
            let (x, y, w) = (r(), r(), r());
            ops.push((x, y, w, m.shoup(w)));
        }
        ops
    }

    fn check<const MODE: usize>(mode: Mode) {
        let mut rng = ChaCha8Rng::seed_from_u64(20 + MODE as u64);
        for q in test_moduli() {
            let ops = vectors(q, 20, &mut rng);
            let expected = ops
                .iter()
                .map(|&(x, y, w, _)| {
                    let (a, b) = butterfly_model(mode, q, x, y, w);
                    // y_out mirrors x_out in pointwise mode.
                    (a, if mode == Mode::Pointwise { a } else { b })
                })
                .collect();
            run_stream(Dut::<MODE>::new(q), ops, expected, 5, &format!("butterfly{MODE}_{q}")).unwrap();
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

    #[test]
    fn halved_twiddles_match_shoup() {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        for q in test_moduli() {
            let m = Modulus::new(q).unwrap();
            let two_inv = m.inv(2).unwrap();
            for i in 0..200u32 {
                let w = if i < 3 { [0, 1, q - 1][i as usize] } else { (rng.next_u64() % q as u64) as u32 };
                let (h, hs) = halve_twiddle(q, w, m.shoup(w));
                assert_eq!(h, m.mul(w, two_inv), "q = {q}, w = {w}");
                assert_eq!(hs, m.shoup(h), "q = {q}, w = {w}");
            }
        }
    }

    #[test]
    fn verilog_lints_clean() {
        if !tools::require_tools(&["verilator"]) {
            return;
        }
        let mut uut = Butterfly::new();
        uut.connect_all();
        let dir = WorkDir::new("butterfly-lint");
        tools::verilator_lint(&dir, &generate_verilog(&uut)).unwrap_or_else(|e| panic!("{e}"));
    }
}
