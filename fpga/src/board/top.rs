//! [`Board`]: the frame interpreter on a serial line.

use rust_hdl::prelude::*;

use super::FrameInterpreter13;
use crate::link::{UartRx, UartTx};

/// The accelerator's top level for a board with a UART: 8N1 bytes on
/// `uart_rx` go to a [`FrameInterpreter13`] (bytes with a framing error are
/// dropped, so the frame they belonged to fails its CRC and is answered
/// `BadCrc`; a frame cut short is abandoned after
/// [`Board::IDLE_TIMEOUT_BYTES`] byte times of silence), its response
/// bytes leave on `uart_tx`. The host's
/// `--engine fpga:PORT` driver speaks to exactly this.
#[derive(LogicBlock)]
pub struct Board {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Serial input (idle high).
    pub uart_rx: Signal<In, Bit>,
    /// Serial output (idle high).
    pub uart_tx: Signal<Out, Bit>,
    /// A request is being carried out (for an LED).
    pub busy: Signal<Out, Bit>,
    rx: UartRx,
    tx: UartTx,
    interpreter: FrameInterpreter13,
}

impl Board {
    /// Byte times (10 bits each) without a byte after which a frame cut
    /// short is abandoned: far above the gaps inside a frame a host
    /// leaves, far below its response timeout (hundreds of byte times).
    pub const IDLE_TIMEOUT_BYTES: u32 = 32;

    /// A board whose serial bits are `clocks_per_bit` clocks long (clock
    /// frequency / baud rate, at least 4).
    pub fn new(clocks_per_bit: u16) -> Self {
        Self {
            clock: Default::default(),
            uart_rx: Default::default(),
            uart_tx: Default::default(),
            busy: Default::default(),
            rx: UartRx::new(clocks_per_bit),
            tx: UartTx::new(clocks_per_bit),
            interpreter: FrameInterpreter13::with_idle_timeout(
                u32::from(clocks_per_bit) * Self::IDLE_TIMEOUT_BYTES * 10,
            ),
        }
    }
}

impl Logic for Board {
    #[hdl_gen]
    fn update(&mut self) {
        clock!(self, clock, rx, tx, interpreter);
        self.rx.rx.next = self.uart_rx.val();
        self.interpreter.rx_valid.next = self.rx.valid.val();
        self.interpreter.rx_data.next = self.rx.data.val();
        self.tx.data.next = self.interpreter.tx_data.val();
        self.tx.valid.next = self.interpreter.tx_valid.val();
        self.interpreter.tx_ready.next = self.tx.ready.val();
        self.uart_tx.next = self.tx.tx.val();
        self.busy.next = self.interpreter.busy.val();
    }
}
