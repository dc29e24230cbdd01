//! The NTT accelerator: butterfly lanes, banked coefficient and twiddle
//! memories and the control that sequences them.
//!
//! - [`Butterfly`]: the butterfly unit (Cooley-Tukey, Gentleman-Sande, pointwise).
//! - [`Lane`]: a butterfly with its issue logic and write-back tags.
//! - [`NttControl`]: the sequencer.
//! - [`NttCore`]: banked memories, lanes and control behind the command ports.
//! - [`sim`]: running host command programs on the simulated core.
//! - [`reference`](mod@reference): the software model of the transforms for every `N`.

mod butterfly;
pub mod control;
mod core;
mod lane;
pub mod lean;
pub mod reference;
pub mod sim;

pub use self::core::{cfg, NttCore, NttCore13, NttCore13x2, NttCore13x4};
pub use butterfly::{butterfly_model, halve_twiddle, Butterfly, Mode};
pub use control::NttControl;
pub use lane::{BankMap, Lane};
pub use lean::{LeanButterfly, LeanNttCore, LeanNttCore13};

#[cfg(test)]
mod tests;
