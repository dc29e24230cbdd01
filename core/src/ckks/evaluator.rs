//! Homomorphic operations with automatic level and scale tracking.
//!
//! Conventions: operands must share parameters, level, scale (up to a
//! relative 2^-40) and slot count, otherwise the operation returns a typed
//! error; nothing is silently adjusted. Multiplications multiply scales;
//! [`Evaluator::rescale`] divides by the level's prime(s) and drops the
//! level. Constants are encoded at the scale of the primes the next rescale
//! removes, so `rescale(mul_const(x, c))` has exactly `x`'s scale.

use alloc::vec;
use alloc::vec::Vec;
use core::cell::Cell;

use super::ciphertext::{Ciphertext, Plaintext};
use super::context::Context;
use super::keys::{check_galois, GaloisKeys, RelinKey};
use super::keyswitch::{decompose, decompose_owned, scratch, slot_map, switch_add};
use crate::ntt::kernels::{self, Reducer};
use crate::ring::automorphism::{conjugation_element, galois_element};
use crate::ring::convert::divide_round_by_last_eval;
use crate::ring::{Eval, Poly};
use crate::{Error, Result};

/// Largest relative difference between two scales treated as equal.
pub const SCALE_TOLERANCE: f64 = 1.0 / (1u64 << 40) as f64;

/// Evaluates operations on ciphertexts of one [`Context`], with optional
/// relinearisation and Galois keys.
#[derive(Debug, Clone, Copy)]
pub struct Evaluator<'a> {
    ctx: &'a Context,
    relin: Option<&'a RelinKey>,
    galois: Option<&'a GaloisKeys>,
    times: Option<&'a OpTimes<'a>>,
}

/// Time spent inside key switching (relinearisation and rotations:
/// decomposition, inner products with the key, ModDown) and rescaling,
/// measured with the caller's clock (the no_std core has none), with the
/// number of each. Attach with [`Evaluator::with_op_times`].
pub struct OpTimes<'c> {
    clock: &'c dyn Fn() -> u64,
    key_switch_ns: Cell<u64>,
    key_switches: Cell<u64>,
    rescale_ns: Cell<u64>,
    rescales: Cell<u64>,
}

impl core::fmt::Debug for OpTimes<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OpTimes")
            .field("key_switch_ns", &self.key_switch_ns.get())
            .field("key_switches", &self.key_switches.get())
            .field("rescale_ns", &self.rescale_ns.get())
            .field("rescales", &self.rescales.get())
            .finish()
    }
}

impl<'c> OpTimes<'c> {
    /// Counters at zero; `clock` returns nanoseconds from any fixed origin.
    pub fn new(clock: &'c dyn Fn() -> u64) -> Self {
        Self {
            clock,
            key_switch_ns: Cell::new(0),
            key_switches: Cell::new(0),
            rescale_ns: Cell::new(0),
            rescales: Cell::new(0),
        }
    }
    /// Nanoseconds spent key switching.
    pub fn key_switch_ns(&self) -> u64 {
        self.key_switch_ns.get()
    }
    /// Key switches done (one per relinearisation or rotation).
    pub fn key_switches(&self) -> u64 {
        self.key_switches.get()
    }
    /// Nanoseconds spent rescaling.
    pub fn rescale_ns(&self) -> u64 {
        self.rescale_ns.get()
    }
    /// Rescales done.
    pub fn rescales(&self) -> u64 {
        self.rescales.get()
    }
}

fn scales_match(a: f64, b: f64) -> bool {
    (a - b).abs() <= a.max(b) * SCALE_TOLERANCE
}

impl<'a> Evaluator<'a> {
    /// An evaluator without keys (additions, plaintext products, rescaling).
    pub fn new(ctx: &'a Context) -> Self {
        Self { ctx, relin: None, galois: None, times: None }
    }

    /// Measures key switching and rescaling into `times`.
    pub fn with_op_times(mut self, times: &'a OpTimes<'a>) -> Self {
        self.times = Some(times);
        self
    }

    fn now(&self) -> u64 {
        self.times.map_or(0, |t| (t.clock)())
    }

    /// Adds the time since `t0` to the key-switch (`key_switch`) or
    /// rescale counters, and counts `n` operations.
    fn record(&self, t0: u64, key_switch: bool, n: u64) {
        if let Some(t) = self.times {
            let dt = (t.clock)().saturating_sub(t0);
            let (ns, count) =
                if key_switch { (&t.key_switch_ns, &t.key_switches) } else { (&t.rescale_ns, &t.rescales) };
            ns.set(ns.get() + dt);
            count.set(count.get() + n);
        }
    }

    /// Adds the relinearisation key (needed by [`Evaluator::mul_relin`]).
    pub fn with_relin_key(mut self, key: &'a RelinKey) -> Result<Self> {
        self.ctx.check_fingerprint("relinearisation key", key.0.fingerprint)?;
        self.relin = Some(key);
        Ok(self)
    }

    /// Adds Galois keys (needed by rotations and conjugation).
    pub fn with_galois_keys(mut self, keys: &'a GaloisKeys) -> Result<Self> {
        if let Some(k) = keys.keys.values().next() {
            self.ctx.check_fingerprint("Galois keys", k.fingerprint)?;
        }
        self.galois = Some(keys);
        Ok(self)
    }

    /// The context.
    pub fn context(&self) -> &'a Context {
        self.ctx
    }

    fn check(&self, ct: &Ciphertext) -> Result<()> {
        self.ctx.check_fingerprint("ciphertext", ct.fingerprint)?;
        ct.check_level(self.ctx.params())
    }

    fn check_pair(&self, what: &'static str, a: &Ciphertext, b: &Ciphertext) -> Result<()> {
        self.check(a)?;
        self.check(b)?;
        if a.level != b.level {
            return Err(Error::LevelMismatch { what, left: a.level, right: b.level });
        }
        if !scales_match(a.scale, b.scale) {
            return Err(Error::ScaleMismatch { what, left_log2: libm::log2(a.scale), right_log2: libm::log2(b.scale) });
        }
        if a.slots != b.slots {
            return Err(Error::InvalidArgument { reason: "operands pack different slot counts" });
        }
        Ok(())
    }

    fn plain_prefix<'p>(
        &self,
        what: &'static str,
        ct: &Ciphertext,
        pt: &'p Plaintext,
    ) -> Result<crate::ring::PolyRef<'p, Eval>> {
        self.ctx.check_fingerprint("plaintext", pt.fingerprint)?;
        if pt.level < ct.level {
            return Err(Error::LevelMismatch { what, left: ct.level, right: pt.level });
        }
        pt.poly.as_ref().prefix(ct.c0.limbs())
    }

    /// `a + b`.
    pub fn add(&self, a: &Ciphertext, b: &Ciphertext) -> Result<Ciphertext> {
        let mut out = a.clone();
        self.add_assign(&mut out, b)?;
        Ok(out)
    }

    /// `a += b`.
    pub fn add_assign(&self, a: &mut Ciphertext, b: &Ciphertext) -> Result<()> {
        self.check_pair("addition", a, b)?;
        a.c0.as_mut().add_assign(&b.c0.as_ref())?;
        a.c1.as_mut().add_assign(&b.c1.as_ref())
    }

    /// `a - b`.
    pub fn sub(&self, a: &Ciphertext, b: &Ciphertext) -> Result<Ciphertext> {
        self.check_pair("subtraction", a, b)?;
        let mut out = a.clone();
        out.c0.as_mut().sub_assign(&b.c0.as_ref())?;
        out.c1.as_mut().sub_assign(&b.c1.as_ref())?;
        Ok(out)
    }

    /// `-a`.
    pub fn neg(&self, a: &Ciphertext) -> Result<Ciphertext> {
        self.check(a)?;
        let mut out = a.clone();
        out.c0.as_mut().neg_assign();
        out.c1.as_mut().neg_assign();
        Ok(out)
    }

    /// `ct + pt` (same scale; the plaintext may be at a higher level).
    pub fn add_plain(&self, ct: &Ciphertext, pt: &Plaintext) -> Result<Ciphertext> {
        self.check(ct)?;
        let p = self.plain_prefix("plaintext addition", ct, pt)?;
        if !scales_match(ct.scale, pt.scale) {
            return Err(Error::ScaleMismatch {
                what: "plaintext addition",
                left_log2: libm::log2(ct.scale),
                right_log2: libm::log2(pt.scale),
            });
        }
        let mut out = ct.clone();
        out.c0.as_mut().add_assign(&p)?;
        Ok(out)
    }

    /// `ct - pt`.
    pub fn sub_plain(&self, ct: &Ciphertext, pt: &Plaintext) -> Result<Ciphertext> {
        let mut neg = pt.clone();
        neg.poly.as_mut().neg_assign();
        self.add_plain(ct, &neg)
    }

    /// `ct * pt`: the scale becomes the product of both scales.
    pub fn mul_plain(&self, ct: &Ciphertext, pt: &Plaintext) -> Result<Ciphertext> {
        self.check(ct)?;
        let p = self.plain_prefix("plaintext product", ct, pt)?;
        let mut out = ct.clone();
        out.c0.as_mut().mul_assign(&p)?;
        out.c1.as_mut().mul_assign(&p)?;
        out.scale *= pt.scale;
        Ok(out)
    }

    /// Residues of `round(x)` for a real `x` with `|x| < 2^120`.
    fn rns_constant(&self, level: u32, x: f64) -> Result<Vec<u32>> {
        if !x.is_finite() || libm::fabs(x) >= 1.329_227_995_784_916e36 {
            return Err(Error::InvalidArgument { reason: "constant times scale is not finite or exceeds 2^120" });
        }
        let v = libm::round(x) as i128;
        let (neg, mag) = (v < 0, v.unsigned_abs());
        Ok(self
            .ctx
            .q_tables(level)
            .iter()
            .map(|t| {
                let m = t.modulus();
                let two64 = m.mul(m.reduce_u64(1 << 32), m.reduce_u64(1 << 32));
                let r = m.add(m.mul(m.reduce_u64((mag >> 64) as u64), two64), m.reduce_u64(mag as u64));
                if neg {
                    m.neg(r)
                } else {
                    r
                }
            })
            .collect())
    }

    /// `ct + c` for a real constant `c` (added to every slot).
    pub fn add_const(&self, ct: &Ciphertext, c: f64) -> Result<Ciphertext> {
        self.check(ct)?;
        let r = self.rns_constant(ct.level, c * ct.scale)?;
        let mut out = ct.clone();
        // A constant polynomial's NTT is that constant in every slot.
        let n = self.ctx.params().n();
        let tables = self.ctx.q_tables(ct.level);
        let d = out.c0.as_mut().into_data();
        for (i, t) in tables.iter().enumerate() {
            let m = t.modulus();
            d[i * n..(i + 1) * n].iter_mut().for_each(|x| *x = m.add(*x, r[i]));
        }
        Ok(out)
    }

    /// `ct * c` for an integer constant (the scale is unchanged).
    pub fn mul_int(&self, ct: &Ciphertext, c: i64) -> Result<Ciphertext> {
        self.check(ct)?;
        let r = self.rns_constant(ct.level, c as f64)?;
        let mut out = ct.clone();
        out.c0.as_mut().mul_rns_scalar_assign(&r)?;
        out.c1.as_mut().mul_rns_scalar_assign(&r)?;
        Ok(out)
    }

    /// The product of the primes the next rescale of a level-`level`
    /// ciphertext removes.
    pub fn rescale_divisor(&self, level: u32) -> Result<f64> {
        if level == 0 {
            return Err(Error::LevelExhausted { what: "rescale", level });
        }
        let params = self.ctx.params();
        let q = params.q_primes();
        Ok(q[params.limbs_at(level - 1)..params.limbs_at(level)].iter().map(|&x| x as f64).product())
    }

    /// `ct * c` for a real constant, encoded at the scale of the primes the
    /// next rescale removes (so `rescale` restores `ct`'s scale exactly).
    /// Needs a level to rescale.
    pub fn mul_const(&self, ct: &Ciphertext, c: f64) -> Result<Ciphertext> {
        self.check(ct)?;
        let d = self.rescale_divisor(ct.level).map_err(|_| Error::LevelExhausted { what: "mul_const", level: 0 })?;
        self.mul_const_scaled(ct, c, d)
    }

    /// `ct * c` with the constant encoded at `const_scale`, without
    /// rescaling: the result's scale is `ct.scale * const_scale`. The
    /// building block for scale-exact sums (see
    /// [`Evaluator::linear_combination`]): pick `const_scale` so that
    /// every term lands on the same scale. `round(c * const_scale)` must
    /// stay below 2^120; the constant is represented to within
    /// `0.5 / const_scale`.
    pub fn mul_const_scaled(&self, ct: &Ciphertext, c: f64, const_scale: f64) -> Result<Ciphertext> {
        self.check(ct)?;
        if !(const_scale.is_finite() && const_scale >= 1.0) {
            return Err(Error::InvalidArgument { reason: "a constant's scale must be finite and at least 1" });
        }
        let r = self.rns_constant(ct.level, c * const_scale)?;
        let mut out = ct.clone();
        out.c0.as_mut().mul_rns_scalar_assign(&r)?;
        out.c1.as_mut().mul_rns_scalar_assign(&r)?;
        out.scale *= const_scale;
        Ok(out)
    }

    /// `sum_i c_i x_i + c0`, rescaled once, with a result of scale exactly
    /// `target_scale`, one level below the lowest operand (operands at
    /// higher levels are dropped first; their scales may differ). Each
    /// constant is encoded at `target_scale * q / scale(x_i)` with `q` the
    /// rescaled prime(s), so the terms add at one scale and the rescale
    /// lands on `target_scale`. Zero constants are skipped, but at least
    /// one term is needed (for the level and slot count).
    pub fn linear_combination(&self, terms: &[(&Ciphertext, f64)], c0: f64, target_scale: f64) -> Result<Ciphertext> {
        let first = terms.first().ok_or(Error::InvalidArgument { reason: "a linear combination needs a term" })?;
        let mut level = first.0.level;
        for (ct, _) in terms {
            self.check(ct)?;
            if ct.slots != first.0.slots {
                return Err(Error::InvalidArgument { reason: "operands pack different slot counts" });
            }
            level = level.min(ct.level);
        }
        let divisor =
            self.rescale_divisor(level).map_err(|_| Error::LevelExhausted { what: "linear combination", level: 0 })?;
        let product_scale = target_scale * divisor;
        // One pass per term and limb straight into the accumulators (no
        // copies of the operands: a higher-level operand's first limbs are
        // its residues at `level`).
        let n = self.ctx.params().n();
        let k = self.ctx.params().limbs_at(level);
        let reducers: Vec<Reducer> = self.ctx.q_tables(level).iter().map(|t| Reducer::new(t.modulus())).collect();
        let (mut d0, mut d1) = (vec![0u32; k * n], vec![0u32; k * n]);
        for &(ct, c) in terms {
            if c == 0.0 {
                continue;
            }
            let r = self.rns_constant(level, c * (product_scale / ct.scale))?;
            for (i, red) in reducers.iter().enumerate() {
                let l = i * n..(i + 1) * n;
                kernels::mul_scalar_acc(red, r[i], &ct.c0.data()[l.clone()], &mut d0[l.clone()]);
                kernels::mul_scalar_acc(red, r[i], &ct.c1.data()[l.clone()], &mut d1[l]);
            }
        }
        let mut acc = Ciphertext {
            c0: Poly::from_data_trusted(self.ctx.q_basis(), k, d0),
            c1: Poly::from_data_trusted(self.ctx.q_basis(), k, d1),
            level,
            scale: product_scale,
            slots: first.0.slots,
            fingerprint: first.0.fingerprint,
        };
        if c0 != 0.0 {
            acc = self.add_const(&acc, c0)?;
        }
        let mut out = self.rescale(&acc)?;
        out.scale = target_scale;
        Ok(out)
    }

    /// `a * b` relinearised: the scale becomes the product of the scales.
    pub fn mul_relin(&self, a: &Ciphertext, b: &Ciphertext) -> Result<Ciphertext> {
        let what = "ciphertext multiplication";
        self.check(a)?;
        self.check(b)?;
        if a.level != b.level {
            return Err(Error::LevelMismatch { what, left: a.level, right: b.level });
        }
        if a.slots != b.slots {
            return Err(Error::InvalidArgument { reason: "operands pack different slot counts" });
        }
        let key = self.relin.ok_or(Error::MissingKey { kind: "relinearisation", galois: 0 })?;
        // The tensor product straight into fresh buffers (no copies of the
        // inputs): d0 = a0 b0, d1 = a0 b1 + a1 b0 (one reduction), d2 = a1 b1.
        let n = self.ctx.params().n();
        let k = a.c0.limbs();
        let tables = self.ctx.q_tables(a.level);
        let (mut d0, mut d1, mut d2) = (vec![0u32; k * n], vec![0u32; k * n], scratch::take(k * n));
        let (a0, a1, b0, b1) = (a.c0.data(), a.c1.data(), b.c0.data(), b.c1.data());
        for (i, t) in tables.iter().enumerate() {
            let r = Reducer::new(t.modulus());
            let l = i * n..(i + 1) * n;
            kernels::mul(&r, &a0[l.clone()], &b0[l.clone()], &mut d0[l.clone()]);
            kernels::mul_add_mul(
                &r,
                &a0[l.clone()],
                &b1[l.clone()],
                &a1[l.clone()],
                &b0[l.clone()],
                &mut d1[l.clone()],
            );
            kernels::mul(&r, &a1[l.clone()], &b1[l.clone()], &mut d2[l]);
        }
        self.relinearise(key, a, a.scale * b.scale, d0, d1, d2)
    }

    /// `sum_i a_i * b_i` with a single relinearisation: the tensor
    /// products are accumulated before the one key switch (an inner
    /// product of encrypted vectors costs one key switch, not one per
    /// term). All operands share level, slots, and the pairs' scale
    /// products must be equal; the result has that scale.
    pub fn mul_sum_relin(&self, pairs: &[(&Ciphertext, &Ciphertext)]) -> Result<Ciphertext> {
        let what = "sum of ciphertext products";
        let (a, b) = *pairs.first().ok_or(Error::InvalidArgument { reason: "a sum of products needs a pair" })?;
        let key = self.relin.ok_or(Error::MissingKey { kind: "relinearisation", galois: 0 })?;
        let scale = a.scale * b.scale;
        for &(x, y) in pairs {
            self.check(x)?;
            self.check(y)?;
            for z in [x, y] {
                if z.level != a.level {
                    return Err(Error::LevelMismatch { what, left: a.level, right: z.level });
                }
                if z.slots != a.slots {
                    return Err(Error::InvalidArgument { reason: "operands pack different slot counts" });
                }
            }
            if !scales_match(x.scale * y.scale, scale) {
                return Err(Error::ScaleMismatch {
                    what,
                    left_log2: libm::log2(scale),
                    right_log2: libm::log2(x.scale * y.scale),
                });
            }
        }
        let n = self.ctx.params().n();
        let k = a.c0.limbs();
        let tables = self.ctx.q_tables(a.level);
        let (mut d0, mut d1, mut d2) = (vec![0u32; k * n], vec![0u32; k * n], scratch::take(k * n));
        d2.iter_mut().for_each(|x| *x = 0);
        for (i, t) in tables.iter().enumerate() {
            let r = Reducer::new(t.modulus());
            let l = i * n..(i + 1) * n;
            let (o0, o1, o2) = (&mut d0[l.clone()], &mut d1[l.clone()], &mut d2[l.clone()]);
            for &(x, y) in pairs {
                let (x0, x1) = (&x.c0.data()[l.clone()], &x.c1.data()[l.clone()]);
                let (y0, y1) = (&y.c0.data()[l.clone()], &y.c1.data()[l.clone()]);
                kernels::mul_acc(&r, x0, y0, o0);
                kernels::mul_acc(&r, x0, y1, o1);
                kernels::mul_acc(&r, x1, y0, o1);
                kernels::mul_acc(&r, x1, y1, o2);
            }
        }
        self.relinearise(key, a, scale, d0, d1, d2)
    }

    /// The ciphertext `(d0, d1) + keyswitch(d2)` of a tensor product at
    /// `like`'s level, slots and parameters, with scale `scale`.
    fn relinearise(
        &self,
        key: &RelinKey,
        like: &Ciphertext,
        scale: f64,
        mut d0: Vec<u32>,
        mut d1: Vec<u32>,
        d2: Vec<u32>,
    ) -> Result<Ciphertext> {
        let k = like.c0.limbs();
        let d2 = Poly::<Eval>::from_data_trusted(self.ctx.q_basis(), k, d2);
        let t0 = self.now();
        let dec = decompose_owned(self.ctx, like.level, d2)?;
        switch_add(self.ctx, &dec, &key.0, None, &mut d0, &mut d1)?;
        self.record(t0, true, 1);
        Ok(Ciphertext {
            c0: Poly::from_data_trusted(self.ctx.q_basis(), k, d0),
            c1: Poly::from_data_trusted(self.ctx.q_basis(), k, d1),
            level: like.level,
            scale,
            slots: like.slots,
            fingerprint: like.fingerprint,
        })
    }

    /// `a^2` relinearised.
    pub fn square(&self, a: &Ciphertext) -> Result<Ciphertext> {
        self.mul_relin(a, a)
    }

    /// Divides by the level's prime(s) and drops the level.
    pub fn rescale(&self, ct: &Ciphertext) -> Result<Ciphertext> {
        self.check(ct)?;
        let divisor = self.rescale_divisor(ct.level)?;
        let params = self.ctx.params();
        let count = params.primes_per_level() as usize;
        let keep = params.limbs_at(ct.level - 1);
        let engine = self.ctx.engine();
        // In the NTT domain: only the dropped limbs are transformed back.
        let n = params.n();
        let mut scratch = scratch::take((count + 1) * n);
        let t0 = self.now();
        let mut rescale = |p: &Poly<Eval>| -> Result<Poly<Eval>> {
            let mut out = vec![0u32; keep * n];
            divide_round_by_last_eval(&p.as_ref(), count, engine, &mut out, &mut scratch)?;
            Ok(Poly::from_data_trusted(self.ctx.q_basis(), keep, out))
        };
        let c0 = rescale(&ct.c0)?;
        let c1 = rescale(&ct.c1)?;
        scratch::give(scratch);
        self.record(t0, false, 1);
        Ok(Ciphertext {
            c0,
            c1,
            level: ct.level - 1,
            scale: ct.scale / divisor,
            slots: ct.slots,
            fingerprint: ct.fingerprint,
        })
    }

    /// Drops `levels` levels without dividing (the scale is unchanged).
    pub fn drop_level(&self, ct: &Ciphertext, levels: u32) -> Result<Ciphertext> {
        self.check(ct)?;
        if levels > ct.level {
            return Err(Error::LevelExhausted { what: "drop_level", level: ct.level });
        }
        let mut out = ct.clone();
        out.level -= levels;
        let keep = self.ctx.params().limbs_at(out.level);
        out.c0.truncate(keep)?;
        out.c1.truncate(keep)?;
        Ok(out)
    }

    fn galois_key(&self, g: u64) -> Result<&'a super::keys::SwitchingKey> {
        let keys = self.galois.ok_or(Error::MissingKey { kind: "Galois", galois: g })?;
        let key = keys.get(g).ok_or(Error::MissingKey { kind: "Galois", galois: g })?;
        check_galois(key, g)?;
        Ok(key)
    }

    fn apply_galois(&self, ct: &Ciphertext, dec: &super::keyswitch::Decomposed, g: u64) -> Result<Ciphertext> {
        let key = self.galois_key(g)?;
        // One slot map serves c0's automorphism and the key switch.
        let n = self.ctx.params().n();
        let perm = slot_map(n, g);
        let mut c0 = Poly::<Eval>::zero(self.ctx.q_basis(), ct.c0.limbs())?;
        for (o, i) in c0.as_mut().into_data().chunks_exact_mut(n).zip(ct.c0.data().chunks_exact(n)) {
            kernels::gather(i, &perm, o);
        }
        let mut c1 = Poly::<Eval>::zero(self.ctx.q_basis(), ct.c0.limbs())?;
        switch_add(self.ctx, dec, key, Some(&perm), c0.as_mut().into_data(), c1.as_mut().into_data())?;
        Ok(Ciphertext { c0, c1, level: ct.level, scale: ct.scale, slots: ct.slots, fingerprint: ct.fingerprint })
    }

    /// Rotates the slots left by `r` (right for negative `r`), cyclically
    /// over the ciphertext's slot count. Needs the Galois key for `r`.
    pub fn rotate(&self, ct: &Ciphertext, r: i64) -> Result<Ciphertext> {
        Ok(self.rotate_hoisted(ct, &[r])?.remove(0))
    }

    /// Several rotations of one ciphertext sharing one decomposition.
    pub fn rotate_hoisted(&self, ct: &Ciphertext, rotations: &[i64]) -> Result<Vec<Ciphertext>> {
        self.check(ct)?;
        let n = self.ctx.params().n();
        // With sparse packing the N/2 slots repeat the ciphertext's slots,
        // so rotating them all by r rotates the packed vector by r.
        let elements: Vec<u64> = rotations.iter().map(|&r| galois_element(r, n)).collect();
        for &g in &elements {
            if g != 1 {
                self.galois_key(g)?;
            }
        }
        let t0 = self.now();
        let dec = if elements.iter().any(|&g| g != 1) { Some(decompose(self.ctx, ct.level, &ct.c1)?) } else { None };
        let out = elements
            .iter()
            .map(|&g| match (&dec, g) {
                (Some(d), g) if g != 1 => self.apply_galois(ct, d, g),
                _ => Ok(ct.clone()),
            })
            .collect();
        self.record(t0, true, elements.iter().filter(|&&g| g != 1).count() as u64);
        out
    }

    /// Complex conjugation of every slot. Needs the conjugation key.
    pub fn conjugate(&self, ct: &Ciphertext) -> Result<Ciphertext> {
        self.check(ct)?;
        let g = conjugation_element(self.ctx.params().n());
        self.galois_key(g)?;
        let t0 = self.now();
        let dec = decompose(self.ctx, ct.level, &ct.c1)?;
        let out = self.apply_galois(ct, &dec, g);
        self.record(t0, true, 1);
        out
    }

    /// Slot `i` of the result holds the sum of slots `i .. i + count`
    /// (cyclically); `count` a power of two. Needs rotation keys for
    /// `1, 2, 4, .., count/2`.
    pub fn sum_slots(&self, ct: &Ciphertext, count: usize) -> Result<Ciphertext> {
        self.rotate_and_add(ct, count, 1)
    }

    /// Slot `i` of the result holds the sum of slots `i - count + 1 .. i`:
    /// with a value in slot 0 and zeros in slots `1..count`, it copies the
    /// value to slots `0..count`. Needs rotation keys for
    /// `-1, -2, .., -count/2`.
    pub fn replicate(&self, ct: &Ciphertext, count: usize) -> Result<Ciphertext> {
        self.rotate_and_add(ct, count, -1)
    }

    fn rotate_and_add(&self, ct: &Ciphertext, count: usize, sign: i64) -> Result<Ciphertext> {
        if !count.is_power_of_two() || count > ct.slots {
            return Err(Error::InvalidArgument {
                reason: "the slot count to sum must be a power of two up to the slots",
            });
        }
        let mut acc = ct.clone();
        let mut step = 1usize;
        while step < count {
            let r = self.rotate(&acc, sign * step as i64)?;
            self.add_assign(&mut acc, &r)?;
            step *= 2;
        }
        Ok(acc)
    }
}
