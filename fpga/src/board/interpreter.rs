//! [`FrameInterpreter`]: the protocol's request frames in, the core's
//! strobes, response frames out. The hardware counterpart of
//! [`crate::device::Device`].

use rust_hdl::prelude::*;

use crate::device::MIN_LOG_N;
use crate::link::{FrameReceiver, FrameTransmitter};
use crate::ntt::control::INDEX_BITS;
use crate::ntt::NttCore;

/// Words of the frame buffer: the data of the longest chunk
/// ([`polyhe_core::accel::protocol::MAX_CHUNK_WORDS`]).
const BUFFER_ADDR_BITS: usize = 8;

#[derive(Copy, Clone, PartialEq, Debug, LogicState)]
enum State {
    /// Taking bytes: the receiver's events fill the frame buffer.
    Receive,
    /// An intact frame has arrived: parse and check it.
    Check,
    /// `Configure`: the bit-serial check of the constants.
    CfgCheck,
    /// `Configure`: the verdict of the check.
    CfgVerdict,
    /// `Configure`: the five `cfg_write` strobes.
    CfgWrite,
    /// `LoadTwiddles` / `WriteSlot`: buffer words to the core.
    Stream,
    /// `Run`: the `start` strobe.
    RunStart,
    /// `Run`: waiting for `done`.
    RunWait,
    /// Starting the response frame.
    Respond,
    /// `Status`: the 12 bytes of `DeviceInfo`.
    PayStatus,
    /// `Run`: the 4 bytes of the cycle count.
    PayCycles,
    /// `ReadSlot`: one `coef_read` strobe.
    ReadIssue,
    /// `ReadSlot`: waiting for the word.
    ReadWait,
    /// `ReadSlot`: its 4 bytes.
    ReadSend,
    /// Waiting for the response to leave before taking bytes again.
    Finish,
}

/// Status codes of [`polyhe_core::accel::protocol::Status`] (checked
/// against it in the tests; `update` writes them as literals, as
/// `#[hdl_gen]` cannot name module constants).
pub mod status {
    /// `Ok`.
    pub const OK: u64 = 0x00;
    /// `BadCrc`.
    pub const BAD_CRC: u64 = 0x01;
    /// `BadFrame`.
    pub const BAD_FRAME: u64 = 0x02;
    /// `UnknownOpcode`.
    pub const UNKNOWN_OPCODE: u64 = 0x03;
    /// `BadArgument`.
    pub const BAD_ARGUMENT: u64 = 0x04;
    /// `NotConfigured`.
    pub const NOT_CONFIGURED: u64 = 0x05;
    /// `DeviceFault`.
    pub const DEVICE_FAULT: u64 = 0x06;
}

/// The accelerator's frame interpreter in hardware: a [`FrameReceiver`]
/// on the incoming byte stream, a frame buffer, the [`NttCore`] and a
/// [`FrameTransmitter`] on the outgoing one, sequenced by one state
/// machine that answers every request exactly as the software model
/// [`crate::device::Device`] does (byte for byte, cycle counts included;
/// the tests compare the two).
///
/// **No trace from a damaged frame.** A request's payload is only
/// *buffered* while it arrives (words of chunks into a 256-word RAM, the
/// small fields and `Configure`'s constants into registers); nothing
/// reaches the core until the frame's CRC has matched and every check has
/// passed, so a frame with a bad CRC, a bad argument or a residue not
/// below `q` leaves the device as it was, as the protocol requires.
///
/// **Checks**, in the software model's order: payload length for the
/// opcode, field ranges (table, slot, operation, read count), configured,
/// chunk inside the configured degree, residues below `q`. `Configure`
/// checks `log N` against the core's range and that the constants belong
/// to `q` (odd, `3 <= q < 2^30`, `-q^-1 mod 2^32` by a bit-serial product,
/// `2^32 mod q` and its Shoup companion by bit-serial division: 64 cycles,
/// no divider, no DSP), so a host bug is refused instead of giving wrong
/// products.
///
/// **Run** answers the cycles from the edge that takes `start` to the one
/// that shows `done`; a run longer than `32 N + 1000` cycles is a
/// `DeviceFault` and forgets the configuration (the software model allows
/// `2 N log2 N + 1000`, which no correct run reaches either).
///
/// **Flow.** A frame that stops arriving half way is abandoned after the
/// idle timeout, if one is set ([`FrameInterpreter::with_idle_timeout`]).
/// One request at a time: bytes arriving while a request is
/// carried out or answered are dropped (`busy` is high); the protocol's
/// host waits for each response. `Reset` forgets the configuration; slot
/// and twiddle contents are undefined until written again (the software
/// model starts from zeroed memories), which no host may rely on.
///
/// Ports: bytes in (`rx_valid`, `rx_data`: a UART receiver's output, at
/// most one per clock), bytes out (`tx_data`, `tx_valid`, taken when
/// `tx_ready` is high at a rising edge).
#[derive(LogicBlock)]
pub struct FrameInterpreter<const L: usize, const K: usize, const A: usize, const T: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// A byte from the link.
    pub rx_valid: Signal<In, Bit>,
    /// The byte.
    pub rx_data: Signal<In, Bits<8>>,
    /// The next byte to the link.
    pub tx_data: Signal<Out, Bits<8>>,
    /// `tx_data` is valid.
    pub tx_valid: Signal<Out, Bit>,
    /// The link takes `tx_data` at the next rising edge.
    pub tx_ready: Signal<In, Bit>,
    /// A request is being carried out or answered: bytes are dropped.
    pub busy: Signal<Out, Bit>,
    rx: FrameReceiver,
    tx: FrameTransmitter,
    core: NttCore<L, K, A, T>,
    buffer: RAM<Bits<32>, BUFFER_ADDR_BITS>,
    state: DFF<State>,
    // Payload bytes 0 to 4 (slot or table or operation, offset, count).
    h0: DFF<Bits<8>>,
    h1: DFF<Bits<8>>,
    h2: DFF<Bits<8>>,
    h3: DFF<Bits<8>>,
    h4: DFF<Bits<8>>,
    // Word assembly, and "a residue of this frame is not below q".
    assembly: DFF<Bits<32>>,
    bad_value: DFF<Bit>,
    // Configure's constants as received.
    new_q: DFF<Bits<32>>,
    new_neg_inv: DFF<Bits<32>>,
    new_r: DFF<Bits<32>>,
    new_r_shoup: DFF<Bits<32>>,
    // The configuration in force.
    configured: DFF<Bit>,
    log_n: DFF<Bits<4>>,
    modulus: DFF<Bits<32>>,
    // The response.
    status: DFF<Bits<8>>,
    resp_len: DFF<Bits<11>>,
    // The payload after the header: 0 none, 1 DeviceInfo, 2 the cycle
    // count, 3 the words read.
    pay: DFF<Bits<2>>,
    // Counters: words or strobes issued, bytes sent, cycles of a run.
    count: DFF<Bits<10>>,
    byte_i: DFF<Bits<4>>,
    cycles: DFF<Bits<32>>,
    // Buffer reads in flight.
    rd_valid: DFF<Bit>,
    rd_index: DFF<Bits<10>>,
    w_latch: DFF<Bits<32>>,
    word: DFF<Bits<32>>,
    // The bit-serial check of Configure's constants.
    chk_prod: DFF<Bits<32>>,
    chk_mq: DFF<Bits<32>>,
    chk_ni: DFF<Bits<32>>,
    chk_x: DFF<Bits<33>>,
    chk_quo: DFF<Bits<32>>,
    // Constants of the design.
    min_log_n: Constant<Bits<8>>,
    max_log_n: Constant<Bits<8>>,
    lanes: Constant<Bits<8>>,
    all_ones: Constant<Bits<32>>,
    // Combinational.
    opcode: Signal<Local, Bits<8>>,
    base: Signal<Local, Bits<11>>,
    data_index: Signal<Local, Bits<11>>,
    word_now: Signal<Local, Bits<32>>,
    offset: Signal<Local, Bits<18>>,
    read_count: Signal<Local, Bits<18>>,
    data_len: Signal<Local, Bits<11>>,
    n_words: Signal<Local, Bits<10>>,
    degree: Signal<Local, Bits<18>>,
    chunk_end: Signal<Local, Bits<18>>,
    read_end: Signal<Local, Bits<18>>,
    watchdog: Signal<Local, Bits<32>>,
    x2: Signal<Local, Bits<33>>,
    q33: Signal<Local, Bits<33>>,
    x_sub: Signal<Local, Bits<33>>,
    cycles_shifted: Signal<Local, Bits<32>>,
    word_shifted: Signal<Local, Bits<32>>,
    info_byte: Signal<Local, Bits<8>>,
    shown_log_n: Signal<Local, Bits<8>>,
    shown_q: Signal<Local, Bits<32>>,
    tx_start: Signal<Local, Bit>,
    tx_payload_valid: Signal<Local, Bit>,
    tx_payload: Signal<Local, Bits<8>>,
    core_cfg_write: Signal<Local, Bit>,
    core_cfg_data: Signal<Local, Bits<32>>,
    core_tw_write: Signal<Local, Bit>,
    core_coef_write: Signal<Local, Bit>,
    core_coef_read: Signal<Local, Bit>,
    core_coef_index: Signal<Local, Bits<INDEX_BITS>>,
    core_start: Signal<Local, Bit>,
    buffer_write_enable: Signal<Local, Bit>,
}

/// The interpreter around the one-lane `N <= 2^13` core ([`crate::ntt::NttCore13`]):
/// the hardware twin of [`crate::device::Device`].
pub type FrameInterpreter13 = FrameInterpreter<1, 2, 12, 14>;

impl<const L: usize, const K: usize, const A: usize, const T: usize> FrameInterpreter<L, K, A, T> {
    /// An interpreter with an unconfigured core.
    pub fn new() -> Self {
        let max = NttCore::<L, K, A, T>::MAX_LOG_N as u64;
        let min = u64::from(MIN_LOG_N).max(u64::from(NttCore::<L, K, A, T>::MIN_LOG_N));
        Self {
            clock: Default::default(),
            rx_valid: Default::default(),
            rx_data: Default::default(),
            tx_data: Default::default(),
            tx_valid: Default::default(),
            tx_ready: Default::default(),
            busy: Default::default(),
            rx: Default::default(),
            tx: Default::default(),
            core: NttCore::new(),
            buffer: Default::default(),
            state: Default::default(),
            h0: Default::default(),
            h1: Default::default(),
            h2: Default::default(),
            h3: Default::default(),
            h4: Default::default(),
            assembly: Default::default(),
            bad_value: Default::default(),
            new_q: Default::default(),
            new_neg_inv: Default::default(),
            new_r: Default::default(),
            new_r_shoup: Default::default(),
            configured: Default::default(),
            log_n: Default::default(),
            modulus: Default::default(),
            status: Default::default(),
            resp_len: Default::default(),
            pay: Default::default(),
            count: Default::default(),
            byte_i: Default::default(),
            cycles: Default::default(),
            rd_valid: Default::default(),
            rd_index: Default::default(),
            w_latch: Default::default(),
            word: Default::default(),
            chk_prod: Default::default(),
            chk_mq: Default::default(),
            chk_ni: Default::default(),
            chk_x: Default::default(),
            chk_quo: Default::default(),
            min_log_n: Constant::new(min.into()),
            max_log_n: Constant::new(max.into()),
            lanes: Constant::new((L as u64).into()),
            all_ones: Constant::new(u64::from(u32::MAX).into()),
            opcode: Default::default(),
            base: Default::default(),
            data_index: Default::default(),
            word_now: Default::default(),
            offset: Default::default(),
            read_count: Default::default(),
            data_len: Default::default(),
            n_words: Default::default(),
            degree: Default::default(),
            chunk_end: Default::default(),
            read_end: Default::default(),
            watchdog: Default::default(),
            x2: Default::default(),
            q33: Default::default(),
            x_sub: Default::default(),
            cycles_shifted: Default::default(),
            word_shifted: Default::default(),
            info_byte: Default::default(),
            shown_log_n: Default::default(),
            shown_q: Default::default(),
            tx_start: Default::default(),
            tx_payload_valid: Default::default(),
            tx_payload: Default::default(),
            core_cfg_write: Default::default(),
            core_cfg_data: Default::default(),
            core_tw_write: Default::default(),
            core_coef_write: Default::default(),
            core_coef_read: Default::default(),
            core_coef_index: Default::default(),
            core_start: Default::default(),
            buffer_write_enable: Default::default(),
        }
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> FrameInterpreter<L, K, A, T> {
    /// An interpreter whose receiver abandons a frame after `clocks` clock
    /// cycles without a byte ([`FrameReceiver::with_idle_timeout`]).
    pub fn with_idle_timeout(clocks: u32) -> Self {
        Self { rx: FrameReceiver::with_idle_timeout(clocks), ..Self::new() }
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Default for FrameInterpreter<L, K, A, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Logic for FrameInterpreter<L, K, A, T> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self,
            clock,
            state,
            h0,
            h1,
            h2,
            h3,
            h4,
            assembly,
            bad_value,
            new_q,
            new_neg_inv,
            new_r,
            new_r_shoup,
            configured,
            log_n,
            modulus,
            status,
            resp_len,
            pay,
            count,
            byte_i,
            cycles,
            rd_valid,
            rd_index,
            w_latch,
            word,
            chk_prod,
            chk_mq,
            chk_ni,
            chk_x,
            chk_quo
        );
        clock!(self, clock, rx, tx, core);
        self.buffer.read_clock.next = self.clock.val();
        self.buffer.write_clock.next = self.clock.val();

        // Fields of the frame being received or carried out.
        self.opcode.next = self.rx.opcode.val();
        if self.opcode.val() == 0x10 {
            self.base.next = 1.into();
        } else {
            self.base.next = 3.into();
        }
        self.data_index.next = self.rx.index.val() - self.base.val();
        self.word_now.next = bit_cast::<32, 8>(self.rx.byte_out.val()) << 24 | self.assembly.q.val() >> 8;
        self.offset.next = bit_cast::<18, 8>(self.h2.q.val()) << 8 | bit_cast::<18, 8>(self.h1.q.val());
        self.read_count.next = bit_cast::<18, 8>(self.h4.q.val()) << 8 | bit_cast::<18, 8>(self.h3.q.val());
        self.data_len.next = self.rx.len.val() - 3;
        self.n_words.next = bit_cast::<10, 11>(self.data_len.val() >> 2);
        self.degree.next = bits::<18>(1) << bit_cast::<18, 4>(self.log_n.q.val());
        self.read_end.next = self.offset.val() + self.read_count.val();
        if self.opcode.val() == 0x11 {
            self.chunk_end.next = self.offset.val() + bit_cast::<18, 11>(self.data_len.val() >> 3);
        } else {
            self.chunk_end.next = self.offset.val() + bit_cast::<18, 11>(self.data_len.val() >> 2);
        }
        self.watchdog.next = (bit_cast::<32, 18>(self.degree.val()) << 5) + 1000;
        self.x2.next = self.chk_x.q.val() << 1;
        self.q33.next = bit_cast::<33, 32>(self.new_q.q.val());
        self.x_sub.next = self.x2.val() - self.q33.val();
        self.cycles_shifted.next = self.cycles.q.val() >> (bit_cast::<32, 4>(self.byte_i.q.val()) << 3);
        self.word_shifted.next = self.word.q.val() >> (bit_cast::<32, 4>(self.byte_i.q.val()) << 3);
        if self.configured.q.val() {
            self.shown_log_n.next = bit_cast::<8, 4>(self.log_n.q.val());
            self.shown_q.next = self.modulus.q.val();
        } else {
            self.shown_log_n.next = 0.into();
            self.shown_q.next = 0.into();
        }
        // DeviceInfo: version, min and max log N, slots, lanes, configured,
        // log N, q (little-endian), one zero byte.
        self.info_byte.next = 0.into();
        if self.byte_i.q.val() == 0 {
            self.info_byte.next = 1.into();
        }
        if self.byte_i.q.val() == 1 {
            self.info_byte.next = self.min_log_n.val();
        }
        if self.byte_i.q.val() == 2 {
            self.info_byte.next = self.max_log_n.val();
        }
        if self.byte_i.q.val() == 3 {
            self.info_byte.next = 2.into();
        }
        if self.byte_i.q.val() == 4 {
            self.info_byte.next = self.lanes.val();
        }
        if self.byte_i.q.val() == 5 && self.configured.q.val() {
            self.info_byte.next = 1.into();
        }
        if self.byte_i.q.val() == 6 {
            self.info_byte.next = self.shown_log_n.val();
        }
        if self.byte_i.q.val() == 7 {
            self.info_byte.next = self.shown_q.val().get_bits::<8>(0);
        }
        if self.byte_i.q.val() == 8 {
            self.info_byte.next = self.shown_q.val().get_bits::<8>(8);
        }
        if self.byte_i.q.val() == 9 {
            self.info_byte.next = self.shown_q.val().get_bits::<8>(16);
        }
        if self.byte_i.q.val() == 10 {
            self.info_byte.next = self.shown_q.val().get_bits::<8>(24);
        }

        // Defaults: nothing strobed, nothing sent.
        self.rx.valid_in.next = self.rx_valid.val() && self.state.q.val() == State::Receive;
        self.rx.data.next = self.rx_data.val();
        self.busy.next = self.state.q.val() != State::Receive;
        self.tx_start.next = false;
        self.tx.seq.next = self.rx.seq.val();
        self.tx.opcode.next = self.rx.opcode.val();
        self.tx.status.next = self.status.q.val();
        self.tx.len.next = self.resp_len.q.val();
        self.tx_payload.next = 0.into();
        self.tx_payload_valid.next = false;
        self.tx.out_ready.next = self.tx_ready.val();
        self.tx_data.next = self.tx.out_data.val();
        self.tx_valid.next = self.tx.out_valid.val();
        self.buffer_write_enable.next = false;
        self.buffer.write_address.next = self.data_index.val().get_bits::<BUFFER_ADDR_BITS>(2);
        self.buffer.write_data.next = self.word_now.val();
        self.buffer.read_address.next = self.count.q.val().get_bits::<BUFFER_ADDR_BITS>(0);
        self.core_cfg_write.next = false;
        self.core.cfg_addr.next = self.count.q.val().get_bits::<3>(0);
        self.core_cfg_data.next = 0.into();
        self.core_tw_write.next = false;
        self.core.tw_inverse.next = self.h0.q.val().get_bit(0);
        self.core.tw_index.next =
            bit_cast::<INDEX_BITS, 18>(self.offset.val() + bit_cast::<18, 10>(self.rd_index.q.val() >> 1));
        self.core.tw_w.next = self.w_latch.q.val().get_bits::<30>(0);
        self.core.tw_w_shoup.next = self.buffer.read_data.val();
        self.core_coef_write.next = false;
        self.core_coef_read.next = false;
        self.core.coef_slot.next = self.h0.q.val().get_bit(0);
        self.core_coef_index.next =
            bit_cast::<INDEX_BITS, 18>(self.offset.val() + bit_cast::<18, 10>(self.rd_index.q.val()));
        self.core.coef_data.next = self.buffer.read_data.val().get_bits::<30>(0);
        self.core_start.next = false;
        self.core.op.next = self.h0.q.val().get_bits::<2>(0);
        self.core.op_slot.next = self.h1.q.val().get_bit(0);
        self.rd_valid.d.next = false;

        match self.state.q.val() {
            State::Receive => {
                if self.rx.valid_out.val() {
                    // Header bytes start a frame: forget the last verdict.
                    if self.rx.kind.val() == 1 {
                        self.bad_value.d.next = false;
                    }
                    if self.rx.kind.val() == 2 {
                        if self.rx.index.val() == 0 {
                            self.h0.d.next = self.rx.byte_out.val();
                        }
                        if self.rx.index.val() == 1 {
                            self.h1.d.next = self.rx.byte_out.val();
                        }
                        if self.rx.index.val() == 2 {
                            self.h2.d.next = self.rx.byte_out.val();
                        }
                        if self.rx.index.val() == 3 {
                            self.h3.d.next = self.rx.byte_out.val();
                        }
                        if self.rx.index.val() == 4 {
                            self.h4.d.next = self.rx.byte_out.val();
                        }
                        if self.rx.index.val() >= self.base.val() {
                            self.assembly.d.next = self.word_now.val();
                            if self.data_index.val().get_bits::<2>(0) == 3 {
                                self.buffer_write_enable.next = true;
                                // Residues (every coefficient; the even words,
                                // `w`, of twiddle pairs) must be below q.
                                if (self.opcode.val() == 0x20
                                    || (self.opcode.val() == 0x11 && !self.data_index.val().get_bit(2)))
                                    && self.word_now.val() >= self.modulus.q.val()
                                {
                                    self.bad_value.d.next = true;
                                }
                                if self.opcode.val() == 0x10 {
                                    if self.data_index.val().get_bits::<9>(2) == 0 {
                                        self.new_q.d.next = self.word_now.val();
                                    }
                                    if self.data_index.val().get_bits::<9>(2) == 1 {
                                        self.new_neg_inv.d.next = self.word_now.val();
                                    }
                                    if self.data_index.val().get_bits::<9>(2) == 2 {
                                        self.new_r.d.next = self.word_now.val();
                                    }
                                    if self.data_index.val().get_bits::<9>(2) == 3 {
                                        self.new_r_shoup.d.next = self.word_now.val();
                                    }
                                }
                            }
                        }
                    }
                    if self.rx.kind.val() == 4 {
                        self.state.d.next = State::Check;
                    }
                    if self.rx.kind.val() == 5 {
                        self.status.d.next = 0x01.into(); // status::BAD_CRC
                        self.resp_len.d.next = 0.into();
                        self.pay.d.next = 0.into(); // no payload
                        self.state.d.next = State::Respond;
                    }
                    if self.rx.kind.val() == 6 {
                        self.status.d.next = 0x02.into(); // status::BAD_FRAME
                        self.resp_len.d.next = 0.into();
                        self.pay.d.next = 0.into(); // no payload
                        self.state.d.next = State::Respond;
                    }
                }
            }
            State::Check => {
                // Unless a case below says otherwise: an empty `Ok`, or a
                // refusal, answered at once.
                self.resp_len.d.next = 0.into();
                self.pay.d.next = 0.into(); // no payload
                self.status.d.next = 0x00.into(); // status::OK
                self.state.d.next = State::Respond;
                self.count.d.next = 0.into();
                self.byte_i.d.next = 0.into();
                if self.opcode.val() == 0x01 {
                    if self.rx.len.val() != 0 {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else {
                        self.resp_len.d.next = 12.into();
                        self.pay.d.next = 1.into(); // DeviceInfo
                    }
                } else if self.opcode.val() == 0x02 {
                    if self.rx.len.val() != 0 {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else {
                        self.configured.d.next = false;
                    }
                } else if self.opcode.val() == 0x10 {
                    if self.rx.len.val() != 17
                        || self.h0.q.val() < self.min_log_n.val()
                        || self.h0.q.val() > self.max_log_n.val()
                    {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else {
                        self.chk_prod.d.next = 0.into();
                        self.chk_mq.d.next = self.new_q.q.val();
                        self.chk_ni.d.next = self.new_neg_inv.q.val();
                        self.chk_x.d.next = 1.into();
                        self.state.d.next = State::CfgCheck;
                    }
                } else if self.opcode.val() == 0x11 || self.opcode.val() == 0x20 {
                    // A chunk: 3 header bytes and whole items (8-byte pairs,
                    // 4-byte words); at most 256 words fit MAX_PAYLOAD.
                    if self.rx.len.val() <= 3
                        || (self.opcode.val() == 0x11 && self.data_len.val().get_bits::<3>(0) != 0)
                        || self.data_len.val().get_bits::<2>(0) != 0
                        || self.h0.q.val() > 1
                    {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else if !self.configured.q.val() {
                        self.status.d.next = 0x05.into(); // status::NOT_CONFIGURED
                    } else if self.chunk_end.val() > self.degree.val() || self.bad_value.q.val() {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else {
                        self.state.d.next = State::Stream;
                    }
                } else if self.opcode.val() == 0x21 {
                    if self.rx.len.val() != 5
                        || self.read_count.val() == 0
                        || self.read_count.val() > 256
                        || self.h0.q.val() > 1
                    {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else if !self.configured.q.val() {
                        self.status.d.next = 0x05.into(); // status::NOT_CONFIGURED
                    } else if self.read_end.val() > self.degree.val() {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else {
                        self.resp_len.d.next = bit_cast::<11, 18>(self.read_count.val() << 2);
                        self.pay.d.next = 3.into(); // words read
                    }
                } else if self.opcode.val() == 0x30 {
                    if self.rx.len.val() != 2 || self.h0.q.val() > 2 || self.h1.q.val() > 1 {
                        self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                    } else if !self.configured.q.val() {
                        self.status.d.next = 0x05.into(); // status::NOT_CONFIGURED
                    } else {
                        self.state.d.next = State::RunStart;
                    }
                } else {
                    self.status.d.next = 0x03.into(); // status::UNKNOWN_OPCODE
                }
            }
            State::CfgCheck => {
                // Steps 0..31: prod += bit i of neg_inv times q << i, and
                // x = 2^(i+1) mod q. Steps 32..63: long division of
                // r * 2^32 by q, one quotient bit per step.
                self.count.d.next = self.count.q.val() + 1;
                if !self.count.q.val().get_bit(5) {
                    if self.chk_ni.q.val().get_bit(0) {
                        self.chk_prod.d.next = self.chk_prod.q.val() + self.chk_mq.q.val();
                    }
                    self.chk_mq.d.next = self.chk_mq.q.val() << 1;
                    self.chk_ni.d.next = self.chk_ni.q.val() >> 1;
                    if self.x2.val() >= self.q33.val() {
                        self.chk_x.d.next = self.x_sub.val();
                    } else {
                        self.chk_x.d.next = self.x2.val();
                    }
                    if self.count.q.val() == 31 {
                        // Keep 2^32 mod q for the verdict in chk_mq's place
                        // (no longer needed) and start the division at r.
                        self.chk_mq.d.next = self.x2.val().get_bits::<32>(0);
                        if self.x2.val() >= self.q33.val() {
                            self.chk_mq.d.next = self.x_sub.val().get_bits::<32>(0);
                        }
                        self.chk_x.d.next = bit_cast::<33, 32>(self.new_r.q.val());
                        self.chk_quo.d.next = 0.into();
                    }
                } else {
                    if self.x2.val() >= self.q33.val() {
                        self.chk_x.d.next = self.x_sub.val();
                        self.chk_quo.d.next = self.chk_quo.q.val() << 1 | 1;
                    } else {
                        self.chk_x.d.next = self.x2.val();
                        self.chk_quo.d.next = self.chk_quo.q.val() << 1;
                    }
                    if self.count.q.val() == 63 {
                        self.state.d.next = State::CfgVerdict;
                    }
                }
            }
            State::CfgVerdict => {
                self.count.d.next = 0.into();
                self.state.d.next = State::Respond;
                if self.new_q.q.val().get_bit(0)
                    && self.new_q.q.val() >= 3
                    && self.new_q.q.val().get_bits::<2>(30) == 0
                    && self.new_r.q.val() < self.new_q.q.val()
                    && self.chk_prod.q.val() == self.all_ones.val()
                    && self.chk_mq.q.val() == self.new_r.q.val()
                    && self.chk_quo.q.val() == self.new_r_shoup.q.val()
                {
                    self.configured.d.next = false;
                    self.state.d.next = State::CfgWrite;
                } else {
                    self.status.d.next = 0x04.into(); // status::BAD_ARGUMENT
                }
            }
            State::CfgWrite => {
                self.core_cfg_write.next = true;
                if self.count.q.val() == 0 {
                    self.core_cfg_data.next = bit_cast::<32, 8>(self.h0.q.val());
                }
                if self.count.q.val() == 1 {
                    self.core_cfg_data.next = self.new_q.q.val();
                }
                if self.count.q.val() == 2 {
                    self.core_cfg_data.next = self.new_neg_inv.q.val();
                }
                if self.count.q.val() == 3 {
                    self.core_cfg_data.next = self.new_r.q.val();
                }
                if self.count.q.val() == 4 {
                    self.core_cfg_data.next = self.new_r_shoup.q.val();
                    self.configured.d.next = true;
                    self.log_n.d.next = self.h0.q.val().get_bits::<4>(0);
                    self.modulus.d.next = self.new_q.q.val();
                    self.state.d.next = State::Respond;
                }
                self.count.d.next = self.count.q.val() + 1;
            }
            State::Stream => {
                // One buffer read per cycle; each word reaches the core the
                // cycle after its read (twiddles: on the pair's odd word).
                if self.count.q.val() < self.n_words.val() {
                    self.rd_valid.d.next = true;
                    self.rd_index.d.next = self.count.q.val();
                    self.count.d.next = self.count.q.val() + 1;
                }
                if self.rd_valid.q.val() {
                    if self.opcode.val() == 0x11 {
                        if !self.rd_index.q.val().get_bit(0) {
                            self.w_latch.d.next = self.buffer.read_data.val();
                        } else {
                            self.core_tw_write.next = true;
                        }
                    } else {
                        self.core_coef_write.next = true;
                    }
                }
                if self.count.q.val() == self.n_words.val() && !self.rd_valid.q.val() {
                    self.state.d.next = State::Respond;
                }
            }
            State::RunStart => {
                self.core_start.next = true;
                self.cycles.d.next = 1.into();
                self.state.d.next = State::RunWait;
            }
            State::RunWait => {
                if self.core.done.val() {
                    self.resp_len.d.next = 4.into();
                    self.pay.d.next = 2.into(); // cycles
                    self.state.d.next = State::Respond;
                } else if self.cycles.q.val() >= self.watchdog.val() {
                    self.status.d.next = 0x06.into(); // status::DEVICE_FAULT
                    self.configured.d.next = false;
                    self.state.d.next = State::Respond;
                } else {
                    self.cycles.d.next = self.cycles.q.val() + 1;
                }
            }
            State::Respond => {
                if !self.tx.busy.val() {
                    self.tx_start.next = true;
                    self.byte_i.d.next = 0.into();
                    self.count.d.next = 0.into();
                    if self.pay.q.val() == 1 {
                        self.state.d.next = State::PayStatus;
                    } else if self.pay.q.val() == 2 {
                        self.state.d.next = State::PayCycles;
                    } else if self.pay.q.val() == 3 {
                        self.state.d.next = State::ReadIssue;
                    } else {
                        self.state.d.next = State::Finish;
                    }
                }
            }
            State::PayStatus => {
                self.tx_payload.next = self.info_byte.val();
                self.tx_payload_valid.next = true;
                if self.tx.payload_ready.val() {
                    self.byte_i.d.next = self.byte_i.q.val() + 1;
                    if self.byte_i.q.val() == 11 {
                        self.state.d.next = State::Finish;
                    }
                }
            }
            State::PayCycles => {
                self.tx_payload.next = self.cycles_shifted.val().get_bits::<8>(0);
                self.tx_payload_valid.next = true;
                if self.tx.payload_ready.val() {
                    self.byte_i.d.next = self.byte_i.q.val() + 1;
                    if self.byte_i.q.val() == 3 {
                        self.state.d.next = State::Finish;
                    }
                }
            }
            State::ReadIssue => {
                self.core_coef_read.next = true;
                self.core_coef_index.next =
                    bit_cast::<INDEX_BITS, 18>(self.offset.val() + bit_cast::<18, 10>(self.count.q.val()));
                self.state.d.next = State::ReadWait;
            }
            State::ReadWait => {
                if self.core.coef_rvalid.val() {
                    self.word.d.next = bit_cast::<32, 30>(self.core.coef_rdata.val());
                    self.byte_i.d.next = 0.into();
                    self.state.d.next = State::ReadSend;
                }
            }
            State::ReadSend => {
                self.tx_payload.next = self.word_shifted.val().get_bits::<8>(0);
                self.tx_payload_valid.next = true;
                if self.tx.payload_ready.val() {
                    self.byte_i.d.next = self.byte_i.q.val() + 1;
                    if self.byte_i.q.val() == 3 {
                        self.count.d.next = self.count.q.val() + 1;
                        if bit_cast::<18, 10>(self.count.q.val() + 1) == self.read_count.val() {
                            self.state.d.next = State::Finish;
                        } else {
                            self.state.d.next = State::ReadIssue;
                        }
                    }
                }
            }
            State::Finish => {
                if !self.tx.busy.val() {
                    self.state.d.next = State::Receive;
                }
            }
            _ => {
                self.state.d.next = State::Receive;
            }
        }

        // Each input of a sub-block is assigned once, from the locals
        // above: default-then-override assignments would glitch them, and a
        // glitch on an input whose block feeds back into this one (the
        // transmitter's handshake, the core's done) makes Icarus Verilog's
        // zero-delay evaluation loop forever.
        self.tx.start.next = self.tx_start.val();
        self.tx.payload_valid.next = self.tx_payload_valid.val();
        self.tx.payload.next = self.tx_payload.val();
        self.core.cfg_write.next = self.core_cfg_write.val();
        self.core.cfg_data.next = self.core_cfg_data.val();
        self.core.tw_write.next = self.core_tw_write.val();
        self.core.coef_write.next = self.core_coef_write.val();
        self.core.coef_read.next = self.core_coef_read.val();
        self.core.coef_index.next = self.core_coef_index.val();
        self.core.start.next = self.core_start.val();
        self.buffer.write_enable.next = self.buffer_write_enable.val();
    }
}
