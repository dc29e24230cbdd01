//! Approximation-table tests. Expected errors come from closed forms or
//! from `scripts/relu_minimax_reference.py` (an independent 50-digit
//! mpmath Remez on the reformulation sqrt(u), u = x^2), never from this
//! implementation's own output.

use super::*;

fn relu(x: f64) -> f64 {
    x.max(0.0)
}

/// ReLU minimax errors on [-1, 1] at degree 2m (and 2m + 1), m = 1..=7,
/// printed by scripts/relu_minimax_reference.py. m = 1 is also the closed
/// form: the best quadratic for |x| is x^2 + 1/8, error 1/8, halved for ReLU.
/// (Truncated to 15 significant digits.)
const RELU_REFERENCE: [(u32, f64); 7] = [
    (2, 0.0625),
    (4, 0.0338104496388921),
    (6, 0.0229645310334312),
    (8, 0.0173448640421907),
    (10, 0.0139225592767754),
    (12, 0.0116236632277066),
    (14, 0.0099743908913756),
];

#[test]
fn relu_minimax_matches_independent_high_precision_values() {
    for (deg, want) in RELU_REFERENCE {
        for degree in [deg, deg + 1] {
            let fit = remez(relu, -1.0, 1.0, degree).expect("fit");
            let got = max_error(relu, &fit.coeffs, -1.0, 1.0);
            assert!((got - want).abs() < 1e-8 * want.max(1e-3) + 1e-9, "degree {degree}: {got} vs {want}");
            // The levelled error is a lower bound that meets the max at convergence.
            assert!(fit.levelled_error <= got * (1.0 + 1e-9));
            assert!(got - fit.levelled_error < 1e-8 * got, "degree {degree}: {got} vs {}", fit.levelled_error);
        }
    }
}

#[test]
fn minimax_error_scales_with_the_interval_for_relu() {
    // ReLU is positively homogeneous: R p(x / R) is the minimax on [-R, R].
    let t = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -8.0, 8.0, 15).expect("fit");
    assert!((t.max_error() - 8.0 * 0.0099743908913756).abs() < 1e-7, "{}", t.max_error());
}

#[test]
fn monomial_closed_form() {
    // The best degree-n approximation of x^(n+1) on [-1, 1] leaves the
    // error T_{n+1}(x) / 2^n: max error 2^-n, equioscillating at n + 2 points.
    for n in [3u32, 7, 12] {
        let f = |x: f64| libm::pow(x, f64::from(n + 1));
        let fit = remez(f, -1.0, 1.0, n).expect("fit");
        let e = max_error(f, &fit.coeffs, -1.0, 1.0);
        let want = libm::pow(2.0, -f64::from(n));
        assert!((e - want).abs() < 1e-12, "n = {n}: {e} vs {want}");
    }
}

#[test]
fn minimax_equioscillates() {
    for (f, a, b, degree) in [
        (Activation::Relu, -1.0, 1.0, 15u32),
        (Activation::Relu, -5.0, 3.0, 7),
        (Activation::Gelu, -8.0, 8.0, 15),
        (Activation::InvSqrt, 0.05, 4.0, 11),
        (Activation::Exp, -4.0, 2.0, 9),
    ] {
        let g = |x: f64| f.eval(x);
        let fit = remez(g, a, b, degree).expect("fit");
        assert_eq!(fit.reference.len(), degree as usize + 2);
        let e: Vec<f64> = fit.reference.iter().map(|&x| g(x) - clenshaw(&fit.coeffs, a, b, x)).collect();
        let sup = max_error(g, &fit.coeffs, a, b);
        for w in e.windows(2) {
            assert!(w[0] * w[1] < 0.0, "{f:?}: signs do not alternate: {e:?}");
        }
        for (i, v) in e.iter().enumerate() {
            assert!((v.abs() - sup).abs() <= 1e-6 * sup, "{f:?} point {i}: |{v}| vs sup {sup}");
        }
        assert!(fit.reference.windows(2).all(|w| w[0] < w[1]) && fit.reference[0] >= a);
    }
}

#[test]
fn minimax_beats_chebyshev_interpolation() {
    for degree in [7u32, 15, 31] {
        let mm = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -1.0, 1.0, degree).expect("fit");
        let ci = ApproxTable::fit(Activation::Relu, FitMethod::ChebyshevInterpolation, -1.0, 1.0, degree).expect("fit");
        // For the kink, interpolation is worse by a clear factor (about 1.6
        // to 2 here), not by round-off.
        assert!(ci.max_error() > 1.3 * mm.max_error(), "degree {degree}: {} vs {}", ci.max_error(), mm.max_error());
    }
    for f in [Activation::Gelu, Activation::InvSqrt, Activation::Exp] {
        let (a, b) = if f == Activation::InvSqrt { (0.1, 10.0) } else { (-6.0, 6.0) };
        let mm = ApproxTable::fit(f, FitMethod::Minimax, a, b, 9).expect("fit");
        let ci = ApproxTable::fit(f, FitMethod::ChebyshevInterpolation, a, b, 9).expect("fit");
        assert!(mm.max_error() < ci.max_error(), "{f:?}: {} vs {}", mm.max_error(), ci.max_error());
    }
}

#[test]
fn chebyshev_interpolation_reproduces_polynomials_and_nodes() {
    // T_3(t) on [2, 6] (t = (x - 4) / 2): coefficients [0, 0, 0, 1].
    let f = |x: f64| {
        let t = (x - 4.0) / 2.0;
        4.0 * t * t * t - 3.0 * t
    };
    let fit = chebyshev_interpolation(f, 2.0, 6.0, 5).expect("fit");
    for (k, c) in fit.coeffs.iter().enumerate() {
        assert!((c - if k == 3 { 1.0 } else { 0.0 }).abs() < 1e-14, "c_{k} = {c}");
    }
    // Interpolation: exact at the nodes for any function.
    let fit = chebyshev_interpolation(relu, -1.0, 1.0, 8).expect("fit");
    for &x in &fit.reference {
        assert!((clenshaw(&fit.coeffs, -1.0, 1.0, x) - relu(x)).abs() < 1e-14);
    }
}

#[test]
fn clenshaw_matches_the_trigonometric_definition() {
    let c = [0.3, -1.25, 0.5, 2.0, -0.125, 0.0625];
    for i in 0..=20 {
        let t = -1.0 + 0.1 * f64::from(i);
        let direct: f64 = c.iter().enumerate().map(|(k, ck)| ck * libm::cos(k as f64 * libm::acos(t))).sum();
        // On [a, b] = [-3, 5], x maps to t.
        let x = 1.0 + 4.0 * t;
        assert!((clenshaw(&c, -3.0, 5.0, x) - direct).abs() < 1e-13, "t = {t}");
    }
}

#[test]
fn fixed_point_rounding_is_negligible() {
    let f = |x: f64| Activation::Gelu.eval(x);
    let fit = remez(f, -10.0, 10.0, 31).expect("fit");
    let t = ApproxTable::from_f64(Activation::Gelu, FitMethod::Minimax, -10.0, 10.0, &fit.coeffs).expect("table");
    let e64 = max_error(f, &fit.coeffs, -10.0, 10.0);
    // 32 coefficients, each rounded by at most 2^-49.
    assert!((t.max_error() - e64).abs() <= 32.0 * libm::pow(2.0, -49.0) + 1e-15, "{} vs {e64}", t.max_error());
    for (c, q) in fit.coeffs.iter().zip(t.coeffs()) {
        assert!((c - q.to_num::<f64>()).abs() <= libm::pow(2.0, -49.0));
    }
    assert_eq!(t.degree(), 31);
    assert_eq!(t.interval(), (-10.0, 10.0));
}

#[test]
fn checked_evaluation_refuses_inputs_outside_the_interval() {
    let t = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -4.0, 4.0, 7).expect("fit");
    assert_eq!(t.eval_checked(4.0).expect("inside"), t.eval(4.0));
    assert!((t.eval_checked(-4.0).expect("inside") - 0.0).abs() <= t.max_error() * (1.0 + 1e-12));
    let e = t.eval_checked(4.5).expect_err("outside");
    assert_eq!(e, Error::OutOfInterval { x: 4.5, a: -4.0, b: 4.0 });
    assert_eq!(
        e.to_string(),
        "input 4.5 is outside the table's interval [-4, 4]: the polynomial does not approximate the function there"
    );
    assert!(matches!(t.eval_checked(f64::NAN), Err(Error::OutOfInterval { .. })));
    assert!(matches!(t.eval_checked(-1e300), Err(Error::OutOfInterval { .. })));
}

#[test]
fn bad_arguments_are_typed_errors() {
    use Activation::*;
    assert_eq!(ApproxTable::fit(Relu, FitMethod::Minimax, 1.0, 1.0, 7), Err(Error::InvalidInterval { a: 1.0, b: 1.0 }));
    assert!(matches!(ApproxTable::fit(Relu, FitMethod::Minimax, f64::NAN, 1.0, 7), Err(Error::InvalidInterval { .. })));
    assert!(matches!(
        ApproxTable::fit(InvSqrt, FitMethod::Minimax, 0.0, 1.0, 7),
        Err(Error::OutsideDomain { function: "inv_sqrt", x: 0.0, .. })
    ));
    assert_eq!(
        ApproxTable::fit(Relu, FitMethod::ChebyshevInterpolation, -1.0, 1.0, 500),
        Err(Error::DegreeOutOfRange { degree: 500, max: MAX_DEGREE })
    );
    // e^20 = 4.9e8 cannot be a coefficient of I16F48.
    assert!(matches!(
        ApproxTable::fit(Exp, FitMethod::ChebyshevInterpolation, -20.0, 20.0, 5),
        Err(Error::CoefficientOverflow { index: 0, .. })
    ));
    assert!(matches!(ApproxTable::from_f64(Relu, FitMethod::Minimax, -1.0, 1.0, &[]), Err(Error::Malformed { .. })));
}

#[test]
fn tables_round_trip_through_postcard() {
    let t = ApproxTable::fit(Activation::Gelu, FitMethod::Minimax, -6.0, 6.0, 15).expect("fit");
    let bytes = postcard::to_allocvec(&t).expect("serialise");
    let back: ApproxTable = postcard::from_bytes(&bytes).expect("deserialise");
    assert_eq!(back, t);
    back.validate().expect("valid");
    // Fixed-point coefficients serialise as their 64-bit patterns.
    assert!(bytes.len() <= 16 * 10 + 40, "{} bytes", bytes.len());
}

#[test]
fn minimax_near_round_off_is_no_worse_than_interpolation() {
    // exp on [-4, 4] at degree 31 is exact to round-off: the exchange then
    // chases noise, and must still return its best iterate.
    for degree in [15u32, 31] {
        let mm = ApproxTable::fit(Activation::Exp, FitMethod::Minimax, -4.0, 4.0, degree).expect("fit");
        let ci = ApproxTable::fit(Activation::Exp, FitMethod::ChebyshevInterpolation, -4.0, 4.0, degree).expect("fit");
        assert!(
            mm.max_error() <= 2.0 * ci.max_error() + 1e-12,
            "degree {degree}: {} vs {}",
            mm.max_error(),
            ci.max_error()
        );
    }
}
