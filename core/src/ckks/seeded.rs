//! Seeded symmetric ciphertexts: secret-key encryption whose uniform half
//! `c1 = a` is stored as the 32-byte seed it was expanded from, halving the
//! size of what a client sends (SEAL's "seeded" ciphertexts do the same).

use super::ciphertext::Ciphertext;
use super::client::{self, Seed};
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
        let (ct, seed) = self.encrypt_sk_with_seed(sk, values, rng)?;
        let Ciphertext { c0, level, scale, slots, fingerprint, .. } = ct;
        Ok(SeededCiphertext { c0, seed, level, scale, slots, fingerprint })
    }
}
