//! Batches built on the host: patches in the raster order of
//! `polyhe_core::nn` (patches in raster order, pixels in raster order within
//! a patch), pixels scaled to [0, 1], labels one-hot.
//!
//! Building each batch with `Tensor::from_data` is much faster under
//! autodiff than selecting rows of one large tensor.

use burn::tensor::{Device, Tensor, TensorData};
use rand_chacha::rand_core::{RngCore, SeedableRng};

use super::{ArchConfig, Result, TrainError};
use crate::data::Dataset;

pub use crate::data::digits::DIGITS_TRAIN;

/// The bundled digits split into train (first [`DIGITS_TRAIN`], the file's
/// order, no shuffling) and test: the split `polyhe demo` and `eval` use.
pub fn digits_split() -> Result<(Dataset, Dataset)> {
    Ok(crate::data::digits::bundled_split()?)
}

/// Checks a dataset against the architecture: image size, patch, classes.
pub fn check_dataset(ds: &Dataset, arch: &ArchConfig, what: &str) -> Result<()> {
    if ds.is_empty() {
        return Err(TrainError::DataShape { reason: format!("the {what} split is empty") });
    }
    if ds.rows != arch.image_rows || ds.cols != arch.image_cols {
        return Err(TrainError::DataShape {
            reason: format!(
                "{what} images are {}x{}, the model takes {}x{}",
                ds.rows, ds.cols, arch.image_rows, arch.image_cols
            ),
        });
    }
    if ds.classes > arch.classes {
        return Err(TrainError::DataShape {
            reason: format!("the {what} split has {} classes, the model {}", ds.classes, arch.classes),
        });
    }
    Ok(())
}

/// Image `i` of `ds` scaled to [0, 1] as f64 (the input of
/// [`polyhe_core::nn::Model::logits`]).
pub fn image_f64(ds: &Dataset, i: usize) -> Vec<f64> {
    let m = f64::from(ds.max_pixel.max(1));
    ds.image(i).map(|px| px.iter().map(|&v| f64::from(v) / m).collect()).unwrap_or_default()
}

/// The patches of the samples `idx` of `ds`, `[B, L, P]` row-major.
pub fn patches(ds: &Dataset, idx: &[usize], arch: &ArchConfig) -> Vec<f32> {
    patches_shifted(ds, idx, arch, &[])
}

/// [`patches`] of images translated by `shifts[k] = (rows, cols)` pixels
/// (zero fill); samples past the end of `shifts` are not moved.
pub fn patches_shifted(ds: &Dataset, idx: &[usize], arch: &ArchConfig, shifts: &[(isize, isize)]) -> Vec<f32> {
    let (pr, pc, cols) = (arch.patch_rows, arch.patch_cols, arch.image_cols);
    let per_row = cols / pc;
    let l = arch.tokens();
    let m = f32::from(ds.max_pixel.max(1));
    let mut out = Vec::with_capacity(idx.len() * l * pr * pc);
    let rows = arch.image_rows as isize;
    for (k, &i) in idx.iter().enumerate() {
        let img = ds.image(i).unwrap_or(&[]);
        let (dr, dc) = shifts.get(k).copied().unwrap_or((0, 0));
        let pixel = |r: usize, c: usize| {
            let (sr, sc) = (r as isize - dr, c as isize - dc);
            if sr < 0 || sc < 0 || sr >= rows || sc >= cols as isize {
                return 0.0;
            }
            img.get(sr as usize * cols + sc as usize).map_or(0.0, |&v| f32::from(v) / m)
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
pub fn batch(ds: &Dataset, idx: &[usize], arch: &ArchConfig, device: &Device) -> Batch {
    batch_shifted(ds, idx, arch, device, &[])
}

/// [`batch`] of translated images (see [`patches_shifted`]).
pub fn batch_shifted(
    ds: &Dataset,
    idx: &[usize],
    arch: &ArchConfig,
    device: &Device,
    shifts: &[(isize, isize)],
) -> Batch {
    let b = idx.len();
    let x = TensorData::new(patches_shifted(ds, idx, arch, shifts), [b, arch.tokens(), arch.patch_pixels()]);
    let labels: Vec<usize> = idx.iter().map(|&i| usize::from(ds.labels.get(i).copied().unwrap_or(0))).collect();
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
