//! Image-classification datasets: the bundled scikit-learn digits and
//! MNIST-style IDX files.
//!
//! Both load into one [`Dataset`]: `u8` pixels, row-major, one image after
//! another, with `u8` labels. Pixels keep their stored range (0..=16 for
//! digits, 0..=255 for IDX); [`Dataset::max_pixel`] says which, so
//! [`Dataset::image_f32`] can scale every dataset to [0, 1].
//!
//! - [`digits`]: the 116,805-byte export of scikit-learn's 8x8 digits
//!   (`host/data/digits.bin`, made by `scripts/export_digits.py`): 1797
//!   records of 65 bytes, `[label, 64 pixels]`. [`bundled_digits`] returns
//!   the copy compiled into the binary, so no file is needed at run time.
//! - [`idx`]: the IDX format of MNIST and Fashion-MNIST (raw or gzip, any
//!   image size and class count), and [`idx::load_split`] for a folder
//!   holding the standard four files.
//!
//! Every malformed input is a typed [`DataError`] that names the file and
//! says what is wrong; nothing panics on input.

pub mod digits;
pub mod idx;

use std::path::PathBuf;

pub use digits::{bundled_digits, DIGITS_CLASSES, DIGITS_MAX_PIXEL, DIGITS_RECORD, DIGITS_SAMPLES, DIGITS_SIDE};

/// Everything that can go wrong reading a dataset.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// The file could not be opened or read (including a broken gzip stream).
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file of neither name exists (`name` raw, nor `name.gz`).
    #[error("{dir}: neither {name} nor {name}.gz exists: the folder must hold the four MNIST-style IDX files")]
    Missing {
        /// The folder searched.
        dir: PathBuf,
        /// The base file name looked for.
        name: String,
    },
    /// The first bytes are not an IDX header of the expected shape.
    #[error("{path}: bad magic {found:#010x}, expected {expected:#010x} ({what}): not an IDX file of this kind")]
    BadMagic {
        /// The file.
        path: PathBuf,
        /// The magic number found (big-endian u32 of the first four bytes).
        found: u32,
        /// The magic number expected.
        expected: u32,
        /// What the expected magic means.
        what: &'static str,
    },
    /// The file ends before the data its header (or format) promises.
    #[error("{path}: truncated: {expected} bytes expected, {actual} found")]
    Truncated {
        /// The file.
        path: PathBuf,
        /// Bytes the header promises (header included).
        expected: u64,
        /// Bytes present.
        actual: u64,
    },
    /// The file has a size its format cannot have (trailing bytes, or not a
    /// whole number of records).
    #[error("{path}: wrong size: {actual} bytes, {reason}")]
    WrongSize {
        /// The file.
        path: PathBuf,
        /// Bytes present.
        actual: u64,
        /// What the size should be.
        reason: String,
    },
    /// The header describes an empty or absurdly large array.
    #[error("{path}: bad dimensions {dims:?}: {reason}")]
    BadDimensions {
        /// The file.
        path: PathBuf,
        /// The dimensions read from the header.
        dims: Vec<u32>,
        /// Why they are refused.
        reason: &'static str,
    },
    /// The image file and the label file hold different numbers of samples.
    #[error("{images_path} holds {images} images but {labels_path} holds {labels} labels")]
    CountMismatch {
        /// The image file.
        images_path: PathBuf,
        /// Number of images.
        images: usize,
        /// The label file.
        labels_path: PathBuf,
        /// Number of labels.
        labels: usize,
    },
    /// A label or pixel outside what the format allows.
    #[error("{path}: sample {index}: {what} {value} is out of range (at most {max})")]
    ValueOutOfRange {
        /// The file.
        path: PathBuf,
        /// Sample index (0-based).
        index: usize,
        /// "label" or "pixel".
        what: &'static str,
        /// The value found.
        value: u8,
        /// The largest value allowed.
        max: u8,
    },
    /// The train and test splits disagree on the image size.
    #[error("train images are {train_rows}x{train_cols} but test images are {test_rows}x{test_cols}")]
    ShapeMismatch {
        /// Rows of a training image.
        train_rows: usize,
        /// Columns of a training image.
        train_cols: usize,
        /// Rows of a test image.
        test_rows: usize,
        /// Columns of a test image.
        test_cols: usize,
    },
}

/// Result alias for dataset reading.
pub type Result<T, E = DataError> = std::result::Result<T, E>;

/// A labelled set of greyscale images.
///
/// Invariants (kept by every constructor in this module): `images.len() ==
/// labels.len() * rows * cols`, every label is below `classes`, every
/// pixel is at most `max_pixel`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// Image height in pixels (>= 1).
    pub rows: usize,
    /// Image width in pixels (>= 1).
    pub cols: usize,
    /// Number of classes: labels lie in `0..classes` (1..=256).
    pub classes: usize,
    /// The largest pixel value of the format (16 for digits, 255 for IDX):
    /// the divisor that maps pixels to [0, 1].
    pub max_pixel: u8,
    /// Pixels, row-major per image, image after image.
    pub images: Vec<u8>,
    /// One label per image.
    pub labels: Vec<u8>,
}

impl Dataset {
    /// Number of samples.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether the set holds no sample.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Pixels per image (`rows * cols`).
    pub fn pixels(&self) -> usize {
        self.rows * self.cols
    }

    /// Image `i`'s pixels as stored, or `None` past the end.
    pub fn image(&self, i: usize) -> Option<&[u8]> {
        let p = self.pixels();
        self.images.get(i * p..(i + 1) * p)
    }

    /// Image `i` scaled to [0, 1] (pixel / `max_pixel`), or `None` past the end.
    pub fn image_f32(&self, i: usize) -> Option<Vec<f32>> {
        let m = f32::from(self.max_pixel.max(1));
        self.image(i).map(|px| px.iter().map(|&v| f32::from(v) / m).collect())
    }

    /// Splits into the first `n` samples and the rest (`n` is clamped to
    /// the length), e.g. a deterministic train/test split of the digits.
    pub fn split_at(&self, n: usize) -> (Dataset, Dataset) {
        let n = n.min(self.len());
        let cut = n * self.pixels();
        let part = |images: &[u8], labels: &[u8]| Dataset {
            rows: self.rows,
            cols: self.cols,
            classes: self.classes,
            max_pixel: self.max_pixel,
            images: images.to_vec(),
            labels: labels.to_vec(),
        };
        (part(&self.images[..cut], &self.labels[..n]), part(&self.images[cut..], &self.labels[n..]))
    }

    /// Number of samples of each class (length `classes`).
    pub fn class_counts(&self) -> Vec<usize> {
        let mut c = vec![0usize; self.classes];
        for &l in &self.labels {
            // Labels are below `classes` by the invariant; `get_mut` keeps a
            // hand-built Dataset from panicking here.
            if let Some(x) = c.get_mut(usize::from(l)) {
                *x += 1;
            }
        }
        c
    }
}

#[cfg(test)]
mod tests;
