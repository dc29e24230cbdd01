//! [`LeanNttCore`]: the DSP-lean NTT core: [`NttCore`](crate::ntt::NttCore)'s memories, lanes,
//! control and command ports with a [`LeanButterfly`] per lane and
//! Montgomery-form twiddles.

use rust_hdl::prelude::*;

use super::super::control::{NttControl, INDEX_BITS};
use super::super::lane::{BankMap, Lane};
use super::{LeanButterfly, TwiddleBank};
use crate::arith::RESIDUE_BITS;

/// The DSP-lean core with `L` lanes for degrees up to `2^MAX_LOG_N`: the
/// same parameters (`K = 2 L`, `A`, `T = A + 2`), command ports, memories
/// layout, control and lanes as [`NttCore`](crate::ntt::NttCore), whose docs describe them; the
/// results are the same bit for bit (`polyhe_core::ntt::NttTable`'s).
///
/// What differs:
/// - **One multiplier per lane**: a [`LeanButterfly`] ([`LeanMontMul`](crate::arith::LeanMontMul),
///   eight 16 x 16 multipliers: an iCE40 UP5K's eight SB_MAC16 hold one
///   lane) instead of a Shoup and a Montgomery multiplier (21).
/// - **Twiddles in Montgomery form** `w 2^30 mod q`, 30 bits per word
///   instead of 62 (`w` and its Shoup companion): half the twiddle memory.
///   The host loads exactly what it loads into [`NttCore`](crate::ntt::NttCore) (`w` and
///   `w_shoup`); the core keeps only `-( (w_shoup >> 2) q ) mod 2^30`
///   ([`crate::arith::lean_mont_form`]), computed on lane 0's multiplier
///   (its conversion path) and written [`LeanMontMul::CONV_LATENCY`](crate::arith::LeanMontMul::CONV_LATENCY) cycles
///   after the strobe; inverse twiddles are halved mod `q` on the way, as in
///   [`NttCore`](crate::ntt::NttCore) (the `1/N`). The request enters the
///   multiplier's stage-2 registers (not its combinational `m` stage, which
///   made the host ports the iCE40 critical path); an operation may still
///   start on the cycle after the last twiddle or `R_SHOUP` write (tested).
/// - **Pointwise products** pass twice through the multiplier
///   (`Mont(Mont(x, y), 2^60 mod q)`), so they are issued every other cycle:
///   [`NttControl::pointwise_cycles_at`] with interval 2, about `2 N / L`
///   cycles instead of `N / L`. Forward and inverse transforms take the
///   same cycles as [`NttCore`](crate::ntt::NttCore)'s.
/// - **Twiddle banks** are [`TwiddleBank`]s: block RAM ([`LeanNttCore::new`]),
///   or, with one lane, the iCE40 UP5K's SPRAM
///   ([`LeanNttCore::with_spram_twiddles`]), which frees the 15 block RAMs
///   the twiddles take at `N = 2^10` (the UP5K has 30).
/// - `2^60 mod q` is derived from the `R_SHOUP` configuration register
///   (the Shoup companion of `2^32 mod q`) by the same conversion and two
///   halvings; `R_MOD_Q` is accepted and ignored. The modulus must be
///   written before `R_SHOUP` and before the twiddles.
#[derive(LogicBlock)]
pub struct LeanNttCore<const L: usize, const K: usize, const A: usize, const T: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Configuration register write strobe.
    pub cfg_write: Signal<In, Bit>,
    /// Configuration register ([`cfg`](mod@crate::ntt::cfg)).
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
    /// The operation ([`crate::ntt::control::op`]).
    pub op: Signal<In, Bits<2>>,
    /// The slot the operation works on (and writes).
    pub op_slot: Signal<In, Bit>,
    /// An operation is running.
    pub busy: Signal<Out, Bit>,
    /// One-cycle pulse when an operation has finished.
    pub done: Signal<Out, Bit>,
    // The control and the lanes.
    control: NttControl,
    lanes: [Lane<A, T, RESIDUE_BITS>; L],
    bflies: [LeanButterfly; L],
    // Coefficient banks of slot 0 and slot 1.
    mem0: [RAM<Bits<RESIDUE_BITS>, A>; K],
    mem1: [RAM<Bits<RESIDUE_BITS>, A>; K],
    // Twiddle banks (block RAM, or SPRAM: `with_spram_twiddles`).
    twiddles: [TwiddleBank<T>; L],
    // Bank and address of the host's coefficient index.
    host_map: BankMap<A>,
    // Twiddle bank of the host's twiddle index, and the lane-bit constants.
    lane_mask: Constant<Bits<INDEX_BITS>>,
    lane_bits: Constant<Bits<4>>,
    // Configuration registers and the running operation's slot.
    log_n: DFF<Bits<4>>,
    modulus: DFF<Bits<RESIDUE_BITS>>,
    neg_inv: DFF<Bits<32>>,
    pw_const: DFF<Bits<RESIDUE_BITS>>,
    slot: DFF<Bit>,
    // Host reads: slot and bank of the word being read, then the answer.
    rd_valid: DFF<Bit>,
    rd_slot: DFF<Bit>,
    rd_sel: DFF<Bits<8>>,
    rdata: DFF<Bits<RESIDUE_BITS>>,
    rvalid: DFF<Bit>,
    // Combinational helpers.
    host_ok: Signal<Local, Bit>,
    // Twiddle and R_SHOUP conversion: request, its tags for
    // CONV_LATENCY cycles, the halvings of the result.
    cv_req: Signal<Local, Bit>,
    cv_u: Signal<Local, Bits<RESIDUE_BITS>>,
    cv_valid: [DFF<Bit>; 3],
    cv_tw: [DFF<Bit>; 3],
    cv_inv: [DFF<Bit>; 3],
    cv_addr: [DFF<Bits<T>>; 3],
    cv_sel: [DFF<Bits<8>>; 3],
    cv_w: Signal<Local, Bits<RESIDUE_BITS>>,
    h1_sum: Signal<Local, Bits<31>>,
    h1: Signal<Local, Bits<RESIDUE_BITS>>,
    h2_sum: Signal<Local, Bits<31>>,
    h2: Signal<Local, Bits<RESIDUE_BITS>>,
    tw_stored: Signal<Local, Bits<RESIDUE_BITS>>,
    tw_addr: Signal<Local, Bits<T>>,
    tw_row: Signal<Local, Bits<INDEX_BITS>>,
    tw_bank: Signal<Local, Bits<INDEX_BITS>>,
    tw_sel: Signal<Local, Bits<8>>,
}

/// The one-lane lean core for `N <= 2^13`.
pub type LeanNttCore13 = LeanNttCore<1, 2, 12, 14>;

impl<const L: usize, const K: usize, const A: usize, const T: usize> LeanNttCore<L, K, A, T> {
    /// Rising edges from a `coef_read` strobe to `coef_rvalid`.
    pub const READ_LATENCY: usize = 2;
    /// Rising edges from the edge that samples a control issue to its
    /// write-back (as [`NttCore::WRITE_LATENCY`](crate::ntt::NttCore::WRITE_LATENCY)).
    pub const WRITE_LATENCY: usize = 2 + LeanButterfly::LATENCY;
    /// As [`LeanNttCore::WRITE_LATENCY`] for pointwise products.
    pub const POINTWISE_WRITE_LATENCY: usize = 2 + LeanButterfly::POINTWISE_LATENCY;
    /// Cycles between pointwise issue groups.
    pub const POINTWISE_INTERVAL: usize = LeanButterfly::POINTWISE_INTERVAL;
    /// The largest `log2 N`.
    pub const MAX_LOG_N: u32 = (A + K.trailing_zeros() as usize) as u32;
    /// The smallest `log2 N`: a group must fit the transform.
    pub const MIN_LOG_N: u32 = K.trailing_zeros();
    /// Butterfly lanes.
    pub const LANES: usize = L;

    /// A core with empty memories, the twiddles in block RAM.
    pub fn new() -> Self {
        Self::build(false)
    }

    /// A one-lane core with its twiddle bank in the iCE40 UP5K's SPRAM (two
    /// `SB_SPRAM256KA`, [`TwiddleBank::spram`]) instead of block RAM: the
    /// same behaviour, 15 fewer SB_RAM40_4K at `N = 2^10`.
    pub fn with_spram_twiddles() -> Self {
        assert_eq!(L, 1, "SPRAM twiddles: one lane only (the UP5K has four SPRAMs)");
        Self::build(true)
    }

    fn build(spram: bool) -> Self {
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
            control: NttControl::with_pointwise_interval(
                L,
                Self::WRITE_LATENCY,
                Self::POINTWISE_WRITE_LATENCY,
                Self::POINTWISE_INTERVAL,
            ),
            lanes: std::array::from_fn(|l| Lane::new(l, bank_bits)),
            bflies: std::array::from_fn(|_| LeanButterfly::new()),
            mem0: std::array::from_fn(|_| Default::default()),
            mem1: std::array::from_fn(|_| Default::default()),
            twiddles: std::array::from_fn(|_| if spram { TwiddleBank::spram() } else { TwiddleBank::block_ram() }),
            host_map: BankMap::new(bank_bits),
            lane_mask: Constant::new(((L - 1) as u64).into()),
            lane_bits: Constant::new((L.trailing_zeros() as u64).into()),
            log_n: Default::default(),
            modulus: Default::default(),
            neg_inv: Default::default(),
            pw_const: Default::default(),
            slot: Default::default(),
            rd_valid: Default::default(),
            rd_slot: Default::default(),
            rd_sel: Default::default(),
            rdata: Default::default(),
            rvalid: Default::default(),
            host_ok: Default::default(),
            cv_req: Default::default(),
            cv_u: Default::default(),
            cv_valid: Default::default(),
            cv_tw: Default::default(),
            cv_inv: Default::default(),
            cv_addr: Default::default(),
            cv_sel: Default::default(),
            cv_w: Default::default(),
            h1_sum: Default::default(),
            h1: Default::default(),
            h2_sum: Default::default(),
            h2: Default::default(),
            tw_stored: Default::default(),
            tw_addr: Default::default(),
            tw_row: Default::default(),
            tw_bank: Default::default(),
            tw_sel: Default::default(),
        }
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Default for LeanNttCore<L, K, A, T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<const L: usize, const K: usize, const A: usize, const T: usize> Logic for LeanNttCore<L, K, A, T> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, log_n, modulus, neg_inv, pw_const, slot, rd_valid, rd_slot, rd_sel, rdata, rvalid);
        for i in 0..3 {
            self.cv_valid[i].clock.next = self.clock.val();
            self.cv_tw[i].clock.next = self.clock.val();
            self.cv_inv[i].clock.next = self.clock.val();
            self.cv_addr[i].clock.next = self.clock.val();
            self.cv_sel[i].clock.next = self.clock.val();
        }
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

        // Twiddle writes and R_SHOUP: the conversion on lane 0's multiplier
        // (u = w_shoup >> 2 gives w 2^30 mod q), tagged for CONV_LATENCY (3)
        // cycles; inverse twiddles are halved once, 2^62 mod q (from the
        // companion of 2^32 mod q) twice.
        self.cv_req.next =
            self.host_ok.val() && (self.tw_write.val() || (self.cfg_write.val() && self.cfg_addr.val() == 4));
        if self.tw_write.val() {
            self.cv_u.next = self.tw_w_shoup.val().get_bits::<RESIDUE_BITS>(2);
        } else {
            self.cv_u.next = self.cfg_data.val().get_bits::<RESIDUE_BITS>(2);
        }
        self.tw_row.next = self.tw_index.val() >> self.lane_bits.val();
        self.tw_bank.next = self.tw_index.val() & self.lane_mask.val();
        self.tw_sel.next = bits::<8>(1) << self.tw_bank.val();
        if self.tw_inverse.val() {
            self.tw_addr.next = (bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1) + 1;
        } else {
            self.tw_addr.next = bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1;
        }
        self.cv_valid[0].d.next = self.cv_req.val();
        self.cv_tw[0].d.next = self.tw_write.val();
        self.cv_inv[0].d.next = self.tw_inverse.val();
        self.cv_addr[0].d.next = self.tw_addr.val();
        self.cv_sel[0].d.next = self.tw_sel.val();
        for i in 1..3 {
            self.cv_valid[i].d.next = self.cv_valid[i - 1].q.val();
            self.cv_tw[i].d.next = self.cv_tw[i - 1].q.val();
            self.cv_inv[i].d.next = self.cv_inv[i - 1].q.val();
            self.cv_addr[i].d.next = self.cv_addr[i - 1].q.val();
            self.cv_sel[i].d.next = self.cv_sel[i - 1].q.val();
        }
        self.cv_w.next = self.bflies[0].conv_out.val();
        if self.cv_w.val().get_bit(0) {
            self.h1_sum.next =
                bit_cast::<31, RESIDUE_BITS>(self.cv_w.val()) + bit_cast::<31, RESIDUE_BITS>(self.modulus.q.val());
        } else {
            self.h1_sum.next = bit_cast::<31, RESIDUE_BITS>(self.cv_w.val());
        }
        self.h1.next = self.h1_sum.val().get_bits::<RESIDUE_BITS>(1);
        if self.h1.val().get_bit(0) {
            self.h2_sum.next =
                bit_cast::<31, RESIDUE_BITS>(self.h1.val()) + bit_cast::<31, RESIDUE_BITS>(self.modulus.q.val());
        } else {
            self.h2_sum.next = bit_cast::<31, RESIDUE_BITS>(self.h1.val());
        }
        self.h2.next = self.h2_sum.val().get_bits::<RESIDUE_BITS>(1);
        if self.cv_inv[2].q.val() {
            self.tw_stored.next = self.h1.val();
        } else {
            self.tw_stored.next = self.cv_w.val();
        }
        if self.cv_valid[2].q.val() && !self.cv_tw[2].q.val() {
            self.pw_const.d.next = self.h2.val();
        }

        // Twiddle banks: host writes; reads at the address of a lane that
        // needs the bank (lanes sharing a bank want the same word).
        for m in 0..L {
            self.twiddles[m].clock.next = self.clock.val();
            self.twiddles[m].write_address.next = self.cv_addr[2].q.val();
            self.twiddles[m].write_data.next = self.tw_stored.val();
            self.twiddles[m].write_enable.next =
                self.cv_valid[2].q.val() && self.cv_tw[2].q.val() && self.cv_sel[2].q.val().get_bit(m);
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
            self.bflies[l].pw_const.next = self.pw_const.q.val();
            self.bflies[l].conv.next = false;
            self.bflies[l].conv_u.next = self.cv_u.val();
            self.bflies[l].valid_in.next = self.lanes[l].bf_valid.val();
            self.bflies[l].x.next = self.lanes[l].bf_x.val();
            self.bflies[l].y.next = self.lanes[l].bf_y.val();
            self.bflies[l].w.next = self.lanes[l].bf_tw.val();
            self.lanes[l].bf_x_out.next = self.bflies[l].x_out.val();
            self.lanes[l].bf_y_out.next = self.bflies[l].y_out.val();
            self.lanes[l].tw_data.next = 0.into();
            for m in 0..L {
                if self.lanes[l].tw_rsel.val().get_bit(m) {
                    self.lanes[l].tw_data.next = self.twiddles[m].read_data.val();
                }
            }
        }

        // Lane 0's multiplier converts twiddles while the core is idle.
        self.bflies[0].conv.next = self.cv_req.val();

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
