//! Owned RNS storage (feature `alloc`): a shared basis whose prefixes are
//! the levels of a modulus chain, and polynomials that own their residues.

use alloc::sync::Arc;
use alloc::vec;
use alloc::vec::Vec;
use core::marker::PhantomData;

use super::poly::{Coeff, Eval, PolyMut, PolyRef, Repr};
use crate::arith::NttPrimes;
use crate::ntt::{NttEngine, NttTable};
use crate::{Error, Result};

/// An RNS basis `q_0 .. q_{k-1}` of NTT primes for one ring degree, with
/// the NTT tables built once. Levels of a modulus chain are prefixes
/// (`tables()[..l]`), so every level shares these tables.
#[derive(Debug, PartialEq, Eq)]
pub struct RnsBasis {
    tables: Vec<NttTable<'static>>,
}

impl RnsBasis {
    /// A basis from explicit primes (distinct, NTT-friendly for `n`).
    pub fn new(n: usize, primes: &[u32]) -> Result<Arc<Self>> {
        if primes.is_empty() {
            return Err(Error::InvalidArgument { reason: "an RNS basis needs at least one prime" });
        }
        for (i, p) in primes.iter().enumerate() {
            if primes[..i].contains(p) {
                return Err(Error::InvalidArgument { reason: "RNS basis primes must be distinct" });
            }
        }
        let tables = primes.iter().map(|&q| NttTable::new(n, q)).collect::<Result<Vec<_>>>()?;
        Ok(Arc::new(Self { tables }))
    }

    /// A basis of the `count` largest NTT-friendly primes below `2^bits`.
    pub fn generate(n: usize, bits: u32, count: usize) -> Result<Arc<Self>> {
        let mut primes = vec![0u32; count];
        NttPrimes::new(bits, n)?.fill(&mut primes)?;
        Self::new(n, &primes)
    }

    /// The NTT tables, one per prime.
    pub fn tables(&self) -> &[NttTable<'static>] {
        &self.tables
    }

    /// The primes.
    pub fn primes(&self) -> impl Iterator<Item = u32> + '_ {
        self.tables.iter().map(NttTable::q)
    }

    /// Ring degree `N`.
    pub fn n(&self) -> usize {
        self.tables[0].n()
    }

    /// Number of primes.
    pub fn len(&self) -> usize {
        self.tables.len()
    }

    /// Always false: a basis has at least one prime.
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }
}

/// An owned RNS polynomial over the first `limbs` primes of a shared basis.
#[derive(Clone, Debug)]
pub struct Poly<R: Repr> {
    basis: Arc<RnsBasis>,
    limbs: usize,
    data: Vec<u32>,
    _repr: PhantomData<R>,
}

impl<R: Repr> PartialEq for Poly<R> {
    fn eq(&self, other: &Self) -> bool {
        self.limbs == other.limbs && self.basis == other.basis && self.data == other.data
    }
}
impl<R: Repr> Eq for Poly<R> {}

impl<R: Repr> Poly<R> {
    /// The zero polynomial over `basis.tables()[..limbs]`.
    pub fn zero(basis: &Arc<RnsBasis>, limbs: usize) -> Result<Self> {
        if limbs == 0 || limbs > basis.len() {
            return Err(Error::InvalidArgument { reason: "limb count must be between 1 and the basis size" });
        }
        Ok(Self { basis: basis.clone(), limbs, data: vec![0; limbs * basis.n()], _repr: PhantomData })
    }

    /// Takes ownership of limb-major residues (checked to be reduced).
    pub fn from_data(basis: &Arc<RnsBasis>, limbs: usize, data: Vec<u32>) -> Result<Self> {
        if limbs == 0 || limbs > basis.len() {
            return Err(Error::InvalidArgument { reason: "limb count must be between 1 and the basis size" });
        }
        PolyRef::<R>::new(&basis.tables()[..limbs], &data)?;
        Ok(Self { basis: basis.clone(), limbs, data, _repr: PhantomData })
    }

    /// Takes ownership of residues the caller guarantees are reduced (no
    /// scan; for kernels whose outputs are reduced by construction).
    pub(crate) fn from_data_trusted(basis: &Arc<RnsBasis>, limbs: usize, data: Vec<u32>) -> Self {
        debug_assert!(PolyRef::<R>::new(&basis.tables()[..limbs], &data).is_ok());
        Self { basis: basis.clone(), limbs, data, _repr: PhantomData }
    }

    /// The shared basis.
    pub fn basis(&self) -> &Arc<RnsBasis> {
        &self.basis
    }

    /// This polynomial's tables (`basis.tables()[..limbs]`).
    pub fn tables(&self) -> &[NttTable<'static>] {
        &self.basis.tables()[..self.limbs]
    }

    /// Number of limbs.
    pub fn limbs(&self) -> usize {
        self.limbs
    }

    /// The limb-major residues.
    pub fn data(&self) -> &[u32] {
        &self.data
    }

    /// A read-only view.
    pub fn as_ref(&self) -> PolyRef<'_, R> {
        PolyRef::new_trusted(&self.basis.tables()[..self.limbs], &self.data)
    }

    /// A mutable view.
    pub fn as_mut(&mut self) -> PolyMut<'_, R> {
        PolyMut::new_trusted(&self.basis.tables()[..self.limbs], &mut self.data)
    }

    /// Drops the last limbs, keeping `limbs` (a level drop).
    pub fn truncate(&mut self, limbs: usize) -> Result<()> {
        if limbs == 0 || limbs > self.limbs {
            return Err(Error::InvalidArgument { reason: "can only drop limbs, keeping at least one" });
        }
        self.limbs = limbs;
        self.data.truncate(limbs * self.basis.n());
        Ok(())
    }

    /// The residues and basis, giving up the representation marker.
    pub fn into_data(self) -> Vec<u32> {
        self.data
    }

    /// Overwrites the residues with zeros in a way the compiler keeps
    /// (for secret material).
    pub fn zeroize(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.data);
    }
}

impl Poly<Coeff> {
    /// Forward NTT of every limb through `engine`.
    pub fn into_eval(mut self, engine: &(impl NttEngine + ?Sized)) -> Result<Poly<Eval>> {
        engine.forward(&self.basis.tables()[..self.limbs], &mut self.data)?;
        Ok(Poly { basis: self.basis, limbs: self.limbs, data: self.data, _repr: PhantomData })
    }
}

impl Poly<Eval> {
    /// Inverse NTT of every limb through `engine`.
    pub fn into_coeff(mut self, engine: &(impl NttEngine + ?Sized)) -> Result<Poly<Coeff>> {
        engine.inverse(&self.basis.tables()[..self.limbs], &mut self.data)?;
        Ok(Poly { basis: self.basis, limbs: self.limbs, data: self.data, _repr: PhantomData })
    }
}
