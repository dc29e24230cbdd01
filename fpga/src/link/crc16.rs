//! [`Crc16`]: the protocol's CRC-16/CCITT-FALSE, one byte per clock.

use rust_hdl::prelude::*;

/// CRC-16/CCITT-FALSE (polynomial `0x1021`, initial value `0xFFFF`, no
/// reflection, no final XOR) over a byte stream, one byte per clock:
/// bit for bit [`polyhe_core::accel::protocol::crc16`], which every frame
/// carries over its bytes after the sync byte.
///
/// A byte with `clear` set starts a new CRC (the register is taken as
/// `0xFFFF`); other valid bytes continue the running one. After the rising
/// edge that takes a byte, `crc` holds the CRC of the frame so far,
/// including that byte, and `valid_out` is high for that one cycle
/// (**latency [`Crc16::LATENCY`] = 1**); `crc` keeps its value while no
/// byte arrives.
///
/// Whole bytes at once instead of eight shifts of the bit-serial register:
/// with `x = (crc >> 8) ^ byte` and `x ^= x >> 4`, the next register is
/// `(crc << 8) ^ (x << 12) ^ (x << 5) ^ x` (the feedback terms of `0x1021`
/// for a whole byte, which cancel to these three once `x` is folded with
/// its top nibble). yosys 0.23 maps it to 24 SB_LUT4 and 17 flip-flops on
/// iCE40: a link running at the core clock needs no CRC table.
#[derive(LogicBlock, Default)]
pub struct Crc16 {
    /// Clock; the register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Marks `data` as the next byte of the stream.
    pub valid_in: Signal<In, Bit>,
    /// With `valid_in`: `data` is the first byte of a new CRC.
    pub clear: Signal<In, Bit>,
    /// The byte (named `data`: `byte` is a SystemVerilog keyword).
    pub data: Signal<In, Bits<8>>,
    /// The CRC of the bytes since the last `clear`, including the one
    /// taken at the last rising edge.
    pub crc: Signal<Out, Bits<16>>,
    /// High for one cycle after each byte is taken.
    pub valid_out: Signal<Out, Bit>,
    // Combinational: the register this byte continues, and the folded x.
    start: Signal<Local, Bits<16>>,
    x: Signal<Local, Bits<8>>,
    x_folded: Signal<Local, Bits<16>>,
    state: DFF<Bits<16>>,
    valid: DFF<Bit>,
}

impl Crc16 {
    /// Clock cycles from a byte to the CRC including it.
    pub const LATENCY: usize = 1;

    /// The CRC's initial value.
    pub const INIT: u16 = 0xFFFF;

    /// A new CRC unit (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

impl Logic for Crc16 {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, state, valid);
        if self.clear.val() {
            self.start.next = bits::<16>(0xFFFF);
        } else {
            self.start.next = self.state.q.val();
        }
        self.x.next = self.start.val().get_bits::<8>(8) ^ self.data.val();
        self.x_folded.next = bit_cast::<16, 8>(self.x.val() ^ (self.x.val() >> 4));
        if self.valid_in.val() {
            self.state.d.next = (self.start.val() << 8)
                ^ (self.x_folded.val() << 12)
                ^ (self.x_folded.val() << 5)
                ^ self.x_folded.val();
        }
        self.valid.d.next = self.valid_in.val();
        self.crc.next = self.state.q.val();
        self.valid_out.next = self.valid.q.val();
    }
}

impl crate::testbench::Pipeline for Crc16 {
    /// `(clear, byte)`.
    type Input = (bool, u8);
    /// The CRC including the byte.
    type Output = u16;
    const LATENCY: usize = Crc16::LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.clock
    }

    fn clock_high(&self) -> bool {
        self.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        let &(clear, byte) = input.unwrap_or(&(false, 0));
        self.clear.next = clear;
        self.data.next = (byte as u64).into();
        self.valid_in.next = input.is_some();
    }

    fn sample(&self) -> Option<Self::Output> {
        self.valid_out.val().then(|| self.crc.val().to_u32() as u16)
    }
}

#[cfg(test)]
mod tests;
