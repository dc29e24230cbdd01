//! The negacyclic number-theoretic transform over one prime, and the
//! [`NttEngine`] seam through which whole RNS polynomials are transformed.
//!
//! # Conventions
//! [`NttTable::forward`] maps the coefficients `a_0 .. a_{N-1}` of
//! `a(X) in Z_q[X]/(X^N + 1)` to the evaluations `a(psi^(2 brv(i) + 1))` at
//! index `i`, where `psi` is the smallest primitive `2N`-th root of unity
//! ([`crate::arith::minimal_primitive_root`]) and `brv` reverses `log2 N`
//! bits. The twisting by powers of `psi` is merged into the Cooley-Tukey
//! butterflies and the inverse's `1/N` into its last Gentleman-Sande stage
//! (Longa-Naehrig 2016; Harvey's lazy butterflies, 2014, keep values below
//! `4q < 2^32`). Inputs and outputs are fully reduced in `[0, q)`; every
//! kernel (scalar, AVX2, AVX-512, accelerators) gives bit-identical results.

pub(crate) mod engine;
pub(crate) mod kernels;
mod scalar;
#[cfg(all(feature = "std", target_arch = "x86_64"))]
pub mod simd;
mod table;

pub use engine::{CpuNtt, EngineCapabilities, NttEngine};
pub use table::{kernel_available, Kernel, NttTable, MAX_LOG_N, MIN_LOG_N};

#[cfg(all(test, feature = "std"))]
pub(crate) mod tests;
