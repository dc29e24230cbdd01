//! CKKS on the simulated accelerator: key generation, encryption, multiply +
//! relinearise and rescale give bit-identical keys and ciphertexts with
//! `CpuNtt` and with `FpgaNtt<SimLink>` (the rust-hdl NTT core behind the
//! byte protocol) from the same seeds. The simulation is slow, so the set
//! is tiny: N = 2^10, two Q primes and one special prime (insecure).

use std::sync::Arc;

use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters, ParametersLiteral, SecretDistribution};
use polyhe_core::rng::insecure_test_rng;
use polyhe_host::accel::{FpgaNtt, SimLink};

fn run(ctx: &Context) -> Vec<Vec<u8>> {
    let mut rng = insecure_test_rng(2026);
    let kg = KeyGenerator::new(ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let pk = kg.gen_public(&sk, &mut rng).unwrap();
    let rk = kg.gen_relin(&sk, &mut rng).unwrap();
    let ev = Evaluator::new(ctx).with_relin_key(&rk).unwrap();
    let x: Vec<Complex> = (0..16).map(|i| Complex::new(i as f64 / 16.0, -0.5)).collect();
    let a = ctx.encrypt_pk(&pk, &x, &mut rng).unwrap();
    let prod = ev.mul_relin(&a, &a).unwrap();
    let res = ev.rescale(&prod).unwrap();
    let out = ctx.decrypt(&sk, &res).unwrap();
    for (z, w) in out.iter().zip(&x) {
        assert!((*z - *w * *w).abs() < 1e-2, "{z:?} vs {:?}", *w * *w);
    }
    [pk.to_bytes(), rk.to_bytes(), a.to_bytes(), prod.to_bytes(), res.to_bytes()]
        .into_iter()
        .map(|b| b.unwrap())
        .collect()
}

#[test]
fn ckks_is_bit_identical_on_the_simulated_accelerator() {
    let params = Parameters::new_insecure(ParametersLiteral {
        log_n: 10,
        log_scale: 29,
        max_level: 1,
        primes_per_level: 1,
        log_base_headroom: 1,
        dnum: 2,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    })
    .unwrap();
    let cpu = run(&Context::new(params.clone()).unwrap());
    let fpga = Arc::new(FpgaNtt::new(SimLink::new()));
    let sim = run(&Context::with_engine(params, fpga.clone()).unwrap());
    let names = ["public key", "relinearisation key", "ciphertext", "product", "rescaled product"];
    for ((c, s), name) in cpu.iter().zip(&sim).zip(names) {
        assert!(c == s, "{name} differs between CpuNtt and FpgaNtt<SimLink>");
    }
    let stats = fpga.stats();
    assert!(stats.offloaded > 0, "nothing ran on the simulated device: {stats:?}");
    assert_eq!(stats.fell_back, 0, "the simulated device should not fail: {stats:?}");
}
