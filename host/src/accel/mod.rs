//! The accelerator driver: [`FpgaNtt`] makes an NTT accelerator behind a
//! [`Link`] one more [`polyhe_core::ntt::NttEngine`], with a CPU fallback
//! that never lets a failed or wrong device answer through.
//!
//! - [`link`]: the [`Link`] transport seam and [`SimLink`], the rust-hdl
//!   simulation of the accelerator in process.
//! - [`faulty`]: [`FaultyLink`], a wrapper injecting link and device faults
//!   for tests.
//! - [`driver`]: [`FpgaNtt`] itself.
//! - [`engine`]: choosing an engine by name (`cpu`, `fpga-sim`,
//!   `fpga:<port>`), as `--engine` does.
//! - [`check`]: the randomised end-to-end check of every device result.
//!
//! The wire protocol is [`polyhe_core::accel::protocol`].

pub mod check;
pub mod driver;
pub mod engine;
pub mod faulty;
pub mod link;

pub use driver::{AccelError, AccelStats, FpgaNtt};
pub use engine::{engine_from_spec, EngineSpec, EngineSpecError};
pub use faulty::{Fault, FaultyLink};
pub use link::{Link, LinkError, LinkErrorKind, SimLink};
