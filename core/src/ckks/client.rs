//! The client path without allocation: secret and public key generation,
//! encryption (public- and secret-key) and decryption on caller-provided
//! buffers, so a microcontroller needs no heap.
//!
//! All polynomials here are limb-major `u32` slices over the `Q` primes of
//! a level (`params.limbs_at(level)` limbs of `N` words). Keys and
//! ciphertexts are in the NTT domain ([`Eval`]); plaintexts are in the
//! coefficient domain ([`Coeff`]), as the encoder writes them.
//!
//! Uniform polynomials are derived from 32-byte seeds: limb `i` of the
//! chain is ChaCha20 with that seed on stream `i` (`Q` prime `i`) or
//! `P_STREAM + j` (special prime `j`), sampled directly in the NTT domain.
//! A public key or a symmetric ciphertext can therefore store a seed
//! instead of its uniform half, and any limb can be regenerated alone.
//!
//! RAM (words of `u32` unless stated), for `k` limbs of degree `N`:
//! key generation needs the secret key (`N` bytes), its NTT (`k N`), the
//! public key's `b` (`k N`), `N` bytes of small scratch, `N` words of
//! scratch and, for fixed-weight secrets, `N` `u64`; encryption needs the
//! plaintext (`k N`, consumed), `c0` and `c1` (`k N` each), `N` bytes and
//! `N` words of scratch; decryption the secret key's NTT, the ciphertext
//! and a `k N` output. At `N = 2^12`, `k = 3`: 48 KiB per `k N` buffer.

use rand_chacha::rand_core::{CryptoRng, RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

use super::params::{Parameters, SecretDistribution};
use crate::ntt::{NttEngine, NttTable};
use crate::ring::{Coeff, Eval, PolyMut, PolyRef};
use crate::sample;
use crate::{Error, Result};

/// Bytes in a seed.
pub const SEED_LEN: usize = 32;
/// A 32-byte seed for a uniform polynomial.
pub type Seed = [u8; SEED_LEN];
/// Stream offset of the special primes' limbs.
pub const P_STREAM: u64 = 64;

/// Checks that `tables` are the first `tables.len()` primes of the chain
/// and returns the level they make.
pub fn level_of(params: &Parameters, tables: &[NttTable]) -> Result<u32> {
    let q = params.q_primes();
    if tables.is_empty()
        || tables.len() > q.len()
        || tables.iter().zip(q).any(|(t, &p)| t.q() != p)
        || tables[0].n() != params.n()
    {
        return Err(Error::BasisMismatch { what: "CKKS: the NTT tables are not a prefix of the parameters' Q chain" });
    }
    (0..=params.max_level())
        .find(|&l| params.limbs_at(l) == tables.len())
        .ok_or(Error::BasisMismatch { what: "CKKS: the limb count is not that of any level" })
}

/// Fills `poly` (NTT domain) with the uniform polynomial of `seed`, limb
/// `i` from ChaCha20 stream `first_stream + i`.
pub fn expand_uniform(seed: &Seed, first_stream: u64, poly: &mut PolyMut<'_, Eval>) {
    let n = poly.n();
    let tables = poly.tables();
    for (i, (t, limb)) in tables.iter().zip(poly.data_mut().chunks_exact_mut(n)).enumerate() {
        expand_limb(seed, first_stream + i as u64, t.q(), limb);
    }
}

/// One limb of [`expand_uniform`].
pub fn expand_limb(seed: &Seed, stream: u64, q: u32, out: &mut [u32]) {
    let mut rng = ChaCha20Rng::from_seed(*seed);
    rng.set_stream(stream);
    sample::uniform_limb(&mut rng, q, out);
}

/// Samples a secret key of the parameters' distribution into `sk`
/// (`N` coefficients in `{-1, 0, 1}`). `scratch` (`N` words) is needed for
/// fixed-weight secrets and zeroised on return.
pub fn generate_secret<R: RngCore + CryptoRng>(
    params: &Parameters,
    rng: &mut R,
    sk: &mut [i8],
    scratch: &mut [u64],
) -> Result<()> {
    if sk.len() != params.n() {
        return Err(Error::LengthMismatch { what: "secret key coefficients", expected: params.n(), actual: sk.len() });
    }
    match params.secret() {
        SecretDistribution::Ternary => sample::ternary(rng, sk),
        SecretDistribution::FixedWeight(h) => sample::ternary_fixed_weight(rng, h as usize, sk, scratch)?,
    }
    Ok(())
}

/// Writes the NTT of the secret `sk` over `tables` into `out`.
pub fn secret_to_eval<'a>(
    engine: &(impl NttEngine + ?Sized),
    tables: &'a [NttTable],
    sk: &[i8],
    out: &'a mut [u32],
) -> Result<PolyMut<'a, Eval>> {
    let mut p = PolyMut::<Coeff>::zeroed(tables, out)?;
    p.set_small(sk)?;
    p.into_eval(engine)
}

/// Generates the public key `(b, a) = (-a s + e, a)` with `a` expanded
/// from `seed`: writes `b` (NTT domain, over `s_eval`'s basis, normally the
/// whole `Q` chain). `small` (`N` bytes) and `scratch` (`N` words) are
/// scratch space.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn generate_public_key<R: RngCore + CryptoRng>(
    params: &Parameters,
    engine: &(impl NttEngine + ?Sized),
    s_eval: &PolyRef<'_, Eval>,
    seed: &Seed,
    rng: &mut R,
    b: &mut [u32],
    small: &mut [i8],
    scratch: &mut [u32],
) -> Result<()> {
    let tables = s_eval.tables();
    level_of(params, tables)?;
    let n = params.n();
    check_scratch(n, small.len(), scratch.len())?;
    sample::centered_binomial(rng, params.error_eta(), small)?;
    let mut bp = PolyMut::<Coeff>::zeroed(tables, b)?;
    bp.set_small(small)?;
    small.fill(0);
    let mut bp = bp.into_eval(engine)?;
    let bd = bp.data_mut();
    for (i, t) in tables.iter().enumerate() {
        expand_limb(seed, i as u64, t.q(), scratch);
        let m = t.modulus();
        let s = s_eval.limb(i);
        for ((x, &a), &s) in bd[i * n..(i + 1) * n].iter_mut().zip(scratch.iter()).zip(s) {
            *x = m.sub(*x, m.mul(a, s));
        }
    }
    Ok(())
}

fn check_scratch(n: usize, small: usize, words: usize) -> Result<()> {
    if small != n {
        return Err(Error::LengthMismatch { what: "small scratch (N bytes)", expected: n, actual: small });
    }
    if words != n {
        return Err(Error::LengthMismatch { what: "word scratch (N words)", expected: n, actual: words });
    }
    Ok(())
}

/// Public-key encryption of the plaintext `pt` (coefficient domain, over
/// the level's tables; consumed as scratch): `c0 = v b + e0 + m`,
/// `c1 = v a + e1` with `v` ternary and `e0, e1` centred binomial. `pk_b`
/// may be over more limbs than the level (its prefix is used).
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn encrypt_pk<R: RngCore + CryptoRng>(
    params: &Parameters,
    engine: &(impl NttEngine + ?Sized),
    pk_b: &[u32],
    pk_seed: &Seed,
    pt: PolyMut<'_, Coeff>,
    rng: &mut R,
    c0: &mut [u32],
    c1: &mut [u32],
    small: &mut [i8],
    scratch: &mut [u32],
) -> Result<()> {
    let tables = pt.tables();
    level_of(params, tables)?;
    let n = params.n();
    let k = tables.len();
    check_scratch(n, small.len(), scratch.len())?;
    if pk_b.len() < k * n {
        return Err(Error::LengthMismatch {
            what: "public key b (at least the level's limbs)",
            expected: k * n,
            actual: pk_b.len(),
        });
    }
    let b = PolyRef::<Eval>::new(tables, &pk_b[..k * n])?;
    // c1 <- NTT(v), then c0 = v b, c1 = v a (a expanded limb by limb).
    sample::ternary(rng, small);
    let mut v = PolyMut::<Coeff>::zeroed(tables, c1)?;
    v.set_small(small)?;
    let v = v.into_eval(engine)?;
    let mut c0p = PolyMut::<Eval>::zeroed(tables, c0)?;
    c0p.set_product(engine, &v.as_ref(), &b)?;
    let c1d: &mut [u32] = v.into_data();
    for (i, t) in tables.iter().enumerate() {
        expand_limb(pk_seed, i as u64, t.q(), scratch);
        let m = t.modulus();
        for (x, &a) in c1d[i * n..(i + 1) * n].iter_mut().zip(scratch.iter()) {
            *x = m.mul(*x, a);
        }
    }
    // c0 += NTT(m + e0); c1 += NTT(e1), reusing the plaintext's storage.
    let mut pt = pt;
    add_error(params, rng, &mut pt, small)?;
    let e0m = pt.into_eval(engine)?;
    c0p.add_assign(&e0m.as_ref())?;
    let tables_e = e0m.tables();
    let ptd = e0m.into_data();
    let mut e1 = PolyMut::<Coeff>::zeroed(tables_e, ptd)?;
    sample::centered_binomial(rng, params.error_eta(), small)?;
    e1.set_small(small)?;
    small.fill(0);
    let e1 = e1.into_eval(engine)?;
    let mut c1p = PolyMut::<Eval>::new(tables, c1d)?;
    c1p.add_assign(&e1.as_ref())?;
    Ok(())
}

/// Adds a fresh centred-binomial error to `pt`.
fn add_error<R: RngCore + CryptoRng>(
    params: &Parameters,
    rng: &mut R,
    pt: &mut PolyMut<'_, Coeff>,
    small: &mut [i8],
) -> Result<()> {
    sample::centered_binomial(rng, params.error_eta(), small)?;
    let n = pt.n();
    let tables = pt.tables();
    let data = pt.data_mut();
    for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
        crate::ntt::kernels::add_small(t.modulus(), limb, small);
    }
    small.fill(0);
    Ok(())
}

/// Secret-key encryption of `pt` (consumed as scratch):
/// `c1 = a` expanded from `seed`, `c0 = -a s + e + m`. A symmetric
/// ciphertext can be stored as `(c0, seed)`.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn encrypt_sk<R: RngCore + CryptoRng>(
    params: &Parameters,
    engine: &(impl NttEngine + ?Sized),
    s_eval: &PolyRef<'_, Eval>,
    pt: PolyMut<'_, Coeff>,
    seed: &Seed,
    rng: &mut R,
    c0: &mut [u32],
    c1: &mut [u32],
    small: &mut [i8],
) -> Result<()> {
    let tables = pt.tables();
    level_of(params, tables)?;
    let n = params.n();
    let k = tables.len();
    if small.len() != n {
        return Err(Error::LengthMismatch { what: "small scratch (N bytes)", expected: n, actual: small.len() });
    }
    if s_eval.data().len() < k * n {
        return Err(Error::BasisMismatch { what: "secret key has fewer limbs than the plaintext" });
    }
    let mut pt = pt;
    add_error(params, rng, &mut pt, small)?;
    let me = pt.into_eval(engine)?;
    let mut c1p = PolyMut::<Eval>::zeroed(tables, c1)?;
    expand_uniform(seed, 0, &mut c1p);
    let mut c0p = PolyMut::<Eval>::zeroed(tables, c0)?;
    let s = s_eval.prefix(k)?;
    c0p.set_product(engine, &c1p.as_ref(), &s)?;
    c0p.neg_assign();
    c0p.add_assign(&me.as_ref())?;
    Ok(())
}

/// Decryption: `out = INTT(c0 + c1 s)` over the ciphertext's limbs
/// (`c0`, `c1` in the NTT domain over `tables`). The result is the
/// plaintext in the coefficient domain, ready for decoding.
pub fn decrypt<'a>(
    engine: &(impl NttEngine + ?Sized),
    tables: &'a [NttTable],
    s_eval: &PolyRef<'_, Eval>,
    c0: &[u32],
    c1: &[u32],
    out: &'a mut [u32],
) -> Result<PolyMut<'a, Coeff>> {
    let k = tables.len();
    let c0 = PolyRef::<Eval>::new(tables, c0)?;
    let c1 = PolyRef::<Eval>::new(tables, c1)?;
    let s = s_eval.prefix(k)?;
    let mut o = PolyMut::<Eval>::zeroed(tables, out)?;
    o.set_product(engine, &c1, &s)?;
    o.add_assign(&c0)?;
    o.into_coeff(engine)
}

// ---------------------------------------------------------------------------
// Limb at a time: one prime's residues in RAM at once

/// Which half of a ciphertext a limb belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Component {
    /// `c0`.
    C0,
    /// `c1`.
    C1,
}

/// A small polynomial of `N` coefficients for the limb-at-a-time path:
/// stored, or replayed from a copy of a generator (no `N`-byte buffer).
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // no allocation: the generator's state is held inline
pub enum SmallPoly<'a> {
    /// The coefficients.
    Stored(&'a [i8]),
    /// Centred-binomial coefficients of parameter `eta`, the next `N`
    /// draws of `rng` (one 64-bit word each, so they can be replayed chunk
    /// by chunk from a copy, any number of times, with the values
    /// `sample::centered_binomial` gives for the whole polynomial).
    Cbd {
        /// The generator's state before the first coefficient.
        rng: ChaCha20Rng,
        /// The binomial parameter.
        eta: u32,
    },
    /// Ternary coefficients as `sample::ternary` draws them from `rng`
    /// (2-bit rejection sampling on 32-bit words), replayed chunk by chunk
    /// with the sampler's state carried across chunks, so the values are
    /// those of one call for the whole polynomial.
    Ternary {
        /// The generator's state before the first coefficient.
        rng: ChaCha20Rng,
    },
}

/// `sample::ternary`'s draws, delivered in chunks: the same values as one
/// call over all `n` coefficients (the sampler's word and bit count carry
/// over between chunks).
fn ternary_chunks(rng: &mut ChaCha20Rng, n: usize, mut f: impl FnMut(usize, &[i8])) {
    let mut buf = [0i8; SMALL_CHUNK];
    let mut draws = crate::sample::TernaryDraws::new();
    let mut start = 0;
    while start < n {
        let len = SMALL_CHUNK.min(n - start);
        draws.fill(rng, &mut buf[..len]);
        f(start, &buf[..len]);
        start += len;
    }
    buf.fill(0);
}

/// Advances `rng` past a ternary polynomial of `n` coefficients drawn by
/// `sample::ternary` (the number of words depends on the rejections, so
/// the draws are made and dropped).
pub fn skip_ternary(rng: &mut ChaCha20Rng, n: usize) {
    ternary_chunks(rng, n, |_, _| {});
}

/// Coefficients per chunk when a [`SmallPoly`] is replayed.
const SMALL_CHUNK: usize = 64;

impl SmallPoly<'_> {
    /// Calls `f(start, chunk)` on consecutive chunks of the `n`
    /// coefficients.
    fn chunks(&self, n: usize, mut f: impl FnMut(usize, &[i8])) -> Result<()> {
        match self {
            SmallPoly::Stored(c) => {
                if c.len() != n {
                    return Err(Error::LengthMismatch { what: "small polynomial", expected: n, actual: c.len() });
                }
                f(0, c);
            }
            SmallPoly::Cbd { rng, eta } => {
                let mut rng = rng.clone();
                let mut buf = [0i8; SMALL_CHUNK];
                let mut start = 0;
                while start < n {
                    let len = SMALL_CHUNK.min(n - start);
                    sample::centered_binomial(&mut rng, *eta, &mut buf[..len])?;
                    f(start, &buf[..len]);
                    start += len;
                }
                buf.fill(0);
            }
            SmallPoly::Ternary { rng } => ternary_chunks(&mut rng.clone(), n, f),
        }
        Ok(())
    }
}

/// The random small polynomials of one public-key encryption (each `N`
/// coefficients): `v` ternary, `e0` and `e1` centred binomial.
#[derive(Clone, Debug)]
pub struct EncryptionNoise<'a> {
    /// The ternary multiplier of the public key.
    pub v: SmallPoly<'a>,
    /// The error added to `c0`.
    pub e0: SmallPoly<'a>,
    /// The error added to `c1`.
    pub e1: SmallPoly<'a>,
}

/// Samples the noise of a public-key encryption in the order
/// [`encrypt_pk`] draws it from `rng` (`v`, then `e0`, then `e1`), so
/// that [`encrypt_pk_limbs`] with this noise gives the ciphertext
/// [`encrypt_pk`] would give with the same generator state, bit for bit.
/// Each buffer holds `N` coefficients.
pub fn sample_encryption_noise<R: RngCore + CryptoRng>(
    params: &Parameters,
    rng: &mut R,
    v: &mut [i8],
    e0: &mut [i8],
    e1: &mut [i8],
) -> Result<()> {
    let n = params.n();
    for (what, b) in [("v (N bytes)", &*v), ("e0 (N bytes)", &*e0), ("e1 (N bytes)", &*e1)] {
        if b.len() != n {
            return Err(Error::LengthMismatch { what, expected: n, actual: b.len() });
        }
    }
    sample::ternary(rng, v);
    sample::centered_binomial(rng, params.error_eta(), e0)?;
    sample::centered_binomial(rng, params.error_eta(), e1)
}

/// As [`sample_encryption_noise`] with `v`, `e0` and `e1` kept as
/// replayable generator states instead of `3N` bytes; leaves `rng` where
/// [`sample_encryption_noise`] would (the same noise, bit for bit; the
/// cost is drawing each once per limb that needs it instead of once).
pub fn replayable_encryption_noise(params: &Parameters, rng: &mut ChaCha20Rng) -> EncryptionNoise<'static> {
    let n = params.n();
    let eta = params.error_eta();
    let v = SmallPoly::Ternary { rng: rng.clone() };
    skip_ternary(rng, n);
    let e0 = SmallPoly::Cbd { rng: rng.clone(), eta };
    skip_cbd(rng, n);
    let e1 = SmallPoly::Cbd { rng: rng.clone(), eta };
    skip_cbd(rng, n);
    EncryptionNoise { v, e0, e1 }
}

/// Advances `rng` past `n` centred-binomial draws (one 64-bit word, two
/// 32-bit words of the stream, each).
pub fn skip_cbd(rng: &mut ChaCha20Rng, n: usize) {
    let pos = rng.get_word_pos();
    rng.set_word_pos(pos + 2 * n as u128);
}

fn check_limb(table: &NttTable, what: &'static str, len: usize) -> Result<()> {
    if len != table.n() {
        return Err(Error::LengthMismatch { what, expected: table.n(), actual: len });
    }
    Ok(())
}

/// `out = NTT(small mod q)` for one limb (`small` and `out` of `N`
/// entries), through `engine`.
pub fn small_to_eval_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    small: &[i8],
    out: &mut [u32],
) -> Result<()> {
    check_limb(table, "small polynomial", small.len())?;
    check_limb(table, "limb", out.len())?;
    crate::ntt::kernels::set_small(table.modulus(), out, small);
    engine.forward(core::slice::from_ref(table), out)
}

/// `out = NTT(small mod q)` for one limb from a [`SmallPoly`].
fn small_poly_to_eval_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    small: &SmallPoly<'_>,
    out: &mut [u32],
) -> Result<()> {
    check_limb(table, "limb", out.len())?;
    let m = table.modulus();
    small.chunks(out.len(), |start, c| crate::ntt::kernels::set_small(m, &mut out[start..start + c.len()], c))?;
    engine.forward(core::slice::from_ref(table), out)
}

/// Limb `limb` of the public key's `b = NTT(e) - a NTT(s)`, recomputed from
/// the secret `sk` (stored, or a [`SmallPoly::Ternary`] replaying a ternary
/// secret's draws), the key's error `e` and the seed of `a` into `b`
/// (`scratch`: `N` more words). The same words as limb `limb` of what
/// [`generate_public_key`] writes for that error, so a device that holds
/// the secret key need not keep `b` (`K N` words) in RAM; with `e` a
/// [`SmallPoly::Cbd`] (the generator's state where
/// [`generate_public_key`] drew it) not even the error's `N` bytes.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn public_key_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    limb: usize,
    sk: &SmallPoly<'_>,
    e: &SmallPoly<'_>,
    seed: &Seed,
    b: &mut [u32],
    scratch: &mut [u32],
) -> Result<()> {
    check_limb(table, "scratch", scratch.len())?;
    small_poly_to_eval_limb(engine, table, sk, scratch)?;
    check_limb(table, "limb", b.len())?;
    expand_limb(seed, limb as u64, table.q(), b);
    let m = table.modulus();
    for (s, &a) in scratch.iter_mut().zip(b.iter()) {
        *s = m.mul(a, *s);
    }
    small_poly_to_eval_limb(engine, table, e, b)?;
    for (x, &p) in b.iter_mut().zip(scratch.iter()) {
        *x = m.sub(*x, p);
    }
    Ok(())
}

/// Public-key encryption one limb at a time, in the order of the
/// ciphertext file (`c0` limbs `0..K`, then `c1` limbs `0..K`), with two
/// limb buffers `x` and `y` (`N` words each) as the only polynomial RAM:
///
/// - `pk_b(i, table, out, scratch)` writes limb `i` of the public key's
///   `b` (NTT domain) into `out` (e.g. copied from flash, or recomputed by
///   [`public_key_limb`]);
/// - `plaintext(table, out)` writes the plaintext's limb modulo
///   `table.q()` (coefficient domain; e.g. `encoding::rounded_to_limb`);
/// - `sink(component, i, limb)` receives each finished limb (NTT domain),
///   e.g. a streaming `wire::CiphertextWriter`.
///
/// `tables` are the level's (a prefix of the `Q` chain). With `noise` from
/// [`sample_encryption_noise`] the limbs are those [`encrypt_pk`] writes,
/// bit for bit; it costs `4K` more forward NTTs than [`encrypt_pk`] when
/// `pk_b` recomputes `b` (two for `b`, one for `v` twice), and `K` more when
/// it copies.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn encrypt_pk_limbs(
    params: &Parameters,
    engine: &(impl NttEngine + ?Sized),
    tables: &[NttTable],
    pk_seed: &Seed,
    noise: &EncryptionNoise<'_>,
    x: &mut [u32],
    y: &mut [u32],
    mut pk_b: impl FnMut(usize, &NttTable, &mut [u32], &mut [u32]) -> Result<()>,
    mut plaintext: impl FnMut(&NttTable, &mut [u32]) -> Result<()>,
    mut sink: impl FnMut(Component, usize, &[u32]) -> Result<()>,
) -> Result<()> {
    level_of(params, tables)?;
    for (i, t) in tables.iter().enumerate() {
        check_limb(t, "limb buffer", x.len())?;
        check_limb(t, "limb buffer", y.len())?;
        let m = t.modulus();
        // x = b, y = NTT(v), x = v b.
        pk_b(i, t, x, y)?;
        small_poly_to_eval_limb(engine, t, &noise.v, y)?;
        for (a, &b) in x.iter_mut().zip(y.iter()) {
            *a = m.mul(b, *a);
        }
        // y = NTT(m + e0), c0 = v b + y.
        plaintext(t, y)?;
        check_limb(t, "plaintext limb", y.len())?;
        noise.e0.chunks(y.len(), |start, c| crate::ntt::kernels::add_small(m, &mut y[start..start + c.len()], c))?;
        engine.forward(core::slice::from_ref(t), y)?;
        for (a, &b) in x.iter_mut().zip(y.iter()) {
            *a = m.add(*a, b);
        }
        sink(Component::C0, i, x)?;
    }
    for (i, t) in tables.iter().enumerate() {
        let m = t.modulus();
        // x = NTT(v) a, y = NTT(e1), c1 = x + y.
        small_poly_to_eval_limb(engine, t, &noise.v, x)?;
        expand_limb(pk_seed, i as u64, t.q(), y);
        for (a, &b) in x.iter_mut().zip(y.iter()) {
            *a = m.mul(*a, b);
        }
        small_poly_to_eval_limb(engine, t, &noise.e1, y)?;
        for (a, &b) in x.iter_mut().zip(y.iter()) {
            *a = m.add(*a, b);
        }
        sink(Component::C1, i, x)?;
    }
    Ok(())
}

/// One limb of [`decrypt`] with two limb buffers: `load(component, out)`
/// fills `out` with the ciphertext's `c1` limb, then (after `c1` is
/// consumed) its `c0` limb, both NTT domain modulo `table.q()`. On return
/// `y` holds the plaintext's limb in the coefficient domain (the words
/// [`decrypt`] writes for this limb) and `x` is scratch.
pub fn decrypt_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    sk: &SmallPoly<'_>,
    x: &mut [u32],
    y: &mut [u32],
    mut load: impl FnMut(Component, &mut [u32]) -> Result<()>,
) -> Result<()> {
    check_limb(table, "limb buffer", y.len())?;
    small_poly_to_eval_limb(engine, table, sk, x)?;
    load(Component::C1, y)?;
    let m = table.modulus();
    for (a, &b) in x.iter_mut().zip(y.iter()) {
        *a = m.mul(b, *a);
    }
    load(Component::C0, y)?;
    for (a, &b) in y.iter_mut().zip(x.iter()) {
        *a = m.add(b, *a);
    }
    engine.inverse(core::slice::from_ref(table), y)
}

/// The words of [`expand_limb`] one at a time, without a buffer: limb
/// `stream` of the uniform polynomial of a seed, the same values in the
/// same order (rejection sampling on masked 32-bit words).
#[derive(Clone, Debug)]
pub struct UniformLimb {
    rng: ChaCha20Rng,
    q: u32,
    mask: u32,
}

impl UniformLimb {
    /// The generator of limb `stream` modulo `q` for `seed`.
    pub fn new(seed: &Seed, stream: u64, q: u32) -> Self {
        let mut rng = ChaCha20Rng::from_seed(*seed);
        rng.set_stream(stream);
        Self { rng, q, mask: u32::MAX >> q.leading_zeros() }
    }

    /// The next coefficient, uniform in `[0, q)`.
    #[inline]
    pub fn next_word(&mut self) -> u32 {
        loop {
            let v = self.rng.next_u32() & self.mask;
            if v < self.q {
                return v;
            }
        }
    }
}

/// Limb `i` of `c0` of [`encrypt_sk_limbs`] into `x` (`N` words), for a
/// caller that holds one prime's NTT table at a time (e.g. a device that
/// builds each table in RAM when the parameters have more primes than its
/// flash holds tables for): `x = NTT(s)`, `x = -a_i x`, `x = INTT(x)`,
/// `plaintext(table, x)` adds the plaintext's limb, the error `e` is added,
/// `x = NTT(x)`. The words [`encrypt_sk_limbs`] hands to its sink for
/// limb `i` (it calls this function).
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn encrypt_sk_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    i: usize,
    seed: &Seed,
    sk: &SmallPoly<'_>,
    e: &SmallPoly<'_>,
    x: &mut [u32],
    mut plaintext: impl FnMut(&NttTable, &mut [u32]) -> Result<()>,
) -> Result<()> {
    check_limb(table, "limb buffer", x.len())?;
    let m = table.modulus();
    small_poly_to_eval_limb(engine, table, sk, x)?;
    let mut a = UniformLimb::new(seed, i as u64, table.q());
    for v in x.iter_mut() {
        *v = m.neg(m.mul(a.next_word(), *v));
    }
    engine.inverse(core::slice::from_ref(table), x)?;
    plaintext(table, x)?;
    e.chunks(x.len(), |start, c| crate::ntt::kernels::add_small(m, &mut x[start..start + c.len()], c))?;
    engine.forward(core::slice::from_ref(table), x)
}

/// Secret-key encryption one limb at a time with ONE limb buffer `x`
/// (`N` words) as the only polynomial RAM, in the order of the ciphertext
/// file (`c0` limbs `0..K`, then `c1` limbs `0..K`):
///
/// - `c0`'s limb `i`: `x = NTT(s)`, `x = -a_i x` with `a_i` drawn word by
///   word ([`UniformLimb`], no buffer), `x = INTT(x)`, then the plaintext
///   (`plaintext(table, x)` adds its limb modulo `table.q()`, coefficient
///   domain) and the error `e` are added and `x = NTT(x)`: three NTTs
///   instead of [`encrypt_sk`]'s two, for one buffer instead of `3 K`;
/// - `c1`'s limb `i`: `a_i` expanded from `seed` (stream `i`).
///
/// `sink(component, i, limb)` receives each finished limb (NTT domain).
/// With `e` replaying the `N` draws [`encrypt_sk`] makes for its error
/// (e.g. a [`SmallPoly::Cbd`] at the generator's state) and the same seed
/// and plaintext, the limbs are those [`encrypt_sk`] writes, bit for bit
/// (the NTT round trip is exact), so the host reads, evaluates and
/// decrypts the result as any ciphertext of its own.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn encrypt_sk_limbs(
    params: &Parameters,
    engine: &(impl NttEngine + ?Sized),
    tables: &[NttTable],
    seed: &Seed,
    sk: &SmallPoly<'_>,
    e: &SmallPoly<'_>,
    x: &mut [u32],
    mut plaintext: impl FnMut(&NttTable, &mut [u32]) -> Result<()>,
    mut sink: impl FnMut(Component, usize, &[u32]) -> Result<()>,
) -> Result<()> {
    level_of(params, tables)?;
    for (i, t) in tables.iter().enumerate() {
        encrypt_sk_limb(engine, t, i, seed, sk, e, x, &mut plaintext)?;
        sink(Component::C0, i, x)?;
    }
    for (i, t) in tables.iter().enumerate() {
        expand_limb(seed, i as u64, t.q(), x);
        sink(Component::C1, i, x)?;
    }
    Ok(())
}

/// One limb of [`decrypt`] in ONE buffer `x` (`N` words):
/// `x = NTT(s)`, then `load(component, f)` must call `f(start, words)` on
/// consecutive chunks of the ciphertext's limb (NTT domain modulo
/// `table.q()`; e.g. `wire::CiphertextReader::read_limb_chunks`), first for
/// `c1` (multiplied in), then for `c0` (added); `x = INTT(x)`. On return
/// `x` holds the plaintext's limb in the coefficient domain, the words
/// [`decrypt`] writes for this limb. Errors when a component does not
/// deliver exactly `N` words.
pub fn decrypt_limb_streamed(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    sk: &SmallPoly<'_>,
    x: &mut [u32],
    mut load: impl FnMut(Component, &mut dyn FnMut(usize, &[u32]) -> Result<()>) -> Result<()>,
) -> Result<()> {
    small_poly_to_eval_limb(engine, table, sk, x)?;
    let m = table.modulus();
    let n = x.len();
    for c in [Component::C1, Component::C0] {
        let mut seen = 0usize;
        load(c, &mut |start, words| {
            let end =
                start.checked_add(words.len()).filter(|&e| e <= n && start == seen).ok_or(Error::InvalidArgument {
                    reason: "decrypt_limb_streamed: chunks must be consecutive within N words",
                })?;
            seen = end;
            for (a, &w) in x[start..end].iter_mut().zip(words) {
                *a = if c == Component::C1 { m.mul(w, *a) } else { m.add(w, *a) };
            }
            Ok(())
        })?;
        if seen != n {
            return Err(Error::LengthMismatch { what: "streamed ciphertext limb", expected: n, actual: seen });
        }
    }
    engine.inverse(core::slice::from_ref(table), x)
}

// ---------------------------------------------------------------------------
// Key-switching keys one limb at a time

/// What a key-switching key switches from: `s^2` (relinearisation) or
/// `s(X^g)` (the Galois automorphism of element `g`, odd, below `2N`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyTarget {
    /// The relinearisation key (`s^2 -> s`).
    Relin,
    /// The Galois key of element `g` (`s(X^g) -> s`).
    Galois(u64),
}

/// One limb of `b` of one digit of a key-switching key, with two limb
/// buffers `x` and `y` (`N` words each) as the only polynomial RAM, so a
/// device holding the secret key can generate evaluation keys and stream
/// them out without ever holding a whole key:
///
/// `x = NTT(e) - a NTT(s)`, plus `P_mod_q * s'` when `special` is
/// `Some((target, P_mod_q))` (limb `i` of the `Q` chain inside the
/// digit's primes; `P_mod_q` = the product of the special primes modulo
/// `table.q()`), `s'` being `NTT(s)^2` or the automorphism of `NTT(s)` for
/// `target`. `a` is limb `stream` of the digit's seed (`i` for `Q` prime
/// `i`, `P_STREAM + j` for special prime `j`), `e` the digit's error (the
/// same `N` draws for every limb of the digit).
///
/// With `sk` and `e` replaying the draws `KeyGenerator` makes (the secret,
/// then per digit the 32-byte seed and `N` centred-binomial draws), the
/// limb is the one `KeyGenerator::gen_relin` / `gen_galois` stores, bit
/// for bit (test `switching_key_limbs_are_bit_identical`). On return `x`
/// holds the limb (NTT domain) and `y` is scratch.
#[allow(clippy::too_many_arguments)] // the no-allocation path names every buffer
pub fn switching_key_limb(
    engine: &(impl NttEngine + ?Sized),
    table: &NttTable,
    stream: u64,
    sk: &SmallPoly<'_>,
    e: &SmallPoly<'_>,
    seed: &Seed,
    special: Option<(KeyTarget, u32)>,
    x: &mut [u32],
    y: &mut [u32],
) -> Result<()> {
    check_limb(table, "limb buffer", x.len())?;
    let n = table.n();
    let m = table.modulus();
    small_poly_to_eval_limb(engine, table, sk, y)?;
    let mut a = UniformLimb::new(seed, stream, table.q());
    for (v, &s) in x.iter_mut().zip(y.iter()) {
        *v = m.neg(m.mul(a.next_word(), s));
    }
    if let Some((target, pm)) = special {
        if pm >= table.q() {
            return Err(Error::InvalidArgument { reason: "switching_key_limb: P mod q must be reduced" });
        }
        match target {
            KeyTarget::Relin => {
                for (v, &s) in x.iter_mut().zip(y.iter()) {
                    *v = m.add(*v, m.mul(pm, m.mul(s, s)));
                }
            }
            KeyTarget::Galois(g) => {
                let two_n = 2 * n as u64;
                if g % 2 == 0 || g >= two_n || g == 1 {
                    return Err(Error::InvalidArgument {
                        reason: "switching_key_limb: a Galois element is odd, not 1 and below 2N",
                    });
                }
                for (j, v) in x.iter_mut().enumerate() {
                    let s = y[crate::ring::automorphism::eval_source_index(j, g, n)];
                    *v = m.add(*v, m.mul(pm, s));
                }
            }
        }
    }
    small_poly_to_eval_limb(engine, table, e, y)?;
    for (v, &s) in x.iter_mut().zip(y.iter()) {
        *v = m.add(*v, s);
    }
    Ok(())
}

/// `P mod q`: the product of the special primes `p` modulo `q` (the factor
/// [`switching_key_limb`] takes for the digit's primes).
pub fn p_mod_q(p: &[u32], q: &NttTable) -> u32 {
    let m = q.modulus();
    p.iter().fold(1u32, |acc, &pi| m.mul(acc, m.reduce(pi)))
}

/// 32-bit words of the generator a key-switching key of `params` consumes
/// in `KeyGenerator` (per digit a 32-byte seed and `N` centred-binomial
/// draws of two words each), so a device can place its generator at the
/// start of any key with `set_word_pos`.
pub fn switching_key_words(params: &Parameters) -> u128 {
    let digits = params.limbs_at(params.max_level()).div_ceil(params.alpha()) as u128;
    digits * (SEED_LEN as u128 / 4 + 2 * params.n() as u128)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::ckks::encoding::{decode_into, encode_in_place, Complex};
    use crate::ntt::CpuNtt;
    use crate::ring::RnsBasis;

    /// Bound on a fresh public-key encryption's slot error, from the
    /// parameters: the noise `v e + e0 + e1 s` has coefficient variance
    /// `sigma^2 (1 + 4N/3)` (ternary `v`, `s`); a slot sums `N` such
    /// coefficients over the scale; 6 standard deviations, plus the
    /// encoder's rounding (`N / (2 scale)`).
    fn fresh_bound(params: &Parameters, scale: f64) -> f64 {
        let n = params.n() as f64;
        let var = (params.error_eta() as f64 / 2.0) * (1.0 + 4.0 * n / 3.0);
        6.0 * (n * var).sqrt() / scale + n / (2.0 * scale)
    }

    #[test]
    fn client_round_trip_without_allocation_api() {
        let params = Parameters::preset_n13();
        let n = params.n();
        let basis = RnsBasis::new(n, params.q_primes()).unwrap();
        let tables = basis.tables();
        let k = tables.len();
        let mut rng = ChaCha20Rng::seed_from_u64(40);
        let mut sk = vec![0i8; n];
        let mut scratch64 = vec![0u64; n];
        generate_secret(&params, &mut rng, &mut sk, &mut scratch64).unwrap();
        let mut s_buf = vec![0u32; k * n];
        let s_eval = secret_to_eval(&CpuNtt, tables, &sk, &mut s_buf).unwrap();
        let s_ref = s_eval.as_ref();
        let pk_seed = [7u8; 32];
        let (mut b, mut small, mut scratch) = (vec![0u32; k * n], vec![0i8; n], vec![0u32; n]);
        generate_public_key(&params, &CpuNtt, &s_ref, &pk_seed, &mut rng, &mut b, &mut small, &mut scratch).unwrap();

        let scale = params.default_scale();
        let want: Vec<Complex> =
            (0..n / 2).map(|i| Complex::new((i as f64 * 0.37).sin(), (i as f64 * 0.11).cos())).collect();
        for level in [params.max_level(), 0] {
            let lt = &tables[..params.limbs_at(level)];
            let kl = lt.len();
            for public in [true, false] {
                let mut z = want.clone();
                let mut pt_buf = vec![0u32; kl * n];
                let mut pt = PolyMut::zeroed(lt, &mut pt_buf).unwrap();
                encode_in_place(&mut z, scale, &mut pt).unwrap();
                let (mut c0, mut c1) = (vec![0u32; kl * n], vec![0u32; kl * n]);
                if public {
                    encrypt_pk(
                        &params,
                        &CpuNtt,
                        &b,
                        &pk_seed,
                        pt,
                        &mut rng,
                        &mut c0,
                        &mut c1,
                        &mut small,
                        &mut scratch,
                    )
                    .unwrap();
                } else {
                    encrypt_sk(&params, &CpuNtt, &s_ref, pt, &[9u8; 32], &mut rng, &mut c0, &mut c1, &mut small)
                        .unwrap();
                }
                let mut out_buf = vec![0u32; kl * n];
                let dec = decrypt(&CpuNtt, lt, &s_ref, &c0, &c1, &mut out_buf).unwrap();
                let mut got = vec![Complex::default(); n / 2];
                decode_into(&dec.as_ref(), scale, &mut got).unwrap();
                let err = got.iter().zip(&want).map(|(a, b)| (*a - *b).abs()).fold(0.0, f64::max);
                let bound = fresh_bound(&params, scale);
                assert!(err <= bound, "level {level} public {public}: error {err:e} > bound {bound:e}");
                assert!(small.iter().all(|&x| x == 0), "scratch must be wiped");
            }
        }
        // The wrong secret key decrypts to garbage.
        let mut sk2 = vec![0i8; n];
        generate_secret(&params, &mut rng, &mut sk2, &mut scratch64).unwrap();
        let mut s2 = vec![0u32; k * n];
        let s2 = secret_to_eval(&CpuNtt, tables, &sk2, &mut s2).unwrap();
        let mut z = want.clone();
        let mut pt_buf = vec![0u32; k * n];
        let mut pt = PolyMut::zeroed(tables, &mut pt_buf).unwrap();
        encode_in_place(&mut z, scale, &mut pt).unwrap();
        let (mut c0, mut c1) = (vec![0u32; k * n], vec![0u32; k * n]);
        encrypt_pk(&params, &CpuNtt, &b, &pk_seed, pt, &mut rng, &mut c0, &mut c1, &mut small, &mut scratch).unwrap();
        let mut out = vec![0u32; k * n];
        let dec = decrypt(&CpuNtt, tables, &s2.as_ref(), &c0, &c1, &mut out).unwrap();
        let mut got = vec![Complex::default(); n / 2];
        // Garbage decodes to huge values (or overflows the scale check).
        if decode_into(&dec.as_ref(), scale, &mut got).is_ok() {
            let err = got.iter().zip(&want).map(|(a, b)| (*a - *b).abs()).fold(0.0, f64::max);
            assert!(err > 1.0, "{err}");
        }
    }

    #[test]
    fn limb_at_a_time_is_bit_identical() {
        let params = Parameters::preset_n13();
        let n = params.n();
        let basis = RnsBasis::new(n, params.q_primes()).unwrap();
        let tables = basis.tables();
        let k = tables.len();
        let mut rng = ChaCha20Rng::seed_from_u64(42);
        let mut sk = vec![0i8; n];
        generate_secret(&params, &mut rng, &mut sk, &mut []).unwrap();
        let mut s_buf = vec![0u32; k * n];
        let s_eval = secret_to_eval(&CpuNtt, tables, &sk, &mut s_buf).unwrap();
        let s_ref = s_eval.as_ref();
        let pk_seed = [3u8; 32];
        // The key's error from its own generator, so it can be replayed.
        let e_seed = [4u8; 32];
        let (mut b, mut small, mut scratch) = (vec![0u32; k * n], vec![0i8; n], vec![0u32; n]);
        let mut e_rng = ChaCha20Rng::from_seed(e_seed);
        generate_public_key(&params, &CpuNtt, &s_ref, &pk_seed, &mut e_rng, &mut b, &mut small, &mut scratch).unwrap();
        let mut e = vec![0i8; n];
        sample::centered_binomial(&mut ChaCha20Rng::from_seed(e_seed), params.error_eta(), &mut e).unwrap();
        let e_replay = SmallPoly::Cbd { rng: ChaCha20Rng::from_seed(e_seed), eta: params.error_eta() };
        for (i, t) in tables.iter().enumerate() {
            for e in [SmallPoly::Stored(&e), e_replay.clone()] {
                let (mut bl, mut sc) = (vec![0u32; n], vec![0u32; n]);
                public_key_limb(&CpuNtt, t, i, &SmallPoly::Stored(&sk), &e, &pk_seed, &mut bl, &mut sc).unwrap();
                assert_eq!(bl, b[i * n..(i + 1) * n], "limb {i}");
            }
        }

        let mut pt_buf = vec![0u32; k * n];
        let mut pt = PolyMut::<Coeff>::zeroed(tables, &mut pt_buf).unwrap();
        let z: Vec<Complex> = (0..n / 2).map(|i| Complex::new((i as f64 * 0.1).sin(), 0.25)).collect();
        encode_in_place(&mut z.clone(), params.default_scale(), &mut pt).unwrap();
        let plain = pt_buf.clone();
        let (mut c0, mut c1) = (vec![0u32; k * n], vec![0u32; k * n]);
        let pt = PolyMut::<Coeff>::new(tables, &mut pt_buf).unwrap();
        let state = ChaCha20Rng::seed_from_u64(43);
        encrypt_pk(&params, &CpuNtt, &b, &pk_seed, pt, &mut state.clone(), &mut c0, &mut c1, &mut small, &mut scratch)
            .unwrap();
        let (mut v, mut e0, mut e1) = (vec![0i8; n], vec![0i8; n], vec![0i8; n]);
        sample_encryption_noise(&params, &mut state.clone(), &mut v, &mut e0, &mut e1).unwrap();
        let mut replay_rng = state.clone();
        let replayed = replayable_encryption_noise(&params, &mut replay_rng);
        let mut after = state.clone();
        let mut v2 = vec![0i8; n];
        sample_encryption_noise(&params, &mut after, &mut v2, &mut e0.clone(), &mut e1.clone()).unwrap();
        assert_eq!(replay_rng.next_u64(), after.next_u64(), "the generator ends where the stored sampling leaves it");
        let mut v3 = vec![0i8; n];
        replayed.v.chunks(n, |start, c| v3[start..start + c.len()].copy_from_slice(c)).unwrap();
        assert_eq!(v3, v);
        let stored =
            EncryptionNoise { v: SmallPoly::Stored(&v), e0: SmallPoly::Stored(&e0), e1: SmallPoly::Stored(&e1) };
        for noise in [stored, replayed] {
            let (mut x, mut y) = (vec![0u32; n], vec![0u32; n]);
            let (mut d0, mut d1) = (vec![0u32; k * n], vec![0u32; k * n]);
            let mut order = Vec::new();
            let e = SmallPoly::Stored(&e);
            encrypt_pk_limbs(
                &params,
                &CpuNtt,
                tables,
                &pk_seed,
                &noise,
                &mut x,
                &mut y,
                |i, t, out, sc| public_key_limb(&CpuNtt, t, i, &SmallPoly::Stored(&sk), &e, &pk_seed, out, sc),
                |t, out| {
                    let i = tables.iter().position(|u| u.q() == t.q()).unwrap();
                    out.copy_from_slice(&plain[i * n..(i + 1) * n]);
                    Ok(())
                },
                |c, i, limb| {
                    order.push((c, i));
                    let d = if c == Component::C0 { &mut d0 } else { &mut d1 };
                    d[i * n..(i + 1) * n].copy_from_slice(limb);
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(d0, c0);
            assert_eq!(d1, c1);
            let want: Vec<_> =
                [Component::C0, Component::C1].iter().flat_map(|&c| (0..k).map(move |i| (c, i))).collect();
            assert_eq!(order, want);
        }
        let (mut x, mut y) = (vec![0u32; n], vec![0u32; n]);
        // Decryption limb by limb equals decrypt.
        let mut out = vec![0u32; k * n];
        decrypt(&CpuNtt, tables, &s_ref, &c0, &c1, &mut out).unwrap();
        for (i, t) in tables.iter().enumerate() {
            // The secret replayed from the generator that drew it.
            let sk_replay = SmallPoly::Ternary { rng: ChaCha20Rng::seed_from_u64(42) };
            decrypt_limb(&CpuNtt, t, &sk_replay, &mut x, &mut y, |c, o| {
                o.copy_from_slice(&if c == Component::C0 { &c0 } else { &c1 }[i * n..(i + 1) * n]);
                Ok(())
            })
            .unwrap();
            assert_eq!(y, out[i * n..(i + 1) * n], "limb {i}");
        }
        // Wrong lengths are errors.
        assert!(sample_encryption_noise(&params, &mut rng, &mut v[1..], &mut e0, &mut e1).is_err());
        assert!(small_to_eval_limb(&CpuNtt, &tables[0], &v[1..], &mut x).is_err());
        let sk = SmallPoly::Stored(&sk);
        assert!(decrypt_limb(&CpuNtt, &tables[0], &sk, &mut x, &mut y[1..], |_, _| Ok(())).is_err());
        assert!(decrypt_limb(&CpuNtt, &tables[0], &SmallPoly::Stored(&v[1..]), &mut x, &mut y, |_, _| Ok(())).is_err());
    }

    #[test]
    fn one_buffer_symmetric_encryption_and_decryption_are_bit_identical() {
        let params = Parameters::preset_n13();
        let n = params.n();
        let basis = RnsBasis::new(n, params.q_primes()).unwrap();
        let tables = basis.tables();
        let k = tables.len();
        let sk_state = ChaCha20Rng::seed_from_u64(50);
        let mut sk = vec![0i8; n];
        generate_secret(&params, &mut sk_state.clone(), &mut sk, &mut []).unwrap();
        let mut s_buf = vec![0u32; k * n];
        let s_eval = secret_to_eval(&CpuNtt, tables, &sk, &mut s_buf).unwrap();
        let s_ref = s_eval.as_ref();
        let mut pt_buf = vec![0u32; k * n];
        let mut pt = PolyMut::<Coeff>::zeroed(tables, &mut pt_buf).unwrap();
        let z: Vec<Complex> = (0..n / 2).map(|i| Complex::new((i as f64 * 0.1).sin(), 0.25)).collect();
        encode_in_place(&mut z.clone(), params.default_scale(), &mut pt).unwrap();
        let plain = pt_buf.clone();
        let pt = PolyMut::<Coeff>::new(tables, &mut pt_buf).unwrap();
        let seed = [11u8; 32];
        let e_state = ChaCha20Rng::seed_from_u64(51);
        let (mut c0, mut c1, mut small) = (vec![0u32; k * n], vec![0u32; k * n], vec![0i8; n]);
        encrypt_sk(&params, &CpuNtt, &s_ref, pt, &seed, &mut e_state.clone(), &mut c0, &mut c1, &mut small).unwrap();

        // Uniform words one at a time are expand_limb's.
        let mut a = UniformLimb::new(&seed, 1, tables[1].q());
        let mut want = vec![0u32; n];
        expand_limb(&seed, 1, tables[1].q(), &mut want);
        assert!(want.iter().all(|&w| w == a.next_word()));

        let sk_replay = SmallPoly::Ternary { rng: sk_state.clone() };
        let e = SmallPoly::Cbd { rng: e_state.clone(), eta: params.error_eta() };
        let mut x = vec![0u32; n];
        let (mut d0, mut d1) = (vec![0u32; k * n], vec![0u32; k * n]);
        let mut order = Vec::new();
        encrypt_sk_limbs(
            &params,
            &CpuNtt,
            tables,
            &seed,
            &sk_replay,
            &e,
            &mut x,
            |t, out| {
                let i = tables.iter().position(|u| u.q() == t.q()).unwrap();
                let m = t.modulus();
                for (o, &p) in out.iter_mut().zip(&plain[i * n..(i + 1) * n]) {
                    *o = m.add(*o, p);
                }
                Ok(())
            },
            |c, i, limb| {
                order.push((c, i));
                let d = if c == Component::C0 { &mut d0 } else { &mut d1 };
                d[i * n..(i + 1) * n].copy_from_slice(limb);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(d0, c0);
        assert_eq!(d1, c1);
        let want: Vec<_> = [Component::C0, Component::C1].iter().flat_map(|&c| (0..k).map(move |i| (c, i))).collect();
        assert_eq!(order, want);

        // Decryption in one buffer, fed in chunks, equals decrypt.
        let mut out = vec![0u32; k * n];
        decrypt(&CpuNtt, tables, &s_ref, &c0, &c1, &mut out).unwrap();
        for (i, t) in tables.iter().enumerate() {
            decrypt_limb_streamed(&CpuNtt, t, &sk_replay, &mut x, |c, f| {
                let src = &if c == Component::C0 { &c0 } else { &c1 }[i * n..(i + 1) * n];
                for (j, chunk) in src.chunks(100).enumerate() {
                    f(j * 100, chunk)?;
                }
                Ok(())
            })
            .unwrap();
            assert_eq!(x, out[i * n..(i + 1) * n], "limb {i}");
            // Missing or out-of-order words are errors.
            let short = decrypt_limb_streamed(&CpuNtt, t, &sk_replay, &mut x, |_, f| f(0, &c0[..n - 1]));
            assert!(short.is_err());
            let gap = decrypt_limb_streamed(&CpuNtt, t, &sk_replay, &mut x, |_, f| f(1, &c0[..n - 1]));
            assert!(gap.is_err());
        }
        assert!(encrypt_sk_limbs(
            &params,
            &CpuNtt,
            tables,
            &seed,
            &sk_replay,
            &e,
            &mut x[1..],
            |_, _| Ok(()),
            |_, _, _| { Ok(()) }
        )
        .is_err());
    }

    #[test]
    fn switching_key_limbs_are_bit_identical() {
        use crate::ckks::{Context, KeyGenerator, ParametersLiteral};
        use crate::ring::automorphism::galois_element;
        let lit = ParametersLiteral {
            log_n: 11,
            log_scale: 29,
            max_level: 3,
            primes_per_level: 1,
            log_base_headroom: 31,
            dnum: 2,
            secret: crate::ckks::SecretDistribution::Ternary,
            sigma: 3.2,
        };
        let params = Parameters::new_insecure(lit).unwrap();
        let n = params.n();
        let ctx = Context::new(params.clone()).unwrap();
        let kg = KeyGenerator::new(&ctx);
        let start = ChaCha20Rng::seed_from_u64(60);
        let mut rng = start.clone();
        let sk = kg.gen_secret(&mut rng).unwrap();
        let relin = kg.gen_relin(&sk, &mut rng).unwrap();
        let rotations = [3i64, -1];
        let mut galois = Vec::new();
        for &r in &rotations {
            galois.push(kg.gen_galois(&sk, &[r], false, &mut rng).unwrap());
        }
        let after = rng.get_word_pos();

        // Replay: the secret from its generator state, then each key from
        // the position switching_key_words gives.
        let mut dev = start.clone();
        let secret = SmallPoly::Ternary { rng: dev.clone() };
        skip_ternary(&mut dev, n);
        let base = dev.get_word_pos();
        let per_key = switching_key_words(&params);
        assert_eq!(after, base + per_key * (1 + rotations.len() as u128));
        let qb = RnsBasis::new(n, params.q_primes()).unwrap();
        let pb = RnsBasis::new(n, params.p_primes()).unwrap();
        let alpha = params.alpha();
        let k = params.q_primes().len();
        let (mut x, mut y) = (vec![0u32; n], vec![0u32; n]);
        let mut keys = vec![(KeyTarget::Relin, &relin.0)];
        for (r, gk) in rotations.iter().zip(&galois) {
            let g = galois_element(*r, n);
            keys.push((KeyTarget::Galois(g), gk.get(g).unwrap()));
        }
        for (index, (target, key)) in keys.iter().enumerate() {
            dev.set_word_pos(base + per_key * index as u128);
            for (d, digit) in key.digits.iter().enumerate() {
                let mut seed = [0u8; SEED_LEN];
                dev.fill_bytes(&mut seed);
                assert_eq!(seed, digit.seed);
                let e = SmallPoly::Cbd { rng: dev.clone(), eta: params.error_eta() };
                skip_cbd(&mut dev, n);
                for (i, t) in qb.tables().iter().enumerate() {
                    let inside = (d * alpha..((d + 1) * alpha).min(k)).contains(&i);
                    let special = inside.then(|| (*target, p_mod_q(params.p_primes(), t)));
                    switching_key_limb(&CpuNtt, t, i as u64, &secret, &e, &seed, special, &mut x, &mut y).unwrap();
                    assert_eq!(x, digit.b_q.data()[i * n..(i + 1) * n], "{target:?} digit {d} Q limb {i}");
                }
                for (j, t) in pb.tables().iter().enumerate() {
                    switching_key_limb(&CpuNtt, t, P_STREAM + j as u64, &secret, &e, &seed, None, &mut x, &mut y)
                        .unwrap();
                    assert_eq!(x, digit.b_p.data()[j * n..(j + 1) * n], "{target:?} digit {d} P limb {j}");
                }
            }
        }
        // Bad arguments are errors.
        let t = &qb.tables()[0];
        let e = SmallPoly::Cbd { rng: dev.clone(), eta: params.error_eta() };
        let seed = [1u8; SEED_LEN];
        for target in [KeyTarget::Galois(2), KeyTarget::Galois(1), KeyTarget::Galois(2 * n as u64 + 1)] {
            let r = switching_key_limb(&CpuNtt, t, 0, &secret, &e, &seed, Some((target, 1)), &mut x, &mut y);
            assert!(r.is_err(), "{target:?}");
        }
        let r = switching_key_limb(&CpuNtt, t, 0, &secret, &e, &seed, Some((KeyTarget::Relin, t.q())), &mut x, &mut y);
        assert!(r.is_err());
        assert!(switching_key_limb(&CpuNtt, t, 0, &secret, &e, &seed, None, &mut x[1..], &mut y).is_err());
    }

    #[test]
    fn wrong_buffers_are_errors() {
        let params = Parameters::preset_n13();
        let n = params.n();
        let basis = RnsBasis::new(n, params.q_primes()).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(41);
        assert!(generate_secret(&params, &mut rng, &mut [0i8; 10], &mut []).is_err());
        let other = RnsBasis::generate(n, 28, 2).unwrap();
        assert!(level_of(&params, other.tables()).is_err());
        assert_eq!(level_of(&params, &basis.tables()[..2]).unwrap(), 0);
        assert!(level_of(&params, &basis.tables()[..3]).is_ok());
    }
}
