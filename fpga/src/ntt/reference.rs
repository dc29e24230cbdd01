//! A small software model of the transforms the core computes, for every
//! power-of-two `N` (the core's `NttTable` starts at `N = 1024`; the
//! simulations use smaller `N`).
//!
//! Same conventions as `polyhe_core::ntt` (see there): `psi` is
//! `polyhe_core::arith::minimal_primitive_root(N, q)`, forward twiddles are
//! `psi^brv(i)`, inverse ones `psi^-brv(i)`, the output of the forward
//! transform is in bit-reversed order, and the inverse includes `1/N`. It is
//! written textbook-style with fully reduced values (no lazy ranges), so it
//! is an independent check of both the core and `NttTable`; a test pins it to
//! `NttTable` at `N = 1024`.

use polyhe_core::arith::{minimal_primitive_root, Modulus};

/// Twiddle tables for one `(N, q)`, in the layout the core's twiddle memory
/// is loaded with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Twiddles {
    /// The modulus.
    pub modulus: Modulus,
    /// `psi^brv(i)`, `i < N`.
    pub forward: Vec<u32>,
    /// Shoup companions of `forward`.
    pub forward_shoup: Vec<u32>,
    /// `psi^-brv(i)`, `i < N`.
    pub inverse: Vec<u32>,
    /// Shoup companions of `inverse`.
    pub inverse_shoup: Vec<u32>,
}

fn bit_reverse(i: usize, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        i.reverse_bits() >> (usize::BITS - bits)
    }
}

impl Twiddles {
    /// The tables for degree `n` (a power of two, at least 2) and the NTT
    /// prime `q` (`q = 1 mod 2n`); panics otherwise (test and driver code
    /// only build them for validated parameters).
    pub fn new(n: usize, q: u32) -> Self {
        assert!(n.is_power_of_two() && n >= 2, "degree {n} is not a power of two >= 2");
        let modulus = Modulus::new(q).expect("modulus in range");
        let psi = minimal_primitive_root(n, q).expect("an NTT-friendly prime");
        let psi_inv = modulus.inv(psi).expect("psi is invertible");
        let log_n = n.trailing_zeros();
        let (mut forward, mut inverse) = (vec![0; n], vec![0; n]);
        let (mut p, mut pi) = (1u32, 1u32);
        for i in 0..n {
            let r = bit_reverse(i, log_n);
            forward[r] = p;
            inverse[r] = pi;
            p = modulus.mul(p, psi);
            pi = modulus.mul(pi, psi_inv);
        }
        let forward_shoup = forward.iter().map(|&w| modulus.shoup(w)).collect();
        let inverse_shoup = inverse.iter().map(|&w| modulus.shoup(w)).collect();
        Self { modulus, forward, forward_shoup, inverse, inverse_shoup }
    }

    /// The degree `N`.
    pub fn n(&self) -> usize {
        self.forward.len()
    }
}

/// Forward negacyclic NTT in place (Cooley-Tukey, merged twisting); input
/// and output fully reduced, output in bit-reversed order.
pub fn forward(t: &Twiddles, a: &mut [u32]) {
    let (m, n) = (t.modulus, t.n());
    assert_eq!(a.len(), n);
    let (mut half, mut groups) = (n, 1);
    while groups < n {
        half >>= 1;
        for g in 0..groups {
            let w = t.forward[groups + g];
            for k in 2 * g * half..2 * g * half + half {
                let v = m.mul(a[k + half], w);
                (a[k], a[k + half]) = (m.add(a[k], v), m.sub(a[k], v));
            }
        }
        groups <<= 1;
    }
}

/// Inverse negacyclic NTT in place (Gentleman-Sande, merged untwisting),
/// including the `1/N` scaling; the inverse of [`forward`].
pub fn inverse(t: &Twiddles, a: &mut [u32]) {
    let (m, n) = (t.modulus, t.n());
    assert_eq!(a.len(), n);
    let (mut half, mut groups) = (1, n >> 1);
    while groups >= 1 {
        for g in 0..groups {
            let w = t.inverse[groups + g];
            for k in 2 * g * half..2 * g * half + half {
                let (x, y) = (a[k], a[k + half]);
                (a[k], a[k + half]) = (m.add(x, y), m.mul(m.sub(x, y), w));
            }
        }
        half <<= 1;
        groups >>= 1;
    }
    let n_inv = m.inv((n as u64 % m.value() as u64) as u32).expect("N invertible mod q");
    for x in a.iter_mut() {
        *x = m.mul(*x, n_inv);
    }
}

/// `a[i] * b[i] mod q` into `a`.
pub fn pointwise(t: &Twiddles, a: &mut [u32], b: &[u32]) {
    for (x, &y) in a.iter_mut().zip(b) {
        *x = t.modulus.mul(*x, y);
    }
}

/// The negacyclic product `a * b mod (X^N + 1, q)` by schoolbook
/// multiplication, the ground truth for a full product through the core.
pub fn negacyclic_product(q: u32, a: &[u32], b: &[u32]) -> Vec<u32> {
    let m = Modulus::new(q).expect("modulus in range");
    let n = a.len();
    let mut out = vec![0u32; n];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            let p = m.mul(x, y);
            let k = i + j;
            out[k % n] = if k < n { m.add(out[k % n], p) } else { m.sub(out[k % n], p) };
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use polyhe_core::arith::NttPrimes;
    use polyhe_core::ntt::{Kernel, NttTable};
    use rand_chacha::ChaCha8Rng;
    use rand_core::{RngCore, SeedableRng};

    fn random_poly(rng: &mut ChaCha8Rng, n: usize, q: u32) -> Vec<u32> {
        (0..n).map(|_| (rng.next_u64() % q as u64) as u32).collect()
    }

    #[test]
    fn matches_ntt_table_at_1024() {
        let n = 1024;
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        for q in NttPrimes::new(30, n).unwrap().take(2).chain(NttPrimes::new(17, n).unwrap().take(1)) {
            let table = NttTable::with_kernel(n, q, Kernel::Scalar).unwrap();
            let tw = Twiddles::new(n, q);
            assert_eq!(tw.forward, table.forward_twiddles());
            assert_eq!(tw.inverse, table.inverse_twiddles());
            let a = random_poly(&mut rng, n, q);
            let (mut ours, mut theirs) = (a.clone(), a.clone());
            forward(&tw, &mut ours);
            table.forward(&mut theirs).unwrap();
            assert_eq!(ours, theirs, "forward, q = {q}");
            inverse(&tw, &mut ours);
            table.inverse(&mut theirs).unwrap();
            assert_eq!(ours, theirs, "inverse, q = {q}");
            assert_eq!(ours, a);
        }
    }

    #[test]
    fn small_degrees_round_trip_and_multiply() {
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        for log_n in 1..=6 {
            let n = 1 << log_n;
            for q in [NttPrimes::new(30, n).unwrap().next().unwrap(), 12289] {
                if !(q as usize - 1).is_multiple_of(2 * n) {
                    continue;
                }
                let tw = Twiddles::new(n, q);
                let (a, b) = (random_poly(&mut rng, n, q), random_poly(&mut rng, n, q));
                let (mut fa, mut fb) = (a.clone(), b.clone());
                forward(&tw, &mut fa);
                forward(&tw, &mut fb);
                pointwise(&tw, &mut fa, &fb);
                inverse(&tw, &mut fa);
                assert_eq!(fa, negacyclic_product(q, &a, &b), "n = {n}, q = {q}");
            }
        }
    }
}
