

module top(clock,cfg_write,cfg_addr,cfg_data,tw_write,tw_inverse,tw_index,tw_w,tw_w_shoup,coef_write,coef_read,coef_slot,coef_index,coef_data,coef_rdata,coef_rvalid,start,op,op_slot,busy,done);
    
    // Module arguments
    input wire  clock;
    input wire  cfg_write;
    input wire  [2:0] cfg_addr;
    input wire  [31:0] cfg_data;
    input wire  tw_write;
    input wire  tw_inverse;
    input wire  [13:0] tw_index;
    input wire  [29:0] tw_w;
    input wire  [31:0] tw_w_shoup;
    input wire  coef_write;
    input wire  coef_read;
    input wire  coef_slot;
    input wire  [13:0] coef_index;
    input wire  [29:0] coef_data;
    output reg  [29:0] coef_rdata;
    output reg  coef_rvalid;
    input wire  start;
    input wire  [1:0] op;
    input wire  op_slot;
    output reg  busy;
    output reg  done;
    
    // Constant declarations
    localparam  lane_mask = 14'b0;
    localparam  lane_bits = 4'h0;
    
    // Stub signals
    reg  control$clock;
    reg  [3:0] control$log_n;
    reg  control$start;
    reg  [1:0] control$op;
    wire  control$busy;
    wire  control$done;
    wire  control$inverse;
    wire  control$pointwise;
    wire  [13:0] control$n;
    wire  control$issue_valid;
    wire  [13:0] control$issue_base;
    wire  [3:0] control$issue_w;
    wire  [3:0] control$issue_d;
    wire  [3:0] control$issue_s;
    reg  lanes$0$clock;
    reg  lanes$0$issue_valid;
    reg  [13:0] lanes$0$issue_base;
    reg  [3:0] lanes$0$issue_w;
    reg  [3:0] lanes$0$issue_d;
    reg  [3:0] lanes$0$issue_s;
    reg  [13:0] lanes$0$n;
    reg  lanes$0$inverse;
    reg  lanes$0$pointwise;
    reg  lanes$0$clear;
    wire  [7:0] lanes$0$tw_sel;
    wire  [10:0] lanes$0$tw_addr;
    wire  [7:0] lanes$0$tw_rsel;
    reg  [29:0] lanes$0$tw_data;
    wire  [7:0] lanes$0$sel_x;
    wire  [8:0] lanes$0$addr_x;
    wire  [7:0] lanes$0$sel_y;
    wire  [8:0] lanes$0$addr_y;
    wire  [7:0] lanes$0$rsel_x;
    wire  [7:0] lanes$0$rsel_y;
    reg  [29:0] lanes$0$x_cur;
    reg  [29:0] lanes$0$y_cur;
    reg  [29:0] lanes$0$x_oth;
    wire  lanes$0$wb_valid;
    wire  [7:0] lanes$0$wb_sel_x;
    wire  [7:0] lanes$0$wb_sel_y;
    wire  [8:0] lanes$0$wb_addr_x;
    wire  [8:0] lanes$0$wb_addr_y;
    wire  [29:0] lanes$0$wb_x;
    wire  [29:0] lanes$0$wb_y;
    wire  lanes$0$bf_valid;
    wire  [29:0] lanes$0$bf_x;
    wire  [29:0] lanes$0$bf_y;
    wire  [29:0] lanes$0$bf_tw;
    reg  [29:0] lanes$0$bf_x_out;
    reg  [29:0] lanes$0$bf_y_out;
    reg  bflies$0$clock;
    reg  [29:0] bflies$0$modulus;
    reg  bflies$0$inverse;
    reg  bflies$0$pointwise;
    reg  [31:0] bflies$0$neg_inv;
    reg  [29:0] bflies$0$pw_const;
    reg  [29:0] bflies$0$x;
    reg  [29:0] bflies$0$y;
    reg  [29:0] bflies$0$w;
    reg  bflies$0$valid_in;
    reg  bflies$0$conv;
    reg  [29:0] bflies$0$conv_u;
    wire  [29:0] bflies$0$x_out;
    wire  [29:0] bflies$0$y_out;
    wire  bflies$0$valid_out;
    wire  [29:0] bflies$0$conv_out;
    reg  [8:0] mem0$0$read_address;
    reg  mem0$0$read_clock;
    wire  [29:0] mem0$0$read_data;
    reg  [8:0] mem0$0$write_address;
    reg  mem0$0$write_clock;
    reg  [29:0] mem0$0$write_data;
    reg  mem0$0$write_enable;
    reg  [8:0] mem0$1$read_address;
    reg  mem0$1$read_clock;
    wire  [29:0] mem0$1$read_data;
    reg  [8:0] mem0$1$write_address;
    reg  mem0$1$write_clock;
    reg  [29:0] mem0$1$write_data;
    reg  mem0$1$write_enable;
    reg  [8:0] mem1$0$read_address;
    reg  mem1$0$read_clock;
    wire  [29:0] mem1$0$read_data;
    reg  [8:0] mem1$0$write_address;
    reg  mem1$0$write_clock;
    reg  [29:0] mem1$0$write_data;
    reg  mem1$0$write_enable;
    reg  [8:0] mem1$1$read_address;
    reg  mem1$1$read_clock;
    wire  [29:0] mem1$1$read_data;
    reg  [8:0] mem1$1$write_address;
    reg  mem1$1$write_clock;
    reg  [29:0] mem1$1$write_data;
    reg  mem1$1$write_enable;
    reg  twiddles$0$clock;
    reg  [10:0] twiddles$0$read_address;
    wire  [29:0] twiddles$0$read_data;
    reg  [10:0] twiddles$0$write_address;
    reg  [29:0] twiddles$0$write_data;
    reg  twiddles$0$write_enable;
    reg  [13:0] host_map$index;
    wire  [7:0] host_map$onehot;
    wire  [8:0] host_map$addr;
    reg  [3:0] log_n$d;
    wire  [3:0] log_n$q;
    reg  log_n$clock;
    reg  [29:0] modulus$d;
    wire  [29:0] modulus$q;
    reg  modulus$clock;
    reg  [31:0] neg_inv$d;
    wire  [31:0] neg_inv$q;
    reg  neg_inv$clock;
    reg  [29:0] pw_const$d;
    wire  [29:0] pw_const$q;
    reg  pw_const$clock;
    reg  slot$d;
    wire  slot$q;
    reg  slot$clock;
    reg  rd_valid$d;
    wire  rd_valid$q;
    reg  rd_valid$clock;
    reg  rd_slot$d;
    wire  rd_slot$q;
    reg  rd_slot$clock;
    reg  [7:0] rd_sel$d;
    wire  [7:0] rd_sel$q;
    reg  rd_sel$clock;
    reg  [29:0] rdata$d;
    wire  [29:0] rdata$q;
    reg  rdata$clock;
    reg  rvalid$d;
    wire  rvalid$q;
    reg  rvalid$clock;
    reg  cv_valid$0$d;
    wire  cv_valid$0$q;
    reg  cv_valid$0$clock;
    reg  cv_valid$1$d;
    wire  cv_valid$1$q;
    reg  cv_valid$1$clock;
    reg  cv_valid$2$d;
    wire  cv_valid$2$q;
    reg  cv_valid$2$clock;
    reg  cv_tw$0$d;
    wire  cv_tw$0$q;
    reg  cv_tw$0$clock;
    reg  cv_tw$1$d;
    wire  cv_tw$1$q;
    reg  cv_tw$1$clock;
    reg  cv_tw$2$d;
    wire  cv_tw$2$q;
    reg  cv_tw$2$clock;
    reg  cv_inv$0$d;
    wire  cv_inv$0$q;
    reg  cv_inv$0$clock;
    reg  cv_inv$1$d;
    wire  cv_inv$1$q;
    reg  cv_inv$1$clock;
    reg  cv_inv$2$d;
    wire  cv_inv$2$q;
    reg  cv_inv$2$clock;
    reg  [10:0] cv_addr$0$d;
    wire  [10:0] cv_addr$0$q;
    reg  cv_addr$0$clock;
    reg  [10:0] cv_addr$1$d;
    wire  [10:0] cv_addr$1$q;
    reg  cv_addr$1$clock;
    reg  [10:0] cv_addr$2$d;
    wire  [10:0] cv_addr$2$q;
    reg  cv_addr$2$clock;
    reg  [7:0] cv_sel$0$d;
    wire  [7:0] cv_sel$0$q;
    reg  cv_sel$0$clock;
    reg  [7:0] cv_sel$1$d;
    wire  [7:0] cv_sel$1$q;
    reg  cv_sel$1$clock;
    reg  [7:0] cv_sel$2$d;
    wire  [7:0] cv_sel$2$q;
    reg  cv_sel$2$clock;
    
    // Local signals
    reg  host_ok;
    reg  cv_req;
    reg  [29:0] cv_u;
    reg  [29:0] cv_w;
    reg  [30:0] h1_sum;
    reg  [29:0] h1;
    reg  [30:0] h2_sum;
    reg  [29:0] h2;
    reg  [29:0] tw_stored;
    reg  [10:0] tw_addr;
    reg  [13:0] tw_row;
    reg  [13:0] tw_bank;
    reg  [7:0] tw_sel;
    
    // Sub module instances
    top$control control(
        .clock(control$clock),
        .log_n(control$log_n),
        .start(control$start),
        .op(control$op),
        .busy(control$busy),
        .done(control$done),
        .inverse(control$inverse),
        .pointwise(control$pointwise),
        .n(control$n),
        .issue_valid(control$issue_valid),
        .issue_base(control$issue_base),
        .issue_w(control$issue_w),
        .issue_d(control$issue_d),
        .issue_s(control$issue_s)
    );
    top$lanes$0 lanes$0(
        .clock(lanes$0$clock),
        .issue_valid(lanes$0$issue_valid),
        .issue_base(lanes$0$issue_base),
        .issue_w(lanes$0$issue_w),
        .issue_d(lanes$0$issue_d),
        .issue_s(lanes$0$issue_s),
        .n(lanes$0$n),
        .inverse(lanes$0$inverse),
        .pointwise(lanes$0$pointwise),
        .clear(lanes$0$clear),
        .tw_sel(lanes$0$tw_sel),
        .tw_addr(lanes$0$tw_addr),
        .tw_rsel(lanes$0$tw_rsel),
        .tw_data(lanes$0$tw_data),
        .sel_x(lanes$0$sel_x),
        .addr_x(lanes$0$addr_x),
        .sel_y(lanes$0$sel_y),
        .addr_y(lanes$0$addr_y),
        .rsel_x(lanes$0$rsel_x),
        .rsel_y(lanes$0$rsel_y),
        .x_cur(lanes$0$x_cur),
        .y_cur(lanes$0$y_cur),
        .x_oth(lanes$0$x_oth),
        .wb_valid(lanes$0$wb_valid),
        .wb_sel_x(lanes$0$wb_sel_x),
        .wb_sel_y(lanes$0$wb_sel_y),
        .wb_addr_x(lanes$0$wb_addr_x),
        .wb_addr_y(lanes$0$wb_addr_y),
        .wb_x(lanes$0$wb_x),
        .wb_y(lanes$0$wb_y),
        .bf_valid(lanes$0$bf_valid),
        .bf_x(lanes$0$bf_x),
        .bf_y(lanes$0$bf_y),
        .bf_tw(lanes$0$bf_tw),
        .bf_x_out(lanes$0$bf_x_out),
        .bf_y_out(lanes$0$bf_y_out)
    );
    top$bflies$0 bflies$0(
        .clock(bflies$0$clock),
        .modulus(bflies$0$modulus),
        .inverse(bflies$0$inverse),
        .pointwise(bflies$0$pointwise),
        .neg_inv(bflies$0$neg_inv),
        .pw_const(bflies$0$pw_const),
        .x(bflies$0$x),
        .y(bflies$0$y),
        .w(bflies$0$w),
        .valid_in(bflies$0$valid_in),
        .conv(bflies$0$conv),
        .conv_u(bflies$0$conv_u),
        .x_out(bflies$0$x_out),
        .y_out(bflies$0$y_out),
        .valid_out(bflies$0$valid_out),
        .conv_out(bflies$0$conv_out)
    );
    top$mem0$0 mem0$0(
        .read_address(mem0$0$read_address),
        .read_clock(mem0$0$read_clock),
        .read_data(mem0$0$read_data),
        .write_address(mem0$0$write_address),
        .write_clock(mem0$0$write_clock),
        .write_data(mem0$0$write_data),
        .write_enable(mem0$0$write_enable)
    );
    top$mem0$1 mem0$1(
        .read_address(mem0$1$read_address),
        .read_clock(mem0$1$read_clock),
        .read_data(mem0$1$read_data),
        .write_address(mem0$1$write_address),
        .write_clock(mem0$1$write_clock),
        .write_data(mem0$1$write_data),
        .write_enable(mem0$1$write_enable)
    );
    top$mem1$0 mem1$0(
        .read_address(mem1$0$read_address),
        .read_clock(mem1$0$read_clock),
        .read_data(mem1$0$read_data),
        .write_address(mem1$0$write_address),
        .write_clock(mem1$0$write_clock),
        .write_data(mem1$0$write_data),
        .write_enable(mem1$0$write_enable)
    );
    top$mem1$1 mem1$1(
        .read_address(mem1$1$read_address),
        .read_clock(mem1$1$read_clock),
        .read_data(mem1$1$read_data),
        .write_address(mem1$1$write_address),
        .write_clock(mem1$1$write_clock),
        .write_data(mem1$1$write_data),
        .write_enable(mem1$1$write_enable)
    );
    top$twiddles$0 twiddles$0(
        .clock(twiddles$0$clock),
        .read_address(twiddles$0$read_address),
        .read_data(twiddles$0$read_data),
        .write_address(twiddles$0$write_address),
        .write_data(twiddles$0$write_data),
        .write_enable(twiddles$0$write_enable)
    );
    top$host_map host_map(
        .index(host_map$index),
        .onehot(host_map$onehot),
        .addr(host_map$addr)
    );
    top$log_n log_n(
        .d(log_n$d),
        .q(log_n$q),
        .clock(log_n$clock)
    );
    top$modulus modulus(
        .d(modulus$d),
        .q(modulus$q),
        .clock(modulus$clock)
    );
    top$neg_inv neg_inv(
        .d(neg_inv$d),
        .q(neg_inv$q),
        .clock(neg_inv$clock)
    );
    top$pw_const pw_const(
        .d(pw_const$d),
        .q(pw_const$q),
        .clock(pw_const$clock)
    );
    top$slot slot(
        .d(slot$d),
        .q(slot$q),
        .clock(slot$clock)
    );
    top$rd_valid rd_valid(
        .d(rd_valid$d),
        .q(rd_valid$q),
        .clock(rd_valid$clock)
    );
    top$rd_slot rd_slot(
        .d(rd_slot$d),
        .q(rd_slot$q),
        .clock(rd_slot$clock)
    );
    top$rd_sel rd_sel(
        .d(rd_sel$d),
        .q(rd_sel$q),
        .clock(rd_sel$clock)
    );
    top$rdata rdata(
        .d(rdata$d),
        .q(rdata$q),
        .clock(rdata$clock)
    );
    top$rvalid rvalid(
        .d(rvalid$d),
        .q(rvalid$q),
        .clock(rvalid$clock)
    );
    top$cv_valid$0 cv_valid$0(
        .d(cv_valid$0$d),
        .q(cv_valid$0$q),
        .clock(cv_valid$0$clock)
    );
    top$cv_valid$1 cv_valid$1(
        .d(cv_valid$1$d),
        .q(cv_valid$1$q),
        .clock(cv_valid$1$clock)
    );
    top$cv_valid$2 cv_valid$2(
        .d(cv_valid$2$d),
        .q(cv_valid$2$q),
        .clock(cv_valid$2$clock)
    );
    top$cv_tw$0 cv_tw$0(
        .d(cv_tw$0$d),
        .q(cv_tw$0$q),
        .clock(cv_tw$0$clock)
    );
    top$cv_tw$1 cv_tw$1(
        .d(cv_tw$1$d),
        .q(cv_tw$1$q),
        .clock(cv_tw$1$clock)
    );
    top$cv_tw$2 cv_tw$2(
        .d(cv_tw$2$d),
        .q(cv_tw$2$q),
        .clock(cv_tw$2$clock)
    );
    top$cv_inv$0 cv_inv$0(
        .d(cv_inv$0$d),
        .q(cv_inv$0$q),
        .clock(cv_inv$0$clock)
    );
    top$cv_inv$1 cv_inv$1(
        .d(cv_inv$1$d),
        .q(cv_inv$1$q),
        .clock(cv_inv$1$clock)
    );
    top$cv_inv$2 cv_inv$2(
        .d(cv_inv$2$d),
        .q(cv_inv$2$q),
        .clock(cv_inv$2$clock)
    );
    top$cv_addr$0 cv_addr$0(
        .d(cv_addr$0$d),
        .q(cv_addr$0$q),
        .clock(cv_addr$0$clock)
    );
    top$cv_addr$1 cv_addr$1(
        .d(cv_addr$1$d),
        .q(cv_addr$1$q),
        .clock(cv_addr$1$clock)
    );
    top$cv_addr$2 cv_addr$2(
        .d(cv_addr$2$d),
        .q(cv_addr$2$q),
        .clock(cv_addr$2$clock)
    );
    top$cv_sel$0 cv_sel$0(
        .d(cv_sel$0$d),
        .q(cv_sel$0$q),
        .clock(cv_sel$0$clock)
    );
    top$cv_sel$1 cv_sel$1(
        .d(cv_sel$1$d),
        .q(cv_sel$1$q),
        .clock(cv_sel$1$clock)
    );
    top$cv_sel$2 cv_sel$2(
        .d(cv_sel$2$d),
        .q(cv_sel$2$q),
        .clock(cv_sel$2$clock)
    );
    
    // Update code
    always @(*) begin
        log_n$clock = clock;
        modulus$clock = clock;
        neg_inv$clock = clock;
        pw_const$clock = clock;
        slot$clock = clock;
        rd_valid$clock = clock;
        rd_slot$clock = clock;
        rd_sel$clock = clock;
        rdata$clock = clock;
        rvalid$clock = clock;
        log_n$d = log_n$q;
        modulus$d = modulus$q;
        neg_inv$d = neg_inv$q;
        pw_const$d = pw_const$q;
        slot$d = slot$q;
        rd_valid$d = rd_valid$q;
        rd_slot$d = rd_slot$q;
        rd_sel$d = rd_sel$q;
        rdata$d = rdata$q;
        rvalid$d = rvalid$q;
        cv_valid$0$clock = clock;
        cv_tw$0$clock = clock;
        cv_inv$0$clock = clock;
        cv_addr$0$clock = clock;
        cv_sel$0$clock = clock;
        cv_valid$1$clock = clock;
        cv_tw$1$clock = clock;
        cv_inv$1$clock = clock;
        cv_addr$1$clock = clock;
        cv_sel$1$clock = clock;
        cv_valid$2$clock = clock;
        cv_tw$2$clock = clock;
        cv_inv$2$clock = clock;
        cv_addr$2$clock = clock;
        cv_sel$2$clock = clock;
        mem0$0$read_clock = clock;
        mem0$0$write_clock = clock;
        mem1$0$read_clock = clock;
        mem1$0$write_clock = clock;
        mem0$1$read_clock = clock;
        mem0$1$write_clock = clock;
        mem1$1$read_clock = clock;
        mem1$1$write_clock = clock;
        control$clock = clock;
        host_ok = ~control$busy;
        if (cfg_write && host_ok) begin
            if (cfg_addr == 32'h0) begin
                log_n$d = cfg_data[(32'h0)+:(4)];
            end
            if (cfg_addr == 32'h1) begin
                modulus$d = cfg_data[(32'h0)+:(30)];
            end
            if (cfg_addr == 32'h2) begin
                neg_inv$d = cfg_data;
            end
        end
        control$log_n = log_n$q;
        control$start = start && host_ok;
        control$op = op;
        if (start && host_ok) begin
            slot$d = op_slot;
        end
        busy = control$busy;
        done = control$done;
        cv_req = host_ok && (tw_write || (cfg_write && cfg_addr == 32'h4));
        if (tw_write) begin
            cv_u = tw_w_shoup[(32'h2)+:(30)];
        end
        else begin
            cv_u = cfg_data[(32'h2)+:(30)];
        end
        tw_row = tw_index >> lane_bits;
        tw_bank = tw_index & lane_mask;
        tw_sel = ((32'h1) & 8'hff) << tw_bank;
        if (tw_inverse) begin
            tw_addr = (((tw_row) & 11'h7ff) << 32'h1) + 32'h1;
        end
        else begin
            tw_addr = ((tw_row) & 11'h7ff) << 32'h1;
        end
        cv_valid$0$d = cv_req;
        cv_tw$0$d = tw_write;
        cv_inv$0$d = tw_inverse;
        cv_addr$0$d = tw_addr;
        cv_sel$0$d = tw_sel;
        cv_valid$1$d = cv_valid$0$q;
        cv_tw$1$d = cv_tw$0$q;
        cv_inv$1$d = cv_inv$0$q;
        cv_addr$1$d = cv_addr$0$q;
        cv_sel$1$d = cv_sel$0$q;
        cv_valid$2$d = cv_valid$1$q;
        cv_tw$2$d = cv_tw$1$q;
        cv_inv$2$d = cv_inv$1$q;
        cv_addr$2$d = cv_addr$1$q;
        cv_sel$2$d = cv_sel$1$q;
        cv_w = bflies$0$conv_out;
        if (cv_w[32'h0]) begin
            h1_sum = ((cv_w) & 31'h7fffffff) + ((modulus$q) & 31'h7fffffff);
        end
        else begin
            h1_sum = ((cv_w) & 31'h7fffffff);
        end
        h1 = h1_sum[(32'h1)+:(30)];
        if (h1[32'h0]) begin
            h2_sum = ((h1) & 31'h7fffffff) + ((modulus$q) & 31'h7fffffff);
        end
        else begin
            h2_sum = ((h1) & 31'h7fffffff);
        end
        h2 = h2_sum[(32'h1)+:(30)];
        if (cv_inv$2$q) begin
            tw_stored = h1;
        end
        else begin
            tw_stored = cv_w;
        end
        if (cv_valid$2$q && ~cv_tw$2$q) begin
            pw_const$d = h2;
        end
        twiddles$0$clock = clock;
        twiddles$0$write_address = cv_addr$2$q;
        twiddles$0$write_data = tw_stored;
        twiddles$0$write_enable = cv_valid$2$q && cv_tw$2$q && cv_sel$2$q[0];
        twiddles$0$read_address = 32'h0;
        if (lanes$0$tw_sel[0]) begin
            twiddles$0$read_address = lanes$0$tw_addr;
        end
        lanes$0$clock = clock;
        lanes$0$issue_valid = control$issue_valid;
        lanes$0$issue_base = control$issue_base;
        lanes$0$issue_w = control$issue_w;
        lanes$0$issue_d = control$issue_d;
        lanes$0$issue_s = control$issue_s;
        lanes$0$n = control$n;
        lanes$0$inverse = control$inverse;
        lanes$0$pointwise = control$pointwise;
        lanes$0$clear = control$start;
        bflies$0$clock = clock;
        bflies$0$modulus = modulus$q;
        bflies$0$inverse = control$inverse;
        bflies$0$pointwise = control$pointwise;
        bflies$0$neg_inv = neg_inv$q;
        bflies$0$pw_const = pw_const$q;
        bflies$0$conv = 1'b0;
        bflies$0$conv_u = cv_u;
        bflies$0$valid_in = lanes$0$bf_valid;
        bflies$0$x = lanes$0$bf_x;
        bflies$0$y = lanes$0$bf_y;
        bflies$0$w = lanes$0$bf_tw;
        lanes$0$bf_x_out = bflies$0$x_out;
        lanes$0$bf_y_out = bflies$0$y_out;
        lanes$0$tw_data = 32'h0;
        if (lanes$0$tw_rsel[0]) begin
            lanes$0$tw_data = twiddles$0$read_data;
        end
        bflies$0$conv = cv_req;
        host_map$index = coef_index;
        mem0$0$read_address = host_map$addr;
        mem1$0$read_address = host_map$addr;
        mem0$0$write_address = host_map$addr;
        mem1$0$write_address = host_map$addr;
        mem0$0$write_data = coef_data;
        mem1$0$write_data = coef_data;
        mem0$0$write_enable = coef_write && ~coef_slot && host_map$onehot[0];
        mem1$0$write_enable = coef_write && coef_slot && host_map$onehot[0];
        if (control$busy) begin
            mem0$0$write_enable = 1'b0;
            mem1$0$write_enable = 1'b0;
            if (lanes$0$sel_x[0]) begin
                mem0$0$read_address = lanes$0$addr_x;
                mem1$0$read_address = lanes$0$addr_x;
            end
            if (lanes$0$sel_y[0]) begin
                mem0$0$read_address = lanes$0$addr_y;
                mem1$0$read_address = lanes$0$addr_y;
            end
            if (lanes$0$wb_valid && lanes$0$wb_sel_x[0]) begin
                mem0$0$write_address = lanes$0$wb_addr_x;
                mem1$0$write_address = lanes$0$wb_addr_x;
                mem0$0$write_data = lanes$0$wb_x;
                mem1$0$write_data = lanes$0$wb_x;
                mem0$0$write_enable = ~slot$q;
                mem1$0$write_enable = slot$q;
            end
            if (lanes$0$wb_valid && ~control$pointwise && lanes$0$wb_sel_y[0]) begin
                mem0$0$write_address = lanes$0$wb_addr_y;
                mem1$0$write_address = lanes$0$wb_addr_y;
                mem0$0$write_data = lanes$0$wb_y;
                mem1$0$write_data = lanes$0$wb_y;
                mem0$0$write_enable = ~slot$q;
                mem1$0$write_enable = slot$q;
            end
        end
        mem0$1$read_address = host_map$addr;
        mem1$1$read_address = host_map$addr;
        mem0$1$write_address = host_map$addr;
        mem1$1$write_address = host_map$addr;
        mem0$1$write_data = coef_data;
        mem1$1$write_data = coef_data;
        mem0$1$write_enable = coef_write && ~coef_slot && host_map$onehot[1];
        mem1$1$write_enable = coef_write && coef_slot && host_map$onehot[1];
        if (control$busy) begin
            mem0$1$write_enable = 1'b0;
            mem1$1$write_enable = 1'b0;
            if (lanes$0$sel_x[1]) begin
                mem0$1$read_address = lanes$0$addr_x;
                mem1$1$read_address = lanes$0$addr_x;
            end
            if (lanes$0$sel_y[1]) begin
                mem0$1$read_address = lanes$0$addr_y;
                mem1$1$read_address = lanes$0$addr_y;
            end
            if (lanes$0$wb_valid && lanes$0$wb_sel_x[1]) begin
                mem0$1$write_address = lanes$0$wb_addr_x;
                mem1$1$write_address = lanes$0$wb_addr_x;
                mem0$1$write_data = lanes$0$wb_x;
                mem1$1$write_data = lanes$0$wb_x;
                mem0$1$write_enable = ~slot$q;
                mem1$1$write_enable = slot$q;
            end
            if (lanes$0$wb_valid && ~control$pointwise && lanes$0$wb_sel_y[1]) begin
                mem0$1$write_address = lanes$0$wb_addr_y;
                mem1$1$write_address = lanes$0$wb_addr_y;
                mem0$1$write_data = lanes$0$wb_y;
                mem1$1$write_data = lanes$0$wb_y;
                mem0$1$write_enable = ~slot$q;
                mem1$1$write_enable = slot$q;
            end
        end
        lanes$0$x_cur = 32'h0;
        lanes$0$y_cur = 32'h0;
        lanes$0$x_oth = 32'h0;
        if (lanes$0$rsel_x[0]) begin
            if (slot$q) begin
                lanes$0$x_cur = mem1$0$read_data;
                lanes$0$x_oth = mem0$0$read_data;
            end
            else begin
                lanes$0$x_cur = mem0$0$read_data;
                lanes$0$x_oth = mem1$0$read_data;
            end
        end
        if (lanes$0$rsel_y[0]) begin
            if (slot$q) begin
                lanes$0$y_cur = mem1$0$read_data;
            end
            else begin
                lanes$0$y_cur = mem0$0$read_data;
            end
        end
        if (lanes$0$rsel_x[1]) begin
            if (slot$q) begin
                lanes$0$x_cur = mem1$1$read_data;
                lanes$0$x_oth = mem0$1$read_data;
            end
            else begin
                lanes$0$x_cur = mem0$1$read_data;
                lanes$0$x_oth = mem1$1$read_data;
            end
        end
        if (lanes$0$rsel_y[1]) begin
            if (slot$q) begin
                lanes$0$y_cur = mem1$1$read_data;
            end
            else begin
                lanes$0$y_cur = mem0$1$read_data;
            end
        end
        rd_valid$d = coef_read && host_ok;
        rd_slot$d = coef_slot;
        rd_sel$d = host_map$onehot;
        rdata$d = 32'h0;
        if (rd_sel$q[0]) begin
            if (rd_slot$q) begin
                rdata$d = mem1$0$read_data;
            end
            else begin
                rdata$d = mem0$0$read_data;
            end
        end
        if (rd_sel$q[1]) begin
            if (rd_slot$q) begin
                rdata$d = mem1$1$read_data;
            end
            else begin
                rdata$d = mem0$1$read_data;
            end
        end
        rvalid$d = rd_valid$q;
        coef_rdata = rdata$q;
        coef_rvalid = rvalid$q;
    end
    
endmodule // top


module top$bflies$0(clock,modulus,inverse,pointwise,neg_inv,pw_const,x,y,w,valid_in,conv,conv_u,x_out,y_out,valid_out,conv_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  inverse;
    input wire  pointwise;
    input wire  [31:0] neg_inv;
    input wire  [29:0] pw_const;
    input wire  [29:0] x;
    input wire  [29:0] y;
    input wire  [29:0] w;
    input wire  valid_in;
    input wire  conv;
    input wire  [29:0] conv_u;
    output reg  [29:0] x_out;
    output reg  [29:0] y_out;
    output reg  valid_out;
    output reg  [29:0] conv_out;
    
    // Stub signals
    reg  mul$clock;
    reg  [29:0] mul$modulus;
    reg  [31:0] mul$neg_inv;
    reg  [29:0] mul$a;
    reg  [29:0] mul$b;
    reg  mul$valid_in;
    reg  mul$conv;
    reg  [29:0] mul$conv_u;
    wire  [29:0] mul$product;
    wire  mul$valid_out;
    wire  [29:0] mul$conv_out;
    reg  add$clock;
    reg  [29:0] add$modulus;
    reg  [29:0] add$a;
    reg  [29:0] add$b;
    reg  add$valid_in;
    wire  [29:0] add$sum;
    wire  [29:0] add$diff;
    wire  add$valid_out;
    reg  [29:0] x_delay$0$d;
    wire  [29:0] x_delay$0$q;
    reg  x_delay$0$clock;
    reg  [29:0] x_delay$1$d;
    wire  [29:0] x_delay$1$q;
    reg  x_delay$1$clock;
    reg  [29:0] x_delay$2$d;
    wire  [29:0] x_delay$2$q;
    reg  x_delay$2$clock;
    reg  [29:0] x_delay$3$d;
    wire  [29:0] x_delay$3$q;
    reg  x_delay$3$clock;
    reg  [29:0] x_delay$4$d;
    wire  [29:0] x_delay$4$q;
    reg  x_delay$4$clock;
    reg  [29:0] w_delay$0$d;
    wire  [29:0] w_delay$0$q;
    reg  w_delay$0$clock;
    reg  [29:0] w_delay$1$d;
    wire  [29:0] w_delay$1$q;
    reg  w_delay$1$clock;
    reg  [29:0] half_delay$0$d;
    wire  [29:0] half_delay$0$q;
    reg  half_delay$0$clock;
    reg  [29:0] half_delay$1$d;
    wire  [29:0] half_delay$1$q;
    reg  half_delay$1$clock;
    reg  [29:0] half_delay$2$d;
    wire  [29:0] half_delay$2$q;
    reg  half_delay$2$clock;
    reg  [29:0] half_delay$3$d;
    wire  [29:0] half_delay$3$q;
    reg  half_delay$3$clock;
    reg  [29:0] half_delay$4$d;
    wire  [29:0] half_delay$4$q;
    reg  half_delay$4$clock;
    reg  [29:0] pw_delay$0$d;
    wire  [29:0] pw_delay$0$q;
    reg  pw_delay$0$clock;
    reg  [29:0] pw_delay$1$d;
    wire  [29:0] pw_delay$1$q;
    reg  pw_delay$1$clock;
    reg  valid_delay$0$d;
    wire  valid_delay$0$q;
    reg  valid_delay$0$clock;
    reg  valid_delay$1$d;
    wire  valid_delay$1$q;
    reg  valid_delay$1$clock;
    reg  valid_delay$2$d;
    wire  valid_delay$2$q;
    reg  valid_delay$2$clock;
    reg  valid_delay$3$d;
    wire  valid_delay$3$q;
    reg  valid_delay$3$clock;
    reg  valid_delay$4$d;
    wire  valid_delay$4$q;
    reg  valid_delay$4$clock;
    reg  valid_delay$5$d;
    wire  valid_delay$5$q;
    reg  valid_delay$5$clock;
    reg  valid_delay$6$d;
    wire  valid_delay$6$q;
    reg  valid_delay$6$clock;
    reg  valid_delay$7$d;
    wire  valid_delay$7$q;
    reg  valid_delay$7$clock;
    reg  valid_delay$8$d;
    wire  valid_delay$8$q;
    reg  valid_delay$8$clock;
    reg  valid_delay$9$d;
    wire  valid_delay$9$q;
    reg  valid_delay$9$clock;
    reg  valid_delay$10$d;
    wire  valid_delay$10$q;
    reg  valid_delay$10$clock;
    reg  valid_delay$11$d;
    wire  valid_delay$11$q;
    reg  valid_delay$11$clock;
    
    // Local signals
    reg  [30:0] sum_plus;
    
    // Sub module instances
    top$bflies$0$mul mul(
        .clock(mul$clock),
        .modulus(mul$modulus),
        .neg_inv(mul$neg_inv),
        .a(mul$a),
        .b(mul$b),
        .valid_in(mul$valid_in),
        .conv(mul$conv),
        .conv_u(mul$conv_u),
        .product(mul$product),
        .valid_out(mul$valid_out),
        .conv_out(mul$conv_out)
    );
    top$bflies$0$add add(
        .clock(add$clock),
        .modulus(add$modulus),
        .a(add$a),
        .b(add$b),
        .valid_in(add$valid_in),
        .sum(add$sum),
        .diff(add$diff),
        .valid_out(add$valid_out)
    );
    top$bflies$0$x_delay$0 x_delay$0(
        .d(x_delay$0$d),
        .q(x_delay$0$q),
        .clock(x_delay$0$clock)
    );
    top$bflies$0$x_delay$1 x_delay$1(
        .d(x_delay$1$d),
        .q(x_delay$1$q),
        .clock(x_delay$1$clock)
    );
    top$bflies$0$x_delay$2 x_delay$2(
        .d(x_delay$2$d),
        .q(x_delay$2$q),
        .clock(x_delay$2$clock)
    );
    top$bflies$0$x_delay$3 x_delay$3(
        .d(x_delay$3$d),
        .q(x_delay$3$q),
        .clock(x_delay$3$clock)
    );
    top$bflies$0$x_delay$4 x_delay$4(
        .d(x_delay$4$d),
        .q(x_delay$4$q),
        .clock(x_delay$4$clock)
    );
    top$bflies$0$w_delay$0 w_delay$0(
        .d(w_delay$0$d),
        .q(w_delay$0$q),
        .clock(w_delay$0$clock)
    );
    top$bflies$0$w_delay$1 w_delay$1(
        .d(w_delay$1$d),
        .q(w_delay$1$q),
        .clock(w_delay$1$clock)
    );
    top$bflies$0$half_delay$0 half_delay$0(
        .d(half_delay$0$d),
        .q(half_delay$0$q),
        .clock(half_delay$0$clock)
    );
    top$bflies$0$half_delay$1 half_delay$1(
        .d(half_delay$1$d),
        .q(half_delay$1$q),
        .clock(half_delay$1$clock)
    );
    top$bflies$0$half_delay$2 half_delay$2(
        .d(half_delay$2$d),
        .q(half_delay$2$q),
        .clock(half_delay$2$clock)
    );
    top$bflies$0$half_delay$3 half_delay$3(
        .d(half_delay$3$d),
        .q(half_delay$3$q),
        .clock(half_delay$3$clock)
    );
    top$bflies$0$half_delay$4 half_delay$4(
        .d(half_delay$4$d),
        .q(half_delay$4$q),
        .clock(half_delay$4$clock)
    );
    top$bflies$0$pw_delay$0 pw_delay$0(
        .d(pw_delay$0$d),
        .q(pw_delay$0$q),
        .clock(pw_delay$0$clock)
    );
    top$bflies$0$pw_delay$1 pw_delay$1(
        .d(pw_delay$1$d),
        .q(pw_delay$1$q),
        .clock(pw_delay$1$clock)
    );
    top$bflies$0$valid_delay$0 valid_delay$0(
        .d(valid_delay$0$d),
        .q(valid_delay$0$q),
        .clock(valid_delay$0$clock)
    );
    top$bflies$0$valid_delay$1 valid_delay$1(
        .d(valid_delay$1$d),
        .q(valid_delay$1$q),
        .clock(valid_delay$1$clock)
    );
    top$bflies$0$valid_delay$2 valid_delay$2(
        .d(valid_delay$2$d),
        .q(valid_delay$2$q),
        .clock(valid_delay$2$clock)
    );
    top$bflies$0$valid_delay$3 valid_delay$3(
        .d(valid_delay$3$d),
        .q(valid_delay$3$q),
        .clock(valid_delay$3$clock)
    );
    top$bflies$0$valid_delay$4 valid_delay$4(
        .d(valid_delay$4$d),
        .q(valid_delay$4$q),
        .clock(valid_delay$4$clock)
    );
    top$bflies$0$valid_delay$5 valid_delay$5(
        .d(valid_delay$5$d),
        .q(valid_delay$5$q),
        .clock(valid_delay$5$clock)
    );
    top$bflies$0$valid_delay$6 valid_delay$6(
        .d(valid_delay$6$d),
        .q(valid_delay$6$q),
        .clock(valid_delay$6$clock)
    );
    top$bflies$0$valid_delay$7 valid_delay$7(
        .d(valid_delay$7$d),
        .q(valid_delay$7$q),
        .clock(valid_delay$7$clock)
    );
    top$bflies$0$valid_delay$8 valid_delay$8(
        .d(valid_delay$8$d),
        .q(valid_delay$8$q),
        .clock(valid_delay$8$clock)
    );
    top$bflies$0$valid_delay$9 valid_delay$9(
        .d(valid_delay$9$d),
        .q(valid_delay$9$q),
        .clock(valid_delay$9$clock)
    );
    top$bflies$0$valid_delay$10 valid_delay$10(
        .d(valid_delay$10$d),
        .q(valid_delay$10$q),
        .clock(valid_delay$10$clock)
    );
    top$bflies$0$valid_delay$11 valid_delay$11(
        .d(valid_delay$11$d),
        .q(valid_delay$11$q),
        .clock(valid_delay$11$clock)
    );
    
    // Update code
    always @(*) begin
        x_delay$0$clock = clock;
        half_delay$0$clock = clock;
        x_delay$1$clock = clock;
        half_delay$1$clock = clock;
        x_delay$2$clock = clock;
        half_delay$2$clock = clock;
        x_delay$3$clock = clock;
        half_delay$3$clock = clock;
        x_delay$4$clock = clock;
        half_delay$4$clock = clock;
        w_delay$0$clock = clock;
        pw_delay$0$clock = clock;
        w_delay$1$clock = clock;
        pw_delay$1$clock = clock;
        valid_delay$0$clock = clock;
        valid_delay$1$clock = clock;
        valid_delay$2$clock = clock;
        valid_delay$3$clock = clock;
        valid_delay$4$clock = clock;
        valid_delay$5$clock = clock;
        valid_delay$6$clock = clock;
        valid_delay$7$clock = clock;
        valid_delay$8$clock = clock;
        valid_delay$9$clock = clock;
        valid_delay$10$clock = clock;
        valid_delay$11$clock = clock;
        mul$clock = clock;
        add$clock = clock;
        mul$modulus = modulus;
        add$modulus = modulus;
        mul$neg_inv = neg_inv;
        mul$conv = conv;
        mul$conv_u = conv_u;
        conv_out = mul$conv_out;
        mul$valid_in = 1'b1;
        add$valid_in = 1'b1;
        x_delay$0$d = x;
        w_delay$0$d = w;
        valid_delay$0$d = valid_in;
        x_delay$1$d = x_delay$0$q;
        half_delay$1$d = half_delay$0$q;
        x_delay$2$d = x_delay$1$q;
        half_delay$2$d = half_delay$1$q;
        x_delay$3$d = x_delay$2$q;
        half_delay$3$d = half_delay$2$q;
        x_delay$4$d = x_delay$3$q;
        half_delay$4$d = half_delay$3$q;
        w_delay$1$d = w_delay$0$q;
        valid_delay$1$d = valid_delay$0$q;
        valid_delay$2$d = valid_delay$1$q;
        valid_delay$3$d = valid_delay$2$q;
        valid_delay$4$d = valid_delay$3$q;
        valid_delay$5$d = valid_delay$4$q;
        valid_delay$6$d = valid_delay$5$q;
        valid_delay$7$d = valid_delay$6$q;
        valid_delay$8$d = valid_delay$7$q;
        valid_delay$9$d = valid_delay$8$q;
        valid_delay$10$d = valid_delay$9$q;
        valid_delay$11$d = valid_delay$10$q;
        pw_delay$0$d = mul$product;
        pw_delay$1$d = pw_delay$0$q;
        if (pointwise) begin
            if (valid_delay$4$q) begin
                mul$a = mul$product;
                mul$b = pw_const;
            end
            else begin
                mul$a = x;
                mul$b = y;
            end
        end
        else if (inverse) begin
            mul$a = add$diff;
            mul$b = w_delay$1$q;
        end
        else begin
            mul$a = y;
            mul$b = w;
        end
        if (inverse) begin
            add$a = x;
            add$b = y;
        end
        else begin
            add$a = x_delay$4$q;
            add$b = mul$product;
        end
        if (add$sum[32'h0]) begin
            sum_plus = ((add$sum) & 31'h7fffffff) + ((modulus) & 31'h7fffffff);
        end
        else begin
            sum_plus = ((add$sum) & 31'h7fffffff);
        end
        half_delay$0$d = sum_plus[(32'h1)+:(30)];
        if (pointwise) begin
            x_out = pw_delay$1$q;
            y_out = pw_delay$1$q;
            valid_out = valid_delay$11$q;
        end
        else if (inverse) begin
            x_out = half_delay$4$q;
            y_out = mul$product;
            valid_out = valid_delay$6$q;
        end
        else begin
            x_out = add$sum;
            y_out = add$diff;
            valid_out = valid_delay$6$q;
        end
    end
    
endmodule // top$bflies$0


module top$bflies$0$add(clock,modulus,a,b,valid_in,sum,diff,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [29:0] a;
    input wire  [29:0] b;
    input wire  valid_in;
    output reg  [29:0] sum;
    output reg  [29:0] diff;
    output reg  valid_out;
    
    // Stub signals
    reg  [30:0] s1_sum$d;
    wire  [30:0] s1_sum$q;
    reg  s1_sum$clock;
    reg  [30:0] s1_diff$d;
    wire  [30:0] s1_diff$q;
    reg  s1_diff$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [29:0] s2_sum$d;
    wire  [29:0] s2_sum$q;
    reg  s2_sum$clock;
    reg  [29:0] s2_diff$d;
    wire  [29:0] s2_diff$q;
    reg  s2_diff$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    
    // Local signals
    reg  [30:0] a_wide;
    reg  [30:0] b_wide;
    reg  [31:0] sum_wide;
    reg  [31:0] q_wide32;
    reg  [31:0] sum_minus_q;
    reg  [30:0] q_wide31;
    reg  [30:0] diff_plus_q;
    
    // Sub module instances
    top$bflies$0$add$s1_sum s1_sum(
        .d(s1_sum$d),
        .q(s1_sum$q),
        .clock(s1_sum$clock)
    );
    top$bflies$0$add$s1_diff s1_diff(
        .d(s1_diff$d),
        .q(s1_diff$q),
        .clock(s1_diff$clock)
    );
    top$bflies$0$add$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$0$add$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$0$add$s2_sum s2_sum(
        .d(s2_sum$d),
        .q(s2_sum$q),
        .clock(s2_sum$clock)
    );
    top$bflies$0$add$s2_diff s2_diff(
        .d(s2_diff$d),
        .q(s2_diff$q),
        .clock(s2_diff$clock)
    );
    top$bflies$0$add$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    
    // Update code
    always @(*) begin
        s1_sum$clock = clock;
        s1_diff$clock = clock;
        s1_q$clock = clock;
        s1_valid$clock = clock;
        s2_sum$clock = clock;
        s2_diff$clock = clock;
        s2_valid$clock = clock;
        s1_sum$d = s1_sum$q;
        s1_diff$d = s1_diff$q;
        s1_q$d = s1_q$q;
        s1_valid$d = s1_valid$q;
        s2_sum$d = s2_sum$q;
        s2_diff$d = s2_diff$q;
        s2_valid$d = s2_valid$q;
        a_wide = ((a) & 31'h7fffffff);
        b_wide = ((b) & 31'h7fffffff);
        s1_sum$d = a_wide + b_wide;
        s1_diff$d = a_wide - b_wide;
        s1_q$d = modulus;
        s1_valid$d = valid_in;
        sum_wide = ((s1_sum$q) & 32'hffffffff);
        q_wide32 = ((s1_q$q) & 32'hffffffff);
        sum_minus_q = sum_wide - q_wide32;
        q_wide31 = ((s1_q$q) & 31'h7fffffff);
        diff_plus_q = s1_diff$q + q_wide31;
        if (sum_minus_q[32'h1f]) begin
            s2_sum$d = ((s1_sum$q) & 30'h3fffffff);
        end
        else begin
            s2_sum$d = ((sum_minus_q) & 30'h3fffffff);
        end
        if (s1_diff$q[32'h1e]) begin
            s2_diff$d = ((diff_plus_q) & 30'h3fffffff);
        end
        else begin
            s2_diff$d = ((s1_diff$q) & 30'h3fffffff);
        end
        s2_valid$d = s1_valid$q;
        sum = s2_sum$q;
        diff = s2_diff$q;
        valid_out = s2_valid$q;
    end
    
endmodule // top$bflies$0$add


module top$bflies$0$add$s1_diff(d,q,clock);
    
    // Module arguments
    input wire  [30:0] d;
    output reg  [30:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 31'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s1_diff


module top$bflies$0$add$s1_q(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s1_q


module top$bflies$0$add$s1_sum(d,q,clock);
    
    // Module arguments
    input wire  [30:0] d;
    output reg  [30:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 31'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s1_sum


module top$bflies$0$add$s1_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s1_valid


module top$bflies$0$add$s2_diff(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s2_diff


module top$bflies$0$add$s2_sum(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s2_sum


module top$bflies$0$add$s2_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$add$s2_valid


module top$bflies$0$half_delay$0(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$half_delay$0


module top$bflies$0$half_delay$1(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$half_delay$1


module top$bflies$0$half_delay$2(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$half_delay$2


module top$bflies$0$half_delay$3(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$half_delay$3


module top$bflies$0$half_delay$4(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$half_delay$4


module top$bflies$0$mul(clock,modulus,neg_inv,a,b,valid_in,conv,conv_u,product,valid_out,conv_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [31:0] neg_inv;
    input wire  [29:0] a;
    input wire  [29:0] b;
    input wire  valid_in;
    input wire  conv;
    input wire  [29:0] conv_u;
    output reg  [29:0] product;
    output reg  valid_out;
    output reg  [29:0] conv_out;
    
    // Stub signals
    reg  [31:0] s1_ll$d;
    wire  [31:0] s1_ll$q;
    reg  s1_ll$clock;
    reg  [31:0] s1_hh$d;
    wire  [31:0] s1_hh$q;
    reg  s1_hh$clock;
    reg  [31:0] s1_mm$d;
    wire  [31:0] s1_mm$q;
    reg  s1_mm$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  [29:0] s1_qi$d;
    wire  [29:0] s1_qi$q;
    reg  s1_qi$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [29:0] s2_t_lo$d;
    wire  [29:0] s2_t_lo$q;
    reg  s2_t_lo$clock;
    reg  [31:0] s2_t_hi$d;
    wire  [31:0] s2_t_hi$q;
    reg  s2_t_hi$clock;
    reg  [29:0] s2_q$d;
    wire  [29:0] s2_q$q;
    reg  s2_q$clock;
    reg  [29:0] s2_qi$d;
    wire  [29:0] s2_qi$q;
    reg  s2_qi$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    reg  [31:0] s3_ll$d;
    wire  [31:0] s3_ll$q;
    reg  s3_ll$clock;
    reg  [14:0] s3_c1$d;
    wire  [14:0] s3_c1$q;
    reg  s3_c1$clock;
    reg  [14:0] s3_c2$d;
    wire  [14:0] s3_c2$q;
    reg  s3_c2$clock;
    reg  [31:0] s3_t_hi$d;
    wire  [31:0] s3_t_hi$q;
    reg  s3_t_hi$clock;
    reg  s3_nz$d;
    wire  s3_nz$q;
    reg  s3_nz$clock;
    reg  [29:0] s3_q$d;
    wire  [29:0] s3_q$q;
    reg  s3_q$clock;
    reg  s3_valid$d;
    wire  s3_valid$q;
    reg  s3_valid$clock;
    reg  [31:0] s4_ll$d;
    wire  [31:0] s4_ll$q;
    reg  s4_ll$clock;
    reg  [31:0] s4_hh$d;
    wire  [31:0] s4_hh$q;
    reg  s4_hh$clock;
    reg  [31:0] s4_mm$d;
    wire  [31:0] s4_mm$q;
    reg  s4_mm$clock;
    reg  [47:0] s4_k$d;
    wire  [47:0] s4_k$q;
    reg  s4_k$clock;
    reg  [47:0] s4_kq$d;
    wire  [47:0] s4_kq$q;
    reg  s4_kq$clock;
    reg  s4_valid$d;
    wire  s4_valid$q;
    reg  s4_valid$clock;
    reg  [29:0] s4_conv$d;
    wire  [29:0] s4_conv$q;
    reg  s4_conv$clock;
    reg  [29:0] s5_product$d;
    wire  [29:0] s5_product$q;
    reg  s5_product$clock;
    reg  s5_valid$d;
    wire  s5_valid$q;
    reg  s5_valid$clock;
    
    // Local signals
    reg  [31:0] a_wide;
    reg  [31:0] b_wide;
    reg  [15:0] a0;
    reg  [15:0] a1;
    reg  [15:0] b0;
    reg  [15:0] b1;
    reg  [15:0] sa;
    reg  [15:0] sb;
    reg  [31:0] t_mid;
    reg  [31:0] t_lo_sum;
    reg  [29:0] mt;
    reg  [29:0] mp;
    reg  [15:0] t0;
    reg  [15:0] t1;
    reg  [15:0] p0;
    reg  [15:0] p1;
    reg  [31:0] c1_full;
    reg  [14:0] lut_ps$0;
    reg  [14:0] lut_ps$1;
    reg  [14:0] lut_ps$2;
    reg  [14:0] lut_ps$3;
    reg  [14:0] lut_ps$4;
    reg  [14:0] lut_ps$5;
    reg  [14:0] lut_ps$6;
    reg  [14:0] lut_ps$7;
    reg  [14:0] lut_ps$8;
    reg  [14:0] lut_ps$9;
    reg  [14:0] lut_ps$10;
    reg  [14:0] lut_ps$11;
    reg  [14:0] lut_ps$12;
    reg  [14:0] lut_ps$13;
    reg  [14:0] lut_ps$14;
    reg  [14:0] lut_rows$0;
    reg  [14:0] lut_rows$1;
    reg  [14:0] lut_rows$2;
    reg  [14:0] lut_rows$3;
    reg  [14:0] lut_rows$4;
    reg  [14:0] lut_rows$5;
    reg  [14:0] lut_rows$6;
    reg  [14:0] lut_rows$7;
    reg  [14:0] lut_rows$8;
    reg  [14:0] lut_rows$9;
    reg  [14:0] lut_rows$10;
    reg  [14:0] lut_rows$11;
    reg  [14:0] lut_rows$12;
    reg  [14:0] lut_rows$13;
    reg  [14:0] lut_rows$14;
    reg  [14:0] lut_rows$15;
    reg  [14:0] lut_l1$0;
    reg  [14:0] lut_l1$1;
    reg  [14:0] lut_l1$2;
    reg  [14:0] lut_l1$3;
    reg  [14:0] lut_l1$4;
    reg  [14:0] lut_l1$5;
    reg  [14:0] lut_l1$6;
    reg  [14:0] lut_l1$7;
    reg  [14:0] lut_l2$0;
    reg  [14:0] lut_l2$1;
    reg  [14:0] lut_l2$2;
    reg  [14:0] lut_l2$3;
    reg  [14:0] lut_l3$0;
    reg  [14:0] lut_l3$1;
    reg  [14:0] m_cross;
    reg  [31:0] m_sum;
    reg  [29:0] m;
    reg  [31:0] q3_wide;
    reg  [31:0] m_wide;
    reg  [15:0] m0;
    reg  [15:0] m1;
    reg  [15:0] q0;
    reg  [15:0] q1;
    reg  [15:0] sm;
    reg  [15:0] sq;
    reg  [47:0] base;
    reg  [47:0] q3_48;
    reg  [47:0] z_ops$0;
    reg  [47:0] z_ops$1;
    reg  [47:0] z_ops$2;
    reg  [47:0] z_ops$3;
    reg  [47:0] z_ops$4;
    reg  [47:0] csa_s$0;
    reg  [47:0] csa_s$1;
    reg  [47:0] csa_s$2;
    reg  [47:0] csa_s$3;
    reg  [47:0] csa_s$4;
    reg  [47:0] csa_c$0;
    reg  [47:0] csa_c$1;
    reg  [47:0] csa_c$2;
    reg  [47:0] csa_c$3;
    reg  [47:0] csa_c$4;
    reg  [47:0] z;
    reg  [47:0] z_q;
    
    // Sub module instances
    top$bflies$0$mul$s1_ll s1_ll(
        .d(s1_ll$d),
        .q(s1_ll$q),
        .clock(s1_ll$clock)
    );
    top$bflies$0$mul$s1_hh s1_hh(
        .d(s1_hh$d),
        .q(s1_hh$q),
        .clock(s1_hh$clock)
    );
    top$bflies$0$mul$s1_mm s1_mm(
        .d(s1_mm$d),
        .q(s1_mm$q),
        .clock(s1_mm$clock)
    );
    top$bflies$0$mul$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$0$mul$s1_qi s1_qi(
        .d(s1_qi$d),
        .q(s1_qi$q),
        .clock(s1_qi$clock)
    );
    top$bflies$0$mul$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$0$mul$s2_t_lo s2_t_lo(
        .d(s2_t_lo$d),
        .q(s2_t_lo$q),
        .clock(s2_t_lo$clock)
    );
    top$bflies$0$mul$s2_t_hi s2_t_hi(
        .d(s2_t_hi$d),
        .q(s2_t_hi$q),
        .clock(s2_t_hi$clock)
    );
    top$bflies$0$mul$s2_q s2_q(
        .d(s2_q$d),
        .q(s2_q$q),
        .clock(s2_q$clock)
    );
    top$bflies$0$mul$s2_qi s2_qi(
        .d(s2_qi$d),
        .q(s2_qi$q),
        .clock(s2_qi$clock)
    );
    top$bflies$0$mul$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    top$bflies$0$mul$s3_ll s3_ll(
        .d(s3_ll$d),
        .q(s3_ll$q),
        .clock(s3_ll$clock)
    );
    top$bflies$0$mul$s3_c1 s3_c1(
        .d(s3_c1$d),
        .q(s3_c1$q),
        .clock(s3_c1$clock)
    );
    top$bflies$0$mul$s3_c2 s3_c2(
        .d(s3_c2$d),
        .q(s3_c2$q),
        .clock(s3_c2$clock)
    );
    top$bflies$0$mul$s3_t_hi s3_t_hi(
        .d(s3_t_hi$d),
        .q(s3_t_hi$q),
        .clock(s3_t_hi$clock)
    );
    top$bflies$0$mul$s3_nz s3_nz(
        .d(s3_nz$d),
        .q(s3_nz$q),
        .clock(s3_nz$clock)
    );
    top$bflies$0$mul$s3_q s3_q(
        .d(s3_q$d),
        .q(s3_q$q),
        .clock(s3_q$clock)
    );
    top$bflies$0$mul$s3_valid s3_valid(
        .d(s3_valid$d),
        .q(s3_valid$q),
        .clock(s3_valid$clock)
    );
    top$bflies$0$mul$s4_ll s4_ll(
        .d(s4_ll$d),
        .q(s4_ll$q),
        .clock(s4_ll$clock)
    );
    top$bflies$0$mul$s4_hh s4_hh(
        .d(s4_hh$d),
        .q(s4_hh$q),
        .clock(s4_hh$clock)
    );
    top$bflies$0$mul$s4_mm s4_mm(
        .d(s4_mm$d),
        .q(s4_mm$q),
        .clock(s4_mm$clock)
    );
    top$bflies$0$mul$s4_k s4_k(
        .d(s4_k$d),
        .q(s4_k$q),
        .clock(s4_k$clock)
    );
    top$bflies$0$mul$s4_kq s4_kq(
        .d(s4_kq$d),
        .q(s4_kq$q),
        .clock(s4_kq$clock)
    );
    top$bflies$0$mul$s4_valid s4_valid(
        .d(s4_valid$d),
        .q(s4_valid$q),
        .clock(s4_valid$clock)
    );
    top$bflies$0$mul$s4_conv s4_conv(
        .d(s4_conv$d),
        .q(s4_conv$q),
        .clock(s4_conv$clock)
    );
    top$bflies$0$mul$s5_product s5_product(
        .d(s5_product$d),
        .q(s5_product$q),
        .clock(s5_product$clock)
    );
    top$bflies$0$mul$s5_valid s5_valid(
        .d(s5_valid$d),
        .q(s5_valid$q),
        .clock(s5_valid$clock)
    );
    
    // Update code
    always @(*) begin
        s1_ll$clock = clock;
        s1_hh$clock = clock;
        s1_mm$clock = clock;
        s1_q$clock = clock;
        s1_qi$clock = clock;
        s1_valid$clock = clock;
        s2_t_lo$clock = clock;
        s2_t_hi$clock = clock;
        s2_q$clock = clock;
        s2_qi$clock = clock;
        s2_valid$clock = clock;
        s3_ll$clock = clock;
        s3_c1$clock = clock;
        s3_c2$clock = clock;
        s3_t_hi$clock = clock;
        s3_nz$clock = clock;
        s3_q$clock = clock;
        s3_valid$clock = clock;
        s4_ll$clock = clock;
        s4_hh$clock = clock;
        s4_mm$clock = clock;
        s4_k$clock = clock;
        s4_kq$clock = clock;
        s4_valid$clock = clock;
        s4_conv$clock = clock;
        s5_product$clock = clock;
        s5_valid$clock = clock;
        s1_ll$d = s1_ll$q;
        s1_hh$d = s1_hh$q;
        s1_mm$d = s1_mm$q;
        s1_q$d = s1_q$q;
        s1_qi$d = s1_qi$q;
        s1_valid$d = s1_valid$q;
        s2_t_lo$d = s2_t_lo$q;
        s2_t_hi$d = s2_t_hi$q;
        s2_q$d = s2_q$q;
        s2_qi$d = s2_qi$q;
        s2_valid$d = s2_valid$q;
        s3_ll$d = s3_ll$q;
        s3_c1$d = s3_c1$q;
        s3_c2$d = s3_c2$q;
        s3_t_hi$d = s3_t_hi$q;
        s3_nz$d = s3_nz$q;
        s3_q$d = s3_q$q;
        s3_valid$d = s3_valid$q;
        s4_ll$d = s4_ll$q;
        s4_hh$d = s4_hh$q;
        s4_mm$d = s4_mm$q;
        s4_k$d = s4_k$q;
        s4_kq$d = s4_kq$q;
        s4_valid$d = s4_valid$q;
        s4_conv$d = s4_conv$q;
        s5_product$d = s5_product$q;
        s5_valid$d = s5_valid$q;
        a_wide = ((a) & 32'hffffffff);
        b_wide = ((b) & 32'hffffffff);
        a0 = ((a_wide[(32'h0)+:(15)]) & 16'hffff);
        a1 = ((a_wide[(32'hf)+:(15)]) & 16'hffff);
        b0 = ((b_wide[(32'h0)+:(15)]) & 16'hffff);
        b1 = ((b_wide[(32'hf)+:(15)]) & 16'hffff);
        sa = a0 + a1;
        sb = b0 + b1;
        s1_ll$d = a0 * b0;
        s1_hh$d = a1 * b1;
        s1_mm$d = sa * sb;
        s1_q$d = modulus;
        s1_qi$d = neg_inv[(32'h0)+:(30)];
        s1_valid$d = valid_in;
        t_mid = s1_mm$q - s1_hh$q - s1_ll$q;
        t_lo_sum = s1_ll$q + (((t_mid[(32'h0)+:(15)]) & 32'hffffffff) << 32'hf);
        if (conv) begin
            s2_t_lo$d = conv_u;
            s2_qi$d = modulus;
        end
        else begin
            s2_t_lo$d = t_lo_sum[(32'h0)+:(30)];
            s2_qi$d = s1_qi$q;
        end
        s2_t_hi$d = s1_hh$q + ((t_mid[(32'hf)+:(17)]) & 32'hffffffff) + t_lo_sum[32'h1e];
        s2_q$d = s1_q$q;
        s2_valid$d = s1_valid$q;
        mt = s2_t_lo$q;
        mp = s2_qi$q;
        t0 = ((mt[(32'h0)+:(15)]) & 16'hffff);
        t1 = ((mt[(32'hf)+:(15)]) & 16'hffff);
        p0 = ((mp[(32'h0)+:(15)]) & 16'hffff);
        p1 = ((mp[(32'hf)+:(15)]) & 16'hffff);
        s3_ll$d = t0 * p0;
        c1_full = t0 * p1;
        s3_c1$d = c1_full[(32'h0)+:(15)];
        lut_ps$0 = p0[(32'h0)+:(15)];
        lut_ps$1 = lut_ps$0 << 32'h1;
        lut_ps$2 = lut_ps$1 << 32'h1;
        lut_ps$3 = lut_ps$2 << 32'h1;
        lut_ps$4 = lut_ps$3 << 32'h1;
        lut_ps$5 = lut_ps$4 << 32'h1;
        lut_ps$6 = lut_ps$5 << 32'h1;
        lut_ps$7 = lut_ps$6 << 32'h1;
        lut_ps$8 = lut_ps$7 << 32'h1;
        lut_ps$9 = lut_ps$8 << 32'h1;
        lut_ps$10 = lut_ps$9 << 32'h1;
        lut_ps$11 = lut_ps$10 << 32'h1;
        lut_ps$12 = lut_ps$11 << 32'h1;
        lut_ps$13 = lut_ps$12 << 32'h1;
        lut_ps$14 = lut_ps$13 << 32'h1;
        if (t1[0]) begin
            lut_rows$0 = lut_ps$0;
        end
        else begin
            lut_rows$0 = 32'h0;
        end
        if (t1[1]) begin
            lut_rows$1 = lut_ps$1;
        end
        else begin
            lut_rows$1 = 32'h0;
        end
        if (t1[2]) begin
            lut_rows$2 = lut_ps$2;
        end
        else begin
            lut_rows$2 = 32'h0;
        end
        if (t1[3]) begin
            lut_rows$3 = lut_ps$3;
        end
        else begin
            lut_rows$3 = 32'h0;
        end
        if (t1[4]) begin
            lut_rows$4 = lut_ps$4;
        end
        else begin
            lut_rows$4 = 32'h0;
        end
        if (t1[5]) begin
            lut_rows$5 = lut_ps$5;
        end
        else begin
            lut_rows$5 = 32'h0;
        end
        if (t1[6]) begin
            lut_rows$6 = lut_ps$6;
        end
        else begin
            lut_rows$6 = 32'h0;
        end
        if (t1[7]) begin
            lut_rows$7 = lut_ps$7;
        end
        else begin
            lut_rows$7 = 32'h0;
        end
        if (t1[8]) begin
            lut_rows$8 = lut_ps$8;
        end
        else begin
            lut_rows$8 = 32'h0;
        end
        if (t1[9]) begin
            lut_rows$9 = lut_ps$9;
        end
        else begin
            lut_rows$9 = 32'h0;
        end
        if (t1[10]) begin
            lut_rows$10 = lut_ps$10;
        end
        else begin
            lut_rows$10 = 32'h0;
        end
        if (t1[11]) begin
            lut_rows$11 = lut_ps$11;
        end
        else begin
            lut_rows$11 = 32'h0;
        end
        if (t1[12]) begin
            lut_rows$12 = lut_ps$12;
        end
        else begin
            lut_rows$12 = 32'h0;
        end
        if (t1[13]) begin
            lut_rows$13 = lut_ps$13;
        end
        else begin
            lut_rows$13 = 32'h0;
        end
        if (t1[14]) begin
            lut_rows$14 = lut_ps$14;
        end
        else begin
            lut_rows$14 = 32'h0;
        end
        lut_rows$15 = 32'h0;
        lut_l1$0 = lut_rows$0 + lut_rows$1;
        lut_l1$1 = lut_rows$2 + lut_rows$3;
        lut_l1$2 = lut_rows$4 + lut_rows$5;
        lut_l1$3 = lut_rows$6 + lut_rows$7;
        lut_l1$4 = lut_rows$8 + lut_rows$9;
        lut_l1$5 = lut_rows$10 + lut_rows$11;
        lut_l1$6 = lut_rows$12 + lut_rows$13;
        lut_l1$7 = lut_rows$14 + lut_rows$15;
        lut_l2$0 = lut_l1$0 + lut_l1$1;
        lut_l2$1 = lut_l1$2 + lut_l1$3;
        lut_l2$2 = lut_l1$4 + lut_l1$5;
        lut_l2$3 = lut_l1$6 + lut_l1$7;
        lut_l3$0 = lut_l2$0 + lut_l2$1;
        lut_l3$1 = lut_l2$2 + lut_l2$3;
        s3_c2$d = lut_l3$0 + lut_l3$1;
        s3_t_hi$d = s2_t_hi$q;
        s3_nz$d = |s2_t_lo$q;
        s3_q$d = s2_q$q;
        s3_valid$d = s2_valid$q;
        m_cross = s3_c1$q + s3_c2$q;
        m_sum = s3_ll$q + (((m_cross) & 32'hffffffff) << 32'hf);
        m = m_sum[(32'h0)+:(30)];
        s4_conv$d = ((32'h0) & 30'h3fffffff) - m;
        q3_wide = ((s3_q$q) & 32'hffffffff);
        m_wide = ((m) & 32'hffffffff);
        m0 = ((m_wide[(32'h0)+:(15)]) & 16'hffff);
        m1 = ((m_wide[(32'hf)+:(15)]) & 16'hffff);
        q0 = ((q3_wide[(32'h0)+:(15)]) & 16'hffff);
        q1 = ((q3_wide[(32'hf)+:(15)]) & 16'hffff);
        sm = m0 + m1;
        sq = q0 + q1;
        s4_ll$d = m0 * q0;
        s4_hh$d = m1 * q1;
        s4_mm$d = sm * sq;
        base = ((s3_t_hi$q) & 48'hffffffffffff) + s3_nz$q;
        q3_48 = ((s3_q$q) & 48'hffffffffffff);
        s4_k$d = (base << 32'hf) + 32'h2;
        s4_kq$d = ((base - q3_48) << 32'hf) + 32'h2;
        s4_valid$d = s3_valid$q;
        z_ops$0 = ((s4_mm$q) & 48'hffffffffffff);
        z_ops$1 = ~((s4_hh$q) & 48'hffffffffffff);
        z_ops$2 = ~((s4_ll$q) & 48'hffffffffffff);
        z_ops$3 = ((s4_ll$q >> 32'hf) & 48'hffffffffffff);
        z_ops$4 = ((s4_hh$q) & 48'hffffffffffff) << 32'hf;
        csa_s$0 = z_ops$0 ^ z_ops$1 ^ z_ops$2;
        csa_c$0 = ((z_ops$0 & z_ops$1) | (z_ops$0 & z_ops$2) | (z_ops$1 & z_ops$2)) << 32'h1;
        csa_s$1 = z_ops$3 ^ z_ops$4 ^ csa_s$0;
        csa_c$1 = ((z_ops$3 & z_ops$4) | (z_ops$3 & csa_s$0) | (z_ops$4 & csa_s$0)) << 32'h1;
        csa_s$2 = csa_c$0 ^ csa_s$1 ^ csa_c$1;
        csa_c$2 = ((csa_c$0 & csa_s$1) | (csa_c$0 & csa_c$1) | (csa_s$1 & csa_c$1)) << 32'h1;
        csa_s$3 = csa_s$2 ^ csa_c$2 ^ s4_k$q;
        csa_c$3 = ((csa_s$2 & csa_c$2) | (csa_s$2 & s4_k$q) | (csa_c$2 & s4_k$q)) << 32'h1;
        csa_s$4 = csa_s$2 ^ csa_c$2 ^ s4_kq$q;
        csa_c$4 = ((csa_s$2 & csa_c$2) | (csa_s$2 & s4_kq$q) | (csa_c$2 & s4_kq$q)) << 32'h1;
        z = csa_s$3 + csa_c$3;
        z_q = csa_s$4 + csa_c$4;
        if (z_q[32'h2f]) begin
            s5_product$d = z[(32'hf)+:(30)];
        end
        else begin
            s5_product$d = z_q[(32'hf)+:(30)];
        end
        s5_valid$d = s4_valid$q;
        product = s5_product$q;
        valid_out = s5_valid$q;
        conv_out = s4_conv$q;
    end
    
endmodule // top$bflies$0$mul


module top$bflies$0$mul$s1_hh(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_hh


module top$bflies$0$mul$s1_ll(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_ll


module top$bflies$0$mul$s1_mm(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_mm


module top$bflies$0$mul$s1_q(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_q


module top$bflies$0$mul$s1_qi(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_qi


module top$bflies$0$mul$s1_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s1_valid


module top$bflies$0$mul$s2_q(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s2_q


module top$bflies$0$mul$s2_qi(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s2_qi


module top$bflies$0$mul$s2_t_hi(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s2_t_hi


module top$bflies$0$mul$s2_t_lo(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s2_t_lo


module top$bflies$0$mul$s2_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s2_valid


module top$bflies$0$mul$s3_c1(d,q,clock);
    
    // Module arguments
    input wire  [14:0] d;
    output reg  [14:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 15'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_c1


module top$bflies$0$mul$s3_c2(d,q,clock);
    
    // Module arguments
    input wire  [14:0] d;
    output reg  [14:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 15'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_c2


module top$bflies$0$mul$s3_ll(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_ll


module top$bflies$0$mul$s3_nz(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_nz


module top$bflies$0$mul$s3_q(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_q


module top$bflies$0$mul$s3_t_hi(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_t_hi


module top$bflies$0$mul$s3_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s3_valid


module top$bflies$0$mul$s4_conv(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_conv


module top$bflies$0$mul$s4_hh(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_hh


module top$bflies$0$mul$s4_k(d,q,clock);
    
    // Module arguments
    input wire  [47:0] d;
    output reg  [47:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 48'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_k


module top$bflies$0$mul$s4_kq(d,q,clock);
    
    // Module arguments
    input wire  [47:0] d;
    output reg  [47:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 48'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_kq


module top$bflies$0$mul$s4_ll(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_ll


module top$bflies$0$mul$s4_mm(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_mm


module top$bflies$0$mul$s4_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s4_valid


module top$bflies$0$mul$s5_product(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s5_product


module top$bflies$0$mul$s5_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$mul$s5_valid


module top$bflies$0$pw_delay$0(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$pw_delay$0


module top$bflies$0$pw_delay$1(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$pw_delay$1


module top$bflies$0$valid_delay$0(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$0


module top$bflies$0$valid_delay$1(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$1


module top$bflies$0$valid_delay$10(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$10


module top$bflies$0$valid_delay$11(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$11


module top$bflies$0$valid_delay$2(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$2


module top$bflies$0$valid_delay$3(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$3


module top$bflies$0$valid_delay$4(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$4


module top$bflies$0$valid_delay$5(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$5


module top$bflies$0$valid_delay$6(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$6


module top$bflies$0$valid_delay$7(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$7


module top$bflies$0$valid_delay$8(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$8


module top$bflies$0$valid_delay$9(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$valid_delay$9


module top$bflies$0$w_delay$0(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$w_delay$0


module top$bflies$0$w_delay$1(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$w_delay$1


module top$bflies$0$x_delay$0(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$x_delay$0


module top$bflies$0$x_delay$1(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$x_delay$1


module top$bflies$0$x_delay$2(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$x_delay$2


module top$bflies$0$x_delay$3(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$x_delay$3


module top$bflies$0$x_delay$4(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$bflies$0$x_delay$4


module top$control(clock,log_n,start,op,busy,done,inverse,pointwise,n,issue_valid,issue_base,issue_w,issue_d,issue_s);
    
    // Module arguments
    input wire  clock;
    input wire  [3:0] log_n;
    input wire  start;
    input wire  [1:0] op;
    output reg  busy;
    output reg  done;
    output reg  inverse;
    output reg  pointwise;
    output reg  [13:0] n;
    output reg  issue_valid;
    output reg  [13:0] issue_base;
    output reg  [3:0] issue_w;
    output reg  [3:0] issue_d;
    output reg  [3:0] issue_s;
    
    // Constant declarations
    localparam  lane_bits = 4'h0;
    localparam  bank_bits = 4'h1;
    localparam  raw_distance = 14'b1010;
    localparam  drain_ntt = 5'b1010;
    localparam  drain_pointwise = 5'b1111;
    localparam  pw_slow = 1'b1;
    
    // Enums
    localparam State$Idle = 0;
    localparam State$Run = 1;
    localparam State$Gap = 2;
    localparam State$Pointwise = 3;
    localparam State$Drain = 4;
    
    // Stub signals
    reg  pw_wait$d;
    wire  pw_wait$q;
    reg  pw_wait$clock;
    reg  [2:0] state$d;
    wire  [2:0] state$q;
    reg  state$clock;
    reg  inv$d;
    wire  inv$q;
    reg  inv$clock;
    reg  pw$d;
    wire  pw$q;
    reg  pw$clock;
    reg  [4:0] gap_len$d;
    wire  [4:0] gap_len$q;
    reg  gap_len$clock;
    reg  [4:0] countdown$d;
    wire  [4:0] countdown$q;
    reg  countdown$clock;
    reg  [3:0] s$d;
    wire  [3:0] s$q;
    reg  s$clock;
    reg  [13:0] g$d;
    wire  [13:0] g$q;
    reg  g$clock;
    reg  done_r$d;
    wire  done_r$q;
    reg  done_r$clock;
    reg  valid_r$d;
    wire  valid_r$q;
    reg  valid_r$clock;
    reg  [13:0] base_r$d;
    wire  [13:0] base_r$q;
    reg  base_r$clock;
    reg  [3:0] w_r$d;
    wire  [3:0] w_r$q;
    reg  w_r$clock;
    reg  [3:0] d_r$d;
    wire  [3:0] d_r$q;
    reg  d_r$clock;
    reg  [3:0] s_r$d;
    wire  [3:0] s_r$q;
    reg  s_r$clock;
    reg  [3:0] w_q$d;
    wire  [3:0] w_q$q;
    reg  w_q$clock;
    reg  [13:0] mask_q$d;
    wire  [13:0] mask_q$q;
    reg  mask_q$clock;
    
    // Local signals
    reg  [13:0] n_full;
    reg  [13:0] groups;
    reg  [13:0] pw_groups;
    reg  [13:0] n_quarter;
    reg  [13:0] gap_diff;
    reg  [3:0] w_top;
    reg  [13:0] hi;
    reg  [13:0] base;
    reg  [13:0] g_next;
    reg  last_stage;
    
    // Sub module instances
    top$control$pw_wait pw_wait(
        .d(pw_wait$d),
        .q(pw_wait$q),
        .clock(pw_wait$clock)
    );
    top$control$state state(
        .d(state$d),
        .q(state$q),
        .clock(state$clock)
    );
    top$control$inv inv(
        .d(inv$d),
        .q(inv$q),
        .clock(inv$clock)
    );
    top$control$pw pw(
        .d(pw$d),
        .q(pw$q),
        .clock(pw$clock)
    );
    top$control$gap_len gap_len(
        .d(gap_len$d),
        .q(gap_len$q),
        .clock(gap_len$clock)
    );
    top$control$countdown countdown(
        .d(countdown$d),
        .q(countdown$q),
        .clock(countdown$clock)
    );
    top$control$s s(
        .d(s$d),
        .q(s$q),
        .clock(s$clock)
    );
    top$control$g g(
        .d(g$d),
        .q(g$q),
        .clock(g$clock)
    );
    top$control$done_r done_r(
        .d(done_r$d),
        .q(done_r$q),
        .clock(done_r$clock)
    );
    top$control$valid_r valid_r(
        .d(valid_r$d),
        .q(valid_r$q),
        .clock(valid_r$clock)
    );
    top$control$base_r base_r(
        .d(base_r$d),
        .q(base_r$q),
        .clock(base_r$clock)
    );
    top$control$w_r w_r(
        .d(w_r$d),
        .q(w_r$q),
        .clock(w_r$clock)
    );
    top$control$d_r d_r(
        .d(d_r$d),
        .q(d_r$q),
        .clock(d_r$clock)
    );
    top$control$s_r s_r(
        .d(s_r$d),
        .q(s_r$q),
        .clock(s_r$clock)
    );
    top$control$w_q w_q(
        .d(w_q$d),
        .q(w_q$q),
        .clock(w_q$clock)
    );
    top$control$mask_q mask_q(
        .d(mask_q$d),
        .q(mask_q$q),
        .clock(mask_q$clock)
    );
    
    // Update code
    always @(*) begin
        state$clock = clock;
        inv$clock = clock;
        pw$clock = clock;
        gap_len$clock = clock;
        countdown$clock = clock;
        s$clock = clock;
        g$clock = clock;
        done_r$clock = clock;
        valid_r$clock = clock;
        base_r$clock = clock;
        w_r$clock = clock;
        d_r$clock = clock;
        s_r$clock = clock;
        pw_wait$clock = clock;
        w_q$clock = clock;
        mask_q$clock = clock;
        state$d = state$q;
        inv$d = inv$q;
        pw$d = pw$q;
        gap_len$d = gap_len$q;
        countdown$d = countdown$q;
        s$d = s$q;
        g$d = g$q;
        done_r$d = done_r$q;
        valid_r$d = valid_r$q;
        base_r$d = base_r$q;
        w_r$d = w_r$q;
        d_r$d = d_r$q;
        s_r$d = s_r$q;
        pw_wait$d = pw_wait$q;
        w_q$d = w_q$q;
        mask_q$d = mask_q$q;
        n_full = ((32'h1) & 14'h3fff) << log_n;
        groups = n_full >> bank_bits;
        pw_groups = n_full >> lane_bits;
        n_quarter = groups >> 32'h1;
        gap_diff = raw_distance - n_quarter;
        w_top = log_n - bank_bits;
        hi = g$q & ~mask_q$q;
        base = g$q + (hi << bank_bits) - hi;
        g_next = g$q + 32'h1;
        last_stage = (inv$q && ((s$q + 32'h1) == log_n)) || (~inv$q && ~|s$q);
        valid_r$d = 1'b0;
        done_r$d = 1'b0;
        case (state$q)
            State$Idle:
                begin
                    if (start && ~(op[32'h0] && op[32'h1])) begin
                        inv$d = op[32'h0];
                        pw$d = op[32'h1];
                        g$d = 32'h0;
                        pw_wait$d = 1'b0;
                        if (n_quarter >= raw_distance) begin
                            gap_len$d = 32'h0;
                        end
                        else begin
                            gap_len$d = gap_diff[(32'h0)+:(5)];
                        end
                        if (op[32'h1]) begin
                            state$d = State$Pointwise;
                        end
                        else if (op[32'h0]) begin
                            s$d = 32'h0;
                            w_q$d = 32'h0;
                            mask_q$d = 32'h0;
                            state$d = State$Run;
                        end
                        else begin
                            s$d = log_n - 32'h1;
                            w_q$d = w_top;
                            mask_q$d = groups - 32'h1;
                            state$d = State$Run;
                        end
                    end
                end
            State$Run:
                begin
                    valid_r$d = 1'b1;
                    base_r$d = base;
                    w_r$d = w_q$q;
                    d_r$d = s$q - w_q$q;
                    s_r$d = s$q;
                    if (g_next == groups) begin
                        if (last_stage) begin
                            countdown$d = drain_ntt;
                            state$d = State$Drain;
                        end
                        else begin
                            if (inv$q) begin
                                s$d = s$q + 32'h1;
                                if (w_q$q != w_top) begin
                                    w_q$d = w_q$q + 32'h1;
                                    mask_q$d = (mask_q$q << 32'h1) | 32'h1;
                                end
                            end
                            else begin
                                s$d = s$q - 32'h1;
                                if (|w_q$q) begin
                                    w_q$d = w_q$q - 32'h1;
                                    mask_q$d = mask_q$q >> 32'h1;
                                end
                            end
                            g$d = 32'h0;
                            if (|gap_len$q) begin
                                countdown$d = gap_len$q;
                                state$d = State$Gap;
                            end
                        end
                    end
                    else begin
                        g$d = g_next;
                    end
                end
            State$Gap:
                begin
                    countdown$d = countdown$q - 32'h1;
                    if (countdown$q == 32'h1) begin
                        state$d = State$Run;
                    end
                end
            State$Pointwise:
                begin
                    if (pw_wait$q) begin
                        pw_wait$d = 1'b0;
                    end
                    else begin
                        valid_r$d = 1'b1;
                        base_r$d = g$q << lane_bits;
                        w_r$d = 32'h0;
                        d_r$d = lane_bits;
                        s_r$d = 32'h0;
                        g$d = g_next;
                        pw_wait$d = pw_slow;
                        if (g_next == pw_groups) begin
                            countdown$d = drain_pointwise;
                            state$d = State$Drain;
                        end
                    end
                end
            State$Drain:
                begin
                    countdown$d = countdown$q - 32'h1;
                    if (countdown$q == 32'h1) begin
                        done_r$d = 1'b1;
                        state$d = State$Idle;
                    end
                end
            default:
                begin
                    state$d = State$Idle;
                end
        endcase
        busy = state$q != State$Idle;
        done = done_r$q;
        inverse = inv$q;
        pointwise = pw$q;
        n = n_full;
        issue_valid = valid_r$q;
        issue_base = base_r$q;
        issue_w = w_r$q;
        issue_d = d_r$q;
        issue_s = s_r$q;
    end
    
endmodule // top$control


module top$control$base_r(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$base_r


module top$control$countdown(d,q,clock);
    
    // Module arguments
    input wire  [4:0] d;
    output reg  [4:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 5'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$countdown


module top$control$d_r(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$d_r


module top$control$done_r(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$done_r


module top$control$g(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$g


module top$control$gap_len(d,q,clock);
    
    // Module arguments
    input wire  [4:0] d;
    output reg  [4:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 5'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$gap_len


module top$control$inv(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$inv


module top$control$mask_q(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$mask_q


module top$control$pw(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$pw


module top$control$pw_wait(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$pw_wait


module top$control$s(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$s


module top$control$s_r(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$s_r


module top$control$state(d,q,clock);
    
    // Module arguments
    input wire  [2:0] d;
    output reg  [2:0] q;
    input wire  clock;
    
    // Enums
    localparam State$Idle = 0;
    localparam State$Run = 1;
    localparam State$Gap = 2;
    localparam State$Pointwise = 3;
    localparam State$Drain = 4;
    
    // Update code (custom)
    initial begin
       q = 64'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$state


module top$control$valid_r(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$valid_r


module top$control$w_q(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$w_q


module top$control$w_r(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$control$w_r


module top$cv_addr$0(d,q,clock);
    
    // Module arguments
    input wire  [10:0] d;
    output reg  [10:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 11'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_addr$0


module top$cv_addr$1(d,q,clock);
    
    // Module arguments
    input wire  [10:0] d;
    output reg  [10:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 11'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_addr$1


module top$cv_addr$2(d,q,clock);
    
    // Module arguments
    input wire  [10:0] d;
    output reg  [10:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 11'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_addr$2


module top$cv_inv$0(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_inv$0


module top$cv_inv$1(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_inv$1


module top$cv_inv$2(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_inv$2


module top$cv_sel$0(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_sel$0


module top$cv_sel$1(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_sel$1


module top$cv_sel$2(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_sel$2


module top$cv_tw$0(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_tw$0


module top$cv_tw$1(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_tw$1


module top$cv_tw$2(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_tw$2


module top$cv_valid$0(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_valid$0


module top$cv_valid$1(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_valid$1


module top$cv_valid$2(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$cv_valid$2


module top$host_map(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [8:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b11111111111111;
    localparam  mask1 = 14'b0;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h1;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(9)];
    end
    
endmodule // top$host_map


module top$lanes$0(clock,issue_valid,issue_base,issue_w,issue_d,issue_s,n,inverse,pointwise,clear,tw_sel,tw_addr,tw_rsel,tw_data,sel_x,addr_x,sel_y,addr_y,rsel_x,rsel_y,x_cur,y_cur,x_oth,wb_valid,wb_sel_x,wb_sel_y,wb_addr_x,wb_addr_y,wb_x,wb_y,bf_valid,bf_x,bf_y,bf_tw,bf_x_out,bf_y_out);
    
    // Module arguments
    input wire  clock;
    input wire  issue_valid;
    input wire  [13:0] issue_base;
    input wire  [3:0] issue_w;
    input wire  [3:0] issue_d;
    input wire  [3:0] issue_s;
    input wire  [13:0] n;
    input wire  inverse;
    input wire  pointwise;
    input wire  clear;
    output reg  [7:0] tw_sel;
    output reg  [10:0] tw_addr;
    output reg  [7:0] tw_rsel;
    input wire  [29:0] tw_data;
    output reg  [7:0] sel_x;
    output reg  [8:0] addr_x;
    output reg  [7:0] sel_y;
    output reg  [8:0] addr_y;
    output reg  [7:0] rsel_x;
    output reg  [7:0] rsel_y;
    input wire  [29:0] x_cur;
    input wire  [29:0] y_cur;
    input wire  [29:0] x_oth;
    output reg  wb_valid;
    output reg  [7:0] wb_sel_x;
    output reg  [7:0] wb_sel_y;
    output reg  [8:0] wb_addr_x;
    output reg  [8:0] wb_addr_y;
    output reg  [29:0] wb_x;
    output reg  [29:0] wb_y;
    output reg  bf_valid;
    output reg  [29:0] bf_x;
    output reg  [29:0] bf_y;
    output reg  [29:0] bf_tw;
    input wire  [29:0] bf_x_out;
    input wire  [29:0] bf_y_out;
    
    // Constant declarations
    localparam  lane_id = 14'b0;
    localparam  lane_mask = 14'b0;
    localparam  lane_bits = 4'h0;
    
    // Stub signals
    reg  [13:0] map_x$index;
    wire  [7:0] map_x$onehot;
    wire  [8:0] map_x$addr;
    reg  [13:0] map_y$index;
    wire  [7:0] map_y$onehot;
    wire  [8:0] map_y$addr;
    reg  r_valid$d;
    wire  r_valid$q;
    reg  r_valid$clock;
    reg  [13:0] r_x$d;
    wire  [13:0] r_x$q;
    reg  r_x$clock;
    reg  [13:0] r_y$d;
    wire  [13:0] r_y$q;
    reg  r_y$clock;
    reg  [13:0] r_tw$d;
    wire  [13:0] r_tw$q;
    reg  r_tw$clock;
    reg  tag_valid$0$d;
    wire  tag_valid$0$q;
    reg  tag_valid$0$clock;
    reg  tag_valid$1$d;
    wire  tag_valid$1$q;
    reg  tag_valid$1$clock;
    reg  tag_valid$2$d;
    wire  tag_valid$2$q;
    reg  tag_valid$2$clock;
    reg  tag_valid$3$d;
    wire  tag_valid$3$q;
    reg  tag_valid$3$clock;
    reg  tag_valid$4$d;
    wire  tag_valid$4$q;
    reg  tag_valid$4$clock;
    reg  tag_valid$5$d;
    wire  tag_valid$5$q;
    reg  tag_valid$5$clock;
    reg  tag_valid$6$d;
    wire  tag_valid$6$q;
    reg  tag_valid$6$clock;
    reg  tag_valid$7$d;
    wire  tag_valid$7$q;
    reg  tag_valid$7$clock;
    reg  tag_valid$8$d;
    wire  tag_valid$8$q;
    reg  tag_valid$8$clock;
    reg  tag_valid$9$d;
    wire  tag_valid$9$q;
    reg  tag_valid$9$clock;
    reg  tag_valid$10$d;
    wire  tag_valid$10$q;
    reg  tag_valid$10$clock;
    reg  tag_valid$11$d;
    wire  tag_valid$11$q;
    reg  tag_valid$11$clock;
    reg  tag_valid$12$d;
    wire  tag_valid$12$q;
    reg  tag_valid$12$clock;
    reg  [7:0] tag_sx$0$d;
    wire  [7:0] tag_sx$0$q;
    reg  tag_sx$0$clock;
    reg  [7:0] tag_sx$1$d;
    wire  [7:0] tag_sx$1$q;
    reg  tag_sx$1$clock;
    reg  [7:0] tag_sx$2$d;
    wire  [7:0] tag_sx$2$q;
    reg  tag_sx$2$clock;
    reg  [7:0] tag_sx$3$d;
    wire  [7:0] tag_sx$3$q;
    reg  tag_sx$3$clock;
    reg  [7:0] tag_sx$4$d;
    wire  [7:0] tag_sx$4$q;
    reg  tag_sx$4$clock;
    reg  [7:0] tag_sx$5$d;
    wire  [7:0] tag_sx$5$q;
    reg  tag_sx$5$clock;
    reg  [7:0] tag_sx$6$d;
    wire  [7:0] tag_sx$6$q;
    reg  tag_sx$6$clock;
    reg  [7:0] tag_sx$7$d;
    wire  [7:0] tag_sx$7$q;
    reg  tag_sx$7$clock;
    reg  [7:0] tag_sx$8$d;
    wire  [7:0] tag_sx$8$q;
    reg  tag_sx$8$clock;
    reg  [7:0] tag_sx$9$d;
    wire  [7:0] tag_sx$9$q;
    reg  tag_sx$9$clock;
    reg  [7:0] tag_sx$10$d;
    wire  [7:0] tag_sx$10$q;
    reg  tag_sx$10$clock;
    reg  [7:0] tag_sx$11$d;
    wire  [7:0] tag_sx$11$q;
    reg  tag_sx$11$clock;
    reg  [7:0] tag_sx$12$d;
    wire  [7:0] tag_sx$12$q;
    reg  tag_sx$12$clock;
    reg  [7:0] tag_sy$0$d;
    wire  [7:0] tag_sy$0$q;
    reg  tag_sy$0$clock;
    reg  [7:0] tag_sy$1$d;
    wire  [7:0] tag_sy$1$q;
    reg  tag_sy$1$clock;
    reg  [7:0] tag_sy$2$d;
    wire  [7:0] tag_sy$2$q;
    reg  tag_sy$2$clock;
    reg  [7:0] tag_sy$3$d;
    wire  [7:0] tag_sy$3$q;
    reg  tag_sy$3$clock;
    reg  [7:0] tag_sy$4$d;
    wire  [7:0] tag_sy$4$q;
    reg  tag_sy$4$clock;
    reg  [7:0] tag_sy$5$d;
    wire  [7:0] tag_sy$5$q;
    reg  tag_sy$5$clock;
    reg  [7:0] tag_sy$6$d;
    wire  [7:0] tag_sy$6$q;
    reg  tag_sy$6$clock;
    reg  [7:0] tag_sy$7$d;
    wire  [7:0] tag_sy$7$q;
    reg  tag_sy$7$clock;
    reg  [7:0] tag_sy$8$d;
    wire  [7:0] tag_sy$8$q;
    reg  tag_sy$8$clock;
    reg  [7:0] tag_sy$9$d;
    wire  [7:0] tag_sy$9$q;
    reg  tag_sy$9$clock;
    reg  [7:0] tag_sy$10$d;
    wire  [7:0] tag_sy$10$q;
    reg  tag_sy$10$clock;
    reg  [7:0] tag_sy$11$d;
    wire  [7:0] tag_sy$11$q;
    reg  tag_sy$11$clock;
    reg  [7:0] tag_sy$12$d;
    wire  [7:0] tag_sy$12$q;
    reg  tag_sy$12$clock;
    reg  [8:0] tag_ax$0$d;
    wire  [8:0] tag_ax$0$q;
    reg  tag_ax$0$clock;
    reg  [8:0] tag_ax$1$d;
    wire  [8:0] tag_ax$1$q;
    reg  tag_ax$1$clock;
    reg  [8:0] tag_ax$2$d;
    wire  [8:0] tag_ax$2$q;
    reg  tag_ax$2$clock;
    reg  [8:0] tag_ax$3$d;
    wire  [8:0] tag_ax$3$q;
    reg  tag_ax$3$clock;
    reg  [8:0] tag_ax$4$d;
    wire  [8:0] tag_ax$4$q;
    reg  tag_ax$4$clock;
    reg  [8:0] tag_ax$5$d;
    wire  [8:0] tag_ax$5$q;
    reg  tag_ax$5$clock;
    reg  [8:0] tag_ax$6$d;
    wire  [8:0] tag_ax$6$q;
    reg  tag_ax$6$clock;
    reg  [8:0] tag_ax$7$d;
    wire  [8:0] tag_ax$7$q;
    reg  tag_ax$7$clock;
    reg  [8:0] tag_ax$8$d;
    wire  [8:0] tag_ax$8$q;
    reg  tag_ax$8$clock;
    reg  [8:0] tag_ax$9$d;
    wire  [8:0] tag_ax$9$q;
    reg  tag_ax$9$clock;
    reg  [8:0] tag_ax$10$d;
    wire  [8:0] tag_ax$10$q;
    reg  tag_ax$10$clock;
    reg  [8:0] tag_ax$11$d;
    wire  [8:0] tag_ax$11$q;
    reg  tag_ax$11$clock;
    reg  [8:0] tag_ax$12$d;
    wire  [8:0] tag_ax$12$q;
    reg  tag_ax$12$clock;
    reg  [8:0] tag_ay$0$d;
    wire  [8:0] tag_ay$0$q;
    reg  tag_ay$0$clock;
    reg  [8:0] tag_ay$1$d;
    wire  [8:0] tag_ay$1$q;
    reg  tag_ay$1$clock;
    reg  [8:0] tag_ay$2$d;
    wire  [8:0] tag_ay$2$q;
    reg  tag_ay$2$clock;
    reg  [8:0] tag_ay$3$d;
    wire  [8:0] tag_ay$3$q;
    reg  tag_ay$3$clock;
    reg  [8:0] tag_ay$4$d;
    wire  [8:0] tag_ay$4$q;
    reg  tag_ay$4$clock;
    reg  [8:0] tag_ay$5$d;
    wire  [8:0] tag_ay$5$q;
    reg  tag_ay$5$clock;
    reg  [8:0] tag_ay$6$d;
    wire  [8:0] tag_ay$6$q;
    reg  tag_ay$6$clock;
    reg  [8:0] tag_ay$7$d;
    wire  [8:0] tag_ay$7$q;
    reg  tag_ay$7$clock;
    reg  [8:0] tag_ay$8$d;
    wire  [8:0] tag_ay$8$q;
    reg  tag_ay$8$clock;
    reg  [8:0] tag_ay$9$d;
    wire  [8:0] tag_ay$9$q;
    reg  tag_ay$9$clock;
    reg  [8:0] tag_ay$10$d;
    wire  [8:0] tag_ay$10$q;
    reg  tag_ay$10$clock;
    reg  [8:0] tag_ay$11$d;
    wire  [8:0] tag_ay$11$q;
    reg  tag_ay$11$clock;
    reg  [8:0] tag_ay$12$d;
    wire  [8:0] tag_ay$12$q;
    reg  tag_ay$12$clock;
    reg  [7:0] tag_tw$d;
    wire  [7:0] tag_tw$q;
    reg  tag_tw$clock;
    
    // Local signals
    reg  [13:0] tw_bank;
    reg  [13:0] tw_row;
    reg  [13:0] low_d;
    reg  [13:0] c;
    reg  [13:0] x;
    
    // Sub module instances
    top$lanes$0$map_x map_x(
        .index(map_x$index),
        .onehot(map_x$onehot),
        .addr(map_x$addr)
    );
    top$lanes$0$map_y map_y(
        .index(map_y$index),
        .onehot(map_y$onehot),
        .addr(map_y$addr)
    );
    top$lanes$0$r_valid r_valid(
        .d(r_valid$d),
        .q(r_valid$q),
        .clock(r_valid$clock)
    );
    top$lanes$0$r_x r_x(
        .d(r_x$d),
        .q(r_x$q),
        .clock(r_x$clock)
    );
    top$lanes$0$r_y r_y(
        .d(r_y$d),
        .q(r_y$q),
        .clock(r_y$clock)
    );
    top$lanes$0$r_tw r_tw(
        .d(r_tw$d),
        .q(r_tw$q),
        .clock(r_tw$clock)
    );
    top$lanes$0$tag_valid$0 tag_valid$0(
        .d(tag_valid$0$d),
        .q(tag_valid$0$q),
        .clock(tag_valid$0$clock)
    );
    top$lanes$0$tag_valid$1 tag_valid$1(
        .d(tag_valid$1$d),
        .q(tag_valid$1$q),
        .clock(tag_valid$1$clock)
    );
    top$lanes$0$tag_valid$2 tag_valid$2(
        .d(tag_valid$2$d),
        .q(tag_valid$2$q),
        .clock(tag_valid$2$clock)
    );
    top$lanes$0$tag_valid$3 tag_valid$3(
        .d(tag_valid$3$d),
        .q(tag_valid$3$q),
        .clock(tag_valid$3$clock)
    );
    top$lanes$0$tag_valid$4 tag_valid$4(
        .d(tag_valid$4$d),
        .q(tag_valid$4$q),
        .clock(tag_valid$4$clock)
    );
    top$lanes$0$tag_valid$5 tag_valid$5(
        .d(tag_valid$5$d),
        .q(tag_valid$5$q),
        .clock(tag_valid$5$clock)
    );
    top$lanes$0$tag_valid$6 tag_valid$6(
        .d(tag_valid$6$d),
        .q(tag_valid$6$q),
        .clock(tag_valid$6$clock)
    );
    top$lanes$0$tag_valid$7 tag_valid$7(
        .d(tag_valid$7$d),
        .q(tag_valid$7$q),
        .clock(tag_valid$7$clock)
    );
    top$lanes$0$tag_valid$8 tag_valid$8(
        .d(tag_valid$8$d),
        .q(tag_valid$8$q),
        .clock(tag_valid$8$clock)
    );
    top$lanes$0$tag_valid$9 tag_valid$9(
        .d(tag_valid$9$d),
        .q(tag_valid$9$q),
        .clock(tag_valid$9$clock)
    );
    top$lanes$0$tag_valid$10 tag_valid$10(
        .d(tag_valid$10$d),
        .q(tag_valid$10$q),
        .clock(tag_valid$10$clock)
    );
    top$lanes$0$tag_valid$11 tag_valid$11(
        .d(tag_valid$11$d),
        .q(tag_valid$11$q),
        .clock(tag_valid$11$clock)
    );
    top$lanes$0$tag_valid$12 tag_valid$12(
        .d(tag_valid$12$d),
        .q(tag_valid$12$q),
        .clock(tag_valid$12$clock)
    );
    top$lanes$0$tag_sx$0 tag_sx$0(
        .d(tag_sx$0$d),
        .q(tag_sx$0$q),
        .clock(tag_sx$0$clock)
    );
    top$lanes$0$tag_sx$1 tag_sx$1(
        .d(tag_sx$1$d),
        .q(tag_sx$1$q),
        .clock(tag_sx$1$clock)
    );
    top$lanes$0$tag_sx$2 tag_sx$2(
        .d(tag_sx$2$d),
        .q(tag_sx$2$q),
        .clock(tag_sx$2$clock)
    );
    top$lanes$0$tag_sx$3 tag_sx$3(
        .d(tag_sx$3$d),
        .q(tag_sx$3$q),
        .clock(tag_sx$3$clock)
    );
    top$lanes$0$tag_sx$4 tag_sx$4(
        .d(tag_sx$4$d),
        .q(tag_sx$4$q),
        .clock(tag_sx$4$clock)
    );
    top$lanes$0$tag_sx$5 tag_sx$5(
        .d(tag_sx$5$d),
        .q(tag_sx$5$q),
        .clock(tag_sx$5$clock)
    );
    top$lanes$0$tag_sx$6 tag_sx$6(
        .d(tag_sx$6$d),
        .q(tag_sx$6$q),
        .clock(tag_sx$6$clock)
    );
    top$lanes$0$tag_sx$7 tag_sx$7(
        .d(tag_sx$7$d),
        .q(tag_sx$7$q),
        .clock(tag_sx$7$clock)
    );
    top$lanes$0$tag_sx$8 tag_sx$8(
        .d(tag_sx$8$d),
        .q(tag_sx$8$q),
        .clock(tag_sx$8$clock)
    );
    top$lanes$0$tag_sx$9 tag_sx$9(
        .d(tag_sx$9$d),
        .q(tag_sx$9$q),
        .clock(tag_sx$9$clock)
    );
    top$lanes$0$tag_sx$10 tag_sx$10(
        .d(tag_sx$10$d),
        .q(tag_sx$10$q),
        .clock(tag_sx$10$clock)
    );
    top$lanes$0$tag_sx$11 tag_sx$11(
        .d(tag_sx$11$d),
        .q(tag_sx$11$q),
        .clock(tag_sx$11$clock)
    );
    top$lanes$0$tag_sx$12 tag_sx$12(
        .d(tag_sx$12$d),
        .q(tag_sx$12$q),
        .clock(tag_sx$12$clock)
    );
    top$lanes$0$tag_sy$0 tag_sy$0(
        .d(tag_sy$0$d),
        .q(tag_sy$0$q),
        .clock(tag_sy$0$clock)
    );
    top$lanes$0$tag_sy$1 tag_sy$1(
        .d(tag_sy$1$d),
        .q(tag_sy$1$q),
        .clock(tag_sy$1$clock)
    );
    top$lanes$0$tag_sy$2 tag_sy$2(
        .d(tag_sy$2$d),
        .q(tag_sy$2$q),
        .clock(tag_sy$2$clock)
    );
    top$lanes$0$tag_sy$3 tag_sy$3(
        .d(tag_sy$3$d),
        .q(tag_sy$3$q),
        .clock(tag_sy$3$clock)
    );
    top$lanes$0$tag_sy$4 tag_sy$4(
        .d(tag_sy$4$d),
        .q(tag_sy$4$q),
        .clock(tag_sy$4$clock)
    );
    top$lanes$0$tag_sy$5 tag_sy$5(
        .d(tag_sy$5$d),
        .q(tag_sy$5$q),
        .clock(tag_sy$5$clock)
    );
    top$lanes$0$tag_sy$6 tag_sy$6(
        .d(tag_sy$6$d),
        .q(tag_sy$6$q),
        .clock(tag_sy$6$clock)
    );
    top$lanes$0$tag_sy$7 tag_sy$7(
        .d(tag_sy$7$d),
        .q(tag_sy$7$q),
        .clock(tag_sy$7$clock)
    );
    top$lanes$0$tag_sy$8 tag_sy$8(
        .d(tag_sy$8$d),
        .q(tag_sy$8$q),
        .clock(tag_sy$8$clock)
    );
    top$lanes$0$tag_sy$9 tag_sy$9(
        .d(tag_sy$9$d),
        .q(tag_sy$9$q),
        .clock(tag_sy$9$clock)
    );
    top$lanes$0$tag_sy$10 tag_sy$10(
        .d(tag_sy$10$d),
        .q(tag_sy$10$q),
        .clock(tag_sy$10$clock)
    );
    top$lanes$0$tag_sy$11 tag_sy$11(
        .d(tag_sy$11$d),
        .q(tag_sy$11$q),
        .clock(tag_sy$11$clock)
    );
    top$lanes$0$tag_sy$12 tag_sy$12(
        .d(tag_sy$12$d),
        .q(tag_sy$12$q),
        .clock(tag_sy$12$clock)
    );
    top$lanes$0$tag_ax$0 tag_ax$0(
        .d(tag_ax$0$d),
        .q(tag_ax$0$q),
        .clock(tag_ax$0$clock)
    );
    top$lanes$0$tag_ax$1 tag_ax$1(
        .d(tag_ax$1$d),
        .q(tag_ax$1$q),
        .clock(tag_ax$1$clock)
    );
    top$lanes$0$tag_ax$2 tag_ax$2(
        .d(tag_ax$2$d),
        .q(tag_ax$2$q),
        .clock(tag_ax$2$clock)
    );
    top$lanes$0$tag_ax$3 tag_ax$3(
        .d(tag_ax$3$d),
        .q(tag_ax$3$q),
        .clock(tag_ax$3$clock)
    );
    top$lanes$0$tag_ax$4 tag_ax$4(
        .d(tag_ax$4$d),
        .q(tag_ax$4$q),
        .clock(tag_ax$4$clock)
    );
    top$lanes$0$tag_ax$5 tag_ax$5(
        .d(tag_ax$5$d),
        .q(tag_ax$5$q),
        .clock(tag_ax$5$clock)
    );
    top$lanes$0$tag_ax$6 tag_ax$6(
        .d(tag_ax$6$d),
        .q(tag_ax$6$q),
        .clock(tag_ax$6$clock)
    );
    top$lanes$0$tag_ax$7 tag_ax$7(
        .d(tag_ax$7$d),
        .q(tag_ax$7$q),
        .clock(tag_ax$7$clock)
    );
    top$lanes$0$tag_ax$8 tag_ax$8(
        .d(tag_ax$8$d),
        .q(tag_ax$8$q),
        .clock(tag_ax$8$clock)
    );
    top$lanes$0$tag_ax$9 tag_ax$9(
        .d(tag_ax$9$d),
        .q(tag_ax$9$q),
        .clock(tag_ax$9$clock)
    );
    top$lanes$0$tag_ax$10 tag_ax$10(
        .d(tag_ax$10$d),
        .q(tag_ax$10$q),
        .clock(tag_ax$10$clock)
    );
    top$lanes$0$tag_ax$11 tag_ax$11(
        .d(tag_ax$11$d),
        .q(tag_ax$11$q),
        .clock(tag_ax$11$clock)
    );
    top$lanes$0$tag_ax$12 tag_ax$12(
        .d(tag_ax$12$d),
        .q(tag_ax$12$q),
        .clock(tag_ax$12$clock)
    );
    top$lanes$0$tag_ay$0 tag_ay$0(
        .d(tag_ay$0$d),
        .q(tag_ay$0$q),
        .clock(tag_ay$0$clock)
    );
    top$lanes$0$tag_ay$1 tag_ay$1(
        .d(tag_ay$1$d),
        .q(tag_ay$1$q),
        .clock(tag_ay$1$clock)
    );
    top$lanes$0$tag_ay$2 tag_ay$2(
        .d(tag_ay$2$d),
        .q(tag_ay$2$q),
        .clock(tag_ay$2$clock)
    );
    top$lanes$0$tag_ay$3 tag_ay$3(
        .d(tag_ay$3$d),
        .q(tag_ay$3$q),
        .clock(tag_ay$3$clock)
    );
    top$lanes$0$tag_ay$4 tag_ay$4(
        .d(tag_ay$4$d),
        .q(tag_ay$4$q),
        .clock(tag_ay$4$clock)
    );
    top$lanes$0$tag_ay$5 tag_ay$5(
        .d(tag_ay$5$d),
        .q(tag_ay$5$q),
        .clock(tag_ay$5$clock)
    );
    top$lanes$0$tag_ay$6 tag_ay$6(
        .d(tag_ay$6$d),
        .q(tag_ay$6$q),
        .clock(tag_ay$6$clock)
    );
    top$lanes$0$tag_ay$7 tag_ay$7(
        .d(tag_ay$7$d),
        .q(tag_ay$7$q),
        .clock(tag_ay$7$clock)
    );
    top$lanes$0$tag_ay$8 tag_ay$8(
        .d(tag_ay$8$d),
        .q(tag_ay$8$q),
        .clock(tag_ay$8$clock)
    );
    top$lanes$0$tag_ay$9 tag_ay$9(
        .d(tag_ay$9$d),
        .q(tag_ay$9$q),
        .clock(tag_ay$9$clock)
    );
    top$lanes$0$tag_ay$10 tag_ay$10(
        .d(tag_ay$10$d),
        .q(tag_ay$10$q),
        .clock(tag_ay$10$clock)
    );
    top$lanes$0$tag_ay$11 tag_ay$11(
        .d(tag_ay$11$d),
        .q(tag_ay$11$q),
        .clock(tag_ay$11$clock)
    );
    top$lanes$0$tag_ay$12 tag_ay$12(
        .d(tag_ay$12$d),
        .q(tag_ay$12$q),
        .clock(tag_ay$12$clock)
    );
    top$lanes$0$tag_tw tag_tw(
        .d(tag_tw$d),
        .q(tag_tw$q),
        .clock(tag_tw$clock)
    );
    
    // Update code
    always @(*) begin
        r_valid$clock = clock;
        r_x$clock = clock;
        r_y$clock = clock;
        r_tw$clock = clock;
        tag_tw$clock = clock;
        r_valid$d = r_valid$q;
        r_x$d = r_x$q;
        r_y$d = r_y$q;
        r_tw$d = r_tw$q;
        tag_tw$d = tag_tw$q;
        tag_valid$0$clock = clock;
        tag_sx$0$clock = clock;
        tag_sy$0$clock = clock;
        tag_ax$0$clock = clock;
        tag_ay$0$clock = clock;
        tag_valid$1$clock = clock;
        tag_sx$1$clock = clock;
        tag_sy$1$clock = clock;
        tag_ax$1$clock = clock;
        tag_ay$1$clock = clock;
        tag_valid$2$clock = clock;
        tag_sx$2$clock = clock;
        tag_sy$2$clock = clock;
        tag_ax$2$clock = clock;
        tag_ay$2$clock = clock;
        tag_valid$3$clock = clock;
        tag_sx$3$clock = clock;
        tag_sy$3$clock = clock;
        tag_ax$3$clock = clock;
        tag_ay$3$clock = clock;
        tag_valid$4$clock = clock;
        tag_sx$4$clock = clock;
        tag_sy$4$clock = clock;
        tag_ax$4$clock = clock;
        tag_ay$4$clock = clock;
        tag_valid$5$clock = clock;
        tag_sx$5$clock = clock;
        tag_sy$5$clock = clock;
        tag_ax$5$clock = clock;
        tag_ay$5$clock = clock;
        tag_valid$6$clock = clock;
        tag_sx$6$clock = clock;
        tag_sy$6$clock = clock;
        tag_ax$6$clock = clock;
        tag_ay$6$clock = clock;
        tag_valid$7$clock = clock;
        tag_sx$7$clock = clock;
        tag_sy$7$clock = clock;
        tag_ax$7$clock = clock;
        tag_ay$7$clock = clock;
        tag_valid$8$clock = clock;
        tag_sx$8$clock = clock;
        tag_sy$8$clock = clock;
        tag_ax$8$clock = clock;
        tag_ay$8$clock = clock;
        tag_valid$9$clock = clock;
        tag_sx$9$clock = clock;
        tag_sy$9$clock = clock;
        tag_ax$9$clock = clock;
        tag_ay$9$clock = clock;
        tag_valid$10$clock = clock;
        tag_sx$10$clock = clock;
        tag_sy$10$clock = clock;
        tag_ax$10$clock = clock;
        tag_ay$10$clock = clock;
        tag_valid$11$clock = clock;
        tag_sx$11$clock = clock;
        tag_sy$11$clock = clock;
        tag_ax$11$clock = clock;
        tag_ay$11$clock = clock;
        tag_valid$12$clock = clock;
        tag_sx$12$clock = clock;
        tag_sy$12$clock = clock;
        tag_ax$12$clock = clock;
        tag_ay$12$clock = clock;
        low_d = (((32'h1) & 14'h3fff) << issue_d) - 32'h1;
        c = ((lane_id >> issue_d) << (issue_d + 32'h1)) | (lane_id & low_d);
        x = issue_base | (c << issue_w);
        r_valid$d = issue_valid;
        r_x$d = x;
        if (pointwise) begin
            r_y$d = x;
        end
        else begin
            r_y$d = x | (((32'h1) & 14'h3fff) << issue_s);
        end
        r_tw$d = (n | x) >> (issue_s + 32'h1);
        map_x$index = r_x$q;
        map_y$index = r_y$q;
        sel_x = map_x$onehot;
        sel_y = map_y$onehot;
        addr_x = map_x$addr;
        addr_y = map_y$addr;
        tw_bank = r_tw$q & lane_mask;
        tw_row = r_tw$q >> lane_bits;
        tw_sel = ((32'h1) & 8'hff) << tw_bank;
        if (inverse) begin
            tw_addr = (((tw_row) & 11'h7ff) << 32'h1) + 32'h1;
        end
        else begin
            tw_addr = ((tw_row) & 11'h7ff) << 32'h1;
        end
        tag_tw$d = tw_sel;
        tw_rsel = tag_tw$q;
        tag_valid$0$d = r_valid$q;
        tag_sx$0$d = map_x$onehot;
        tag_sy$0$d = map_y$onehot;
        tag_ax$0$d = map_x$addr;
        tag_ay$0$d = map_y$addr;
        tag_valid$1$d = tag_valid$0$q && ~clear;
        tag_sx$1$d = tag_sx$0$q;
        tag_sy$1$d = tag_sy$0$q;
        tag_ax$1$d = tag_ax$0$q;
        tag_ay$1$d = tag_ay$0$q;
        tag_valid$2$d = tag_valid$1$q && ~clear;
        tag_sx$2$d = tag_sx$1$q;
        tag_sy$2$d = tag_sy$1$q;
        tag_ax$2$d = tag_ax$1$q;
        tag_ay$2$d = tag_ay$1$q;
        tag_valid$3$d = tag_valid$2$q && ~clear;
        tag_sx$3$d = tag_sx$2$q;
        tag_sy$3$d = tag_sy$2$q;
        tag_ax$3$d = tag_ax$2$q;
        tag_ay$3$d = tag_ay$2$q;
        tag_valid$4$d = tag_valid$3$q && ~clear;
        tag_sx$4$d = tag_sx$3$q;
        tag_sy$4$d = tag_sy$3$q;
        tag_ax$4$d = tag_ax$3$q;
        tag_ay$4$d = tag_ay$3$q;
        tag_valid$5$d = tag_valid$4$q && ~clear;
        tag_sx$5$d = tag_sx$4$q;
        tag_sy$5$d = tag_sy$4$q;
        tag_ax$5$d = tag_ax$4$q;
        tag_ay$5$d = tag_ay$4$q;
        tag_valid$6$d = tag_valid$5$q && ~clear;
        tag_sx$6$d = tag_sx$5$q;
        tag_sy$6$d = tag_sy$5$q;
        tag_ax$6$d = tag_ax$5$q;
        tag_ay$6$d = tag_ay$5$q;
        tag_valid$7$d = tag_valid$6$q && ~clear;
        tag_sx$7$d = tag_sx$6$q;
        tag_sy$7$d = tag_sy$6$q;
        tag_ax$7$d = tag_ax$6$q;
        tag_ay$7$d = tag_ay$6$q;
        tag_valid$8$d = tag_valid$7$q && ~clear;
        tag_sx$8$d = tag_sx$7$q;
        tag_sy$8$d = tag_sy$7$q;
        tag_ax$8$d = tag_ax$7$q;
        tag_ay$8$d = tag_ay$7$q;
        tag_valid$9$d = tag_valid$8$q && ~clear;
        tag_sx$9$d = tag_sx$8$q;
        tag_sy$9$d = tag_sy$8$q;
        tag_ax$9$d = tag_ax$8$q;
        tag_ay$9$d = tag_ay$8$q;
        tag_valid$10$d = tag_valid$9$q && ~clear;
        tag_sx$10$d = tag_sx$9$q;
        tag_sy$10$d = tag_sy$9$q;
        tag_ax$10$d = tag_ax$9$q;
        tag_ay$10$d = tag_ay$9$q;
        tag_valid$11$d = tag_valid$10$q && ~clear;
        tag_sx$11$d = tag_sx$10$q;
        tag_sy$11$d = tag_sy$10$q;
        tag_ax$11$d = tag_ax$10$q;
        tag_ay$11$d = tag_ay$10$q;
        tag_valid$12$d = tag_valid$11$q && ~clear;
        tag_sx$12$d = tag_sx$11$q;
        tag_sy$12$d = tag_sy$11$q;
        tag_ax$12$d = tag_ax$11$q;
        tag_ay$12$d = tag_ay$11$q;
        rsel_x = tag_sx$0$q;
        rsel_y = tag_sy$0$q;
        bf_x = x_cur;
        if (pointwise) begin
            bf_y = x_oth;
        end
        else begin
            bf_y = y_cur;
        end
        bf_valid = tag_valid$0$q;
        bf_tw = tw_data;
        if (pointwise) begin
            wb_valid = tag_valid$12$q;
            wb_sel_x = tag_sx$12$q;
            wb_sel_y = tag_sy$12$q;
            wb_addr_x = tag_ax$12$q;
            wb_addr_y = tag_ay$12$q;
        end
        else begin
            wb_valid = tag_valid$7$q;
            wb_sel_x = tag_sx$7$q;
            wb_sel_y = tag_sy$7$q;
            wb_addr_x = tag_ax$7$q;
            wb_addr_y = tag_ay$7$q;
        end
        wb_x = bf_x_out;
        wb_y = bf_y_out;
    end
    
endmodule // top$lanes$0


module top$lanes$0$map_x(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [8:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b11111111111111;
    localparam  mask1 = 14'b0;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h1;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(9)];
    end
    
endmodule // top$lanes$0$map_x


module top$lanes$0$map_y(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [8:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b11111111111111;
    localparam  mask1 = 14'b0;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h1;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(9)];
    end
    
endmodule // top$lanes$0$map_y


module top$lanes$0$r_tw(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$r_tw


module top$lanes$0$r_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$r_valid


module top$lanes$0$r_x(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$r_x


module top$lanes$0$r_y(d,q,clock);
    
    // Module arguments
    input wire  [13:0] d;
    output reg  [13:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 14'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$r_y


module top$lanes$0$tag_ax$0(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$0


module top$lanes$0$tag_ax$1(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$1


module top$lanes$0$tag_ax$10(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$10


module top$lanes$0$tag_ax$11(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$11


module top$lanes$0$tag_ax$12(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$12


module top$lanes$0$tag_ax$2(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$2


module top$lanes$0$tag_ax$3(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$3


module top$lanes$0$tag_ax$4(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$4


module top$lanes$0$tag_ax$5(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$5


module top$lanes$0$tag_ax$6(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$6


module top$lanes$0$tag_ax$7(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$7


module top$lanes$0$tag_ax$8(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$8


module top$lanes$0$tag_ax$9(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$9


module top$lanes$0$tag_ay$0(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$0


module top$lanes$0$tag_ay$1(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$1


module top$lanes$0$tag_ay$10(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$10


module top$lanes$0$tag_ay$11(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$11


module top$lanes$0$tag_ay$12(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$12


module top$lanes$0$tag_ay$2(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$2


module top$lanes$0$tag_ay$3(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$3


module top$lanes$0$tag_ay$4(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$4


module top$lanes$0$tag_ay$5(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$5


module top$lanes$0$tag_ay$6(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$6


module top$lanes$0$tag_ay$7(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$7


module top$lanes$0$tag_ay$8(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$8


module top$lanes$0$tag_ay$9(d,q,clock);
    
    // Module arguments
    input wire  [8:0] d;
    output reg  [8:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 9'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$9


module top$lanes$0$tag_sx$0(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$0


module top$lanes$0$tag_sx$1(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$1


module top$lanes$0$tag_sx$10(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$10


module top$lanes$0$tag_sx$11(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$11


module top$lanes$0$tag_sx$12(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$12


module top$lanes$0$tag_sx$2(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$2


module top$lanes$0$tag_sx$3(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$3


module top$lanes$0$tag_sx$4(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$4


module top$lanes$0$tag_sx$5(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$5


module top$lanes$0$tag_sx$6(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$6


module top$lanes$0$tag_sx$7(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$7


module top$lanes$0$tag_sx$8(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$8


module top$lanes$0$tag_sx$9(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sx$9


module top$lanes$0$tag_sy$0(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$0


module top$lanes$0$tag_sy$1(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$1


module top$lanes$0$tag_sy$10(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$10


module top$lanes$0$tag_sy$11(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$11


module top$lanes$0$tag_sy$12(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$12


module top$lanes$0$tag_sy$2(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$2


module top$lanes$0$tag_sy$3(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$3


module top$lanes$0$tag_sy$4(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$4


module top$lanes$0$tag_sy$5(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$5


module top$lanes$0$tag_sy$6(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$6


module top$lanes$0$tag_sy$7(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$7


module top$lanes$0$tag_sy$8(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$8


module top$lanes$0$tag_sy$9(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_sy$9


module top$lanes$0$tag_tw(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_tw


module top$lanes$0$tag_valid$0(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$0


module top$lanes$0$tag_valid$1(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$1


module top$lanes$0$tag_valid$10(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$10


module top$lanes$0$tag_valid$11(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$11


module top$lanes$0$tag_valid$12(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$12


module top$lanes$0$tag_valid$2(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$2


module top$lanes$0$tag_valid$3(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$3


module top$lanes$0$tag_valid$4(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$4


module top$lanes$0$tag_valid$5(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$5


module top$lanes$0$tag_valid$6(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$6


module top$lanes$0$tag_valid$7(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$7


module top$lanes$0$tag_valid$8(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$8


module top$lanes$0$tag_valid$9(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_valid$9


module top$log_n(d,q,clock);
    
    // Module arguments
    input wire  [3:0] d;
    output reg  [3:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 4'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$log_n


module top$mem0$0(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [8:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [8:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[511:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem0$0


module top$mem0$1(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [8:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [8:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[511:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem0$1


module top$mem1$0(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [8:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [8:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[511:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem1$0


module top$mem1$1(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [8:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [8:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[511:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem1$1


module top$modulus(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$modulus


module top$neg_inv(d,q,clock);
    
    // Module arguments
    input wire  [31:0] d;
    output reg  [31:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 32'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$neg_inv


module top$pw_const(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$pw_const


module top$rd_sel(d,q,clock);
    
    // Module arguments
    input wire  [7:0] d;
    output reg  [7:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 8'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$rd_sel


module top$rd_slot(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$rd_slot


module top$rd_valid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$rd_valid


module top$rdata(d,q,clock);
    
    // Module arguments
    input wire  [29:0] d;
    output reg  [29:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 30'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$rdata


module top$rvalid(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$rvalid


module top$slot(d,q,clock);
    
    // Module arguments
    input wire  d;
    output reg  q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 1'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$slot


module top$twiddles$0(clock,read_address,read_data,write_address,write_data,write_enable);
    
    // Module arguments
    input wire  clock;
    input wire  [10:0] read_address;
    output reg  [29:0] read_data;
    input wire  [10:0] write_address;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg [29:0] mem [0:2047];
    
    always @(posedge clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
endmodule // top$twiddles$0
