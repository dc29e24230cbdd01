//! The CKKS approximate homomorphic encryption scheme (Cheon, Kim, Kim,
//! Song 2017) in RNS form with composite scaling: a level holds one prime
//! (scale about 2^30) or two (scale about 2^55-2^60), so 32-bit hardware
//! reaches the precision of 64-bit primes.
//!
//! - [`params`]: [`ParametersLiteral`] (plain, unchecked) validated into
//!   [`Parameters`] against the 128-bit security table, presets, fingerprint;
//! - [`encoding`]: the canonical embedding between complex slot vectors and
//!   ring elements (the "special FFT").

pub mod client;
pub mod encoding;
pub mod params;

pub use encoding::Complex;
#[cfg(feature = "alloc")]
pub use encoding::Encoder;
pub use params::{Parameters, ParametersLiteral, SecretDistribution, Security};
