//! The [`NttEngine`] seam: transforms and pointwise products of whole RNS
//! polynomials. The CPU engine ([`CpuNtt`]) is the reference; accelerators
//! implement the same trait and must give bit-identical results.

use super::NttTable;
use crate::{Error, Result};

/// What an engine can do, for callers that plan work around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EngineCapabilities {
    /// Short name for logs and reports (`"cpu"`, `"fpga-sim"`, ...).
    pub name: &'static str,
    /// Largest ring degree the engine transforms itself (larger ones fall
    /// back to the CPU or fail).
    pub max_n: usize,
    /// Whether [`NttEngine::multiply`] keeps intermediates on the device.
    pub fused_multiply: bool,
}

/// Batched NTT operations on RNS polynomials.
///
/// An RNS polynomial is stored limb-major: `data[i * n .. (i + 1) * n]`
/// holds the residues modulo `tables[i].q()`, all of one degree `n`.
/// Values are fully reduced in `[0, q_i)` on input and output.
pub trait NttEngine {
    /// The engine's limits and name.
    fn capabilities(&self) -> EngineCapabilities;

    /// Forward NTT of every limb in place.
    fn forward(&self, tables: &[NttTable], data: &mut [u32]) -> Result<()>;

    /// Inverse NTT (with `1/N`) of every limb in place.
    fn inverse(&self, tables: &[NttTable], data: &mut [u32]) -> Result<()>;

    /// `out = a * b` limb-wise and pointwise (NTT domain).
    fn mul_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], out: &mut [u32]) -> Result<()>;

    /// `acc += a * b` limb-wise and pointwise (NTT domain).
    fn mul_acc_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], acc: &mut [u32]) -> Result<()>;

    /// Negacyclic product of two coefficient-domain RNS polynomials: on
    /// return `a` holds `a * b mod (X^N + 1)` in the coefficient domain and
    /// `b` holds `b`'s NTT. Engines that keep data on a device override this
    /// so intermediates never cross the link.
    fn multiply(&self, tables: &[NttTable], a: &mut [u32], b: &mut [u32]) -> Result<()> {
        self.forward(tables, a)?;
        self.forward(tables, b)?;
        let n = limb_len(tables, a.len())?;
        for (i, t) in tables.iter().enumerate() {
            let r = i * n..(i + 1) * n;
            let (x, y) = (&mut a[r.clone()], &b[r]);
            for (u, &v) in x.iter_mut().zip(y) {
                *u = t.modulus().mul(*u, v);
            }
        }
        self.inverse(tables, a)
    }
}

/// Checks that `len` is `tables.len()` limbs of one common degree and
/// returns that degree.
pub(crate) fn limb_len(tables: &[NttTable], len: usize) -> Result<usize> {
    let n = tables
        .first()
        .map(NttTable::n)
        .ok_or(Error::InvalidArgument { reason: "an RNS polynomial needs at least one limb" })?;
    if tables.iter().any(|t| t.n() != n) {
        return Err(Error::BasisMismatch { what: "RNS basis with mixed ring degrees" });
    }
    if len != n * tables.len() {
        return Err(Error::LengthMismatch {
            what: "RNS polynomial data (limbs * N)",
            expected: n * tables.len(),
            actual: len,
        });
    }
    Ok(n)
}

/// The CPU engine: each table's own kernel (scalar or SIMD), limb by limb.
#[derive(Clone, Copy, Debug, Default)]
pub struct CpuNtt;

impl NttEngine for CpuNtt {
    fn capabilities(&self) -> EngineCapabilities {
        EngineCapabilities { name: "cpu", max_n: 1 << super::MAX_LOG_N, fused_multiply: false }
    }

    fn forward(&self, tables: &[NttTable], data: &mut [u32]) -> Result<()> {
        let n = limb_len(tables, data.len())?;
        for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
            t.forward(limb)?;
        }
        Ok(())
    }

    fn inverse(&self, tables: &[NttTable], data: &mut [u32]) -> Result<()> {
        let n = limb_len(tables, data.len())?;
        for (t, limb) in tables.iter().zip(data.chunks_exact_mut(n)) {
            t.inverse(limb)?;
        }
        Ok(())
    }

    fn mul_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], out: &mut [u32]) -> Result<()> {
        let n = limb_len(tables, out.len())?;
        limb_len(tables, a.len())?;
        limb_len(tables, b.len())?;
        for (i, t) in tables.iter().enumerate() {
            let r = i * n..(i + 1) * n;
            t.mul_pointwise(&a[r.clone()], &b[r.clone()], &mut out[r])?;
        }
        Ok(())
    }

    fn mul_acc_pointwise(&self, tables: &[NttTable], a: &[u32], b: &[u32], acc: &mut [u32]) -> Result<()> {
        let n = limb_len(tables, acc.len())?;
        limb_len(tables, a.len())?;
        limb_len(tables, b.len())?;
        for (i, t) in tables.iter().enumerate() {
            let r = i * n..(i + 1) * n;
            t.mul_acc_pointwise(&a[r.clone()], &b[r.clone()], &mut acc[r])?;
        }
        Ok(())
    }
}
