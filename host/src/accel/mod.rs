//! The accelerator driver: [`FpgaNtt`] makes an NTT accelerator behind a
//! [`Link`] one more [`polyhe_core::ntt::NttEngine`], with a CPU fallback
//! that never lets a failed or wrong device answer through.
//!
//! - [`link`]: the [`Link`] transport seam and [`SimLink`], the rust-hdl
//!   simulation of the accelerator in process.
//! - [`faulty`]: [`FaultyLink`], a wrapper injecting link and device faults
//!   for tests.
//! - [`driver`]: [`FpgaNtt`] itself.
//! - [`serial`]: [`SerialLink`], a board behind a serial port
//!   (`fpga:<port>`).
//! - [`emulator`]: the simulated device answering on a byte stream (a
//!   pseudo-terminal), a board stand-in for the serial link.
//! - [`engine`]: choosing an engine by name (`cpu`, `fpga-sim`,
//!   `fpga:<port>`), as `--engine` does.
//! - [`check`]: the randomised end-to-end check of every device result.
//!
//! The wire protocol is [`polyhe_core::accel::protocol`].

pub mod check;
pub mod driver;
pub mod emulator;
pub mod engine;
pub mod faulty;
pub mod link;
pub mod serial;

pub use driver::{AccelError, AccelStats, FpgaNtt};
pub use engine::{engine_from_spec, Engine, EngineSpec, EngineSpecError};
pub use faulty::{Fault, FaultyLink};
pub use link::{Link, LinkError, LinkErrorKind, SimLink};
pub use serial::{SerialConfig, SerialLink, SerialLinkError};
