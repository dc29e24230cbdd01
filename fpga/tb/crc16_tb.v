// Hand-written Icarus Verilog testbench for the generated Crc16 (`top`).
//
// in.hex : one line per clock slot, {valid_in, clear, byte[7:0]}
// out.hex: the software model's answer for the same slot, {valid, crc[15:0]}
//          (crc ignored when valid = 0)
// Slot i is driven while the clock is low and captured at rising edge i; its
// result is compared LATENCY clocks later, bit for bit (!==, so X fails too).
// Prints "PASS <checked>" when every slot matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;        // number of slots in in.hex / out.hex (set with -P)
    parameter LATENCY = 1;  // Crc16::LATENCY

    reg clock = 1'b0;
    reg valid_in = 1'b0;
    reg clear = 1'b0;
    reg [7:0] byte_in = 8'd0;
    wire [15:0] crc;
    wire valid_out;

    reg [9:0] vin [0:N-1];
    reg [16:0] vout [0:N-1];
    integer i, j, errors, checked;

    top dut (
        .clock(clock), .valid_in(valid_in), .clear(clear), .data(byte_in),
        .crc(crc), .valid_out(valid_out)
    );

    always #5 clock = ~clock;

    initial begin
        $readmemh("in.hex", vin);
        $readmemh("out.hex", vout);
        errors = 0;
        checked = 0;
        for (i = 0; i < N + LATENCY; i = i + 1) begin
            if (i >= LATENCY) begin
                j = i - LATENCY;
                if (valid_out !== vout[j][16] || (vout[j][16] && crc !== vout[j][15:0])) begin
                    errors = errors + 1;
                    if (errors <= 10)
                        $display("FAIL slot %0d: expected valid=%b crc=%h, got valid=%b crc=%h",
                                 j, vout[j][16], vout[j][15:0], valid_out, crc);
                end else if (vout[j][16]) begin
                    checked = checked + 1;
                end
            end
            if (i < N)
                {valid_in, clear, byte_in} = vin[i];
            else
                {valid_in, clear, byte_in} = 10'd0;
            @(posedge clock);
            @(negedge clock);
        end
        if (errors == 0)
            $display("PASS %0d", checked);
        else
            $display("FAIL %0d mismatching slots", errors);
        $finish;
    end
endmodule
