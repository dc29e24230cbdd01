//! Approximation tables: polynomials that stand in for the non-polynomial
//! activations of a transformer under CKKS.
//!
//! A table holds, for one function `f` on one interval `[a, b]`, the
//! coefficients `c_0..c_d` of `p(x) = sum_k c_k T_k(t)` with
//! `t = (2x - a - b) / (b - a)` in `[-1, 1]` and `T_k` the Chebyshev
//! polynomials, as fixed-point [`Coeff`] numbers, and the maximum error
//! `max |f(x) - p(x)|` on `[a, b]` measured with those fixed-point
//! coefficients. The Chebyshev basis on the interval is what the CKKS
//! evaluator of a table consumes (baby-step giant-step over `T_k`), and it
//! keeps the coefficients small and the evaluation stable (Clenshaw).
//!
//! Two fits at a chosen degree:
//! - [`FitMethod::Minimax`]: the Remez exchange algorithm, the best uniform
//!   approximation (Chebyshev's equioscillation theorem: the error reaches
//!   its maximum with alternating signs at `d + 2` points). The method of
//!   Zimerman et al. (ICML 2024) for swapping activations.
//! - [`FitMethod::ChebyshevInterpolation`]: interpolation at the `d + 1`
//!   Chebyshev nodes of the first kind; near-best for smooth functions,
//!   clearly worse for the kink of ReLU.
//!
//! Coefficients are `I16F48` ([`Coeff`]): 16 integer bits cover
//! `|c_k| < 32768` (a ReLU fitted on `[-R, R]` has `|c_k| <= R`, GELU the
//! same, `exp` on `[-10, 10]` stays below `e^10 = 22026`), and 48
//! fractional bits round each coefficient by at most `2^-49 = 1.8e-15`,
//! so a degree-`d` table moves by at most `(d + 1) * 1.8e-15`: nothing next
//! to any fit error or to CKKS's own noise (scales of 2^30 to 2^55).
//! `I32F32` would round by 1.2e-10 per coefficient, visible in tight fits
//! of 1/sqrt; the extra integer range it buys is not needed.

mod fit;
#[cfg(all(test, feature = "std"))]
mod tests;

use alloc::vec::Vec;

use fixed::types::I16F48;
use serde::{Deserialize, Serialize};

use fit::clenshaw_with;
pub use fit::{chebyshev_interpolation, clenshaw, max_error, remez, Fit};

/// A Chebyshev coefficient: signed fixed point with 16 integer and 48
/// fractional bits (range `[-32768, 32768)`, step `2^-48`).
pub type Coeff = I16F48;

/// The largest degree a table may have. CKKS evaluation of degree `d`
/// costs `ceil(log2(d + 1))` levels, so 127 (7 levels) is already far
/// beyond what the bundled models use (7 to 31).
pub const MAX_DEGREE: u32 = 127;

/// Errors of fitting and evaluating approximation tables.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The interval is empty, reversed or not finite.
    #[error("interval [{a}, {b}] is invalid: need finite a < b")]
    InvalidInterval {
        /// Left end.
        a: f64,
        /// Right end.
        b: f64,
    },
    /// The function is not defined (or not finite) somewhere on the interval.
    #[error("{function} is not finite on [{a}, {b}] (at x = {x}): choose an interval inside its domain")]
    OutsideDomain {
        /// The function's name.
        function: &'static str,
        /// Left end.
        a: f64,
        /// Right end.
        b: f64,
        /// A point where it is not finite.
        x: f64,
    },
    /// A degree above [`MAX_DEGREE`].
    #[error("degree {degree} is not supported: use 0..={max}")]
    DegreeOutOfRange {
        /// The requested degree.
        degree: u32,
        /// The largest supported degree.
        max: u32,
    },
    /// An input outside the table's interval in checked evaluation: the
    /// polynomial is meaningless there (it grows like `|t|^d`).
    #[error(
        "input {x} is outside the table's interval [{a}, {b}]: the polynomial does not approximate the function there"
    )]
    OutOfInterval {
        /// The input.
        x: f64,
        /// Left end.
        a: f64,
        /// Right end.
        b: f64,
    },
    /// A coefficient beyond the fixed-point range of [`Coeff`].
    #[error(
        "coefficient c_{index} = {value} does not fit the fixed-point range [-32768, 32768): use a smaller interval"
    )]
    CoefficientOverflow {
        /// Index of the coefficient.
        index: usize,
        /// Its value.
        value: f64,
    },
    /// The Remez linear system is singular (coincident reference points).
    #[error(
        "the Remez system is singular at iteration {iteration}: the function may be too irregular for degree {degree}"
    )]
    SingularSystem {
        /// Iteration at which it happened.
        iteration: u32,
        /// The degree being fitted.
        degree: u32,
    },
    /// A deserialised table whose fields contradict each other.
    #[error("malformed approximation table: {reason}")]
    Malformed {
        /// What is wrong.
        reason: &'static str,
    },
}

/// Result alias for this module.
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// The functions a table can approximate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Activation {
    /// `max(x, 0)`.
    Relu,
    /// `x * Phi(x) = x/2 * (1 + erf(x / sqrt(2)))`, the exact (erf) GELU.
    Gelu,
    /// `1 / sqrt(x)`, for LayerNorm's normalisation; defined for `x > 0`.
    InvSqrt,
    /// `e^x`.
    Exp,
}

impl Activation {
    /// The function's value at `x` (f64, via `libm`; `InvSqrt` of `x <= 0`
    /// is infinite or NaN).
    pub fn eval(self, x: f64) -> f64 {
        match self {
            Self::Relu => x.max(0.0),
            Self::Gelu => 0.5 * x * (1.0 + libm::erf(x * core::f64::consts::FRAC_1_SQRT_2)),
            Self::InvSqrt => 1.0 / libm::sqrt(x),
            Self::Exp => libm::exp(x),
        }
    }

    /// Lower-case name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Relu => "relu",
            Self::Gelu => "gelu",
            Self::InvSqrt => "inv_sqrt",
            Self::Exp => "exp",
        }
    }
}

/// How a table's polynomial was fitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FitMethod {
    /// Best uniform approximation by the Remez exchange algorithm.
    Minimax,
    /// Interpolation at the Chebyshev nodes of the first kind.
    ChebyshevInterpolation,
}

/// One activation's polynomial: function, interval, fixed-point Chebyshev
/// coefficients, measured max error.
///
/// Fields are private so that every table satisfies `a < b` (finite), at
/// least one coefficient, and a degree of at most [`MAX_DEGREE`];
/// [`ApproxTable::validate`] re-checks that after deserialisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApproxTable {
    function: Activation,
    method: FitMethod,
    a: f64,
    b: f64,
    coeffs: Vec<Coeff>,
    max_error: f64,
}

impl ApproxTable {
    /// Fits `function` on `[a, b]` at `degree` with `method`, rounds the
    /// coefficients to [`Coeff`] and measures the max error of the rounded
    /// polynomial on `[a, b]`.
    pub fn fit(function: Activation, method: FitMethod, a: f64, b: f64, degree: u32) -> Result<Self> {
        check_interval(a, b)?;
        check_domain(function, a, b)?;
        let f = |x: f64| function.eval(x);
        let fit = match method {
            FitMethod::Minimax => remez(f, a, b, degree)?,
            FitMethod::ChebyshevInterpolation => chebyshev_interpolation(f, a, b, degree)?,
        };
        Self::from_f64(function, method, a, b, &fit.coeffs)
    }

    /// Builds a table from f64 Chebyshev coefficients on `[a, b]` (rounded
    /// to [`Coeff`]); the max error is measured here.
    pub fn from_f64(function: Activation, method: FitMethod, a: f64, b: f64, coeffs: &[f64]) -> Result<Self> {
        check_interval(a, b)?;
        check_domain(function, a, b)?;
        check_degree(coeffs.len())?;
        let coeffs = coeffs
            .iter()
            .enumerate()
            .map(|(index, &value)| Coeff::checked_from_num(value).ok_or(Error::CoefficientOverflow { index, value }))
            .collect::<Result<Vec<_>>>()?;
        let mut t = Self { function, method, a, b, coeffs, max_error: 0.0 };
        let c = t.coeffs_f64();
        t.max_error = max_error(|x| function.eval(x), &c, a, b);
        Ok(t)
    }

    /// Checks the invariants of a deserialised table (interval, degree,
    /// domain, a finite non-negative error).
    pub fn validate(&self) -> Result<()> {
        check_interval(self.a, self.b)?;
        check_domain(self.function, self.a, self.b)?;
        check_degree(self.coeffs.len())?;
        if !(self.max_error.is_finite() && self.max_error >= 0.0) {
            return Err(Error::Malformed { reason: "the max error is negative or not finite" });
        }
        Ok(())
    }

    /// The approximated function.
    pub fn function(&self) -> Activation {
        self.function
    }

    /// How the polynomial was fitted.
    pub fn method(&self) -> FitMethod {
        self.method
    }

    /// The interval `[a, b]` (input units of the activation).
    pub fn interval(&self) -> (f64, f64) {
        (self.a, self.b)
    }

    /// The polynomial's degree (number of coefficients minus one).
    pub fn degree(&self) -> u32 {
        // At most MAX_DEGREE + 1 coefficients by construction.
        (self.coeffs.len() - 1) as u32
    }

    /// The fixed-point Chebyshev coefficients `c_0..=c_d` (on `[a, b]`).
    pub fn coeffs(&self) -> &[Coeff] {
        &self.coeffs
    }

    /// The coefficients as f64: exact for `|c| < 32` (5 + 48 bits fit the
    /// 53-bit mantissa), otherwise rounded at 2^-53 relative.
    pub fn coeffs_f64(&self) -> Vec<f64> {
        self.coeffs.iter().map(|c| c.to_num::<f64>()).collect()
    }

    /// `max |f(x) - p(x)|` over `[a, b]` for the fixed-point polynomial
    /// (in the function's output units), measured on a dense grid with
    /// local refinement.
    pub fn max_error(&self) -> f64 {
        self.max_error
    }

    /// `p(x)` by Clenshaw's recurrence, for any `x` (outside `[a, b]` it
    /// extrapolates, which is rarely what is wanted: see
    /// [`ApproxTable::eval_checked`]).
    pub fn eval(&self, x: f64) -> f64 {
        let t = (2.0 * x - self.a - self.b) / (self.b - self.a);
        clenshaw_with(t, self.coeffs.len(), |k| self.coeffs[k].to_num::<f64>())
    }

    /// `p(x)` for `x` in `[a, b]`; an [`Error::OutOfInterval`] otherwise
    /// (NaN included).
    pub fn eval_checked(&self, x: f64) -> Result<f64> {
        if x >= self.a && x <= self.b {
            Ok(self.eval(x))
        } else {
            Err(Error::OutOfInterval { x, a: self.a, b: self.b })
        }
    }
}

fn check_interval(a: f64, b: f64) -> Result<()> {
    if a.is_finite() && b.is_finite() && a < b {
        Ok(())
    } else {
        Err(Error::InvalidInterval { a, b })
    }
}

fn check_degree(coeffs: usize) -> Result<()> {
    if coeffs == 0 {
        return Err(Error::Malformed { reason: "a table needs at least one coefficient" });
    }
    let degree = coeffs - 1;
    if degree > MAX_DEGREE as usize {
        return Err(Error::DegreeOutOfRange { degree: degree.min(u32::MAX as usize) as u32, max: MAX_DEGREE });
    }
    Ok(())
}

/// The function must be finite on the whole interval; probing the ends and
/// a grid catches 1/sqrt on intervals reaching 0 and exp overflow.
fn check_domain(function: Activation, a: f64, b: f64) -> Result<()> {
    for i in 0..=64 {
        let x = if i == 64 { b } else { a + (b - a) * f64::from(i) / 64.0 };
        if !function.eval(x).is_finite() {
            return Err(Error::OutsideDomain { function: function.name(), a, b, x });
        }
    }
    Ok(())
}
