//! Fitting in f64: Remez exchange, Chebyshev interpolation, Clenshaw
//! evaluation and sup-norm error measurement, all in the Chebyshev basis
//! on the interval (the monomial basis is ill-conditioned beyond degree
//! ~20; the Chebyshev one stays well-conditioned).

use alloc::vec;
use alloc::vec::Vec;
use core::f64::consts::PI;

use super::{check_interval, Error, Result, MAX_DEGREE};

/// A polynomial fit in f64 before rounding to fixed point.
#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    /// Chebyshev coefficients `c_0..=c_d` on the fitted interval.
    pub coeffs: Vec<f64>,
    /// For minimax: the `d + 2` reference points of the last exchange (in
    /// the interval, increasing), where the error equioscillates. For
    /// interpolation: the `d + 1` nodes.
    pub reference: Vec<f64>,
    /// For minimax: the levelled error `|E|` of the last linear solve (a
    /// lower bound on the best error, by de la Vallee Poussin). For
    /// interpolation: 0.
    pub levelled_error: f64,
    /// Exchange iterations run (0 for interpolation).
    pub iterations: u32,
}

/// Clenshaw's recurrence for `sum_k coeff(k) T_k(t)`, `n` terms (`n >= 1`).
pub(super) fn clenshaw_with(t: f64, n: usize, coeff: impl Fn(usize) -> f64) -> f64 {
    let (mut b1, mut b2) = (0.0, 0.0);
    for k in (1..n).rev() {
        let b0 = 2.0 * t * b1 - b2 + coeff(k);
        b2 = b1;
        b1 = b0;
    }
    t * b1 - b2 + if n > 0 { coeff(0) } else { 0.0 }
}

/// `sum_k c_k T_k(t)` with `t = (2x - a - b) / (b - a)`, by Clenshaw's
/// recurrence (backward-stable: error a small multiple of machine epsilon
/// times `sum |c_k|`).
pub fn clenshaw(coeffs: &[f64], a: f64, b: f64, x: f64) -> f64 {
    let t = (2.0 * x - a - b) / (b - a);
    clenshaw_with(t, coeffs.len(), |k| coeffs[k])
}

/// Maps `t` in `[-1, 1]` to `[a, b]`, clamped so that rounding never
/// leaves the interval.
fn to_x(t: f64, a: f64, b: f64) -> f64 {
    (0.5 * (a + b) + 0.5 * (b - a) * t).clamp(a, b)
}

fn check_degree(degree: u32) -> Result<()> {
    if degree > MAX_DEGREE {
        Err(Error::DegreeOutOfRange { degree, max: MAX_DEGREE })
    } else {
        Ok(())
    }
}

/// Interpolates `f` at the `degree + 1` Chebyshev nodes of the first kind
/// `x_j = map(cos(pi (j + 1/2) / (degree + 1)))` on `[a, b]`; the
/// coefficients follow from the discrete cosine transform
/// `c_k = (2 / (d + 1)) sum_j f(x_j) cos(k pi (j + 1/2) / (d + 1))`
/// (halved for `k = 0`).
pub fn chebyshev_interpolation(f: impl Fn(f64) -> f64, a: f64, b: f64, degree: u32) -> Result<Fit> {
    check_interval(a, b)?;
    check_degree(degree)?;
    let n = degree as usize + 1;
    let theta: Vec<f64> = (0..n).map(|j| PI * (j as f64 + 0.5) / n as f64).collect();
    let fx: Vec<f64> = theta.iter().map(|&th| f(to_x(libm::cos(th), a, b))).collect();
    let coeffs = (0..n)
        .map(|k| {
            let s: f64 = fx.iter().zip(&theta).map(|(&v, &th)| v * libm::cos(k as f64 * th)).sum();
            s * 2.0 / n as f64 * if k == 0 { 0.5 } else { 1.0 }
        })
        .collect();
    let mut reference: Vec<f64> = theta.iter().map(|&th| to_x(libm::cos(th), a, b)).collect();
    reference.reverse();
    Ok(Fit { coeffs, reference, levelled_error: 0.0, iterations: 0 })
}

/// Iterations allowed to the exchange; ReLU at degree 31 needs about 15.
const MAX_ITERATIONS: u32 = 100;
/// Converged when the largest error at the reference exceeds the levelled
/// error by less than this fraction.
const TOLERANCE: f64 = 1e-10;

/// Best uniform (minimax) approximation of `f` on `[a, b]` of degree
/// `degree`, by the Remez exchange algorithm:
/// 1. start from the `d + 2` Chebyshev extrema `cos(pi i / (d + 1))`;
/// 2. solve `sum_k c_k T_k(t_i) + (-1)^i E = f(x_i)` for `c` and `E`;
/// 3. locate the local extrema of the error `f - p` on a dense grid
///    (refined by golden-section search), keep one per sign run, trim to
///    `d + 2` alternating points keeping the largest, and repeat until the
///    error at the new reference is level to [`TOLERANCE`].
///
/// Works for non-smooth `f` (ReLU's kink sits on the grid when the
/// interval is symmetric: the grid has an odd number of points).
pub fn remez(f: impl Fn(f64) -> f64, a: f64, b: f64, degree: u32) -> Result<Fit> {
    check_interval(a, b)?;
    check_degree(degree)?;
    let d = degree as usize;
    let m = d + 2;
    // Work in t in [-1, 1].
    let g = |t: f64| f(to_x(t, a, b));
    // Chebyshev extrema, skewed slightly: a reference symmetric about 0
    // gives E = 0 for an even function (e.g. ReLU - x/2) when d + 2 is even,
    // and the exchange then stalls on an interpolant.
    let mut reference: Vec<f64> = (0..m).map(|i| skewed(-libm::cos(PI * i as f64 / (m - 1) as f64), 1)).collect();
    // Grid dense enough to separate the d + 2 extrema by many points each,
    // odd so that t = 0 is on it.
    let grid_n = (64 * m).max(4001) | 1;
    let grid: Vec<f64> = (0..grid_n).map(|j| -1.0 + 2.0 * j as f64 / (grid_n - 1) as f64).collect();
    let mut coeffs = vec![0.0; d + 1];
    let mut level = 0.0;
    let mut iterations = 0;
    // The best iterate so far (coefficients, levelled error, sup error):
    // once the error nears round-off (smooth functions at high degree) the
    // exchange chases noise and later iterates can be far worse.
    let mut best: Option<(Vec<f64>, f64, f64)> = None;
    for it in 1..=MAX_ITERATIONS {
        iterations = it;
        let (c, e) = solve_reference(&g, &reference, d).ok_or(Error::SingularSystem { iteration: it, degree })?;
        coeffs = c;
        level = e.abs();
        let err = |t: f64| g(t) - clenshaw_with(t, d + 1, |k| coeffs[k]);
        let new_ref = exchange(&err, &grid, m);
        if new_ref.len() < m {
            // Too few alternations: either the fit is exact to round-off
            // (f a polynomial of degree <= d), or the reference was
            // degenerate (E = 0 by symmetry); then skew it and retry.
            let hi = vals_max(&err, &grid);
            if hi <= 1e-13 * (1.0 + level) || level >= hi * (1.0 - TOLERANCE) {
                break;
            }
            reference = reference.iter().map(|&t| skewed(t, it + 1)).collect();
            continue;
        }
        let errs: Vec<f64> = new_ref.iter().map(|&t| err(t).abs()).collect();
        let hi = errs.iter().cloned().fold(0.0, f64::max);
        if best.as_ref().is_none_or(|b| hi < b.2) {
            best = Some((coeffs.clone(), level, hi));
        }
        reference = new_ref;
        if hi - level <= TOLERANCE * hi.max(f64::MIN_POSITIVE) {
            break;
        }
    }
    if let Some((c, l, hi)) = best {
        let last = vals_max(&|t: f64| g(t) - clenshaw_with(t, d + 1, |k| coeffs[k]), &grid);
        if hi < last {
            coeffs = c;
            level = l;
        }
    }
    let reference = reference.iter().map(|&t| to_x(t, a, b)).collect();
    Ok(Fit { coeffs, reference, levelled_error: level, iterations })
}

/// Moves `t` in `[-1, 1]` by an asymmetric amount (zero at the ends,
/// `k`-dependent so that retries differ), keeping the order of points.
fn skewed(t: f64, k: u32) -> f64 {
    let shift = 0.02 / f64::from(k) * (1.0 - t * t) * (0.5 + 0.5 * t);
    (t + shift).clamp(-1.0, 1.0)
}

fn vals_max(err: &impl Fn(f64) -> f64, grid: &[f64]) -> f64 {
    grid.iter().map(|&t| err(t).abs()).fold(0.0, f64::max)
}

/// Solves the Remez system by Gaussian elimination with partial pivoting;
/// `None` when singular.
fn solve_reference(g: &impl Fn(f64) -> f64, reference: &[f64], d: usize) -> Option<(Vec<f64>, f64)> {
    let m = d + 2;
    let mut a = vec![0.0; m * (m + 1)];
    let w = m + 1;
    for (i, &t) in reference.iter().enumerate() {
        let row = &mut a[i * w..(i + 1) * w];
        // T_0..T_d at t by the three-term recurrence.
        let (mut t0, mut t1) = (1.0, t);
        for (k, cell) in row.iter_mut().take(d + 1).enumerate() {
            *cell = if k == 0 { 1.0 } else { t1 };
            if k > 0 {
                let t2 = 2.0 * t * t1 - t0;
                t0 = t1;
                t1 = t2;
            }
        }
        row[d + 1] = if i % 2 == 0 { 1.0 } else { -1.0 };
        row[m] = g(t);
    }
    for col in 0..m {
        let piv = (col..m).max_by(|&p, &q| a[p * w + col].abs().total_cmp(&a[q * w + col].abs()))?;
        // NaN pivots count as singular too.
        if a[piv * w + col].abs().is_nan() || a[piv * w + col].abs() <= 1e-300 {
            return None;
        }
        if piv != col {
            for k in 0..w {
                a.swap(piv * w + k, col * w + k);
            }
        }
        for r in 0..m {
            if r != col {
                let factor = a[r * w + col] / a[col * w + col];
                if factor != 0.0 {
                    for k in col..w {
                        a[r * w + k] -= factor * a[col * w + k];
                    }
                }
            }
        }
    }
    let x: Vec<f64> = (0..m).map(|i| a[i * w + m] / a[i * w + i]).collect();
    if x.iter().any(|v| !v.is_finite()) {
        return None;
    }
    Some((x[..=d].to_vec(), x[d + 1]))
}

/// The new reference: local extrema of `err` on `grid` (refined), one per
/// sign run (the largest), trimmed to `m` points.
fn exchange(err: &impl Fn(f64) -> f64, grid: &[f64], m: usize) -> Vec<f64> {
    let vals: Vec<f64> = grid.iter().map(|&t| err(t)).collect();
    let n = grid.len();
    let mut pts: Vec<(f64, f64)> = Vec::new();
    for j in 0..n {
        let v = vals[j].abs();
        let left = if j > 0 { vals[j - 1].abs() } else { -1.0 };
        let right = if j + 1 < n { vals[j + 1].abs() } else { -1.0 };
        if v >= left && v >= right && v > 0.0 {
            let t = if j == 0 || j + 1 == n { grid[j] } else { refine(err, grid[j - 1], grid[j + 1], vals[j]) };
            pts.push((t, err(t)));
        }
    }
    let mut alt: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    for (t, e) in pts {
        match alt.last_mut() {
            Some(last) if (last.1 > 0.0) == (e > 0.0) => {
                if e.abs() > last.1.abs() {
                    *last = (t, e);
                }
            }
            _ => alt.push((t, e)),
        }
    }
    // Drop surplus points without breaking alternation: a single surplus
    // point can only leave from an end; two can leave as an adjacent pair.
    while alt.len() > m {
        let first = alt[0].1.abs();
        let last = alt[alt.len() - 1].1.abs();
        if alt.len() - m == 1 {
            if first < last {
                alt.remove(0);
            } else {
                alt.pop();
            }
            continue;
        }
        let (mut best, mut best_v) = (usize::MAX, f64::INFINITY);
        for i in 0..alt.len() - 1 {
            let v = alt[i].1.abs().max(alt[i + 1].1.abs());
            if v < best_v {
                best_v = v;
                best = i;
            }
        }
        // Dropping the smaller end can be better than any interior pair.
        if first.min(last) < best_v {
            if first < last {
                alt.remove(0);
            } else {
                alt.pop();
            }
        } else {
            alt.drain(best..best + 2);
        }
    }
    alt.into_iter().map(|(t, _)| t).collect()
}

/// Golden-section search for the extremum of `s * err` in `[lo, hi]`,
/// where `s` is the sign of the grid value `v`; falls back to the grid
/// point's middle when the search does not improve on it.
fn refine(err: &impl Fn(f64) -> f64, lo: f64, hi: f64, v: f64) -> f64 {
    let s = if v >= 0.0 { 1.0 } else { -1.0 };
    let mid = 0.5 * (lo + hi);
    let (mut lo, mut hi) = (lo, hi);
    let r = 0.5 * (libm::sqrt(5.0) - 1.0);
    let mut x1 = hi - r * (hi - lo);
    let mut x2 = lo + r * (hi - lo);
    let (mut f1, mut f2) = (s * err(x1), s * err(x2));
    for _ in 0..40 {
        if f1 > f2 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - r * (hi - lo);
            f1 = s * err(x1);
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + r * (hi - lo);
            f2 = s * err(x2);
        }
    }
    let x = 0.5 * (lo + hi);
    if s * err(x) >= s * err(mid) {
        x
    } else {
        mid
    }
}

/// `max |f(x) - p(x)|` over `[a, b]` for the Chebyshev series `coeffs`:
/// a uniform grid of at least 20,001 points (odd, so the midpoint is on
/// it) with every local maximum refined by golden-section search. For the
/// functions here the refinement makes the estimate accurate to round-off.
pub fn max_error(f: impl Fn(f64) -> f64, coeffs: &[f64], a: f64, b: f64) -> f64 {
    let n = (200 * coeffs.len()).max(20_001) | 1;
    let err = |t: f64| f(to_x(t, a, b)) - clenshaw_with(t, coeffs.len(), |k| coeffs[k]);
    let grid: Vec<f64> = (0..n).map(|j| -1.0 + 2.0 * j as f64 / (n - 1) as f64).collect();
    let vals: Vec<f64> = grid.iter().map(|&t| err(t)).collect();
    let mut worst = 0.0f64;
    for j in 0..n {
        let v = vals[j].abs();
        worst = worst.max(v);
        if j > 0 && j + 1 < n && v >= vals[j - 1].abs() && v >= vals[j + 1].abs() {
            let t = refine(&err, grid[j - 1], grid[j + 1], vals[j]);
            worst = worst.max(err(t).abs());
        }
    }
    worst
}
