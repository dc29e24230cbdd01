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
/// The newest model format version: this build reads it and writes it for
/// language-form models (version 2 appended [`Model::norms`]).
pub const MODEL_VERSION: u16 = 2;
/// The first format version, without [`Model::norms`]: still read, and
/// still written for vision-form models (`norms: None`), so that files of
/// those models stay byte-identical to what earlier builds wrote and
/// earlier readers keep reading them.
pub const MODEL_VERSION_VISION: u16 = 1;

use alloc::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{Calibration, Linear, ModelConfig};
use crate::envelope::{fnv1a, Envelope};

/// The version-1 body: [`Model`] without its last field. Borrowed for
/// writing, owned for reading (postcard is positional, so the field list
/// is the format).
#[derive(Serialize, Deserialize)]
struct ModelV1<'a> {
    config: Cow<'a, ModelConfig>,
    embed: Cow<'a, Linear>,
    pos: Cow<'a, [f32]>,
    blocks: Cow<'a, [super::Block]>,
    head: Cow<'a, Linear>,
    calibration: Cow<'a, Option<Calibration>>,
}

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
        let (version, body) = if self.norms.is_none() {
            let v1 = ModelV1 {
                config: Cow::Borrowed(&self.config),
                embed: Cow::Borrowed(&self.embed),
                pos: Cow::Borrowed(&self.pos),
                blocks: Cow::Borrowed(&self.blocks),
                head: Cow::Borrowed(&self.head),
                calibration: Cow::Borrowed(&self.calibration),
            };
            (MODEL_VERSION_VISION, postcard::to_allocvec(&v1))
        } else {
            (MODEL_VERSION, postcard::to_allocvec(self))
        };
        let body = body.map_err(|_| Error::Serialise)?;
        let env = Envelope {
            magic: MODEL_MAGIC,
            kind: MODEL_KIND,
            version,
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
        if env.version != MODEL_VERSION && env.version != MODEL_VERSION_VISION {
            return Err(Error::UnsupportedVersion { found: env.version, supported: MODEL_VERSION });
        }
        if !rest.is_empty() {
            return Err(Error::TrailingBytes { extra: rest.len() });
        }
        let computed = fnv1a(env.body);
        if computed != env.checksum {
            return Err(Error::Checksum { stored: env.checksum, computed });
        }
        let model: Model = if env.version == MODEL_VERSION_VISION {
            match postcard::take_from_bytes::<ModelV1<'_>>(env.body) {
                Ok((m, [])) => Model {
                    config: m.config.into_owned(),
                    embed: m.embed.into_owned(),
                    pos: m.pos.into_owned(),
                    blocks: m.blocks.into_owned(),
                    head: m.head.into_owned(),
                    calibration: m.calibration.into_owned(),
                    norms: None,
                },
                _ => return Err(Error::Body),
            }
        } else {
            match postcard::take_from_bytes(env.body) {
                Ok((m, [])) => m,
                _ => return Err(Error::Body),
            }
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
