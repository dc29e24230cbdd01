//! polyhe-host: the library behind the `polyhe` command-line program.
//!
//! - [`bench`]: the measurements behind `polyhe bench` (NTT against
//!   tfhe-ntt, in one run, interleaved, reported as medians and ratios).
#![deny(missing_docs)]

pub mod bench;
