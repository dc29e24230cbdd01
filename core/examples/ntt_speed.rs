//! Quick NTT timing against tfhe-ntt's `prime32` plan, in the same run.
//!
//! `cargo run --release -p polyhe-core --example ntt_speed [kernel]` where
//! `kernel` is `avx512` (default), `avx2` or `scalar`. Prints medians of
//! many interleaved batches and the ratio polyhe / tfhe-ntt.

use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{Kernel, NttTable};
use std::hint::black_box;
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// Microseconds per call of `f`, one batch.
fn batch(reps: usize, mut f: impl FnMut()) -> f64 {
    let t0 = Instant::now();
    for _ in 0..reps {
        f();
    }
    t0.elapsed().as_secs_f64() * 1e6 / reps as f64
}

fn main() {
    let kernel = match std::env::args().nth(1).as_deref() {
        Some("avx2") => Kernel::Avx2,
        Some("scalar") => Kernel::Scalar,
        _ => Kernel::Avx512,
    };
    let sizes: Vec<u32> = std::env::args().nth(2).map_or(vec![12, 14, 16], |s| vec![s.parse().unwrap()]);
    println!("kernel {kernel:?}; median us per call (ratio polyhe / tfhe-ntt)");
    for log_n in sizes {
        let n = 1usize << log_n;
        let q = NttPrimes::new(30, n).unwrap().next().unwrap();
        let t = NttTable::with_kernel(n, q, kernel).unwrap();
        let plan = tfhe_ntt::prime32::Plan::try_new(n, q).unwrap();
        let mut data: Vec<u32> = (0..n as u64).map(|i| ((i * 2_654_435_761) % q as u64) as u32).collect();
        let mut other = data.clone();
        let reps = (1 << 22) / n;
        let (mut pf, mut pi, mut tf, mut ti) = (vec![], vec![], vec![], vec![]);
        for _ in 0..41 {
            pf.push(batch(reps, || t.forward(black_box(&mut data)).unwrap()));
            tf.push(batch(reps, || plan.fwd(black_box(&mut other))));
            pi.push(batch(reps, || t.inverse(black_box(&mut data)).unwrap()));
            ti.push(batch(reps, || plan.inv(black_box(&mut other))));
            // Keep the data reduced for polyhe's debug asserts (tfhe's inv
            // is unnormalised, which does not matter for timing).
        }
        let (pf, pi, tf, ti) = (median(&mut pf), median(&mut pi), median(&mut tf), median(&mut ti));
        println!(
            "N=2^{log_n}: fwd {pf:7.2} vs {tf:7.2} ({:.3})   inv {pi:7.2} vs {ti:7.2} ({:.3})   fwd {:.2} Gbfly/s",
            pf / tf,
            pi / ti,
            (n / 2 * log_n as usize) as f64 / pf / 1e3
        );
    }
}
