//! Homomorphic evaluation of polynomials in the Chebyshev basis, at the
//! least depth and with exact scales.
//!
//! `p(t) = sum_k c_k T_k(t)` for an encrypted `t` (meant to lie in
//! `[-1, 1]`, where `|T_k| <= 1` keeps every intermediate small) is split
//! recursively, baby-step giant-step style: with the largest giant power
//! `T_G` (`G = b, 2b, 4b, ..`) not above the degree, `p = q T_G + r` by
//! Chebyshev division (`2 T_G T_j = T_{G+j} + T_{G-j}`), until the pieces
//! have degree below the baby step `b` and become linear combinations of
//! `T_1 .. T_{b-1}` (one rescale). Powers come from
//! `T_{a+c} = 2 T_a T_c - T_{a-c}` with `a` the largest power of two below
//! the index, so `T_k` costs `ceil(log2 k)` levels.
//!
//! The baby step is chosen per degree: among the steps whose depth is the
//! optimum `ceil(log2(d + 1))` levels, the one with the fewest
//! ciphertext products ([`ChebyshevPlan`]). `b = 2` always reaches the
//! optimum; larger steps trade a level for fewer products.
//!
//! Scales are exact, not approximately equal: every piece is evaluated
//! *to a target scale* chosen so that after its product with `T_G` and the
//! rescale the result has precisely the scale of its sibling, by encoding
//! each constant at the matching scale ([`Evaluator::linear_combination`]).
//! The output has exactly the requested scale at exactly
//! `input level - depth`, whatever the zero pattern of the coefficients.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::vec;
use alloc::vec::Vec;

use super::ciphertext::Ciphertext;
use super::evaluator::Evaluator;
use crate::approx::ApproxTable;
use crate::{Error, Result};

/// How a degree is evaluated: baby step, depth and cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChebyshevPlan {
    /// The polynomial's degree.
    pub degree: u32,
    /// Baby step `b` (a power of two >= 2): pieces below this degree are
    /// linear combinations of `T_1 .. T_{b-1}`.
    pub baby_step: u32,
    /// Levels consumed: `ceil(log2(degree + 1))`.
    pub depth: u32,
    /// Ciphertext-ciphertext products (each with a relinearisation).
    pub products: u32,
}

impl ChebyshevPlan {
    /// The plan of least depth, then fewest products, for `degree`
    /// (dense coefficients assumed; zero coefficients only save work).
    pub fn for_degree(degree: u32) -> Self {
        let mut best: Option<Self> = None;
        let mut b = 2;
        while b <= degree.next_power_of_two().max(2) {
            let cost = Shape::new(b).cost(degree);
            let plan = Self { degree, baby_step: b, depth: cost.0, products: cost.1 };
            best = match best {
                Some(p) if (p.depth, p.products) <= (plan.depth, plan.products) => Some(p),
                _ => Some(plan),
            };
            b *= 2;
        }
        best.unwrap_or(Self { degree, baby_step: 2, depth: 0, products: 0 })
    }
}

/// The levels each power `T_k` costs and the giant steps of a baby step.
struct Shape {
    baby: u32,
}

impl Shape {
    fn new(baby: u32) -> Self {
        Self { baby }
    }

    /// Depth of `T_k` (`ceil(log2 k)`; 0 for `k <= 1`).
    fn power_depth(k: u32) -> u32 {
        if k <= 1 {
            0
        } else {
            32 - (k - 1).leading_zeros()
        }
    }

    /// The largest giant step `G = b 2^i <= degree`, if `degree >= b`.
    fn giant(&self, degree: u32) -> Option<u32> {
        if degree < self.baby {
            return None;
        }
        let mut g = self.baby;
        while g * 2 <= degree {
            g *= 2;
        }
        Some(g)
    }

    /// (depth, products) for a dense polynomial of `degree`, powers
    /// included.
    fn cost(&self, degree: u32) -> (u32, u32) {
        let depth = self.depth(degree, &mut BTreeMap::new());
        let mut products = self.split_products(degree);
        // Each distinct power above T_1 (with those it is built from) is
        // one product.
        let mut needed = BTreeSet::new();
        self.collect_powers(degree, &mut needed);
        let mut all = BTreeSet::new();
        for &k in &needed {
            power_closure(k, &mut all);
        }
        products += all.iter().filter(|&&k| k >= 2).count() as u32;
        (depth, products)
    }

    /// Output depth of a dense piece of `degree`.
    fn depth(&self, degree: u32, memo: &mut BTreeMap<u32, u32>) -> u32 {
        if degree == 0 {
            return 0;
        }
        if let Some(&d) = memo.get(&degree) {
            return d;
        }
        let d = match self.giant(degree) {
            None => Self::power_depth(degree) + 1,
            Some(g) => {
                let q = degree - g;
                let prod =
                    if q == 0 { Self::power_depth(g) } else { self.depth(q, memo).max(Self::power_depth(g)) } + 1;
                prod.max(if g > 1 { self.depth(g - 1, memo) } else { 0 })
            }
        };
        memo.insert(degree, d);
        d
    }

    fn split_products(&self, degree: u32) -> u32 {
        match self.giant(degree) {
            None => 0,
            Some(g) => {
                let q = degree - g;
                let own = u32::from(q > 0);
                own + self.split_products(q) + self.split_products(g - 1)
            }
        }
    }

    fn collect_powers(&self, degree: u32, out: &mut BTreeSet<u32>) {
        match self.giant(degree) {
            None => out.extend(1..=degree),
            Some(g) => {
                out.insert(g);
                self.collect_powers(degree - g, out);
                self.collect_powers(g - 1, out);
            }
        }
    }
}

/// The recipe of `T_k`: `k = a + c` with `a` the largest power of two
/// below `k` (`c = a` for powers of two, the doubling case).
fn split_index(k: u32) -> (u32, u32) {
    let a = if k.is_power_of_two() { k / 2 } else { 1 << (31 - k.leading_zeros()) };
    (a, k - a)
}

fn power_closure(k: u32, out: &mut BTreeSet<u32>) {
    if k <= 1 || !out.insert(k) {
        return;
    }
    let (a, c) = split_index(k);
    power_closure(a, out);
    power_closure(c, out);
    if a != c {
        power_closure(a - c, out);
    }
}

/// Chebyshev division by `T_G`: `p = q T_G + r` with `deg r < G`
/// (`p` of degree below `2G`).
fn divide(p: &[f64], g: usize) -> (Vec<f64>, Vec<f64>) {
    let mut r = p[..g].to_vec();
    let mut q = vec![0.0; p.len() - g];
    q[0] = p[g];
    for k in g + 1..p.len() {
        q[k - g] += 2.0 * p[k];
        r[2 * g - k] -= p[k];
    }
    (q, r)
}

/// Coefficients without trailing zeros (at least one).
fn trimmed(c: &[f64]) -> &[f64] {
    let mut n = c.len();
    while n > 1 && c[n - 1] == 0.0 {
        n -= 1;
    }
    &c[..n.max(1)]
}

/// A piece's value: a constant (no ciphertext needed) or a ciphertext.
enum Value {
    Const(f64),
    Ct(Ciphertext),
}

struct Run<'e, 'a> {
    ev: &'e Evaluator<'a>,
    shape: Shape,
    powers: BTreeMap<u32, Ciphertext>,
}

impl Run<'_, '_> {
    fn power(&mut self, k: u32) -> Result<Ciphertext> {
        if let Some(p) = self.powers.get(&k) {
            return Ok(p.clone());
        }
        let (a, c) = split_index(k);
        let (ta, tc) = (self.power(a)?, self.power(c)?);
        let ev = self.ev;
        let level = ta.level().min(tc.level());
        let ta = ev.drop_level(&ta, ta.level() - level)?;
        let tc = ev.drop_level(&tc, tc.level() - level)?;
        // 2 T_a T_c, then minus T_{a-c} (T_0 = 1 when a = c), one rescale.
        let prod = ev.mul_int(&ev.mul_relin(&ta, &tc)?, 2)?;
        let diff = if a == c {
            ev.add_const(&prod, -1.0)?
        } else {
            let t = self.power(a - c)?;
            let t = ev.drop_level(&t, t.level() - level)?;
            let mut t = ev.mul_const_scaled(&t, 1.0, prod.scale() / t.scale())?;
            t.set_scale(prod.scale())?;
            ev.sub(&prod, &t)?
        };
        let out = ev.rescale(&diff)?;
        self.powers.insert(k, out.clone());
        Ok(out)
    }

    /// Level of a piece's result, from its actual coefficients.
    fn level_of(&mut self, c: &[f64]) -> Result<Option<u32>> {
        let c = trimmed(c);
        let degree = (c.len() - 1) as u32;
        if degree == 0 {
            return Ok(None);
        }
        match self.shape.giant(degree) {
            None => {
                let mut level = u32::MAX;
                for (k, &ck) in c.iter().enumerate().skip(1) {
                    if ck != 0.0 {
                        level = level.min(self.power(k as u32)?.level());
                    }
                }
                Ok(Some(level - 1))
            }
            Some(g) => {
                let (q, r) = divide(c, g as usize);
                let tg = self.power(g)?.level();
                let prod = match self.level_of(&q)? {
                    None => tg - 1,
                    Some(lq) => lq.min(tg) - 1,
                };
                Ok(Some(match self.level_of(&r)? {
                    None => prod,
                    Some(lr) => lr.min(prod),
                }))
            }
        }
    }

    /// Evaluates a piece so that its ciphertext has scale exactly `scale`.
    fn eval(&mut self, c: &[f64], scale: f64) -> Result<Value> {
        let c = trimmed(c);
        let degree = (c.len() - 1) as u32;
        if degree == 0 {
            return Ok(Value::Const(c[0]));
        }
        let ev = self.ev;
        match self.shape.giant(degree) {
            None => {
                let mut terms = Vec::new();
                for (k, &ck) in c.iter().enumerate().skip(1) {
                    if ck != 0.0 {
                        terms.push((self.power(k as u32)?, ck));
                    }
                }
                let refs: Vec<(&Ciphertext, f64)> = terms.iter().map(|(t, ck)| (t, *ck)).collect();
                Ok(Value::Ct(ev.linear_combination(&refs, c[0], scale)?))
            }
            Some(g) => {
                let (q, r) = divide(c, g as usize);
                let tg = self.power(g)?;
                let prod = match self.level_of(&q)? {
                    None => {
                        let qc = q[0];
                        ev.linear_combination(&[(&tg, qc)], 0.0, scale)?
                    }
                    Some(lq) => {
                        let level = lq.min(tg.level());
                        let divisor = ev.rescale_divisor(level)?;
                        let qv = match self.eval(&q, scale * divisor / tg.scale())? {
                            Value::Ct(ct) => ct,
                            Value::Const(_) => unreachable_piece()?,
                        };
                        let qv = ev.drop_level(&qv, qv.level() - level)?;
                        let tg = ev.drop_level(&tg, tg.level() - level)?;
                        let mut out = ev.rescale(&ev.mul_relin(&qv, &tg)?)?;
                        out.set_scale(scale)?;
                        out
                    }
                };
                Ok(Value::Ct(match self.eval(&r, scale)? {
                    Value::Const(r0) => {
                        if r0 == 0.0 {
                            prod
                        } else {
                            ev.add_const(&prod, r0)?
                        }
                    }
                    Value::Ct(rv) => {
                        let level = rv.level().min(prod.level());
                        let rv = ev.drop_level(&rv, rv.level() - level)?;
                        let prod = ev.drop_level(&prod, prod.level() - level)?;
                        ev.add(&prod, &rv)?
                    }
                }))
            }
        }
    }
}

/// `level_of` said the piece has a ciphertext; `eval` agreeing is an
/// internal invariant, reported rather than panicking.
fn unreachable_piece() -> Result<Ciphertext> {
    Err(Error::InvalidArgument { reason: "internal: a non-constant Chebyshev piece evaluated to a constant" })
}

impl Evaluator<'_> {
    /// `sum_k coeffs[k] T_k(t)` for an encrypted `t` in `[-1, 1]`,
    /// returned at scale exactly `target_scale` and at level
    /// `t.level() - ChebyshevPlan::for_degree(d).depth` (d the degree after
    /// trailing zeros). Needs the relinearisation key when `d >= 2`.
    /// Outside `[-1, 1]` the result is the polynomial's value, which grows
    /// like `|t|^d`: keep inputs inside (the plan checks ranges).
    pub fn eval_chebyshev(&self, t: &Ciphertext, coeffs: &[f64], target_scale: f64) -> Result<Ciphertext> {
        if coeffs.is_empty() || coeffs.iter().any(|c| !c.is_finite()) {
            return Err(Error::InvalidArgument { reason: "Chebyshev coefficients must be finite and non-empty" });
        }
        if !(target_scale.is_finite() && target_scale >= 1.0) {
            return Err(Error::InvalidArgument { reason: "the target scale must be finite and at least 1" });
        }
        let c = trimmed(coeffs);
        let plan = ChebyshevPlan::for_degree((c.len() - 1) as u32);
        if plan.depth > t.level() {
            return Err(Error::LevelExhausted { what: "Chebyshev evaluation", level: t.level() });
        }
        let mut run = Run { ev: self, shape: Shape::new(plan.baby_step), powers: BTreeMap::new() };
        run.powers.insert(1, t.clone());
        let out = match run.eval(c, target_scale)? {
            Value::Ct(ct) => ct,
            // A constant polynomial: t * 0 (a zero at any scale) plus c,
            // without spending a level.
            Value::Const(c0) => {
                let mut z = self.mul_int(t, 0)?;
                z.set_scale(target_scale)?;
                self.add_const(&z, c0)?
            }
        };
        let want = t.level() - plan.depth;
        if out.level() < want {
            return Err(Error::InvalidArgument {
                reason: "internal: Chebyshev evaluation used more levels than planned",
            });
        }
        self.drop_level(&out, out.level() - want)
    }

    /// An approximation table applied to an encrypted `x`: the interval
    /// map `t = (2x - a - b) / (b - a)` costs one level (fold it into the
    /// previous affine map and call [`Evaluator::eval_chebyshev`] to save
    /// it), then the table's polynomial. Result at `target_scale`.
    pub fn eval_table(&self, x: &Ciphertext, table: &ApproxTable, target_scale: f64) -> Result<Ciphertext> {
        let (a, b) = table.interval();
        let t = self.linear_combination(&[(x, 2.0 / (b - a))], -(a + b) / (b - a), x.scale())?;
        self.eval_chebyshev(&t, &table.coeffs_f64(), target_scale)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests;
