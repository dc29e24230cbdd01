//! The files of the inference commands: a key directory and batches of
//! ciphertexts.
//!
//! A key directory holds `params.bin` (the CKKS parameters), `relin.key`
//! and `galois.key` (evaluation keys, shareable with whoever runs the
//! model), `secret.key` (the client's; `polyhe infer` never opens it) and
//! `model.fp` (the fingerprint of the model the keys were planned for).
//! A batch file (`POLYHEB` magic, version, postcard body) holds the
//! ciphertext columns of one or more passes, each column a standard
//! ciphertext file of `polyhe_core::ckks::files`, so every column is
//! checked (kind, parameters, checksum) on reading.

use std::path::{Path, PathBuf};

use polyhe_core::fnv1a;
use serde::{Deserialize, Serialize};

/// Magic of a batch file.
pub const BATCH_MAGIC: &[u8; 7] = b"POLYHEB";
/// Version of the batch format.
pub const BATCH_VERSION: u16 = 1;

/// What a batch holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BatchKind {
    /// Encrypted inputs (one column per patch pixel per pass).
    Inputs,
    /// Encrypted logits (one column per class per pass).
    Logits,
}

impl BatchKind {
    fn name(self) -> &'static str {
        match self {
            BatchKind::Inputs => "encrypted inputs (polyhe encrypt)",
            BatchKind::Logits => "encrypted logits (polyhe infer)",
        }
    }
}

/// Ciphertext columns of `samples` samples, `passes` evaluations of
/// `columns` ciphertexts each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    /// Inputs or logits.
    pub kind: BatchKind,
    /// Fingerprint of the model (FNV-1a of its file) the batch belongs to.
    pub model: u64,
    /// Samples in the batch (the last pass may be partly filled).
    pub samples: u32,
    /// Ciphertexts per pass.
    pub columns: u32,
    /// Serialised ciphertexts, pass-major.
    pub ciphertexts: Vec<Vec<u8>>,
}

/// Errors of the inference files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Not a batch file, another version, or corrupted.
    #[error("{path}: not a polyhe ciphertext batch ({reason})")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A batch of the other kind.
    #[error("{path} holds {found}, but {expected} are needed")]
    Kind {
        /// The file.
        path: PathBuf,
        /// What it holds.
        found: &'static str,
        /// What was expected.
        expected: &'static str,
    },
    /// A batch or key directory made for another model.
    #[error("{path} was made for another model (fingerprint {found:#018x}, this model {expected:#018x}): use files from one model's keygen/encrypt")]
    OtherModel {
        /// The file.
        path: PathBuf,
        /// Its fingerprint.
        found: u64,
        /// The model's.
        expected: u64,
    },
}

/// A model's fingerprint: FNV-1a of its file bytes.
pub fn model_fingerprint(model_bytes: &[u8]) -> u64 {
    fnv1a(model_bytes)
}

/// Reads a file with its path in the error.
pub fn read(path: &Path) -> Result<Vec<u8>, FileError> {
    std::fs::read(path).map_err(|source| FileError::Io { path: path.to_owned(), source })
}

/// Writes a file with its path in the error.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    std::fs::write(path, bytes).map_err(|source| FileError::Io { path: path.to_owned(), source })
}

impl Batch {
    /// The file bytes: magic, version, postcard body, FNV-1a checksum of
    /// the body.
    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        let body = postcard::to_allocvec(self)?;
        let mut out = Vec::with_capacity(body.len() + 17);
        out.extend_from_slice(BATCH_MAGIC);
        out.extend_from_slice(&BATCH_VERSION.to_le_bytes());
        out.extend_from_slice(&fnv1a(&body).to_le_bytes());
        out.extend_from_slice(&body);
        Ok(out)
    }

    /// Reads a batch of `kind` for the model with fingerprint `model`.
    pub fn read(path: &Path, kind: BatchKind, model: u64) -> Result<Self, FileError> {
        let bytes = read(path)?;
        let bad = |reason: &str| FileError::Format { path: path.to_owned(), reason: reason.into() };
        if bytes.len() < 17 || &bytes[..7] != BATCH_MAGIC {
            return Err(bad("the magic bytes POLYHEB are missing"));
        }
        let version = u16::from_le_bytes([bytes[7], bytes[8]]);
        if version != BATCH_VERSION {
            return Err(bad(&format!("version {version}, this program reads version {BATCH_VERSION}")));
        }
        let sum = u64::from_le_bytes(bytes[9..17].try_into().map_err(|_| bad("truncated header"))?);
        let body = &bytes[17..];
        if fnv1a(body) != sum {
            return Err(bad("the checksum does not match: the file is corrupted"));
        }
        let b: Batch = postcard::from_bytes(body).map_err(|e| bad(&format!("malformed body: {e}")))?;
        if b.kind != kind {
            return Err(FileError::Kind { path: path.to_owned(), found: b.kind.name(), expected: kind.name() });
        }
        if b.model != model {
            return Err(FileError::OtherModel { path: path.to_owned(), found: b.model, expected: model });
        }
        if b.columns == 0 || !b.ciphertexts.len().is_multiple_of(b.columns as usize) {
            return Err(bad("the ciphertext count is not a whole number of passes"));
        }
        Ok(b)
    }
}
