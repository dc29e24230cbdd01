//! Borrowed RNS polynomial views and their limb-wise arithmetic.

use core::marker::PhantomData;

use crate::ntt::{NttEngine, NttTable};
use crate::{Error, Result};

mod sealed {
    pub trait Sealed {}
}

/// A polynomial representation: [`Coeff`] or [`Eval`].
pub trait Repr: sealed::Sealed + Copy + core::fmt::Debug + 'static {
    /// `true` for the NTT domain.
    const IS_NTT: bool;
}

/// Coefficient representation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Coeff;
/// Evaluation (NTT) representation: products are pointwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Eval;
impl sealed::Sealed for Coeff {}
impl sealed::Sealed for Eval {}
impl Repr for Coeff {
    const IS_NTT: bool = false;
}
impl Repr for Eval {
    const IS_NTT: bool = true;
}

/// Validates a basis and a data length; returns the degree (the same check
/// the NTT engines apply).
pub(crate) use crate::ntt::engine::limb_len as check_shape;

/// Errors unless every residue is below its limb's prime.
pub(crate) fn check_reduced(tables: &[NttTable], data: &[u32]) -> Result<()> {
    let n = tables[0].n();
    for (i, (t, limb)) in tables.iter().zip(data.chunks_exact(n)).enumerate() {
        let q = t.q();
        // Branch-free scan first; locate only on failure.
        if limb.iter().fold(0u32, |acc, &x| acc | (x >= q) as u32) != 0 {
            let j = limb.iter().position(|&x| x >= q).unwrap_or(0);
            return Err(Error::ResidueOutOfRange { value: limb[j], index: i * n + j, q });
        }
    }
    Ok(())
}

fn same_basis(a: &[NttTable], b: &[NttTable], what: &'static str) -> Result<()> {
    let same =
        core::ptr::eq(a, b) || (a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.q() == y.q() && x.n() == y.n()));
    if same {
        Ok(())
    } else {
        Err(Error::BasisMismatch { what })
    }
}

/// A read-only RNS polynomial over caller storage.
#[derive(Clone, Copy, Debug)]
pub struct PolyRef<'a, R: Repr> {
    tables: &'a [NttTable<'a>],
    data: &'a [u32],
    _repr: PhantomData<R>,
}

/// A mutable RNS polynomial over caller storage.
#[derive(Debug)]
pub struct PolyMut<'a, R: Repr> {
    tables: &'a [NttTable<'a>],
    data: &'a mut [u32],
    _repr: PhantomData<R>,
}

impl<'a, R: Repr> PolyRef<'a, R> {
    /// Wraps `data` (limb-major, `tables.len() * N` words, every residue
    /// reduced) as a polynomial over the basis `tables`.
    pub fn new(tables: &'a [NttTable], data: &'a [u32]) -> Result<Self> {
        check_shape(tables, data.len())?;
        check_reduced(tables, data)?;
        Ok(Self { tables, data, _repr: PhantomData })
    }

    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn new_trusted(tables: &'a [NttTable], data: &'a [u32]) -> Self {
        debug_assert!(check_shape(tables, data.len()).is_ok());
        Self { tables, data, _repr: PhantomData }
    }

    /// The basis (one table per prime).
    pub fn tables(&self) -> &'a [NttTable<'a>] {
        self.tables
    }

    /// The raw limb-major residues.
    pub fn data(&self) -> &'a [u32] {
        self.data
    }

    /// Ring degree `N`.
    pub fn n(&self) -> usize {
        self.tables[0].n()
    }

    /// Number of limbs (primes).
    pub fn limbs(&self) -> usize {
        self.tables.len()
    }

    /// Limb `i`'s residues.
    pub fn limb(&self, i: usize) -> &'a [u32] {
        let n = self.n();
        &self.data[i * n..(i + 1) * n]
    }

    /// The same polynomial over its first `limbs` primes (a lower level).
    pub fn prefix(&self, limbs: usize) -> Result<Self> {
        if limbs == 0 || limbs > self.limbs() {
            return Err(Error::BasisMismatch { what: "taking more limbs than a polynomial has" });
        }
        Ok(Self { tables: &self.tables[..limbs], data: &self.data[..limbs * self.n()], _repr: PhantomData })
    }
}

impl<'a, R: Repr> PolyMut<'a, R> {
    /// Wraps `data` (limb-major, `tables.len() * N` words, every residue
    /// reduced) as a mutable polynomial over the basis `tables`.
    pub fn new(tables: &'a [NttTable], data: &'a mut [u32]) -> Result<Self> {
        check_shape(tables, data.len())?;
        check_reduced(tables, data)?;
        Ok(Self { tables, data, _repr: PhantomData })
    }

    /// Wraps `data` and sets it to zero (any previous content is ignored).
    pub fn zeroed(tables: &'a [NttTable], data: &'a mut [u32]) -> Result<Self> {
        check_shape(tables, data.len())?;
        data.fill(0);
        Ok(Self { tables, data, _repr: PhantomData })
    }

    #[cfg_attr(not(feature = "alloc"), allow(dead_code))] // used by the owned types
    pub(crate) fn new_trusted(tables: &'a [NttTable], data: &'a mut [u32]) -> Self {
        debug_assert!(check_shape(tables, data.len()).is_ok());
        Self { tables, data, _repr: PhantomData }
    }

    /// Gives back the underlying storage.
    pub fn into_data(self) -> &'a mut [u32] {
        self.data
    }

    /// A read-only view of the same storage.
    pub fn as_ref(&self) -> PolyRef<'_, R> {
        PolyRef { tables: self.tables, data: self.data, _repr: PhantomData }
    }

    /// Reborrows mutably (for passing to functions without giving it up).
    pub fn reborrow(&mut self) -> PolyMut<'_, R> {
        PolyMut { tables: self.tables, data: self.data, _repr: PhantomData }
    }

    /// The basis.
    pub fn tables(&self) -> &'a [NttTable<'a>] {
        self.tables
    }

    /// The raw residues (read-only: writes must keep them reduced).
    pub fn data(&self) -> &[u32] {
        self.data
    }

    /// Ring degree `N`.
    pub fn n(&self) -> usize {
        self.tables[0].n()
    }

    /// Number of limbs.
    pub fn limbs(&self) -> usize {
        self.tables.len()
    }

    pub(crate) fn data_mut(&mut self) -> &mut [u32] {
        self.data
    }

    /// Applies `f(modulus, out_limb, in_limb)` limb by limb after checking
    /// that `other` is over the same basis.
    fn zip_limbs(
        &mut self,
        other: &PolyRef<'_, R>,
        what: &'static str,
        f: impl Fn(&crate::arith::Modulus, &mut [u32], &[u32]),
    ) -> Result<()> {
        same_basis(self.tables, other.tables, what)?;
        let n = self.n();
        for ((t, out), inp) in self.tables.iter().zip(self.data.chunks_exact_mut(n)).zip(other.data.chunks_exact(n)) {
            f(t.modulus(), out, inp);
        }
        Ok(())
    }

    /// `self += other`.
    pub fn add_assign(&mut self, other: &PolyRef<'_, R>) -> Result<()> {
        self.zip_limbs(other, "polynomial addition", |m, o, i| crate::ntt::kernels::add_assign(m.value(), o, i))
    }

    /// `self -= other`.
    pub fn sub_assign(&mut self, other: &PolyRef<'_, R>) -> Result<()> {
        self.zip_limbs(other, "polynomial subtraction", |m, o, i| {
            o.iter_mut().zip(i).for_each(|(x, &y)| *x = m.sub(*x, y))
        })
    }

    /// `self = -self`.
    pub fn neg_assign(&mut self) {
        let n = self.n();
        for (t, limb) in self.tables.iter().zip(self.data.chunks_exact_mut(n)) {
            let m = t.modulus();
            limb.iter_mut().for_each(|x| *x = m.neg(*x));
        }
    }

    /// Copies `other` into `self`.
    pub fn copy_from(&mut self, other: &PolyRef<'_, R>) -> Result<()> {
        same_basis(self.tables, other.tables, "polynomial copy")?;
        self.data.copy_from_slice(other.data);
        Ok(())
    }

    /// `self *= c` for an integer constant `c` (reduced modulo each prime).
    pub fn mul_scalar_assign(&mut self, c: u64) {
        let n = self.n();
        for (t, limb) in self.tables.iter().zip(self.data.chunks_exact_mut(n)) {
            let m = t.modulus();
            let w = m.reduce_u64(c);
            let ws = m.shoup(w);
            limb.iter_mut().for_each(|x| *x = m.mul_shoup(*x, w, ws));
        }
    }

    /// `self *= c` for a constant given by its residues (one per limb, each
    /// below its prime): how CKKS multiplies by an RNS-encoded scalar.
    pub fn mul_rns_scalar_assign(&mut self, c: &[u32]) -> Result<()> {
        if c.len() != self.limbs() {
            return Err(Error::LengthMismatch {
                what: "RNS scalar (one residue per limb)",
                expected: self.limbs(),
                actual: c.len(),
            });
        }
        let n = self.n();
        for ((t, limb), &w) in self.tables.iter().zip(self.data.chunks_exact_mut(n)).zip(c) {
            let m = t.modulus();
            if w >= m.value() {
                return Err(Error::ResidueOutOfRange { value: w, index: 0, q: m.value() });
            }
            let ws = m.shoup(w);
            limb.iter_mut().for_each(|x| *x = m.mul_shoup(*x, w, ws));
        }
        Ok(())
    }
}

impl<'a> PolyMut<'a, Coeff> {
    /// Forward NTT of every limb through `engine`.
    pub fn into_eval(self, engine: &(impl NttEngine + ?Sized)) -> Result<PolyMut<'a, Eval>> {
        engine.forward(self.tables, self.data)?;
        Ok(PolyMut { tables: self.tables, data: self.data, _repr: PhantomData })
    }

    /// Sets coefficient `i` of every limb from a small signed integer.
    pub fn set_coeff_i64(&mut self, i: usize, v: i64) -> Result<()> {
        let n = self.n();
        if i >= n {
            return Err(Error::InvalidArgument { reason: "coefficient index beyond the ring degree" });
        }
        for (j, t) in self.tables.iter().enumerate() {
            self.data[j * n + i] = t.modulus().reduce_i64(v);
        }
        Ok(())
    }

    /// Writes a small signed polynomial (`coeffs.len() == N`, e.g. a ternary
    /// secret or an error term) into every limb.
    pub fn set_small(&mut self, coeffs: &[i8]) -> Result<()> {
        let n = self.n();
        if coeffs.len() != n {
            return Err(Error::LengthMismatch { what: "small polynomial", expected: n, actual: coeffs.len() });
        }
        for (t, limb) in self.tables.iter().zip(self.data.chunks_exact_mut(n)) {
            crate::ntt::kernels::set_small(t.modulus(), limb, coeffs);
        }
        Ok(())
    }
}

impl<'a> PolyMut<'a, Eval> {
    /// Inverse NTT of every limb through `engine`.
    pub fn into_coeff(self, engine: &(impl NttEngine + ?Sized)) -> Result<PolyMut<'a, Coeff>> {
        engine.inverse(self.tables, self.data)?;
        Ok(PolyMut { tables: self.tables, data: self.data, _repr: PhantomData })
    }

    /// `self *= other` pointwise (a negacyclic product in the ring).
    pub fn mul_assign(&mut self, other: &PolyRef<'_, Eval>) -> Result<()> {
        self.zip_limbs(other, "polynomial product", |m, o, i| {
            crate::ntt::kernels::mul_assign(&crate::ntt::kernels::Reducer::new(m), o, i)
        })
    }

    /// `self = a * b` pointwise through `engine`.
    pub fn set_product(
        &mut self,
        engine: &(impl NttEngine + ?Sized),
        a: &PolyRef<'_, Eval>,
        b: &PolyRef<'_, Eval>,
    ) -> Result<()> {
        same_basis(self.tables, a.tables, "polynomial product")?;
        same_basis(self.tables, b.tables, "polynomial product")?;
        engine.mul_pointwise(self.tables, a.data, b.data, self.data)
    }

    /// `self += a * b` pointwise through `engine`.
    pub fn add_product(
        &mut self,
        engine: &(impl NttEngine + ?Sized),
        a: &PolyRef<'_, Eval>,
        b: &PolyRef<'_, Eval>,
    ) -> Result<()> {
        same_basis(self.tables, a.tables, "polynomial multiply-accumulate")?;
        same_basis(self.tables, b.tables, "polynomial multiply-accumulate")?;
        engine.mul_acc_pointwise(self.tables, a.data, b.data, self.data)
    }
}
