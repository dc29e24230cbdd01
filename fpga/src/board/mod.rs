//! The accelerator as a board speaks to its host: the link front end
//! ([`crate::link`]) joined to the NTT core ([`crate::ntt`]).
//!
//! - [`FrameInterpreter`]: request frames in, core strobes, response frames
//!   out; the hardware twin of the software model [`crate::device::Device`].
//! - [`Board`]: the interpreter between a UART receiver and transmitter:
//!   two pins, the protocol of [`polyhe_core::accel::protocol`] on them.

mod interpreter;
mod top;

pub use interpreter::{status, FrameInterpreter, FrameInterpreter13};
pub use top::Board;

#[cfg(test)]
mod tests;
