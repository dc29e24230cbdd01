// Hand-written Icarus Verilog testbench for the generated ModMul (`top`).
//
// in.hex : one line per clock slot,
//          {valid_in, modulus[29:0], a[31:0], w[29:0], w_shoup[31:0]}
// out.hex: the software model's answer for the same slot,
//          {valid, product[29:0]} (product ignored when valid = 0)
// Slot i is driven while the clock is low and captured at rising edge i; its
// result is compared LATENCY clocks later, bit for bit (!==, so X fails too).
// Prints "PASS <checked>" when every slot matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;        // number of slots in in.hex / out.hex (set with -P)
    parameter LATENCY = 5;  // ModMul::LATENCY

    reg clock = 1'b0;
    reg [29:0] modulus = 30'd0;
    reg [31:0] a = 32'd0;
    reg [29:0] w = 30'd0;
    reg [31:0] w_shoup = 32'd0;
    reg valid_in = 1'b0;
    wire [29:0] product;
    wire valid_out;

    reg [124:0] vin [0:N-1];
    reg [30:0] vout [0:N-1];
    integer i, j, errors, checked;

    top dut (
        .clock(clock), .modulus(modulus), .a(a), .w(w), .w_shoup(w_shoup), .valid_in(valid_in),
        .product(product), .valid_out(valid_out)
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
                if (valid_out !== vout[j][30] || (vout[j][30] && product !== vout[j][29:0])) begin
                    errors = errors + 1;
                    if (errors <= 10)
                        $display("FAIL slot %0d: expected valid=%b product=%h, got valid=%b product=%h",
                                 j, vout[j][30], vout[j][29:0], valid_out, product);
                end else if (vout[j][30]) begin
                    checked = checked + 1;
                end
            end
            if (i < N)
                {valid_in, modulus, a, w, w_shoup} = vin[i];
            else
                {valid_in, modulus, a, w, w_shoup} = 125'd0;
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
