//! [`NttCore`]: the NTT accelerator core: banked coefficient memories,
//! banked twiddle memory, `lanes` butterfly lanes and the control,
//! behind a port-level command interface.

use rust_hdl::prelude::*;

use super::control::{NttControl, INDEX_BITS};
use super::lane::{BankMap, Lane};
use super::Butterfly;
use crate::arith::RESIDUE_BITS;

/// Configuration register addresses on `cfg_addr`.
pub mod cfg {
    /// `log2 N` (low 4 bits), `log2(2 lanes)` to the core's maximum.
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

/// The NTT core with `L` butterfly lanes (1, 2 or 4) for degrees up to
/// `2^MAX_LOG_N`. The other parameters follow from `L` and `MAX_LOG_N`
/// (Rust cannot yet compute one const parameter from another; `new` checks
/// them): `K = 2 L` banks per slot, `A = MAX_LOG_N - log2 K` address bits
/// per bank, `T = A + 2` address bits per twiddle bank. [`NttCore13`],
/// [`NttCore13x2`] and [`NttCore13x4`] are the `N <= 2^13` instances.
///
/// # Memories
/// - Two polynomial **slots** (0 and 1), each split into `K = 2 L` **banks**
///   of `2^A` words: coefficient `i` lives in bank
///   [`bank_of`](super::control::bank_of)`(i, log2 K)` (the XOR of its
///   `log2 K`-bit chunks; the parity of `i` for one lane) at address
///   `i >> log2 K`. Every issue group of [`NttControl`] (`L` butterflies, or
///   `L` pointwise products) touches each bank at most once, in every stage
///   of both transforms (the proof is in [`NttControl`]'s docs), so each
///   bank (a dual-port RAM, one read and one write port) serves one read and
///   one write per cycle with no conflict. The routing between lanes and
///   banks is a one-hot AND-OR multiplexer per bank and per lane input.
/// - The **twiddle** memory holds `(w, shoup(w))` pairs in `L` banks:
///   twiddle `t` of the forward table at address `2 (t / L)` of bank
///   `t mod L`, of the inverse table at the odd address after it. A group's
///   lanes need at most `L` consecutive, aligned twiddles (see [`Lane`]), so
///   the banks give each lane its twiddle every cycle from one copy of the
///   tables. Inverse twiddles are halved as they are written (see
///   [`super::Butterfly`] for why), so the host loads exactly `psi^-brv(i)`
///   and its companion.
///
/// # Command interface (ports)
/// Everything is synchronous to `clock` and sampled on its rising edge. The
/// host-side ports (`cfg_*`, `tw_*`, `coef_*`, `start`) are ignored while
/// `busy` is high. A byte-framed protocol (SPI, UART) wraps them one to
/// one: each frame becomes one strobe below. The ports are the same for
/// every lane count.
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
/// The control's issue group is registered in the lanes (each forms its
/// butterfly), the coefficient pairs are read at the next edge, enter the
/// butterflies one cycle later and are written back
/// [`NttCore::WRITE_LATENCY`] edges after the edge that sampled the issue
/// ([`NttCore::POINTWISE_WRITE_LATENCY`] for products). A forward or
/// inverse NTT takes [`NttControl::ntt_cycles`] cycles from `start` to
/// `done`: `N/(2L) log2 N` issue cycles, `WRITE_LATENCY + 2` of fill and
/// drain, and stage gaps below `N = 4 L (WRITE_LATENCY + 1)`. Measured
/// figures (rust-hdl simulation, every lane count) are in `BENCHMARKS.md`
/// and `fpga/generated/report.txt`.
#[derive(LogicBlock)]
pub struct NttCore<const L: usize, const K: usize, const A: usize, const T: usize> {
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
    // The control and the lanes.
    control: NttControl,
    lanes: [Lane<A, T, 62>; L],
    bflies: [Butterfly; L],
    // Coefficient banks of slot 0 and slot 1.
    mem0: [RAM<Bits<RESIDUE_BITS>, A>; K],
    mem1: [RAM<Bits<RESIDUE_BITS>, A>; K],
    // Twiddle banks.
    twiddles: [RAM<Bits<62>, T>; L],
    // Bank and address of the host's coefficient index.
    host_map: BankMap<A>,
    // Twiddle bank of the host's twiddle index, and the lane-bit constants.
    lane_mask: Constant<Bits<INDEX_BITS>>,
    lane_bits: Constant<Bits<4>>,
    // Configuration registers and the running operation's slot.
    log_n: DFF<Bits<4>>,
    modulus: DFF<Bits<RESIDUE_BITS>>,
    neg_inv: DFF<Bits<32>>,
    r_mod_q: DFF<Bits<RESIDUE_BITS>>,
    r_shoup: DFF<Bits<32>>,
    slot: DFF<Bit>,
    // Host reads: slot and bank of the word being read, then the answer.
    rd_valid: DFF<Bit>,
    rd_slot: DFF<Bit>,
    rd_sel: DFF<Bits<8>>,
    rdata: DFF<Bits<RESIDUE_BITS>>,
    rvalid: DFF<Bit>,
    // Combinational helpers.
    host_ok: Signal<Local, Bit>,
    tw_odd: Signal<Local, Bit>,
    tw_sum: Signal<Local, Bits<31>>,
    tw_ws_half: Signal<Local, Bits<32>>,
    tw_w_stored: Signal<Local, Bits<RESIDUE_BITS>>,
    tw_ws_stored: Signal<Local, Bits<32>>,
    tw_word: Signal<Local, Bits<62>>,
    tw_addr: Signal<Local, Bits<T>>,
    tw_row: Signal<Local, Bits<INDEX_BITS>>,
    tw_bank: Signal<Local, Bits<INDEX_BITS>>,
    tw_sel: Signal<Local, Bits<8>>,
}

/// The one-lane core for `N <= 2^13`.
pub type NttCore13 = NttCore<1, 2, 12, 14>;
/// The two-lane core for `N <= 2^13`.
pub type NttCore13x2 = NttCore<2, 4, 11, 13>;
/// The four-lane core for `N <= 2^13`.
pub type NttCore13x4 = NttCore<4, 8, 10, 12>;

impl<const L: usize, const K: usize, const A: usize, const T: usize> NttCore<L, K, A, T> {
    /// Rising edges from a `coef_read` strobe to `coef_rvalid`.
    pub const READ_LATENCY: usize = 2;
    /// Rising edges from the edge that samples a control issue to its
    /// write-back: the lane register, the memory read, the butterfly.
    pub const WRITE_LATENCY: usize = 2 + Butterfly::LATENCY;
    /// As [`NttCore::WRITE_LATENCY`] for pointwise products.
    pub const POINTWISE_WRITE_LATENCY: usize = 2 + Butterfly::POINTWISE_LATENCY;
    /// The largest `log2 N`.
    pub const MAX_LOG_N: u32 = (A + K.trailing_zeros() as usize) as u32;
    /// The smallest `log2 N`: a group must fit the transform.
    pub const MIN_LOG_N: u32 = K.trailing_zeros();
    /// Butterfly lanes.
    pub const LANES: usize = L;

    /// A core with empty memories.
    pub fn new() -> Self {
        assert!(matches!(L, 1 | 2 | 4), "L must be 1, 2 or 4");
        assert_eq!(K, 2 * L, "K must be 2 L");
        let bank_bits = K.trailing_zeros() as usize;
        assert_eq!(T, A + 2, "T must be A + 2");
        assert!(A >= 1 && A + bank_bits < INDEX_BITS, "A + log2 K must be 1 to {}", INDEX_BITS - 1);
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
            control: NttControl::new(L, Self::WRITE_LATENCY, Self::POINTWISE_WRITE_LATENCY),
            lanes: std::array::from_fn(|l| Lane::new(l, bank_bits)),
            bflies: std::array::from_fn(|_| Butterfly::new()),
            mem0: std::array::from_fn(|_| Default::default()),
            mem1: std::array::from_fn(|_| Default::default()),
            twiddles: std::array::from_fn(|_| Default::default()),
            host_map: BankMap::new(bank_bits),
            lane_mask: Constant::new(((L - 1) as u64).into()),
            lane_bits: Constant::new((L.trailing_zeros() as u64).into()),
            log_n: Default::default(),
            modulus: Default::default(),
            neg_inv: Default::default(),
            r_mod_q: Default::default(),
            r_shoup: Default::default(),
            slot: Default::default(),
            rd_valid: Default::default(),
            rd_slot: Default::default(),
            rd_sel: Default::default(),
            rdata: Default::default(),
            rvalid: Default::default(),
            host_ok: Default::default(),
            tw_odd: Default::default(),
            tw_sum: Default::default(),
            tw_ws_half: Default::default(),
            tw_w_stored: Default::default(),
            tw_ws_stored: Default::default(),
            tw_word: Default::default(),
            tw_addr: Default::default(),
            tw_row: Default::default(),
            tw_bank: Default::default(),
            tw_sel: Default::default(),
        }
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Default for NttCore<L, K, A, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Logic for NttCore<L, K, A, T> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, log_n, modulus, neg_inv, r_mod_q, r_shoup, slot, rd_valid, rd_slot, rd_sel, rdata, rvalid
        );
        for k in 0..K {
            self.mem0[k].read_clock.next = self.clock.val();
            self.mem0[k].write_clock.next = self.clock.val();
            self.mem1[k].read_clock.next = self.clock.val();
            self.mem1[k].write_clock.next = self.clock.val();
        }
        self.control.clock.next = self.clock.val();
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

        // Control.
        self.control.log_n.next = self.log_n.q.val();
        self.control.start.next = self.start.val() && self.host_ok.val();
        self.control.op.next = self.op.val();
        if self.start.val() && self.host_ok.val() {
            self.slot.d.next = self.op_slot.val();
        }
        self.busy.next = self.control.busy.val();
        self.done.next = self.control.done.val();

        // Twiddle writes; inverse twiddles are halved (w / 2 mod q and its
        // companion, see halve_twiddle), into twiddle bank index mod L.
        self.tw_odd.next = self.tw_w.val().get_bit(0) && self.tw_inverse.val();
        if self.tw_odd.val() {
            self.tw_sum.next =
                bit_cast::<31, RESIDUE_BITS>(self.tw_w.val()) + bit_cast::<31, RESIDUE_BITS>(self.modulus.q.val());
        } else {
            self.tw_sum.next = bit_cast::<31, RESIDUE_BITS>(self.tw_w.val());
        }
        self.tw_ws_half.next = self.tw_w_shoup.val() >> 1;
        self.tw_row.next = self.tw_index.val() >> self.lane_bits.val();
        self.tw_bank.next = self.tw_index.val() & self.lane_mask.val();
        self.tw_sel.next = bits::<8>(1) << self.tw_bank.val();
        if self.tw_inverse.val() {
            self.tw_w_stored.next = self.tw_sum.val().get_bits::<RESIDUE_BITS>(1);
            self.tw_ws_stored.next = self.tw_ws_half.val().replace_bit(31, self.tw_odd.val());
            self.tw_addr.next = (bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1) + 1;
        } else {
            self.tw_w_stored.next = self.tw_w.val();
            self.tw_ws_stored.next = self.tw_w_shoup.val();
            self.tw_addr.next = bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1;
        }
        self.tw_word.next =
            bit_cast::<62, RESIDUE_BITS>(self.tw_w_stored.val()) | (bit_cast::<62, 32>(self.tw_ws_stored.val()) << 30);

        // Twiddle banks: host writes; reads at the address of a lane that
        // needs the bank (lanes sharing a bank want the same word).
        for m in 0..L {
            self.twiddles[m].read_clock.next = self.clock.val();
            self.twiddles[m].write_clock.next = self.clock.val();
            self.twiddles[m].write_address.next = self.tw_addr.val();
            self.twiddles[m].write_data.next = self.tw_word.val();
            self.twiddles[m].write_enable.next =
                self.tw_write.val() && self.host_ok.val() && self.tw_sel.val().get_bit(m);
            self.twiddles[m].read_address.next = 0.into();
            for l in 0..L {
                if self.lanes[l].tw_sel.val().get_bit(m) {
                    self.twiddles[m].read_address.next = self.lanes[l].tw_addr.val();
                }
            }
        }

        // Lanes: the control's issue, the mode, the constants.
        for l in 0..L {
            self.lanes[l].clock.next = self.clock.val();
            self.lanes[l].issue_valid.next = self.control.issue_valid.val();
            self.lanes[l].issue_base.next = self.control.issue_base.val();
            self.lanes[l].issue_w.next = self.control.issue_w.val();
            self.lanes[l].issue_d.next = self.control.issue_d.val();
            self.lanes[l].issue_s.next = self.control.issue_s.val();
            self.lanes[l].n.next = self.control.n.val();
            self.lanes[l].inverse.next = self.control.inverse.val();
            self.lanes[l].pointwise.next = self.control.pointwise.val();
            self.lanes[l].clear.next = self.control.start.val();
            self.bflies[l].clock.next = self.clock.val();
            self.bflies[l].modulus.next = self.modulus.q.val();
            self.bflies[l].inverse.next = self.control.inverse.val();
            self.bflies[l].pointwise.next = self.control.pointwise.val();
            self.bflies[l].neg_inv.next = self.neg_inv.q.val();
            self.bflies[l].r_mod_q.next = self.r_mod_q.q.val();
            self.bflies[l].r_shoup.next = self.r_shoup.q.val();
            self.bflies[l].valid_in.next = self.lanes[l].bf_valid.val();
            self.bflies[l].x.next = self.lanes[l].bf_x.val();
            self.bflies[l].y.next = self.lanes[l].bf_y.val();
            self.bflies[l].w.next = self.lanes[l].bf_tw.val().get_bits::<RESIDUE_BITS>(0);
            self.bflies[l].w_shoup.next = self.lanes[l].bf_tw.val().get_bits::<32>(30);
            self.lanes[l].bf_x_out.next = self.bflies[l].x_out.val();
            self.lanes[l].bf_y_out.next = self.bflies[l].y_out.val();
            self.lanes[l].tw_data.next = 0.into();
            for m in 0..L {
                if self.lanes[l].tw_rsel.val().get_bit(m) {
                    self.lanes[l].tw_data.next = self.twiddles[m].read_data.val();
                }
            }
        }

        // Bank ports. Idle: the host's index (both slots). Busy: each bank
        // takes the address of the one lane element mapped to it (reads),
        // and the one result mapped to it (writes, running slot only).
        self.host_map.index.next = self.coef_index.val();
        for k in 0..K {
            self.mem0[k].read_address.next = self.host_map.addr.val();
            self.mem1[k].read_address.next = self.host_map.addr.val();
            self.mem0[k].write_address.next = self.host_map.addr.val();
            self.mem1[k].write_address.next = self.host_map.addr.val();
            self.mem0[k].write_data.next = self.coef_data.val();
            self.mem1[k].write_data.next = self.coef_data.val();
            self.mem0[k].write_enable.next =
                self.coef_write.val() && !self.coef_slot.val() && self.host_map.onehot.val().get_bit(k);
            self.mem1[k].write_enable.next =
                self.coef_write.val() && self.coef_slot.val() && self.host_map.onehot.val().get_bit(k);
            if self.control.busy.val() {
                self.mem0[k].write_enable.next = false;
                self.mem1[k].write_enable.next = false;
                for l in 0..L {
                    if self.lanes[l].sel_x.val().get_bit(k) {
                        self.mem0[k].read_address.next = self.lanes[l].addr_x.val();
                        self.mem1[k].read_address.next = self.lanes[l].addr_x.val();
                    }
                    if self.lanes[l].sel_y.val().get_bit(k) {
                        self.mem0[k].read_address.next = self.lanes[l].addr_y.val();
                        self.mem1[k].read_address.next = self.lanes[l].addr_y.val();
                    }
                    if self.lanes[l].wb_valid.val() && self.lanes[l].wb_sel_x.val().get_bit(k) {
                        self.mem0[k].write_address.next = self.lanes[l].wb_addr_x.val();
                        self.mem1[k].write_address.next = self.lanes[l].wb_addr_x.val();
                        self.mem0[k].write_data.next = self.lanes[l].wb_x.val();
                        self.mem1[k].write_data.next = self.lanes[l].wb_x.val();
                        self.mem0[k].write_enable.next = !self.slot.q.val();
                        self.mem1[k].write_enable.next = self.slot.q.val();
                    }
                    if self.lanes[l].wb_valid.val()
                        && !self.control.pointwise.val()
                        && self.lanes[l].wb_sel_y.val().get_bit(k)
                    {
                        self.mem0[k].write_address.next = self.lanes[l].wb_addr_y.val();
                        self.mem1[k].write_address.next = self.lanes[l].wb_addr_y.val();
                        self.mem0[k].write_data.next = self.lanes[l].wb_y.val();
                        self.mem1[k].write_data.next = self.lanes[l].wb_y.val();
                        self.mem0[k].write_enable.next = !self.slot.q.val();
                        self.mem1[k].write_enable.next = self.slot.q.val();
                    }
                }
            }
        }

        // Lane inputs, one cycle after the read: the words of the banks the
        // lane's elements are in, from the running slot (and x from the
        // other slot for pointwise products).
        for l in 0..L {
            self.lanes[l].x_cur.next = 0.into();
            self.lanes[l].y_cur.next = 0.into();
            self.lanes[l].x_oth.next = 0.into();
            for k in 0..K {
                if self.lanes[l].rsel_x.val().get_bit(k) {
                    if self.slot.q.val() {
                        self.lanes[l].x_cur.next = self.mem1[k].read_data.val();
                        self.lanes[l].x_oth.next = self.mem0[k].read_data.val();
                    } else {
                        self.lanes[l].x_cur.next = self.mem0[k].read_data.val();
                        self.lanes[l].x_oth.next = self.mem1[k].read_data.val();
                    }
                }
                if self.lanes[l].rsel_y.val().get_bit(k) {
                    if self.slot.q.val() {
                        self.lanes[l].y_cur.next = self.mem1[k].read_data.val();
                    } else {
                        self.lanes[l].y_cur.next = self.mem0[k].read_data.val();
                    }
                }
            }
        }

        // Host reads: the bank's word arrives one edge later, is registered.
        self.rd_valid.d.next = self.coef_read.val() && self.host_ok.val();
        self.rd_slot.d.next = self.coef_slot.val();
        self.rd_sel.d.next = self.host_map.onehot.val();
        self.rdata.d.next = 0.into();
        for k in 0..K {
            if self.rd_sel.q.val().get_bit(k) {
                if self.rd_slot.q.val() {
                    self.rdata.d.next = self.mem1[k].read_data.val();
                } else {
                    self.rdata.d.next = self.mem0[k].read_data.val();
                }
            }
        }
        self.rvalid.d.next = self.rd_valid.q.val();
        self.coef_rdata.next = self.rdata.q.val();
        self.coef_rvalid.next = self.rvalid.q.val();
    }
}
