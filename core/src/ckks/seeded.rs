//! Seeded symmetric ciphertexts: secret-key encryption whose uniform half
//! `c1 = a` is stored as the 32-byte seed it was expanded from, halving the
//! size of what a client sends (SEAL's "seeded" ciphertexts do the same).

use super::ciphertext::Ciphertext;
use super::client::{self, Seed, SEED_LEN};
use super::context::Context;
use super::encoding::Complex;
use super::keys::SecretKey;
use crate::ring::{Eval, Poly};
use crate::Result;
use rand_chacha::rand_core::{CryptoRng, RngCore};

/// A fresh secret-key ciphertext as `(c0, seed of c1)`. Expand it into a
/// [`Ciphertext`] before computing on it.
#[derive(Clone, Debug, PartialEq)]
pub struct SeededCiphertext {
    pub(crate) c0: Poly<Eval>,
    pub(crate) seed: Seed,
    pub(crate) level: u32,
    pub(crate) scale: f64,
    pub(crate) slots: usize,
    pub(crate) fingerprint: u64,
}

impl SeededCiphertext {
    /// The level.
    pub fn level(&self) -> u32 {
        self.level
    }
    /// The scale.
    pub fn scale(&self) -> f64 {
        self.scale
    }
    /// Number of slots.
    pub fn slots(&self) -> usize {
        self.slots
    }
    /// The parameter fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Regenerates `c1` from the seed.
    pub fn expand(&self, ctx: &Context) -> Result<Ciphertext> {
        ctx.check_fingerprint("seeded ciphertext", self.fingerprint)?;
        let mut c1 = Poly::<Eval>::zero(ctx.q_basis(), self.c0.limbs())?;
        client::expand_uniform(&self.seed, 0, &mut c1.as_mut());
        Ok(Ciphertext {
            c0: self.c0.clone(),
            c1,
            level: self.level,
            scale: self.scale,
            slots: self.slots,
            fingerprint: self.fingerprint,
        })
    }
}

impl Context {
    /// Secret-key encryption of `values` at the top level and default
    /// scale, keeping `c1` as its seed.
    pub fn encrypt_sk_seeded<R: RngCore + CryptoRng>(
        &self,
        sk: &SecretKey,
        values: &[Complex],
        rng: &mut R,
    ) -> Result<SeededCiphertext> {
        self.check_fingerprint("secret key", sk.fingerprint)?;
        let params = self.params();
        let level = params.max_level();
        let scale = params.default_scale();
        let k = params.limbs_at(level);
        let mut pt = Poly::<crate::ring::Coeff>::zero(self.q_basis(), k)?;
        let slots = self.encoder().encode(values, scale, &mut pt.as_mut())?;
        let mut c0 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let mut c1 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let mut seed = [0u8; SEED_LEN];
        rng.fill_bytes(&mut seed);
        let mut small = alloc::vec![0i8; params.n()];
        client::encrypt_sk(
            params,
            self.engine(),
            &sk.q.as_ref(),
            pt.as_mut(),
            &seed,
            rng,
            c0.as_mut().into_data(),
            c1.as_mut().into_data(),
            &mut small,
        )?;
        Ok(SeededCiphertext { c0, seed, level, scale, slots, fingerprint: params.fingerprint() })
    }
}
