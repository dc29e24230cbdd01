//! [`Lane`]: one butterfly lane of the core with its share of the issue
//! logic (its butterfly of the control's issue group, the banks and
//! addresses of its two elements and of its twiddle, the write-back tags);
//! [`BankMap`]: index to bank and address.

use rust_hdl::prelude::*;

use super::control::INDEX_BITS;
use crate::arith::RESIDUE_BITS;

/// Width of the one-hot bank selects (at most 8 banks per slot, 4 lanes).
pub const MAX_BANKS: usize = 8;

/// Maps a coefficient index to its bank (one-hot) and its address in the
/// bank, for `2^bank_bits` banks: [`super::control::bank_of`] and
/// `index >> bank_bits`. Combinational.
#[derive(LogicBlock)]
pub struct BankMap<const A: usize> {
    /// The coefficient index.
    pub index: Signal<In, Bits<INDEX_BITS>>,
    /// Bit `k` set: the index is in bank `k`.
    pub onehot: Signal<Out, Bits<MAX_BANKS>>,
    /// Address in the bank.
    pub addr: Signal<Out, Bits<A>>,
    // Bit j of the bank is the parity of index & mask_j.
    mask0: Constant<Bits<INDEX_BITS>>,
    mask1: Constant<Bits<INDEX_BITS>>,
    mask2: Constant<Bits<INDEX_BITS>>,
    bank_bits: Constant<Bits<4>>,
    bank: Signal<Local, Bits<3>>,
    shifted: Signal<Local, Bits<INDEX_BITS>>,
}

impl<const A: usize> BankMap<A> {
    /// The map for `2^bank_bits` banks (`bank_bits` 1 to 3).
    pub fn new(bank_bits: usize) -> Self {
        assert!((1..=3).contains(&bank_bits), "1 to 3 bank bits");
        let mask = |j: usize| -> Bits<INDEX_BITS> {
            let m = (0..INDEX_BITS).filter(|p| j < bank_bits && p % bank_bits == j).fold(0u64, |m, p| m | 1 << p);
            m.into()
        };
        Self {
            index: Default::default(),
            onehot: Default::default(),
            addr: Default::default(),
            mask0: Constant::new(mask(0)),
            mask1: Constant::new(mask(1)),
            mask2: Constant::new(mask(2)),
            bank_bits: Constant::new((bank_bits as u64).into()),
            bank: Default::default(),
            shifted: Default::default(),
        }
    }
}

impl<const A: usize> Logic for BankMap<A> {
    #[hdl_gen]
    fn update(&mut self) {
        self.bank.next = bits::<3>(0)
            .replace_bit(0, (self.index.val() & self.mask0.val()).xor())
            .replace_bit(1, (self.index.val() & self.mask1.val()).xor())
            .replace_bit(2, (self.index.val() & self.mask2.val()).xor());
        self.onehot.next = bits::<MAX_BANKS>(1) << self.bank.val();
        self.shifted.next = self.index.val() >> self.bank_bits.val();
        self.addr.next = self.shifted.val().get_bits::<A>(0);
    }
}

/// One lane. From the control's registered issue group (base, window,
/// butterfly bit) it forms its own butterfly `(x, y)` and twiddle index
/// (lane `l` takes window value `l` with a zero inserted at the butterfly
/// bit, see [`super::control::group_indices`]) and registers them; the next
/// edge reads the coefficient banks (the core routes `addr_*` to the banks
/// `sel_*` names) and the twiddle bank; one edge later the data
/// enter the butterfly (`bf_*`: a [`super::Butterfly`] or a
/// [`super::LeanButterfly`], which the core instantiates and wires to the
/// lane; both have the same latencies), and the tags (banks, addresses) travel alongside
/// to the write-back (`wb_*`).
///
/// The twiddle memory is banked too: twiddle `t` is in twiddle bank
/// `t mod lanes` at address `2 (t / lanes) + inverse`. The lanes of a group
/// need the twiddles `t0 + (lane >> d)` (lanes below the butterfly bit
/// share one), with `t0` a multiple of their count `lanes >> d`, so lanes
/// needing different twiddles read different twiddle banks, and lanes
/// sharing a bank share the word: one table, `lanes` reads per cycle. The
/// core routes `tw_addr` to the bank `tw_sel` names and the word back to
/// `tw_data` one cycle later (by `tw_rsel`).
///
/// `A` is the bank address width, `T` the twiddle bank address width, `W`
/// the twiddle word width.
#[derive(LogicBlock)]
pub struct Lane<const A: usize, const T: usize, const W: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// The control's issue (registered there).
    pub issue_valid: Signal<In, Bit>,
    /// Group base index.
    pub issue_base: Signal<In, Bits<INDEX_BITS>>,
    /// Window start.
    pub issue_w: Signal<In, Bits<4>>,
    /// Butterfly bit within the window.
    pub issue_d: Signal<In, Bits<4>>,
    /// Butterfly bit.
    pub issue_s: Signal<In, Bits<4>>,
    /// `N`.
    pub n: Signal<In, Bits<INDEX_BITS>>,
    /// Gentleman-Sande mode.
    pub inverse: Signal<In, Bit>,
    /// Pointwise mode.
    pub pointwise: Signal<In, Bit>,
    /// An operation is starting: stale tags are dropped.
    pub clear: Signal<In, Bit>,
    /// Twiddle bank of this lane's twiddle (one-hot), for the read this
    /// cycle.
    pub tw_sel: Signal<Out, Bits<MAX_BANKS>>,
    /// Its address in the twiddle bank.
    pub tw_addr: Signal<Out, Bits<T>>,
    /// `tw_sel` one cycle later, when the word arrives.
    pub tw_rsel: Signal<Out, Bits<MAX_BANKS>>,
    /// The twiddle word (`W` bits: `w_shoup << 30 | w` in [`super::NttCore`],
    /// the Montgomery form in [`super::LeanNttCore`]).
    pub tw_data: Signal<In, Bits<W>>,
    /// Bank of `x` (one-hot), for the read this cycle.
    pub sel_x: Signal<Out, Bits<MAX_BANKS>>,
    /// Address of `x` in its bank.
    pub addr_x: Signal<Out, Bits<A>>,
    /// Bank of `y` (one-hot).
    pub sel_y: Signal<Out, Bits<MAX_BANKS>>,
    /// Address of `y` in its bank.
    pub addr_y: Signal<Out, Bits<A>>,
    /// Bank of `x` one cycle later, when its word arrives.
    pub rsel_x: Signal<Out, Bits<MAX_BANKS>>,
    /// Bank of `y` one cycle later.
    pub rsel_y: Signal<Out, Bits<MAX_BANKS>>,
    /// The word of `x` from the running slot.
    pub x_cur: Signal<In, Bits<RESIDUE_BITS>>,
    /// The word of `y` from the running slot.
    pub y_cur: Signal<In, Bits<RESIDUE_BITS>>,
    /// The word of `x` from the other slot (pointwise operand).
    pub x_oth: Signal<In, Bits<RESIDUE_BITS>>,
    /// A result is to be written back this cycle.
    pub wb_valid: Signal<Out, Bit>,
    /// Bank of the `x` result.
    pub wb_sel_x: Signal<Out, Bits<MAX_BANKS>>,
    /// Bank of the `y` result.
    pub wb_sel_y: Signal<Out, Bits<MAX_BANKS>>,
    /// Address of the `x` result.
    pub wb_addr_x: Signal<Out, Bits<A>>,
    /// Address of the `y` result.
    pub wb_addr_y: Signal<Out, Bits<A>>,
    /// The `x` result.
    pub wb_x: Signal<Out, Bits<RESIDUE_BITS>>,
    /// The `y` result (not written for pointwise products).
    pub wb_y: Signal<Out, Bits<RESIDUE_BITS>>,
    /// To the lane's butterfly: an operation enters this cycle.
    pub bf_valid: Signal<Out, Bit>,
    /// To the butterfly: its `x`.
    pub bf_x: Signal<Out, Bits<RESIDUE_BITS>>,
    /// To the butterfly: its `y` (the other slot's `x` for pointwise products).
    pub bf_y: Signal<Out, Bits<RESIDUE_BITS>>,
    /// To the butterfly: the twiddle word as read.
    pub bf_tw: Signal<Out, Bits<W>>,
    /// From the butterfly: its `x_out`.
    pub bf_x_out: Signal<In, Bits<RESIDUE_BITS>>,
    /// From the butterfly: its `y_out`.
    pub bf_y_out: Signal<In, Bits<RESIDUE_BITS>>,
    lane_id: Constant<Bits<INDEX_BITS>>,
    lane_mask: Constant<Bits<INDEX_BITS>>,
    lane_bits: Constant<Bits<4>>,
    map_x: BankMap<A>,
    map_y: BankMap<A>,
    r_valid: DFF<Bit>,
    r_x: DFF<Bits<INDEX_BITS>>,
    r_y: DFF<Bits<INDEX_BITS>>,
    r_tw: DFF<Bits<INDEX_BITS>>,
    tag_valid: [DFF<Bit>; 13],
    tag_sx: [DFF<Bits<MAX_BANKS>>; 13],
    tag_sy: [DFF<Bits<MAX_BANKS>>; 13],
    tag_ax: [DFF<Bits<A>>; 13],
    tag_ay: [DFF<Bits<A>>; 13],
    tag_tw: DFF<Bits<MAX_BANKS>>,
    tw_bank: Signal<Local, Bits<INDEX_BITS>>,
    tw_row: Signal<Local, Bits<INDEX_BITS>>,
    low_d: Signal<Local, Bits<INDEX_BITS>>,
    c: Signal<Local, Bits<INDEX_BITS>>,
    x: Signal<Local, Bits<INDEX_BITS>>,
}

impl<const A: usize, const T: usize, const W: usize> Lane<A, T, W> {
    /// Lane number `lane` of a core with `2^bank_bits` banks per slot.
    pub fn new(lane: usize, bank_bits: usize) -> Self {
        assert!(lane < 1 << (bank_bits - 1), "lane {lane} out of range");
        Self {
            clock: Default::default(),
            issue_valid: Default::default(),
            issue_base: Default::default(),
            issue_w: Default::default(),
            issue_d: Default::default(),
            issue_s: Default::default(),
            n: Default::default(),
            inverse: Default::default(),
            pointwise: Default::default(),
            clear: Default::default(),
            tw_sel: Default::default(),
            tw_addr: Default::default(),
            tw_rsel: Default::default(),
            tw_data: Default::default(),
            sel_x: Default::default(),
            addr_x: Default::default(),
            sel_y: Default::default(),
            addr_y: Default::default(),
            rsel_x: Default::default(),
            rsel_y: Default::default(),
            x_cur: Default::default(),
            y_cur: Default::default(),
            x_oth: Default::default(),
            wb_valid: Default::default(),
            wb_sel_x: Default::default(),
            wb_sel_y: Default::default(),
            wb_addr_x: Default::default(),
            wb_addr_y: Default::default(),
            wb_x: Default::default(),
            wb_y: Default::default(),
            bf_valid: Default::default(),
            bf_x: Default::default(),
            bf_y: Default::default(),
            bf_tw: Default::default(),
            bf_x_out: Default::default(),
            bf_y_out: Default::default(),
            lane_id: Constant::new((lane as u64).into()),
            lane_mask: Constant::new(((1u64 << (bank_bits - 1)) - 1).into()),
            lane_bits: Constant::new(((bank_bits - 1) as u64).into()),
            map_x: BankMap::new(bank_bits),
            map_y: BankMap::new(bank_bits),
            r_valid: Default::default(),
            r_x: Default::default(),
            r_y: Default::default(),
            r_tw: Default::default(),
            tag_valid: Default::default(),
            tag_sx: Default::default(),
            tag_sy: Default::default(),
            tag_ax: Default::default(),
            tag_ay: Default::default(),
            tag_tw: Default::default(),
            tw_bank: Default::default(),
            tw_row: Default::default(),
            low_d: Default::default(),
            c: Default::default(),
            x: Default::default(),
        }
    }
}

impl<const A: usize, const T: usize, const W: usize> Logic for Lane<A, T, W> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, r_valid, r_x, r_y, r_tw, tag_tw);
        for i in 0..13 {
            self.tag_valid[i].clock.next = self.clock.val();
            self.tag_sx[i].clock.next = self.clock.val();
            self.tag_sy[i].clock.next = self.clock.val();
            self.tag_ax[i].clock.next = self.clock.val();
            self.tag_ay[i].clock.next = self.clock.val();
        }

        // This lane's butterfly of the group: the lane number with a zero
        // inserted at the butterfly bit, placed at the window.
        self.low_d.next = (bits::<INDEX_BITS>(1) << self.issue_d.val()) - 1;
        self.c.next = ((self.lane_id.val() >> self.issue_d.val()) << (self.issue_d.val() + 1))
            | (self.lane_id.val() & self.low_d.val());
        self.x.next = self.issue_base.val() | (self.c.val() << self.issue_w.val());
        self.r_valid.d.next = self.issue_valid.val();
        self.r_x.d.next = self.x.val();
        if self.pointwise.val() {
            self.r_y.d.next = self.x.val();
        } else {
            self.r_y.d.next = self.x.val() | (bits::<INDEX_BITS>(1) << self.issue_s.val());
        }
        self.r_tw.d.next = (self.n.val() | self.x.val()) >> (self.issue_s.val() + 1);

        // Banks and addresses of the registered butterfly: read this cycle.
        self.map_x.index.next = self.r_x.q.val();
        self.map_y.index.next = self.r_y.q.val();
        self.sel_x.next = self.map_x.onehot.val();
        self.sel_y.next = self.map_y.onehot.val();
        self.addr_x.next = self.map_x.addr.val();
        self.addr_y.next = self.map_y.addr.val();
        // Twiddle read: bank t mod lanes; in the bank the forward table at
        // even addresses, the inverse at odd.
        self.tw_bank.next = self.r_tw.q.val() & self.lane_mask.val();
        self.tw_row.next = self.r_tw.q.val() >> self.lane_bits.val();
        self.tw_sel.next = bits::<MAX_BANKS>(1) << self.tw_bank.val();
        if self.inverse.val() {
            self.tw_addr.next = (bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1) + 1;
        } else {
            self.tw_addr.next = bit_cast::<T, INDEX_BITS>(self.tw_row.val()) << 1;
        }
        self.tag_tw.d.next = self.tw_sel.val();
        self.tw_rsel.next = self.tag_tw.q.val();

        // Tags from the read to the write-back.
        self.tag_valid[0].d.next = self.r_valid.q.val();
        self.tag_sx[0].d.next = self.map_x.onehot.val();
        self.tag_sy[0].d.next = self.map_y.onehot.val();
        self.tag_ax[0].d.next = self.map_x.addr.val();
        self.tag_ay[0].d.next = self.map_y.addr.val();
        for i in 1..13 {
            self.tag_valid[i].d.next = self.tag_valid[i - 1].q.val() && !self.clear.val();
            self.tag_sx[i].d.next = self.tag_sx[i - 1].q.val();
            self.tag_sy[i].d.next = self.tag_sy[i - 1].q.val();
            self.tag_ax[i].d.next = self.tag_ax[i - 1].q.val();
            self.tag_ay[i].d.next = self.tag_ay[i - 1].q.val();
        }
        self.rsel_x.next = self.tag_sx[0].q.val();
        self.rsel_y.next = self.tag_sy[0].q.val();

        // The butterfly (outside the lane: the core instantiates the
        // variant it is built with).
        self.bf_x.next = self.x_cur.val();
        if self.pointwise.val() {
            self.bf_y.next = self.x_oth.val();
        } else {
            self.bf_y.next = self.y_cur.val();
        }
        self.bf_valid.next = self.tag_valid[0].q.val();
        self.bf_tw.next = self.tw_data.val();

        // Write-back at the mode's latency.
        if self.pointwise.val() {
            self.wb_valid.next = self.tag_valid[12].q.val();
            self.wb_sel_x.next = self.tag_sx[12].q.val();
            self.wb_sel_y.next = self.tag_sy[12].q.val();
            self.wb_addr_x.next = self.tag_ax[12].q.val();
            self.wb_addr_y.next = self.tag_ay[12].q.val();
        } else {
            self.wb_valid.next = self.tag_valid[7].q.val();
            self.wb_sel_x.next = self.tag_sx[7].q.val();
            self.wb_sel_y.next = self.tag_sy[7].q.val();
            self.wb_addr_x.next = self.tag_ax[7].q.val();
            self.wb_addr_y.next = self.tag_ay[7].q.val();
        }
        self.wb_x.next = self.bf_x_out.val();
        self.wb_y.next = self.bf_y_out.val();
    }
}
