//! The CKKS approximate homomorphic encryption scheme (Cheon, Kim, Kim,
//! Song 2017) in RNS form with composite scaling: a level holds one prime
//! (scale about 2^30) or two (scale about 2^55-2^60), so 32-bit hardware
//! reaches the precision of 64-bit primes.
//!
//! - [`params`]: [`ParametersLiteral`] (plain, unchecked) validated into
//!   [`Parameters`] against the 128-bit security table, presets, fingerprint;
//! - [`encoding`]: the canonical embedding between complex slot vectors and
//!   ring elements (the "special FFT");
//! - [`encoding_f32`]: the same in single precision for `f32`-only FPUs
//!   (half the slot buffer), with its error bound;
//! - [`client`]: key generation, encryption and decryption without
//!   allocation (the microcontroller's path); [`keywire`]: parameter and
//!   evaluation-key files streamed out limb by limb (a device's keys);
//! - `Context`, `KeyGenerator`, `Evaluator` (feature `alloc`): owned keys
//!   and ciphertexts, hybrid key switching, the homomorphic operations.

#[cfg(feature = "alloc")]
mod ciphertext;
pub mod client;
#[cfg(feature = "alloc")]
mod context;
pub mod encoding;
pub mod encoding_f32;
#[cfg(feature = "alloc")]
mod encryptor;
#[cfg(feature = "alloc")]
mod evaluator;
#[cfg(feature = "alloc")]
pub mod files;
#[cfg(feature = "alloc")]
mod keys;
#[cfg(feature = "alloc")]
mod keyswitch;
pub mod keywire;
pub mod params;
#[cfg(feature = "alloc")]
mod polyeval;
#[cfg(feature = "alloc")]
mod seeded;
#[cfg(all(test, feature = "std"))]
mod tests;
pub mod wire;

#[cfg(feature = "alloc")]
pub use ciphertext::{Ciphertext, Plaintext};
#[cfg(feature = "alloc")]
pub use context::Context;
pub use encoding::Complex;
#[cfg(feature = "alloc")]
pub use encoding::Encoder;
#[cfg(feature = "alloc")]
pub use evaluator::{Evaluator, OpTimes, SCALE_TOLERANCE};
#[cfg(feature = "alloc")]
pub use keys::{GaloisKeys, KeyGenerator, PublicKey, RelinKey, SecretKey, SwitchingKey};
pub use params::{Parameters, ParametersLiteral, SecretDistribution, Security};
#[cfg(feature = "alloc")]
pub use polyeval::ChebyshevPlan;
#[cfg(feature = "alloc")]
pub use seeded::SeededCiphertext;
