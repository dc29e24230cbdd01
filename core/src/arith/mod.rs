//! Arithmetic modulo one prime `q < 2^30` on `u32` residues.
//!
//! Every operation here is constant time in its operands (no data-dependent
//! branches or table look-ups): the same code reduces secret and public
//! values. Bounds: `q < 2^30` keeps lazily reduced values below `4q < 2^32`,
//! which the NTT's Harvey butterflies rely on.

mod modulus;
mod prime;

pub use modulus::{Modulus, MAX_MODULUS_BITS};
pub(crate) use prime::pow_mod;
pub use prime::{is_prime, minimal_primitive_root, NttPrimes};
