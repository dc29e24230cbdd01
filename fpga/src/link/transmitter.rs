//! [`FrameTransmitter`]: response frames onto the link's byte stream.

use rust_hdl::prelude::*;

use super::Crc16;

#[derive(Copy, Clone, PartialEq, Debug, LogicState)]
enum TxState {
    Idle,
    Sync,
    Seq,
    Opcode,
    Status,
    LenLo,
    LenHi,
    Payload,
    CrcLo,
    CrcHi,
}

/// Sends one response frame of [`polyhe_core::accel::protocol`] per
/// `start`: the sync byte `0x5A`, `seq`, opcode, status, the little-endian
/// payload length, the payload bytes as a producer supplies them, and the
/// CRC-16 trailer it computes on the way ([`Crc16`]), so the payload never
/// has to be buffered.
///
/// Handshakes (valid/ready, a byte moves on a rising edge where both are
/// high):
/// - **out**: `out_data` / `out_valid` to the link (a UART's transmit
///   register), which pulls `out_ready`;
/// - **payload**: the producer presents `payload` / `payload_valid`; a
///   byte is taken when `payload_ready` is high (the frame is at its
///   payload and the link is ready) and it is sent in the same edge.
///
/// `start` is taken only while `busy` is low, with `seq`, `opcode`,
/// `status` and `len` (at most [`FrameTransmitter::MAX_PAYLOAD`]; larger
/// values are clipped by the port width and must not be given).
///
/// yosys 0.23 (`synth_ice40`): 123 SB_LUT4, 66 flip-flops, no DSP or RAM.
#[derive(LogicBlock, Default)]
pub struct FrameTransmitter {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Begins a frame (while `busy` is low).
    pub start: Signal<In, Bit>,
    /// The request's sequence number, echoed.
    pub seq: Signal<In, Bits<8>>,
    /// The request's opcode, echoed.
    pub opcode: Signal<In, Bits<8>>,
    /// The status byte.
    pub status: Signal<In, Bits<8>>,
    /// Payload bytes to send.
    pub len: Signal<In, Bits<11>>,
    /// The next payload byte.
    pub payload: Signal<In, Bits<8>>,
    /// `payload` is valid.
    pub payload_valid: Signal<In, Bit>,
    /// A payload byte is taken at the next rising edge if valid.
    pub payload_ready: Signal<Out, Bit>,
    /// The byte on the link.
    pub out_data: Signal<Out, Bits<8>>,
    /// `out_data` is a byte to send.
    pub out_valid: Signal<Out, Bit>,
    /// The link takes `out_data` at the next rising edge.
    pub out_ready: Signal<In, Bit>,
    /// A frame is being sent.
    pub busy: Signal<Out, Bit>,
    crc: Crc16,
    state: DFF<TxState>,
    seq_r: DFF<Bits<8>>,
    opcode_r: DFF<Bits<8>>,
    status_r: DFF<Bits<8>>,
    len_r: DFF<Bits<11>>,
    count: DFF<Bits<11>>,
    // Combinational: a byte leaves this cycle.
    fire: Signal<Local, Bit>,
    len_wide: Signal<Local, Bits<16>>,
}

impl FrameTransmitter {
    /// Longest payload of a response (bytes).
    pub const MAX_PAYLOAD: u16 = polyhe_core::accel::protocol::MAX_PAYLOAD as u16;
}

impl Logic for FrameTransmitter {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, state, seq_r, opcode_r, status_r, len_r, count);
        clock!(self, clock, crc);
        self.len_wide.next = bit_cast::<16, 11>(self.len_r.q.val());
        self.out_valid.next = false;
        self.out_data.next = 0.into();
        self.payload_ready.next = false;
        self.busy.next = self.state.q.val() != TxState::Idle;
        match self.state.q.val() {
            TxState::Idle => {}
            TxState::Sync => {
                self.out_valid.next = true;
                self.out_data.next = 0x5A.into();
            }
            TxState::Seq => {
                self.out_valid.next = true;
                self.out_data.next = self.seq_r.q.val();
            }
            TxState::Opcode => {
                self.out_valid.next = true;
                self.out_data.next = self.opcode_r.q.val();
            }
            TxState::Status => {
                self.out_valid.next = true;
                self.out_data.next = self.status_r.q.val();
            }
            TxState::LenLo => {
                self.out_valid.next = true;
                self.out_data.next = self.len_wide.val().get_bits::<8>(0);
            }
            TxState::LenHi => {
                self.out_valid.next = true;
                self.out_data.next = self.len_wide.val().get_bits::<8>(8);
            }
            TxState::Payload => {
                self.out_valid.next = self.payload_valid.val();
                self.out_data.next = self.payload.val();
                self.payload_ready.next = self.out_ready.val();
            }
            TxState::CrcLo => {
                self.out_valid.next = true;
                self.out_data.next = self.crc.crc.val().get_bits::<8>(0);
            }
            TxState::CrcHi => {
                self.out_valid.next = true;
                self.out_data.next = self.crc.crc.val().get_bits::<8>(8);
            }
            _ => {}
        }
        self.fire.next = self.out_valid.val() && self.out_ready.val();
        // The CRC covers the bytes after the sync byte up to the payload's
        // end, as they leave; `seq` restarts it.
        self.crc.data.next = self.out_data.val();
        self.crc.clear.next = self.state.q.val() == TxState::Seq;
        self.crc.valid_in.next = false;
        match self.state.q.val() {
            TxState::Idle => {
                if self.start.val() {
                    self.seq_r.d.next = self.seq.val();
                    self.opcode_r.d.next = self.opcode.val();
                    self.status_r.d.next = self.status.val();
                    self.len_r.d.next = self.len.val();
                    self.count.d.next = 0.into();
                    self.state.d.next = TxState::Sync;
                }
            }
            TxState::Sync => {
                if self.fire.val() {
                    self.state.d.next = TxState::Seq;
                }
            }
            TxState::Seq => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    self.state.d.next = TxState::Opcode;
                }
            }
            TxState::Opcode => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    self.state.d.next = TxState::Status;
                }
            }
            TxState::Status => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    self.state.d.next = TxState::LenLo;
                }
            }
            TxState::LenLo => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    self.state.d.next = TxState::LenHi;
                }
            }
            TxState::LenHi => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    if self.len_r.q.val() == 0 {
                        self.state.d.next = TxState::CrcLo;
                    } else {
                        self.state.d.next = TxState::Payload;
                    }
                }
            }
            TxState::Payload => {
                if self.fire.val() {
                    self.crc.valid_in.next = true;
                    self.count.d.next = self.count.q.val() + 1;
                    if self.count.q.val() + 1 == self.len_r.q.val() {
                        self.state.d.next = TxState::CrcLo;
                    }
                }
            }
            TxState::CrcLo => {
                if self.fire.val() {
                    self.state.d.next = TxState::CrcHi;
                }
            }
            TxState::CrcHi => {
                if self.fire.val() {
                    self.state.d.next = TxState::Idle;
                }
            }
            _ => {
                self.state.d.next = TxState::Idle;
            }
        }
    }
}

#[cfg(test)]
mod tests;
