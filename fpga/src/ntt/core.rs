//! [`NttCore`]: the NTT accelerator core: coefficient memories, twiddle
//! memory, one butterfly lane and the control, behind a port-level command
//! interface.

use rust_hdl::prelude::*;

use super::control::{NttControl, INDEX_BITS};
use super::Butterfly;
use crate::arith::RESIDUE_BITS;

/// Configuration register addresses on `cfg_addr`.
pub mod cfg {
    /// `log2 N` (low 4 bits), 1 to the core's maximum.
    pub const LOG_N: u64 = 0;
    /// The modulus `q`: an odd NTT prime below `2^30`.
    pub const MODULUS: u64 = 1;
    /// `-q^-1 mod 2^32` ([`crate::arith::mont_neg_inv`]).
    pub const NEG_INV: u64 = 2;
    /// `2^32 mod q` ([`crate::arith::mont_r_mod`]).
    pub const R_MOD_Q: u64 = 3;
    /// Shoup companion of `2^32 mod q`.
    pub const R_SHOUP: u64 = 4;
}

/// The NTT core with one butterfly lane, for degrees up to
/// `2^(BANK_BITS + 1)`; `TW_BITS` must be `BANK_BITS + 2` (Rust cannot yet
/// compute one const parameter from another). [`NttCore13`] is the
/// `N <= 2^13` instance.
///
/// # Memories
/// - Two polynomial **slots** (0 and 1), each split into two **banks** of
///   `2^BANK_BITS` words: coefficient `i` lives in bank `parity(i)` (the XOR
///   of its index bits) at address `i >> 1`. The two elements of every
///   butterfly differ in exactly one index bit, so they are always in
///   different banks: each bank (a dual-port RAM, one read and one write
///   port) serves one read and one write per cycle with no conflict.
/// - The **twiddle** memory holds `(w, shoup(w))` pairs for the forward
///   table at even addresses and the inverse table at odd ones. Inverse
///   twiddles are halved as they are written (see [`super::Butterfly`] for
///   why), so the host loads exactly `psi^-brv(i)` and its companion.
///
/// # Command interface (ports)
/// Everything is synchronous to `clock` and sampled on its rising edge. The
/// host-side ports (`cfg_*`, `tw_*`, `coef_*`, `start`) are ignored while
/// `busy` is high. A byte-framed protocol (SPI, UART) wraps them one to
/// one: each frame becomes one strobe below.
///
/// | strobe | with | effect |
/// |---|---|---|
/// | `cfg_write` | `cfg_addr`, `cfg_data` | sets a configuration register ([`cfg`](mod@cfg)) |
/// | `tw_write` | `tw_inverse`, `tw_index`, `tw_w`, `tw_w_shoup` | writes twiddle `tw_index` of the forward or inverse table |
/// | `coef_write` | `coef_slot`, `coef_index`, `coef_data` | writes one coefficient |
/// | `coef_read` | `coef_slot`, `coef_index` | `coef_rdata` with `coef_rvalid` [`NttCore::READ_LATENCY`] cycles later |
/// | `start` | `op`, `op_slot` | runs an operation; `busy` rises the next cycle, `done` pulses when it ends |
///
/// One strobe per cycle may be given (reads are pipelined). Operations
/// ([`super::control::op`]): forward NTT of `op_slot` in place, inverse NTT
/// (with `1/N`) of `op_slot` in place, pointwise product
/// `slot[op_slot] *= slot[1 - op_slot]`. The configuration and the twiddles
/// must be loaded before an operation (modulus first: the inverse twiddles
/// are halved modulo it). A full product is: load `a` into slot 0 and `b`
/// into slot 1, forward 0, forward 1, pointwise 0, inverse 0, read slot 0.
///
/// Values are the canonical residues in `[0, q)`; the outputs equal
/// `polyhe_core::ntt::NttTable` bit for bit.
///
/// # Timing
/// A coefficient pair is read at the edge that samples an issue, enters the
/// butterfly one cycle later and is written back
/// [`NttCore::WRITE_LATENCY`] edges after the issue
/// ([`NttCore::POINTWISE_WRITE_LATENCY`] for products). See
/// [`NttControl`] for why stages need no stalls from `N = 64` on.
///
/// Measured in the rust-hdl simulation (one lane, cycles from `start` to
/// `done`; the ideal is `N/2 log2 N`):
///
/// | N | forward = inverse | ideal | utilisation | pointwise |
/// |---|---|---|---|---|
/// | 16 | 57 | 32 | 56% | 31 |
/// | 64 | 202 | 192 | 95% | 79 |
/// | 256 | 1034 | 1024 | 99.0% | 271 |
/// | 1024 | 5130 | 5120 | 99.8% | 1039 |
///
/// Synthesis of the `N <= 1024` instance (`NttCore<9, 11>`, yosys 0.23):
/// iCE40 (`synth_ice40 -dsp`) 21 SB_MAC16, 47 SB_RAM40_4K, 2240 SB_LUT4,
/// 2108 flip-flops; ECP5 21 MULT18X18D, 11 DP16KD, 2025 LUT4, 2588 FFs;
/// Xilinx 7 21 DSP48E1, 11 RAMB18E1, about 2000 LUTs, 2632 FFs. (No iCE40
/// part has 21 DSPs; the multipliers would have to go to LUTs there.)
#[derive(LogicBlock)]
pub struct NttCore<const BANK_BITS: usize, const TW_BITS: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Configuration register write strobe.
    pub cfg_write: Signal<In, Bit>,
    /// Configuration register ([`cfg`](mod@cfg)).
    pub cfg_addr: Signal<In, Bits<3>>,
    /// Configuration value.
    pub cfg_data: Signal<In, Bits<32>>,
    /// Twiddle write strobe.
    pub tw_write: Signal<In, Bit>,
    /// Selects the inverse table (`psi^-brv(i)`) instead of the forward one.
    pub tw_inverse: Signal<In, Bit>,
    /// Twiddle index `i < N`.
    pub tw_index: Signal<In, Bits<INDEX_BITS>>,
    /// The twiddle `psi^(+-brv(i))`.
    pub tw_w: Signal<In, Bits<RESIDUE_BITS>>,
    /// Its Shoup companion `floor(w 2^32 / q)`.
    pub tw_w_shoup: Signal<In, Bits<32>>,
    /// Coefficient write strobe.
    pub coef_write: Signal<In, Bit>,
    /// Coefficient read strobe.
    pub coef_read: Signal<In, Bit>,
    /// Slot of a coefficient write or read.
    pub coef_slot: Signal<In, Bit>,
    /// Index of a coefficient write or read, `< N`.
    pub coef_index: Signal<In, Bits<INDEX_BITS>>,
    /// Coefficient to write, in `[0, q)`.
    pub coef_data: Signal<In, Bits<RESIDUE_BITS>>,
    /// Coefficient read back.
    pub coef_rdata: Signal<Out, Bits<RESIDUE_BITS>>,
    /// `coef_rdata` holds the answer to a read.
    pub coef_rvalid: Signal<Out, Bit>,
    /// Operation start strobe.
    pub start: Signal<In, Bit>,
    /// The operation ([`super::control::op`]).
    pub op: Signal<In, Bits<2>>,
    /// The slot the operation works on (and writes).
    pub op_slot: Signal<In, Bit>,
    /// An operation is running.
    pub busy: Signal<Out, Bit>,
    /// One-cycle pulse when an operation has finished.
    pub done: Signal<Out, Bit>,
    // The control and the lane.
    control: NttControl,
    bfly: Butterfly,
    // Coefficient banks, index 2 slot + bank; twiddles.
    mem: [RAM<Bits<RESIDUE_BITS>, BANK_BITS>; 4],
    twiddles: RAM<Bits<62>, TW_BITS>,
    // Configuration registers and the running operation's slot.
    log_n: DFF<Bits<4>>,
    modulus: DFF<Bits<RESIDUE_BITS>>,
    neg_inv: DFF<Bits<32>>,
    r_mod_q: DFF<Bits<RESIDUE_BITS>>,
    r_shoup: DFF<Bits<32>>,
    slot: DFF<Bit>,
    // Write-back tags (valid, addresses of x and y, bank of x), delayed
    // from the issue to the write-back.
    tag_valid: [DFF<Bit>; 13],
    tag_ax: [DFF<Bits<BANK_BITS>>; 13],
    tag_ay: [DFF<Bits<BANK_BITS>>; 13],
    tag_px: [DFF<Bit>; 13],
    // Host reads: slot and bank of the word being read, then the answer.
    rd_valid: DFF<Bit>,
    rd_slot: DFF<Bit>,
    rd_bank: DFF<Bit>,
    rdata: DFF<Bits<RESIDUE_BITS>>,
    rvalid: DFF<Bit>,
    // Combinational helpers.
    host_ok: Signal<Local, Bit>,
    px: Signal<Local, Bit>,
    ax: Signal<Local, Bits<BANK_BITS>>,
    ay: Signal<Local, Bits<BANK_BITS>>,
    host_addr: Signal<Local, Bits<BANK_BITS>>,
    host_bank: Signal<Local, Bit>,
    cur0: Signal<Local, Bits<RESIDUE_BITS>>,
    cur1: Signal<Local, Bits<RESIDUE_BITS>>,
    oth0: Signal<Local, Bits<RESIDUE_BITS>>,
    oth1: Signal<Local, Bits<RESIDUE_BITS>>,
    tw_odd: Signal<Local, Bit>,
    tw_sum: Signal<Local, Bits<31>>,
    tw_ws_half: Signal<Local, Bits<32>>,
    tw_w_stored: Signal<Local, Bits<RESIDUE_BITS>>,
    tw_ws_stored: Signal<Local, Bits<32>>,
    tw_word: Signal<Local, Bits<62>>,
    wb_valid: Signal<Local, Bit>,
    wb_ax: Signal<Local, Bits<BANK_BITS>>,
    wb_ay: Signal<Local, Bits<BANK_BITS>>,
    wb_px: Signal<Local, Bit>,
    wb_addr0: Signal<Local, Bits<BANK_BITS>>,
    wb_addr1: Signal<Local, Bits<BANK_BITS>>,
    wb_data0: Signal<Local, Bits<RESIDUE_BITS>>,
    wb_data1: Signal<Local, Bits<RESIDUE_BITS>>,
    wb_en0: Signal<Local, Bit>,
    wb_en1: Signal<Local, Bit>,
}

/// The core for `N <= 2^13` (the largest degree the on-chip target needs).
pub type NttCore13 = NttCore<12, 14>;

impl<const BANK_BITS: usize, const TW_BITS: usize> NttCore<BANK_BITS, TW_BITS> {
    /// Rising edges from a `coef_read` strobe to `coef_rvalid`.
    pub const READ_LATENCY: usize = 2;
    /// Rising edges from a butterfly issue to its write-back: one for the
    /// memory read, then the butterfly.
    pub const WRITE_LATENCY: usize = 1 + Butterfly::LATENCY;
    /// As [`NttCore::WRITE_LATENCY`] for pointwise products.
    pub const POINTWISE_WRITE_LATENCY: usize = 1 + Butterfly::POINTWISE_LATENCY;
    /// The largest `log2 N`.
    pub const MAX_LOG_N: u32 = BANK_BITS as u32 + 1;

    /// A core with empty memories.
    pub fn new() -> Self {
        assert_eq!(TW_BITS, BANK_BITS + 2, "TW_BITS must be BANK_BITS + 2");
        assert!((1..INDEX_BITS).contains(&BANK_BITS), "BANK_BITS must be 1 to {}", INDEX_BITS - 1);
        const { assert!(Self::POINTWISE_WRITE_LATENCY <= 13, "the tag delay lines are 13 long") };
        Self {
            clock: Default::default(),
            cfg_write: Default::default(),
            cfg_addr: Default::default(),
            cfg_data: Default::default(),
            tw_write: Default::default(),
            tw_inverse: Default::default(),
            tw_index: Default::default(),
            tw_w: Default::default(),
            tw_w_shoup: Default::default(),
            coef_write: Default::default(),
            coef_read: Default::default(),
            coef_slot: Default::default(),
            coef_index: Default::default(),
            coef_data: Default::default(),
            coef_rdata: Default::default(),
            coef_rvalid: Default::default(),
            start: Default::default(),
            op: Default::default(),
            op_slot: Default::default(),
            busy: Default::default(),
            done: Default::default(),
            control: NttControl::new(Self::WRITE_LATENCY, Self::POINTWISE_WRITE_LATENCY),
            bfly: Butterfly::new(),
            mem: Default::default(),
            twiddles: Default::default(),
            log_n: Default::default(),
            modulus: Default::default(),
            neg_inv: Default::default(),
            r_mod_q: Default::default(),
            r_shoup: Default::default(),
            slot: Default::default(),
            tag_valid: Default::default(),
            tag_ax: Default::default(),
            tag_ay: Default::default(),
            tag_px: Default::default(),
            rd_valid: Default::default(),
            rd_slot: Default::default(),
            rd_bank: Default::default(),
            rdata: Default::default(),
            rvalid: Default::default(),
            host_ok: Default::default(),
            px: Default::default(),
            ax: Default::default(),
            ay: Default::default(),
            host_addr: Default::default(),
            host_bank: Default::default(),
            cur0: Default::default(),
            cur1: Default::default(),
            oth0: Default::default(),
            oth1: Default::default(),
            tw_odd: Default::default(),
            tw_sum: Default::default(),
            tw_ws_half: Default::default(),
            tw_w_stored: Default::default(),
            tw_ws_stored: Default::default(),
            tw_word: Default::default(),
            wb_valid: Default::default(),
            wb_ax: Default::default(),
            wb_ay: Default::default(),
            wb_px: Default::default(),
            wb_addr0: Default::default(),
            wb_addr1: Default::default(),
            wb_data0: Default::default(),
            wb_data1: Default::default(),
            wb_en0: Default::default(),
            wb_en1: Default::default(),
        }
    }
}

impl<const BANK_BITS: usize, const TW_BITS: usize> Default for NttCore<BANK_BITS, TW_BITS> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const BANK_BITS: usize, const TW_BITS: usize> Logic for NttCore<BANK_BITS, TW_BITS> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, log_n, modulus, neg_inv, r_mod_q, r_shoup, slot, rd_valid, rd_slot, rd_bank, rdata, rvalid
        );
        for i in 0..13 {
            self.tag_valid[i].clock.next = self.clock.val();
            self.tag_ax[i].clock.next = self.clock.val();
            self.tag_ay[i].clock.next = self.clock.val();
            self.tag_px[i].clock.next = self.clock.val();
        }
        for i in 0..4 {
            self.mem[i].read_clock.next = self.clock.val();
            self.mem[i].write_clock.next = self.clock.val();
        }
        self.twiddles.read_clock.next = self.clock.val();
        self.twiddles.write_clock.next = self.clock.val();
        self.control.clock.next = self.clock.val();
        self.bfly.clock.next = self.clock.val();
        self.host_ok.next = !self.control.busy.val();

        // Configuration registers.
        if self.cfg_write.val() && self.host_ok.val() {
            if self.cfg_addr.val() == 0 {
                self.log_n.d.next = self.cfg_data.val().get_bits::<4>(0);
            }
            if self.cfg_addr.val() == 1 {
                self.modulus.d.next = self.cfg_data.val().get_bits::<RESIDUE_BITS>(0);
            }
            if self.cfg_addr.val() == 2 {
                self.neg_inv.d.next = self.cfg_data.val();
            }
            if self.cfg_addr.val() == 3 {
                self.r_mod_q.d.next = self.cfg_data.val().get_bits::<RESIDUE_BITS>(0);
            }
            if self.cfg_addr.val() == 4 {
                self.r_shoup.d.next = self.cfg_data.val();
            }
        }

        // Control and lane.
        self.control.log_n.next = self.log_n.q.val();
        self.control.start.next = self.start.val() && self.host_ok.val();
        self.control.op.next = self.op.val();
        if self.start.val() && self.host_ok.val() {
            self.slot.d.next = self.op_slot.val();
        }
        self.bfly.modulus.next = self.modulus.q.val();
        self.bfly.inverse.next = self.control.inverse.val();
        self.bfly.pointwise.next = self.control.pointwise.val();
        self.bfly.neg_inv.next = self.neg_inv.q.val();
        self.bfly.r_mod_q.next = self.r_mod_q.q.val();
        self.bfly.r_shoup.next = self.r_shoup.q.val();
        self.busy.next = self.control.busy.val();
        self.done.next = self.control.done.val();

        // Issue: bank of x and the two bank addresses.
        self.px.next = self.control.issue_i.val().xor();
        self.ax.next = self.control.issue_i.val().get_bits::<BANK_BITS>(1);
        self.ay.next = self.control.issue_j.val().get_bits::<BANK_BITS>(1);
        self.host_addr.next = self.coef_index.val().get_bits::<BANK_BITS>(1);
        self.host_bank.next = self.coef_index.val().xor();
        // Read addresses depend only on the bank (pointwise reads the same
        // address in both slots).
        if self.control.busy.val() {
            if self.px.val() {
                self.mem[0].read_address.next = self.ay.val();
                self.mem[2].read_address.next = self.ay.val();
                self.mem[1].read_address.next = self.ax.val();
                self.mem[3].read_address.next = self.ax.val();
            } else {
                self.mem[0].read_address.next = self.ax.val();
                self.mem[2].read_address.next = self.ax.val();
                self.mem[1].read_address.next = self.ay.val();
                self.mem[3].read_address.next = self.ay.val();
            }
        } else {
            for i in 0..4 {
                self.mem[i].read_address.next = self.host_addr.val();
            }
        }
        // Twiddle read: forward table at even addresses, inverse at odd.
        if self.control.inverse.val() {
            self.twiddles.read_address.next = (bit_cast::<TW_BITS, INDEX_BITS>(self.control.issue_tw.val()) << 1) + 1;
        } else {
            self.twiddles.read_address.next = bit_cast::<TW_BITS, INDEX_BITS>(self.control.issue_tw.val()) << 1;
        }

        // Tags travel from the issue to the write-back. An accepted `start`
        // clears them: when `done` pulses the previous operation's tags have
        // passed its own write-back tap but are still in the line, and a
        // pointwise product started right after a transform would otherwise
        // take them at its later tap and write stale data (seen with fewer
        // than four cycles between `done` and `start`).
        self.tag_valid[0].d.next = self.control.issue_valid.val();
        self.tag_ax[0].d.next = self.ax.val();
        self.tag_ay[0].d.next = self.ay.val();
        self.tag_px[0].d.next = self.px.val();
        for i in 1..13 {
            self.tag_valid[i].d.next = self.tag_valid[i - 1].q.val() && !self.control.start.val();
            self.tag_ax[i].d.next = self.tag_ax[i - 1].q.val();
            self.tag_ay[i].d.next = self.tag_ay[i - 1].q.val();
            self.tag_px[i].d.next = self.tag_px[i - 1].q.val();
        }

        // Butterfly inputs, one cycle after the issue: route the banks of
        // the running slot (and of the other slot for pointwise products).
        if self.slot.q.val() {
            self.cur0.next = self.mem[2].read_data.val();
            self.cur1.next = self.mem[3].read_data.val();
            self.oth0.next = self.mem[0].read_data.val();
            self.oth1.next = self.mem[1].read_data.val();
        } else {
            self.cur0.next = self.mem[0].read_data.val();
            self.cur1.next = self.mem[1].read_data.val();
            self.oth0.next = self.mem[2].read_data.val();
            self.oth1.next = self.mem[3].read_data.val();
        }
        if self.tag_px[0].q.val() {
            self.bfly.x.next = self.cur1.val();
            if self.control.pointwise.val() {
                self.bfly.y.next = self.oth1.val();
            } else {
                self.bfly.y.next = self.cur0.val();
            }
        } else {
            self.bfly.x.next = self.cur0.val();
            if self.control.pointwise.val() {
                self.bfly.y.next = self.oth0.val();
            } else {
                self.bfly.y.next = self.cur1.val();
            }
        }
        self.bfly.valid_in.next = self.tag_valid[0].q.val();
        self.bfly.w.next = self.twiddles.read_data.val().get_bits::<RESIDUE_BITS>(0);
        self.bfly.w_shoup.next = self.twiddles.read_data.val().get_bits::<32>(30);

        // Write-back: x to its bank, y (not for products) to the other.
        if self.control.pointwise.val() {
            self.wb_valid.next = self.tag_valid[12].q.val();
            self.wb_ax.next = self.tag_ax[12].q.val();
            self.wb_ay.next = self.tag_ay[12].q.val();
            self.wb_px.next = self.tag_px[12].q.val();
        } else {
            self.wb_valid.next = self.tag_valid[7].q.val();
            self.wb_ax.next = self.tag_ax[7].q.val();
            self.wb_ay.next = self.tag_ay[7].q.val();
            self.wb_px.next = self.tag_px[7].q.val();
        }
        if self.wb_px.val() {
            self.wb_addr0.next = self.wb_ay.val();
            self.wb_data0.next = self.bfly.y_out.val();
            self.wb_en0.next = self.wb_valid.val() && !self.control.pointwise.val();
            self.wb_addr1.next = self.wb_ax.val();
            self.wb_data1.next = self.bfly.x_out.val();
            self.wb_en1.next = self.wb_valid.val();
        } else {
            self.wb_addr0.next = self.wb_ax.val();
            self.wb_data0.next = self.bfly.x_out.val();
            self.wb_en0.next = self.wb_valid.val();
            self.wb_addr1.next = self.wb_ay.val();
            self.wb_data1.next = self.bfly.y_out.val();
            self.wb_en1.next = self.wb_valid.val() && !self.control.pointwise.val();
        }
        if self.control.busy.val() {
            self.mem[0].write_address.next = self.wb_addr0.val();
            self.mem[2].write_address.next = self.wb_addr0.val();
            self.mem[1].write_address.next = self.wb_addr1.val();
            self.mem[3].write_address.next = self.wb_addr1.val();
            self.mem[0].write_data.next = self.wb_data0.val();
            self.mem[2].write_data.next = self.wb_data0.val();
            self.mem[1].write_data.next = self.wb_data1.val();
            self.mem[3].write_data.next = self.wb_data1.val();
            self.mem[0].write_enable.next = self.wb_en0.val() && !self.slot.q.val();
            self.mem[1].write_enable.next = self.wb_en1.val() && !self.slot.q.val();
            self.mem[2].write_enable.next = self.wb_en0.val() && self.slot.q.val();
            self.mem[3].write_enable.next = self.wb_en1.val() && self.slot.q.val();
        } else {
            for i in 0..4 {
                self.mem[i].write_address.next = self.host_addr.val();
                self.mem[i].write_data.next = self.coef_data.val();
            }
            self.mem[0].write_enable.next = self.coef_write.val() && !self.coef_slot.val() && !self.host_bank.val();
            self.mem[1].write_enable.next = self.coef_write.val() && !self.coef_slot.val() && self.host_bank.val();
            self.mem[2].write_enable.next = self.coef_write.val() && self.coef_slot.val() && !self.host_bank.val();
            self.mem[3].write_enable.next = self.coef_write.val() && self.coef_slot.val() && self.host_bank.val();
        }

        // Twiddle writes; inverse twiddles are halved (w / 2 mod q and its
        // companion, see halve_twiddle).
        self.tw_odd.next = self.tw_w.val().get_bit(0) && self.tw_inverse.val();
        if self.tw_odd.val() {
            self.tw_sum.next =
                bit_cast::<31, RESIDUE_BITS>(self.tw_w.val()) + bit_cast::<31, RESIDUE_BITS>(self.modulus.q.val());
        } else {
            self.tw_sum.next = bit_cast::<31, RESIDUE_BITS>(self.tw_w.val());
        }
        self.tw_ws_half.next = self.tw_w_shoup.val() >> 1;
        if self.tw_inverse.val() {
            self.tw_w_stored.next = self.tw_sum.val().get_bits::<RESIDUE_BITS>(1);
            self.tw_ws_stored.next = self.tw_ws_half.val().replace_bit(31, self.tw_odd.val());
            self.twiddles.write_address.next = (bit_cast::<TW_BITS, INDEX_BITS>(self.tw_index.val()) << 1) + 1;
        } else {
            self.tw_w_stored.next = self.tw_w.val();
            self.tw_ws_stored.next = self.tw_w_shoup.val();
            self.twiddles.write_address.next = bit_cast::<TW_BITS, INDEX_BITS>(self.tw_index.val()) << 1;
        }
        self.tw_word.next =
            bit_cast::<62, RESIDUE_BITS>(self.tw_w_stored.val()) | (bit_cast::<62, 32>(self.tw_ws_stored.val()) << 30);
        self.twiddles.write_data.next = self.tw_word.val();
        self.twiddles.write_enable.next = self.tw_write.val() && self.host_ok.val();

        // Host reads: the bank's word arrives one edge later, is registered.
        self.rd_valid.d.next = self.coef_read.val() && self.host_ok.val();
        self.rd_slot.d.next = self.coef_slot.val();
        self.rd_bank.d.next = self.host_bank.val();
        if self.rd_slot.q.val() {
            if self.rd_bank.q.val() {
                self.rdata.d.next = self.mem[3].read_data.val();
            } else {
                self.rdata.d.next = self.mem[2].read_data.val();
            }
        } else if self.rd_bank.q.val() {
            self.rdata.d.next = self.mem[1].read_data.val();
        } else {
            self.rdata.d.next = self.mem[0].read_data.val();
        }
        self.rvalid.d.next = self.rd_valid.q.val();
        self.coef_rdata.next = self.rdata.q.val();
        self.coef_rvalid.next = self.rvalid.q.val();
    }
}
