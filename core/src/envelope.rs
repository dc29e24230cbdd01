//! The envelope every polyhe file shares: `{ magic "POLYHE", kind, version,
//! fingerprint, body, checksum }`, postcard-encoded. The body is the kind's
//! own postcard encoding; the fingerprint names the parameters (or model
//! architecture) the object belongs to; the checksum is FNV-1a 64 over the
//! body, which catches corruption, not tampering.
//!
//! Kind bytes: 1 to 8 for the CKKS objects (`ckks::files::FileKind`),
//! 32 for models (`nn`). Reading needs no allocation, so the firmware's
//! `ckks::wire` uses the same code as the host's `ckks::files`.

use serde::{Deserialize, Serialize};

use crate::Error;

/// The first six bytes of every polyhe file.
pub const MAGIC: [u8; 6] = *b"POLYHE";

/// The envelope as postcard lays it out.
#[derive(Serialize, Deserialize)]
pub(crate) struct Envelope<'a> {
    pub(crate) magic: [u8; 6],
    pub(crate) kind: u8,
    pub(crate) version: u16,
    pub(crate) fingerprint: u64,
    #[serde(borrow)]
    pub(crate) body: &'a [u8],
    pub(crate) checksum: u64,
}

/// FNV-1a 64 of `bytes`: the checksum of polyhe's files (it detects
/// accidental corruption; it is not a cryptographic integrity check).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What is wrong with an envelope, before the caller maps it to its own
/// error type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EnvelopeError {
    /// No magic bytes: not a polyhe file.
    BadMagic,
    /// The header does not decode (truncated or corrupted).
    Truncated,
    /// Another kind of file (the kind byte found).
    WrongKind(u8),
    /// Another format version (the version found).
    Version(u16),
    /// Bytes after the envelope.
    Trailing,
    /// The body's checksum does not match.
    Checksum,
}

/// Checks magic, kind, version, trailing bytes and checksum, in that
/// order; returns `(fingerprint, body)`.
pub(crate) fn open(bytes: &[u8], kind: u8, version: u16) -> Result<(u64, &[u8]), EnvelopeError> {
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        return Err(EnvelopeError::BadMagic);
    }
    let (env, rest): (Envelope<'_>, &[u8]) = postcard::take_from_bytes(bytes).map_err(|_| EnvelopeError::Truncated)?;
    if env.kind != kind {
        return Err(EnvelopeError::WrongKind(env.kind));
    }
    if env.version != version {
        return Err(EnvelopeError::Version(env.version));
    }
    if !rest.is_empty() {
        return Err(EnvelopeError::Trailing);
    }
    if fnv1a(env.body) != env.checksum {
        return Err(EnvelopeError::Checksum);
    }
    Ok((env.fingerprint, env.body))
}

/// Names of the kind bytes, for messages.
const KINDS: [(u8, &str); 9] = [
    (1, "parameters"),
    (2, "public key"),
    (3, "relinearisation key"),
    (4, "Galois keys"),
    (5, "ciphertext"),
    (6, "plaintext"),
    (7, "secret key"),
    (8, "seeded ciphertext"),
    (32, "model"),
];

/// The human name of a kind byte.
pub(crate) fn kind_name(kind: u8) -> Option<&'static str> {
    KINDS.iter().find(|(k, _)| *k == kind).map(|(_, name)| *name)
}

impl EnvelopeError {
    /// The crate's typed error for this problem in a `what` file read by a
    /// build that supports format `version` (the same for `ckks::files`
    /// and `ckks::wire`, so both readers fail alike).
    pub(crate) fn into_error(self, what: &'static str, version: u16) -> Error {
        let bad = |reason| Error::FileFormat { expected: what, reason };
        match self {
            Self::BadMagic => bad("the magic bytes are missing: this is not a polyhe file"),
            Self::Truncated => bad("the file is truncated or its header is corrupted"),
            Self::WrongKind(k) => match kind_name(k) {
                Some(found) => Error::WrongFileKind { expected: what, found },
                None => bad("unknown file kind"),
            },
            Self::Version(found) => Error::UnsupportedVersion { what, found, supported: version },
            Self::Trailing => bad("trailing bytes after the object"),
            Self::Checksum => bad("checksum mismatch: the file is corrupted"),
        }
    }
}
