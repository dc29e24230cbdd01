//! The NTT accelerator: butterfly lanes, banked coefficient memories, a
//! twiddle memory and the control that sequences them.
//!
//! - [`Butterfly`]: one lane (Cooley-Tukey, Gentleman-Sande, pointwise).
//! - [`NttControl`]: the sequencer.
//! - [`NttCore`]: memories, lane and control behind the command ports.
//! - [`sim`]: running host command programs on the simulated core.
//! - [`reference`](mod@reference): the software model of the transforms for every `N`.

mod butterfly;
pub mod control;
mod core;
pub mod reference;
pub mod sim;

pub use self::core::{cfg, NttCore, NttCore13};
pub use butterfly::{butterfly_model, halve_twiddle, Butterfly, Mode};
pub use control::NttControl;

#[cfg(test)]
mod tests;
