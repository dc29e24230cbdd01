//! [`NttTable`]: the precomputed twiddles for one `(N, q)` pair.

#[cfg(feature = "alloc")]
use alloc::vec::Vec;

use super::scalar;
use crate::arith::{is_prime, minimal_primitive_root, Modulus};
use crate::{Error, Result};

/// log2 of the smallest supported ring degree.
pub const MIN_LOG_N: u32 = 10;
/// log2 of the largest supported ring degree.
pub const MAX_LOG_N: u32 = 17;

/// Which kernel an [`NttTable`] runs; chosen once when the table is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kernel {
    /// Portable scalar code, the reference for every other kernel.
    Scalar,
    /// x86_64 AVX2 (8 lanes of 32 bits).
    Avx2,
    /// x86_64 AVX-512F (16 lanes of 32 bits).
    Avx512,
}

/// Twiddle tables for the negacyclic NTT of degree `n` modulo the prime `q`.
///
/// Built once (`O(N)` time and `4N` words of memory), then shared by
/// reference. With `alloc`, [`NttTable::new`] owns its twiddles; without it
/// (firmware), [`NttTable::new_in`] fills caller storage of `4N` words, which
/// the table borrows for `'a`. See the [module documentation](super) for the
/// conventions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NttTable<'a> {
    pub(crate) n: usize,
    pub(crate) log_n: u32,
    pub(crate) modulus: Modulus,
    pub(crate) psi: u32,
    /// `psi^brv(i)` for `i` in `0..n`: forward twiddles in the order the
    /// Cooley-Tukey stages read them.
    pub(crate) fwd: Tw<'a>,
    /// Shoup companions of `fwd`.
    pub(crate) fwd_shoup: Tw<'a>,
    /// `psi^-(brv(i))`, in the order the Gentleman-Sande stages read them.
    pub(crate) inv: Tw<'a>,
    /// Shoup companions of `inv`.
    pub(crate) inv_shoup: Tw<'a>,
    /// `n^-1 mod q` and its Shoup companion.
    pub(crate) n_inv: (u32, u32),
    /// `n^-1 * psi^-(brv(1)) mod q` and companion: the merged last stage.
    pub(crate) n_inv_w: (u32, u32),
    pub(crate) kernel: Kernel,
}

/// Twiddle storage: owned (with `alloc`) or borrowed from the caller.
#[derive(Debug)]
pub(crate) enum Tw<'a> {
    /// `len` words starting at `buf[off]`, a 64-byte boundary: the SIMD
    /// kernels stream these tables, and cache-line-aligned vector loads
    /// measured about 5% faster than misaligned ones.
    #[cfg(feature = "alloc")]
    Owned {
        buf: Vec<u32>,
        off: usize,
        len: usize,
    },
    Borrowed(&'a [u32]),
}

/// Words of slack to place a table on a 64-byte boundary.
#[cfg(feature = "alloc")]
const ALIGN_WORDS: usize = 16;

#[cfg(feature = "alloc")]
impl Tw<'_> {
    fn owned(values: &[u32]) -> Self {
        let mut buf = alloc::vec![0u32; values.len() + ALIGN_WORDS];
        let off = (ALIGN_WORDS - (buf.as_ptr() as usize % 64) / 4) % ALIGN_WORDS;
        buf[off..off + values.len()].copy_from_slice(values);
        Tw::Owned { buf, off, len: values.len() }
    }
}

impl Clone for Tw<'_> {
    fn clone(&self) -> Self {
        match self {
            // A copy lands at another address: realign it.
            #[cfg(feature = "alloc")]
            Tw::Owned { .. } => Tw::owned(self),
            Tw::Borrowed(s) => Tw::Borrowed(s),
        }
    }
}

impl core::ops::Deref for Tw<'_> {
    type Target = [u32];
    #[inline(always)]
    fn deref(&self) -> &[u32] {
        match self {
            #[cfg(feature = "alloc")]
            Tw::Owned { buf, off, len } => &buf[*off..*off + *len],
            Tw::Borrowed(s) => s,
        }
    }
}

impl PartialEq for Tw<'_> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}
impl Eq for Tw<'_> {}

#[inline]
fn bit_reverse(i: usize, bits: u32) -> usize {
    i.reverse_bits() >> (usize::BITS - bits)
}

/// The scalars of a table; the twiddles go into caller buffers.
struct Scalars {
    log_n: u32,
    modulus: Modulus,
    psi: u32,
    n_inv: (u32, u32),
    n_inv_w: (u32, u32),
}

fn check_degree(n: usize) -> Result<()> {
    if !n.is_power_of_two() || !((1 << MIN_LOG_N)..=(1 << MAX_LOG_N)).contains(&n) {
        return Err(Error::DegreeUnsupported { n, min_log_n: MIN_LOG_N, max_log_n: MAX_LOG_N });
    }
    Ok(())
}

/// Validates `(n, q, kernel)` and fills the four twiddle tables.
fn fill(n: usize, q: u32, kernel: Kernel, bufs: [&mut [u32]; 4]) -> Result<Scalars> {
    check_degree(n)?;
    if !kernel_available(kernel) {
        return Err(Error::InvalidArgument {
            reason: "the requested NTT kernel is not supported by this CPU or build",
        });
    }
    let modulus = Modulus::new(q)?;
    if !is_prime(q) {
        return Err(Error::NotPrime { q });
    }
    let psi = minimal_primitive_root(n, q)?;
    let psi_inv = modulus.inv(psi)?;
    let log_n = n.trailing_zeros();
    let [fwd, fwd_shoup, inv, inv_shoup] = bufs;
    let (mut p, mut pi) = (1u32, 1u32);
    for i in 0..n {
        let r = bit_reverse(i, log_n);
        fwd[r] = p;
        fwd_shoup[r] = modulus.shoup(p);
        inv[r] = pi;
        inv_shoup[r] = modulus.shoup(pi);
        p = modulus.mul(p, psi);
        pi = modulus.mul(pi, psi_inv);
    }
    let n_inv = modulus.inv(n as u32 % q)?;
    let n_inv_w = modulus.mul(n_inv, inv[1]);
    Ok(Scalars {
        log_n,
        modulus,
        psi,
        n_inv: (n_inv, modulus.shoup(n_inv)),
        n_inv_w: (n_inv_w, modulus.shoup(n_inv_w)),
    })
}

impl<'a> NttTable<'a> {
    fn assemble(n: usize, s: Scalars, kernel: Kernel, tw: [Tw<'a>; 4]) -> Self {
        let [fwd, fwd_shoup, inv, inv_shoup] = tw;
        Self {
            n,
            log_n: s.log_n,
            modulus: s.modulus,
            psi: s.psi,
            fwd,
            fwd_shoup,
            inv,
            inv_shoup,
            n_inv: s.n_inv,
            n_inv_w: s.n_inv_w,
            kernel,
        }
    }

    /// Builds the tables in `storage` (at least `4n` words, e.g. a `static`
    /// buffer on a microcontroller), which the table then borrows: the
    /// constructor without allocation. Same checks as [`NttTable::new`].
    pub fn new_in(n: usize, q: u32, storage: &'a mut [u32]) -> Result<Self> {
        Self::new_in_with_kernel(n, q, best_kernel(), storage)
    }

    /// As [`NttTable::new_in`] with a given kernel.
    pub fn new_in_with_kernel(n: usize, q: u32, kernel: Kernel, storage: &'a mut [u32]) -> Result<Self> {
        check_degree(n)?;
        if storage.len() < 4 * n {
            return Err(Error::LengthMismatch {
                what: "NTT table storage (4N words)",
                expected: 4 * n,
                actual: storage.len(),
            });
        }
        let (a, rest) = storage.split_at_mut(n);
        let (b, rest) = rest.split_at_mut(n);
        let (c, rest) = rest.split_at_mut(n);
        let d = &mut rest[..n];
        let s = fill(n, q, kernel, [&mut *a, &mut *b, &mut *c, &mut *d])?;
        let tw = [Tw::Borrowed(a), Tw::Borrowed(b), Tw::Borrowed(c), Tw::Borrowed(d)];
        Ok(Self::assemble(n, s, kernel, tw))
    }
}

impl<'a> NttTable<'a> {
    /// A table over twiddles computed earlier (e.g. at build time and
    /// kept in a microcontroller's flash): `tables` holds `4n` words, the
    /// layout [`NttTable::new_in`] writes (forward twiddles, their Shoup
    /// companions, inverse twiddles, their companions). Nothing is copied:
    /// the table borrows `tables` read-only.
    ///
    /// Every word is checked (`O(n)` multiplications, no divisions): the
    /// root must be the minimal primitive `2n`-th root of unity (the one
    /// every party uses), each twiddle the right power of it and each
    /// companion `floor(w 2^32 / q)`; any mismatch is
    /// [`Error::InvalidArgument`], so the result equals the table
    /// [`NttTable::new_in`] builds, bit for bit.
    pub fn from_precomputed(n: usize, q: u32, tables: &'a [u32]) -> Result<Self> {
        check_degree(n)?;
        if tables.len() != 4 * n {
            return Err(Error::LengthMismatch {
                what: "precomputed NTT tables (4N words)",
                expected: 4 * n,
                actual: tables.len(),
            });
        }
        let modulus = Modulus::new(q)?;
        let psi = minimal_primitive_root(n, q)?;
        let psi_inv = modulus.inv(psi)?;
        let log_n = n.trailing_zeros();
        let (fwd, rest) = tables.split_at(n);
        let (fwd_shoup, rest) = rest.split_at(n);
        let (inv, inv_shoup) = rest.split_at(n);
        // floor(w 2^32 / q) = s  <=>  0 <= w 2^32 - s q < q.
        let shoup_ok = |w: u32, s: u32| {
            let t = (u64::from(w) << 32).wrapping_sub(u64::from(s) * u64::from(q));
            (u64::from(w) << 32) >= u64::from(s) * u64::from(q) && t < u64::from(q)
        };
        let bad = Error::InvalidArgument { reason: "precomputed NTT tables do not match (n, q)" };
        let (mut p, mut pi) = (1u32, 1u32);
        for i in 0..n {
            let r = bit_reverse(i, log_n);
            if fwd[r] != p || inv[r] != pi || !shoup_ok(p, fwd_shoup[r]) || !shoup_ok(pi, inv_shoup[r]) {
                return Err(bad);
            }
            p = modulus.mul(p, psi);
            pi = modulus.mul(pi, psi_inv);
        }
        let n_inv = modulus.inv(n as u32 % q)?;
        let n_inv_w = modulus.mul(n_inv, inv[1]);
        let s = Scalars {
            log_n,
            modulus,
            psi,
            n_inv: (n_inv, modulus.shoup(n_inv)),
            n_inv_w: (n_inv_w, modulus.shoup(n_inv_w)),
        };
        let tw = [Tw::Borrowed(fwd), Tw::Borrowed(fwd_shoup), Tw::Borrowed(inv), Tw::Borrowed(inv_shoup)];
        Ok(Self::assemble(n, s, best_kernel(), tw))
    }
}

#[cfg(feature = "alloc")]
impl NttTable<'static> {
    /// Builds the tables for degree `n` (a power of two from `2^10` to
    /// `2^17`) and the prime `q < 2^30` with `q = 1 mod 2n`, and picks the
    /// fastest kernel this CPU supports.
    pub fn new(n: usize, q: u32) -> Result<Self> {
        Self::with_kernel(n, q, best_kernel())
    }

    /// As [`NttTable::new`] with a given kernel; errors when the CPU lacks it.
    pub fn with_kernel(n: usize, q: u32, kernel: Kernel) -> Result<Self> {
        check_degree(n)?;
        let mut v = [alloc::vec![0u32; n], alloc::vec![0u32; n], alloc::vec![0u32; n], alloc::vec![0u32; n]];
        let [a, b, c, d] = &mut v;
        let s = fill(n, q, kernel, [a, b, c, d])?;
        let tw = v.map(|t| Tw::owned(&t));
        Ok(Self::assemble(n, s, kernel, tw))
    }
}

impl NttTable<'_> {
    /// The ring degree `N`.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The prime `q`.
    pub fn q(&self) -> u32 {
        self.modulus.value()
    }

    /// The modulus with its reduction constants.
    pub fn modulus(&self) -> &Modulus {
        &self.modulus
    }

    /// The primitive `2N`-th root of unity the transform evaluates at.
    pub fn psi(&self) -> u32 {
        self.psi
    }

    /// The kernel this table runs.
    pub fn kernel(&self) -> Kernel {
        self.kernel
    }

    /// Forward twiddles `psi^brv(i)`, `i` in `0..N` (for accelerators that
    /// upload them).
    pub fn forward_twiddles(&self) -> &[u32] {
        &self.fwd[..self.n]
    }

    /// Inverse twiddles `psi^-brv(i)`, `i` in `0..N`.
    pub fn inverse_twiddles(&self) -> &[u32] {
        &self.inv[..self.n]
    }

    /// `N^-1 mod q`.
    pub fn n_inv(&self) -> u32 {
        self.n_inv.0
    }

    fn check_len(&self, what: &'static str, len: usize) -> Result<()> {
        if len != self.n {
            return Err(Error::LengthMismatch { what, expected: self.n, actual: len });
        }
        Ok(())
    }

    /// In-place forward negacyclic NTT of `a` (length `N`, values in
    /// `[0, q)`); the output is fully reduced.
    pub fn forward(&self, a: &mut [u32]) -> Result<()> {
        self.check_len("forward NTT input", a.len())?;
        debug_assert!(a.iter().all(|&x| x < self.q()));
        match self.kernel {
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            Kernel::Avx512 | Kernel::Avx2 => super::simd::forward(self, a),
            _ => scalar::forward(self, a),
        }
        Ok(())
    }

    /// In-place inverse negacyclic NTT of `a` (length `N`, values in
    /// `[0, q)`), including the `1/N` scaling; the output is fully reduced.
    pub fn inverse(&self, a: &mut [u32]) -> Result<()> {
        self.check_len("inverse NTT input", a.len())?;
        debug_assert!(a.iter().all(|&x| x < self.q()));
        match self.kernel {
            #[cfg(all(feature = "std", target_arch = "x86_64"))]
            Kernel::Avx512 | Kernel::Avx2 => super::simd::inverse(self, a),
            _ => scalar::inverse(self, a),
        }
        Ok(())
    }

    /// `out[i] = a[i] * b[i] mod q` for NTT-domain vectors of length `N`.
    pub fn mul_pointwise(&self, a: &[u32], b: &[u32], out: &mut [u32]) -> Result<()> {
        self.check_len("pointwise product operand", a.len())?;
        self.check_len("pointwise product operand", b.len())?;
        self.check_len("pointwise product output", out.len())?;
        super::kernels::mul(&super::kernels::Reducer::new(&self.modulus), a, b, out);
        Ok(())
    }

    /// `acc[i] = acc[i] + a[i] * b[i] mod q` for NTT-domain vectors.
    pub fn mul_acc_pointwise(&self, a: &[u32], b: &[u32], acc: &mut [u32]) -> Result<()> {
        self.check_len("pointwise product operand", a.len())?;
        self.check_len("pointwise product operand", b.len())?;
        self.check_len("accumulator", acc.len())?;
        super::kernels::mul_acc(&super::kernels::Reducer::new(&self.modulus), a, b, acc);
        Ok(())
    }
}

/// Is `kernel` usable in this build on this CPU?
pub fn kernel_available(kernel: Kernel) -> bool {
    match kernel {
        Kernel::Scalar => true,
        #[cfg(all(feature = "std", target_arch = "x86_64"))]
        Kernel::Avx2 | Kernel::Avx512 => super::simd::available(kernel),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

fn best_kernel() -> Kernel {
    [Kernel::Avx512, Kernel::Avx2].into_iter().find(|&k| kernel_available(k)).unwrap_or(Kernel::Scalar)
}
