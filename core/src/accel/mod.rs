//! Talking to an NTT accelerator.
//!
//! - [`protocol`]: the byte-framed command/response protocol that the host
//!   driver, the firmware and the accelerator's frame interpreter all speak
//!   (`no_std`, no allocation: frames are encoded into and decoded from
//!   caller buffers).

//! - [`spi`] (feature `spi`): the protocol over an `embedded-hal` 1.0
//!   `SpiDevice` as an [`NttEngine`](crate::ntt::NttEngine), for the
//!   firmware, with fallback to the CPU NTT.

pub mod protocol;
#[cfg(feature = "spi")]
pub mod spi;
