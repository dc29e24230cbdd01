//! [`NttControl`]: the state machine that sequences one operation of the
//! core (forward NTT, inverse NTT, pointwise product) as a stream of issue
//! groups, one group of `lanes` butterflies per cycle, and [`group_indices`],
//! its software model.

use rust_hdl::prelude::*;

/// Width of coefficient indices, counters and twiddle indices (`N <= 2^13`).
pub const INDEX_BITS: usize = 14;

/// Operation codes on the `op` input.
pub mod op {
    /// Forward NTT.
    pub const FORWARD: u64 = 0;
    /// Inverse NTT (with `1/N`).
    pub const INVERSE: u64 = 1;
    /// Pointwise product.
    pub const POINTWISE: u64 = 2;
}

#[derive(Copy, Clone, PartialEq, Debug, LogicState)]
enum State {
    Idle,
    Run,
    Gap,
    Pointwise,
    Drain,
}

/// The bank of coefficient `index` in a core with `2^bank_bits` banks per
/// slot: the XOR of the index's `bank_bits`-wide chunks (bit `j` of the bank
/// is the parity of the index bits at positions `= j mod bank_bits`). Its
/// address in the bank is `index >> bank_bits`.
pub fn bank_of(index: usize, bank_bits: u32) -> usize {
    let mask = (1usize << bank_bits) - 1;
    let (mut bank, mut rest) = (0, index);
    while rest != 0 {
        bank ^= rest & mask;
        rest >>= bank_bits;
    }
    bank
}

/// The window of `b = log2(2 lanes)` consecutive index bits a stage's issue
/// groups span: its lowest bit. `s` is the stage's butterfly bit (distance
/// `2^s`), `log_n` the transform's size.
///
/// Forward stages (`s` going down) take the window with `s` on top, inverse
/// stages (`s` going up) the one with `s` at the bottom, both clamped to
/// `[0, log_n)`: consecutive stages' windows then overlap in `b - 1` bits,
/// which keeps the read-after-write slack between stages at least half a
/// stage (see [`NttControl`]).
pub fn window_start(s: u32, log_n: u32, b: u32, inverse: bool) -> u32 {
    if inverse {
        s.min(log_n - b)
    } else {
        (s + 1).saturating_sub(b)
    }
}

/// The butterflies `(x, y, twiddle index)` of issue group `g` of the stage
/// with butterfly bit `s`, lane by lane, exactly as the hardware forms them
/// ([`NttControl`] and the core's lanes); `lanes` is 1, 2 or 4.
pub fn group_indices(log_n: u32, lanes: usize, inverse: bool, s: u32, g: usize) -> Vec<(usize, usize, usize)> {
    let b = lanes.trailing_zeros() + 1;
    let w = window_start(s, log_n, b, inverse);
    let base = ((g >> w) << (w + b)) | (g & ((1 << w) - 1));
    let d = s - w;
    (0..lanes)
        .map(|lane| {
            let c = ((lane >> d) << (d + 1)) | (lane & ((1 << d) - 1));
            let x = base | (c << w);
            let y = x | (1 << s);
            (x, y, ((1 << log_n) | x) >> (s + 1))
        })
        .collect()
}

/// Issues one group of `lanes` butterflies (or `lanes` pointwise products)
/// per cycle, for `lanes` = 1, 2 or 4 (`b = log2(2 lanes)` bits of bank).
///
/// **Banks.** Coefficient `i` lives in bank [`bank_of`]`(i, b)` of `2^b`
/// banks at address `i >> b`. A group is `2^b = 2 lanes` indices that agree
/// outside a window of `b` consecutive bit positions ([`window_start`]) and
/// take all values inside it; the stage's butterfly bit `s` is in the
/// window, so the group is `lanes` whole butterflies. Consecutive bit
/// positions are distinct modulo `b`, so the `b x b` restriction of the
/// bank map to the window is a permutation: the group's elements are in
/// `2 lanes` different banks, every stage, forward and inverse; each bank
/// (one read and one write port) serves one read and one write per cycle.
/// Pointwise groups are `lanes` consecutive aligned indices: distinct low
/// bits, so distinct banks too.
///
/// **Order.** Stage by stage (`log2 N` stages; forward: `s` from
/// `log2 N - 1` down to 0, inverse: up from 0), and within a stage group
/// `g = 0 .. N/(2 lanes) - 1`, whose base index is `g` with `b` zero bits
/// inserted at the window (see [`group_indices`]). For one lane this is the
/// loop order of `polyhe_core::ntt::scalar`.
///
/// **Why this keeps the pipeline full.** An element `e` is written in stage
/// `s` by group `G_s(e)` and read in the next stage by group `G_s'(e)`; the
/// two windows differ in one bit position, and `G_s(e) - G_s'(e) <=
/// N/(4 lanes)` (the differing bit sits at the same position in both group
/// numbers). So with one group per cycle the dependent write happened at
/// least `N/(2 lanes) - N/(4 lanes) = N/(4 lanes)` cycles earlier. When that
/// is below the core's write-back distance (`raw_distance`: issue to write
/// plus one), the control waits `raw_distance - N/(4 lanes)` idle cycles
/// between stages; from `N = 4 lanes raw_distance` on stages follow each
/// other back to back and a transform takes `N/(2 lanes) log2 N + O(1)`
/// cycles. A software replay of this order checks distinct banks and the
/// read-after-write distance for every degree and lane count.
///
/// **Outputs.** `issue_*` are registered: they describe one group per cycle
/// while `issue_valid` is high (base index, window start `w`, butterfly bit
/// `s` and `d = s - w`; each lane forms its own butterfly from them).
/// `inverse` and `pointwise` hold the running operation's mode from `start`
/// until `done`. `busy` is high from the cycle after `start` until the cycle
/// `done` pulses; by then the last issue has been written back (`drain_*`
/// cycles after it).
#[derive(LogicBlock)]
pub struct NttControl {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// `log2 N`, `log2(2 lanes)` to 13.
    pub log_n: Signal<In, Bits<4>>,
    /// Starts `op` (ignored while busy, and for op code 3).
    pub start: Signal<In, Bit>,
    /// The operation ([`op`]).
    pub op: Signal<In, Bits<2>>,
    /// An operation is running.
    pub busy: Signal<Out, Bit>,
    /// One-cycle pulse: the operation finished.
    pub done: Signal<Out, Bit>,
    /// The running operation is an inverse NTT.
    pub inverse: Signal<Out, Bit>,
    /// The running operation is a pointwise product.
    pub pointwise: Signal<Out, Bit>,
    /// `N = 2^log_n`.
    pub n: Signal<Out, Bits<INDEX_BITS>>,
    /// A group is presented this cycle.
    pub issue_valid: Signal<Out, Bit>,
    /// The group's base index (zero in the window bits).
    pub issue_base: Signal<Out, Bits<INDEX_BITS>>,
    /// The window's lowest bit position.
    pub issue_w: Signal<Out, Bits<4>>,
    /// The butterfly bit's position in the window (`s - w`).
    pub issue_d: Signal<Out, Bits<4>>,
    /// The butterfly bit `s` (distance `2^s`).
    pub issue_s: Signal<Out, Bits<4>>,
    // Parameters: lanes and banks (log2), the read-after-write distance and
    // the drain lengths.
    lane_bits: Constant<Bits<4>>,
    bank_bits: Constant<Bits<4>>,
    raw_distance: Constant<Bits<INDEX_BITS>>,
    drain_ntt: Constant<Bits<5>>,
    drain_pointwise: Constant<Bits<5>>,
    pw_slow: Constant<Bit>,
    pw_wait: DFF<Bit>,
    // State and the running operation.
    state: DFF<State>,
    inv: DFF<Bit>,
    pw: DFF<Bit>,
    gap_len: DFF<Bits<5>>,
    countdown: DFF<Bits<5>>,
    // The stage's butterfly bit and the group counter.
    s: DFF<Bits<4>>,
    g: DFF<Bits<INDEX_BITS>>,
    // Registered outputs.
    done_r: DFF<Bit>,
    valid_r: DFF<Bit>,
    base_r: DFF<Bits<INDEX_BITS>>,
    w_r: DFF<Bits<4>>,
    d_r: DFF<Bits<4>>,
    s_r: DFF<Bits<4>>,
    // The stage's window (window_start) and its mask `2^w - 1`, stepped
    // with `s` rather than computed from it (that was the iCE40 critical
    // path): forward w = max(s + 1 - bank_bits, 0) falls by one per stage
    // down to 0, inverse w = min(s, log_n - bank_bits) rises up to its top.
    w_q: DFF<Bits<4>>,
    mask_q: DFF<Bits<INDEX_BITS>>,
    // Combinational helpers.
    n_full: Signal<Local, Bits<INDEX_BITS>>,
    groups: Signal<Local, Bits<INDEX_BITS>>,
    pw_groups: Signal<Local, Bits<INDEX_BITS>>,
    n_quarter: Signal<Local, Bits<INDEX_BITS>>,
    gap_diff: Signal<Local, Bits<INDEX_BITS>>,
    w_top: Signal<Local, Bits<4>>,
    hi: Signal<Local, Bits<INDEX_BITS>>,
    base: Signal<Local, Bits<INDEX_BITS>>,
    g_next: Signal<Local, Bits<INDEX_BITS>>,
    last_stage: Signal<Local, Bit>,
}

impl NttControl {
    /// A control for `lanes` (1, 2 or 4) lanes and a datapath that writes
    /// an issue back `write_latency` rising edges after it was presented
    /// (`pointwise_write_latency` for pointwise products).
    pub fn new(lanes: usize, write_latency: usize, pointwise_write_latency: usize) -> Self {
        Self::with_pointwise_interval(lanes, write_latency, pointwise_write_latency, 1)
    }

    /// As [`NttControl::new`], issuing pointwise groups once every
    /// `interval` cycles (1 or 2): the lean core's butterfly
    /// ([`super::LeanButterfly`]) passes each product through its one
    /// multiplier twice.
    pub fn with_pointwise_interval(
        lanes: usize,
        write_latency: usize,
        pointwise_write_latency: usize,
        interval: usize,
    ) -> Self {
        assert!(matches!(lanes, 1 | 2 | 4), "lanes must be 1, 2 or 4");
        assert!(matches!(interval, 1 | 2), "pointwise interval must be 1 or 2");
        assert!(write_latency + 1 < 32 && pointwise_write_latency + 1 < 32, "latencies too long for the counters");
        let lane_bits = lanes.trailing_zeros() as u64;
        Self {
            clock: Default::default(),
            log_n: Default::default(),
            start: Default::default(),
            op: Default::default(),
            busy: Default::default(),
            done: Default::default(),
            inverse: Default::default(),
            pointwise: Default::default(),
            n: Default::default(),
            issue_valid: Default::default(),
            issue_base: Default::default(),
            issue_w: Default::default(),
            issue_d: Default::default(),
            issue_s: Default::default(),
            lane_bits: Constant::new(lane_bits.into()),
            bank_bits: Constant::new((lane_bits + 1).into()),
            raw_distance: Constant::new(((write_latency + 1) as u64).into()),
            drain_ntt: Constant::new(((write_latency + 1) as u64).into()),
            drain_pointwise: Constant::new(((pointwise_write_latency + 1) as u64).into()),
            pw_slow: Constant::new(interval == 2),
            pw_wait: Default::default(),
            state: Default::default(),
            inv: Default::default(),
            pw: Default::default(),
            gap_len: Default::default(),
            countdown: Default::default(),
            s: Default::default(),
            g: Default::default(),
            done_r: Default::default(),
            valid_r: Default::default(),
            base_r: Default::default(),
            w_r: Default::default(),
            w_q: Default::default(),
            mask_q: Default::default(),
            d_r: Default::default(),
            s_r: Default::default(),
            n_full: Default::default(),
            groups: Default::default(),
            pw_groups: Default::default(),
            n_quarter: Default::default(),
            gap_diff: Default::default(),
            w_top: Default::default(),
            hi: Default::default(),
            base: Default::default(),
            g_next: Default::default(),
            last_stage: Default::default(),
        }
    }

    /// Stage-boundary idle cycles for degree `2^log_n` and `lanes` lanes
    /// (see the type docs).
    pub fn gap_cycles(log_n: u32, lanes: usize, write_latency: usize) -> usize {
        (write_latency + 1).saturating_sub((1usize << log_n) / (4 * lanes))
    }

    /// Cycles from `start` (the edge that samples it) to `done`, for a
    /// forward or inverse NTT of degree `2^log_n` on `lanes` lanes.
    pub fn ntt_cycles(log_n: u32, lanes: usize, write_latency: usize) -> usize {
        let stages = log_n as usize;
        // One cycle to leave Idle, the groups, the gaps, the drain.
        1 + stages * ((1 << log_n) / (2 * lanes))
            + (stages - 1) * Self::gap_cycles(log_n, lanes, write_latency)
            + write_latency
            + 1
    }

    /// Cycles from `start` to `done` for a pointwise product of degree
    /// `2^log_n` on `lanes` lanes.
    pub fn pointwise_cycles(log_n: u32, lanes: usize, pointwise_write_latency: usize) -> usize {
        Self::pointwise_cycles_at(log_n, lanes, pointwise_write_latency, 1)
    }

    /// As [`NttControl::pointwise_cycles`] with one group every `interval`
    /// cycles ([`NttControl::with_pointwise_interval`]): the last group
    /// goes straight to the drain.
    pub fn pointwise_cycles_at(log_n: u32, lanes: usize, pointwise_write_latency: usize, interval: usize) -> usize {
        1 + interval * ((1 << log_n) / lanes) - (interval - 1) + pointwise_write_latency + 1
    }
}

impl Logic for NttControl {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, state, inv, pw, gap_len, countdown, s, g, done_r, valid_r, base_r, w_r, d_r, s_r, pw_wait,
            w_q, mask_q
        );
        self.n_full.next = bits::<INDEX_BITS>(1) << self.log_n.val();
        self.groups.next = self.n_full.val() >> self.bank_bits.val();
        self.pw_groups.next = self.n_full.val() >> self.lane_bits.val();
        self.n_quarter.next = self.groups.val() >> 1;
        self.gap_diff.next = self.raw_distance.val() - self.n_quarter.val();
        // The group's base: g with bank_bits zero bits inserted at w, i.e.
        // g + hi (2^bank_bits - 1) with hi = g without its low w bits.
        self.w_top.next = self.log_n.val() - self.bank_bits.val();
        self.hi.next = self.g.q.val() & !self.mask_q.q.val();
        self.base.next = self.g.q.val() + (self.hi.val() << self.bank_bits.val()) - self.hi.val();
        self.g_next.next = self.g.q.val() + 1;
        self.last_stage.next = (self.inv.q.val() && ((self.s.q.val() + 1) == self.log_n.val()))
            || (!self.inv.q.val() && !self.s.q.val().any());
        self.valid_r.d.next = false;
        self.done_r.d.next = false;
        match self.state.q.val() {
            State::Idle => {
                if self.start.val() && !(self.op.val().get_bit(0) && self.op.val().get_bit(1)) {
                    self.inv.d.next = self.op.val().get_bit(0);
                    self.pw.d.next = self.op.val().get_bit(1);
                    self.g.d.next = 0.into();
                    self.pw_wait.d.next = false;
                    if self.n_quarter.val() >= self.raw_distance.val() {
                        self.gap_len.d.next = 0.into();
                    } else {
                        self.gap_len.d.next = self.gap_diff.val().get_bits::<5>(0);
                    }
                    if self.op.val().get_bit(1) {
                        self.state.d.next = State::Pointwise;
                    } else if self.op.val().get_bit(0) {
                        self.s.d.next = 0.into();
                        self.w_q.d.next = 0.into();
                        self.mask_q.d.next = 0.into();
                        self.state.d.next = State::Run;
                    } else {
                        self.s.d.next = self.log_n.val() - 1;
                        self.w_q.d.next = self.w_top.val();
                        self.mask_q.d.next = self.groups.val() - 1;
                        self.state.d.next = State::Run;
                    }
                }
            }
            State::Run => {
                self.valid_r.d.next = true;
                self.base_r.d.next = self.base.val();
                self.w_r.d.next = self.w_q.q.val();
                self.d_r.d.next = self.s.q.val() - self.w_q.q.val();
                self.s_r.d.next = self.s.q.val();
                if self.g_next.val() == self.groups.val() {
                    if self.last_stage.val() {
                        self.countdown.d.next = self.drain_ntt.val();
                        self.state.d.next = State::Drain;
                    } else {
                        if self.inv.q.val() {
                            self.s.d.next = self.s.q.val() + 1;
                            if self.w_q.q.val() != self.w_top.val() {
                                self.w_q.d.next = self.w_q.q.val() + 1;
                                self.mask_q.d.next = (self.mask_q.q.val() << 1) | 1;
                            }
                        } else {
                            self.s.d.next = self.s.q.val() - 1;
                            if self.w_q.q.val().any() {
                                self.w_q.d.next = self.w_q.q.val() - 1;
                                self.mask_q.d.next = self.mask_q.q.val() >> 1;
                            }
                        }
                        self.g.d.next = 0.into();
                        if self.gap_len.q.val().any() {
                            self.countdown.d.next = self.gap_len.q.val();
                            self.state.d.next = State::Gap;
                        }
                    }
                } else {
                    self.g.d.next = self.g_next.val();
                }
            }
            State::Gap => {
                self.countdown.d.next = self.countdown.q.val() - 1;
                if self.countdown.q.val() == 1 {
                    self.state.d.next = State::Run;
                }
            }
            State::Pointwise => {
                // Lane l takes element g lanes + l: base g << lane_bits, a
                // window at 0 with the butterfly bit on top of the lane bits.
                // With pw_slow every other cycle is idle (pw_wait).
                if self.pw_wait.q.val() {
                    self.pw_wait.d.next = false;
                } else {
                    self.valid_r.d.next = true;
                    self.base_r.d.next = self.g.q.val() << self.lane_bits.val();
                    self.w_r.d.next = 0.into();
                    self.d_r.d.next = self.lane_bits.val();
                    self.s_r.d.next = 0.into();
                    self.g.d.next = self.g_next.val();
                    self.pw_wait.d.next = self.pw_slow.val();
                    if self.g_next.val() == self.pw_groups.val() {
                        self.countdown.d.next = self.drain_pointwise.val();
                        self.state.d.next = State::Drain;
                    }
                }
            }
            State::Drain => {
                self.countdown.d.next = self.countdown.q.val() - 1;
                if self.countdown.q.val() == 1 {
                    self.done_r.d.next = true;
                    self.state.d.next = State::Idle;
                }
            }
            _ => {
                self.state.d.next = State::Idle;
            }
        }
        self.busy.next = self.state.q.val() != State::Idle;
        self.done.next = self.done_r.q.val();
        self.inverse.next = self.inv.q.val();
        self.pointwise.next = self.pw.q.val();
        self.n.next = self.n_full.val();
        self.issue_valid.next = self.valid_r.q.val();
        self.issue_base.next = self.base_r.q.val();
        self.issue_w.next = self.w_r.q.val();
        self.issue_d.next = self.d_r.q.val();
        self.issue_s.next = self.s_r.q.val();
    }
}
