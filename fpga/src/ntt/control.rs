//! [`NttControl`]: the state machine that sequences one operation of the
//! core (forward NTT, inverse NTT, pointwise product) as a stream of
//! butterfly issues.

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

/// Issues one butterfly (or one pointwise product) per cycle.
///
/// **Order.** Stage by stage (`log2 N` stages; forward: distance `h` from
/// `N/2` down to 1, inverse: from 1 up to `N/2`), and within a stage group
/// by group, `k = 0 .. h-1` in each: butterfly `t` of a stage pairs
/// `i = 2 g h + k` with `j = i + h` and uses twiddle `m + g` (`m` = number
/// of groups), exactly the loop order of `polyhe_core::ntt::scalar`.
///
/// **Why this order keeps the pipeline full.** Butterfly `t'` of a stage
/// reads what butterflies up to `t' + N/4` of the previous stage wrote (at
/// most: forward `t' + h/2`, inverse `t' + h`), so with one issue per cycle
/// the dependent write happened at least `N/2 - N/4 = N/4` cycles earlier.
/// When `N/4` is below the core's write-back distance (`raw_distance`: issue
/// to write plus one), the control waits `raw_distance - N/4` idle cycles
/// between stages; from `N = 4 raw_distance` on (64 for the core) stages
/// follow each other back to back and a transform takes
/// `N/2 log2 N + O(1)` cycles.
///
/// **Outputs.** `issue_*` are registered: they describe one issue per cycle
/// while `issue_valid` is high. `inverse` and `pointwise` hold the running
/// operation's mode from `start` until `done`. `busy` is high from the cycle
/// after `start` until the cycle `done` pulses; by then the last issue has
/// been written back (`drain_*` cycles after it).
#[derive(LogicBlock)]
pub struct NttControl {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// `log2 N`, 1 to 13.
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
    /// An issue is presented this cycle.
    pub issue_valid: Signal<Out, Bit>,
    /// Index of the butterfly's first element (pointwise: the element).
    pub issue_i: Signal<Out, Bits<INDEX_BITS>>,
    /// Index of the butterfly's second element (pointwise: the element).
    pub issue_j: Signal<Out, Bits<INDEX_BITS>>,
    /// Twiddle index in the running direction's table.
    pub issue_tw: Signal<Out, Bits<INDEX_BITS>>,
    // Parameters: the read-after-write distance and the drain lengths.
    raw_distance: Constant<Bits<INDEX_BITS>>,
    drain_ntt: Constant<Bits<5>>,
    drain_pointwise: Constant<Bits<5>>,
    // State and the running operation.
    state: DFF<State>,
    inv: DFF<Bit>,
    pw: DFF<Bit>,
    n_half: DFF<Bits<INDEX_BITS>>,
    gap_len: DFF<Bits<5>>,
    countdown: DFF<Bits<5>>,
    // Loop counters: distance h, groups m, offset k in the group, the
    // group's first index, the twiddle index, issues in this stage.
    h: DFF<Bits<INDEX_BITS>>,
    m: DFF<Bits<INDEX_BITS>>,
    k: DFF<Bits<INDEX_BITS>>,
    base: DFF<Bits<INDEX_BITS>>,
    tw: DFF<Bits<INDEX_BITS>>,
    count: DFF<Bits<INDEX_BITS>>,
    // Registered outputs.
    done_r: DFF<Bit>,
    valid_r: DFF<Bit>,
    i_r: DFF<Bits<INDEX_BITS>>,
    j_r: DFF<Bits<INDEX_BITS>>,
    tw_r: DFF<Bits<INDEX_BITS>>,
    // Combinational helpers.
    n: Signal<Local, Bits<INDEX_BITS>>,
    n_quarter: Signal<Local, Bits<INDEX_BITS>>,
    gap_diff: Signal<Local, Bits<INDEX_BITS>>,
    idx: Signal<Local, Bits<INDEX_BITS>>,
    count_next: Signal<Local, Bits<INDEX_BITS>>,
    k_next: Signal<Local, Bits<INDEX_BITS>>,
    last_stage: Signal<Local, Bit>,
}

impl NttControl {
    /// A control for a datapath that writes an issue back `write_latency`
    /// rising edges after it was presented (`pointwise_write_latency` for
    /// pointwise products).
    pub fn new(write_latency: usize, pointwise_write_latency: usize) -> Self {
        assert!(write_latency + 1 < 32 && pointwise_write_latency + 1 < 32, "latencies too long for the counters");
        Self {
            clock: Default::default(),
            log_n: Default::default(),
            start: Default::default(),
            op: Default::default(),
            busy: Default::default(),
            done: Default::default(),
            inverse: Default::default(),
            pointwise: Default::default(),
            issue_valid: Default::default(),
            issue_i: Default::default(),
            issue_j: Default::default(),
            issue_tw: Default::default(),
            raw_distance: Constant::new(((write_latency + 1) as u64).into()),
            drain_ntt: Constant::new(((write_latency + 1) as u64).into()),
            drain_pointwise: Constant::new(((pointwise_write_latency + 1) as u64).into()),
            state: Default::default(),
            inv: Default::default(),
            pw: Default::default(),
            n_half: Default::default(),
            gap_len: Default::default(),
            countdown: Default::default(),
            h: Default::default(),
            m: Default::default(),
            k: Default::default(),
            base: Default::default(),
            tw: Default::default(),
            count: Default::default(),
            done_r: Default::default(),
            valid_r: Default::default(),
            i_r: Default::default(),
            j_r: Default::default(),
            tw_r: Default::default(),
            n: Default::default(),
            n_quarter: Default::default(),
            gap_diff: Default::default(),
            idx: Default::default(),
            count_next: Default::default(),
            k_next: Default::default(),
            last_stage: Default::default(),
        }
    }

    /// Stage-boundary idle cycles for degree `2^log_n` (see the type docs).
    pub fn gap_cycles(log_n: u32, write_latency: usize) -> usize {
        (write_latency + 1).saturating_sub((1usize << log_n) / 4)
    }

    /// Cycles from `start` (the edge that samples it) to `done`, for a
    /// forward or inverse NTT of degree `2^log_n`.
    pub fn ntt_cycles(log_n: u32, write_latency: usize) -> usize {
        let stages = log_n as usize;
        // One cycle to leave Idle, the issues, the gaps, the drain.
        1 + stages * (1 << (log_n - 1)) + (stages - 1) * Self::gap_cycles(log_n, write_latency) + write_latency + 1
    }
}

impl Logic for NttControl {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, state, inv, pw, n_half, gap_len, countdown, h, m, k, base, tw, count, done_r, valid_r, i_r,
            j_r, tw_r
        );
        self.n.next = bits::<INDEX_BITS>(1) << self.log_n.val();
        self.n_quarter.next = self.n.val() >> 2;
        self.gap_diff.next = self.raw_distance.val() - self.n_quarter.val();
        self.idx.next = self.base.q.val() + self.k.q.val();
        self.count_next.next = self.count.q.val() + 1;
        self.k_next.next = self.k.q.val() + 1;
        self.last_stage.next = (self.inv.q.val() && (self.h.q.val() == self.n_half.q.val()))
            || (!self.inv.q.val() && (self.h.q.val() == 1));
        self.valid_r.d.next = false;
        self.done_r.d.next = false;
        match self.state.q.val() {
            State::Idle => {
                if self.start.val() && !(self.op.val().get_bit(0) && self.op.val().get_bit(1)) {
                    self.inv.d.next = self.op.val().get_bit(0);
                    self.pw.d.next = self.op.val().get_bit(1);
                    self.count.d.next = 0.into();
                    self.k.d.next = 0.into();
                    self.base.d.next = 0.into();
                    self.n_half.d.next = self.n.val() >> 1;
                    if self.n_quarter.val() >= self.raw_distance.val() {
                        self.gap_len.d.next = 0.into();
                    } else {
                        self.gap_len.d.next = self.gap_diff.val().get_bits::<5>(0);
                    }
                    if self.op.val().get_bit(1) {
                        self.state.d.next = State::Pointwise;
                    } else if self.op.val().get_bit(0) {
                        self.h.d.next = 1.into();
                        self.m.d.next = self.n.val() >> 1;
                        self.tw.d.next = self.n.val() >> 1;
                        self.state.d.next = State::Run;
                    } else {
                        self.h.d.next = self.n.val() >> 1;
                        self.m.d.next = 1.into();
                        self.tw.d.next = 1.into();
                        self.state.d.next = State::Run;
                    }
                }
            }
            State::Run => {
                self.valid_r.d.next = true;
                self.i_r.d.next = self.idx.val();
                self.j_r.d.next = self.idx.val() + self.h.q.val();
                self.tw_r.d.next = self.tw.q.val();
                if self.count_next.val() == self.n_half.q.val() {
                    if self.last_stage.val() {
                        self.countdown.d.next = self.drain_ntt.val();
                        self.state.d.next = State::Drain;
                    } else {
                        if self.inv.q.val() {
                            self.h.d.next = self.h.q.val() << 1;
                            self.m.d.next = self.m.q.val() >> 1;
                            self.tw.d.next = self.m.q.val() >> 1;
                        } else {
                            self.h.d.next = self.h.q.val() >> 1;
                            self.m.d.next = self.m.q.val() << 1;
                            self.tw.d.next = self.m.q.val() << 1;
                        }
                        self.k.d.next = 0.into();
                        self.base.d.next = 0.into();
                        self.count.d.next = 0.into();
                        if self.gap_len.q.val().any() {
                            self.countdown.d.next = self.gap_len.q.val();
                            self.state.d.next = State::Gap;
                        }
                    }
                } else {
                    self.count.d.next = self.count_next.val();
                    if self.k_next.val() == self.h.q.val() {
                        self.k.d.next = 0.into();
                        self.base.d.next = self.base.q.val() + (self.h.q.val() << 1);
                        self.tw.d.next = self.tw.q.val() + 1;
                    } else {
                        self.k.d.next = self.k_next.val();
                    }
                }
            }
            State::Gap => {
                self.countdown.d.next = self.countdown.q.val() - 1;
                if self.countdown.q.val() == 1 {
                    self.state.d.next = State::Run;
                }
            }
            State::Pointwise => {
                self.valid_r.d.next = true;
                self.i_r.d.next = self.count.q.val();
                self.j_r.d.next = self.count.q.val();
                self.tw_r.d.next = 0.into();
                self.count.d.next = self.count_next.val();
                if self.count_next.val() == self.n.val() {
                    self.countdown.d.next = self.drain_pointwise.val();
                    self.state.d.next = State::Drain;
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
        self.issue_valid.next = self.valid_r.q.val();
        self.issue_i.next = self.i_r.q.val();
        self.issue_j.next = self.j_r.q.val();
        self.issue_tw.next = self.tw_r.q.val();
    }
}
