// Hand-written Icarus Verilog testbench for the generated FrameReceiver (`top`).
//
// in.hex : one line per clock slot, {valid_in, data[7:0]}
// out.hex: per slot, {valid, want[48:0], mask[48:0]} where want and mask
//          are {kind[2:0], byte_out[7:0], index[10:0], seq[7:0],
//          opcode[7:0], len[10:0]}; only the bits set in mask are compared
//          (the fields an event defines).
// Slot i is driven while the clock is low and captured at rising edge i; its
// result is compared LATENCY clocks later (!==, so X fails too).
// Prints "PASS <checked>" when every slot matched, otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;        // number of slots (set with -P)
    parameter LATENCY = 1;  // FrameReceiver::LATENCY

    reg clock = 1'b0;
    reg valid_in = 1'b0;
    reg [7:0] data = 8'd0;
    wire valid_out;
    wire [2:0] kind;
    wire [7:0] byte_out;
    wire [10:0] index;
    wire [7:0] seq;
    wire [7:0] opcode;
    wire [10:0] len;
    wire [48:0] got = {kind, byte_out, index, seq, opcode, len};

    reg [8:0] vin [0:N-1];
    reg [98:0] vout [0:N-1];
    integer i, j, errors, checked;

    top dut (
        .clock(clock), .valid_in(valid_in), .data(data), .valid_out(valid_out),
        .kind(kind), .byte_out(byte_out), .index(index), .seq(seq), .opcode(opcode), .len(len)
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
                if (valid_out !== vout[j][98]
                    || (vout[j][98] && (got & vout[j][48:0]) !== (vout[j][97:49] & vout[j][48:0]))) begin
                    errors = errors + 1;
                    if (errors <= 10)
                        $display("FAIL slot %0d: expected valid=%b %h (mask %h), got valid=%b %h",
                                 j, vout[j][98], vout[j][97:49], vout[j][48:0], valid_out, got);
                end else if (vout[j][98]) begin
                    checked = checked + 1;
                end
            end
            if (i < N)
                {valid_in, data} = vin[i];
            else
                {valid_in, data} = 9'd0;
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
