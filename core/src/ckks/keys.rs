//! Owned keys and their generation: the secret key (zeroised on drop), the
//! public key, and key-switching keys for relinearisation and Galois
//! automorphisms (hybrid key switching with `dnum` digits).
//!
//! Every key's uniform half is derived from a stored 32-byte seed (see
//! [`super::client`]), so files can hold seeds instead of half the key.

use alloc::collections::BTreeMap;
use alloc::vec;
use alloc::vec::Vec;

use rand_chacha::rand_core::{CryptoRng, RngCore};

use super::client::{self, Seed, P_STREAM, SEED_LEN};
use super::context::Context;
use crate::ring::automorphism::{self, conjugation_element, galois_element};
use crate::ring::{Coeff, Eval, Poly};
use crate::sample;
use crate::{Error, Result};

/// The secret key `s`: its ternary coefficients and its NTT over `Q` and
/// `P`. Zeroised on drop; never serialised implicitly.
pub struct SecretKey {
    pub(crate) coeffs: Vec<i8>,
    pub(crate) q: Poly<Eval>,
    pub(crate) p: Poly<Eval>,
    pub(crate) fingerprint: u64,
}

impl core::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SecretKey { .. }")
    }
}

impl Drop for SecretKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.coeffs);
        self.q.zeroize();
        self.p.zeroize();
    }
}

impl SecretKey {
    /// The parameter fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// The public key `(b, a)`, `b = -a s + e`, with `a` from `seed`.
#[derive(Clone, Debug, PartialEq)]
pub struct PublicKey {
    pub(crate) b: Poly<Eval>,
    pub(crate) seed: Seed,
    pub(crate) fingerprint: u64,
}

impl PublicKey {
    /// The parameter fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// One digit of a key-switching key over `Q` and `P` (NTT domain).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct KeyDigit {
    pub(crate) b_q: Poly<Eval>,
    pub(crate) b_p: Poly<Eval>,
    pub(crate) a_q: Poly<Eval>,
    pub(crate) a_p: Poly<Eval>,
    pub(crate) seed: Seed,
}

/// A key-switching key from `s'` (`s^2` or `s(X^g)`) to `s`: digit `j`
/// encrypts `P * Qtilde_j * s'` where `Qtilde_j` is 1 modulo the digit's
/// primes and 0 modulo the other primes of `Q`.
#[derive(Clone, Debug, PartialEq)]
pub struct SwitchingKey {
    pub(crate) digits: Vec<KeyDigit>,
    /// Galois element (0 for relinearisation).
    pub(crate) galois: u64,
    pub(crate) fingerprint: u64,
}

impl SwitchingKey {
    /// The Galois element this key serves (0 for relinearisation).
    pub fn galois_element(&self) -> u64 {
        self.galois
    }
    /// Number of digits.
    pub fn digits(&self) -> usize {
        self.digits.len()
    }
    /// The parameter fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// The relinearisation key (`s^2 -> s`).
#[derive(Clone, Debug, PartialEq)]
pub struct RelinKey(pub(crate) SwitchingKey);

/// Galois keys by Galois element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GaloisKeys {
    pub(crate) keys: BTreeMap<u64, SwitchingKey>,
}

impl GaloisKeys {
    /// The key for Galois element `g`, if generated.
    pub fn get(&self, g: u64) -> Option<&SwitchingKey> {
        self.keys.get(&g)
    }
    /// The Galois elements with keys.
    pub fn elements(&self) -> impl Iterator<Item = u64> + '_ {
        self.keys.keys().copied()
    }
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
    /// True when no key is present.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
    /// Adds or replaces keys from `other` (same parameters).
    pub fn extend(&mut self, other: GaloisKeys) {
        self.keys.extend(other.keys);
    }
}

fn random_seed<R: RngCore + CryptoRng>(rng: &mut R) -> Seed {
    let mut s = [0u8; SEED_LEN];
    rng.fill_bytes(&mut s);
    s
}

/// Generates keys for a [`Context`].
#[derive(Debug, Clone, Copy)]
pub struct KeyGenerator<'a> {
    ctx: &'a Context,
}

impl<'a> KeyGenerator<'a> {
    /// A generator for `ctx`.
    pub fn new(ctx: &'a Context) -> Self {
        Self { ctx }
    }

    /// A fresh secret key.
    pub fn gen_secret<R: RngCore + CryptoRng>(&self, rng: &mut R) -> Result<SecretKey> {
        let params = self.ctx.params();
        let n = params.n();
        let mut coeffs = vec![0i8; n];
        let mut scratch = vec![0u64; n];
        client::generate_secret(params, rng, &mut coeffs, &mut scratch)?;
        let engine = self.ctx.engine();
        let mut q = Poly::<Coeff>::zero(self.ctx.q_basis(), self.ctx.q_basis().len())?;
        q.as_mut().set_small(&coeffs)?;
        let mut p = Poly::<Coeff>::zero(self.ctx.p_basis(), self.ctx.p_basis().len())?;
        p.as_mut().set_small(&coeffs)?;
        Ok(SecretKey { coeffs, q: q.into_eval(engine)?, p: p.into_eval(engine)?, fingerprint: params.fingerprint() })
    }

    /// The public key of `sk`.
    pub fn gen_public<R: RngCore + CryptoRng>(&self, sk: &SecretKey, rng: &mut R) -> Result<PublicKey> {
        self.ctx.check_fingerprint("secret key", sk.fingerprint)?;
        let params = self.ctx.params();
        let n = params.n();
        let seed = random_seed(rng);
        let mut b = Poly::<Eval>::zero(self.ctx.q_basis(), self.ctx.q_basis().len())?;
        let (mut small, mut scratch) = (vec![0i8; n], vec![0u32; n]);
        client::generate_public_key(
            params,
            self.ctx.engine(),
            &sk.q.as_ref(),
            &seed,
            rng,
            b.as_mut().into_data(),
            &mut small,
            &mut scratch,
        )?;
        Ok(PublicKey { b, seed, fingerprint: params.fingerprint() })
    }

    /// The relinearisation key of `sk`.
    pub fn gen_relin<R: RngCore + CryptoRng>(&self, sk: &SecretKey, rng: &mut R) -> Result<RelinKey> {
        self.ctx.check_fingerprint("secret key", sk.fingerprint)?;
        let mut s2_q = sk.q.clone();
        s2_q.as_mut().mul_assign(&sk.q.as_ref())?;
        let key = self.switching_key(sk, &s2_q, 0, rng);
        s2_q.zeroize();
        Ok(RelinKey(key?))
    }

    /// Galois keys for rotations by each of `rotations` slots (left for
    /// positive values) and, if `conjugate`, for complex conjugation.
    pub fn gen_galois<R: RngCore + CryptoRng>(
        &self,
        sk: &SecretKey,
        rotations: &[i64],
        conjugate: bool,
        rng: &mut R,
    ) -> Result<GaloisKeys> {
        self.ctx.check_fingerprint("secret key", sk.fingerprint)?;
        let n = self.ctx.params().n();
        let mut elements: Vec<u64> = rotations.iter().map(|&r| galois_element(r, n)).collect();
        if conjugate {
            elements.push(conjugation_element(n));
        }
        let mut keys = BTreeMap::new();
        for g in elements {
            if g == 1 || keys.contains_key(&g) {
                continue;
            }
            let mut sg_q = Poly::<Eval>::zero(self.ctx.q_basis(), self.ctx.q_basis().len())?;
            automorphism::apply(&sk.q.as_ref(), g, &mut sg_q.as_mut())?;
            let key = self.switching_key(sk, &sg_q, g, rng);
            sg_q.zeroize();
            keys.insert(g, key?);
        }
        Ok(GaloisKeys { keys })
    }

    /// A key switching `s'` (NTT domain over `Q`; `P s'` vanishes modulo
    /// the special primes) to `sk`.
    fn switching_key<R: RngCore + CryptoRng>(
        &self,
        sk: &SecretKey,
        sp_q: &Poly<Eval>,
        galois: u64,
        rng: &mut R,
    ) -> Result<SwitchingKey> {
        let params = self.ctx.params();
        let n = params.n();
        let engine = self.ctx.engine();
        let top = params.max_level();
        let consts = self.ctx.level_constants(top);
        let (qb, pb) = (self.ctx.q_basis(), self.ctx.p_basis());
        let mut small = vec![0i8; n];
        let mut digits = Vec::with_capacity(consts.digits.len());
        for d in &consts.digits {
            let seed = random_seed(rng);
            let mut a_q = Poly::<Eval>::zero(qb, qb.len())?;
            client::expand_uniform(&seed, 0, &mut a_q.as_mut());
            let mut a_p = Poly::<Eval>::zero(pb, pb.len())?;
            client::expand_uniform(&seed, P_STREAM, &mut a_p.as_mut());
            // b = e - a s (+ P s' on the digit's primes).
            sample::centered_binomial(rng, params.error_eta(), &mut small)?;
            let mut e_q = Poly::<Coeff>::zero(qb, qb.len())?;
            e_q.as_mut().set_small(&small)?;
            let mut e_p = Poly::<Coeff>::zero(pb, pb.len())?;
            e_p.as_mut().set_small(&small)?;
            small.fill(0);
            let mut b_q = e_q.into_eval(engine)?;
            let mut b_p = e_p.into_eval(engine)?;
            let mut as_q = a_q.clone();
            as_q.as_mut().mul_assign(&sk.q.as_ref())?;
            b_q.as_mut().sub_assign(&as_q.as_ref())?;
            let mut as_p = a_p.clone();
            as_p.as_mut().mul_assign(&sk.p.as_ref())?;
            b_p.as_mut().sub_assign(&as_p.as_ref())?;
            let bd = b_q.as_mut().into_data();
            for i in d.start..d.end {
                let t = &qb.tables()[i];
                let m = t.modulus();
                let pm = consts.p_mod_q[i];
                let src = &sp_q.data()[i * n..(i + 1) * n];
                for (x, &s) in bd[i * n..(i + 1) * n].iter_mut().zip(src) {
                    *x = m.add(*x, m.mul(pm, s));
                }
            }
            digits.push(KeyDigit { b_q, b_p, a_q, a_p, seed });
        }
        Ok(SwitchingKey { digits, galois, fingerprint: params.fingerprint() })
    }
}

/// Errors unless `key` serves Galois element `g`.
pub(crate) fn check_galois(key: &SwitchingKey, g: u64) -> Result<()> {
    if key.galois != g {
        return Err(Error::MissingKey { kind: "Galois", galois: g });
    }
    Ok(())
}
