// Hand-written Icarus Verilog testbench replaying a per-cycle trace of a
// generated block (`top`, behind the `wrap` module that fpga/src/link/trace.rs
// writes) with one clock, IN_W bits of inputs and OUT_W bits
// of outputs, recorded from the rust-hdl simulation.
//
// in.hex : one line per cycle, the inputs as `wrap` concatenates them
// out.hex: the outputs the rust-hdl simulation showed in that cycle, before
//          its rising edge
// Inputs are applied after a falling edge and compared 1 ns later, bit for
// bit (!==, so X fails too); then the rising edge.
// Prints "PASS <cycles>" when every cycle matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;       // number of cycles (set with -P)
    parameter IN_W = 1;    // input bits per line
    parameter OUT_W = 1;   // output bits per line

    reg clock = 1'b0;
    reg [IN_W-1:0] ins = 0;
    wire [OUT_W-1:0] outs;

    reg [IN_W-1:0] vin [0:N-1];
    reg [OUT_W-1:0] vout [0:N-1];
    integer i, errors, checked;

    wrap dut (.clock(clock), .ins(ins), .outs(outs));

    initial begin
        $readmemh("in.hex", vin);
        $readmemh("out.hex", vout);
        errors = 0;
        checked = 0;
        for (i = 0; i < N; i = i + 1) begin
            ins = vin[i];
            #1;
            if (outs !== vout[i]) begin
                errors = errors + 1;
                if (errors <= 10)
                    $display("FAIL cycle %0d: expected %h, got %h", i, vout[i], outs);
            end else begin
                checked = checked + 1;
            end
            #4 clock = 1'b1;
            #5 clock = 1'b0;
        end
        if (errors == 0)
            $display("PASS %0d", checked);
        else
            $display("FAIL %0d mismatching cycles", errors);
        $finish;
    end
endmodule
