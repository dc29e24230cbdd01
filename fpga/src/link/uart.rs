//! [`UartTx`] and [`UartRx`]: the byte link to the host as a UART (8 data
//! bits, no parity, one stop bit, least significant bit first), the
//! transport `--engine fpga:<port>` speaks through a USB serial adapter.

use rust_hdl::prelude::*;

/// Bits of the bit-period counter: up to 65535 clocks per bit (a 100 MHz
/// core down to about 1.5 kbaud).
pub const DIVIDER_BITS: usize = 16;

/// UART transmitter: takes a byte when `valid` and `ready` are both high
/// at a rising edge and shifts it out on `tx` as a start bit (low), eight
/// data bits (least significant first) and a stop bit (high), each
/// `clocks_per_bit` clocks long; `tx` idles high. `ready` is high exactly
/// while the line is idle. yosys 0.23 (`synth_ice40`): 39 SB_LUT4, 30
/// flip-flops.
#[derive(LogicBlock)]
pub struct UartTx {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// The byte to send.
    pub data: Signal<In, Bits<8>>,
    /// `data` is valid.
    pub valid: Signal<In, Bit>,
    /// A byte is taken at the next rising edge if valid.
    pub ready: Signal<Out, Bit>,
    /// The serial line.
    pub tx: Signal<Out, Bit>,
    clocks_per_bit: Constant<Bits<DIVIDER_BITS>>,
    shift: DFF<Bits<10>>,
    bits_left: DFF<Bits<4>>,
    timer: DFF<Bits<DIVIDER_BITS>>,
}

impl UartTx {
    /// A transmitter sending one bit every `clocks_per_bit` clocks (at
    /// least 2), e.g. `f_clk / baud`.
    pub fn new(clocks_per_bit: u16) -> Self {
        assert!(clocks_per_bit >= 2, "a bit needs at least two clocks");
        Self {
            clock: Default::default(),
            data: Default::default(),
            valid: Default::default(),
            ready: Default::default(),
            tx: Default::default(),
            clocks_per_bit: Constant::new(u64::from(clocks_per_bit).into()),
            shift: Default::default(),
            bits_left: Default::default(),
            timer: Default::default(),
        }
    }
}

impl Logic for UartTx {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, shift, bits_left, timer);
        self.ready.next = self.bits_left.q.val() == 0;
        // Idle: the shift register is empty and the line high.
        self.tx.next = true;
        if self.bits_left.q.val() != 0 {
            self.tx.next = self.shift.q.val().get_bit(0);
            if self.timer.q.val() + 1 == self.clocks_per_bit.val() {
                self.timer.d.next = 0.into();
                self.shift.d.next = self.shift.q.val() >> 1;
                self.bits_left.d.next = self.bits_left.q.val() - 1;
            } else {
                self.timer.d.next = self.timer.q.val() + 1;
            }
        } else if self.valid.val() {
            // Stop bit, data, start bit (sent first).
            self.shift.d.next = bit_cast::<10, 9>(bit_cast::<9, 8>(self.data.val()) | bits::<9>(0x100)) << 1;
            self.bits_left.d.next = 10.into();
            self.timer.d.next = 0.into();
        }
    }
}

/// UART receiver: synchronises `rx` with two flip-flops, waits for a start
/// bit (a falling edge held for half a bit), samples each data bit in its
/// middle, and checks the stop bit. Each byte appears on `data` with
/// `valid` high for one cycle; a low stop bit (a framing error: wrong
/// baud rate, or a break) raises `framing_error` for one cycle instead, and
/// the byte is dropped. yosys 0.23 (`synth_ice40`): 70 SB_LUT4, 32
/// flip-flops.
#[derive(LogicBlock)]
pub struct UartRx {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// The serial line (asynchronous to `clock`).
    pub rx: Signal<In, Bit>,
    /// The byte received.
    pub data: Signal<Out, Bits<8>>,
    /// `data` is new (one cycle).
    pub valid: Signal<Out, Bit>,
    /// The last frame's stop bit was low (one cycle).
    pub framing_error: Signal<Out, Bit>,
    clocks_per_bit: Constant<Bits<DIVIDER_BITS>>,
    half_bit: Constant<Bits<DIVIDER_BITS>>,
    sync0: DFF<Bit>,
    sync1: DFF<Bit>,
    // 0: idle; 1: start bit; 2..=9: data bits; 10: stop bit.
    phase: DFF<Bits<4>>,
    timer: DFF<Bits<DIVIDER_BITS>>,
    shift: DFF<Bits<8>>,
    valid_r: DFF<Bit>,
    error_r: DFF<Bit>,
}

impl UartRx {
    /// A receiver for bits `clocks_per_bit` clocks long (at least 4, so
    /// the middle of a bit is well defined after the two-stage
    /// synchroniser).
    pub fn new(clocks_per_bit: u16) -> Self {
        assert!(clocks_per_bit >= 4, "a bit needs at least four clocks");
        Self {
            clock: Default::default(),
            rx: Default::default(),
            data: Default::default(),
            valid: Default::default(),
            framing_error: Default::default(),
            clocks_per_bit: Constant::new(u64::from(clocks_per_bit).into()),
            half_bit: Constant::new(u64::from(clocks_per_bit / 2).into()),
            sync0: Default::default(),
            sync1: Default::default(),
            phase: Default::default(),
            timer: Default::default(),
            shift: Default::default(),
            valid_r: Default::default(),
            error_r: Default::default(),
        }
    }
}

impl Logic for UartRx {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, sync0, sync1, phase, timer, shift, valid_r, error_r);
        self.sync0.d.next = self.rx.val();
        self.sync1.d.next = self.sync0.q.val();
        self.valid_r.d.next = false;
        self.error_r.d.next = false;
        if self.phase.q.val() == 0 {
            // A low line starts a frame; confirm it half a bit later.
            if !self.sync1.q.val() {
                self.phase.d.next = 1.into();
                self.timer.d.next = 1.into();
            }
        } else if self.phase.q.val() == 1 {
            if self.timer.q.val() == self.half_bit.val() {
                if self.sync1.q.val() {
                    // A glitch, not a start bit.
                    self.phase.d.next = 0.into();
                } else {
                    self.phase.d.next = 2.into();
                    self.timer.d.next = 1.into();
                }
            } else {
                self.timer.d.next = self.timer.q.val() + 1;
            }
        } else if self.timer.q.val() == self.clocks_per_bit.val() {
            // The middle of the next bit.
            self.timer.d.next = 1.into();
            if self.phase.q.val() == 10 {
                self.phase.d.next = 0.into();
                if self.sync1.q.val() {
                    self.valid_r.d.next = true;
                } else {
                    self.error_r.d.next = true;
                }
            } else {
                if self.sync1.q.val() {
                    self.shift.d.next = (self.shift.q.val() >> 1) | bits::<8>(0x80);
                } else {
                    self.shift.d.next = self.shift.q.val() >> 1;
                }
                self.phase.d.next = self.phase.q.val() + 1;
            }
        } else {
            self.timer.d.next = self.timer.q.val() + 1;
        }
        self.data.next = self.shift.q.val();
        self.valid.next = self.valid_r.q.val();
        self.framing_error.next = self.error_r.q.val();
    }
}

#[cfg(test)]
mod tests;
