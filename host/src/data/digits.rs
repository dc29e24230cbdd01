//! scikit-learn's 8x8 digits as exported by `scripts/export_digits.py`.
//!
//! No header: records of [`DIGITS_RECORD`] = 65 bytes, byte 0 the label
//! (0..=9), bytes 1..=64 the pixels row by row, each 0..=16 (counts of set
//! pixels in 4x4 blocks of the original 32x32 bitmaps). The committed file
//! holds [`DIGITS_SAMPLES`] = 1797 records in scikit-learn's order.

use std::path::Path;

use super::{DataError, Dataset, Result};

/// Image side of the digits (8x8 pixels).
pub const DIGITS_SIDE: usize = 8;
/// Bytes per record: one label and 64 pixels.
pub const DIGITS_RECORD: usize = 1 + DIGITS_SIDE * DIGITS_SIDE;
/// Samples in the bundled export.
pub const DIGITS_SAMPLES: usize = 1797;
/// Number of classes (digits 0 to 9).
pub const DIGITS_CLASSES: usize = 10;
/// Largest pixel value (a 4x4 block with every pixel set).
pub const DIGITS_MAX_PIXEL: u8 = 16;

/// The committed export, compiled in so that demos need no data file.
static BUNDLED: &[u8] = include_bytes!("../../data/digits.bin");

/// The bundled digits (1797 samples, 10 classes, pixels 0..=16).
///
/// Parsing the compiled-in bytes cannot fail unless the committed file was
/// damaged (a test checks it); the error is returned rather than hidden.
pub fn bundled_digits() -> Result<Dataset> {
    parse(Path::new("<bundled digits.bin>"), BUNDLED)
}

/// Samples of the bundled digits used for training; the remaining 360
/// (the last ones) are the test split every reported accuracy refers to.
pub const DIGITS_TRAIN: usize = 1437;

/// The bundled digits split into train (the first [`DIGITS_TRAIN`]) and
/// test (the rest).
pub fn bundled_split() -> Result<(Dataset, Dataset)> {
    Ok(bundled_digits()?.split_at(DIGITS_TRAIN))
}

/// Reads a digits file (any whole number of records, at least one).
pub fn read(path: &Path) -> Result<Dataset> {
    let bytes = std::fs::read(path).map_err(|source| DataError::Io { path: path.to_owned(), source })?;
    parse(path, &bytes)
}

/// Parses digits records from memory; `path` only names the source in errors.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Dataset> {
    if bytes.is_empty() || !bytes.len().is_multiple_of(DIGITS_RECORD) {
        return Err(DataError::WrongSize {
            path: path.to_owned(),
            actual: bytes.len() as u64,
            reason: format!(
                "expected a positive multiple of {DIGITS_RECORD} (records of [label, 64 pixels]; the full export is {} bytes)",
                DIGITS_SAMPLES * DIGITS_RECORD
            ),
        });
    }
    let n = bytes.len() / DIGITS_RECORD;
    let mut labels = Vec::with_capacity(n);
    let mut images = Vec::with_capacity(n * (DIGITS_RECORD - 1));
    for (index, rec) in bytes.chunks_exact(DIGITS_RECORD).enumerate() {
        let label = rec[0];
        if usize::from(label) >= DIGITS_CLASSES {
            return Err(DataError::ValueOutOfRange {
                path: path.to_owned(),
                index,
                what: "label",
                value: label,
                max: (DIGITS_CLASSES - 1) as u8,
            });
        }
        if let Some(&value) = rec[1..].iter().find(|&&p| p > DIGITS_MAX_PIXEL) {
            return Err(DataError::ValueOutOfRange {
                path: path.to_owned(),
                index,
                what: "pixel",
                value,
                max: DIGITS_MAX_PIXEL,
            });
        }
        labels.push(label);
        images.extend_from_slice(&rec[1..]);
    }
    Ok(Dataset {
        rows: DIGITS_SIDE,
        cols: DIGITS_SIDE,
        classes: DIGITS_CLASSES,
        max_pixel: DIGITS_MAX_PIXEL,
        images,
        labels,
    })
}
