//! [`FrameReceiver`]: request frames out of the link's byte stream.

use rust_hdl::prelude::*;

use super::Crc16;

/// What [`FrameReceiver::kind`] reports for the byte taken at the last
/// rising edge (the values of the `kind` port).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum RxEvent {
    /// Outside a frame: not the request sync byte (skipped while hunting).
    Skip = 0,
    /// The sync byte or a header byte (`seq`, opcode, the two length bytes).
    Header = 1,
    /// A payload byte: `data` and `index` (from 0) are valid.
    Payload = 2,
    /// The first CRC byte.
    Crc = 3,
    /// The last byte of a frame whose CRC matched: `seq`, `opcode` and
    /// `len` describe it.
    FrameOk = 4,
    /// The last byte of a frame whose CRC did not match (answer `BadCrc`).
    BadCrc = 5,
    /// A length byte announcing more than the protocol's longest payload
    /// (answer `BadFrame`); the receiver hunts for the next sync byte.
    BadLength = 6,
}

impl RxEvent {
    /// The event for a value of the `kind` port.
    pub fn from_bits(v: u8) -> Option<Self> {
        Some(match v {
            0 => RxEvent::Skip,
            1 => RxEvent::Header,
            2 => RxEvent::Payload,
            3 => RxEvent::Crc,
            4 => RxEvent::FrameOk,
            5 => RxEvent::BadCrc,
            6 => RxEvent::BadLength,
            _ => return None,
        })
    }
}

#[derive(Copy, Clone, PartialEq, Debug, LogicState)]
enum RxState {
    Hunt,
    Seq,
    Opcode,
    LenLo,
    LenHi,
    Payload,
    CrcLo,
    CrcHi,
}

/// Splits the byte stream of a serial link (one byte per clock at most,
/// with gaps) into request frames of [`polyhe_core::accel::protocol`]:
/// hunts for the sync byte `0xA5`, reads `seq`, opcode and the
/// little-endian length, passes payload bytes on with their index, and
/// checks the CRC-16 trailer with a [`Crc16`]. A length above
/// [`FrameReceiver::MAX_PAYLOAD`] ends the frame at once (the host gets
/// `BadFrame`, as from the software interpreter) and the hunt starts again.
///
/// Every byte taken (`valid_in` high at a rising edge) produces one
/// [`RxEvent`] on `kind` with `valid_out` high after that edge
/// (**latency [`FrameReceiver::LATENCY`] = 1**), so a consumer (the
/// command decoder, next) can act on payload bytes as they stream and on
/// the verdict at the frame's last byte without buffering the frame.
///
/// A receiver built with [`FrameReceiver::with_idle_timeout`] also
/// abandons a frame that stops arriving half way.
///
/// yosys 0.23 (`synth_ice40`, without the idle timeout): 92 SB_LUT4, 96
/// flip-flops, no DSP or RAM.
#[derive(LogicBlock)]
pub struct FrameReceiver {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Marks `data` as the next byte from the link.
    pub valid_in: Signal<In, Bit>,
    /// The byte.
    pub data: Signal<In, Bits<8>>,
    /// High for one cycle after each byte taken.
    pub valid_out: Signal<Out, Bit>,
    /// What the byte was ([`RxEvent`] values; the port is not called
    /// `event`, a SystemVerilog keyword).
    pub kind: Signal<Out, Bits<3>>,
    /// The byte taken (for payload bytes).
    pub byte_out: Signal<Out, Bits<8>>,
    /// Index of a payload byte in its payload.
    pub index: Signal<Out, Bits<11>>,
    /// The frame's sequence number (from its second byte on).
    pub seq: Signal<Out, Bits<8>>,
    /// The frame's opcode (from its third byte on).
    pub opcode: Signal<Out, Bits<8>>,
    /// The frame's payload length (from its fifth byte on).
    pub len: Signal<Out, Bits<11>>,
    crc: Crc16,
    state: DFF<RxState>,
    seq_r: DFF<Bits<8>>,
    opcode_r: DFF<Bits<8>>,
    len_lo: DFF<Bits<8>>,
    len_r: DFF<Bits<11>>,
    count: DFF<Bits<11>>,
    crc_lo: DFF<Bits<8>>,
    valid_r: DFF<Bit>,
    event_r: DFF<Bits<3>>,
    byte_r: DFF<Bits<8>>,
    index_r: DFF<Bits<11>>,
    max_payload: Constant<Bits<16>>,
    // Clocks without a byte after which a started frame is abandoned (0:
    // never), and the clocks counted so far.
    idle_limit: Constant<Bits<IDLE_BITS>>,
    idle: DFF<Bits<IDLE_BITS>>,
    // Combinational: the length with its high byte, and the trailer.
    len_full: Signal<Local, Bits<16>>,
    trailer: Signal<Local, Bits<16>>,
}

/// Width of the idle counter: timeouts up to `2^24 - 1` clocks.
const IDLE_BITS: usize = 24;

impl FrameReceiver {
    /// A receiver that abandons a started frame after `clocks` clock
    /// cycles without a byte (`1 ..= 2^24 - 1`; 0 never does) and hunts
    /// for the next sync byte. Without it, a frame cut short on the line
    /// (a host that timed out and resent) would take the next frame's
    /// bytes as its payload, and the receiver could lock onto a sync byte
    /// inside a payload afterwards; the CRC keeps either from reaching the
    /// core, but the link would lose several exchanges before it
    /// recovered. A few dozen byte times is a good choice: well above any
    /// gap inside a frame, well below the host's timeout.
    pub fn with_idle_timeout(clocks: u32) -> Self {
        assert!(clocks < 1 << IDLE_BITS, "idle timeout above 2^24 - 1 clocks");
        Self { idle_limit: Constant::new(u64::from(clocks).into()), ..Self::default() }
    }

    /// Clock cycles from a byte to its event.
    pub const LATENCY: usize = 1;
    /// Longest payload a request may announce (bytes).
    pub const MAX_PAYLOAD: u16 = polyhe_core::accel::protocol::MAX_PAYLOAD as u16;
    /// The request sync byte.
    pub const SYNC: u8 = polyhe_core::accel::protocol::REQUEST_SYNC;
}

impl Default for FrameReceiver {
    fn default() -> Self {
        Self {
            clock: Default::default(),
            valid_in: Default::default(),
            data: Default::default(),
            valid_out: Default::default(),
            kind: Default::default(),
            byte_out: Default::default(),
            index: Default::default(),
            seq: Default::default(),
            opcode: Default::default(),
            len: Default::default(),
            crc: Default::default(),
            state: Default::default(),
            seq_r: Default::default(),
            opcode_r: Default::default(),
            len_lo: Default::default(),
            len_r: Default::default(),
            count: Default::default(),
            crc_lo: Default::default(),
            valid_r: Default::default(),
            event_r: Default::default(),
            byte_r: Default::default(),
            index_r: Default::default(),
            max_payload: Constant::new(u64::from(Self::MAX_PAYLOAD).into()),
            idle_limit: Constant::new(0.into()),
            idle: Default::default(),
            len_full: Default::default(),
            trailer: Default::default(),
        }
    }
}

impl Logic for FrameReceiver {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, state, seq_r, opcode_r, len_lo, len_r, count, crc_lo, valid_r, event_r, byte_r, index_r, idle
        );
        clock!(self, clock, crc);
        // The CRC covers every byte after the sync byte up to the payload's
        // end; it restarts at `seq`.
        self.crc.data.next = self.data.val();
        self.crc.clear.next = self.state.q.val() == RxState::Seq;
        self.crc.valid_in.next = false;
        self.len_full.next = bit_cast::<16, 8>(self.data.val()) << 8 | bit_cast::<16, 8>(self.len_lo.q.val());
        self.trailer.next = bit_cast::<16, 8>(self.data.val()) << 8 | bit_cast::<16, 8>(self.crc_lo.q.val());
        self.valid_r.d.next = self.valid_in.val();
        self.byte_r.d.next = self.data.val();
        if self.valid_in.val() {
            match self.state.q.val() {
                RxState::Hunt => {
                    if self.data.val() == 0xA5 {
                        self.event_r.d.next = 1.into();
                        self.state.d.next = RxState::Seq;
                    } else {
                        self.event_r.d.next = 0.into();
                    }
                }
                RxState::Seq => {
                    self.crc.valid_in.next = true;
                    self.seq_r.d.next = self.data.val();
                    self.event_r.d.next = 1.into();
                    self.state.d.next = RxState::Opcode;
                }
                RxState::Opcode => {
                    self.crc.valid_in.next = true;
                    self.opcode_r.d.next = self.data.val();
                    self.event_r.d.next = 1.into();
                    self.state.d.next = RxState::LenLo;
                }
                RxState::LenLo => {
                    self.crc.valid_in.next = true;
                    self.len_lo.d.next = self.data.val();
                    self.event_r.d.next = 1.into();
                    self.state.d.next = RxState::LenHi;
                }
                RxState::LenHi => {
                    self.crc.valid_in.next = true;
                    self.len_r.d.next = self.len_full.val().get_bits::<11>(0);
                    self.count.d.next = 0.into();
                    if self.len_full.val() > self.max_payload.val() {
                        self.event_r.d.next = 6.into();
                        self.state.d.next = RxState::Hunt;
                    } else if self.len_full.val() == 0 {
                        self.event_r.d.next = 1.into();
                        self.state.d.next = RxState::CrcLo;
                    } else {
                        self.event_r.d.next = 1.into();
                        self.state.d.next = RxState::Payload;
                    }
                }
                RxState::Payload => {
                    self.crc.valid_in.next = true;
                    self.event_r.d.next = 2.into();
                    self.index_r.d.next = self.count.q.val();
                    self.count.d.next = self.count.q.val() + 1;
                    if self.count.q.val() + 1 == self.len_r.q.val() {
                        self.state.d.next = RxState::CrcLo;
                    }
                }
                RxState::CrcLo => {
                    self.crc_lo.d.next = self.data.val();
                    self.event_r.d.next = 3.into();
                    self.state.d.next = RxState::CrcHi;
                }
                RxState::CrcHi => {
                    if self.trailer.val() == self.crc.crc.val() {
                        self.event_r.d.next = 4.into();
                    } else {
                        self.event_r.d.next = 5.into();
                    }
                    self.state.d.next = RxState::Hunt;
                }
                _ => {
                    self.state.d.next = RxState::Hunt;
                }
            }
        }
        // The idle timeout: counts clocks without a byte inside a frame.
        if self.valid_in.val() || self.state.q.val() == RxState::Hunt {
            self.idle.d.next = 0.into();
        } else {
            self.idle.d.next = self.idle.q.val() + 1;
            if self.idle.q.val() == self.idle_limit.val() && self.idle_limit.val() != 0 {
                self.idle.d.next = 0.into();
                self.state.d.next = RxState::Hunt;
            }
        }
        self.valid_out.next = self.valid_r.q.val();
        self.kind.next = self.event_r.q.val();
        self.byte_out.next = self.byte_r.q.val();
        self.index.next = self.index_r.q.val();
        self.seq.next = self.seq_r.q.val();
        self.opcode.next = self.opcode_r.q.val();
        self.len.next = self.len_r.q.val();
    }
}

/// One event as the tests compare it: `(event, byte, index, seq, opcode,
/// len)`, with the fields an event does not define set to zero.
pub type RxRecord = (u8, u8, u16, u8, u8, u16);

impl crate::testbench::Pipeline for FrameReceiver {
    /// One byte from the link.
    type Input = u8;
    type Output = RxRecord;
    const LATENCY: usize = FrameReceiver::LATENCY;

    fn clock_mut(&mut self) -> &mut Signal<In, Clock> {
        &mut self.clock
    }

    fn clock_high(&self) -> bool {
        self.clock.val().clk
    }

    fn drive(&mut self, input: Option<&Self::Input>) {
        self.data.next = (u64::from(*input.unwrap_or(&0))).into();
        self.valid_in.next = input.is_some();
    }

    fn sample(&self) -> Option<Self::Output> {
        if !self.valid_out.val() {
            return None;
        }
        let event = self.kind.val().to_u32() as u8;
        let byte = self.byte_out.val().to_u32() as u8;
        let (seq, opcode, len) =
            (self.seq.val().to_u32() as u8, self.opcode.val().to_u32() as u8, self.len.val().to_u32() as u16);
        Some(match RxEvent::from_bits(event) {
            Some(RxEvent::Payload) => (event, byte, self.index.val().to_u32() as u16, 0, 0, 0),
            Some(RxEvent::FrameOk | RxEvent::BadCrc) => (event, 0, 0, seq, opcode, len),
            _ => (event, 0, 0, 0, 0, 0),
        })
    }
}

#[cfg(test)]
mod tests;
