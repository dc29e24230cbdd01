//! Criterion benchmark of the simulated accelerator's pace: one forward
//! NTT of one limb through `FpgaNtt<SimLink>` (the data written over the
//! byte protocol, the rust-hdl core stepped cycle by cycle, the result
//! read back and checked), for 1, 2 and 4 butterfly lanes, with `CpuNtt`
//! on the same limb in the same run as the reference.
//!
//! This is wall time of the *simulation*, not of hardware: it says how
//! long the `fpga-sim` tests and `--engine fpga-sim` runs take, and that
//! more lanes, which take fewer device cycles, cost more per simulated
//! cycle. Hardware figures are cycle counts (`polyhe fpga report`).
//!
//! Run: `cargo bench -p polyhe-host --bench fpga_sim`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{CpuNtt, NttEngine, NttTable};
use polyhe_host::accel::{FpgaNtt, SimLink};

/// Degrees measured: the smallest ring `NttTable` builds (2^10, what the
/// simulated inference tests use) and the next.
const LOG_NS: [u32; 2] = [10, 11];

fn forward(c: &mut Criterion) {
    let mut group = c.benchmark_group("fpga-sim-forward");
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(8));
    for log_n in LOG_NS {
        let n = 1usize << log_n;
        let q = NttPrimes::new(30, n).expect("degree").next().expect("a 30-bit NTT prime");
        let table = NttTable::new(n, q).expect("table");
        let tables = std::slice::from_ref(&table);
        let data: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(2_654_435_761) % table.q()).collect();
        group.throughput(Throughput::Elements(n as u64 / 2 * u64::from(log_n)));
        let mut cpu = data.clone();
        group.bench_function(BenchmarkId::new("cpu", n), |b| b.iter(|| CpuNtt.forward(tables, black_box(&mut cpu))));
        for lanes in [1u8, 2, 4] {
            let engine = FpgaNtt::new(SimLink::with_lanes(lanes).expect("lane count"));
            let mut x = data.clone();
            // The first call configures the device and loads the twiddles.
            engine.forward(tables, &mut x).expect("simulated forward");
            group.bench_function(BenchmarkId::new(format!("fpga-sim-lanes{lanes}"), n), |b| {
                b.iter(|| engine.forward(tables, black_box(&mut x)))
            });
            let s = engine.stats();
            assert_eq!(s.fell_back + s.unsupported, 0, "the simulated device did not do the work: {s:?}");
        }
    }
    group.finish();
}

criterion_group!(benches, forward);
criterion_main!(benches);
