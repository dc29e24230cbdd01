//! Errors of the model description, its file and its evaluator.

use crate::approx;

/// Everything that can go wrong with a model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file does not start with `POLYHE`.
    #[error("not a polyhe file: the magic bytes POLYHE are missing")]
    BadMagic,
    /// A polyhe file of another kind (e.g. a ciphertext).
    #[error("this polyhe file holds kind {found}, not a model (kind {expected}): pass a model file")]
    WrongKind {
        /// The kind byte found.
        found: u8,
        /// The model kind.
        expected: u8,
    },
    /// A model file of a format version this build does not read.
    #[error("model file version {found} is not supported (this build reads versions 1 to {supported}): convert the model again with this version")]
    UnsupportedVersion {
        /// Version found.
        found: u16,
        /// Newest version this build reads and writes.
        supported: u16,
    },
    /// The envelope cannot be decoded: the file is cut short or its header damaged.
    #[error("the model file is truncated or its header is corrupted")]
    Truncated,
    /// The body does not match its checksum.
    #[error("checksum mismatch: the model file is corrupted (stored {stored:#018x}, computed {computed:#018x})")]
    Checksum {
        /// Checksum in the file.
        stored: u64,
        /// Checksum of the body read.
        computed: u64,
    },
    /// The header's architecture fingerprint does not match the body's configuration.
    #[error("fingerprint mismatch: the header says {stored:#018x}, the model's configuration gives {computed:#018x}: the file is corrupted")]
    Fingerprint {
        /// Fingerprint in the header.
        stored: u64,
        /// Fingerprint of the decoded configuration.
        computed: u64,
    },
    /// Bytes after the envelope.
    #[error("{extra} trailing bytes after the model")]
    TrailingBytes {
        /// How many.
        extra: usize,
    },
    /// The body passed its checksum but does not decode as a model (written
    /// by an incompatible build with the same version number).
    #[error("the model body does not decode")]
    Body,
    /// Serialisation failed (out of memory).
    #[error("the model could not be serialised")]
    Serialise,
    /// The configuration is inconsistent.
    #[error("invalid model configuration: {reason}")]
    InvalidConfig {
        /// What is wrong.
        reason: &'static str,
    },
    /// A tensor whose shape contradicts the configuration.
    #[error("{what} has shape {actual:?}, the configuration needs {expected:?}")]
    Shape {
        /// Which tensor.
        what: &'static str,
        /// Expected `[rows, cols]` (or `[len, 1]`).
        expected: [u32; 2],
        /// Found.
        actual: [u32; 2],
    },
    /// A weight is NaN or infinite.
    #[error("{what} holds a NaN or infinite weight")]
    NonFiniteWeight {
        /// Which tensor.
        what: &'static str,
    },
    /// An input of the wrong length.
    #[error("the input has {actual} values, the model takes {expected} (image rows x cols)")]
    InputLength {
        /// Pixels the model takes.
        expected: usize,
        /// Values given.
        actual: usize,
    },
    /// In checked evaluation, an activation input outside its table's interval.
    #[error("block {block} {site}: activation input {x} is outside the table's interval [{a}, {b}]: the polynomial is wrong there (retrain with the range loss or refit on a wider interval)")]
    ActivationOutOfRange {
        /// Block index.
        block: u32,
        /// "attention" or "mlp".
        site: &'static str,
        /// The input.
        x: f64,
        /// Interval left end.
        a: f64,
        /// Interval right end.
        b: f64,
    },
    /// An approximation table is malformed.
    #[error("approximation table: {0}")]
    Approx(#[from] approx::Error),
}

/// Result alias for this module.
pub type Result<T, E = Error> = core::result::Result<T, E>;
