//! Criterion benchmarks of the negacyclic NTT over the largest 30-bit NTT
//! prime, polyhe against tfhe-ntt 0.7 (`prime32::Plan`) in the same run.
//!
//! Groups `ntt-forward`, `ntt-inverse`, `ntt-product`; in each, one
//! benchmark per library and degree `N = 2^12, 2^14, 2^16`:
//! - `polyhe/N`: the kernel `NttTable::new` picks (the widest this CPU has);
//! - `polyhe-scalar/N`: the portable scalar kernel;
//! - `tfhe-ntt/N`: tfhe-ntt with its own dispatch (AVX-512, AVX2, scalar).
//!
//! What is measured, like with like:
//! - forward: one in-place forward NTT (output fully reduced, bit-reversed);
//! - inverse: one in-place inverse NTT *including* the `1/N` scaling:
//!   polyhe's `inverse` (scaling merged into its last stage) against
//!   tfhe-ntt's `inv` + `normalize` (its `inv` alone omits `1/N`); the
//!   unscaled `inv` is also reported as `tfhe-ntt-unscaled/N`;
//! - product: `a * b mod (X^N + 1, q)` from coefficient-domain operands,
//!   polyhe `forward` x2, `mul_pointwise`, `inverse`; tfhe-ntt `fwd` x2,
//!   `mul_assign_normalize` (folds in `1/N`), `inv`.
//!
//! Throughput is in butterflies (`N/2 log2 N` per NTT, three NTTs per
//! product). Transforms run in place on their own previous output, which is
//! valid input (fully reduced), so no copy is timed.
//!
//! Run: `cargo bench -p polyhe-core --bench ntt` (add `-- ntt-forward` to
//! filter). `polyhe bench ntt` (host crate) gives a quicker table of ratios.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, Throughput};
use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{Kernel, NttTable};
use tfhe_ntt::prime32::Plan;

const LOG_NS: [u32; 3] = [12, 14, 16];

/// Deterministic residues in `[0, q)` (SplitMix64).
fn residues(n: usize, q: u32, seed: u64) -> Vec<u32> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            ((z ^ (z >> 31)) % u64::from(q)) as u32
        })
        .collect()
}

/// Everything one degree needs: the prime, polyhe's tables (best and
/// scalar kernels), tfhe-ntt's plan and two operands.
struct Setup {
    n: usize,
    log_n: u32,
    best: NttTable<'static>,
    scalar: NttTable<'static>,
    plan: Plan,
    a: Vec<u32>,
    b: Vec<u32>,
}

impl Setup {
    fn new(log_n: u32) -> Self {
        let n = 1usize << log_n;
        let q = NttPrimes::new(30, n).expect("valid prime size").next().expect("a 30-bit NTT prime exists");
        let best = NttTable::new(n, q).expect("valid NTT parameters");
        let scalar = NttTable::with_kernel(n, q, Kernel::Scalar).expect("the scalar kernel is always available");
        let plan = Plan::try_new(n, q).expect("tfhe-ntt accepts the prime");
        let s = Self { n, log_n, best, scalar, plan, a: residues(n, q, 1), b: residues(n, q, 2) };
        s.check();
        s
    }

    /// Both libraries compute the same product: the timings compare equal work.
    fn check(&self) {
        let mut c = vec![0; self.n];
        for t in [&self.best, &self.scalar] {
            let (mut a, mut b) = (self.a.clone(), self.b.clone());
            polyhe_product(t, &mut a, &mut b, &mut c);
            let (mut x, mut y) = (self.a.clone(), self.b.clone());
            tfhe_product(&self.plan, &mut x, &mut y);
            assert_eq!(c, x, "polyhe ({:?}) and tfhe-ntt products differ at N = {}", t.kernel(), self.n);
        }
    }

    fn butterflies(&self) -> u64 {
        (self.n as u64 / 2) * u64::from(self.log_n)
    }

    /// The polyhe tables to bench, with their benchmark names.
    fn polyhe_tables(&self) -> [(&'static str, &NttTable<'static>); 2] {
        [("polyhe", &self.best), ("polyhe-scalar", &self.scalar)]
    }
}

fn polyhe_product(t: &NttTable, a: &mut [u32], b: &mut [u32], c: &mut [u32]) {
    t.forward(a).expect("length n");
    t.forward(b).expect("length n");
    t.mul_pointwise(a, b, c).expect("length n");
    t.inverse(c).expect("length n");
}

fn tfhe_product(p: &Plan, a: &mut [u32], b: &mut [u32]) {
    p.fwd(a);
    p.fwd(b);
    p.mul_assign_normalize(a, b);
    p.inv(a);
}

fn configure(g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(2));
    g.sample_size(50);
}

fn forward(c: &mut Criterion, setups: &[Setup]) {
    let mut g = c.benchmark_group("ntt-forward");
    configure(&mut g);
    for s in setups {
        g.throughput(Throughput::Elements(s.butterflies()));
        for (name, t) in s.polyhe_tables() {
            let mut a = s.a.clone();
            g.bench_with_input(BenchmarkId::new(name, s.n), t, |bench, t| {
                bench.iter(|| t.forward(black_box(&mut a)).expect("length n"));
            });
        }
        let mut a = s.a.clone();
        g.bench_with_input(BenchmarkId::new("tfhe-ntt", s.n), &s.plan, |bench, p| {
            bench.iter(|| p.fwd(black_box(&mut a)));
        });
    }
    g.finish();
}

fn inverse(c: &mut Criterion, setups: &[Setup]) {
    let mut g = c.benchmark_group("ntt-inverse");
    configure(&mut g);
    for s in setups {
        g.throughput(Throughput::Elements(s.butterflies()));
        for (name, t) in s.polyhe_tables() {
            let mut a = s.a.clone();
            g.bench_with_input(BenchmarkId::new(name, s.n), t, |bench, t| {
                bench.iter(|| t.inverse(black_box(&mut a)).expect("length n"));
            });
        }
        let mut a = s.a.clone();
        g.bench_with_input(BenchmarkId::new("tfhe-ntt", s.n), &s.plan, |bench, p| {
            bench.iter(|| {
                p.inv(black_box(&mut a));
                p.normalize(&mut a);
            });
        });
        let mut a = s.a.clone();
        g.bench_with_input(BenchmarkId::new("tfhe-ntt-unscaled", s.n), &s.plan, |bench, p| {
            bench.iter(|| p.inv(black_box(&mut a)));
        });
    }
    g.finish();
}

fn product(c: &mut Criterion, setups: &[Setup]) {
    let mut g = c.benchmark_group("ntt-product");
    configure(&mut g);
    for s in setups {
        g.throughput(Throughput::Elements(3 * s.butterflies()));
        for (name, t) in s.polyhe_tables() {
            let (mut a, mut b, mut out) = (s.a.clone(), s.b.clone(), vec![0; s.n]);
            g.bench_with_input(BenchmarkId::new(name, s.n), t, |bench, t| {
                bench.iter(|| polyhe_product(t, black_box(&mut a), black_box(&mut b), &mut out));
            });
        }
        let (mut a, mut b) = (s.a.clone(), s.b.clone());
        g.bench_with_input(BenchmarkId::new("tfhe-ntt", s.n), &s.plan, |bench, p| {
            bench.iter(|| tfhe_product(p, black_box(&mut a), black_box(&mut b)));
        });
    }
    g.finish();
}

fn ntt(c: &mut Criterion) {
    let setups: Vec<Setup> = LOG_NS.iter().map(|&l| Setup::new(l)).collect();
    forward(c, &setups);
    inverse(c, &setups);
    product(c, &setups);
}

criterion_group!(benches, ntt);
criterion_main!(benches);
