//! Modular arithmetic blocks for residues below a run-time modulus
//! `q < 2^30`, each bit-exact against `polyhe_core::arith::Modulus`.

mod modadd;
mod modmul;

pub use modadd::{ModAdd, RESIDUE_BITS};
pub use modmul::ModMul;
