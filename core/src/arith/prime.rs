//! Primality, NTT-friendly prime generation and primitive roots of unity.
//!
//! Everything here works on public values and may take variable time.

use super::Modulus;
use crate::{Error, Result};

/// Deterministic primality test for any `u32` (Miller-Rabin with bases 2, 7
/// and 61, which has no pseudoprime below 4 759 123 141).
pub const fn is_prime(n: u32) -> bool {
    if n < 2 {
        return false;
    }
    let small = [2u32, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 61];
    let mut i = 0;
    while i < small.len() {
        if n == small[i] {
            return true;
        }
        if n.is_multiple_of(small[i]) {
            return false;
        }
        i += 1;
    }
    let n64 = n as u64;
    let mut d = n64 - 1;
    let mut s = 0;
    while d.is_multiple_of(2) {
        d /= 2;
        s += 1;
    }
    let bases = [2u64, 7, 61];
    let mut b = 0;
    'witness: while b < bases.len() {
        let mut x = pow_mod(bases[b], d, n64);
        b += 1;
        if x == 1 || x == n64 - 1 {
            continue;
        }
        let mut r = 1;
        while r < s {
            x = x * x % n64;
            if x == n64 - 1 {
                continue 'witness;
            }
            r += 1;
        }
        return false;
    }
    true
}

/// `b^e mod n` for `n <= 2^32` (so products fit in `u64`), variable time:
/// public values only (primality tests, Galois elements, FFT root indices).
pub(crate) const fn pow_mod(mut b: u64, mut e: u64, n: u64) -> u64 {
    let mut acc = 1u64;
    b %= n;
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * b % n;
        }
        b = b * b % n;
        e >>= 1;
    }
    acc
}

/// The primes `q < 2^bits` with `q = 1 mod 2N`, in decreasing order: the
/// moduli that admit a negacyclic NTT of degree `N`.
///
/// The sequence is deterministic, so every party (host, firmware, FPGA
/// driver) derives the same primes from the same parameters.
#[derive(Clone, Debug)]
pub struct NttPrimes {
    two_n: u64,
    next: u64,
    bits: u32,
}

impl NttPrimes {
    /// Primes of at most `bits` bits (`q < 2^bits`) that are `1 mod 2n`.
    ///
    /// Errors when `n` is not a power of two, or `bits` is above 30 or too
    /// small to hold any `k * 2n + 1`.
    pub fn new(bits: u32, n: usize) -> Result<Self> {
        if !n.is_power_of_two() || n < 2 {
            return Err(Error::InvalidArgument { reason: "the ring degree must be a power of two (at least 2)" });
        }
        let two_n = 2 * n as u64;
        let min = two_n.trailing_zeros() + 1;
        if bits > super::MAX_MODULUS_BITS || bits < min {
            return Err(Error::PrimeBitsOutOfRange { bits, min });
        }
        // Largest k * 2n + 1 below 2^bits.
        let top = (1u64 << bits) - 1;
        let next = (top - 1) / two_n * two_n + 1;
        Ok(Self { two_n, next, bits })
    }

    /// Takes the first `count` primes into `out`; errors when fewer exist.
    pub fn fill(mut self, out: &mut [u32]) -> Result<()> {
        let wanted = out.len();
        for (found, slot) in out.iter_mut().enumerate() {
            *slot = self.next().ok_or(Error::NotEnoughPrimes { bits: self.bits, two_n: self.two_n, wanted, found })?;
        }
        Ok(())
    }
}

impl Iterator for NttPrimes {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        while self.next > 1 {
            let c = self.next;
            self.next = self.next.saturating_sub(self.two_n);
            if is_prime(c as u32) {
                return Some(c as u32);
            }
        }
        None
    }
}

/// The smallest primitive `2n`-th root of unity `psi` modulo the prime `q`
/// (`psi^n = -1`); the canonical choice, so all parties build equal tables.
///
/// Errors when `q` is not prime or not `1 mod 2n`.
pub fn minimal_primitive_root(n: usize, q: u32) -> Result<u32> {
    let m = Modulus::new(q)?;
    if !is_prime(q) {
        return Err(Error::NotPrime { q });
    }
    let two_n = 2 * n as u64;
    if !n.is_power_of_two() || !(q as u64 - 1).is_multiple_of(two_n) {
        return Err(Error::NotNttFriendly { q, n, two_n });
    }
    let cofactor = (q as u64 - 1) / two_n;
    // A primitive 2n-th root is x^cofactor for a non-residue-like x; since
    // 2n is a power of two, psi is primitive iff psi^n = -1.
    let mut psi = 0;
    for x in 2..q {
        let cand = m.pow(x, cofactor);
        if m.pow(cand, n as u64) == q - 1 {
            psi = cand;
            break;
        }
    }
    if psi == 0 {
        return Err(Error::NotNttFriendly { q, n, two_n });
    }
    // The primitive roots are the odd powers of psi; take the smallest.
    let psi2 = m.mul(psi, psi);
    let mut best = psi;
    let mut cur = psi;
    for _ in 1..n {
        cur = m.mul(cur, psi2);
        best = best.min(cur);
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_prime(n: u32) -> bool {
        n >= 2 && (2..).take_while(|d: &u32| (*d as u64) * (*d as u64) <= n as u64).all(|d| !n.is_multiple_of(d))
    }

    #[test]
    fn primality_matches_trial_division() {
        for n in 0..20_000u32 {
            assert_eq!(is_prime(n), naive_prime(n), "{n}");
        }
        for n in (1u32 << 30) - 2000..(1 << 30) {
            assert_eq!(is_prime(n), naive_prime(n), "{n}");
        }
        // Strong pseudoprimes to some of the bases.
        for n in [2047u32, 3_215_031_751, 1_373_653, 25_326_001] {
            assert!(!is_prime(n), "{n}");
        }
        assert!(is_prime(4_294_967_291));
    }

    #[test]
    fn primes_are_ntt_friendly_and_descending() {
        let n = 1 << 16;
        let ps: Vec<u32> = NttPrimes::new(30, n).unwrap().take(8).collect();
        assert_eq!(ps.len(), 8);
        for w in ps.windows(2) {
            assert!(w[0] > w[1]);
        }
        for &q in &ps {
            assert!(q < 1 << 30 && is_prime(q) && (q as u64 - 1).is_multiple_of(2 * n as u64));
        }
        // Nothing is skipped: every k*2n+1 between two consecutive primes is composite.
        let mut c = ps[0] as u64 + 2 * n as u64;
        while c < 1 << 30 {
            assert!(!is_prime(c as u32));
            c += 2 * n as u64;
        }
    }

    #[test]
    fn fill_reports_shortage() {
        let mut out = [0u32; 100];
        let err = NttPrimes::new(20, 1 << 16).unwrap().fill(&mut out).unwrap_err();
        assert!(matches!(err, Error::NotEnoughPrimes { wanted: 100, .. }));
        assert!(NttPrimes::new(31, 1024).is_err());
        assert!(NttPrimes::new(10, 1024).is_err());
        assert!(NttPrimes::new(20, 1000).is_err());
    }

    #[test]
    fn roots_are_primitive_and_minimal() {
        for (n, q) in [(8usize, 17u32), (1024, 12289), (4096, 1_073_692_673)] {
            let m = Modulus::new(q).unwrap();
            let psi = minimal_primitive_root(n, q).unwrap();
            assert_eq!(m.pow(psi, n as u64), q - 1);
            if q < 100_000 {
                for x in 1..psi {
                    let is_root = m.pow(x, n as u64) == q - 1;
                    assert!(!is_root, "{x} < {psi} is also a primitive root");
                }
            }
        }
        assert_eq!(minimal_primitive_root(1024, 12289 + 2), Err(Error::NotPrime { q: 12291 }));
        assert!(matches!(minimal_primitive_root(4096, 12289), Err(Error::NotNttFriendly { .. })));
    }
}
