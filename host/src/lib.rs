//! polyhe-host: the library behind the `polyhe` command-line program.
//!
//! - [`bench`]: the measurements behind `polyhe bench` (NTT against
//!   tfhe-ntt, in one run, interleaved, reported as medians and ratios).
//! - [`data`]: datasets (the bundled scikit-learn digits, MNIST-style IDX
//!   files raw or gzip) with typed errors.
#![deny(missing_docs)]

pub mod accel;
pub mod bench;
pub mod data;
pub mod fpga_report;
pub mod infer;
#[cfg(feature = "train")]
pub mod train;
