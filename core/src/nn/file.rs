//! The model file: the envelope of `ckks::files` (magic, kind, version,
//! fingerprint, body, checksum; postcard throughout) with a kind of its
//! own, so that either reader refuses the other's files by kind (the
//! envelope type and checksum are `crate::envelope`'s; the checks stay here
//! because model errors carry more detail).
//!
//! The fingerprint field holds the FNV-1a 64 hash of the postcard-encoded
//! [`ModelConfig`](super::ModelConfig): the HE plan derived from a model
//! can quote it, and key files made for one architecture can be matched to
//! it. The checksum (FNV-1a 64 over the body) catches corruption, not
//! tampering.

use alloc::vec::Vec;

use super::{Error, Model, Result};

/// The first six bytes of every polyhe file.
pub const MODEL_MAGIC: [u8; 6] = crate::envelope::MAGIC;
/// The kind byte of model files. `ckks::files` numbers its kinds from 1
/// upwards; models take 32 to stay clear of them.
pub const MODEL_KIND: u8 = 32;
/// The model format version this build writes and reads.
pub const MODEL_VERSION: u16 = 1;

use crate::envelope::{fnv1a, Envelope};

impl Model {
    /// The architecture fingerprint stored in the file header (FNV-1a 64
    /// of the postcard-encoded configuration).
    pub fn fingerprint(&self) -> Result<u64> {
        postcard::to_allocvec(&self.config).map(|b| fnv1a(&b)).map_err(|_| Error::Serialise)
    }

    /// Serialises the model into a framed file (validated first, so that a
    /// file this writes is one [`Model::from_bytes`] reads).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        self.validate()?;
        let body = postcard::to_allocvec(self).map_err(|_| Error::Serialise)?;
        let env = Envelope {
            magic: MODEL_MAGIC,
            kind: MODEL_KIND,
            version: MODEL_VERSION,
            fingerprint: self.fingerprint()?,
            checksum: fnv1a(&body),
            body: &body,
        };
        postcard::to_allocvec(&env).map_err(|_| Error::Serialise)
    }

    /// Reads a model file. Checks, in order: magic, envelope, kind,
    /// version, trailing bytes, checksum, body, then every shape
    /// ([`Model::validate`]). Each failure is a typed error.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        if bytes.len() < MODEL_MAGIC.len() || bytes[..MODEL_MAGIC.len()] != MODEL_MAGIC {
            return Err(Error::BadMagic);
        }
        let (env, rest): (Envelope<'_>, &[u8]) = postcard::take_from_bytes(bytes).map_err(|_| Error::Truncated)?;
        if env.kind != MODEL_KIND {
            return Err(Error::WrongKind { found: env.kind, expected: MODEL_KIND });
        }
        if env.version != MODEL_VERSION {
            return Err(Error::UnsupportedVersion { found: env.version, supported: MODEL_VERSION });
        }
        if !rest.is_empty() {
            return Err(Error::TrailingBytes { extra: rest.len() });
        }
        let computed = fnv1a(env.body);
        if computed != env.checksum {
            return Err(Error::Checksum { stored: env.checksum, computed });
        }
        let model: Model = match postcard::take_from_bytes(env.body) {
            Ok((m, [])) => m,
            _ => return Err(Error::Body),
        };
        // The header's fingerprint is outside the checksum: check it too.
        let fingerprint = model.fingerprint()?;
        if fingerprint != env.fingerprint {
            return Err(Error::Fingerprint { stored: env.fingerprint, computed: fingerprint });
        }
        model.validate()?;
        Ok(model)
    }
}
