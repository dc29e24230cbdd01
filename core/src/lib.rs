//! polyhe-core: the lattice arithmetic every part of polyhe shares.
//!
//! Layers, bottom up:
//! - [`arith`]: one modulus `q < 2^30` with `u32` residues (Barrett and Shoup
//!   multiplication, inverses, NTT-friendly primes and roots of unity);
//! - [`ntt`]: the negacyclic number-theoretic transform over one prime
//!   ([`ntt::NttTable`]) and the [`ntt::NttEngine`] seam that accelerators
//!   implement for whole RNS polynomials;
//! - [`ring`]: RNS bases and polynomials over them (borrowed views over
//!   caller storage, owned types behind `alloc`), CRT, basis conversion and
//!   exact division by the last primes;
//! - [`sample`]: uniform, ternary and error samplers driven by any
//!   `RngCore + CryptoRng`;
//! - `approx` (feature `alloc`): approximation tables, Chebyshev-basis
//!   polynomials standing in for activations (Remez minimax or Chebyshev
//!   interpolation, fixed-point coefficients, measured max error);
//! - `nn` (feature `alloc`): the polynomial transformer (folded weights
//!   and approximation tables), its framed model file and the plaintext
//!   evaluator with activation-range calibration.
//!
//! The crate is `no_std`. The `alloc` feature adds owned types; the `std`
//! feature adds run-time CPU-feature detection for the SIMD NTT kernels.
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![forbid(unsafe_op_in_unsafe_fn)]

#[cfg(feature = "alloc")]
extern crate alloc;

pub mod accel;
#[cfg(feature = "alloc")]
pub mod approx;
pub mod arith;
pub mod ckks;
mod envelope;
mod error;
#[cfg(feature = "alloc")]
pub mod he;
#[cfg(feature = "alloc")]
pub mod nn;
pub mod ntt;
pub mod ring;
pub mod rng;
pub mod sample;

pub use envelope::fnv1a;
pub use error::{Error, Result};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
