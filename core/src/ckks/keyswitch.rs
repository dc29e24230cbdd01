//! Hybrid key switching (Han-Ki 2020; Lattigo's and OpenFHE's "hybrid"):
//! decompose a polynomial into `dnum` digits of `alpha` primes, raise each
//! digit to `Q_l * P` by exact (centred) basis conversion (ModUp), take the
//! inner product with the key's digits, and divide by `P` with rounding
//! (ModDown).
//!
//! Decomposition is separate from the inner product so that several
//! rotations of one ciphertext share it (hoisting): an automorphism of the
//! raised digits is only a permutation of NTT slots, applied as an index
//! map inside the inner product instead of a copy.

use alloc::vec;
use alloc::vec::Vec;

use super::context::Context;
use super::keys::SwitchingKey;
use crate::ring::automorphism::eval_source_index;
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
    let qt = ctx.q_tables(level);
    let pt = ctx.p_basis().tables();
    let alpha = pt.len();
    let d_coeff = d.clone().into_coeff(engine)?;
    let dc = d_coeff.data();
    let de = d.data();
    let mut digits = Vec::with_capacity(consts.digits.len());
    for digit in &consts.digits {
        let mut rest = vec![0u32; digit.to_rest.to_len() * n];
        digit.to_rest.convert_centered_raw(n, &dc[digit.start * n..digit.end * n], &mut rest)?;
        let mut q = Poly::<Eval>::zero(ctx.q_basis(), k)?;
        let mut p = Poly::<Eval>::zero(ctx.p_basis(), alpha)?;
        {
            let qd = q.as_mut().into_data();
            let mut r = 0;
            for i in 0..k {
                let out = &mut qd[i * n..(i + 1) * n];
                if (digit.start..digit.end).contains(&i) {
                    // The digit's own limbs are d's: already in the NTT domain.
                    out.copy_from_slice(&de[i * n..(i + 1) * n]);
                } else {
                    out.copy_from_slice(&rest[r * n..(r + 1) * n]);
                    engine.forward(&qt[i..i + 1], out)?;
                    r += 1;
                }
            }
            let pd = p.as_mut().into_data();
            pd.copy_from_slice(&rest[r * n..]);
            engine.forward(pt, pd)?;
        }
        digits.push((q, p));
    }
    Ok(Decomposed { level, digits })
}

/// `acc0 = sum_j d_j * b_j`, `acc1 = sum_j d_j * a_j` on one limb, with
/// `d_j` read through the slot map `perm` (an automorphism) when given.
/// Products are summed in `u64` (each below 2^60, at most 16 per sum) and
/// reduced once.
#[allow(clippy::too_many_arguments)]
fn inner_product_limb(
    m: &crate::arith::Modulus,
    d: &[&[u32]],
    b: &[&[u32]],
    a: &[&[u32]],
    perm: Option<&[u32]>,
    acc0: &mut [u32],
    acc1: &mut [u32],
) {
    let n = acc0.len();
    const B: usize = 512;
    let mut s0 = [0u64; B];
    let mut s1 = [0u64; B];
    let mut start = 0;
    while start < n {
        let len = B.min(n - start);
        s0[..len].fill(0);
        s1[..len].fill(0);
        for j in 0..d.len() {
            let (bj, aj) = (&b[j][start..start + len], &a[j][start..start + len]);
            match perm {
                None => {
                    let dj = &d[j][start..start + len];
                    for c in 0..len {
                        let x = dj[c] as u64;
                        s0[c] += x * bj[c] as u64;
                        s1[c] += x * aj[c] as u64;
                    }
                }
                Some(pm) => {
                    let pm = &pm[start..start + len];
                    for c in 0..len {
                        let x = d[j][pm[c] as usize] as u64;
                        s0[c] += x * bj[c] as u64;
                        s1[c] += x * aj[c] as u64;
                    }
                }
            }
        }
        for c in 0..len {
            acc0[start + c] = m.reduce_u64(s0[c]);
            acc1[start + c] = m.reduce_u64(s1[c]);
        }
        start += len;
    }
}

fn limb(p: &Poly<Eval>, i: usize, n: usize) -> &[u32] {
    &p.data()[i * n..(i + 1) * n]
}

/// The NTT-slot map of `X -> X^g`: slot `j` reads slot `map[j]`.
pub(crate) fn slot_map(n: usize, g: u64) -> Vec<u32> {
    (0..n).map(|j| eval_source_index(j, g, n) as u32).collect()
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
    let n = ctx.params().n();
    let level = dec.level;
    let k = ctx.params().limbs_at(level);
    let alpha = ctx.p_basis().len();
    let nd = dec.digits.len();
    if nd > key.digits.len() || nd > 16 {
        return Err(Error::InvalidArgument { reason: "key-switching key has fewer digits than the parameters need" });
    }
    let perm = galois.map(|g| slot_map(n, g));
    let mut acc0_q = Poly::<Eval>::zero(ctx.q_basis(), k)?;
    let mut acc1_q = Poly::<Eval>::zero(ctx.q_basis(), k)?;
    let mut acc0_p = Poly::<Eval>::zero(ctx.p_basis(), alpha)?;
    let mut acc1_p = Poly::<Eval>::zero(ctx.p_basis(), alpha)?;
    {
        let (o0, o1) = (acc0_q.as_mut().into_data(), acc1_q.as_mut().into_data());
        for (i, t) in ctx.q_tables(level).iter().enumerate() {
            let d: Vec<&[u32]> = dec.digits.iter().map(|(q, _)| limb(q, i, n)).collect();
            let b: Vec<&[u32]> = key.digits[..nd].iter().map(|kd| limb(&kd.b_q, i, n)).collect();
            let a: Vec<&[u32]> = key.digits[..nd].iter().map(|kd| limb(&kd.a_q, i, n)).collect();
            inner_product_limb(
                t.modulus(),
                &d,
                &b,
                &a,
                perm.as_deref(),
                &mut o0[i * n..(i + 1) * n],
                &mut o1[i * n..(i + 1) * n],
            );
        }
        let (o0, o1) = (acc0_p.as_mut().into_data(), acc1_p.as_mut().into_data());
        for (i, t) in ctx.p_basis().tables().iter().enumerate() {
            let d: Vec<&[u32]> = dec.digits.iter().map(|(_, p)| limb(p, i, n)).collect();
            let b: Vec<&[u32]> = key.digits[..nd].iter().map(|kd| limb(&kd.b_p, i, n)).collect();
            let a: Vec<&[u32]> = key.digits[..nd].iter().map(|kd| limb(&kd.a_p, i, n)).collect();
            inner_product_limb(
                t.modulus(),
                &d,
                &b,
                &a,
                perm.as_deref(),
                &mut o0[i * n..(i + 1) * n],
                &mut o1[i * n..(i + 1) * n],
            );
        }
    }
    Ok((mod_down(ctx, level, acc0_q, acc0_p)?, mod_down(ctx, level, acc1_q, acc1_p)?))
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
