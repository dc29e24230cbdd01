//! [`TwiddleBank`]: one lean twiddle bank, `2^T` words of 30 bits, in
//! block RAM or in the iCE40 UP5K's single-port SPRAM (`SB_SPRAM256KA`).

use std::collections::BTreeMap;

use rust_hdl::prelude::*;

use crate::arith::RESIDUE_BITS;

/// One twiddle bank of the lean core: a synchronous-read memory of `2^T`
/// 30-bit words (`T <= 14`), read while the core runs and written while it
/// is idle (the core never needs both in one cycle).
///
/// - [`TwiddleBank::block_ram`]: a dual-port memory that synthesis maps to
///   block RAM (SB_RAM40_4K on iCE40: 2048 x 30 bits take 15).
/// - [`TwiddleBank::spram`]: two `SB_SPRAM256KA` (16K x 16 each, single
///   port) side by side; the address is the write address on a write, the
///   read address otherwise, and the read word is undefined after a write
///   cycle (as in the primitive; the simulation gives 0). For `yosys`
///   (which defines `SYNTHESIS`) the primitive is declared a black box and
///   `synth_ice40` maps it; for simulators (Icarus, Verilator) the
///   generated Verilog carries a behavioural model of it.
///
/// The rust-hdl simulation is the same for both apart from that undefined
/// word: it reads the old word when a read and a write meet.
#[derive(LogicBlock)]
pub struct TwiddleBank<const T: usize> {
    /// Clock; reads and writes on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Word to read (its data arrives one edge later).
    pub read_address: Signal<In, Bits<T>>,
    /// The word read.
    pub read_data: Signal<Out, Bits<RESIDUE_BITS>>,
    /// Word to write.
    pub write_address: Signal<In, Bits<T>>,
    /// Data to write, below `2^30`.
    pub write_data: Signal<In, Bits<RESIDUE_BITS>>,
    /// Write strobe.
    pub write_enable: Signal<In, Bit>,
    _spram: bool,
    _sim: BTreeMap<Bits<T>, Bits<RESIDUE_BITS>>,
}

/// The black-box declaration (synthesis) or behavioural model (simulation)
/// of `SB_SPRAM256KA`: 16K x 16, registered read, a write leaves the
/// output undefined, nibble write mask, inactive when not selected, in
/// standby or sleep, or powered off.
const SPRAM_CORES: &str = r#"
`ifdef SYNTHESIS
(* blackbox *)
module SB_SPRAM256KA(input [13:0] ADDRESS, input [15:0] DATAIN, input [3:0] MASKWREN, input WREN,
    input CHIPSELECT, input CLOCK, input STANDBY, input SLEEP, input POWEROFF, output [15:0] DATAOUT);
endmodule
`else
module SB_SPRAM256KA(input [13:0] ADDRESS, input [15:0] DATAIN, input [3:0] MASKWREN, input WREN,
    input CHIPSELECT, input CLOCK, input STANDBY, input SLEEP, input POWEROFF, output [15:0] DATAOUT);
    reg [15:0] words [0:16383];
    reg [15:0] out_q;
    reg [15:0] merged;
    assign DATAOUT = out_q;
    always @(posedge CLOCK) begin
        if (CHIPSELECT && !STANDBY && !SLEEP && POWEROFF) begin
            if (WREN) begin
                merged = words[ADDRESS];
                if (MASKWREN[0]) merged[3:0] = DATAIN[3:0];
                if (MASKWREN[1]) merged[7:4] = DATAIN[7:4];
                if (MASKWREN[2]) merged[11:8] = DATAIN[11:8];
                if (MASKWREN[3]) merged[15:12] = DATAIN[15:12];
                words[ADDRESS] <= merged;
                out_q <= 16'bx;
            end else begin
                out_q <= words[ADDRESS];
            end
        end
    end
endmodule
`endif
"#;

impl<const T: usize> TwiddleBank<T> {
    /// A bank in block RAM.
    pub fn block_ram() -> Self {
        Self::with_kind(false)
    }

    /// A bank in two `SB_SPRAM256KA` (iCE40 UP5K).
    pub fn spram() -> Self {
        Self::with_kind(true)
    }

    fn with_kind(spram: bool) -> Self {
        assert!((1..=14).contains(&T), "a twiddle bank has 2 to 16K words (T = 1..=14)");
        Self {
            clock: Default::default(),
            read_address: Default::default(),
            read_data: Default::default(),
            write_address: Default::default(),
            write_data: Default::default(),
            write_enable: Default::default(),
            _spram: spram,
            _sim: BTreeMap::new(),
        }
    }

    /// Whether the bank is in SPRAM.
    pub fn is_spram(&self) -> bool {
        self._spram
    }
}

impl<const T: usize> Logic for TwiddleBank<T> {
    fn update(&mut self) {
        if self.clock.pos_edge() {
            let old = self._sim.get(&self.read_address.val()).copied().unwrap_or_default();
            if self.write_enable.val() {
                self._sim.insert(self.write_address.val(), self.write_data.val());
                self.read_data.next = if self._spram { 0.into() } else { old };
            } else {
                self.read_data.next = old;
            }
        }
    }

    fn connect(&mut self) {
        self.read_data.connect();
    }

    fn hdl(&self) -> Verilog {
        if !self._spram {
            return Verilog::Custom(format!(
                "\
reg [{d}:0] mem [0:{last}];

always @(posedge clock) begin
   read_data <= mem[read_address];
end

always @(posedge clock) begin
   if (write_enable) begin
      mem[write_address] <= write_data;
   end
end
",
                d = RESIDUE_BITS - 1,
                last = (1usize << T) - 1
            ));
        }
        let pad = |x: &str| if T == 14 { x.to_string() } else { format!("{{{}'b0, {x}}}", 14 - T) };
        Verilog::Wrapper(Wrapper {
            code: format!(
                "\
wire [13:0] sp_address;
wire [15:0] sp_lo;
wire [15:0] sp_hi;
assign sp_address = write_enable ? {wa} : {ra};
SB_SPRAM256KA spram_lo (.ADDRESS(sp_address), .DATAIN(write_data[15:0]), .MASKWREN(4'b1111),
    .WREN(write_enable), .CHIPSELECT(1'b1), .CLOCK(clock), .STANDBY(1'b0), .SLEEP(1'b0),
    .POWEROFF(1'b1), .DATAOUT(sp_lo));
SB_SPRAM256KA spram_hi (.ADDRESS(sp_address), .DATAIN({{2'b00, write_data[29:16]}}), .MASKWREN(4'b1111),
    .WREN(write_enable), .CHIPSELECT(1'b1), .CLOCK(clock), .STANDBY(1'b0), .SLEEP(1'b0),
    .POWEROFF(1'b1), .DATAOUT(sp_hi));
assign read_data = {{sp_hi[13:0], sp_lo}};
",
                wa = pad("write_address"),
                ra = pad("read_address")
            ),
            cores: SPRAM_CORES.into(),
        })
    }
}
