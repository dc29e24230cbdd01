//! [`Context`]: everything derived once from a parameter set (RNS bases
//! with their NTT tables, the encoder, key-switching constants per level)
//! plus the NTT engine every operation runs on.

use alloc::sync::Arc;
use alloc::vec::Vec;

use super::encoding::Encoder;
use super::params::Parameters;
use crate::ntt::{CpuNtt, NttEngine, NttTable};
use crate::ring::convert::BasisConverter;
use crate::ring::RnsBasis;
use crate::{Error, Result};

/// One key-switching digit at one level: `Q_l` limbs `start..end`, and the
/// conversion from them to the other `Q_l` limbs followed by `P`.
#[derive(Debug)]
pub(crate) struct Digit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) to_rest: BasisConverter,
}

/// Key-switching constants of one level.
#[derive(Debug)]
pub(crate) struct LevelConstants {
    pub(crate) digits: Vec<Digit>,
    /// `P -> Q_l` conversion for ModDown.
    pub(crate) p_to_q: BasisConverter,
    /// `[P^-1]_{q_i}` with Shoup companions.
    pub(crate) p_inv: Vec<(u32, u32)>,
    /// `[P]_{q_i}`.
    pub(crate) p_mod_q: Vec<u32>,
}

/// A CKKS context: parameters, bases, encoder, engine and precomputed
/// constants. Build once per parameter set and share by reference.
pub struct Context {
    params: Parameters,
    q: Arc<RnsBasis>,
    p: Arc<RnsBasis>,
    encoder: Encoder,
    engine: Arc<dyn NttEngine + Send + Sync>,
    levels: Vec<LevelConstants>,
}

impl core::fmt::Debug for Context {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Context")
            .field("params", &self.params)
            .field("engine", &self.engine.capabilities().name)
            .finish_non_exhaustive()
    }
}

impl Context {
    /// A context running its NTTs on the CPU.
    pub fn new(params: Parameters) -> Result<Self> {
        Self::with_engine(params, Arc::new(CpuNtt))
    }

    /// A context running its NTTs on `engine`.
    pub fn with_engine(params: Parameters, engine: Arc<dyn NttEngine + Send + Sync>) -> Result<Self> {
        let n = params.n();
        let q = RnsBasis::new(n, params.q_primes())?;
        let p = RnsBasis::new(n, params.p_primes())?;
        let encoder = Encoder::new(n)?;
        let alpha = params.alpha();
        let mut levels = Vec::with_capacity(params.max_level() as usize + 1);
        for level in 0..=params.max_level() {
            let k = params.limbs_at(level);
            let ql = &q.tables()[..k];
            let mut digits = Vec::new();
            let mut start = 0;
            while start < k {
                let end = (start + alpha).min(k);
                let rest: Vec<NttTable> = ql[..start].iter().chain(&ql[end..]).chain(p.tables()).cloned().collect();
                digits.push(Digit { start, end, to_rest: BasisConverter::new(&ql[start..end], &rest)? });
                start = end;
            }
            let p_to_q = BasisConverter::new(p.tables(), ql)?;
            let mut p_inv = Vec::with_capacity(k);
            let mut p_mod_q = Vec::with_capacity(k);
            for t in ql {
                let m = t.modulus();
                let pm = p.tables().iter().fold(1u32, |a, pt| m.mul(a, m.reduce(pt.q())));
                let inv = m.inv(pm)?;
                p_inv.push((inv, m.shoup(inv)));
                p_mod_q.push(pm);
            }
            levels.push(LevelConstants { digits, p_to_q, p_inv, p_mod_q });
        }
        Ok(Self { params, q, p, encoder, engine, levels })
    }

    /// The parameters.
    pub fn params(&self) -> &Parameters {
        &self.params
    }
    /// The `Q` chain's basis.
    pub fn q_basis(&self) -> &Arc<RnsBasis> {
        &self.q
    }
    /// The special primes' basis.
    pub fn p_basis(&self) -> &Arc<RnsBasis> {
        &self.p
    }
    /// The `Q` tables of `level`.
    pub fn q_tables(&self, level: u32) -> &[NttTable<'static>] {
        &self.q.tables()[..self.params.limbs_at(level)]
    }
    /// The encoder.
    pub fn encoder(&self) -> &Encoder {
        &self.encoder
    }
    /// The NTT engine.
    pub fn engine(&self) -> &(dyn NttEngine + Send + Sync) {
        &*self.engine
    }
    pub(crate) fn level_constants(&self, level: u32) -> &LevelConstants {
        &self.levels[level as usize]
    }

    /// Errors unless `fingerprint` is this context's.
    pub fn check_fingerprint(&self, what: &'static str, fingerprint: u64) -> Result<()> {
        if fingerprint != self.params.fingerprint() {
            return Err(Error::ParameterMismatch { what, expected: self.params.fingerprint(), found: fingerprint });
        }
        Ok(())
    }
}
