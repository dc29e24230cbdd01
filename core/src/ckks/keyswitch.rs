//! Hybrid key switching (Han-Ki 2020; Lattigo's and OpenFHE's "hybrid"):
//! decompose a polynomial into `dnum` digits of `alpha` primes, raise each
//! digit to `Q_l * P` by fast basis conversion (ModUp), take the inner
//! product with the key's digits, and divide by `P` (ModDown).
//!
//! Decomposition is separate from the inner product so that several
//! rotations of one ciphertext share it (hoisting): an automorphism of the
//! raised digits is only a permutation of NTT slots.

use alloc::vec;
use alloc::vec::Vec;

use super::context::Context;
use super::keys::SwitchingKey;
use crate::ring::automorphism;
use crate::ring::{Coeff, Eval, Poly};
use crate::{Error, Result};

/// A polynomial at `level`, decomposed and raised to `Q_l * P`: digit `j`
/// as its `Q_l` and `P` parts, NTT domain.
pub(crate) struct Decomposed {
    pub(crate) level: u32,
    pub(crate) digits: Vec<(Poly<Eval>, Poly<Eval>)>,
}

/// ModUp of every digit of `d` (NTT domain over `Q_level`).
pub(crate) fn decompose(ctx: &Context, level: u32, d: &Poly<Eval>) -> Result<Decomposed> {
    let engine = ctx.engine();
    let n = ctx.params().n();
    let k = ctx.params().limbs_at(level);
    let consts = ctx.level_constants(level);
    let d_coeff = d.clone().into_coeff(engine)?;
    let dc = d_coeff.data();
    let mut digits = Vec::with_capacity(consts.digits.len());
    for digit in &consts.digits {
        let mut rest = vec![0u32; digit.to_rest.to_len() * n];
        digit.to_rest.convert_centered_raw(n, &dc[digit.start * n..digit.end * n], &mut rest)?;
        let mut q = Poly::<Coeff>::zero(ctx.q_basis(), k)?;
        {
            let qd = q.as_mut().into_data();
            let mut r = 0;
            for i in 0..k {
                let src = if (digit.start..digit.end).contains(&i) {
                    &dc[i * n..(i + 1) * n]
                } else {
                    r += 1;
                    &rest[(r - 1) * n..r * n]
                };
                qd[i * n..(i + 1) * n].copy_from_slice(src);
            }
            let p_words = rest.split_off(r * n);
            let mut p = Poly::<Coeff>::zero(ctx.p_basis(), ctx.p_basis().len())?;
            p.as_mut().into_data().copy_from_slice(&p_words);
            digits.push((q, p));
        }
    }
    let digits = digits
        .into_iter()
        .map(|(q, p)| Ok((q.into_eval(engine)?, p.into_eval(engine)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Decomposed { level, digits })
}

/// Inner product of the (optionally automorphism-permuted) digits with
/// `key`, then ModDown: returns `(k0, k1)` over `Q_level` with
/// `k0 + k1 s = d' s' + small`, where `d'` is the decomposed polynomial
/// (after `X -> X^galois` when given) and `s'` the key's source secret.
pub(crate) fn switch(
    ctx: &Context,
    dec: &Decomposed,
    key: &SwitchingKey,
    galois: Option<u64>,
) -> Result<(Poly<Eval>, Poly<Eval>)> {
    ctx.check_fingerprint("key-switching key", key.fingerprint)?;
    let engine = ctx.engine();
    let n = ctx.params().n();
    let level = dec.level;
    let k = ctx.params().limbs_at(level);
    let alpha = ctx.p_basis().len();
    if dec.digits.len() > key.digits.len() {
        return Err(Error::InvalidArgument { reason: "key-switching key has fewer digits than the parameters need" });
    }
    let qt = ctx.q_tables(level);
    let pt = ctx.p_basis().tables();
    let mut acc = [
        Poly::<Eval>::zero(ctx.q_basis(), k)?,
        Poly::<Eval>::zero(ctx.p_basis(), alpha)?,
        Poly::<Eval>::zero(ctx.q_basis(), k)?,
        Poly::<Eval>::zero(ctx.p_basis(), alpha)?,
    ];
    let mut perm_q = Poly::<Eval>::zero(ctx.q_basis(), k)?;
    let mut perm_p = Poly::<Eval>::zero(ctx.p_basis(), alpha)?;
    for ((dq, dp), kd) in dec.digits.iter().zip(&key.digits) {
        let (dq, dp) = match galois {
            Some(g) => {
                automorphism::apply(&dq.as_ref(), g, &mut perm_q.as_mut())?;
                automorphism::apply(&dp.as_ref(), g, &mut perm_p.as_mut())?;
                (&perm_q, &perm_p)
            }
            None => (dq, dp),
        };
        let [a0q, a0p, a1q, a1p] = &mut acc;
        engine.mul_acc_pointwise(qt, dq.data(), &kd.b_q.data()[..k * n], a0q.as_mut().into_data())?;
        engine.mul_acc_pointwise(pt, dp.data(), kd.b_p.data(), a0p.as_mut().into_data())?;
        engine.mul_acc_pointwise(qt, dq.data(), &kd.a_q.data()[..k * n], a1q.as_mut().into_data())?;
        engine.mul_acc_pointwise(pt, dp.data(), kd.a_p.data(), a1p.as_mut().into_data())?;
    }
    let [a0q, a0p, a1q, a1p] = acc;
    Ok((mod_down(ctx, level, a0q, a0p)?, mod_down(ctx, level, a1q, a1p)?))
}

/// `round((x_q, x_p) / P)` over `Q_level`: subtracting the centred
/// representative of `x mod P` leaves an exact multiple of `P`.
pub(crate) fn mod_down(ctx: &Context, level: u32, x_q: Poly<Eval>, x_p: Poly<Eval>) -> Result<Poly<Eval>> {
    let engine = ctx.engine();
    let n = ctx.params().n();
    let k = ctx.params().limbs_at(level);
    let consts = ctx.level_constants(level);
    let p_coeff = x_p.into_coeff(engine)?;
    let mut conv = Poly::<Coeff>::zero(ctx.q_basis(), k)?;
    consts.p_to_q.convert_centered_raw(n, p_coeff.data(), conv.as_mut().into_data())?;
    let conv = conv.into_eval(engine)?;
    let mut out = x_q;
    {
        let tables = ctx.q_tables(level);
        let od = out.as_mut().into_data();
        for (i, t) in tables.iter().enumerate() {
            let m = t.modulus();
            let (w, ws) = consts.p_inv[i];
            let cd = &conv.data()[i * n..(i + 1) * n];
            for (x, &c) in od[i * n..(i + 1) * n].iter_mut().zip(cd) {
                *x = m.mul_shoup(m.sub(*x, c), w, ws);
            }
        }
    }
    Ok(out)
}
