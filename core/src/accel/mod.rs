//! Talking to an NTT accelerator.
//!
//! - [`protocol`]: the byte-framed command/response protocol that the host
//!   driver, the firmware and the accelerator's frame interpreter all speak
//!   (`no_std`, no allocation: frames are encoded into and decoded from
//!   caller buffers).

pub mod protocol;
