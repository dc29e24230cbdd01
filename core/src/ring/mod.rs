//! RNS polynomials in `Z_Q[X]/(X^N + 1)` with `Q = q_0 q_1 ... q_{k-1}`.
//!
//! A polynomial is stored limb-major in one `u32` slice: limb `i`
//! (`data[i*N .. (i+1)*N]`) holds the residues modulo `q_i`, fully reduced.
//! The representation is in the type: [`Coeff`] (coefficients) or [`Eval`]
//! (the NTT domain of [`crate::ntt`]); conversions go through an
//! [`crate::ntt::NttEngine`], so accelerators serve them.
//!
//! - [`PolyRef`] / [`PolyMut`]: borrowed views over caller storage (no
//!   allocation; the client path and the firmware use these);
//! - [`Poly`] and [`RnsBasis`] (feature `alloc`): owned storage and a shared
//!   basis whose prefixes are the levels of a modulus chain;
//! - [`automorphism`]: `X -> X^k` in both domains;
//! - [`crt`]: CRT reconstruction to integers and floats;
//! - [`convert`]: fast basis conversion and exact rounding division by the
//!   last prime(s), the two kernels of CKKS rescaling and key switching.

pub mod automorphism;
#[cfg(feature = "alloc")]
mod basis;
pub mod convert;
pub mod crt;
mod poly;

#[cfg(feature = "alloc")]
pub use basis::{Poly, RnsBasis};
pub use poly::{Coeff, Eval, PolyMut, PolyRef, Repr};

#[cfg(all(test, feature = "std"))]
mod tests;
