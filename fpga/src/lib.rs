//! polyhe-fpga: the rust-hdl NTT accelerator.
#![deny(missing_docs)]
