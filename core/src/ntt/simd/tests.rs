//! Every SIMD kernel the CPU has against the scalar reference, bit for bit.

use super::super::{kernel_available, Kernel, NttTable, MAX_LOG_N, MIN_LOG_N};
use super::{layout, permute_index, vertical_plan};
use crate::arith::NttPrimes;
use proptest::prelude::*;

fn simd_kernels() -> Vec<Kernel> {
    [Kernel::Avx2, Kernel::Avx512].into_iter().filter(|&k| kernel_available(k)).collect()
}

/// A few primes for degree `n`: the largest 30-bit one, a 29-bit one and a
/// small one (17 to 21 bits, the smallest width that has one).
fn primes(n: usize) -> Vec<u32> {
    let mut out: Vec<u32> = NttPrimes::new(30, n).unwrap().take(2).collect();
    out.extend(NttPrimes::new(29, n).unwrap().take(1));
    if let Some(q) = (17..=21).find_map(|bits| NttPrimes::new(bits, n).ok().and_then(|mut p| p.next())) {
        out.push(q);
    }
    out
}

/// Checks forward and inverse of every SIMD kernel against scalar on `a`
/// (reduced modulo `q` first).
fn check(n: usize, q: u32, a: &[u32]) -> Result<(), TestCaseError> {
    let a: Vec<u32> = a.iter().map(|&x| x % q).collect();
    let scalar = NttTable::with_kernel(n, q, Kernel::Scalar).unwrap();
    let mut want_f = a.clone();
    scalar.forward(&mut want_f).unwrap();
    let mut want_i = a.clone();
    scalar.inverse(&mut want_i).unwrap();
    for k in simd_kernels() {
        let t = NttTable::with_kernel(n, q, k).unwrap();
        let mut f = a.clone();
        t.forward(&mut f).unwrap();
        prop_assert!(f == want_f, "forward differs: kernel {:?} n={} q={}", k, n, q);
        let mut i = a.clone();
        t.inverse(&mut i).unwrap();
        prop_assert!(i == want_i, "inverse differs: kernel {:?} n={} q={}", k, n, q);
        t.inverse(&mut f).unwrap();
        prop_assert!(f == a, "round trip: kernel {:?} n={} q={}", k, n, q);
    }
    Ok(())
}

#[test]
fn edge_inputs_all_sizes() {
    for log_n in MIN_LOG_N..=MAX_LOG_N {
        let n = 1usize << log_n;
        for q in primes(n) {
            let alternating: Vec<u32> = (0..n).map(|i| if i % 2 == 0 { q - 1 } else { 0 }).collect();
            let ramp: Vec<u32> = (0..n as u32).collect();
            for a in [vec![0; n], vec![q - 1; n], alternating, ramp] {
                check(n, q, &a).unwrap();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn simd_matches_scalar(log_n in MIN_LOG_N..=MAX_LOG_N, qi in 0usize..4, seed: u64, edges in 0u32..4) {
        let n = 1usize << log_n;
        let ps = primes(n);
        let q = ps[qi % ps.len()];
        // A cheap deterministic stream (splitmix64) keeps the cases small.
        let mut state = seed;
        let a: Vec<u32> = (0..n)
            .map(|_| {
                state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                let r = (z ^ (z >> 31)) as u32;
                // Mix in edge values with probability edges / 8.
                match r & 7 {
                    0 if edges > 0 => q - 1,
                    1 if edges > 1 => 0,
                    2 if edges > 2 => q - 1,
                    _ => r % q,
                }
            })
            .collect();
        check(n, q, &a)?;
    }
}

#[test]
fn plans_cover_the_stages() {
    for stages in 1..=12 {
        let (plan, len) = vertical_plan(stages, 3);
        assert_eq!(plan[..len].iter().sum::<u32>(), stages);
        assert!(plan[..len].iter().all(|&k| (1..=3).contains(&k)));
        let (plan, len) = vertical_plan(stages, 2);
        assert_eq!(plan[..len].iter().sum::<u32>(), stages);
        assert!(plan[..len].iter().all(|&k| (1..=2).contains(&k)));
    }
}

#[test]
fn layouts_are_permutations() {
    for lb in [3u32, 4] {
        let l = 1usize << lb;
        for j in 0..=lb {
            let mut seen = vec![false; 2 * l];
            for reg in 0..2 {
                for i in 0..l {
                    let e = layout(lb, j, reg, i);
                    assert!(!seen[e]);
                    seen[e] = true;
                    if j < lb {
                        // Partners differ in bit j only.
                        assert_eq!(e ^ layout(lb, j, 1 - reg, i), 1 << j);
                    }
                }
            }
        }
    }
    // A permute index reproduces the target layout.
    let idx = permute_index::<16>(4, 2, 1, 1);
    for (i, &k) in idx.iter().enumerate() {
        assert_eq!(layout(4, 2, (k >> 4) as usize, (k & 15) as usize), layout(4, 1, 1, i));
    }
}
