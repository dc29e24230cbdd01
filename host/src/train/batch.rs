//! Batches built on the host: patches in the raster order of
//! `polyhe_core::nn` (patches in raster order, pixels in raster order within
//! a patch), pixels scaled to [0, 1], labels one-hot.
//!
//! Building each batch with `Tensor::from_data` is much faster under
//! autodiff than selecting rows of one large tensor.
//!
//! The trainer reads any [`Samples`]: the image [`Dataset`]s (digits, IDX)
//! and the mnist1d sequences ([`super::seq::SeqSet`], `1 x len` images);
//! [`Data`] holds either.

use burn::tensor::{Device, Tensor, TensorData};
use rand_chacha::rand_core::{RngCore, SeedableRng};

use super::{ArchConfig, Result, TrainError};
use crate::data::Dataset;

pub use crate::data::digits::DIGITS_TRAIN;

use super::seq::SeqSet;

/// A labelled set of `rows x cols` inputs, as the model sees them.
pub trait Samples {
    /// Number of samples.
    fn len(&self) -> usize;
    /// Whether there is no sample.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Input height (1 for sequences).
    fn rows(&self) -> usize;
    /// Input width (the sequence length for sequences).
    fn cols(&self) -> usize;
    /// Classes: labels lie in `0..classes`.
    fn classes(&self) -> usize;
    /// Label of sample `i` (0 past the end).
    fn label(&self, i: usize) -> usize;
    /// Value `(r, c)` of sample `i` as the model takes it (images scaled to
    /// [0, 1]); 0 outside the sample.
    fn value(&self, i: usize, r: usize, c: usize) -> f32;
    /// Sample `i` as the input of [`polyhe_core::nn::Model::logits`]
    /// (row-major, f64; empty past the end).
    fn input_f64(&self, i: usize) -> Vec<f64>;
}

impl Samples for Dataset {
    fn len(&self) -> usize {
        self.labels.len()
    }
    fn rows(&self) -> usize {
        self.rows
    }
    fn cols(&self) -> usize {
        self.cols
    }
    fn classes(&self) -> usize {
        self.classes
    }
    fn label(&self, i: usize) -> usize {
        self.labels.get(i).map_or(0, |&l| usize::from(l))
    }
    fn value(&self, i: usize, r: usize, c: usize) -> f32 {
        if r >= self.rows || c >= self.cols {
            return 0.0;
        }
        let m = f32::from(self.max_pixel.max(1));
        self.image(i).and_then(|img| img.get(r * self.cols + c)).map_or(0.0, |&v| f32::from(v) / m)
    }
    fn input_f64(&self, i: usize) -> Vec<f64> {
        let m = f64::from(self.max_pixel.max(1));
        self.image(i).map(|px| px.iter().map(|&v| f64::from(v) / m).collect()).unwrap_or_default()
    }
}

/// Images or sequences.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    /// Greyscale images (digits, IDX).
    Images(Dataset),
    /// mnist1d sequences.
    Sequences(SeqSet),
}

impl Data {
    /// The data as the trainer reads it.
    pub fn samples(&self) -> &dyn Samples {
        match self {
            Self::Images(d) => d,
            Self::Sequences(s) => s,
        }
    }

    /// Only the first `n` samples.
    pub fn truncate(self, n: usize) -> Self {
        match self {
            Self::Images(d) => Self::Images(d.split_at(n).0),
            Self::Sequences(s) => Self::Sequences(s.split_at(n).0),
        }
    }
}

/// The bundled digits split into train (first [`DIGITS_TRAIN`], the file's
/// order, no shuffling) and test: the split `polyhe demo` and `eval` use.
pub fn digits_split() -> Result<(Dataset, Dataset)> {
    Ok(crate::data::digits::bundled_split()?)
}

/// Checks a dataset against the architecture: image size, patch, classes.
pub fn check_dataset(ds: &dyn Samples, arch: &ArchConfig, what: &str) -> Result<()> {
    if ds.is_empty() {
        return Err(TrainError::DataShape { reason: format!("the {what} split is empty") });
    }
    if ds.rows() != arch.image_rows || ds.cols() != arch.image_cols {
        return Err(TrainError::DataShape {
            reason: format!(
                "{what} images are {}x{}, the model takes {}x{}",
                ds.rows(),
                ds.cols(),
                arch.image_rows,
                arch.image_cols
            ),
        });
    }
    if ds.classes() > arch.classes {
        return Err(TrainError::DataShape {
            reason: format!("the {what} split has {} classes, the model {}", ds.classes(), arch.classes),
        });
    }
    Ok(())
}

/// Sample `i` of `ds` as the input of [`polyhe_core::nn::Model::logits`]
/// (images scaled to [0, 1], f64).
pub fn image_f64(ds: &dyn Samples, i: usize) -> Vec<f64> {
    ds.input_f64(i)
}

/// The patches of the samples `idx` of `ds`, `[B, L, P]` row-major.
pub fn patches(ds: &dyn Samples, idx: &[usize], arch: &ArchConfig) -> Vec<f32> {
    patches_shifted(ds, idx, arch, &[])
}

/// [`patches`] of images translated by `shifts[k] = (rows, cols)` pixels
/// (zero fill); samples past the end of `shifts` are not moved.
pub fn patches_shifted(ds: &dyn Samples, idx: &[usize], arch: &ArchConfig, shifts: &[(isize, isize)]) -> Vec<f32> {
    let (pr, pc, cols) = (arch.patch_rows, arch.patch_cols, arch.image_cols);
    let per_row = cols / pc;
    let l = arch.tokens();
    let mut out = Vec::with_capacity(idx.len() * l * pr * pc);
    let rows = arch.image_rows as isize;
    for (k, &i) in idx.iter().enumerate() {
        let (dr, dc) = shifts.get(k).copied().unwrap_or((0, 0));
        let pixel = |r: usize, c: usize| {
            let (sr, sc) = (r as isize - dr, c as isize - dc);
            if sr < 0 || sc < 0 || sr >= rows || sc >= cols as isize {
                return 0.0;
            }
            ds.value(i, sr as usize, sc as usize)
        };
        for t in 0..l {
            let (r0, c0) = ((t / per_row) * pr, (t % per_row) * pc);
            for r in r0..r0 + pr {
                for c in c0..c0 + pc {
                    out.push(pixel(r, c));
                }
            }
        }
    }
    out
}

/// One batch: patches `[B, L, P]` and one-hot labels `[B, classes]`.
pub struct Batch {
    /// Patches.
    pub x: Tensor<3>,
    /// One-hot labels.
    pub y: Tensor<2>,
    /// Labels.
    pub labels: Vec<usize>,
}

/// Builds the batch of samples `idx` on `device`.
pub fn batch(ds: &dyn Samples, idx: &[usize], arch: &ArchConfig, device: &Device) -> Batch {
    batch_shifted(ds, idx, arch, device, &[])
}

/// [`batch`] of translated images (see [`patches_shifted`]).
pub fn batch_shifted(
    ds: &dyn Samples,
    idx: &[usize],
    arch: &ArchConfig,
    device: &Device,
    shifts: &[(isize, isize)],
) -> Batch {
    let b = idx.len();
    let x = TensorData::new(patches_shifted(ds, idx, arch, shifts), [b, arch.tokens(), arch.patch_pixels()]);
    let labels: Vec<usize> = idx.iter().map(|&i| ds.label(i)).collect();
    let mut onehot = vec![0f32; b * arch.classes];
    for (row, &l) in labels.iter().enumerate() {
        if l < arch.classes {
            onehot[row * arch.classes + l] = 1.0;
        }
    }
    let y = TensorData::new(onehot, [b, arch.classes]);
    Batch { x: Tensor::from_data(x, device), y: Tensor::from_data(y, device), labels }
}

/// Random translations of up to `max` pixels in each direction, one per
/// sample of epoch `epoch` (data augmentation; empty when `max` is 0).
pub fn epoch_shifts(n: usize, max: usize, seed: u64, epoch: usize) -> Vec<(isize, isize)> {
    if max == 0 {
        return Vec::new();
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(!seed ^ (epoch as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let span = 2 * max as u64 + 1;
    let mut draw = || (rng.next_u64() % span) as isize - max as isize;
    (0..n).map(|_| (draw(), draw())).collect()
}

/// The sample order of each epoch: a permutation drawn from a ChaCha8
/// stream seeded with `seed` and the epoch.
pub fn epoch_order(n: usize, seed: u64, epoch: usize) -> Vec<usize> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed ^ (epoch as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut v: Vec<usize> = (0..n).collect();
    // Fisher-Yates; the modulo bias of a 64-bit draw is negligible here.
    for i in (1..n).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}
