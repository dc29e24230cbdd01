//! The accelerator's link front end in hardware: the blocks that turn the
//! protocol's byte stream ([`polyhe_core::accel::protocol`]) into core
//! commands. So far: [`Crc16`], the frames' CRC-16/CCITT-FALSE at one
//! byte per clock, [`FrameReceiver`], which finds request frames in the
//! byte stream and checks them, and [`FrameTransmitter`], which sends
//! response frames with their CRC while the payload streams in, and
//! [`UartRx`] / [`UartTx`], the serial line they sit on. The frame interpreter in software
//! ([`crate::device::Device`]) is the reference these blocks are built to;
//! [`crate::board`] joins them to the core.

mod crc16;
mod receiver;
mod transmitter;
mod uart;

#[cfg(test)]
pub(crate) mod trace;

pub use crc16::Crc16;
pub use receiver::{FrameReceiver, RxEvent, RxRecord};
pub use transmitter::FrameTransmitter;
pub use uart::{UartRx, UartTx, DIVIDER_BITS};
