//! Test support for the link blocks: stepping a rust-hdl block by hand,
//! recording its per-cycle trace, and replaying that trace through the
//! generated Verilog in Icarus Verilog (`tb/trace_tb.v` behind a wrapper
//! that packs the block's ports into one input and one output vector).

use rust_hdl::prelude::*;

use crate::tools::{self, VectorFile, WorkDir};

/// Per-cycle `(inputs, outputs)` of a simulated block, the outputs as seen
/// before the cycle's rising edge.
pub type Trace<const I: usize, const O: usize> = Vec<([u64; I], [u64; O])>;

/// Propagates changes until `b` is stable.
pub fn settle<B: Block>(b: &mut B) {
    for _ in 0..100 {
        b.update_all();
        if !b.has_changed() {
            return;
        }
    }
    panic!("did not settle");
}

/// Rising then falling edge of the clock `clock` selects.
pub fn tick<B: Block>(b: &mut B, clock: impl Fn(&mut B) -> &mut Signal<In, Clock>) {
    clock(b).next = Clock { clk: true };
    settle(b);
    clock(b).next = Clock { clk: false };
    settle(b);
}

/// A Verilog module `wrap` giving `top` the testbench's `ins` / `outs`
/// ports: the named ports, most significant first.
fn wrapper(inputs: &[(&str, usize)], outputs: &[(&str, usize)]) -> String {
    let mut ports = vec![".clock(clock)".to_string()];
    let total = |v: &[(&str, usize)]| v.iter().map(|p| p.1).sum::<usize>();
    let mut hi = total(inputs);
    for (name, w) in inputs {
        ports.push(format!(".{name}(ins[{}:{}])", hi - 1, hi - w));
        hi -= w;
    }
    let mut hi = total(outputs);
    for (name, w) in outputs {
        ports.push(format!(".{name}(outs[{}:{}])", hi - 1, hi - w));
        hi -= w;
    }
    format!(
        "module wrap(input clock, input [{}:0] ins, output [{}:0] outs);\n  top t({});\nendmodule\n",
        total(inputs) - 1,
        total(outputs) - 1,
        ports.join(", ")
    )
}

/// Replays `trace` through `verilog` (module `top`, ports `inputs` and
/// `outputs` with their widths, in the trace's order) and panics unless
/// every cycle's outputs match bit for bit.
pub fn replay<const I: usize, const O: usize>(
    label: &str,
    verilog: &str,
    inputs: &[(&str, usize)],
    outputs: &[(&str, usize)],
    trace: &[([u64; I], [u64; O])],
) {
    let widths = |v: &[(&str, usize)]| v.iter().map(|p| p.1).collect::<Vec<_>>();
    let (mut vin, mut vout) = (VectorFile::new(&widths(inputs)), VectorFile::new(&widths(outputs)));
    for (i, o) in trace {
        vin.push(i);
        vout.push(o);
    }
    let dir = WorkDir::new(label);
    dir.write("in.hex", vin.contents());
    dir.write("out.hex", vout.contents());
    let wrap = wrapper(inputs, outputs);
    let sources = [("top.v", verilog), ("wrap.v", wrap.as_str()), ("tb.v", include_str!("../../tb/trace_tb.v"))];
    let params =
        [("N", trace.len().to_string()), ("IN_W", vin.width().to_string()), ("OUT_W", vout.width().to_string())];
    tools::iverilog_run(&dir, &sources, "tb", &params, trace.len()).unwrap_or_else(|e| panic!("{e}"));
}
