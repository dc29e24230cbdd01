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

use alloc::vec::Vec;

use super::context::Context;
use super::keys::SwitchingKey;
use crate::ntt::kernels::{self, Reducer};
use crate::ring::automorphism::eval_source_index;
use crate::ring::{Eval, Poly};
use crate::{Error, Result};

/// Reuse of the large temporary buffers of key switching.
///
/// Each operation needs several buffers of `(k + alpha) N` words. Fresh
/// allocations of that size come from `mmap` or a trimmed heap, and the
/// page faults and zeroing measured about a fifth of a multiplication at
/// N = 2^14, so with `std` a thread-local pool keeps them. Buffers are
/// handed out with stale contents: every user overwrites all of a buffer
/// before reading it (the data are ciphertext-derived, public).
pub(crate) mod scratch {
    use alloc::vec::Vec;

    /// Most words the pool keeps (256 MiB); beyond it, buffers are freed.
    #[cfg(feature = "std")]
    const MAX_POOLED_WORDS: usize = 1 << 26;

    #[cfg(feature = "std")]
    std::thread_local! {
        static POOL: core::cell::RefCell<Vec<Vec<u32>>> = const { core::cell::RefCell::new(Vec::new()) };
    }

    /// A buffer of `len` words with unspecified contents.
    pub(crate) fn take(len: usize) -> Vec<u32> {
        #[cfg(feature = "std")]
        {
            let reused = POOL.with(|p| {
                let mut p = p.borrow_mut();
                // The smallest pooled buffer that fits without reallocating.
                let i = (0..p.len()).filter(|&i| p[i].capacity() >= len).min_by_key(|&i| p[i].capacity());
                i.map(|i| p.swap_remove(i))
            });
            if let Some(mut v) = reused {
                v.resize(len, 0);
                return v;
            }
        }
        alloc::vec![0u32; len]
    }

    /// Returns a buffer to the pool.
    pub(crate) fn give(v: Vec<u32>) {
        #[cfg(feature = "std")]
        POOL.with(|p| {
            let mut p = p.borrow_mut();
            let pooled: usize = p.iter().map(Vec::capacity).sum();
            if pooled + v.capacity() <= MAX_POOLED_WORDS {
                p.push(v);
            }
        });
        #[cfg(not(feature = "std"))]
        drop(v);
    }
}

/// A polynomial at `level`, decomposed and raised to `Q_l * P`: digit `j`
/// as `k + alpha` limbs (the `Q_l` limbs, then the `P` limbs), NTT domain.
pub(crate) struct Decomposed {
    pub(crate) level: u32,
    pub(crate) digits: Vec<Vec<u32>>,
}

impl Drop for Decomposed {
    fn drop(&mut self) {
        self.digits.drain(..).for_each(scratch::give);
    }
}

/// ModUp of every digit of `d` (NTT domain over `Q_level`).
pub(crate) fn decompose(ctx: &Context, level: u32, d: &Poly<Eval>) -> Result<Decomposed> {
    // A pooled copy (a fresh one would page-fault on first touch).
    let mut copy = scratch::take(d.data().len());
    copy.copy_from_slice(d.data());
    decompose_owned(ctx, level, Poly::from_data_trusted(d.basis(), d.limbs(), copy))
}

/// [`decompose`] consuming `d`, whose storage then holds its coefficients
/// (no copy when the caller has no further use for `d`).
pub(crate) fn decompose_owned(ctx: &Context, level: u32, d: Poly<Eval>) -> Result<Decomposed> {
    let engine = ctx.engine();
    let n = ctx.params().n();
    let k = ctx.params().limbs_at(level);
    if d.limbs() != k {
        return Err(Error::BasisMismatch { what: "key switching: the polynomial is not at the level" });
    }
    let consts = ctx.level_constants(level);
    let qt = ctx.q_tables(level);
    let pt = ctx.p_basis().tables();
    let alpha = pt.len();
    // The digit's own limbs are d's: already in the NTT domain.
    let mut digits: Vec<Vec<u32>> = consts
        .digits
        .iter()
        .map(|digit| {
            let mut buf = scratch::take((k + alpha) * n);
            buf[digit.start * n..digit.end * n].copy_from_slice(&d.data()[digit.start * n..digit.end * n]);
            buf
        })
        .collect();
    let dc = d.into_coeff(engine)?;
    let dc = dc.into_data();
    for (digit, buf) in consts.digits.iter().zip(digits.iter_mut()) {
        let (s, e) = (digit.start, digit.end);
        digit.to_rest.convert_centered_gap(n, &dc[s * n..e * n], buf, s, e - s)?;
        // (Engines reject empty limb ranges: the first and last digits
        // have no limbs on one side.)
        if s > 0 {
            engine.forward(&qt[..s], &mut buf[..s * n])?;
        }
        if e < k {
            engine.forward(&qt[e..], &mut buf[e * n..k * n])?;
        }
        engine.forward(pt, &mut buf[k * n..])?;
    }
    scratch::give(dc);
    Ok(Decomposed { level, digits })
}

crate::ntt::kernels::multiversion! {
    /// `acc0 = sum_j d_j * b_j`, `acc1 = sum_j d_j * a_j` on one limb, with
    /// `d_j` read through the slot map `perm` (an automorphism) when given.
    /// Products are summed in `u64` (each below 2^60, at most 16 per sum)
    /// and reduced once.
    fn inner_product_limb(
        r: &Reducer,
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
        let mut g = [0u32; B];
        let mut start = 0;
        while start < n {
            let len = B.min(n - start);
            for j in 0..d.len() {
                let (bj, aj) = (&b[j][start..start + len], &a[j][start..start + len]);
                let dj = match perm {
                    None => &d[j][start..start + len],
                    Some(pm) => {
                        // Gather the block first, so that the sums below
                        // vectorise the same way with or without a map.
                        for (x, &i) in g[..len].iter_mut().zip(&pm[start..start + len]) {
                            *x = d[j][i as usize];
                        }
                        &g[..len]
                    }
                };
                // The first digit initialises the sums (no separate zeroing).
                if j == 0 {
                    for c in 0..len {
                        let x = dj[c] as u64;
                        s0[c] = x * bj[c] as u64;
                        s1[c] = x * aj[c] as u64;
                    }
                } else {
                    for c in 0..len {
                        let x = dj[c] as u64;
                        s0[c] += x * bj[c] as u64;
                        s1[c] += x * aj[c] as u64;
                    }
                }
            }
            for c in 0..len {
                acc0[start + c] = r.reduce(s0[c]);
                acc1[start + c] = r.reduce(s1[c]);
            }
            start += len;
        }
    }
}

/// The NTT-slot map of `X -> X^g`: slot `j` reads slot `map[j]`.
pub(crate) fn slot_map(n: usize, g: u64) -> Vec<u32> {
    (0..n).map(|j| eval_source_index(j, g, n) as u32).collect()
}

/// Inner product of the (optionally automorphism-permuted) digits with
/// `key`, then ModDown: returns `(k0, k1)` over `Q_level` with
/// `k0 + k1 s = d' s' + small`, where `d'` is the decomposed polynomial
/// (after `X -> X^galois` when given) and `s'` the key's source secret.
#[cfg(test)]
pub(crate) fn switch(
    ctx: &Context,
    dec: &Decomposed,
    key: &SwitchingKey,
    galois: Option<u64>,
) -> Result<(Poly<Eval>, Poly<Eval>)> {
    let k = ctx.params().limbs_at(dec.level);
    let n = ctx.params().n();
    let mut out0 = alloc::vec![0u32; k * n];
    let mut out1 = alloc::vec![0u32; k * n];
    let perm = galois.map(|g| slot_map(n, g));
    switch_add(ctx, dec, key, perm.as_deref(), &mut out0, &mut out1)?;
    Ok((Poly::from_data_trusted(ctx.q_basis(), k, out0), Poly::from_data_trusted(ctx.q_basis(), k, out1)))
}

/// As [`switch`], adding `(k0, k1)` into `out0`, `out1` (NTT domain over
/// `Q_level`, reduced) instead of returning them; the automorphism is
/// given by its slot map ([`slot_map`]).
pub(crate) fn switch_add(
    ctx: &Context,
    dec: &Decomposed,
    key: &SwitchingKey,
    perm: Option<&[u32]>,
    out0: &mut [u32],
    out1: &mut [u32],
) -> Result<()> {
    ctx.check_fingerprint("key-switching key", key.fingerprint)?;
    let n = ctx.params().n();
    let level = dec.level;
    let k = ctx.params().limbs_at(level);
    let alpha = ctx.p_basis().len();
    let nd = dec.digits.len();
    if nd > key.digits.len() || nd > 16 || nd == 0 {
        return Err(Error::InvalidArgument { reason: "key-switching key has fewer digits than the parameters need" });
    }
    if out0.len() != k * n || out1.len() != k * n {
        return Err(Error::LengthMismatch { what: "key-switching output", expected: k * n, actual: out0.len() });
    }
    if perm.is_some_and(|p| p.len() != n) {
        return Err(Error::LengthMismatch { what: "slot map", expected: n, actual: perm.map_or(0, <[u32]>::len) });
    }
    let mut acc0 = scratch::take((k + alpha) * n);
    let mut acc1 = scratch::take((k + alpha) * n);
    let tables = ctx.q_tables(level).iter().chain(ctx.p_basis().tables());
    let mut d: Vec<&[u32]> = Vec::with_capacity(nd);
    let mut b: Vec<&[u32]> = Vec::with_capacity(nd);
    let mut a: Vec<&[u32]> = Vec::with_capacity(nd);
    for (i, (t, (o0, o1))) in tables.zip(acc0.chunks_exact_mut(n).zip(acc1.chunks_exact_mut(n))).enumerate() {
        // Limb i of the raised digits; the key's limbs are over the whole
        // chain, so the P limbs are looked up in b_p / a_p.
        d.clear();
        b.clear();
        a.clear();
        d.extend(dec.digits.iter().map(|x| &x[i * n..(i + 1) * n]));
        for kd in &key.digits[..nd] {
            let (bq, aq) = if i < k {
                (&kd.b_q.data()[i * n..(i + 1) * n], &kd.a_q.data()[i * n..(i + 1) * n])
            } else {
                let ip = i - k;
                (&kd.b_p.data()[ip * n..(ip + 1) * n], &kd.a_p.data()[ip * n..(ip + 1) * n])
            };
            b.push(bq);
            a.push(aq);
        }
        inner_product_limb(&Reducer::new(t.modulus()), &d, &b, &a, perm, o0, o1);
    }
    mod_down_add(ctx, level, &mut acc0, out0)?;
    mod_down_add(ctx, level, &mut acc1, out1)?;
    scratch::give(acc0);
    scratch::give(acc1);
    Ok(())
}

/// `out += round((x_q, x_p) / P)` over `Q_level`, where `x` holds the `Q_l`
/// limbs then the `P` limbs (NTT domain; its `P` limbs are used as
/// scratch): subtracting the centred representative of `x mod P` leaves an
/// exact multiple of `P`.
pub(crate) fn mod_down_add(ctx: &Context, level: u32, x: &mut [u32], out: &mut [u32]) -> Result<()> {
    let engine = ctx.engine();
    let n = ctx.params().n();
    let k = ctx.params().limbs_at(level);
    let consts = ctx.level_constants(level);
    let (xq, xp) = x.split_at_mut(k * n);
    engine.inverse(ctx.p_basis().tables(), xp)?;
    let mut conv = scratch::take(k * n);
    consts.p_to_q.convert_centered_raw(n, xp, &mut conv)?;
    let tables = ctx.q_tables(level);
    for (i, t) in tables.iter().enumerate() {
        let r = i * n..(i + 1) * n;
        let c = &mut conv[r.clone()];
        // Limb by limb, so the fused update reads the limb while it is in cache.
        engine.forward(&tables[i..i + 1], c)?;
        let (w, ws) = consts.p_inv[i];
        let q = t.q();
        kernels::sub_mul_shoup(q, w, ws, &mut xq[r.clone()], c);
        kernels::add_assign(q, &mut out[r.clone()], &xq[r]);
    }
    scratch::give(conv);
    Ok(())
}
