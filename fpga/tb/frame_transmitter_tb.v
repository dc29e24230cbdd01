// Hand-written Icarus Verilog testbench for the generated FrameTransmitter
// (`top`): replays a per-cycle trace recorded from the rust-hdl simulation.
//
// in.hex : one line per cycle, {start, seq[7:0], opcode[7:0], status[7:0],
//          len[10:0], payload_valid, payload[7:0], out_ready}
// out.hex: the outputs the rust-hdl simulation showed in that cycle,
//          before its rising edge: {out_valid, out_data[7:0], payload_ready, busy}
// Inputs are applied after a falling edge and compared 1 ns later, bit for
// bit (!==, so X fails too); then the rising edge.
// Prints "PASS <cycles>" when every cycle matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;  // number of cycles (set with -P)

    reg clock = 1'b0;
    reg start = 1'b0;
    reg [7:0] seq = 8'd0;
    reg [7:0] opcode = 8'd0;
    reg [7:0] status = 8'd0;
    reg [10:0] len = 11'd0;
    reg payload_valid = 1'b0;
    reg [7:0] payload = 8'd0;
    reg out_ready = 1'b0;
    wire out_valid;
    wire [7:0] out_data;
    wire payload_ready;
    wire busy;

    reg [45:0] vin [0:N-1];
    reg [10:0] vout [0:N-1];
    integer i, errors, checked;

    top dut (
        .clock(clock), .start(start), .seq(seq), .opcode(opcode), .status(status), .len(len),
        .payload(payload), .payload_valid(payload_valid), .payload_ready(payload_ready),
        .out_data(out_data), .out_valid(out_valid), .out_ready(out_ready), .busy(busy)
    );

    initial begin
        $readmemh("in.hex", vin);
        $readmemh("out.hex", vout);
        errors = 0;
        checked = 0;
        for (i = 0; i < N; i = i + 1) begin
            {start, seq, opcode, status, len, payload_valid, payload, out_ready} = vin[i];
            #1;
            if ({out_valid, out_data, payload_ready, busy} !== vout[i]) begin
                errors = errors + 1;
                if (errors <= 10)
                    $display("FAIL cycle %0d: expected %h, got %h", i, vout[i],
                             {out_valid, out_data, payload_ready, busy});
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
