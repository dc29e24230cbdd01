//! Runs one CKKS operation many times, for profiling with callgrind or
//! `perf` (criterion's statistics get in the way there):
//!
//! `cargo run --release -p polyhe-core --example ckks_ops -- mul_relin 14 20`
//!
//! Arguments: the operation (`mul_relin`, `rotate`, `rescale`, `encrypt`,
//! `decrypt`), log2 N (13 to 16; the sets of `benches/ckks.rs`)
//! and the repetition count. Prints the mean time per repetition.

use std::time::Instant;

use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters};
use polyhe_core::rng::insecure_test_rng;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let op = args.get(1).map(String::as_str).unwrap_or("mul_relin");
    let log_n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(14);
    let reps: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(20);
    let params = Parameters::peer_comparison(log_n).expect("log_n is 13, 14, 15 or 16");
    let ctx = Context::new(params).unwrap();
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
    let start = Instant::now();
    for _ in 0..reps {
        match op {
            "mul_relin" => drop(std::hint::black_box(ev.mul_relin(&ct, &ct).unwrap())),
            "rotate" => drop(std::hint::black_box(ev.rotate(&ct, 1).unwrap())),
            "rescale" => drop(std::hint::black_box(ev.rescale(&prod).unwrap())),
            "encrypt" => drop(std::hint::black_box(ctx.encrypt_pk(&pk, &z, &mut rng).unwrap())),
            "decrypt" => drop(std::hint::black_box(ctx.decrypt(&sk, &ct).unwrap())),
            other => panic!("unknown operation {other}"),
        }
    }
    println!("{op} N=2^{log_n}: {:.3} ms", start.elapsed().as_secs_f64() * 1e3 / reps as f64);
}
