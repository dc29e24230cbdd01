use super::*;
use crate::arith::mont_r_mod;
use crate::testbench::{run_stream, test_moduli};
use crate::tools::{self, WorkDir};
use polyhe_core::arith::Modulus;
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};

#[test]
fn model_and_conversion_agree_with_modular_arithmetic() {
    let mut rng = ChaCha8Rng::seed_from_u64(31);
    for q in test_moduli() {
        let m = Modulus::new(q).unwrap();
        let r30 = m.reduce_u64(1 << 30);
        let r30_inv = m.inv(r30).unwrap();
        for i in 0..300u32 {
            let (a, b) = match i {
                0 => (0, 0),
                1 => (q - 1, q - 1),
                2 => (1, q - 1),
                _ => ((rng.next_u64() % q as u64) as u32, (rng.next_u64() % q as u64) as u32),
            };
            assert_eq!(lean_mont_model(q, a, b), m.mul(m.mul(a, b), r30_inv), "q = {q}, a = {a}, b = {b}");
            // The Montgomery form from the Shoup companion only.
            let w = a;
            assert_eq!(lean_mont_form(q, m.shoup(w)), m.mul(w, r30), "q = {q}, w = {w}");
            assert_eq!(lean_mont_model(q, b, lean_mont_form(q, m.shoup(w))), m.mul(w, b));
            assert_eq!(m.mul(half_mod(q, w), 2), w);
        }
        // The pointwise correction constant 2^60 mod q from shoup(2^32 mod q).
        let c = half_mod(q, half_mod(q, lean_mont_form(q, m.shoup(mont_r_mod(q)))));
        assert_eq!(c as u64, (1u128 << 60).rem_euclid(q as u128) as u64, "q = {q}");
    }
}

fn random_ops(seed: u64, per_q: usize) -> Vec<(u32, u32, u32)> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut ops = Vec::new();
    for q in test_moduli() {
        for (a, b) in [(0, 0), (1, q - 1), (q - 1, q - 1), (q - 1, 1)] {
            ops.push((q, a, b));
        }
        for _ in 0..per_q {
            ops.push((q, (rng.next_u64() % q as u64) as u32, (rng.next_u64() % q as u64) as u32));
        }
    }
    for i in (1..ops.len()).rev() {
        ops.swap(i, (rng.next_u64() % (i as u64 + 1)) as usize);
    }
    ops
}

#[test]
fn matches_model_in_simulation() {
    let ops = random_ops(12, 40);
    let expected = ops.iter().map(|&(q, a, b)| lean_mont_model(q, a, b)).collect();
    let report = run_stream(LeanMontMul::new(), ops, expected, 7, "leanmul").unwrap();
    assert_eq!(report.checked, 7 * 44);
}

#[test]
fn matches_modular_arithmetic_on_many_products_and_odd_moduli() {
    // Many products, odd moduli up to 2^30 - 1 (Montgomery needs only odd
    // q), checked against u128 arithmetic: out < q and out 2^30 = a b mod q.
    let mut rng = ChaCha8Rng::seed_from_u64(14);
    let mut moduli = test_moduli();
    moduli.extend([(1 << 30) - 1, (1 << 30) - 3, (1 << 29) + 1, 3]);
    let mut ops = Vec::new();
    for &q in &moduli {
        for _ in 0..300 {
            ops.push((q, (rng.next_u64() % q as u64) as u32, (rng.next_u64() % q as u64) as u32));
        }
    }
    let mut expected = Vec::new();
    for &(q, a, b) in &ops {
        let out = lean_mont_model(q, a, b);
        assert!(out < q);
        assert_eq!(((out as u128) << 30) % q as u128, (a as u128 * b as u128) % q as u128, "q = {q}, a = {a}, b = {b}");
        expected.push(out);
    }
    let report = run_stream(LeanMontMul::new(), ops, expected, 11, "leanmul_many").unwrap();
    assert_eq!(report.checked, 300 * moduli.len());
}

/// The conversion path, with a valid flag delayed alongside.
#[derive(LogicBlock, Default)]
struct ConvDut {
    uut: LeanMontMul,
    valid: [DFF<Bit>; 3],
    valid_in: Signal<In, Bit>,
}

impl Logic for ConvDut {
    #[hdl_gen]
    fn update(&mut self) {
        for i in 0..3 {
            self.valid[i].clock.next = self.uut.clock.val();
        }
        self.valid[0].d.next = self.valid_in.val();
        self.valid[1].d.next = self.valid[0].q.val();
        self.valid[2].d.next = self.valid[1].q.val();
        self.uut.conv.next = self.valid_in.val();
    }
}

impl crate::testbench::Pipeline for ConvDut {
    /// `(q, w_shoup >> 2)`.
    type Input = (u32, u32);
    type Output = u32;
    const LATENCY: usize = LeanMontMul::CONV_LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.uut.clock
    }

    fn clock_high(&self) -> bool {
        self.uut.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        let &(q, u) = input.unwrap_or(&(1, 0));
        self.uut.modulus.next = (q as u64).into();
        self.uut.conv_u.next = (u as u64).into();
        self.uut.neg_inv.next = 0.into();
        self.uut.a.next = 0.into();
        self.uut.b.next = 0.into();
        self.uut.valid_in.next = false;
        self.valid_in.next = input.is_some();
    }

    fn sample(&self) -> Option<Self::Output> {
        self.valid[2].q.val().then(|| self.uut.conv_out.val().to_u32())
    }
}

#[test]
fn conversion_matches_montgomery_form_in_simulation() {
    let mut rng = ChaCha8Rng::seed_from_u64(13);
    let mut ops = Vec::new();
    let mut expected = Vec::new();
    for q in test_moduli() {
        let m = Modulus::new(q).unwrap();
        for i in 0..30u32 {
            let w = if i < 3 { [0, 1, q - 1][i as usize] } else { (rng.next_u64() % q as u64) as u32 };
            ops.push((q, m.shoup(w) >> 2));
            expected.push(m.mul(w, m.reduce_u64(1 << 30)));
        }
    }
    let mut dut = ConvDut::default();
    dut.uut.clock.connect();
    dut.uut.modulus.connect();
    dut.uut.conv_u.connect();
    dut.uut.neg_inv.connect();
    dut.uut.a.connect();
    dut.uut.b.connect();
    dut.uut.valid_in.connect();
    run_stream(dut, ops, expected, 5, "leanmul_conv").unwrap();
}

#[test]
fn verilog_has_no_division_and_lints_clean() {
    let mut uut = LeanMontMul::new();
    uut.connect_all();
    let v = generate_verilog(&uut);
    assert!(!v.contains('%') && !v.contains(" / "), "{v}");
    if !tools::require_tools(&["verilator"]) {
        return;
    }
    let dir = WorkDir::new("leanmul-lint");
    tools::verilator_lint(&dir, &v).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn synthesises_to_at_most_eight_mac16() {
    if !tools::require_tools(&["yosys"]) {
        return;
    }
    let mut uut = LeanMontMul::new();
    uut.connect_all();
    let dir = WorkDir::new("leanmul-yosys");
    let report = tools::yosys_synth_ice40(&dir, &generate_verilog(&uut)).unwrap_or_else(|e| panic!("{e}"));
    println!("LeanMontMul on iCE40: {report}");
    // 3 (a b) + 2 (m) + 3 (m q); the eighth partial product of m is in LUTs.
    assert_eq!(report.count("SB_MAC16"), 8, "{report}");
}
