//! Owned encoding, encryption and decryption on a [`Context`] (the
//! allocation-free versions are in [`super::client`]).

use alloc::vec;
use alloc::vec::Vec;

use rand_chacha::rand_core::{CryptoRng, RngCore};

use super::ciphertext::{Ciphertext, Plaintext};
use super::client;
use super::context::Context;
use super::encoding::{slots_for, Complex};
use super::keys::{PublicKey, SecretKey};
use crate::ring::{Coeff, Eval, Poly};
use crate::{Error, Result};

impl Context {
    fn check_level(&self, level: u32) -> Result<()> {
        if level > self.params().max_level() {
            return Err(Error::InvalidArgument { reason: "level above the parameters' max_level" });
        }
        Ok(())
    }

    fn encode_coeff(&self, values: &[Complex], level: u32, scale: f64) -> Result<(Poly<Coeff>, usize)> {
        self.check_level(level)?;
        let mut pt = Poly::<Coeff>::zero(self.q_basis(), self.params().limbs_at(level))?;
        let slots = self.encoder().encode(values, scale, &mut pt.as_mut())?;
        Ok((pt, slots))
    }

    /// Encodes `values` (at most `N/2`) at `level` and `scale`.
    pub fn encode(&self, values: &[Complex], level: u32, scale: f64) -> Result<Plaintext> {
        let (pt, slots) = self.encode_coeff(values, level, scale)?;
        Ok(Plaintext {
            poly: pt.into_eval(self.engine())?,
            level,
            scale,
            slots,
            fingerprint: self.params().fingerprint(),
        })
    }

    /// Encodes real `values` at `level` and `scale`.
    pub fn encode_real(&self, values: &[f64], level: u32, scale: f64) -> Result<Plaintext> {
        let z: Vec<Complex> = values.iter().map(|&x| Complex::new(x, 0.0)).collect();
        self.encode(&z, level, scale)
    }

    /// Decodes a plaintext into its slots.
    pub fn decode(&self, pt: &Plaintext) -> Result<Vec<Complex>> {
        self.check_fingerprint("plaintext", pt.fingerprint)?;
        let c = pt.poly.clone().into_coeff(self.engine())?;
        self.encoder().decode(&c.as_ref(), pt.scale, pt.slots)
    }

    /// Public-key encryption of `values` at the top level and default scale.
    pub fn encrypt_pk<R: RngCore + CryptoRng>(
        &self,
        pk: &PublicKey,
        values: &[Complex],
        rng: &mut R,
    ) -> Result<Ciphertext> {
        self.encrypt_pk_at(pk, values, self.params().max_level(), self.params().default_scale(), rng)
    }

    /// Public-key encryption of `values` at `level` and `scale`.
    pub fn encrypt_pk_at<R: RngCore + CryptoRng>(
        &self,
        pk: &PublicKey,
        values: &[Complex],
        level: u32,
        scale: f64,
        rng: &mut R,
    ) -> Result<Ciphertext> {
        self.check_fingerprint("public key", pk.fingerprint)?;
        let (mut pt, slots) = self.encode_coeff(values, level, scale)?;
        let k = self.params().limbs_at(level);
        let n = self.params().n();
        let mut c0 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let mut c1 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let (mut small, mut scratch) = (vec![0i8; n], vec![0u32; n]);
        client::encrypt_pk(
            self.params(),
            self.engine(),
            pk.b.data(),
            &pk.seed,
            pt.as_mut(),
            rng,
            c0.as_mut().into_data(),
            c1.as_mut().into_data(),
            &mut small,
            &mut scratch,
        )?;
        Ok(Ciphertext { c0, c1, level, scale, slots, fingerprint: self.params().fingerprint() })
    }

    /// Secret-key encryption of `values` at the top level and default scale.
    pub fn encrypt_sk<R: RngCore + CryptoRng>(
        &self,
        sk: &SecretKey,
        values: &[Complex],
        rng: &mut R,
    ) -> Result<Ciphertext> {
        Ok(self.encrypt_sk_with_seed(sk, values, rng)?.0)
    }

    /// Secret-key encryption returning the ciphertext and the seed its `c1`
    /// was expanded from (for seeded ciphertexts).
    pub(crate) fn encrypt_sk_with_seed<R: RngCore + CryptoRng>(
        &self,
        sk: &SecretKey,
        values: &[Complex],
        rng: &mut R,
    ) -> Result<(Ciphertext, client::Seed)> {
        self.check_fingerprint("secret key", sk.fingerprint)?;
        let level = self.params().max_level();
        let scale = self.params().default_scale();
        let (mut pt, slots) = self.encode_coeff(values, level, scale)?;
        let k = self.params().limbs_at(level);
        let mut c0 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let mut c1 = Poly::<Eval>::zero(self.q_basis(), k)?;
        let mut seed = [0u8; client::SEED_LEN];
        rng.fill_bytes(&mut seed);
        let mut small = vec![0i8; self.params().n()];
        client::encrypt_sk(
            self.params(),
            self.engine(),
            &sk.q.as_ref(),
            pt.as_mut(),
            &seed,
            rng,
            c0.as_mut().into_data(),
            c1.as_mut().into_data(),
            &mut small,
        )?;
        Ok((Ciphertext { c0, c1, level, scale, slots, fingerprint: self.params().fingerprint() }, seed))
    }

    /// Decrypts and decodes `ct` into its slots.
    pub fn decrypt(&self, sk: &SecretKey, ct: &Ciphertext) -> Result<Vec<Complex>> {
        self.check_fingerprint("secret key", sk.fingerprint)?;
        self.check_fingerprint("ciphertext", ct.fingerprint)?;
        ct.check_level(self.params())?;
        let tables = self.q_tables(ct.level);
        let mut out = vec![0u32; tables.len() * self.params().n()];
        let pt = client::decrypt(self.engine(), tables, &sk.q.as_ref(), ct.c0.data(), ct.c1.data(), &mut out)?;
        self.encoder().decode(&pt.as_ref(), ct.scale, ct.slots)
    }

    /// Decrypts and returns the real parts of the slots.
    pub fn decrypt_real(&self, sk: &SecretKey, ct: &Ciphertext) -> Result<Vec<f64>> {
        Ok(self.decrypt(sk, ct)?.into_iter().map(|z| z.re).collect())
    }

    /// Slots used for `len` values.
    pub fn slots_for(&self, len: usize) -> usize {
        slots_for(len)
    }
}
