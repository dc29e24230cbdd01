//! Plaintexts and ciphertexts with their metadata (level, scale, slot
//! count, parameter fingerprint). Both live in the NTT domain.

use super::params::Parameters;
use crate::ring::{Eval, Poly};
use crate::{Error, Result};

/// An encoded message: `round(scale * sigma^-1(z))` over the `Q` primes of
/// its level, in the NTT domain.
#[derive(Clone, Debug, PartialEq)]
pub struct Plaintext {
    pub(crate) poly: Poly<Eval>,
    pub(crate) level: u32,
    pub(crate) scale: f64,
    pub(crate) slots: usize,
    pub(crate) fingerprint: u64,
}

impl Plaintext {
    /// The level (number of rescalings left).
    pub fn level(&self) -> u32 {
        self.level
    }
    /// The scale.
    pub fn scale(&self) -> f64 {
        self.scale
    }
    /// Number of slots (a power of two, at most `N/2`).
    pub fn slots(&self) -> usize {
        self.slots
    }
    /// The parameter fingerprint.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
    /// The encoded polynomial.
    pub fn poly(&self) -> &Poly<Eval> {
        &self.poly
    }
}

/// A CKKS ciphertext `(c0, c1)` with `c0 + c1 s = scale * m + e`, over the
/// `Q` primes of its level, in the NTT domain.
#[derive(Clone, Debug, PartialEq)]
pub struct Ciphertext {
    pub(crate) c0: Poly<Eval>,
    pub(crate) c1: Poly<Eval>,
    pub(crate) level: u32,
    pub(crate) scale: f64,
    pub(crate) slots: usize,
    pub(crate) fingerprint: u64,
}

impl Ciphertext {
    /// The level (number of rescalings left).
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
    /// The two components.
    pub fn parts(&self) -> (&Poly<Eval>, &Poly<Eval>) {
        (&self.c0, &self.c1)
    }
    /// Size in bytes of the residues (both components, 4 bytes a word).
    pub fn byte_size(&self) -> usize {
        4 * (self.c0.data().len() + self.c1.data().len())
    }

    /// Overrides the tracked scale (for callers that know the exact value,
    /// e.g. after multiplying by a constant they accounted for).
    pub fn set_scale(&mut self, scale: f64) -> Result<()> {
        if !(scale.is_finite() && scale > 0.0) {
            return Err(Error::InvalidArgument { reason: "a scale must be finite and positive" });
        }
        self.scale = scale;
        Ok(())
    }

    pub(crate) fn check_level(&self, params: &Parameters) -> Result<()> {
        if self.c0.limbs() != params.limbs_at(self.level) || self.c1.limbs() != self.c0.limbs() {
            return Err(Error::BasisMismatch { what: "ciphertext limbs do not match its level" });
        }
        Ok(())
    }
}
