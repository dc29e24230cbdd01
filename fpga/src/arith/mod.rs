//! Modular arithmetic blocks for residues below a run-time modulus
//! `q < 2^30`, each bit-exact against `polyhe_core::arith::Modulus` (or,
//! for [`MontMul`], against [`mont_mul_model`]).

mod leanmul;
mod modadd;
mod modmul;
mod montmul;

pub use leanmul::{half_mod, lean_mont_form, lean_mont_model, LeanMontMul, LEAN_R_BITS};
pub use modadd::{ModAdd, RESIDUE_BITS};
pub use modmul::ModMul;
pub use montmul::{mont_mul_model, mont_neg_inv, mont_r_mod, MontMul};
