//! Measures each 128-bit preset's precision: bits of the largest slot error
//! after encryption, after one multiply + rescale, and at the last level of
//! a chain multiplying by a fresh ciphertext at every level (values on the
//! unit circle, so errors are relative).
//! Run: `cargo run --release -p polyhe-core --example preset_precision`.

use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters};
use polyhe_core::rng::insecure_test_rng;

fn bits(got: &[Complex], want: &[Complex]) -> f64 {
    let e = got.iter().zip(want).map(|(a, b)| (*a - *b).abs()).fold(0.0, f64::max);
    -e.log2()
}

fn main() -> Result<(), polyhe_core::Error> {
    for (name, params) in [
        ("preset_n13", Parameters::preset_n13()),
        ("preset_n14", Parameters::preset_n14()),
        ("preset_n15", Parameters::preset_n15()),
        ("preset_n16", Parameters::preset_n16()),
    ] {
        let depth = params.max_level();
        let ctx = Context::new(params)?;
        let mut rng = insecure_test_rng(9);
        let kg = KeyGenerator::new(&ctx);
        let sk = kg.gen_secret(&mut rng)?;
        let pk = kg.gen_public(&sk, &mut rng)?;
        let rk = kg.gen_relin(&sk, &mut rng)?;
        let ev = Evaluator::new(&ctx).with_relin_key(&rk)?;
        let slots = ctx.params().slots();
        let x: Vec<Complex> = (0..slots).map(|i| Complex::from_angle(i as f64 * 0.618)).collect();
        let mut ct = ctx.encrypt_pk(&pk, &x, &mut rng)?;
        let fresh = bits(&ctx.decrypt(&sk, &ct)?, &x);
        let mut want = x.clone();
        let mut after_one = 0.0;
        for step in 0..depth {
            let y = ctx.encrypt_pk_at(&pk, &x, ct.level(), ctx.params().default_scale(), &mut rng)?;
            ct = ev.rescale(&ev.mul_relin(&ct, &y)?)?;
            want = want.iter().zip(&x).map(|(a, b)| *a * *b).collect();
            if step == 0 {
                after_one = bits(&ctx.decrypt(&sk, &ct)?, &want);
            }
        }
        let last = bits(&ctx.decrypt(&sk, &ct)?, &want);
        println!("{name}: depth {depth}, fresh {fresh:.1} bits, after one mul+rescale {after_one:.1} bits, after {depth} products {last:.1} bits");
    }
    Ok(())
}
