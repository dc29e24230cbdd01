

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
    localparam  lane_mask = 14'b1;
    localparam  lane_bits = 4'h1;
    
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
    wire  [3:0] lanes$0$tw_addr;
    wire  [7:0] lanes$0$tw_rsel;
    reg  [61:0] lanes$0$tw_data;
    wire  [7:0] lanes$0$sel_x;
    wire  [1:0] lanes$0$addr_x;
    wire  [7:0] lanes$0$sel_y;
    wire  [1:0] lanes$0$addr_y;
    wire  [7:0] lanes$0$rsel_x;
    wire  [7:0] lanes$0$rsel_y;
    reg  [29:0] lanes$0$x_cur;
    reg  [29:0] lanes$0$y_cur;
    reg  [29:0] lanes$0$x_oth;
    wire  lanes$0$wb_valid;
    wire  [7:0] lanes$0$wb_sel_x;
    wire  [7:0] lanes$0$wb_sel_y;
    wire  [1:0] lanes$0$wb_addr_x;
    wire  [1:0] lanes$0$wb_addr_y;
    wire  [29:0] lanes$0$wb_x;
    wire  [29:0] lanes$0$wb_y;
    wire  lanes$0$bf_valid;
    wire  [29:0] lanes$0$bf_x;
    wire  [29:0] lanes$0$bf_y;
    wire  [61:0] lanes$0$bf_tw;
    reg  [29:0] lanes$0$bf_x_out;
    reg  [29:0] lanes$0$bf_y_out;
    reg  lanes$1$clock;
    reg  lanes$1$issue_valid;
    reg  [13:0] lanes$1$issue_base;
    reg  [3:0] lanes$1$issue_w;
    reg  [3:0] lanes$1$issue_d;
    reg  [3:0] lanes$1$issue_s;
    reg  [13:0] lanes$1$n;
    reg  lanes$1$inverse;
    reg  lanes$1$pointwise;
    reg  lanes$1$clear;
    wire  [7:0] lanes$1$tw_sel;
    wire  [3:0] lanes$1$tw_addr;
    wire  [7:0] lanes$1$tw_rsel;
    reg  [61:0] lanes$1$tw_data;
    wire  [7:0] lanes$1$sel_x;
    wire  [1:0] lanes$1$addr_x;
    wire  [7:0] lanes$1$sel_y;
    wire  [1:0] lanes$1$addr_y;
    wire  [7:0] lanes$1$rsel_x;
    wire  [7:0] lanes$1$rsel_y;
    reg  [29:0] lanes$1$x_cur;
    reg  [29:0] lanes$1$y_cur;
    reg  [29:0] lanes$1$x_oth;
    wire  lanes$1$wb_valid;
    wire  [7:0] lanes$1$wb_sel_x;
    wire  [7:0] lanes$1$wb_sel_y;
    wire  [1:0] lanes$1$wb_addr_x;
    wire  [1:0] lanes$1$wb_addr_y;
    wire  [29:0] lanes$1$wb_x;
    wire  [29:0] lanes$1$wb_y;
    wire  lanes$1$bf_valid;
    wire  [29:0] lanes$1$bf_x;
    wire  [29:0] lanes$1$bf_y;
    wire  [61:0] lanes$1$bf_tw;
    reg  [29:0] lanes$1$bf_x_out;
    reg  [29:0] lanes$1$bf_y_out;
    reg  bflies$0$clock;
    reg  [29:0] bflies$0$modulus;
    reg  bflies$0$inverse;
    reg  bflies$0$pointwise;
    reg  [31:0] bflies$0$neg_inv;
    reg  [29:0] bflies$0$r_mod_q;
    reg  [31:0] bflies$0$r_shoup;
    reg  [29:0] bflies$0$x;
    reg  [29:0] bflies$0$y;
    reg  [29:0] bflies$0$w;
    reg  [31:0] bflies$0$w_shoup;
    reg  bflies$0$valid_in;
    wire  [29:0] bflies$0$x_out;
    wire  [29:0] bflies$0$y_out;
    wire  bflies$0$valid_out;
    reg  bflies$1$clock;
    reg  [29:0] bflies$1$modulus;
    reg  bflies$1$inverse;
    reg  bflies$1$pointwise;
    reg  [31:0] bflies$1$neg_inv;
    reg  [29:0] bflies$1$r_mod_q;
    reg  [31:0] bflies$1$r_shoup;
    reg  [29:0] bflies$1$x;
    reg  [29:0] bflies$1$y;
    reg  [29:0] bflies$1$w;
    reg  [31:0] bflies$1$w_shoup;
    reg  bflies$1$valid_in;
    wire  [29:0] bflies$1$x_out;
    wire  [29:0] bflies$1$y_out;
    wire  bflies$1$valid_out;
    reg  [1:0] mem0$0$read_address;
    reg  mem0$0$read_clock;
    wire  [29:0] mem0$0$read_data;
    reg  [1:0] mem0$0$write_address;
    reg  mem0$0$write_clock;
    reg  [29:0] mem0$0$write_data;
    reg  mem0$0$write_enable;
    reg  [1:0] mem0$1$read_address;
    reg  mem0$1$read_clock;
    wire  [29:0] mem0$1$read_data;
    reg  [1:0] mem0$1$write_address;
    reg  mem0$1$write_clock;
    reg  [29:0] mem0$1$write_data;
    reg  mem0$1$write_enable;
    reg  [1:0] mem0$2$read_address;
    reg  mem0$2$read_clock;
    wire  [29:0] mem0$2$read_data;
    reg  [1:0] mem0$2$write_address;
    reg  mem0$2$write_clock;
    reg  [29:0] mem0$2$write_data;
    reg  mem0$2$write_enable;
    reg  [1:0] mem0$3$read_address;
    reg  mem0$3$read_clock;
    wire  [29:0] mem0$3$read_data;
    reg  [1:0] mem0$3$write_address;
    reg  mem0$3$write_clock;
    reg  [29:0] mem0$3$write_data;
    reg  mem0$3$write_enable;
    reg  [1:0] mem1$0$read_address;
    reg  mem1$0$read_clock;
    wire  [29:0] mem1$0$read_data;
    reg  [1:0] mem1$0$write_address;
    reg  mem1$0$write_clock;
    reg  [29:0] mem1$0$write_data;
    reg  mem1$0$write_enable;
    reg  [1:0] mem1$1$read_address;
    reg  mem1$1$read_clock;
    wire  [29:0] mem1$1$read_data;
    reg  [1:0] mem1$1$write_address;
    reg  mem1$1$write_clock;
    reg  [29:0] mem1$1$write_data;
    reg  mem1$1$write_enable;
    reg  [1:0] mem1$2$read_address;
    reg  mem1$2$read_clock;
    wire  [29:0] mem1$2$read_data;
    reg  [1:0] mem1$2$write_address;
    reg  mem1$2$write_clock;
    reg  [29:0] mem1$2$write_data;
    reg  mem1$2$write_enable;
    reg  [1:0] mem1$3$read_address;
    reg  mem1$3$read_clock;
    wire  [29:0] mem1$3$read_data;
    reg  [1:0] mem1$3$write_address;
    reg  mem1$3$write_clock;
    reg  [29:0] mem1$3$write_data;
    reg  mem1$3$write_enable;
    reg  [3:0] twiddles$0$read_address;
    reg  twiddles$0$read_clock;
    wire  [61:0] twiddles$0$read_data;
    reg  [3:0] twiddles$0$write_address;
    reg  twiddles$0$write_clock;
    reg  [61:0] twiddles$0$write_data;
    reg  twiddles$0$write_enable;
    reg  [3:0] twiddles$1$read_address;
    reg  twiddles$1$read_clock;
    wire  [61:0] twiddles$1$read_data;
    reg  [3:0] twiddles$1$write_address;
    reg  twiddles$1$write_clock;
    reg  [61:0] twiddles$1$write_data;
    reg  twiddles$1$write_enable;
    reg  [13:0] host_map$index;
    wire  [7:0] host_map$onehot;
    wire  [1:0] host_map$addr;
    reg  [3:0] log_n$d;
    wire  [3:0] log_n$q;
    reg  log_n$clock;
    reg  [29:0] modulus$d;
    wire  [29:0] modulus$q;
    reg  modulus$clock;
    reg  [31:0] neg_inv$d;
    wire  [31:0] neg_inv$q;
    reg  neg_inv$clock;
    reg  [29:0] r_mod_q$d;
    wire  [29:0] r_mod_q$q;
    reg  r_mod_q$clock;
    reg  [31:0] r_shoup$d;
    wire  [31:0] r_shoup$q;
    reg  r_shoup$clock;
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
    
    // Local signals
    reg  host_ok;
    reg  tw_odd;
    reg  [30:0] tw_sum;
    reg  [31:0] tw_ws_half;
    reg  [29:0] tw_w_stored;
    reg  [31:0] tw_ws_stored;
    reg  [61:0] tw_word;
    reg  [3:0] tw_addr;
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
    top$lanes$1 lanes$1(
        .clock(lanes$1$clock),
        .issue_valid(lanes$1$issue_valid),
        .issue_base(lanes$1$issue_base),
        .issue_w(lanes$1$issue_w),
        .issue_d(lanes$1$issue_d),
        .issue_s(lanes$1$issue_s),
        .n(lanes$1$n),
        .inverse(lanes$1$inverse),
        .pointwise(lanes$1$pointwise),
        .clear(lanes$1$clear),
        .tw_sel(lanes$1$tw_sel),
        .tw_addr(lanes$1$tw_addr),
        .tw_rsel(lanes$1$tw_rsel),
        .tw_data(lanes$1$tw_data),
        .sel_x(lanes$1$sel_x),
        .addr_x(lanes$1$addr_x),
        .sel_y(lanes$1$sel_y),
        .addr_y(lanes$1$addr_y),
        .rsel_x(lanes$1$rsel_x),
        .rsel_y(lanes$1$rsel_y),
        .x_cur(lanes$1$x_cur),
        .y_cur(lanes$1$y_cur),
        .x_oth(lanes$1$x_oth),
        .wb_valid(lanes$1$wb_valid),
        .wb_sel_x(lanes$1$wb_sel_x),
        .wb_sel_y(lanes$1$wb_sel_y),
        .wb_addr_x(lanes$1$wb_addr_x),
        .wb_addr_y(lanes$1$wb_addr_y),
        .wb_x(lanes$1$wb_x),
        .wb_y(lanes$1$wb_y),
        .bf_valid(lanes$1$bf_valid),
        .bf_x(lanes$1$bf_x),
        .bf_y(lanes$1$bf_y),
        .bf_tw(lanes$1$bf_tw),
        .bf_x_out(lanes$1$bf_x_out),
        .bf_y_out(lanes$1$bf_y_out)
    );
    top$bflies$0 bflies$0(
        .clock(bflies$0$clock),
        .modulus(bflies$0$modulus),
        .inverse(bflies$0$inverse),
        .pointwise(bflies$0$pointwise),
        .neg_inv(bflies$0$neg_inv),
        .r_mod_q(bflies$0$r_mod_q),
        .r_shoup(bflies$0$r_shoup),
        .x(bflies$0$x),
        .y(bflies$0$y),
        .w(bflies$0$w),
        .w_shoup(bflies$0$w_shoup),
        .valid_in(bflies$0$valid_in),
        .x_out(bflies$0$x_out),
        .y_out(bflies$0$y_out),
        .valid_out(bflies$0$valid_out)
    );
    top$bflies$1 bflies$1(
        .clock(bflies$1$clock),
        .modulus(bflies$1$modulus),
        .inverse(bflies$1$inverse),
        .pointwise(bflies$1$pointwise),
        .neg_inv(bflies$1$neg_inv),
        .r_mod_q(bflies$1$r_mod_q),
        .r_shoup(bflies$1$r_shoup),
        .x(bflies$1$x),
        .y(bflies$1$y),
        .w(bflies$1$w),
        .w_shoup(bflies$1$w_shoup),
        .valid_in(bflies$1$valid_in),
        .x_out(bflies$1$x_out),
        .y_out(bflies$1$y_out),
        .valid_out(bflies$1$valid_out)
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
    top$mem0$2 mem0$2(
        .read_address(mem0$2$read_address),
        .read_clock(mem0$2$read_clock),
        .read_data(mem0$2$read_data),
        .write_address(mem0$2$write_address),
        .write_clock(mem0$2$write_clock),
        .write_data(mem0$2$write_data),
        .write_enable(mem0$2$write_enable)
    );
    top$mem0$3 mem0$3(
        .read_address(mem0$3$read_address),
        .read_clock(mem0$3$read_clock),
        .read_data(mem0$3$read_data),
        .write_address(mem0$3$write_address),
        .write_clock(mem0$3$write_clock),
        .write_data(mem0$3$write_data),
        .write_enable(mem0$3$write_enable)
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
    top$mem1$2 mem1$2(
        .read_address(mem1$2$read_address),
        .read_clock(mem1$2$read_clock),
        .read_data(mem1$2$read_data),
        .write_address(mem1$2$write_address),
        .write_clock(mem1$2$write_clock),
        .write_data(mem1$2$write_data),
        .write_enable(mem1$2$write_enable)
    );
    top$mem1$3 mem1$3(
        .read_address(mem1$3$read_address),
        .read_clock(mem1$3$read_clock),
        .read_data(mem1$3$read_data),
        .write_address(mem1$3$write_address),
        .write_clock(mem1$3$write_clock),
        .write_data(mem1$3$write_data),
        .write_enable(mem1$3$write_enable)
    );
    top$twiddles$0 twiddles$0(
        .read_address(twiddles$0$read_address),
        .read_clock(twiddles$0$read_clock),
        .read_data(twiddles$0$read_data),
        .write_address(twiddles$0$write_address),
        .write_clock(twiddles$0$write_clock),
        .write_data(twiddles$0$write_data),
        .write_enable(twiddles$0$write_enable)
    );
    top$twiddles$1 twiddles$1(
        .read_address(twiddles$1$read_address),
        .read_clock(twiddles$1$read_clock),
        .read_data(twiddles$1$read_data),
        .write_address(twiddles$1$write_address),
        .write_clock(twiddles$1$write_clock),
        .write_data(twiddles$1$write_data),
        .write_enable(twiddles$1$write_enable)
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
    top$r_mod_q r_mod_q(
        .d(r_mod_q$d),
        .q(r_mod_q$q),
        .clock(r_mod_q$clock)
    );
    top$r_shoup r_shoup(
        .d(r_shoup$d),
        .q(r_shoup$q),
        .clock(r_shoup$clock)
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
    
    // Update code
    always @(*) begin
        log_n$clock = clock;
        modulus$clock = clock;
        neg_inv$clock = clock;
        r_mod_q$clock = clock;
        r_shoup$clock = clock;
        slot$clock = clock;
        rd_valid$clock = clock;
        rd_slot$clock = clock;
        rd_sel$clock = clock;
        rdata$clock = clock;
        rvalid$clock = clock;
        log_n$d = log_n$q;
        modulus$d = modulus$q;
        neg_inv$d = neg_inv$q;
        r_mod_q$d = r_mod_q$q;
        r_shoup$d = r_shoup$q;
        slot$d = slot$q;
        rd_valid$d = rd_valid$q;
        rd_slot$d = rd_slot$q;
        rd_sel$d = rd_sel$q;
        rdata$d = rdata$q;
        rvalid$d = rvalid$q;
        mem0$0$read_clock = clock;
        mem0$0$write_clock = clock;
        mem1$0$read_clock = clock;
        mem1$0$write_clock = clock;
        mem0$1$read_clock = clock;
        mem0$1$write_clock = clock;
        mem1$1$read_clock = clock;
        mem1$1$write_clock = clock;
        mem0$2$read_clock = clock;
        mem0$2$write_clock = clock;
        mem1$2$read_clock = clock;
        mem1$2$write_clock = clock;
        mem0$3$read_clock = clock;
        mem0$3$write_clock = clock;
        mem1$3$read_clock = clock;
        mem1$3$write_clock = clock;
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
            if (cfg_addr == 32'h3) begin
                r_mod_q$d = cfg_data[(32'h0)+:(30)];
            end
            if (cfg_addr == 32'h4) begin
                r_shoup$d = cfg_data;
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
        tw_odd = tw_w[32'h0] && tw_inverse;
        if (tw_odd) begin
            tw_sum = ((tw_w) & 31'h7fffffff) + ((modulus$q) & 31'h7fffffff);
        end
        else begin
            tw_sum = ((tw_w) & 31'h7fffffff);
        end
        tw_ws_half = tw_w_shoup >> 32'h1;
        tw_row = tw_index >> lane_bits;
        tw_bank = tw_index & lane_mask;
        tw_sel = ((32'h1) & 8'hff) << tw_bank;
        if (tw_inverse) begin
            tw_w_stored = tw_sum[(32'h1)+:(30)];
            tw_ws_stored = (tw_ws_half & ~(1 << (32'h1f)) | ((tw_odd) << (32'h1f)));
            tw_addr = (((tw_row) & 4'hf) << 32'h1) + 32'h1;
        end
        else begin
            tw_w_stored = tw_w;
            tw_ws_stored = tw_w_shoup;
            tw_addr = ((tw_row) & 4'hf) << 32'h1;
        end
        tw_word = ((tw_w_stored) & 62'h3fffffffffffffff) | (((tw_ws_stored) & 62'h3fffffffffffffff) << 32'h1e);
        twiddles$0$read_clock = clock;
        twiddles$0$write_clock = clock;
        twiddles$0$write_address = tw_addr;
        twiddles$0$write_data = tw_word;
        twiddles$0$write_enable = tw_write && host_ok && tw_sel[0];
        twiddles$0$read_address = 32'h0;
        if (lanes$0$tw_sel[0]) begin
            twiddles$0$read_address = lanes$0$tw_addr;
        end
        if (lanes$1$tw_sel[0]) begin
            twiddles$0$read_address = lanes$1$tw_addr;
        end
        twiddles$1$read_clock = clock;
        twiddles$1$write_clock = clock;
        twiddles$1$write_address = tw_addr;
        twiddles$1$write_data = tw_word;
        twiddles$1$write_enable = tw_write && host_ok && tw_sel[1];
        twiddles$1$read_address = 32'h0;
        if (lanes$0$tw_sel[1]) begin
            twiddles$1$read_address = lanes$0$tw_addr;
        end
        if (lanes$1$tw_sel[1]) begin
            twiddles$1$read_address = lanes$1$tw_addr;
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
        bflies$0$r_mod_q = r_mod_q$q;
        bflies$0$r_shoup = r_shoup$q;
        bflies$0$valid_in = lanes$0$bf_valid;
        bflies$0$x = lanes$0$bf_x;
        bflies$0$y = lanes$0$bf_y;
        bflies$0$w = lanes$0$bf_tw[(32'h0)+:(30)];
        bflies$0$w_shoup = lanes$0$bf_tw[(32'h1e)+:(32)];
        lanes$0$bf_x_out = bflies$0$x_out;
        lanes$0$bf_y_out = bflies$0$y_out;
        lanes$0$tw_data = 32'h0;
        if (lanes$0$tw_rsel[0]) begin
            lanes$0$tw_data = twiddles$0$read_data;
        end
        if (lanes$0$tw_rsel[1]) begin
            lanes$0$tw_data = twiddles$1$read_data;
        end
        lanes$1$clock = clock;
        lanes$1$issue_valid = control$issue_valid;
        lanes$1$issue_base = control$issue_base;
        lanes$1$issue_w = control$issue_w;
        lanes$1$issue_d = control$issue_d;
        lanes$1$issue_s = control$issue_s;
        lanes$1$n = control$n;
        lanes$1$inverse = control$inverse;
        lanes$1$pointwise = control$pointwise;
        lanes$1$clear = control$start;
        bflies$1$clock = clock;
        bflies$1$modulus = modulus$q;
        bflies$1$inverse = control$inverse;
        bflies$1$pointwise = control$pointwise;
        bflies$1$neg_inv = neg_inv$q;
        bflies$1$r_mod_q = r_mod_q$q;
        bflies$1$r_shoup = r_shoup$q;
        bflies$1$valid_in = lanes$1$bf_valid;
        bflies$1$x = lanes$1$bf_x;
        bflies$1$y = lanes$1$bf_y;
        bflies$1$w = lanes$1$bf_tw[(32'h0)+:(30)];
        bflies$1$w_shoup = lanes$1$bf_tw[(32'h1e)+:(32)];
        lanes$1$bf_x_out = bflies$1$x_out;
        lanes$1$bf_y_out = bflies$1$y_out;
        lanes$1$tw_data = 32'h0;
        if (lanes$1$tw_rsel[0]) begin
            lanes$1$tw_data = twiddles$0$read_data;
        end
        if (lanes$1$tw_rsel[1]) begin
            lanes$1$tw_data = twiddles$1$read_data;
        end
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
            if (lanes$1$sel_x[0]) begin
                mem0$0$read_address = lanes$1$addr_x;
                mem1$0$read_address = lanes$1$addr_x;
            end
            if (lanes$1$sel_y[0]) begin
                mem0$0$read_address = lanes$1$addr_y;
                mem1$0$read_address = lanes$1$addr_y;
            end
            if (lanes$1$wb_valid && lanes$1$wb_sel_x[0]) begin
                mem0$0$write_address = lanes$1$wb_addr_x;
                mem1$0$write_address = lanes$1$wb_addr_x;
                mem0$0$write_data = lanes$1$wb_x;
                mem1$0$write_data = lanes$1$wb_x;
                mem0$0$write_enable = ~slot$q;
                mem1$0$write_enable = slot$q;
            end
            if (lanes$1$wb_valid && ~control$pointwise && lanes$1$wb_sel_y[0]) begin
                mem0$0$write_address = lanes$1$wb_addr_y;
                mem1$0$write_address = lanes$1$wb_addr_y;
                mem0$0$write_data = lanes$1$wb_y;
                mem1$0$write_data = lanes$1$wb_y;
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
            if (lanes$1$sel_x[1]) begin
                mem0$1$read_address = lanes$1$addr_x;
                mem1$1$read_address = lanes$1$addr_x;
            end
            if (lanes$1$sel_y[1]) begin
                mem0$1$read_address = lanes$1$addr_y;
                mem1$1$read_address = lanes$1$addr_y;
            end
            if (lanes$1$wb_valid && lanes$1$wb_sel_x[1]) begin
                mem0$1$write_address = lanes$1$wb_addr_x;
                mem1$1$write_address = lanes$1$wb_addr_x;
                mem0$1$write_data = lanes$1$wb_x;
                mem1$1$write_data = lanes$1$wb_x;
                mem0$1$write_enable = ~slot$q;
                mem1$1$write_enable = slot$q;
            end
            if (lanes$1$wb_valid && ~control$pointwise && lanes$1$wb_sel_y[1]) begin
                mem0$1$write_address = lanes$1$wb_addr_y;
                mem1$1$write_address = lanes$1$wb_addr_y;
                mem0$1$write_data = lanes$1$wb_y;
                mem1$1$write_data = lanes$1$wb_y;
                mem0$1$write_enable = ~slot$q;
                mem1$1$write_enable = slot$q;
            end
        end
        mem0$2$read_address = host_map$addr;
        mem1$2$read_address = host_map$addr;
        mem0$2$write_address = host_map$addr;
        mem1$2$write_address = host_map$addr;
        mem0$2$write_data = coef_data;
        mem1$2$write_data = coef_data;
        mem0$2$write_enable = coef_write && ~coef_slot && host_map$onehot[2];
        mem1$2$write_enable = coef_write && coef_slot && host_map$onehot[2];
        if (control$busy) begin
            mem0$2$write_enable = 1'b0;
            mem1$2$write_enable = 1'b0;
            if (lanes$0$sel_x[2]) begin
                mem0$2$read_address = lanes$0$addr_x;
                mem1$2$read_address = lanes$0$addr_x;
            end
            if (lanes$0$sel_y[2]) begin
                mem0$2$read_address = lanes$0$addr_y;
                mem1$2$read_address = lanes$0$addr_y;
            end
            if (lanes$0$wb_valid && lanes$0$wb_sel_x[2]) begin
                mem0$2$write_address = lanes$0$wb_addr_x;
                mem1$2$write_address = lanes$0$wb_addr_x;
                mem0$2$write_data = lanes$0$wb_x;
                mem1$2$write_data = lanes$0$wb_x;
                mem0$2$write_enable = ~slot$q;
                mem1$2$write_enable = slot$q;
            end
            if (lanes$0$wb_valid && ~control$pointwise && lanes$0$wb_sel_y[2]) begin
                mem0$2$write_address = lanes$0$wb_addr_y;
                mem1$2$write_address = lanes$0$wb_addr_y;
                mem0$2$write_data = lanes$0$wb_y;
                mem1$2$write_data = lanes$0$wb_y;
                mem0$2$write_enable = ~slot$q;
                mem1$2$write_enable = slot$q;
            end
            if (lanes$1$sel_x[2]) begin
                mem0$2$read_address = lanes$1$addr_x;
                mem1$2$read_address = lanes$1$addr_x;
            end
            if (lanes$1$sel_y[2]) begin
                mem0$2$read_address = lanes$1$addr_y;
                mem1$2$read_address = lanes$1$addr_y;
            end
            if (lanes$1$wb_valid && lanes$1$wb_sel_x[2]) begin
                mem0$2$write_address = lanes$1$wb_addr_x;
                mem1$2$write_address = lanes$1$wb_addr_x;
                mem0$2$write_data = lanes$1$wb_x;
                mem1$2$write_data = lanes$1$wb_x;
                mem0$2$write_enable = ~slot$q;
                mem1$2$write_enable = slot$q;
            end
            if (lanes$1$wb_valid && ~control$pointwise && lanes$1$wb_sel_y[2]) begin
                mem0$2$write_address = lanes$1$wb_addr_y;
                mem1$2$write_address = lanes$1$wb_addr_y;
                mem0$2$write_data = lanes$1$wb_y;
                mem1$2$write_data = lanes$1$wb_y;
                mem0$2$write_enable = ~slot$q;
                mem1$2$write_enable = slot$q;
            end
        end
        mem0$3$read_address = host_map$addr;
        mem1$3$read_address = host_map$addr;
        mem0$3$write_address = host_map$addr;
        mem1$3$write_address = host_map$addr;
        mem0$3$write_data = coef_data;
        mem1$3$write_data = coef_data;
        mem0$3$write_enable = coef_write && ~coef_slot && host_map$onehot[3];
        mem1$3$write_enable = coef_write && coef_slot && host_map$onehot[3];
        if (control$busy) begin
            mem0$3$write_enable = 1'b0;
            mem1$3$write_enable = 1'b0;
            if (lanes$0$sel_x[3]) begin
                mem0$3$read_address = lanes$0$addr_x;
                mem1$3$read_address = lanes$0$addr_x;
            end
            if (lanes$0$sel_y[3]) begin
                mem0$3$read_address = lanes$0$addr_y;
                mem1$3$read_address = lanes$0$addr_y;
            end
            if (lanes$0$wb_valid && lanes$0$wb_sel_x[3]) begin
                mem0$3$write_address = lanes$0$wb_addr_x;
                mem1$3$write_address = lanes$0$wb_addr_x;
                mem0$3$write_data = lanes$0$wb_x;
                mem1$3$write_data = lanes$0$wb_x;
                mem0$3$write_enable = ~slot$q;
                mem1$3$write_enable = slot$q;
            end
            if (lanes$0$wb_valid && ~control$pointwise && lanes$0$wb_sel_y[3]) begin
                mem0$3$write_address = lanes$0$wb_addr_y;
                mem1$3$write_address = lanes$0$wb_addr_y;
                mem0$3$write_data = lanes$0$wb_y;
                mem1$3$write_data = lanes$0$wb_y;
                mem0$3$write_enable = ~slot$q;
                mem1$3$write_enable = slot$q;
            end
            if (lanes$1$sel_x[3]) begin
                mem0$3$read_address = lanes$1$addr_x;
                mem1$3$read_address = lanes$1$addr_x;
            end
            if (lanes$1$sel_y[3]) begin
                mem0$3$read_address = lanes$1$addr_y;
                mem1$3$read_address = lanes$1$addr_y;
            end
            if (lanes$1$wb_valid && lanes$1$wb_sel_x[3]) begin
                mem0$3$write_address = lanes$1$wb_addr_x;
                mem1$3$write_address = lanes$1$wb_addr_x;
                mem0$3$write_data = lanes$1$wb_x;
                mem1$3$write_data = lanes$1$wb_x;
                mem0$3$write_enable = ~slot$q;
                mem1$3$write_enable = slot$q;
            end
            if (lanes$1$wb_valid && ~control$pointwise && lanes$1$wb_sel_y[3]) begin
                mem0$3$write_address = lanes$1$wb_addr_y;
                mem1$3$write_address = lanes$1$wb_addr_y;
                mem0$3$write_data = lanes$1$wb_y;
                mem1$3$write_data = lanes$1$wb_y;
                mem0$3$write_enable = ~slot$q;
                mem1$3$write_enable = slot$q;
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
        if (lanes$0$rsel_x[2]) begin
            if (slot$q) begin
                lanes$0$x_cur = mem1$2$read_data;
                lanes$0$x_oth = mem0$2$read_data;
            end
            else begin
                lanes$0$x_cur = mem0$2$read_data;
                lanes$0$x_oth = mem1$2$read_data;
            end
        end
        if (lanes$0$rsel_y[2]) begin
            if (slot$q) begin
                lanes$0$y_cur = mem1$2$read_data;
            end
            else begin
                lanes$0$y_cur = mem0$2$read_data;
            end
        end
        if (lanes$0$rsel_x[3]) begin
            if (slot$q) begin
                lanes$0$x_cur = mem1$3$read_data;
                lanes$0$x_oth = mem0$3$read_data;
            end
            else begin
                lanes$0$x_cur = mem0$3$read_data;
                lanes$0$x_oth = mem1$3$read_data;
            end
        end
        if (lanes$0$rsel_y[3]) begin
            if (slot$q) begin
                lanes$0$y_cur = mem1$3$read_data;
            end
            else begin
                lanes$0$y_cur = mem0$3$read_data;
            end
        end
        lanes$1$x_cur = 32'h0;
        lanes$1$y_cur = 32'h0;
        lanes$1$x_oth = 32'h0;
        if (lanes$1$rsel_x[0]) begin
            if (slot$q) begin
                lanes$1$x_cur = mem1$0$read_data;
                lanes$1$x_oth = mem0$0$read_data;
            end
            else begin
                lanes$1$x_cur = mem0$0$read_data;
                lanes$1$x_oth = mem1$0$read_data;
            end
        end
        if (lanes$1$rsel_y[0]) begin
            if (slot$q) begin
                lanes$1$y_cur = mem1$0$read_data;
            end
            else begin
                lanes$1$y_cur = mem0$0$read_data;
            end
        end
        if (lanes$1$rsel_x[1]) begin
            if (slot$q) begin
                lanes$1$x_cur = mem1$1$read_data;
                lanes$1$x_oth = mem0$1$read_data;
            end
            else begin
                lanes$1$x_cur = mem0$1$read_data;
                lanes$1$x_oth = mem1$1$read_data;
            end
        end
        if (lanes$1$rsel_y[1]) begin
            if (slot$q) begin
                lanes$1$y_cur = mem1$1$read_data;
            end
            else begin
                lanes$1$y_cur = mem0$1$read_data;
            end
        end
        if (lanes$1$rsel_x[2]) begin
            if (slot$q) begin
                lanes$1$x_cur = mem1$2$read_data;
                lanes$1$x_oth = mem0$2$read_data;
            end
            else begin
                lanes$1$x_cur = mem0$2$read_data;
                lanes$1$x_oth = mem1$2$read_data;
            end
        end
        if (lanes$1$rsel_y[2]) begin
            if (slot$q) begin
                lanes$1$y_cur = mem1$2$read_data;
            end
            else begin
                lanes$1$y_cur = mem0$2$read_data;
            end
        end
        if (lanes$1$rsel_x[3]) begin
            if (slot$q) begin
                lanes$1$x_cur = mem1$3$read_data;
                lanes$1$x_oth = mem0$3$read_data;
            end
            else begin
                lanes$1$x_cur = mem0$3$read_data;
                lanes$1$x_oth = mem1$3$read_data;
            end
        end
        if (lanes$1$rsel_y[3]) begin
            if (slot$q) begin
                lanes$1$y_cur = mem1$3$read_data;
            end
            else begin
                lanes$1$y_cur = mem0$3$read_data;
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
        if (rd_sel$q[2]) begin
            if (rd_slot$q) begin
                rdata$d = mem1$2$read_data;
            end
            else begin
                rdata$d = mem0$2$read_data;
            end
        end
        if (rd_sel$q[3]) begin
            if (rd_slot$q) begin
                rdata$d = mem1$3$read_data;
            end
            else begin
                rdata$d = mem0$3$read_data;
            end
        end
        rvalid$d = rd_valid$q;
        coef_rdata = rdata$q;
        coef_rvalid = rvalid$q;
    end
    
endmodule // top


module top$bflies$0(clock,modulus,inverse,pointwise,neg_inv,r_mod_q,r_shoup,x,y,w,w_shoup,valid_in,x_out,y_out,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  inverse;
    input wire  pointwise;
    input wire  [31:0] neg_inv;
    input wire  [29:0] r_mod_q;
    input wire  [31:0] r_shoup;
    input wire  [29:0] x;
    input wire  [29:0] y;
    input wire  [29:0] w;
    input wire  [31:0] w_shoup;
    input wire  valid_in;
    output reg  [29:0] x_out;
    output reg  [29:0] y_out;
    output reg  valid_out;
    
    // Stub signals
    reg  mul$clock;
    reg  [29:0] mul$modulus;
    reg  [31:0] mul$a;
    reg  [29:0] mul$w;
    reg  [31:0] mul$w_shoup;
    reg  mul$valid_in;
    wire  [29:0] mul$product;
    wire  mul$valid_out;
    reg  add$clock;
    reg  [29:0] add$modulus;
    reg  [29:0] add$a;
    reg  [29:0] add$b;
    reg  add$valid_in;
    wire  [29:0] add$sum;
    wire  [29:0] add$diff;
    wire  add$valid_out;
    reg  mont$clock;
    reg  [29:0] mont$modulus;
    reg  [31:0] mont$neg_inv;
    reg  [29:0] mont$a;
    reg  [29:0] mont$b;
    reg  mont$valid_in;
    wire  [29:0] mont$product;
    wire  mont$valid_out;
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
    reg  [31:0] ws_delay$0$d;
    wire  [31:0] ws_delay$0$q;
    reg  ws_delay$0$clock;
    reg  [31:0] ws_delay$1$d;
    wire  [31:0] ws_delay$1$q;
    reg  ws_delay$1$clock;
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
        .a(mul$a),
        .w(mul$w),
        .w_shoup(mul$w_shoup),
        .valid_in(mul$valid_in),
        .product(mul$product),
        .valid_out(mul$valid_out)
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
    top$bflies$0$mont mont(
        .clock(mont$clock),
        .modulus(mont$modulus),
        .neg_inv(mont$neg_inv),
        .a(mont$a),
        .b(mont$b),
        .valid_in(mont$valid_in),
        .product(mont$product),
        .valid_out(mont$valid_out)
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
    top$bflies$0$ws_delay$0 ws_delay$0(
        .d(ws_delay$0$d),
        .q(ws_delay$0$q),
        .clock(ws_delay$0$clock)
    );
    top$bflies$0$ws_delay$1 ws_delay$1(
        .d(ws_delay$1$d),
        .q(ws_delay$1$q),
        .clock(ws_delay$1$clock)
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
        ws_delay$0$clock = clock;
        w_delay$1$clock = clock;
        ws_delay$1$clock = clock;
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
        mont$clock = clock;
        mul$modulus = modulus;
        add$modulus = modulus;
        mont$modulus = modulus;
        mont$neg_inv = neg_inv;
        mul$valid_in = 1'b1;
        add$valid_in = 1'b1;
        mont$valid_in = 1'b1;
        x_delay$0$d = x;
        w_delay$0$d = w;
        ws_delay$0$d = w_shoup;
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
        ws_delay$1$d = ws_delay$0$q;
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
        mont$a = x;
        mont$b = y;
        if (pointwise) begin
            mul$a = ((mont$product) & 32'hffffffff);
            mul$w = r_mod_q;
            mul$w_shoup = r_shoup;
        end
        else if (inverse) begin
            mul$a = ((add$diff) & 32'hffffffff);
            mul$w = w_delay$1$q;
            mul$w_shoup = ws_delay$1$q;
        end
        else begin
            mul$a = ((y) & 32'hffffffff);
            mul$w = w;
            mul$w_shoup = w_shoup;
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
            x_out = mul$product;
            y_out = mul$product;
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


module top$bflies$0$mont(clock,modulus,neg_inv,a,b,valid_in,product,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [31:0] neg_inv;
    input wire  [29:0] a;
    input wire  [29:0] b;
    input wire  valid_in;
    output reg  [29:0] product;
    output reg  valid_out;
    
    // Stub signals
    reg  [31:0] s1_ll$d;
    wire  [31:0] s1_ll$q;
    reg  s1_ll$clock;
    reg  [31:0] s1_lh$d;
    wire  [31:0] s1_lh$q;
    reg  s1_lh$clock;
    reg  [31:0] s1_hl$d;
    wire  [31:0] s1_hl$q;
    reg  s1_hl$clock;
    reg  [31:0] s1_hh$d;
    wire  [31:0] s1_hh$q;
    reg  s1_hh$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  [31:0] s1_qi$d;
    wire  [31:0] s1_qi$q;
    reg  s1_qi$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [31:0] s2_t_lo$d;
    wire  [31:0] s2_t_lo$q;
    reg  s2_t_lo$clock;
    reg  [31:0] s2_t_hi$d;
    wire  [31:0] s2_t_hi$q;
    reg  s2_t_hi$clock;
    reg  [29:0] s2_q$d;
    wire  [29:0] s2_q$q;
    reg  s2_q$clock;
    reg  [31:0] s2_qi$d;
    wire  [31:0] s2_qi$q;
    reg  s2_qi$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    reg  [31:0] s3_ll$d;
    wire  [31:0] s3_ll$q;
    reg  s3_ll$clock;
    reg  [31:0] s3_lh$d;
    wire  [31:0] s3_lh$q;
    reg  s3_lh$clock;
    reg  [31:0] s3_hl$d;
    wire  [31:0] s3_hl$q;
    reg  s3_hl$clock;
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
    reg  [31:0] s4_m$d;
    wire  [31:0] s4_m$q;
    reg  s4_m$clock;
    reg  [31:0] s4_t_hi$d;
    wire  [31:0] s4_t_hi$q;
    reg  s4_t_hi$clock;
    reg  s4_nz$d;
    wire  s4_nz$q;
    reg  s4_nz$clock;
    reg  [29:0] s4_q$d;
    wire  [29:0] s4_q$q;
    reg  s4_q$clock;
    reg  s4_valid$d;
    wire  s4_valid$q;
    reg  s4_valid$clock;
    reg  [31:0] s5_ll$d;
    wire  [31:0] s5_ll$q;
    reg  s5_ll$clock;
    reg  [31:0] s5_lh$d;
    wire  [31:0] s5_lh$q;
    reg  s5_lh$clock;
    reg  [31:0] s5_hl$d;
    wire  [31:0] s5_hl$q;
    reg  s5_hl$clock;
    reg  [31:0] s5_hh$d;
    wire  [31:0] s5_hh$q;
    reg  s5_hh$clock;
    reg  [31:0] s5_t_hi$d;
    wire  [31:0] s5_t_hi$q;
    reg  s5_t_hi$clock;
    reg  s5_nz$d;
    wire  s5_nz$q;
    reg  s5_nz$clock;
    reg  [29:0] s5_q$d;
    wire  [29:0] s5_q$q;
    reg  s5_q$clock;
    reg  s5_valid$d;
    wire  s5_valid$q;
    reg  s5_valid$clock;
    reg  [31:0] s6_t$d;
    wire  [31:0] s6_t$q;
    reg  s6_t$clock;
    reg  [29:0] s6_q$d;
    wire  [29:0] s6_q$q;
    reg  s6_q$clock;
    reg  s6_valid$d;
    wire  s6_valid$q;
    reg  s6_valid$clock;
    reg  [29:0] s7_product$d;
    wire  [29:0] s7_product$q;
    reg  s7_product$clock;
    reg  s7_valid$d;
    wire  s7_valid$q;
    reg  s7_valid$clock;
    
    // Local signals
    reg  [31:0] a_wide;
    reg  [31:0] b_wide;
    reg  [15:0] a_lo;
    reg  [15:0] a_hi;
    reg  [15:0] b_lo;
    reg  [15:0] b_hi;
    reg  [33:0] t_mid;
    reg  [32:0] t_lo_sum;
    reg  [31:0] t_hi_sum;
    reg  [15:0] m_cross;
    reg  [31:0] m_cross_wide;
    reg  [31:0] q4_wide;
    reg  [33:0] mq_mid;
    reg  [32:0] mq_lo_sum;
    reg  [31:0] mq_hi;
    reg  [31:0] t_sum;
    reg  [31:0] q6_wide;
    reg  [31:0] t_minus_q;
    
    // Sub module instances
    top$bflies$0$mont$s1_ll s1_ll(
        .d(s1_ll$d),
        .q(s1_ll$q),
        .clock(s1_ll$clock)
    );
    top$bflies$0$mont$s1_lh s1_lh(
        .d(s1_lh$d),
        .q(s1_lh$q),
        .clock(s1_lh$clock)
    );
    top$bflies$0$mont$s1_hl s1_hl(
        .d(s1_hl$d),
        .q(s1_hl$q),
        .clock(s1_hl$clock)
    );
    top$bflies$0$mont$s1_hh s1_hh(
        .d(s1_hh$d),
        .q(s1_hh$q),
        .clock(s1_hh$clock)
    );
    top$bflies$0$mont$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$0$mont$s1_qi s1_qi(
        .d(s1_qi$d),
        .q(s1_qi$q),
        .clock(s1_qi$clock)
    );
    top$bflies$0$mont$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$0$mont$s2_t_lo s2_t_lo(
        .d(s2_t_lo$d),
        .q(s2_t_lo$q),
        .clock(s2_t_lo$clock)
    );
    top$bflies$0$mont$s2_t_hi s2_t_hi(
        .d(s2_t_hi$d),
        .q(s2_t_hi$q),
        .clock(s2_t_hi$clock)
    );
    top$bflies$0$mont$s2_q s2_q(
        .d(s2_q$d),
        .q(s2_q$q),
        .clock(s2_q$clock)
    );
    top$bflies$0$mont$s2_qi s2_qi(
        .d(s2_qi$d),
        .q(s2_qi$q),
        .clock(s2_qi$clock)
    );
    top$bflies$0$mont$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    top$bflies$0$mont$s3_ll s3_ll(
        .d(s3_ll$d),
        .q(s3_ll$q),
        .clock(s3_ll$clock)
    );
    top$bflies$0$mont$s3_lh s3_lh(
        .d(s3_lh$d),
        .q(s3_lh$q),
        .clock(s3_lh$clock)
    );
    top$bflies$0$mont$s3_hl s3_hl(
        .d(s3_hl$d),
        .q(s3_hl$q),
        .clock(s3_hl$clock)
    );
    top$bflies$0$mont$s3_t_hi s3_t_hi(
        .d(s3_t_hi$d),
        .q(s3_t_hi$q),
        .clock(s3_t_hi$clock)
    );
    top$bflies$0$mont$s3_nz s3_nz(
        .d(s3_nz$d),
        .q(s3_nz$q),
        .clock(s3_nz$clock)
    );
    top$bflies$0$mont$s3_q s3_q(
        .d(s3_q$d),
        .q(s3_q$q),
        .clock(s3_q$clock)
    );
    top$bflies$0$mont$s3_valid s3_valid(
        .d(s3_valid$d),
        .q(s3_valid$q),
        .clock(s3_valid$clock)
    );
    top$bflies$0$mont$s4_m s4_m(
        .d(s4_m$d),
        .q(s4_m$q),
        .clock(s4_m$clock)
    );
    top$bflies$0$mont$s4_t_hi s4_t_hi(
        .d(s4_t_hi$d),
        .q(s4_t_hi$q),
        .clock(s4_t_hi$clock)
    );
    top$bflies$0$mont$s4_nz s4_nz(
        .d(s4_nz$d),
        .q(s4_nz$q),
        .clock(s4_nz$clock)
    );
    top$bflies$0$mont$s4_q s4_q(
        .d(s4_q$d),
        .q(s4_q$q),
        .clock(s4_q$clock)
    );
    top$bflies$0$mont$s4_valid s4_valid(
        .d(s4_valid$d),
        .q(s4_valid$q),
        .clock(s4_valid$clock)
    );
    top$bflies$0$mont$s5_ll s5_ll(
        .d(s5_ll$d),
        .q(s5_ll$q),
        .clock(s5_ll$clock)
    );
    top$bflies$0$mont$s5_lh s5_lh(
        .d(s5_lh$d),
        .q(s5_lh$q),
        .clock(s5_lh$clock)
    );
    top$bflies$0$mont$s5_hl s5_hl(
        .d(s5_hl$d),
        .q(s5_hl$q),
        .clock(s5_hl$clock)
    );
    top$bflies$0$mont$s5_hh s5_hh(
        .d(s5_hh$d),
        .q(s5_hh$q),
        .clock(s5_hh$clock)
    );
    top$bflies$0$mont$s5_t_hi s5_t_hi(
        .d(s5_t_hi$d),
        .q(s5_t_hi$q),
        .clock(s5_t_hi$clock)
    );
    top$bflies$0$mont$s5_nz s5_nz(
        .d(s5_nz$d),
        .q(s5_nz$q),
        .clock(s5_nz$clock)
    );
    top$bflies$0$mont$s5_q s5_q(
        .d(s5_q$d),
        .q(s5_q$q),
        .clock(s5_q$clock)
    );
    top$bflies$0$mont$s5_valid s5_valid(
        .d(s5_valid$d),
        .q(s5_valid$q),
        .clock(s5_valid$clock)
    );
    top$bflies$0$mont$s6_t s6_t(
        .d(s6_t$d),
        .q(s6_t$q),
        .clock(s6_t$clock)
    );
    top$bflies$0$mont$s6_q s6_q(
        .d(s6_q$d),
        .q(s6_q$q),
        .clock(s6_q$clock)
    );
    top$bflies$0$mont$s6_valid s6_valid(
        .d(s6_valid$d),
        .q(s6_valid$q),
        .clock(s6_valid$clock)
    );
    top$bflies$0$mont$s7_product s7_product(
        .d(s7_product$d),
        .q(s7_product$q),
        .clock(s7_product$clock)
    );
    top$bflies$0$mont$s7_valid s7_valid(
        .d(s7_valid$d),
        .q(s7_valid$q),
        .clock(s7_valid$clock)
    );
    
    // Update code
    always @(*) begin
        s1_ll$clock = clock;
        s1_lh$clock = clock;
        s1_hl$clock = clock;
        s1_hh$clock = clock;
        s1_q$clock = clock;
        s1_qi$clock = clock;
        s1_valid$clock = clock;
        s2_t_lo$clock = clock;
        s2_t_hi$clock = clock;
        s2_q$clock = clock;
        s2_qi$clock = clock;
        s2_valid$clock = clock;
        s3_ll$clock = clock;
        s3_lh$clock = clock;
        s3_hl$clock = clock;
        s3_t_hi$clock = clock;
        s3_nz$clock = clock;
        s3_q$clock = clock;
        s3_valid$clock = clock;
        s4_m$clock = clock;
        s4_t_hi$clock = clock;
        s4_nz$clock = clock;
        s4_q$clock = clock;
        s4_valid$clock = clock;
        s5_ll$clock = clock;
        s5_lh$clock = clock;
        s5_hl$clock = clock;
        s5_hh$clock = clock;
        s5_t_hi$clock = clock;
        s5_nz$clock = clock;
        s5_q$clock = clock;
        s5_valid$clock = clock;
        s6_t$clock = clock;
        s6_q$clock = clock;
        s6_valid$clock = clock;
        s7_product$clock = clock;
        s7_valid$clock = clock;
        s1_ll$d = s1_ll$q;
        s1_lh$d = s1_lh$q;
        s1_hl$d = s1_hl$q;
        s1_hh$d = s1_hh$q;
        s1_q$d = s1_q$q;
        s1_qi$d = s1_qi$q;
        s1_valid$d = s1_valid$q;
        s2_t_lo$d = s2_t_lo$q;
        s2_t_hi$d = s2_t_hi$q;
        s2_q$d = s2_q$q;
        s2_qi$d = s2_qi$q;
        s2_valid$d = s2_valid$q;
        s3_ll$d = s3_ll$q;
        s3_lh$d = s3_lh$q;
        s3_hl$d = s3_hl$q;
        s3_t_hi$d = s3_t_hi$q;
        s3_nz$d = s3_nz$q;
        s3_q$d = s3_q$q;
        s3_valid$d = s3_valid$q;
        s4_m$d = s4_m$q;
        s4_t_hi$d = s4_t_hi$q;
        s4_nz$d = s4_nz$q;
        s4_q$d = s4_q$q;
        s4_valid$d = s4_valid$q;
        s5_ll$d = s5_ll$q;
        s5_lh$d = s5_lh$q;
        s5_hl$d = s5_hl$q;
        s5_hh$d = s5_hh$q;
        s5_t_hi$d = s5_t_hi$q;
        s5_nz$d = s5_nz$q;
        s5_q$d = s5_q$q;
        s5_valid$d = s5_valid$q;
        s6_t$d = s6_t$q;
        s6_q$d = s6_q$q;
        s6_valid$d = s6_valid$q;
        s7_product$d = s7_product$q;
        s7_valid$d = s7_valid$q;
        a_wide = ((a) & 32'hffffffff);
        b_wide = ((b) & 32'hffffffff);
        a_lo = a_wide[(32'h0)+:(16)];
        a_hi = a_wide[(32'h10)+:(16)];
        b_lo = b_wide[(32'h0)+:(16)];
        b_hi = b_wide[(32'h10)+:(16)];
        s1_ll$d = a_lo * b_lo;
        s1_lh$d = a_lo * b_hi;
        s1_hl$d = a_hi * b_lo;
        s1_hh$d = a_hi * b_hi;
        s1_q$d = modulus;
        s1_qi$d = neg_inv;
        s1_valid$d = valid_in;
        t_mid = ((s1_lh$q) & 34'h3ffffffff) + ((s1_hl$q) & 34'h3ffffffff);
        t_lo_sum = ((s1_ll$q) & 33'h1ffffffff) + (((t_mid[(32'h0)+:(16)]) & 33'h1ffffffff) << 32'h10);
        t_hi_sum = s1_hh$q + ((t_mid[(32'h10)+:(18)]) & 32'hffffffff);
        s2_t_lo$d = t_lo_sum[(32'h0)+:(32)];
        s2_t_hi$d = t_hi_sum + t_lo_sum[32'h20];
        s2_q$d = s1_q$q;
        s2_qi$d = s1_qi$q;
        s2_valid$d = s1_valid$q;
        s3_ll$d = s2_t_lo$q[(32'h0)+:(16)] * s2_qi$q[(32'h0)+:(16)];
        s3_lh$d = s2_t_lo$q[(32'h0)+:(16)] * s2_qi$q[(32'h10)+:(16)];
        s3_hl$d = s2_t_lo$q[(32'h10)+:(16)] * s2_qi$q[(32'h0)+:(16)];
        s3_t_hi$d = s2_t_hi$q;
        s3_nz$d = |s2_t_lo$q;
        s3_q$d = s2_q$q;
        s3_valid$d = s2_valid$q;
        m_cross = s3_lh$q[(32'h0)+:(16)] + s3_hl$q[(32'h0)+:(16)];
        m_cross_wide = ((m_cross) & 32'hffffffff) << 32'h10;
        s4_m$d = s3_ll$q + m_cross_wide;
        s4_t_hi$d = s3_t_hi$q;
        s4_nz$d = s3_nz$q;
        s4_q$d = s3_q$q;
        s4_valid$d = s3_valid$q;
        q4_wide = ((s4_q$q) & 32'hffffffff);
        s5_ll$d = s4_m$q[(32'h0)+:(16)] * q4_wide[(32'h0)+:(16)];
        s5_lh$d = s4_m$q[(32'h0)+:(16)] * q4_wide[(32'h10)+:(16)];
        s5_hl$d = s4_m$q[(32'h10)+:(16)] * q4_wide[(32'h0)+:(16)];
        s5_hh$d = s4_m$q[(32'h10)+:(16)] * q4_wide[(32'h10)+:(16)];
        s5_t_hi$d = s4_t_hi$q;
        s5_nz$d = s4_nz$q;
        s5_q$d = s4_q$q;
        s5_valid$d = s4_valid$q;
        mq_mid = ((s5_lh$q) & 34'h3ffffffff) + ((s5_hl$q) & 34'h3ffffffff);
        mq_lo_sum = ((s5_ll$q) & 33'h1ffffffff) + (((mq_mid[(32'h0)+:(16)]) & 33'h1ffffffff) << 32'h10);
        mq_hi = s5_hh$q + ((mq_mid[(32'h10)+:(18)]) & 32'hffffffff);
        t_sum = s5_t_hi$q + mq_hi;
        s6_t$d = t_sum + mq_lo_sum[32'h20] + s5_nz$q;
        s6_q$d = s5_q$q;
        s6_valid$d = s5_valid$q;
        q6_wide = ((s6_q$q) & 32'hffffffff);
        t_minus_q = s6_t$q - q6_wide;
        if (t_minus_q[32'h1f]) begin
            s7_product$d = s6_t$q[(32'h0)+:(30)];
        end
        else begin
            s7_product$d = t_minus_q[(32'h0)+:(30)];
        end
        s7_valid$d = s6_valid$q;
        product = s7_product$q;
        valid_out = s7_valid$q;
    end
    
endmodule // top$bflies$0$mont


module top$bflies$0$mont$s1_hh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_hh


module top$bflies$0$mont$s1_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_hl


module top$bflies$0$mont$s1_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_lh


module top$bflies$0$mont$s1_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_ll


module top$bflies$0$mont$s1_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_q


module top$bflies$0$mont$s1_qi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_qi


module top$bflies$0$mont$s1_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s1_valid


module top$bflies$0$mont$s2_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s2_q


module top$bflies$0$mont$s2_qi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s2_qi


module top$bflies$0$mont$s2_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s2_t_hi


module top$bflies$0$mont$s2_t_lo(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s2_t_lo


module top$bflies$0$mont$s2_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s2_valid


module top$bflies$0$mont$s3_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_hl


module top$bflies$0$mont$s3_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_lh


module top$bflies$0$mont$s3_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_ll


module top$bflies$0$mont$s3_nz(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_nz


module top$bflies$0$mont$s3_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_q


module top$bflies$0$mont$s3_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_t_hi


module top$bflies$0$mont$s3_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s3_valid


module top$bflies$0$mont$s4_m(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s4_m


module top$bflies$0$mont$s4_nz(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s4_nz


module top$bflies$0$mont$s4_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s4_q


module top$bflies$0$mont$s4_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s4_t_hi


module top$bflies$0$mont$s4_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s4_valid


module top$bflies$0$mont$s5_hh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_hh


module top$bflies$0$mont$s5_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_hl


module top$bflies$0$mont$s5_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_lh


module top$bflies$0$mont$s5_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_ll


module top$bflies$0$mont$s5_nz(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_nz


module top$bflies$0$mont$s5_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_q


module top$bflies$0$mont$s5_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_t_hi


module top$bflies$0$mont$s5_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s5_valid


module top$bflies$0$mont$s6_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s6_q


module top$bflies$0$mont$s6_t(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s6_t


module top$bflies$0$mont$s6_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s6_valid


module top$bflies$0$mont$s7_product(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s7_product


module top$bflies$0$mont$s7_valid(d,q,clock);
    
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
          
endmodule // top$bflies$0$mont$s7_valid


module top$bflies$0$mul(clock,modulus,a,w,w_shoup,valid_in,product,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [31:0] a;
    input wire  [29:0] w;
    input wire  [31:0] w_shoup;
    input wire  valid_in;
    output reg  [29:0] product;
    output reg  valid_out;
    
    // Stub signals
    reg  [31:0] s1_p_ll$d;
    wire  [31:0] s1_p_ll$q;
    reg  s1_p_ll$clock;
    reg  [31:0] s1_p_lh$d;
    wire  [31:0] s1_p_lh$q;
    reg  s1_p_lh$clock;
    reg  [31:0] s1_p_hl$d;
    wire  [31:0] s1_p_hl$q;
    reg  s1_p_hl$clock;
    reg  [31:0] s1_p_hh$d;
    wire  [31:0] s1_p_hh$q;
    reg  s1_p_hh$clock;
    reg  [31:0] s1_m_ll$d;
    wire  [31:0] s1_m_ll$q;
    reg  s1_m_ll$clock;
    reg  [31:0] s1_m_lh$d;
    wire  [31:0] s1_m_lh$q;
    reg  s1_m_lh$clock;
    reg  [31:0] s1_m_hl$d;
    wire  [31:0] s1_m_hl$q;
    reg  s1_m_hl$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [31:0] s2_qhat$d;
    wire  [31:0] s2_qhat$q;
    reg  s2_qhat$clock;
    reg  [31:0] s2_aw$d;
    wire  [31:0] s2_aw$q;
    reg  s2_aw$clock;
    reg  [29:0] s2_q$d;
    wire  [29:0] s2_q$q;
    reg  s2_q$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    reg  [31:0] s3_n_ll$d;
    wire  [31:0] s3_n_ll$q;
    reg  s3_n_ll$clock;
    reg  [31:0] s3_n_lh$d;
    wire  [31:0] s3_n_lh$q;
    reg  s3_n_lh$clock;
    reg  [31:0] s3_n_hl$d;
    wire  [31:0] s3_n_hl$q;
    reg  s3_n_hl$clock;
    reg  [31:0] s3_aw$d;
    wire  [31:0] s3_aw$q;
    reg  s3_aw$clock;
    reg  [29:0] s3_q$d;
    wire  [29:0] s3_q$q;
    reg  s3_q$clock;
    reg  s3_valid$d;
    wire  s3_valid$q;
    reg  s3_valid$clock;
    reg  [30:0] s4_r$d;
    wire  [30:0] s4_r$q;
    reg  s4_r$clock;
    reg  [29:0] s4_q$d;
    wire  [29:0] s4_q$q;
    reg  s4_q$clock;
    reg  s4_valid$d;
    wire  s4_valid$q;
    reg  s4_valid$clock;
    reg  [29:0] s5_product$d;
    wire  [29:0] s5_product$q;
    reg  s5_product$clock;
    reg  s5_valid$d;
    wire  s5_valid$q;
    reg  s5_valid$clock;
    
    // Local signals
    reg  [15:0] a_lo;
    reg  [15:0] a_hi;
    reg  [15:0] ws_lo;
    reg  [15:0] ws_hi;
    reg  [31:0] w_wide;
    reg  [15:0] w_lo;
    reg  [15:0] w_hi;
    reg  [33:0] p_lh_wide;
    reg  [33:0] p_hl_wide;
    reg  [33:0] p_ll_carry;
    reg  [33:0] p_mid;
    reg  [31:0] p_mid_hi;
    reg  [15:0] m_cross;
    reg  [31:0] m_cross_wide;
    reg  [31:0] q_wide;
    reg  [15:0] qhat_lo;
    reg  [15:0] qhat_hi;
    reg  [15:0] q_lo;
    reg  [15:0] q_hi;
    reg  [15:0] n_cross;
    reg  [31:0] n_cross_wide;
    reg  [31:0] qq;
    reg  [31:0] r;
    reg  [31:0] r_wide;
    reg  [31:0] q4_wide;
    reg  [31:0] r_minus_q;
    
    // Sub module instances
    top$bflies$0$mul$s1_p_ll s1_p_ll(
        .d(s1_p_ll$d),
        .q(s1_p_ll$q),
        .clock(s1_p_ll$clock)
    );
    top$bflies$0$mul$s1_p_lh s1_p_lh(
        .d(s1_p_lh$d),
        .q(s1_p_lh$q),
        .clock(s1_p_lh$clock)
    );
    top$bflies$0$mul$s1_p_hl s1_p_hl(
        .d(s1_p_hl$d),
        .q(s1_p_hl$q),
        .clock(s1_p_hl$clock)
    );
    top$bflies$0$mul$s1_p_hh s1_p_hh(
        .d(s1_p_hh$d),
        .q(s1_p_hh$q),
        .clock(s1_p_hh$clock)
    );
    top$bflies$0$mul$s1_m_ll s1_m_ll(
        .d(s1_m_ll$d),
        .q(s1_m_ll$q),
        .clock(s1_m_ll$clock)
    );
    top$bflies$0$mul$s1_m_lh s1_m_lh(
        .d(s1_m_lh$d),
        .q(s1_m_lh$q),
        .clock(s1_m_lh$clock)
    );
    top$bflies$0$mul$s1_m_hl s1_m_hl(
        .d(s1_m_hl$d),
        .q(s1_m_hl$q),
        .clock(s1_m_hl$clock)
    );
    top$bflies$0$mul$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$0$mul$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$0$mul$s2_qhat s2_qhat(
        .d(s2_qhat$d),
        .q(s2_qhat$q),
        .clock(s2_qhat$clock)
    );
    top$bflies$0$mul$s2_aw s2_aw(
        .d(s2_aw$d),
        .q(s2_aw$q),
        .clock(s2_aw$clock)
    );
    top$bflies$0$mul$s2_q s2_q(
        .d(s2_q$d),
        .q(s2_q$q),
        .clock(s2_q$clock)
    );
    top$bflies$0$mul$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    top$bflies$0$mul$s3_n_ll s3_n_ll(
        .d(s3_n_ll$d),
        .q(s3_n_ll$q),
        .clock(s3_n_ll$clock)
    );
    top$bflies$0$mul$s3_n_lh s3_n_lh(
        .d(s3_n_lh$d),
        .q(s3_n_lh$q),
        .clock(s3_n_lh$clock)
    );
    top$bflies$0$mul$s3_n_hl s3_n_hl(
        .d(s3_n_hl$d),
        .q(s3_n_hl$q),
        .clock(s3_n_hl$clock)
    );
    top$bflies$0$mul$s3_aw s3_aw(
        .d(s3_aw$d),
        .q(s3_aw$q),
        .clock(s3_aw$clock)
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
    top$bflies$0$mul$s4_r s4_r(
        .d(s4_r$d),
        .q(s4_r$q),
        .clock(s4_r$clock)
    );
    top$bflies$0$mul$s4_q s4_q(
        .d(s4_q$d),
        .q(s4_q$q),
        .clock(s4_q$clock)
    );
    top$bflies$0$mul$s4_valid s4_valid(
        .d(s4_valid$d),
        .q(s4_valid$q),
        .clock(s4_valid$clock)
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
        s1_p_ll$clock = clock;
        s1_p_lh$clock = clock;
        s1_p_hl$clock = clock;
        s1_p_hh$clock = clock;
        s1_m_ll$clock = clock;
        s1_m_lh$clock = clock;
        s1_m_hl$clock = clock;
        s1_q$clock = clock;
        s1_valid$clock = clock;
        s2_qhat$clock = clock;
        s2_aw$clock = clock;
        s2_q$clock = clock;
        s2_valid$clock = clock;
        s3_n_ll$clock = clock;
        s3_n_lh$clock = clock;
        s3_n_hl$clock = clock;
        s3_aw$clock = clock;
        s3_q$clock = clock;
        s3_valid$clock = clock;
        s4_r$clock = clock;
        s4_q$clock = clock;
        s4_valid$clock = clock;
        s5_product$clock = clock;
        s5_valid$clock = clock;
        s1_p_ll$d = s1_p_ll$q;
        s1_p_lh$d = s1_p_lh$q;
        s1_p_hl$d = s1_p_hl$q;
        s1_p_hh$d = s1_p_hh$q;
        s1_m_ll$d = s1_m_ll$q;
        s1_m_lh$d = s1_m_lh$q;
        s1_m_hl$d = s1_m_hl$q;
        s1_q$d = s1_q$q;
        s1_valid$d = s1_valid$q;
        s2_qhat$d = s2_qhat$q;
        s2_aw$d = s2_aw$q;
        s2_q$d = s2_q$q;
        s2_valid$d = s2_valid$q;
        s3_n_ll$d = s3_n_ll$q;
        s3_n_lh$d = s3_n_lh$q;
        s3_n_hl$d = s3_n_hl$q;
        s3_aw$d = s3_aw$q;
        s3_q$d = s3_q$q;
        s3_valid$d = s3_valid$q;
        s4_r$d = s4_r$q;
        s4_q$d = s4_q$q;
        s4_valid$d = s4_valid$q;
        s5_product$d = s5_product$q;
        s5_valid$d = s5_valid$q;
        a_lo = a[(32'h0)+:(16)];
        a_hi = a[(32'h10)+:(16)];
        ws_lo = w_shoup[(32'h0)+:(16)];
        ws_hi = w_shoup[(32'h10)+:(16)];
        w_wide = ((w) & 32'hffffffff);
        w_lo = w_wide[(32'h0)+:(16)];
        w_hi = w_wide[(32'h10)+:(16)];
        s1_p_ll$d = a_lo * ws_lo;
        s1_p_lh$d = a_lo * ws_hi;
        s1_p_hl$d = a_hi * ws_lo;
        s1_p_hh$d = a_hi * ws_hi;
        s1_m_ll$d = a_lo * w_lo;
        s1_m_lh$d = a_lo * w_hi;
        s1_m_hl$d = a_hi * w_lo;
        s1_q$d = modulus;
        s1_valid$d = valid_in;
        p_lh_wide = ((s1_p_lh$q) & 34'h3ffffffff);
        p_hl_wide = ((s1_p_hl$q) & 34'h3ffffffff);
        p_ll_carry = ((s1_p_ll$q[(32'h10)+:(16)]) & 34'h3ffffffff);
        p_mid = p_lh_wide + p_hl_wide + p_ll_carry;
        p_mid_hi = ((p_mid[(32'h10)+:(18)]) & 32'hffffffff);
        s2_qhat$d = s1_p_hh$q + p_mid_hi;
        m_cross = s1_m_lh$q[(32'h0)+:(16)] + s1_m_hl$q[(32'h0)+:(16)];
        m_cross_wide = ((m_cross) & 32'hffffffff) << 32'h10;
        s2_aw$d = s1_m_ll$q + m_cross_wide;
        s2_q$d = s1_q$q;
        s2_valid$d = s1_valid$q;
        q_wide = ((s2_q$q) & 32'hffffffff);
        qhat_lo = s2_qhat$q[(32'h0)+:(16)];
        qhat_hi = s2_qhat$q[(32'h10)+:(16)];
        q_lo = q_wide[(32'h0)+:(16)];
        q_hi = q_wide[(32'h10)+:(16)];
        s3_n_ll$d = qhat_lo * q_lo;
        s3_n_lh$d = qhat_lo * q_hi;
        s3_n_hl$d = qhat_hi * q_lo;
        s3_aw$d = s2_aw$q;
        s3_q$d = s2_q$q;
        s3_valid$d = s2_valid$q;
        n_cross = s3_n_lh$q[(32'h0)+:(16)] + s3_n_hl$q[(32'h0)+:(16)];
        n_cross_wide = ((n_cross) & 32'hffffffff) << 32'h10;
        qq = s3_n_ll$q + n_cross_wide;
        r = s3_aw$q - qq;
        s4_r$d = ((r) & 31'h7fffffff);
        s4_q$d = s3_q$q;
        s4_valid$d = s3_valid$q;
        r_wide = ((s4_r$q) & 32'hffffffff);
        q4_wide = ((s4_q$q) & 32'hffffffff);
        r_minus_q = r_wide - q4_wide;
        if (r_minus_q[32'h1f]) begin
            s5_product$d = ((s4_r$q) & 30'h3fffffff);
        end
        else begin
            s5_product$d = ((r_minus_q) & 30'h3fffffff);
        end
        s5_valid$d = s4_valid$q;
        product = s5_product$q;
        valid_out = s5_valid$q;
    end
    
endmodule // top$bflies$0$mul


module top$bflies$0$mul$s1_m_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_m_hl


module top$bflies$0$mul$s1_m_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_m_lh


module top$bflies$0$mul$s1_m_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_m_ll


module top$bflies$0$mul$s1_p_hh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_p_hh


module top$bflies$0$mul$s1_p_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_p_hl


module top$bflies$0$mul$s1_p_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_p_lh


module top$bflies$0$mul$s1_p_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s1_p_ll


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


module top$bflies$0$mul$s2_aw(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s2_aw


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


module top$bflies$0$mul$s2_qhat(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s2_qhat


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


module top$bflies$0$mul$s3_aw(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s3_aw


module top$bflies$0$mul$s3_n_hl(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s3_n_hl


module top$bflies$0$mul$s3_n_lh(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s3_n_lh


module top$bflies$0$mul$s3_n_ll(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s3_n_ll


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


module top$bflies$0$mul$s4_q(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s4_q


module top$bflies$0$mul$s4_r(d,q,clock);
    
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
          
endmodule // top$bflies$0$mul$s4_r


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


module top$bflies$0$ws_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$0$ws_delay$0


module top$bflies$0$ws_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$0$ws_delay$1


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


module top$bflies$1(clock,modulus,inverse,pointwise,neg_inv,r_mod_q,r_shoup,x,y,w,w_shoup,valid_in,x_out,y_out,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  inverse;
    input wire  pointwise;
    input wire  [31:0] neg_inv;
    input wire  [29:0] r_mod_q;
    input wire  [31:0] r_shoup;
    input wire  [29:0] x;
    input wire  [29:0] y;
    input wire  [29:0] w;
    input wire  [31:0] w_shoup;
    input wire  valid_in;
    output reg  [29:0] x_out;
    output reg  [29:0] y_out;
    output reg  valid_out;
    
    // Stub signals
    reg  mul$clock;
    reg  [29:0] mul$modulus;
    reg  [31:0] mul$a;
    reg  [29:0] mul$w;
    reg  [31:0] mul$w_shoup;
    reg  mul$valid_in;
    wire  [29:0] mul$product;
    wire  mul$valid_out;
    reg  add$clock;
    reg  [29:0] add$modulus;
    reg  [29:0] add$a;
    reg  [29:0] add$b;
    reg  add$valid_in;
    wire  [29:0] add$sum;
    wire  [29:0] add$diff;
    wire  add$valid_out;
    reg  mont$clock;
    reg  [29:0] mont$modulus;
    reg  [31:0] mont$neg_inv;
    reg  [29:0] mont$a;
    reg  [29:0] mont$b;
    reg  mont$valid_in;
    wire  [29:0] mont$product;
    wire  mont$valid_out;
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
    reg  [31:0] ws_delay$0$d;
    wire  [31:0] ws_delay$0$q;
    reg  ws_delay$0$clock;
    reg  [31:0] ws_delay$1$d;
    wire  [31:0] ws_delay$1$q;
    reg  ws_delay$1$clock;
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
    top$bflies$1$mul mul(
        .clock(mul$clock),
        .modulus(mul$modulus),
        .a(mul$a),
        .w(mul$w),
        .w_shoup(mul$w_shoup),
        .valid_in(mul$valid_in),
        .product(mul$product),
        .valid_out(mul$valid_out)
    );
    top$bflies$1$add add(
        .clock(add$clock),
        .modulus(add$modulus),
        .a(add$a),
        .b(add$b),
        .valid_in(add$valid_in),
        .sum(add$sum),
        .diff(add$diff),
        .valid_out(add$valid_out)
    );
    top$bflies$1$mont mont(
        .clock(mont$clock),
        .modulus(mont$modulus),
        .neg_inv(mont$neg_inv),
        .a(mont$a),
        .b(mont$b),
        .valid_in(mont$valid_in),
        .product(mont$product),
        .valid_out(mont$valid_out)
    );
    top$bflies$1$x_delay$0 x_delay$0(
        .d(x_delay$0$d),
        .q(x_delay$0$q),
        .clock(x_delay$0$clock)
    );
    top$bflies$1$x_delay$1 x_delay$1(
        .d(x_delay$1$d),
        .q(x_delay$1$q),
        .clock(x_delay$1$clock)
    );
    top$bflies$1$x_delay$2 x_delay$2(
        .d(x_delay$2$d),
        .q(x_delay$2$q),
        .clock(x_delay$2$clock)
    );
    top$bflies$1$x_delay$3 x_delay$3(
        .d(x_delay$3$d),
        .q(x_delay$3$q),
        .clock(x_delay$3$clock)
    );
    top$bflies$1$x_delay$4 x_delay$4(
        .d(x_delay$4$d),
        .q(x_delay$4$q),
        .clock(x_delay$4$clock)
    );
    top$bflies$1$w_delay$0 w_delay$0(
        .d(w_delay$0$d),
        .q(w_delay$0$q),
        .clock(w_delay$0$clock)
    );
    top$bflies$1$w_delay$1 w_delay$1(
        .d(w_delay$1$d),
        .q(w_delay$1$q),
        .clock(w_delay$1$clock)
    );
    top$bflies$1$ws_delay$0 ws_delay$0(
        .d(ws_delay$0$d),
        .q(ws_delay$0$q),
        .clock(ws_delay$0$clock)
    );
    top$bflies$1$ws_delay$1 ws_delay$1(
        .d(ws_delay$1$d),
        .q(ws_delay$1$q),
        .clock(ws_delay$1$clock)
    );
    top$bflies$1$half_delay$0 half_delay$0(
        .d(half_delay$0$d),
        .q(half_delay$0$q),
        .clock(half_delay$0$clock)
    );
    top$bflies$1$half_delay$1 half_delay$1(
        .d(half_delay$1$d),
        .q(half_delay$1$q),
        .clock(half_delay$1$clock)
    );
    top$bflies$1$half_delay$2 half_delay$2(
        .d(half_delay$2$d),
        .q(half_delay$2$q),
        .clock(half_delay$2$clock)
    );
    top$bflies$1$half_delay$3 half_delay$3(
        .d(half_delay$3$d),
        .q(half_delay$3$q),
        .clock(half_delay$3$clock)
    );
    top$bflies$1$half_delay$4 half_delay$4(
        .d(half_delay$4$d),
        .q(half_delay$4$q),
        .clock(half_delay$4$clock)
    );
    top$bflies$1$valid_delay$0 valid_delay$0(
        .d(valid_delay$0$d),
        .q(valid_delay$0$q),
        .clock(valid_delay$0$clock)
    );
    top$bflies$1$valid_delay$1 valid_delay$1(
        .d(valid_delay$1$d),
        .q(valid_delay$1$q),
        .clock(valid_delay$1$clock)
    );
    top$bflies$1$valid_delay$2 valid_delay$2(
        .d(valid_delay$2$d),
        .q(valid_delay$2$q),
        .clock(valid_delay$2$clock)
    );
    top$bflies$1$valid_delay$3 valid_delay$3(
        .d(valid_delay$3$d),
        .q(valid_delay$3$q),
        .clock(valid_delay$3$clock)
    );
    top$bflies$1$valid_delay$4 valid_delay$4(
        .d(valid_delay$4$d),
        .q(valid_delay$4$q),
        .clock(valid_delay$4$clock)
    );
    top$bflies$1$valid_delay$5 valid_delay$5(
        .d(valid_delay$5$d),
        .q(valid_delay$5$q),
        .clock(valid_delay$5$clock)
    );
    top$bflies$1$valid_delay$6 valid_delay$6(
        .d(valid_delay$6$d),
        .q(valid_delay$6$q),
        .clock(valid_delay$6$clock)
    );
    top$bflies$1$valid_delay$7 valid_delay$7(
        .d(valid_delay$7$d),
        .q(valid_delay$7$q),
        .clock(valid_delay$7$clock)
    );
    top$bflies$1$valid_delay$8 valid_delay$8(
        .d(valid_delay$8$d),
        .q(valid_delay$8$q),
        .clock(valid_delay$8$clock)
    );
    top$bflies$1$valid_delay$9 valid_delay$9(
        .d(valid_delay$9$d),
        .q(valid_delay$9$q),
        .clock(valid_delay$9$clock)
    );
    top$bflies$1$valid_delay$10 valid_delay$10(
        .d(valid_delay$10$d),
        .q(valid_delay$10$q),
        .clock(valid_delay$10$clock)
    );
    top$bflies$1$valid_delay$11 valid_delay$11(
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
        ws_delay$0$clock = clock;
        w_delay$1$clock = clock;
        ws_delay$1$clock = clock;
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
        mont$clock = clock;
        mul$modulus = modulus;
        add$modulus = modulus;
        mont$modulus = modulus;
        mont$neg_inv = neg_inv;
        mul$valid_in = 1'b1;
        add$valid_in = 1'b1;
        mont$valid_in = 1'b1;
        x_delay$0$d = x;
        w_delay$0$d = w;
        ws_delay$0$d = w_shoup;
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
        ws_delay$1$d = ws_delay$0$q;
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
        mont$a = x;
        mont$b = y;
        if (pointwise) begin
            mul$a = ((mont$product) & 32'hffffffff);
            mul$w = r_mod_q;
            mul$w_shoup = r_shoup;
        end
        else if (inverse) begin
            mul$a = ((add$diff) & 32'hffffffff);
            mul$w = w_delay$1$q;
            mul$w_shoup = ws_delay$1$q;
        end
        else begin
            mul$a = ((y) & 32'hffffffff);
            mul$w = w;
            mul$w_shoup = w_shoup;
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
            x_out = mul$product;
            y_out = mul$product;
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
    
endmodule // top$bflies$1


module top$bflies$1$add(clock,modulus,a,b,valid_in,sum,diff,valid_out);
    
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
    top$bflies$1$add$s1_sum s1_sum(
        .d(s1_sum$d),
        .q(s1_sum$q),
        .clock(s1_sum$clock)
    );
    top$bflies$1$add$s1_diff s1_diff(
        .d(s1_diff$d),
        .q(s1_diff$q),
        .clock(s1_diff$clock)
    );
    top$bflies$1$add$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$1$add$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$1$add$s2_sum s2_sum(
        .d(s2_sum$d),
        .q(s2_sum$q),
        .clock(s2_sum$clock)
    );
    top$bflies$1$add$s2_diff s2_diff(
        .d(s2_diff$d),
        .q(s2_diff$q),
        .clock(s2_diff$clock)
    );
    top$bflies$1$add$s2_valid s2_valid(
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
    
endmodule // top$bflies$1$add


module top$bflies$1$add$s1_diff(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s1_diff


module top$bflies$1$add$s1_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s1_q


module top$bflies$1$add$s1_sum(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s1_sum


module top$bflies$1$add$s1_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s1_valid


module top$bflies$1$add$s2_diff(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s2_diff


module top$bflies$1$add$s2_sum(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s2_sum


module top$bflies$1$add$s2_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$add$s2_valid


module top$bflies$1$half_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$1$half_delay$0


module top$bflies$1$half_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$1$half_delay$1


module top$bflies$1$half_delay$2(d,q,clock);
    
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
          
endmodule // top$bflies$1$half_delay$2


module top$bflies$1$half_delay$3(d,q,clock);
    
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
          
endmodule // top$bflies$1$half_delay$3


module top$bflies$1$half_delay$4(d,q,clock);
    
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
          
endmodule // top$bflies$1$half_delay$4


module top$bflies$1$mont(clock,modulus,neg_inv,a,b,valid_in,product,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [31:0] neg_inv;
    input wire  [29:0] a;
    input wire  [29:0] b;
    input wire  valid_in;
    output reg  [29:0] product;
    output reg  valid_out;
    
    // Stub signals
    reg  [31:0] s1_ll$d;
    wire  [31:0] s1_ll$q;
    reg  s1_ll$clock;
    reg  [31:0] s1_lh$d;
    wire  [31:0] s1_lh$q;
    reg  s1_lh$clock;
    reg  [31:0] s1_hl$d;
    wire  [31:0] s1_hl$q;
    reg  s1_hl$clock;
    reg  [31:0] s1_hh$d;
    wire  [31:0] s1_hh$q;
    reg  s1_hh$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  [31:0] s1_qi$d;
    wire  [31:0] s1_qi$q;
    reg  s1_qi$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [31:0] s2_t_lo$d;
    wire  [31:0] s2_t_lo$q;
    reg  s2_t_lo$clock;
    reg  [31:0] s2_t_hi$d;
    wire  [31:0] s2_t_hi$q;
    reg  s2_t_hi$clock;
    reg  [29:0] s2_q$d;
    wire  [29:0] s2_q$q;
    reg  s2_q$clock;
    reg  [31:0] s2_qi$d;
    wire  [31:0] s2_qi$q;
    reg  s2_qi$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    reg  [31:0] s3_ll$d;
    wire  [31:0] s3_ll$q;
    reg  s3_ll$clock;
    reg  [31:0] s3_lh$d;
    wire  [31:0] s3_lh$q;
    reg  s3_lh$clock;
    reg  [31:0] s3_hl$d;
    wire  [31:0] s3_hl$q;
    reg  s3_hl$clock;
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
    reg  [31:0] s4_m$d;
    wire  [31:0] s4_m$q;
    reg  s4_m$clock;
    reg  [31:0] s4_t_hi$d;
    wire  [31:0] s4_t_hi$q;
    reg  s4_t_hi$clock;
    reg  s4_nz$d;
    wire  s4_nz$q;
    reg  s4_nz$clock;
    reg  [29:0] s4_q$d;
    wire  [29:0] s4_q$q;
    reg  s4_q$clock;
    reg  s4_valid$d;
    wire  s4_valid$q;
    reg  s4_valid$clock;
    reg  [31:0] s5_ll$d;
    wire  [31:0] s5_ll$q;
    reg  s5_ll$clock;
    reg  [31:0] s5_lh$d;
    wire  [31:0] s5_lh$q;
    reg  s5_lh$clock;
    reg  [31:0] s5_hl$d;
    wire  [31:0] s5_hl$q;
    reg  s5_hl$clock;
    reg  [31:0] s5_hh$d;
    wire  [31:0] s5_hh$q;
    reg  s5_hh$clock;
    reg  [31:0] s5_t_hi$d;
    wire  [31:0] s5_t_hi$q;
    reg  s5_t_hi$clock;
    reg  s5_nz$d;
    wire  s5_nz$q;
    reg  s5_nz$clock;
    reg  [29:0] s5_q$d;
    wire  [29:0] s5_q$q;
    reg  s5_q$clock;
    reg  s5_valid$d;
    wire  s5_valid$q;
    reg  s5_valid$clock;
    reg  [31:0] s6_t$d;
    wire  [31:0] s6_t$q;
    reg  s6_t$clock;
    reg  [29:0] s6_q$d;
    wire  [29:0] s6_q$q;
    reg  s6_q$clock;
    reg  s6_valid$d;
    wire  s6_valid$q;
    reg  s6_valid$clock;
    reg  [29:0] s7_product$d;
    wire  [29:0] s7_product$q;
    reg  s7_product$clock;
    reg  s7_valid$d;
    wire  s7_valid$q;
    reg  s7_valid$clock;
    
    // Local signals
    reg  [31:0] a_wide;
    reg  [31:0] b_wide;
    reg  [15:0] a_lo;
    reg  [15:0] a_hi;
    reg  [15:0] b_lo;
    reg  [15:0] b_hi;
    reg  [33:0] t_mid;
    reg  [32:0] t_lo_sum;
    reg  [31:0] t_hi_sum;
    reg  [15:0] m_cross;
    reg  [31:0] m_cross_wide;
    reg  [31:0] q4_wide;
    reg  [33:0] mq_mid;
    reg  [32:0] mq_lo_sum;
    reg  [31:0] mq_hi;
    reg  [31:0] t_sum;
    reg  [31:0] q6_wide;
    reg  [31:0] t_minus_q;
    
    // Sub module instances
    top$bflies$1$mont$s1_ll s1_ll(
        .d(s1_ll$d),
        .q(s1_ll$q),
        .clock(s1_ll$clock)
    );
    top$bflies$1$mont$s1_lh s1_lh(
        .d(s1_lh$d),
        .q(s1_lh$q),
        .clock(s1_lh$clock)
    );
    top$bflies$1$mont$s1_hl s1_hl(
        .d(s1_hl$d),
        .q(s1_hl$q),
        .clock(s1_hl$clock)
    );
    top$bflies$1$mont$s1_hh s1_hh(
        .d(s1_hh$d),
        .q(s1_hh$q),
        .clock(s1_hh$clock)
    );
    top$bflies$1$mont$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$1$mont$s1_qi s1_qi(
        .d(s1_qi$d),
        .q(s1_qi$q),
        .clock(s1_qi$clock)
    );
    top$bflies$1$mont$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$1$mont$s2_t_lo s2_t_lo(
        .d(s2_t_lo$d),
        .q(s2_t_lo$q),
        .clock(s2_t_lo$clock)
    );
    top$bflies$1$mont$s2_t_hi s2_t_hi(
        .d(s2_t_hi$d),
        .q(s2_t_hi$q),
        .clock(s2_t_hi$clock)
    );
    top$bflies$1$mont$s2_q s2_q(
        .d(s2_q$d),
        .q(s2_q$q),
        .clock(s2_q$clock)
    );
    top$bflies$1$mont$s2_qi s2_qi(
        .d(s2_qi$d),
        .q(s2_qi$q),
        .clock(s2_qi$clock)
    );
    top$bflies$1$mont$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    top$bflies$1$mont$s3_ll s3_ll(
        .d(s3_ll$d),
        .q(s3_ll$q),
        .clock(s3_ll$clock)
    );
    top$bflies$1$mont$s3_lh s3_lh(
        .d(s3_lh$d),
        .q(s3_lh$q),
        .clock(s3_lh$clock)
    );
    top$bflies$1$mont$s3_hl s3_hl(
        .d(s3_hl$d),
        .q(s3_hl$q),
        .clock(s3_hl$clock)
    );
    top$bflies$1$mont$s3_t_hi s3_t_hi(
        .d(s3_t_hi$d),
        .q(s3_t_hi$q),
        .clock(s3_t_hi$clock)
    );
    top$bflies$1$mont$s3_nz s3_nz(
        .d(s3_nz$d),
        .q(s3_nz$q),
        .clock(s3_nz$clock)
    );
    top$bflies$1$mont$s3_q s3_q(
        .d(s3_q$d),
        .q(s3_q$q),
        .clock(s3_q$clock)
    );
    top$bflies$1$mont$s3_valid s3_valid(
        .d(s3_valid$d),
        .q(s3_valid$q),
        .clock(s3_valid$clock)
    );
    top$bflies$1$mont$s4_m s4_m(
        .d(s4_m$d),
        .q(s4_m$q),
        .clock(s4_m$clock)
    );
    top$bflies$1$mont$s4_t_hi s4_t_hi(
        .d(s4_t_hi$d),
        .q(s4_t_hi$q),
        .clock(s4_t_hi$clock)
    );
    top$bflies$1$mont$s4_nz s4_nz(
        .d(s4_nz$d),
        .q(s4_nz$q),
        .clock(s4_nz$clock)
    );
    top$bflies$1$mont$s4_q s4_q(
        .d(s4_q$d),
        .q(s4_q$q),
        .clock(s4_q$clock)
    );
    top$bflies$1$mont$s4_valid s4_valid(
        .d(s4_valid$d),
        .q(s4_valid$q),
        .clock(s4_valid$clock)
    );
    top$bflies$1$mont$s5_ll s5_ll(
        .d(s5_ll$d),
        .q(s5_ll$q),
        .clock(s5_ll$clock)
    );
    top$bflies$1$mont$s5_lh s5_lh(
        .d(s5_lh$d),
        .q(s5_lh$q),
        .clock(s5_lh$clock)
    );
    top$bflies$1$mont$s5_hl s5_hl(
        .d(s5_hl$d),
        .q(s5_hl$q),
        .clock(s5_hl$clock)
    );
    top$bflies$1$mont$s5_hh s5_hh(
        .d(s5_hh$d),
        .q(s5_hh$q),
        .clock(s5_hh$clock)
    );
    top$bflies$1$mont$s5_t_hi s5_t_hi(
        .d(s5_t_hi$d),
        .q(s5_t_hi$q),
        .clock(s5_t_hi$clock)
    );
    top$bflies$1$mont$s5_nz s5_nz(
        .d(s5_nz$d),
        .q(s5_nz$q),
        .clock(s5_nz$clock)
    );
    top$bflies$1$mont$s5_q s5_q(
        .d(s5_q$d),
        .q(s5_q$q),
        .clock(s5_q$clock)
    );
    top$bflies$1$mont$s5_valid s5_valid(
        .d(s5_valid$d),
        .q(s5_valid$q),
        .clock(s5_valid$clock)
    );
    top$bflies$1$mont$s6_t s6_t(
        .d(s6_t$d),
        .q(s6_t$q),
        .clock(s6_t$clock)
    );
    top$bflies$1$mont$s6_q s6_q(
        .d(s6_q$d),
        .q(s6_q$q),
        .clock(s6_q$clock)
    );
    top$bflies$1$mont$s6_valid s6_valid(
        .d(s6_valid$d),
        .q(s6_valid$q),
        .clock(s6_valid$clock)
    );
    top$bflies$1$mont$s7_product s7_product(
        .d(s7_product$d),
        .q(s7_product$q),
        .clock(s7_product$clock)
    );
    top$bflies$1$mont$s7_valid s7_valid(
        .d(s7_valid$d),
        .q(s7_valid$q),
        .clock(s7_valid$clock)
    );
    
    // Update code
    always @(*) begin
        s1_ll$clock = clock;
        s1_lh$clock = clock;
        s1_hl$clock = clock;
        s1_hh$clock = clock;
        s1_q$clock = clock;
        s1_qi$clock = clock;
        s1_valid$clock = clock;
        s2_t_lo$clock = clock;
        s2_t_hi$clock = clock;
        s2_q$clock = clock;
        s2_qi$clock = clock;
        s2_valid$clock = clock;
        s3_ll$clock = clock;
        s3_lh$clock = clock;
        s3_hl$clock = clock;
        s3_t_hi$clock = clock;
        s3_nz$clock = clock;
        s3_q$clock = clock;
        s3_valid$clock = clock;
        s4_m$clock = clock;
        s4_t_hi$clock = clock;
        s4_nz$clock = clock;
        s4_q$clock = clock;
        s4_valid$clock = clock;
        s5_ll$clock = clock;
        s5_lh$clock = clock;
        s5_hl$clock = clock;
        s5_hh$clock = clock;
        s5_t_hi$clock = clock;
        s5_nz$clock = clock;
        s5_q$clock = clock;
        s5_valid$clock = clock;
        s6_t$clock = clock;
        s6_q$clock = clock;
        s6_valid$clock = clock;
        s7_product$clock = clock;
        s7_valid$clock = clock;
        s1_ll$d = s1_ll$q;
        s1_lh$d = s1_lh$q;
        s1_hl$d = s1_hl$q;
        s1_hh$d = s1_hh$q;
        s1_q$d = s1_q$q;
        s1_qi$d = s1_qi$q;
        s1_valid$d = s1_valid$q;
        s2_t_lo$d = s2_t_lo$q;
        s2_t_hi$d = s2_t_hi$q;
        s2_q$d = s2_q$q;
        s2_qi$d = s2_qi$q;
        s2_valid$d = s2_valid$q;
        s3_ll$d = s3_ll$q;
        s3_lh$d = s3_lh$q;
        s3_hl$d = s3_hl$q;
        s3_t_hi$d = s3_t_hi$q;
        s3_nz$d = s3_nz$q;
        s3_q$d = s3_q$q;
        s3_valid$d = s3_valid$q;
        s4_m$d = s4_m$q;
        s4_t_hi$d = s4_t_hi$q;
        s4_nz$d = s4_nz$q;
        s4_q$d = s4_q$q;
        s4_valid$d = s4_valid$q;
        s5_ll$d = s5_ll$q;
        s5_lh$d = s5_lh$q;
        s5_hl$d = s5_hl$q;
        s5_hh$d = s5_hh$q;
        s5_t_hi$d = s5_t_hi$q;
        s5_nz$d = s5_nz$q;
        s5_q$d = s5_q$q;
        s5_valid$d = s5_valid$q;
        s6_t$d = s6_t$q;
        s6_q$d = s6_q$q;
        s6_valid$d = s6_valid$q;
        s7_product$d = s7_product$q;
        s7_valid$d = s7_valid$q;
        a_wide = ((a) & 32'hffffffff);
        b_wide = ((b) & 32'hffffffff);
        a_lo = a_wide[(32'h0)+:(16)];
        a_hi = a_wide[(32'h10)+:(16)];
        b_lo = b_wide[(32'h0)+:(16)];
        b_hi = b_wide[(32'h10)+:(16)];
        s1_ll$d = a_lo * b_lo;
        s1_lh$d = a_lo * b_hi;
        s1_hl$d = a_hi * b_lo;
        s1_hh$d = a_hi * b_hi;
        s1_q$d = modulus;
        s1_qi$d = neg_inv;
        s1_valid$d = valid_in;
        t_mid = ((s1_lh$q) & 34'h3ffffffff) + ((s1_hl$q) & 34'h3ffffffff);
        t_lo_sum = ((s1_ll$q) & 33'h1ffffffff) + (((t_mid[(32'h0)+:(16)]) & 33'h1ffffffff) << 32'h10);
        t_hi_sum = s1_hh$q + ((t_mid[(32'h10)+:(18)]) & 32'hffffffff);
        s2_t_lo$d = t_lo_sum[(32'h0)+:(32)];
        s2_t_hi$d = t_hi_sum + t_lo_sum[32'h20];
        s2_q$d = s1_q$q;
        s2_qi$d = s1_qi$q;
        s2_valid$d = s1_valid$q;
        s3_ll$d = s2_t_lo$q[(32'h0)+:(16)] * s2_qi$q[(32'h0)+:(16)];
        s3_lh$d = s2_t_lo$q[(32'h0)+:(16)] * s2_qi$q[(32'h10)+:(16)];
        s3_hl$d = s2_t_lo$q[(32'h10)+:(16)] * s2_qi$q[(32'h0)+:(16)];
        s3_t_hi$d = s2_t_hi$q;
        s3_nz$d = |s2_t_lo$q;
        s3_q$d = s2_q$q;
        s3_valid$d = s2_valid$q;
        m_cross = s3_lh$q[(32'h0)+:(16)] + s3_hl$q[(32'h0)+:(16)];
        m_cross_wide = ((m_cross) & 32'hffffffff) << 32'h10;
        s4_m$d = s3_ll$q + m_cross_wide;
        s4_t_hi$d = s3_t_hi$q;
        s4_nz$d = s3_nz$q;
        s4_q$d = s3_q$q;
        s4_valid$d = s3_valid$q;
        q4_wide = ((s4_q$q) & 32'hffffffff);
        s5_ll$d = s4_m$q[(32'h0)+:(16)] * q4_wide[(32'h0)+:(16)];
        s5_lh$d = s4_m$q[(32'h0)+:(16)] * q4_wide[(32'h10)+:(16)];
        s5_hl$d = s4_m$q[(32'h10)+:(16)] * q4_wide[(32'h0)+:(16)];
        s5_hh$d = s4_m$q[(32'h10)+:(16)] * q4_wide[(32'h10)+:(16)];
        s5_t_hi$d = s4_t_hi$q;
        s5_nz$d = s4_nz$q;
        s5_q$d = s4_q$q;
        s5_valid$d = s4_valid$q;
        mq_mid = ((s5_lh$q) & 34'h3ffffffff) + ((s5_hl$q) & 34'h3ffffffff);
        mq_lo_sum = ((s5_ll$q) & 33'h1ffffffff) + (((mq_mid[(32'h0)+:(16)]) & 33'h1ffffffff) << 32'h10);
        mq_hi = s5_hh$q + ((mq_mid[(32'h10)+:(18)]) & 32'hffffffff);
        t_sum = s5_t_hi$q + mq_hi;
        s6_t$d = t_sum + mq_lo_sum[32'h20] + s5_nz$q;
        s6_q$d = s5_q$q;
        s6_valid$d = s5_valid$q;
        q6_wide = ((s6_q$q) & 32'hffffffff);
        t_minus_q = s6_t$q - q6_wide;
        if (t_minus_q[32'h1f]) begin
            s7_product$d = s6_t$q[(32'h0)+:(30)];
        end
        else begin
            s7_product$d = t_minus_q[(32'h0)+:(30)];
        end
        s7_valid$d = s6_valid$q;
        product = s7_product$q;
        valid_out = s7_valid$q;
    end
    
endmodule // top$bflies$1$mont


module top$bflies$1$mont$s1_hh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_hh


module top$bflies$1$mont$s1_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_hl


module top$bflies$1$mont$s1_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_lh


module top$bflies$1$mont$s1_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_ll


module top$bflies$1$mont$s1_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_q


module top$bflies$1$mont$s1_qi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_qi


module top$bflies$1$mont$s1_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s1_valid


module top$bflies$1$mont$s2_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s2_q


module top$bflies$1$mont$s2_qi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s2_qi


module top$bflies$1$mont$s2_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s2_t_hi


module top$bflies$1$mont$s2_t_lo(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s2_t_lo


module top$bflies$1$mont$s2_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s2_valid


module top$bflies$1$mont$s3_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_hl


module top$bflies$1$mont$s3_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_lh


module top$bflies$1$mont$s3_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_ll


module top$bflies$1$mont$s3_nz(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_nz


module top$bflies$1$mont$s3_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_q


module top$bflies$1$mont$s3_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_t_hi


module top$bflies$1$mont$s3_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s3_valid


module top$bflies$1$mont$s4_m(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s4_m


module top$bflies$1$mont$s4_nz(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s4_nz


module top$bflies$1$mont$s4_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s4_q


module top$bflies$1$mont$s4_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s4_t_hi


module top$bflies$1$mont$s4_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s4_valid


module top$bflies$1$mont$s5_hh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_hh


module top$bflies$1$mont$s5_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_hl


module top$bflies$1$mont$s5_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_lh


module top$bflies$1$mont$s5_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_ll


module top$bflies$1$mont$s5_nz(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_nz


module top$bflies$1$mont$s5_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_q


module top$bflies$1$mont$s5_t_hi(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_t_hi


module top$bflies$1$mont$s5_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s5_valid


module top$bflies$1$mont$s6_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s6_q


module top$bflies$1$mont$s6_t(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s6_t


module top$bflies$1$mont$s6_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s6_valid


module top$bflies$1$mont$s7_product(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s7_product


module top$bflies$1$mont$s7_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mont$s7_valid


module top$bflies$1$mul(clock,modulus,a,w,w_shoup,valid_in,product,valid_out);
    
    // Module arguments
    input wire  clock;
    input wire  [29:0] modulus;
    input wire  [31:0] a;
    input wire  [29:0] w;
    input wire  [31:0] w_shoup;
    input wire  valid_in;
    output reg  [29:0] product;
    output reg  valid_out;
    
    // Stub signals
    reg  [31:0] s1_p_ll$d;
    wire  [31:0] s1_p_ll$q;
    reg  s1_p_ll$clock;
    reg  [31:0] s1_p_lh$d;
    wire  [31:0] s1_p_lh$q;
    reg  s1_p_lh$clock;
    reg  [31:0] s1_p_hl$d;
    wire  [31:0] s1_p_hl$q;
    reg  s1_p_hl$clock;
    reg  [31:0] s1_p_hh$d;
    wire  [31:0] s1_p_hh$q;
    reg  s1_p_hh$clock;
    reg  [31:0] s1_m_ll$d;
    wire  [31:0] s1_m_ll$q;
    reg  s1_m_ll$clock;
    reg  [31:0] s1_m_lh$d;
    wire  [31:0] s1_m_lh$q;
    reg  s1_m_lh$clock;
    reg  [31:0] s1_m_hl$d;
    wire  [31:0] s1_m_hl$q;
    reg  s1_m_hl$clock;
    reg  [29:0] s1_q$d;
    wire  [29:0] s1_q$q;
    reg  s1_q$clock;
    reg  s1_valid$d;
    wire  s1_valid$q;
    reg  s1_valid$clock;
    reg  [31:0] s2_qhat$d;
    wire  [31:0] s2_qhat$q;
    reg  s2_qhat$clock;
    reg  [31:0] s2_aw$d;
    wire  [31:0] s2_aw$q;
    reg  s2_aw$clock;
    reg  [29:0] s2_q$d;
    wire  [29:0] s2_q$q;
    reg  s2_q$clock;
    reg  s2_valid$d;
    wire  s2_valid$q;
    reg  s2_valid$clock;
    reg  [31:0] s3_n_ll$d;
    wire  [31:0] s3_n_ll$q;
    reg  s3_n_ll$clock;
    reg  [31:0] s3_n_lh$d;
    wire  [31:0] s3_n_lh$q;
    reg  s3_n_lh$clock;
    reg  [31:0] s3_n_hl$d;
    wire  [31:0] s3_n_hl$q;
    reg  s3_n_hl$clock;
    reg  [31:0] s3_aw$d;
    wire  [31:0] s3_aw$q;
    reg  s3_aw$clock;
    reg  [29:0] s3_q$d;
    wire  [29:0] s3_q$q;
    reg  s3_q$clock;
    reg  s3_valid$d;
    wire  s3_valid$q;
    reg  s3_valid$clock;
    reg  [30:0] s4_r$d;
    wire  [30:0] s4_r$q;
    reg  s4_r$clock;
    reg  [29:0] s4_q$d;
    wire  [29:0] s4_q$q;
    reg  s4_q$clock;
    reg  s4_valid$d;
    wire  s4_valid$q;
    reg  s4_valid$clock;
    reg  [29:0] s5_product$d;
    wire  [29:0] s5_product$q;
    reg  s5_product$clock;
    reg  s5_valid$d;
    wire  s5_valid$q;
    reg  s5_valid$clock;
    
    // Local signals
    reg  [15:0] a_lo;
    reg  [15:0] a_hi;
    reg  [15:0] ws_lo;
    reg  [15:0] ws_hi;
    reg  [31:0] w_wide;
    reg  [15:0] w_lo;
    reg  [15:0] w_hi;
    reg  [33:0] p_lh_wide;
    reg  [33:0] p_hl_wide;
    reg  [33:0] p_ll_carry;
    reg  [33:0] p_mid;
    reg  [31:0] p_mid_hi;
    reg  [15:0] m_cross;
    reg  [31:0] m_cross_wide;
    reg  [31:0] q_wide;
    reg  [15:0] qhat_lo;
    reg  [15:0] qhat_hi;
    reg  [15:0] q_lo;
    reg  [15:0] q_hi;
    reg  [15:0] n_cross;
    reg  [31:0] n_cross_wide;
    reg  [31:0] qq;
    reg  [31:0] r;
    reg  [31:0] r_wide;
    reg  [31:0] q4_wide;
    reg  [31:0] r_minus_q;
    
    // Sub module instances
    top$bflies$1$mul$s1_p_ll s1_p_ll(
        .d(s1_p_ll$d),
        .q(s1_p_ll$q),
        .clock(s1_p_ll$clock)
    );
    top$bflies$1$mul$s1_p_lh s1_p_lh(
        .d(s1_p_lh$d),
        .q(s1_p_lh$q),
        .clock(s1_p_lh$clock)
    );
    top$bflies$1$mul$s1_p_hl s1_p_hl(
        .d(s1_p_hl$d),
        .q(s1_p_hl$q),
        .clock(s1_p_hl$clock)
    );
    top$bflies$1$mul$s1_p_hh s1_p_hh(
        .d(s1_p_hh$d),
        .q(s1_p_hh$q),
        .clock(s1_p_hh$clock)
    );
    top$bflies$1$mul$s1_m_ll s1_m_ll(
        .d(s1_m_ll$d),
        .q(s1_m_ll$q),
        .clock(s1_m_ll$clock)
    );
    top$bflies$1$mul$s1_m_lh s1_m_lh(
        .d(s1_m_lh$d),
        .q(s1_m_lh$q),
        .clock(s1_m_lh$clock)
    );
    top$bflies$1$mul$s1_m_hl s1_m_hl(
        .d(s1_m_hl$d),
        .q(s1_m_hl$q),
        .clock(s1_m_hl$clock)
    );
    top$bflies$1$mul$s1_q s1_q(
        .d(s1_q$d),
        .q(s1_q$q),
        .clock(s1_q$clock)
    );
    top$bflies$1$mul$s1_valid s1_valid(
        .d(s1_valid$d),
        .q(s1_valid$q),
        .clock(s1_valid$clock)
    );
    top$bflies$1$mul$s2_qhat s2_qhat(
        .d(s2_qhat$d),
        .q(s2_qhat$q),
        .clock(s2_qhat$clock)
    );
    top$bflies$1$mul$s2_aw s2_aw(
        .d(s2_aw$d),
        .q(s2_aw$q),
        .clock(s2_aw$clock)
    );
    top$bflies$1$mul$s2_q s2_q(
        .d(s2_q$d),
        .q(s2_q$q),
        .clock(s2_q$clock)
    );
    top$bflies$1$mul$s2_valid s2_valid(
        .d(s2_valid$d),
        .q(s2_valid$q),
        .clock(s2_valid$clock)
    );
    top$bflies$1$mul$s3_n_ll s3_n_ll(
        .d(s3_n_ll$d),
        .q(s3_n_ll$q),
        .clock(s3_n_ll$clock)
    );
    top$bflies$1$mul$s3_n_lh s3_n_lh(
        .d(s3_n_lh$d),
        .q(s3_n_lh$q),
        .clock(s3_n_lh$clock)
    );
    top$bflies$1$mul$s3_n_hl s3_n_hl(
        .d(s3_n_hl$d),
        .q(s3_n_hl$q),
        .clock(s3_n_hl$clock)
    );
    top$bflies$1$mul$s3_aw s3_aw(
        .d(s3_aw$d),
        .q(s3_aw$q),
        .clock(s3_aw$clock)
    );
    top$bflies$1$mul$s3_q s3_q(
        .d(s3_q$d),
        .q(s3_q$q),
        .clock(s3_q$clock)
    );
    top$bflies$1$mul$s3_valid s3_valid(
        .d(s3_valid$d),
        .q(s3_valid$q),
        .clock(s3_valid$clock)
    );
    top$bflies$1$mul$s4_r s4_r(
        .d(s4_r$d),
        .q(s4_r$q),
        .clock(s4_r$clock)
    );
    top$bflies$1$mul$s4_q s4_q(
        .d(s4_q$d),
        .q(s4_q$q),
        .clock(s4_q$clock)
    );
    top$bflies$1$mul$s4_valid s4_valid(
        .d(s4_valid$d),
        .q(s4_valid$q),
        .clock(s4_valid$clock)
    );
    top$bflies$1$mul$s5_product s5_product(
        .d(s5_product$d),
        .q(s5_product$q),
        .clock(s5_product$clock)
    );
    top$bflies$1$mul$s5_valid s5_valid(
        .d(s5_valid$d),
        .q(s5_valid$q),
        .clock(s5_valid$clock)
    );
    
    // Update code
    always @(*) begin
        s1_p_ll$clock = clock;
        s1_p_lh$clock = clock;
        s1_p_hl$clock = clock;
        s1_p_hh$clock = clock;
        s1_m_ll$clock = clock;
        s1_m_lh$clock = clock;
        s1_m_hl$clock = clock;
        s1_q$clock = clock;
        s1_valid$clock = clock;
        s2_qhat$clock = clock;
        s2_aw$clock = clock;
        s2_q$clock = clock;
        s2_valid$clock = clock;
        s3_n_ll$clock = clock;
        s3_n_lh$clock = clock;
        s3_n_hl$clock = clock;
        s3_aw$clock = clock;
        s3_q$clock = clock;
        s3_valid$clock = clock;
        s4_r$clock = clock;
        s4_q$clock = clock;
        s4_valid$clock = clock;
        s5_product$clock = clock;
        s5_valid$clock = clock;
        s1_p_ll$d = s1_p_ll$q;
        s1_p_lh$d = s1_p_lh$q;
        s1_p_hl$d = s1_p_hl$q;
        s1_p_hh$d = s1_p_hh$q;
        s1_m_ll$d = s1_m_ll$q;
        s1_m_lh$d = s1_m_lh$q;
        s1_m_hl$d = s1_m_hl$q;
        s1_q$d = s1_q$q;
        s1_valid$d = s1_valid$q;
        s2_qhat$d = s2_qhat$q;
        s2_aw$d = s2_aw$q;
        s2_q$d = s2_q$q;
        s2_valid$d = s2_valid$q;
        s3_n_ll$d = s3_n_ll$q;
        s3_n_lh$d = s3_n_lh$q;
        s3_n_hl$d = s3_n_hl$q;
        s3_aw$d = s3_aw$q;
        s3_q$d = s3_q$q;
        s3_valid$d = s3_valid$q;
        s4_r$d = s4_r$q;
        s4_q$d = s4_q$q;
        s4_valid$d = s4_valid$q;
        s5_product$d = s5_product$q;
        s5_valid$d = s5_valid$q;
        a_lo = a[(32'h0)+:(16)];
        a_hi = a[(32'h10)+:(16)];
        ws_lo = w_shoup[(32'h0)+:(16)];
        ws_hi = w_shoup[(32'h10)+:(16)];
        w_wide = ((w) & 32'hffffffff);
        w_lo = w_wide[(32'h0)+:(16)];
        w_hi = w_wide[(32'h10)+:(16)];
        s1_p_ll$d = a_lo * ws_lo;
        s1_p_lh$d = a_lo * ws_hi;
        s1_p_hl$d = a_hi * ws_lo;
        s1_p_hh$d = a_hi * ws_hi;
        s1_m_ll$d = a_lo * w_lo;
        s1_m_lh$d = a_lo * w_hi;
        s1_m_hl$d = a_hi * w_lo;
        s1_q$d = modulus;
        s1_valid$d = valid_in;
        p_lh_wide = ((s1_p_lh$q) & 34'h3ffffffff);
        p_hl_wide = ((s1_p_hl$q) & 34'h3ffffffff);
        p_ll_carry = ((s1_p_ll$q[(32'h10)+:(16)]) & 34'h3ffffffff);
        p_mid = p_lh_wide + p_hl_wide + p_ll_carry;
        p_mid_hi = ((p_mid[(32'h10)+:(18)]) & 32'hffffffff);
        s2_qhat$d = s1_p_hh$q + p_mid_hi;
        m_cross = s1_m_lh$q[(32'h0)+:(16)] + s1_m_hl$q[(32'h0)+:(16)];
        m_cross_wide = ((m_cross) & 32'hffffffff) << 32'h10;
        s2_aw$d = s1_m_ll$q + m_cross_wide;
        s2_q$d = s1_q$q;
        s2_valid$d = s1_valid$q;
        q_wide = ((s2_q$q) & 32'hffffffff);
        qhat_lo = s2_qhat$q[(32'h0)+:(16)];
        qhat_hi = s2_qhat$q[(32'h10)+:(16)];
        q_lo = q_wide[(32'h0)+:(16)];
        q_hi = q_wide[(32'h10)+:(16)];
        s3_n_ll$d = qhat_lo * q_lo;
        s3_n_lh$d = qhat_lo * q_hi;
        s3_n_hl$d = qhat_hi * q_lo;
        s3_aw$d = s2_aw$q;
        s3_q$d = s2_q$q;
        s3_valid$d = s2_valid$q;
        n_cross = s3_n_lh$q[(32'h0)+:(16)] + s3_n_hl$q[(32'h0)+:(16)];
        n_cross_wide = ((n_cross) & 32'hffffffff) << 32'h10;
        qq = s3_n_ll$q + n_cross_wide;
        r = s3_aw$q - qq;
        s4_r$d = ((r) & 31'h7fffffff);
        s4_q$d = s3_q$q;
        s4_valid$d = s3_valid$q;
        r_wide = ((s4_r$q) & 32'hffffffff);
        q4_wide = ((s4_q$q) & 32'hffffffff);
        r_minus_q = r_wide - q4_wide;
        if (r_minus_q[32'h1f]) begin
            s5_product$d = ((s4_r$q) & 30'h3fffffff);
        end
        else begin
            s5_product$d = ((r_minus_q) & 30'h3fffffff);
        end
        s5_valid$d = s4_valid$q;
        product = s5_product$q;
        valid_out = s5_valid$q;
    end
    
endmodule // top$bflies$1$mul


module top$bflies$1$mul$s1_m_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_m_hl


module top$bflies$1$mul$s1_m_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_m_lh


module top$bflies$1$mul$s1_m_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_m_ll


module top$bflies$1$mul$s1_p_hh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_p_hh


module top$bflies$1$mul$s1_p_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_p_hl


module top$bflies$1$mul$s1_p_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_p_lh


module top$bflies$1$mul$s1_p_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_p_ll


module top$bflies$1$mul$s1_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_q


module top$bflies$1$mul$s1_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s1_valid


module top$bflies$1$mul$s2_aw(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s2_aw


module top$bflies$1$mul$s2_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s2_q


module top$bflies$1$mul$s2_qhat(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s2_qhat


module top$bflies$1$mul$s2_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s2_valid


module top$bflies$1$mul$s3_aw(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_aw


module top$bflies$1$mul$s3_n_hl(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_n_hl


module top$bflies$1$mul$s3_n_lh(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_n_lh


module top$bflies$1$mul$s3_n_ll(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_n_ll


module top$bflies$1$mul$s3_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_q


module top$bflies$1$mul$s3_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s3_valid


module top$bflies$1$mul$s4_q(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s4_q


module top$bflies$1$mul$s4_r(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s4_r


module top$bflies$1$mul$s4_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s4_valid


module top$bflies$1$mul$s5_product(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s5_product


module top$bflies$1$mul$s5_valid(d,q,clock);
    
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
          
endmodule // top$bflies$1$mul$s5_valid


module top$bflies$1$valid_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$0


module top$bflies$1$valid_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$1


module top$bflies$1$valid_delay$10(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$10


module top$bflies$1$valid_delay$11(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$11


module top$bflies$1$valid_delay$2(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$2


module top$bflies$1$valid_delay$3(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$3


module top$bflies$1$valid_delay$4(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$4


module top$bflies$1$valid_delay$5(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$5


module top$bflies$1$valid_delay$6(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$6


module top$bflies$1$valid_delay$7(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$7


module top$bflies$1$valid_delay$8(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$8


module top$bflies$1$valid_delay$9(d,q,clock);
    
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
          
endmodule // top$bflies$1$valid_delay$9


module top$bflies$1$w_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$1$w_delay$0


module top$bflies$1$w_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$1$w_delay$1


module top$bflies$1$ws_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$1$ws_delay$0


module top$bflies$1$ws_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$1$ws_delay$1


module top$bflies$1$x_delay$0(d,q,clock);
    
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
          
endmodule // top$bflies$1$x_delay$0


module top$bflies$1$x_delay$1(d,q,clock);
    
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
          
endmodule // top$bflies$1$x_delay$1


module top$bflies$1$x_delay$2(d,q,clock);
    
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
          
endmodule // top$bflies$1$x_delay$2


module top$bflies$1$x_delay$3(d,q,clock);
    
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
          
endmodule // top$bflies$1$x_delay$3


module top$bflies$1$x_delay$4(d,q,clock);
    
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
          
endmodule // top$bflies$1$x_delay$4


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
    localparam  lane_bits = 4'h1;
    localparam  bank_bits = 4'h2;
    localparam  raw_distance = 14'b1010;
    localparam  drain_ntt = 5'b1010;
    localparam  drain_pointwise = 5'b1111;
    localparam  pw_slow = 1'b0;
    
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


module top$host_map(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [1:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b1010101010101;
    localparam  mask1 = 14'b10101010101010;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h2;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(2)];
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
    output reg  [3:0] tw_addr;
    output reg  [7:0] tw_rsel;
    input wire  [61:0] tw_data;
    output reg  [7:0] sel_x;
    output reg  [1:0] addr_x;
    output reg  [7:0] sel_y;
    output reg  [1:0] addr_y;
    output reg  [7:0] rsel_x;
    output reg  [7:0] rsel_y;
    input wire  [29:0] x_cur;
    input wire  [29:0] y_cur;
    input wire  [29:0] x_oth;
    output reg  wb_valid;
    output reg  [7:0] wb_sel_x;
    output reg  [7:0] wb_sel_y;
    output reg  [1:0] wb_addr_x;
    output reg  [1:0] wb_addr_y;
    output reg  [29:0] wb_x;
    output reg  [29:0] wb_y;
    output reg  bf_valid;
    output reg  [29:0] bf_x;
    output reg  [29:0] bf_y;
    output reg  [61:0] bf_tw;
    input wire  [29:0] bf_x_out;
    input wire  [29:0] bf_y_out;
    
    // Constant declarations
    localparam  lane_id = 14'b0;
    localparam  lane_mask = 14'b1;
    localparam  lane_bits = 4'h1;
    
    // Stub signals
    reg  [13:0] map_x$index;
    wire  [7:0] map_x$onehot;
    wire  [1:0] map_x$addr;
    reg  [13:0] map_y$index;
    wire  [7:0] map_y$onehot;
    wire  [1:0] map_y$addr;
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
    reg  [1:0] tag_ax$0$d;
    wire  [1:0] tag_ax$0$q;
    reg  tag_ax$0$clock;
    reg  [1:0] tag_ax$1$d;
    wire  [1:0] tag_ax$1$q;
    reg  tag_ax$1$clock;
    reg  [1:0] tag_ax$2$d;
    wire  [1:0] tag_ax$2$q;
    reg  tag_ax$2$clock;
    reg  [1:0] tag_ax$3$d;
    wire  [1:0] tag_ax$3$q;
    reg  tag_ax$3$clock;
    reg  [1:0] tag_ax$4$d;
    wire  [1:0] tag_ax$4$q;
    reg  tag_ax$4$clock;
    reg  [1:0] tag_ax$5$d;
    wire  [1:0] tag_ax$5$q;
    reg  tag_ax$5$clock;
    reg  [1:0] tag_ax$6$d;
    wire  [1:0] tag_ax$6$q;
    reg  tag_ax$6$clock;
    reg  [1:0] tag_ax$7$d;
    wire  [1:0] tag_ax$7$q;
    reg  tag_ax$7$clock;
    reg  [1:0] tag_ax$8$d;
    wire  [1:0] tag_ax$8$q;
    reg  tag_ax$8$clock;
    reg  [1:0] tag_ax$9$d;
    wire  [1:0] tag_ax$9$q;
    reg  tag_ax$9$clock;
    reg  [1:0] tag_ax$10$d;
    wire  [1:0] tag_ax$10$q;
    reg  tag_ax$10$clock;
    reg  [1:0] tag_ax$11$d;
    wire  [1:0] tag_ax$11$q;
    reg  tag_ax$11$clock;
    reg  [1:0] tag_ax$12$d;
    wire  [1:0] tag_ax$12$q;
    reg  tag_ax$12$clock;
    reg  [1:0] tag_ay$0$d;
    wire  [1:0] tag_ay$0$q;
    reg  tag_ay$0$clock;
    reg  [1:0] tag_ay$1$d;
    wire  [1:0] tag_ay$1$q;
    reg  tag_ay$1$clock;
    reg  [1:0] tag_ay$2$d;
    wire  [1:0] tag_ay$2$q;
    reg  tag_ay$2$clock;
    reg  [1:0] tag_ay$3$d;
    wire  [1:0] tag_ay$3$q;
    reg  tag_ay$3$clock;
    reg  [1:0] tag_ay$4$d;
    wire  [1:0] tag_ay$4$q;
    reg  tag_ay$4$clock;
    reg  [1:0] tag_ay$5$d;
    wire  [1:0] tag_ay$5$q;
    reg  tag_ay$5$clock;
    reg  [1:0] tag_ay$6$d;
    wire  [1:0] tag_ay$6$q;
    reg  tag_ay$6$clock;
    reg  [1:0] tag_ay$7$d;
    wire  [1:0] tag_ay$7$q;
    reg  tag_ay$7$clock;
    reg  [1:0] tag_ay$8$d;
    wire  [1:0] tag_ay$8$q;
    reg  tag_ay$8$clock;
    reg  [1:0] tag_ay$9$d;
    wire  [1:0] tag_ay$9$q;
    reg  tag_ay$9$clock;
    reg  [1:0] tag_ay$10$d;
    wire  [1:0] tag_ay$10$q;
    reg  tag_ay$10$clock;
    reg  [1:0] tag_ay$11$d;
    wire  [1:0] tag_ay$11$q;
    reg  tag_ay$11$clock;
    reg  [1:0] tag_ay$12$d;
    wire  [1:0] tag_ay$12$q;
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
            tw_addr = (((tw_row) & 4'hf) << 32'h1) + 32'h1;
        end
        else begin
            tw_addr = ((tw_row) & 4'hf) << 32'h1;
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
    output reg  [1:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b1010101010101;
    localparam  mask1 = 14'b10101010101010;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h2;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(2)];
    end
    
endmodule // top$lanes$0$map_x


module top$lanes$0$map_y(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [1:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b1010101010101;
    localparam  mask1 = 14'b10101010101010;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h2;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(2)];
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
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$0


module top$lanes$0$tag_ax$1(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$1


module top$lanes$0$tag_ax$10(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$10


module top$lanes$0$tag_ax$11(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$11


module top$lanes$0$tag_ax$12(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$12


module top$lanes$0$tag_ax$2(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$2


module top$lanes$0$tag_ax$3(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$3


module top$lanes$0$tag_ax$4(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$4


module top$lanes$0$tag_ax$5(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$5


module top$lanes$0$tag_ax$6(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$6


module top$lanes$0$tag_ax$7(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$7


module top$lanes$0$tag_ax$8(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$8


module top$lanes$0$tag_ax$9(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ax$9


module top$lanes$0$tag_ay$0(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$0


module top$lanes$0$tag_ay$1(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$1


module top$lanes$0$tag_ay$10(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$10


module top$lanes$0$tag_ay$11(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$11


module top$lanes$0$tag_ay$12(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$12


module top$lanes$0$tag_ay$2(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$2


module top$lanes$0$tag_ay$3(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$3


module top$lanes$0$tag_ay$4(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$4


module top$lanes$0$tag_ay$5(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$5


module top$lanes$0$tag_ay$6(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$6


module top$lanes$0$tag_ay$7(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$7


module top$lanes$0$tag_ay$8(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$0$tag_ay$8


module top$lanes$0$tag_ay$9(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
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


module top$lanes$1(clock,issue_valid,issue_base,issue_w,issue_d,issue_s,n,inverse,pointwise,clear,tw_sel,tw_addr,tw_rsel,tw_data,sel_x,addr_x,sel_y,addr_y,rsel_x,rsel_y,x_cur,y_cur,x_oth,wb_valid,wb_sel_x,wb_sel_y,wb_addr_x,wb_addr_y,wb_x,wb_y,bf_valid,bf_x,bf_y,bf_tw,bf_x_out,bf_y_out);
    
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
    output reg  [3:0] tw_addr;
    output reg  [7:0] tw_rsel;
    input wire  [61:0] tw_data;
    output reg  [7:0] sel_x;
    output reg  [1:0] addr_x;
    output reg  [7:0] sel_y;
    output reg  [1:0] addr_y;
    output reg  [7:0] rsel_x;
    output reg  [7:0] rsel_y;
    input wire  [29:0] x_cur;
    input wire  [29:0] y_cur;
    input wire  [29:0] x_oth;
    output reg  wb_valid;
    output reg  [7:0] wb_sel_x;
    output reg  [7:0] wb_sel_y;
    output reg  [1:0] wb_addr_x;
    output reg  [1:0] wb_addr_y;
    output reg  [29:0] wb_x;
    output reg  [29:0] wb_y;
    output reg  bf_valid;
    output reg  [29:0] bf_x;
    output reg  [29:0] bf_y;
    output reg  [61:0] bf_tw;
    input wire  [29:0] bf_x_out;
    input wire  [29:0] bf_y_out;
    
    // Constant declarations
    localparam  lane_id = 14'b1;
    localparam  lane_mask = 14'b1;
    localparam  lane_bits = 4'h1;
    
    // Stub signals
    reg  [13:0] map_x$index;
    wire  [7:0] map_x$onehot;
    wire  [1:0] map_x$addr;
    reg  [13:0] map_y$index;
    wire  [7:0] map_y$onehot;
    wire  [1:0] map_y$addr;
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
    reg  [1:0] tag_ax$0$d;
    wire  [1:0] tag_ax$0$q;
    reg  tag_ax$0$clock;
    reg  [1:0] tag_ax$1$d;
    wire  [1:0] tag_ax$1$q;
    reg  tag_ax$1$clock;
    reg  [1:0] tag_ax$2$d;
    wire  [1:0] tag_ax$2$q;
    reg  tag_ax$2$clock;
    reg  [1:0] tag_ax$3$d;
    wire  [1:0] tag_ax$3$q;
    reg  tag_ax$3$clock;
    reg  [1:0] tag_ax$4$d;
    wire  [1:0] tag_ax$4$q;
    reg  tag_ax$4$clock;
    reg  [1:0] tag_ax$5$d;
    wire  [1:0] tag_ax$5$q;
    reg  tag_ax$5$clock;
    reg  [1:0] tag_ax$6$d;
    wire  [1:0] tag_ax$6$q;
    reg  tag_ax$6$clock;
    reg  [1:0] tag_ax$7$d;
    wire  [1:0] tag_ax$7$q;
    reg  tag_ax$7$clock;
    reg  [1:0] tag_ax$8$d;
    wire  [1:0] tag_ax$8$q;
    reg  tag_ax$8$clock;
    reg  [1:0] tag_ax$9$d;
    wire  [1:0] tag_ax$9$q;
    reg  tag_ax$9$clock;
    reg  [1:0] tag_ax$10$d;
    wire  [1:0] tag_ax$10$q;
    reg  tag_ax$10$clock;
    reg  [1:0] tag_ax$11$d;
    wire  [1:0] tag_ax$11$q;
    reg  tag_ax$11$clock;
    reg  [1:0] tag_ax$12$d;
    wire  [1:0] tag_ax$12$q;
    reg  tag_ax$12$clock;
    reg  [1:0] tag_ay$0$d;
    wire  [1:0] tag_ay$0$q;
    reg  tag_ay$0$clock;
    reg  [1:0] tag_ay$1$d;
    wire  [1:0] tag_ay$1$q;
    reg  tag_ay$1$clock;
    reg  [1:0] tag_ay$2$d;
    wire  [1:0] tag_ay$2$q;
    reg  tag_ay$2$clock;
    reg  [1:0] tag_ay$3$d;
    wire  [1:0] tag_ay$3$q;
    reg  tag_ay$3$clock;
    reg  [1:0] tag_ay$4$d;
    wire  [1:0] tag_ay$4$q;
    reg  tag_ay$4$clock;
    reg  [1:0] tag_ay$5$d;
    wire  [1:0] tag_ay$5$q;
    reg  tag_ay$5$clock;
    reg  [1:0] tag_ay$6$d;
    wire  [1:0] tag_ay$6$q;
    reg  tag_ay$6$clock;
    reg  [1:0] tag_ay$7$d;
    wire  [1:0] tag_ay$7$q;
    reg  tag_ay$7$clock;
    reg  [1:0] tag_ay$8$d;
    wire  [1:0] tag_ay$8$q;
    reg  tag_ay$8$clock;
    reg  [1:0] tag_ay$9$d;
    wire  [1:0] tag_ay$9$q;
    reg  tag_ay$9$clock;
    reg  [1:0] tag_ay$10$d;
    wire  [1:0] tag_ay$10$q;
    reg  tag_ay$10$clock;
    reg  [1:0] tag_ay$11$d;
    wire  [1:0] tag_ay$11$q;
    reg  tag_ay$11$clock;
    reg  [1:0] tag_ay$12$d;
    wire  [1:0] tag_ay$12$q;
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
    top$lanes$1$map_x map_x(
        .index(map_x$index),
        .onehot(map_x$onehot),
        .addr(map_x$addr)
    );
    top$lanes$1$map_y map_y(
        .index(map_y$index),
        .onehot(map_y$onehot),
        .addr(map_y$addr)
    );
    top$lanes$1$r_valid r_valid(
        .d(r_valid$d),
        .q(r_valid$q),
        .clock(r_valid$clock)
    );
    top$lanes$1$r_x r_x(
        .d(r_x$d),
        .q(r_x$q),
        .clock(r_x$clock)
    );
    top$lanes$1$r_y r_y(
        .d(r_y$d),
        .q(r_y$q),
        .clock(r_y$clock)
    );
    top$lanes$1$r_tw r_tw(
        .d(r_tw$d),
        .q(r_tw$q),
        .clock(r_tw$clock)
    );
    top$lanes$1$tag_valid$0 tag_valid$0(
        .d(tag_valid$0$d),
        .q(tag_valid$0$q),
        .clock(tag_valid$0$clock)
    );
    top$lanes$1$tag_valid$1 tag_valid$1(
        .d(tag_valid$1$d),
        .q(tag_valid$1$q),
        .clock(tag_valid$1$clock)
    );
    top$lanes$1$tag_valid$2 tag_valid$2(
        .d(tag_valid$2$d),
        .q(tag_valid$2$q),
        .clock(tag_valid$2$clock)
    );
    top$lanes$1$tag_valid$3 tag_valid$3(
        .d(tag_valid$3$d),
        .q(tag_valid$3$q),
        .clock(tag_valid$3$clock)
    );
    top$lanes$1$tag_valid$4 tag_valid$4(
        .d(tag_valid$4$d),
        .q(tag_valid$4$q),
        .clock(tag_valid$4$clock)
    );
    top$lanes$1$tag_valid$5 tag_valid$5(
        .d(tag_valid$5$d),
        .q(tag_valid$5$q),
        .clock(tag_valid$5$clock)
    );
    top$lanes$1$tag_valid$6 tag_valid$6(
        .d(tag_valid$6$d),
        .q(tag_valid$6$q),
        .clock(tag_valid$6$clock)
    );
    top$lanes$1$tag_valid$7 tag_valid$7(
        .d(tag_valid$7$d),
        .q(tag_valid$7$q),
        .clock(tag_valid$7$clock)
    );
    top$lanes$1$tag_valid$8 tag_valid$8(
        .d(tag_valid$8$d),
        .q(tag_valid$8$q),
        .clock(tag_valid$8$clock)
    );
    top$lanes$1$tag_valid$9 tag_valid$9(
        .d(tag_valid$9$d),
        .q(tag_valid$9$q),
        .clock(tag_valid$9$clock)
    );
    top$lanes$1$tag_valid$10 tag_valid$10(
        .d(tag_valid$10$d),
        .q(tag_valid$10$q),
        .clock(tag_valid$10$clock)
    );
    top$lanes$1$tag_valid$11 tag_valid$11(
        .d(tag_valid$11$d),
        .q(tag_valid$11$q),
        .clock(tag_valid$11$clock)
    );
    top$lanes$1$tag_valid$12 tag_valid$12(
        .d(tag_valid$12$d),
        .q(tag_valid$12$q),
        .clock(tag_valid$12$clock)
    );
    top$lanes$1$tag_sx$0 tag_sx$0(
        .d(tag_sx$0$d),
        .q(tag_sx$0$q),
        .clock(tag_sx$0$clock)
    );
    top$lanes$1$tag_sx$1 tag_sx$1(
        .d(tag_sx$1$d),
        .q(tag_sx$1$q),
        .clock(tag_sx$1$clock)
    );
    top$lanes$1$tag_sx$2 tag_sx$2(
        .d(tag_sx$2$d),
        .q(tag_sx$2$q),
        .clock(tag_sx$2$clock)
    );
    top$lanes$1$tag_sx$3 tag_sx$3(
        .d(tag_sx$3$d),
        .q(tag_sx$3$q),
        .clock(tag_sx$3$clock)
    );
    top$lanes$1$tag_sx$4 tag_sx$4(
        .d(tag_sx$4$d),
        .q(tag_sx$4$q),
        .clock(tag_sx$4$clock)
    );
    top$lanes$1$tag_sx$5 tag_sx$5(
        .d(tag_sx$5$d),
        .q(tag_sx$5$q),
        .clock(tag_sx$5$clock)
    );
    top$lanes$1$tag_sx$6 tag_sx$6(
        .d(tag_sx$6$d),
        .q(tag_sx$6$q),
        .clock(tag_sx$6$clock)
    );
    top$lanes$1$tag_sx$7 tag_sx$7(
        .d(tag_sx$7$d),
        .q(tag_sx$7$q),
        .clock(tag_sx$7$clock)
    );
    top$lanes$1$tag_sx$8 tag_sx$8(
        .d(tag_sx$8$d),
        .q(tag_sx$8$q),
        .clock(tag_sx$8$clock)
    );
    top$lanes$1$tag_sx$9 tag_sx$9(
        .d(tag_sx$9$d),
        .q(tag_sx$9$q),
        .clock(tag_sx$9$clock)
    );
    top$lanes$1$tag_sx$10 tag_sx$10(
        .d(tag_sx$10$d),
        .q(tag_sx$10$q),
        .clock(tag_sx$10$clock)
    );
    top$lanes$1$tag_sx$11 tag_sx$11(
        .d(tag_sx$11$d),
        .q(tag_sx$11$q),
        .clock(tag_sx$11$clock)
    );
    top$lanes$1$tag_sx$12 tag_sx$12(
        .d(tag_sx$12$d),
        .q(tag_sx$12$q),
        .clock(tag_sx$12$clock)
    );
    top$lanes$1$tag_sy$0 tag_sy$0(
        .d(tag_sy$0$d),
        .q(tag_sy$0$q),
        .clock(tag_sy$0$clock)
    );
    top$lanes$1$tag_sy$1 tag_sy$1(
        .d(tag_sy$1$d),
        .q(tag_sy$1$q),
        .clock(tag_sy$1$clock)
    );
    top$lanes$1$tag_sy$2 tag_sy$2(
        .d(tag_sy$2$d),
        .q(tag_sy$2$q),
        .clock(tag_sy$2$clock)
    );
    top$lanes$1$tag_sy$3 tag_sy$3(
        .d(tag_sy$3$d),
        .q(tag_sy$3$q),
        .clock(tag_sy$3$clock)
    );
    top$lanes$1$tag_sy$4 tag_sy$4(
        .d(tag_sy$4$d),
        .q(tag_sy$4$q),
        .clock(tag_sy$4$clock)
    );
    top$lanes$1$tag_sy$5 tag_sy$5(
        .d(tag_sy$5$d),
        .q(tag_sy$5$q),
        .clock(tag_sy$5$clock)
    );
    top$lanes$1$tag_sy$6 tag_sy$6(
        .d(tag_sy$6$d),
        .q(tag_sy$6$q),
        .clock(tag_sy$6$clock)
    );
    top$lanes$1$tag_sy$7 tag_sy$7(
        .d(tag_sy$7$d),
        .q(tag_sy$7$q),
        .clock(tag_sy$7$clock)
    );
    top$lanes$1$tag_sy$8 tag_sy$8(
        .d(tag_sy$8$d),
        .q(tag_sy$8$q),
        .clock(tag_sy$8$clock)
    );
    top$lanes$1$tag_sy$9 tag_sy$9(
        .d(tag_sy$9$d),
        .q(tag_sy$9$q),
        .clock(tag_sy$9$clock)
    );
    top$lanes$1$tag_sy$10 tag_sy$10(
        .d(tag_sy$10$d),
        .q(tag_sy$10$q),
        .clock(tag_sy$10$clock)
    );
    top$lanes$1$tag_sy$11 tag_sy$11(
        .d(tag_sy$11$d),
        .q(tag_sy$11$q),
        .clock(tag_sy$11$clock)
    );
    top$lanes$1$tag_sy$12 tag_sy$12(
        .d(tag_sy$12$d),
        .q(tag_sy$12$q),
        .clock(tag_sy$12$clock)
    );
    top$lanes$1$tag_ax$0 tag_ax$0(
        .d(tag_ax$0$d),
        .q(tag_ax$0$q),
        .clock(tag_ax$0$clock)
    );
    top$lanes$1$tag_ax$1 tag_ax$1(
        .d(tag_ax$1$d),
        .q(tag_ax$1$q),
        .clock(tag_ax$1$clock)
    );
    top$lanes$1$tag_ax$2 tag_ax$2(
        .d(tag_ax$2$d),
        .q(tag_ax$2$q),
        .clock(tag_ax$2$clock)
    );
    top$lanes$1$tag_ax$3 tag_ax$3(
        .d(tag_ax$3$d),
        .q(tag_ax$3$q),
        .clock(tag_ax$3$clock)
    );
    top$lanes$1$tag_ax$4 tag_ax$4(
        .d(tag_ax$4$d),
        .q(tag_ax$4$q),
        .clock(tag_ax$4$clock)
    );
    top$lanes$1$tag_ax$5 tag_ax$5(
        .d(tag_ax$5$d),
        .q(tag_ax$5$q),
        .clock(tag_ax$5$clock)
    );
    top$lanes$1$tag_ax$6 tag_ax$6(
        .d(tag_ax$6$d),
        .q(tag_ax$6$q),
        .clock(tag_ax$6$clock)
    );
    top$lanes$1$tag_ax$7 tag_ax$7(
        .d(tag_ax$7$d),
        .q(tag_ax$7$q),
        .clock(tag_ax$7$clock)
    );
    top$lanes$1$tag_ax$8 tag_ax$8(
        .d(tag_ax$8$d),
        .q(tag_ax$8$q),
        .clock(tag_ax$8$clock)
    );
    top$lanes$1$tag_ax$9 tag_ax$9(
        .d(tag_ax$9$d),
        .q(tag_ax$9$q),
        .clock(tag_ax$9$clock)
    );
    top$lanes$1$tag_ax$10 tag_ax$10(
        .d(tag_ax$10$d),
        .q(tag_ax$10$q),
        .clock(tag_ax$10$clock)
    );
    top$lanes$1$tag_ax$11 tag_ax$11(
        .d(tag_ax$11$d),
        .q(tag_ax$11$q),
        .clock(tag_ax$11$clock)
    );
    top$lanes$1$tag_ax$12 tag_ax$12(
        .d(tag_ax$12$d),
        .q(tag_ax$12$q),
        .clock(tag_ax$12$clock)
    );
    top$lanes$1$tag_ay$0 tag_ay$0(
        .d(tag_ay$0$d),
        .q(tag_ay$0$q),
        .clock(tag_ay$0$clock)
    );
    top$lanes$1$tag_ay$1 tag_ay$1(
        .d(tag_ay$1$d),
        .q(tag_ay$1$q),
        .clock(tag_ay$1$clock)
    );
    top$lanes$1$tag_ay$2 tag_ay$2(
        .d(tag_ay$2$d),
        .q(tag_ay$2$q),
        .clock(tag_ay$2$clock)
    );
    top$lanes$1$tag_ay$3 tag_ay$3(
        .d(tag_ay$3$d),
        .q(tag_ay$3$q),
        .clock(tag_ay$3$clock)
    );
    top$lanes$1$tag_ay$4 tag_ay$4(
        .d(tag_ay$4$d),
        .q(tag_ay$4$q),
        .clock(tag_ay$4$clock)
    );
    top$lanes$1$tag_ay$5 tag_ay$5(
        .d(tag_ay$5$d),
        .q(tag_ay$5$q),
        .clock(tag_ay$5$clock)
    );
    top$lanes$1$tag_ay$6 tag_ay$6(
        .d(tag_ay$6$d),
        .q(tag_ay$6$q),
        .clock(tag_ay$6$clock)
    );
    top$lanes$1$tag_ay$7 tag_ay$7(
        .d(tag_ay$7$d),
        .q(tag_ay$7$q),
        .clock(tag_ay$7$clock)
    );
    top$lanes$1$tag_ay$8 tag_ay$8(
        .d(tag_ay$8$d),
        .q(tag_ay$8$q),
        .clock(tag_ay$8$clock)
    );
    top$lanes$1$tag_ay$9 tag_ay$9(
        .d(tag_ay$9$d),
        .q(tag_ay$9$q),
        .clock(tag_ay$9$clock)
    );
    top$lanes$1$tag_ay$10 tag_ay$10(
        .d(tag_ay$10$d),
        .q(tag_ay$10$q),
        .clock(tag_ay$10$clock)
    );
    top$lanes$1$tag_ay$11 tag_ay$11(
        .d(tag_ay$11$d),
        .q(tag_ay$11$q),
        .clock(tag_ay$11$clock)
    );
    top$lanes$1$tag_ay$12 tag_ay$12(
        .d(tag_ay$12$d),
        .q(tag_ay$12$q),
        .clock(tag_ay$12$clock)
    );
    top$lanes$1$tag_tw tag_tw(
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
            tw_addr = (((tw_row) & 4'hf) << 32'h1) + 32'h1;
        end
        else begin
            tw_addr = ((tw_row) & 4'hf) << 32'h1;
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
    
endmodule // top$lanes$1


module top$lanes$1$map_x(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [1:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b1010101010101;
    localparam  mask1 = 14'b10101010101010;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h2;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(2)];
    end
    
endmodule // top$lanes$1$map_x


module top$lanes$1$map_y(index,onehot,addr);
    
    // Module arguments
    input wire  [13:0] index;
    output reg  [7:0] onehot;
    output reg  [1:0] addr;
    
    // Constant declarations
    localparam  mask0 = 14'b1010101010101;
    localparam  mask1 = 14'b10101010101010;
    localparam  mask2 = 14'b0;
    localparam  bank_bits = 4'h2;
    
    // Local signals
    reg  [2:0] bank;
    reg  [13:0] shifted;
    
    // Update code
    always @(*) begin
        bank = (((((32'h0) & 3'h7) & ~(1 << (32'h0)) | ((^(index & mask0)) << (32'h0))) & ~(1 << (32'h1)) | ((^(index & mask1)) << (32'h1))) & ~(1 << (32'h2)) | ((^(index & mask2)) << (32'h2)));
        onehot = ((32'h1) & 8'hff) << bank;
        shifted = index >> bank_bits;
        addr = shifted[(32'h0)+:(2)];
    end
    
endmodule // top$lanes$1$map_y


module top$lanes$1$r_tw(d,q,clock);
    
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
          
endmodule // top$lanes$1$r_tw


module top$lanes$1$r_valid(d,q,clock);
    
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
          
endmodule // top$lanes$1$r_valid


module top$lanes$1$r_x(d,q,clock);
    
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
          
endmodule // top$lanes$1$r_x


module top$lanes$1$r_y(d,q,clock);
    
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
          
endmodule // top$lanes$1$r_y


module top$lanes$1$tag_ax$0(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$0


module top$lanes$1$tag_ax$1(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$1


module top$lanes$1$tag_ax$10(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$10


module top$lanes$1$tag_ax$11(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$11


module top$lanes$1$tag_ax$12(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$12


module top$lanes$1$tag_ax$2(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$2


module top$lanes$1$tag_ax$3(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$3


module top$lanes$1$tag_ax$4(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$4


module top$lanes$1$tag_ax$5(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$5


module top$lanes$1$tag_ax$6(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$6


module top$lanes$1$tag_ax$7(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$7


module top$lanes$1$tag_ax$8(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$8


module top$lanes$1$tag_ax$9(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ax$9


module top$lanes$1$tag_ay$0(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$0


module top$lanes$1$tag_ay$1(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$1


module top$lanes$1$tag_ay$10(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$10


module top$lanes$1$tag_ay$11(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$11


module top$lanes$1$tag_ay$12(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$12


module top$lanes$1$tag_ay$2(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$2


module top$lanes$1$tag_ay$3(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$3


module top$lanes$1$tag_ay$4(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$4


module top$lanes$1$tag_ay$5(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$5


module top$lanes$1$tag_ay$6(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$6


module top$lanes$1$tag_ay$7(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$7


module top$lanes$1$tag_ay$8(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$8


module top$lanes$1$tag_ay$9(d,q,clock);
    
    // Module arguments
    input wire  [1:0] d;
    output reg  [1:0] q;
    input wire  clock;
    
    // Update code (custom)
    initial begin
       q = 2'h0;
    end
    
    always @(posedge clock) begin
       q <= d;
    end
          
endmodule // top$lanes$1$tag_ay$9


module top$lanes$1$tag_sx$0(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$0


module top$lanes$1$tag_sx$1(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$1


module top$lanes$1$tag_sx$10(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$10


module top$lanes$1$tag_sx$11(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$11


module top$lanes$1$tag_sx$12(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$12


module top$lanes$1$tag_sx$2(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$2


module top$lanes$1$tag_sx$3(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$3


module top$lanes$1$tag_sx$4(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$4


module top$lanes$1$tag_sx$5(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$5


module top$lanes$1$tag_sx$6(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$6


module top$lanes$1$tag_sx$7(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$7


module top$lanes$1$tag_sx$8(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$8


module top$lanes$1$tag_sx$9(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sx$9


module top$lanes$1$tag_sy$0(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$0


module top$lanes$1$tag_sy$1(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$1


module top$lanes$1$tag_sy$10(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$10


module top$lanes$1$tag_sy$11(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$11


module top$lanes$1$tag_sy$12(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$12


module top$lanes$1$tag_sy$2(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$2


module top$lanes$1$tag_sy$3(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$3


module top$lanes$1$tag_sy$4(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$4


module top$lanes$1$tag_sy$5(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$5


module top$lanes$1$tag_sy$6(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$6


module top$lanes$1$tag_sy$7(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$7


module top$lanes$1$tag_sy$8(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$8


module top$lanes$1$tag_sy$9(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_sy$9


module top$lanes$1$tag_tw(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_tw


module top$lanes$1$tag_valid$0(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$0


module top$lanes$1$tag_valid$1(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$1


module top$lanes$1$tag_valid$10(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$10


module top$lanes$1$tag_valid$11(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$11


module top$lanes$1$tag_valid$12(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$12


module top$lanes$1$tag_valid$2(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$2


module top$lanes$1$tag_valid$3(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$3


module top$lanes$1$tag_valid$4(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$4


module top$lanes$1$tag_valid$5(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$5


module top$lanes$1$tag_valid$6(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$6


module top$lanes$1$tag_valid$7(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$7


module top$lanes$1$tag_valid$8(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$8


module top$lanes$1$tag_valid$9(d,q,clock);
    
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
          
endmodule // top$lanes$1$tag_valid$9


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
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
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
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem0$1


module top$mem0$2(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem0$2


module top$mem0$3(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem0$3


module top$mem1$0(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
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
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem1$1


module top$mem1$2(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem1$2


module top$mem1$3(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [1:0] read_address;
    input wire  read_clock;
    output reg  [29:0] read_data;
    input wire  [1:0] write_address;
    input wire  write_clock;
    input wire  [29:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[29:0] mem[3:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$mem1$3


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


module top$r_mod_q(d,q,clock);
    
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
          
endmodule // top$r_mod_q


module top$r_shoup(d,q,clock);
    
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
          
endmodule // top$r_shoup


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


module top$twiddles$0(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [3:0] read_address;
    input wire  read_clock;
    output reg  [61:0] read_data;
    input wire  [3:0] write_address;
    input wire  write_clock;
    input wire  [61:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[61:0] mem[15:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$twiddles$0


module top$twiddles$1(read_address,read_clock,read_data,write_address,write_clock,write_data,write_enable);
    
    // Module arguments
    input wire  [3:0] read_address;
    input wire  read_clock;
    output reg  [61:0] read_data;
    input wire  [3:0] write_address;
    input wire  write_clock;
    input wire  [61:0] write_data;
    input wire  write_enable;
    
    // Update code (custom)
    reg[61:0] mem[15:0];
    
    
    
    always @(posedge read_clock) begin
       read_data <= mem[read_address];
    end
    
    always @(posedge write_clock) begin
       if (write_enable) begin
          mem[write_address] <= write_data;
       end
    end
                
endmodule // top$twiddles$1
