//! The DSP-lean variant of the core: one [`LeanMontMul`](crate::arith::LeanMontMul)
//! per lane (eight SB_MAC16 on iCE40) and twiddles stored in Montgomery
//! form (30 bits, no Shoup companion), with the same control
//! ([`super::NttControl`]), lanes ([`super::Lane`]) and command ports as
//! [`super::NttCore`].

mod butterfly;
mod core;
mod twiddle_bank;

pub use self::core::{LeanNttCore, LeanNttCore13};
pub use butterfly::LeanButterfly;
pub use twiddle_bank::TwiddleBank;

#[cfg(test)]
mod tests;
