// Hand-written Icarus Verilog testbench for the generated ModAdd (`top`).
//
// in.hex : one line per clock slot, {valid_in, modulus[29:0], a[29:0], b[29:0]}
// out.hex: the software model's answer for the same slot,
//          {valid, sum[29:0], diff[29:0]} (sum/diff ignored when valid = 0)
// Slot i is driven while the clock is low and captured at rising edge i; its
// result is compared LATENCY clocks later, bit for bit (!==, so X fails too).
// Prints "PASS <checked>" when every slot matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;        // number of slots in in.hex / out.hex (set with -P)
    parameter LATENCY = 2;  // ModAdd::LATENCY

    reg clock = 1'b0;
    reg [29:0] modulus = 30'd0;
    reg [29:0] a = 30'd0;
    reg [29:0] b = 30'd0;
    reg valid_in = 1'b0;
    wire [29:0] sum;
    wire [29:0] diff;
    wire valid_out;

    reg [90:0] vin [0:N-1];
    reg [60:0] vout [0:N-1];
    integer i, j, errors, checked;

    top dut (
        .clock(clock), .modulus(modulus), .a(a), .b(b), .valid_in(valid_in),
        .sum(sum), .diff(diff), .valid_out(valid_out)
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
                if (valid_out !== vout[j][60] || (vout[j][60] && {sum, diff} !== vout[j][59:0])) begin
                    errors = errors + 1;
                    if (errors <= 10)
                        $display("FAIL slot %0d: expected valid=%b sum=%h diff=%h, got valid=%b sum=%h diff=%h",
                                 j, vout[j][60], vout[j][59:30], vout[j][29:0], valid_out, sum, diff);
                end else if (vout[j][60]) begin
                    checked = checked + 1;
                end
            end
            if (i < N)
                {valid_in, modulus, a, b} = vin[i];
            else
                {valid_in, modulus, a, b} = 91'd0;
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
