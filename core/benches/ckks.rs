//! Criterion benchmarks of CKKS operations on parameter sets matching the
//! peers' figures in `shared/ANCHORS.md` (same N and about the same log2 Q,
//! with polyhe's 30-bit primes; each set is 128-bit secure).
//!
//! Groups per N: `keygen_pk`, `keygen_relin`, `keygen_galois` (one key),
//! `encrypt` (encode + public-key encryption of N/2 slots), `decrypt`
//! (decryption + decoding), `mul_relin`, `rescale`, `rotate` (by one slot).
//!
//! Run: `cargo bench -p polyhe-core --bench ckks` (filter with e.g.
//! `-- 'ckks-14/'`). `polyhe bench ckks` prints the same figures as a table.
//! Each set first prints its log2 Q and its ciphertext and key sizes.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters};
use polyhe_core::rng::insecure_test_rng;

fn bench(c: &mut Criterion) {
    for log_n in 13..=16 {
        let ctx = Context::new(Parameters::peer_comparison(log_n).expect("bench sets are 128-bit secure")).unwrap();
        let mut rng = insecure_test_rng(1);
        let kg = KeyGenerator::new(&ctx);
        let sk = kg.gen_secret(&mut rng).unwrap();
        let pk = kg.gen_public(&sk, &mut rng).unwrap();
        let rk = kg.gen_relin(&sk, &mut rng).unwrap();
        let gk = kg.gen_galois(&sk, &[1], false, &mut rng).unwrap();
        let ev = Evaluator::new(&ctx).with_relin_key(&rk).unwrap().with_galois_keys(&gk).unwrap();
        let z: Vec<Complex> = (0..ctx.params().slots()).map(|i| Complex::new((i as f64).sin(), 0.0)).collect();
        let ct = ctx.encrypt_pk(&pk, &z, &mut rng).unwrap();
        let prod = ev.mul_relin(&ct, &ct).unwrap();
        // Sizes for BENCHMARKS.md (serialised files, postcard).
        println!(
            "ckks-{log_n}: log2 Q = {:.0}, {} limbs; ciphertext {} bytes, relinearisation key {} bytes, public key {} bytes",
            ctx.params().q_primes().iter().map(|&q| (q as f64).log2()).sum::<f64>(),
            ctx.params().q_primes().len(),
            ct.to_bytes().unwrap().len(),
            rk.to_bytes().unwrap().len(),
            pk.to_bytes().unwrap().len(),
        );

        let mut g = c.benchmark_group(format!("ckks-{log_n}"));
        g.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
        g.bench_function("keygen_pk", |b| b.iter(|| black_box(kg.gen_public(&sk, &mut rng).unwrap())));
        g.bench_function("keygen_relin", |b| b.iter(|| black_box(kg.gen_relin(&sk, &mut rng).unwrap())));
        g.bench_function("keygen_galois", |b| b.iter(|| black_box(kg.gen_galois(&sk, &[1], false, &mut rng).unwrap())));
        g.bench_function("encrypt", |b| b.iter(|| black_box(ctx.encrypt_pk(&pk, &z, &mut rng).unwrap())));
        g.bench_function("decrypt", |b| b.iter(|| black_box(ctx.decrypt(&sk, &ct).unwrap())));
        g.bench_function("mul_relin", |b| b.iter(|| black_box(ev.mul_relin(&ct, &ct).unwrap())));
        g.bench_function("rescale", |b| b.iter(|| black_box(ev.rescale(&prod).unwrap())));
        g.bench_function("rotate", |b| b.iter(|| black_box(ev.rotate(&ct, 1).unwrap())));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
