//! The end-to-end check of device results: Freivalds' randomised test
//! applied to the NTT matrix.
//!
//! CRCs catch damage on the wire; they cannot catch a device that computes
//! the wrong thing (a faulty memory, a glitch, wrong data that arrived
//! with a valid CRC). Recomputing on the CPU would defeat the offload, so
//! the driver checks each result with a secret random linear combination:
//! for the forward NTT `M` (`x^ = M x`) and a random vector `c`,
//! `<c, x^> = <M^T c, x>`. With `v = M^T c` precomputed once per prime, a
//! check costs two dot products (`2N` multiplications, against the
//! `N/2 log2 N` butterflies of a transform), and a wrong `x^` (or `x`)
//! passes with probability `1/q < 2^-16` for any error the device could
//! make without knowing `c`.
//!
//! `M^T` is a transform too: `M[j][i] = psi^((2 brv(j) + 1) i)`, and since
//! `-(2 k + 1) = 2 (N - 1 - k) + 1 mod 2N` and `brv(N - 1 - j) = N - 1 -
//! brv(j)`, `M^T c = N * inverse_ntt(reverse(c))`, one inverse NTT per
//! prime (a test pins the identity to `NttTable`).
//!
//! A product `p = a * b` is checked through its NTT: `<c, p^> = <v, p>`
//! must equal `sum_j c_j a^_j b^_j`, which needs `a^` and `b^`: the driver
//! reads both back from the device after the forward transforms (each
//! checked against `a` and `b` the same way). The host only reads them; it
//! never sends intermediates back.

use polyhe_core::ntt::NttTable;
use rand_core::RngCore;

/// A secret check vector for one `(N, q)`.
#[derive(Clone, Debug)]
pub struct NttCheck {
    q: u32,
    c: Vec<u32>,
    v: Vec<u32>,
}

/// `sum x_i y_i mod q` (products below `2^60`, summed exactly).
fn dot(q: u32, x: &[u32], y: &[u32]) -> u32 {
    let s: u128 = x.iter().zip(y).map(|(&a, &b)| u128::from(u64::from(a) * u64::from(b))).sum();
    (s % u128::from(q)) as u32
}

impl NttCheck {
    /// A fresh random check for `table`.
    pub fn new(table: &NttTable, rng: &mut impl RngCore) -> polyhe_core::Result<Self> {
        let (n, q) = (table.n(), table.q());
        let c: Vec<u32> = (0..n).map(|_| (rng.next_u64() % u64::from(q)) as u32).collect();
        let mut v: Vec<u32> = c.iter().rev().copied().collect();
        table.inverse(&mut v)?;
        let n_mod_q = (n as u64 % u64::from(q)) as u32;
        for x in &mut v {
            *x = table.modulus().mul(*x, n_mod_q);
        }
        Ok(Self { q, c, v })
    }

    /// Whether `ntt` is the forward NTT of `coeffs` (equivalently, `coeffs`
    /// the inverse NTT of `ntt`).
    pub fn transform_ok(&self, coeffs: &[u32], ntt: &[u32]) -> bool {
        dot(self.q, &self.c, ntt) == dot(self.q, &self.v, coeffs)
    }

    /// Whether `product` (coefficients) is the negacyclic product of the
    /// polynomials whose NTTs are `a_ntt` and `b_ntt`.
    pub fn product_ok(&self, a_ntt: &[u32], b_ntt: &[u32], product: &[u32]) -> bool {
        let q = u64::from(self.q);
        let s: u128 = self
            .c
            .iter()
            .zip(a_ntt)
            .zip(b_ntt)
            .map(|((&c, &a), &b)| u128::from((u64::from(c) * u64::from(a) % q) * u64::from(b)))
            .sum();
        (s % u128::from(self.q)) as u32 == dot(self.q, &self.v, product)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polyhe_core::arith::NttPrimes;
    use polyhe_core::rng::insecure_test_rng;

    #[test]
    fn identity_holds_and_catches_single_errors() {
        let mut rng = insecure_test_rng(1);
        for (n, bits) in [(1024, 30), (4096, 20)] {
            let q = NttPrimes::new(bits, n).unwrap().next().unwrap();
            let t = NttTable::new(n, q).unwrap();
            let check = NttCheck::new(&t, &mut rng).unwrap();
            let rand = |rng: &mut rand_chacha::ChaCha20Rng| -> Vec<u32> {
                (0..n).map(|_| (rng.next_u64() % u64::from(q)) as u32).collect()
            };
            let (a, b) = (rand(&mut rng), rand(&mut rng));
            let (mut fa, mut fb) = (a.clone(), b.clone());
            t.forward(&mut fa).unwrap();
            t.forward(&mut fb).unwrap();
            assert!(check.transform_ok(&a, &fa));
            let mut p: Vec<u32> = fa.iter().zip(&fb).map(|(&x, &y)| t.modulus().mul(x, y)).collect();
            t.inverse(&mut p).unwrap();
            assert!(check.product_ok(&fa, &fb, &p));
            for k in [0, 1, n / 2, n - 1] {
                let mut bad = fa.clone();
                bad[k] = t.modulus().add(bad[k], 1);
                assert!(!check.transform_ok(&a, &bad), "N = {n}: error at {k} missed");
                let mut bad = p.clone();
                bad[k] ^= 1;
                assert!(!check.product_ok(&fa, &fb, &bad), "N = {n}: product error at {k} missed");
            }
        }
    }
}
