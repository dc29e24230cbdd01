//! Helpers shared by the accelerator tests (`accel.rs`, `serial_link.rs`).

use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{CpuNtt, NttEngine, NttTable};
use polyhe_core::rng::insecure_test_rng;
use rand_core::RngCore;

/// `limbs` NTT tables of degree `n` for the largest 30-bit NTT primes.
pub fn tables(n: usize, limbs: usize) -> Vec<NttTable<'static>> {
    NttPrimes::new(30, n).unwrap().take(limbs).map(|q| NttTable::new(n, q).unwrap()).collect()
}

/// A random RNS polynomial for `tables`, reproducible from `seed`.
pub fn random_rns(tables: &[NttTable], seed: u64) -> Vec<u32> {
    let mut rng = insecure_test_rng(seed);
    tables
        .iter()
        .flat_map(|t| (0..t.n()).map(|_| (rng.next_u64() % u64::from(t.q())) as u32).collect::<Vec<_>>())
        .collect()
}

/// Forward, inverse and multiply on `engine` and on [`CpuNtt`]: equal
/// results (and the inverse undoes the forward).
pub fn assert_matches_cpu(engine: &dyn NttEngine, tables: &[NttTable], seed: u64) {
    let (a, b) = (random_rns(tables, seed), random_rns(tables, seed + 1));
    let (mut x, mut y) = (a.clone(), a.clone());
    engine.forward(tables, &mut x).unwrap();
    CpuNtt.forward(tables, &mut y).unwrap();
    assert_eq!(x, y, "forward");
    engine.inverse(tables, &mut x).unwrap();
    CpuNtt.inverse(tables, &mut y).unwrap();
    assert_eq!(x, y, "inverse");
    assert_eq!(x, a);
    let (mut pa, mut pb, mut qa, mut qb) = (a.clone(), b.clone(), a, b);
    engine.multiply(tables, &mut pa, &mut pb).unwrap();
    CpuNtt.multiply(tables, &mut qa, &mut qb).unwrap();
    assert_eq!(pa, qa, "product");
    assert_eq!(pb, qb, "NTT of b after multiply");
}
