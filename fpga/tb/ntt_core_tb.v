// Hand-written Icarus Verilog testbench for the generated NttCore (`top`).
//
// program.hex: one host command per line, {kind[2:0], flag, op[1:0],
// index[13:0], data[61:0]} (see polyhe_fpga::ntt::sim::Command::encode):
//   0 config    cfg_addr = index[2:0], cfg_data = data[31:0]
//   1 twiddle   tw_inverse = flag, tw_index = index, {tw_w_shoup, tw_w} = data
//   2 write     coef_slot = flag, coef_index = index, coef_data = data[29:0]
//   3 read      coef_slot = flag, coef_index = index; the answer must equal
//               data[29:0] (compared bit for bit with !==)
//   4 run       start with op, op_slot = flag; wait for done, print
//               "op <k> cycles <c>" (edges from start to done)
// Each command is driven while the clock is low and sampled at the next
// rising edge. Prints "PASS <reads checked>" when every read matched,
// otherwise FAIL lines.
`timescale 1ns / 1ps
module tb;
    parameter N = 1;            // number of commands (set with -P)
    parameter READ_LATENCY = 2; // NttCore::READ_LATENCY
    parameter MAX_WAIT = 200000;

    reg clock = 1'b0;
    reg cfg_write = 1'b0;
    reg [2:0] cfg_addr = 3'd0;
    reg [31:0] cfg_data = 32'd0;
    reg tw_write = 1'b0;
    reg tw_inverse = 1'b0;
    reg [13:0] tw_index = 14'd0;
    reg [29:0] tw_w = 30'd0;
    reg [31:0] tw_w_shoup = 32'd0;
    reg coef_write = 1'b0;
    reg coef_read = 1'b0;
    reg coef_slot = 1'b0;
    reg [13:0] coef_index = 14'd0;
    reg [29:0] coef_data = 30'd0;
    reg start = 1'b0;
    reg [1:0] op = 2'd0;
    reg op_slot = 1'b0;
    wire [29:0] coef_rdata;
    wire coef_rvalid;
    wire busy;
    wire done;

    reg [81:0] prog [0:N-1];
    reg [2:0] kind;
    reg flag;
    reg [1:0] opc;
    reg [13:0] index;
    reg [61:0] data;
    integer i, k, errors, checked, ops, cycles;

    top dut (
        .clock(clock), .cfg_write(cfg_write), .cfg_addr(cfg_addr), .cfg_data(cfg_data),
        .tw_write(tw_write), .tw_inverse(tw_inverse), .tw_index(tw_index), .tw_w(tw_w),
        .tw_w_shoup(tw_w_shoup), .coef_write(coef_write), .coef_read(coef_read),
        .coef_slot(coef_slot), .coef_index(coef_index), .coef_data(coef_data),
        .coef_rdata(coef_rdata), .coef_rvalid(coef_rvalid), .start(start), .op(op),
        .op_slot(op_slot), .busy(busy), .done(done)
    );

    always #5 clock = ~clock;

    initial begin
        $readmemh("program.hex", prog);
        errors = 0;
        checked = 0;
        ops = 0;
        @(negedge clock);
        for (i = 0; i < N; i = i + 1) begin
            {kind, flag, opc, index, data} = prog[i];
            case (kind)
                3'd0: begin cfg_addr = index[2:0]; cfg_data = data[31:0]; cfg_write = 1'b1; end
                3'd1: begin
                    tw_inverse = flag; tw_index = index; {tw_w_shoup, tw_w} = data; tw_write = 1'b1;
                end
                3'd2: begin coef_slot = flag; coef_index = index; coef_data = data[29:0]; coef_write = 1'b1; end
                3'd3: begin coef_slot = flag; coef_index = index; coef_read = 1'b1; end
                3'd4: begin op = opc; op_slot = flag; start = 1'b1; end
                default: begin end
            endcase
            @(posedge clock);
            @(negedge clock);
            {cfg_write, tw_write, coef_write, coef_read, start} = 5'd0;
            if (kind == 3'd3) begin
                // Not pipelined here: wait for this read's answer.
                for (k = 1; k < READ_LATENCY; k = k + 1) begin
                    @(posedge clock);
                    @(negedge clock);
                end
                if (coef_rvalid !== 1'b1 || coef_rdata !== data[29:0]) begin
                    errors = errors + 1;
                    if (errors <= 10)
                        $display("FAIL command %0d: read slot %0d index %0d expected %h, got valid=%b data=%h",
                                 i, flag, index, data[29:0], coef_rvalid, coef_rdata);
                end else begin
                    checked = checked + 1;
                end
            end
            if (kind == 3'd4) begin
                cycles = 1;
                while (done !== 1'b1 && cycles < MAX_WAIT) begin
                    @(posedge clock);
                    @(negedge clock);
                    cycles = cycles + 1;
                end
                if (done !== 1'b1) begin
                    errors = errors + 1;
                    $display("FAIL command %0d: operation never finished", i);
                end
                $display("op %0d cycles %0d", ops, cycles);
                ops = ops + 1;
            end
        end
        if (errors == 0)
            $display("PASS %0d", checked);
        else
            $display("FAIL %0d errors", errors);
        $finish;
    end
endmodule
