//! Quick NTT timing against tfhe-ntt's `prime32` plan, in the same run.
//!
//! `cargo run --release -p polyhe-core --example ntt_speed [kernel]` where
//! `kernel` is `avx512` (default), `avx2` or `scalar`. Prints medians of
//! many interleaved batches and the median ratio of neighbouring batches.

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
        // Both libraries get 64-byte aligned buffers (or both the same
        // misalignment with a third argument `misaligned`).
        let shift = if std::env::args().nth(3).as_deref() == Some("misaligned") { 4 } else { 0 };
        let mut buf_p = vec![0u32; n + 32];
        let mut buf_t = vec![0u32; n + 32];
        let aligned = |v: &mut Vec<u32>| {
            let off = (64 - v.as_ptr() as usize % 64) % 64 / 4 + shift;
            off..off + n
        };
        let (rp, rt) = (aligned(&mut buf_p), aligned(&mut buf_t));
        let data = &mut buf_p[rp];
        let other = &mut buf_t[rt];
        for (i, (x, y)) in data.iter_mut().zip(other.iter_mut()).enumerate() {
            *x = ((i as u64 * 2_654_435_761) % q as u64) as u32;
            *y = *x;
        }
        let align = |p: *const u32| p as usize % 64;
        println!(
            "alignment mod 64: data {} {}, twiddles {}",
            align(data.as_ptr()),
            align(other.as_ptr()),
            align(t.forward_twiddles().as_ptr())
        );
        let reps = (1 << 19) / n;
        let (mut pf, mut pi, mut tf, mut ti) = (vec![], vec![], vec![], vec![]);
        for _ in 0..301 {
            pf.push(batch(reps, || t.forward(black_box(&mut *data)).unwrap()));
            tf.push(batch(reps, || plan.fwd(black_box(&mut *other))));
            pi.push(batch(reps, || t.inverse(black_box(&mut *data)).unwrap()));
            ti.push(batch(reps, || plan.inv(black_box(&mut *other))));
            // Keep the data reduced for polyhe's debug asserts (tfhe's inv
            // is unnormalised, which does not matter for timing).
        }
        // Ratios of neighbouring batches cancel most of the machine's drift.
        let mut rf: Vec<f64> = pf.iter().zip(&tf).map(|(a, b)| a / b).collect();
        let mut ri: Vec<f64> = pi.iter().zip(&ti).map(|(a, b)| a / b).collect();
        let (rf, ri) = (median(&mut rf), median(&mut ri));
        let (pf, pi, tf, ti) = (median(&mut pf), median(&mut pi), median(&mut tf), median(&mut ti));
        println!(
            "N=2^{log_n}: fwd {pf:7.2} vs {tf:7.2} ({:.3})   inv {pi:7.2} vs {ti:7.2} ({:.3})   fwd {:.2} Gbfly/s",
            rf,
            ri,
            (n / 2 * log_n as usize) as f64 / pf / 1e3
        );
    }
}
