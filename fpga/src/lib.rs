//! polyhe-fpga: the rust-hdl NTT accelerator.
//!
//! - [`arith`]: pipelined modular arithmetic for a run-time prime `q < 2^30`
//!   ([`arith::ModAdd`], [`arith::ModMul`]).
//! - [`ntt`]: the NTT core (memories, butterfly lanes, control) and its
//!   simulation.
//! - [`device`]: the accelerator's protocol frame interpreter on the
//!   simulated core (the device end of the host's in-process link).
//! - [`link`]: the link front end in hardware (CRC, frame receiver and
//!   transmitter, UART).
//! - [`board`]: the link joined to the core: the hardware frame interpreter
//!   and the UART top level.
//! - [`testbench`]: the rust-hdl streaming testbench every pipelined block is
//!   checked with against the software model in `polyhe-core`.
//! - [`tools`]: running Verilator, Icarus Verilog and Yosys on generated
//!   Verilog (lint, vector replay, iCE40 synthesis).
#![deny(missing_docs)]

pub mod arith;
pub mod board;
pub mod device;
pub mod link;
pub mod ntt;
pub mod testbench;
pub mod tools;
