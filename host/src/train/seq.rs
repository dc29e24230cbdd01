//! mnist1d (Greydanus 2020, `pip install mnist1d`, Apache-2.0): 1-D
//! sequences of 40 values in 10 classes, the sequence task of the language
//! form, as exported by `scripts/export_mnist1d.py` to
//! `host/data/mnist1d.bin`.
//!
//! The file (little-endian): the magic `MNIST1D\0`, five `u32` (format
//! version 1, training sequences, test sequences, sequence length,
//! classes), then the training values (`f32`, sequence after sequence),
//! the training labels (`u8`), the test values and the test labels. The
//! package's defaults give 4000 + 1000 sequences of 40: 805,028 bytes.
//!
//! A [`SeqSet`] is a dataset of `1 x len` "images" for the trainer: the
//! model cuts each sequence into tokens of `patch` consecutive values.

use std::path::{Path, PathBuf};

use super::batch::Samples;

/// The first eight bytes of an mnist1d export.
pub const MNIST1D_MAGIC: [u8; 8] = *b"MNIST1D\0";
/// The export format version this build reads.
pub const MNIST1D_VERSION: u32 = 1;
/// Bytes of the header (magic and five `u32`).
pub const MNIST1D_HEADER: usize = 28;

/// What can be wrong with an mnist1d export.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SeqError {
    /// The file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Not an mnist1d export.
    #[error("{path}: not an mnist1d export (the magic MNIST1D is missing): make it with scripts/export_mnist1d.py")]
    BadMagic {
        /// The file.
        path: PathBuf,
    },
    /// An export of another format version.
    #[error("{path}: mnist1d export version {found}, this build reads version {MNIST1D_VERSION}: re-export with scripts/export_mnist1d.py")]
    Version {
        /// The file.
        path: PathBuf,
        /// The version found.
        found: u32,
    },
    /// Counts that are zero or absurd.
    #[error("{path}: bad header: {reason}")]
    Header {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The size disagrees with the header.
    #[error("{path}: wrong size: {actual} bytes, the header promises {expected}: the file is truncated or has trailing bytes")]
    WrongSize {
        /// The file.
        path: PathBuf,
        /// Bytes the header promises.
        expected: u64,
        /// Bytes present.
        actual: u64,
    },
    /// A label at or above the class count, or a non-finite value.
    #[error("{path}: {split} sample {index}: {what}")]
    BadSample {
        /// The file.
        path: PathBuf,
        /// "train" or "test".
        split: &'static str,
        /// Sample index (0-based).
        index: usize,
        /// What is wrong.
        what: String,
    },
}

/// Labelled sequences of `len` `f32` values.
///
/// Invariants (kept by [`parse`] and [`SeqSet::split_at`]): `values.len()
/// == labels.len() * len`, every label below `classes`, every value finite.
#[derive(Clone, Debug, PartialEq)]
pub struct SeqSet {
    /// Values per sequence (>= 1).
    pub len: usize,
    /// Classes (labels lie in `0..classes`).
    pub classes: usize,
    /// The values, sequence after sequence.
    pub values: Vec<f32>,
    /// One label per sequence.
    pub labels: Vec<u8>,
}

impl SeqSet {
    /// The first `n` sequences and the rest (`n` clamped to the length).
    pub fn split_at(&self, n: usize) -> (SeqSet, SeqSet) {
        let n = n.min(self.labels.len());
        let part = |values: &[f32], labels: &[u8]| SeqSet {
            len: self.len,
            classes: self.classes,
            values: values.to_vec(),
            labels: labels.to_vec(),
        };
        let cut = n * self.len;
        (part(&self.values[..cut], &self.labels[..n]), part(&self.values[cut..], &self.labels[n..]))
    }
}

impl Samples for SeqSet {
    fn len(&self) -> usize {
        self.labels.len()
    }
    fn rows(&self) -> usize {
        1
    }
    fn cols(&self) -> usize {
        self.len
    }
    fn classes(&self) -> usize {
        self.classes
    }
    fn label(&self, i: usize) -> usize {
        self.labels.get(i).map_or(0, |&l| usize::from(l))
    }
    fn value(&self, i: usize, r: usize, c: usize) -> f32 {
        if r != 0 || c >= self.len {
            return 0.0;
        }
        self.values.get(i * self.len + c).copied().unwrap_or(0.0)
    }
    fn input_f64(&self, i: usize) -> Vec<f64> {
        self.values
            .get(i * self.len..(i + 1) * self.len)
            .map_or_else(Vec::new, |v| v.iter().map(|&x| f64::from(x)).collect())
    }
}

/// Reads an export: (train, test).
pub fn read(path: &Path) -> Result<(SeqSet, SeqSet), SeqError> {
    let bytes = std::fs::read(path).map_err(|source| SeqError::Io { path: path.to_owned(), source })?;
    parse(path, &bytes)
}

/// The committed export, `host/data/mnist1d.bin` of this source tree.
pub fn bundled_path() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/mnist1d.bin"))
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(b)
}

/// Parses an export from memory; `path` only names the source in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<(SeqSet, SeqSet), SeqError> {
    let p = || path.to_owned();
    if bytes.len() < MNIST1D_MAGIC.len() || bytes[..MNIST1D_MAGIC.len()] != MNIST1D_MAGIC {
        return Err(SeqError::BadMagic { path: p() });
    }
    if bytes.len() < MNIST1D_HEADER {
        return Err(SeqError::WrongSize { path: p(), expected: MNIST1D_HEADER as u64, actual: bytes.len() as u64 });
    }
    let version = u32_at(bytes, 8);
    if version != MNIST1D_VERSION {
        return Err(SeqError::Version { path: p(), found: version });
    }
    let [n_train, n_test, len, classes] = [12, 16, 20, 24].map(|at| u32_at(bytes, at) as usize);
    let bad = |reason: String| Err(SeqError::Header { path: p(), reason });
    if n_train == 0 || n_test == 0 || len == 0 {
        return bad(format!("{n_train} training and {n_test} test sequences of length {len}: none may be 0"));
    }
    if !(1..=256).contains(&classes) {
        return bad(format!("{classes} classes: 1 to 256 are possible with u8 labels"));
    }
    if n_train.max(n_test) > 1 << 24 || len > 1 << 16 {
        return bad(format!("{n_train} + {n_test} sequences of length {len} is beyond what this reader accepts"));
    }
    let expected = MNIST1D_HEADER + (n_train + n_test) * (4 * len + 1);
    if bytes.len() != expected {
        return Err(SeqError::WrongSize { path: p(), expected: expected as u64, actual: bytes.len() as u64 });
    }
    let mut at = MNIST1D_HEADER;
    let mut split = |n: usize, name: &'static str| -> Result<SeqSet, SeqError> {
        let values: Vec<f32> =
            bytes[at..at + 4 * n * len].chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        at += 4 * n * len;
        let labels = bytes[at..at + n].to_vec();
        at += n;
        if let Some(k) = values.iter().position(|v| !v.is_finite()) {
            return Err(SeqError::BadSample {
                path: p(),
                split: name,
                index: k / len,
                what: format!("value {} is not finite", values[k]),
            });
        }
        if let Some(k) = labels.iter().position(|&l| usize::from(l) >= classes) {
            return Err(SeqError::BadSample {
                path: p(),
                split: name,
                index: k,
                what: format!("label {} is not below the {classes} classes", labels[k]),
            });
        }
        Ok(SeqSet { len, classes, values, labels })
    };
    let train = split(n_train, "train")?;
    let test = split(n_test, "test")?;
    Ok((train, test))
}
