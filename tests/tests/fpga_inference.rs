//! Encrypted inference on the simulated accelerator: the bundled model's
//! forward pass gives bit-identical keys, input ciphertexts and logit
//! ciphertexts with `CpuNtt` and with `FpgaNtt<SimLink>` (the rust-hdl NTT
//! core behind the byte protocol) from the same seeds, and the decrypted
//! logits match the plaintext polynomial model.
//!
//! The rust-hdl simulation is slow (a limb's NTT at N = 2^10, with its
//! data and twiddles moved over the protocol, about 1 s of wall time on
//! this 2-core machine while other builds ran) and the device holds N <= 2^13, so these runs use an
//! insecure N = 2^10 set (`Parameters::new_insecure`) at the plan's depth,
//! and by default a cut-down model: the bundled model's linear part
//! (embedding, classifier, mean pooling by rotations) on 4x4 crops (4
//! tokens) and 2 classes. That is about 300 limb NTTs (counted with a
//! counting engine), with all of an inference's kinds of NTT work except
//! the activation and attention products: key generation
//! (relinearisation and Galois keys), encryption, plaintext products,
//! rescaling, rotations (key switching), decryption.
//!
//! On request (`cargo test --release -p polyhe-tests --test fpga_inference
//! -- --ignored`):
//! - a whole encrypted inference with the polynomial activations: a
//!   one-block vision model cut to the simulation's pace (4 tokens, width
//!   2, degree-3 activation tables refitted on the ranges it sees, depth
//!   11; see [`one_block_model`]): attention with its baby- and giant-step
//!   rotations, the pointwise attention activation, A V, the MLP with its
//!   activation, both residuals, pooling and the classifier, on 4 digits;
//!   the default suite checks that this model's CPU inference matches the
//!   plaintext model, the simulated run compares every key and ciphertext
//!   byte with the CPU run's;
//! - the bundled model's whole linear part (16 tokens, 10 classes: about
//!   840 limb NTTs, 12.6 minutes on the loaded machine);
//! - the whole bundled model (16 tokens, width 16, 2 heads, MLP 32, one
//!   block, 13 levels: about
//!   60,000 limb NTTs, so most of a day in the simulation; not run so far).

use std::sync::Arc;

use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters, ParametersLiteral, SecretDistribution};
use polyhe_core::he::{EncryptedModel, HePlan, Profile, Silent};
use polyhe_core::nn::{ActivationMode, Model};
use polyhe_core::rng::insecure_test_rng;
use polyhe_host::accel::{AccelStats, FpgaNtt, SimLink};

/// What one run produced: serialised keys and ciphertexts in order, and
/// the decrypted logits per sample.
struct Run {
    bytes: Vec<(String, Vec<u8>)>,
    logits: Vec<Vec<f64>>,
}

/// The first `samples` test digits, cropped to their top-left
/// `side x side` pixels.
fn images(samples: usize, side: usize) -> Vec<Vec<f64>> {
    let (_, test) = polyhe_host::data::digits::bundled_split().unwrap();
    (0..samples)
        .map(|i| {
            let px = test.image_f32(i).unwrap();
            (0..side * side).map(|k| f64::from(px[(k / side) * test.cols + k % side])).collect()
        })
        .collect()
}

fn params(depth: u32) -> Parameters {
    Parameters::new_insecure(ParametersLiteral {
        log_n: 10,
        log_scale: 29,
        max_level: depth,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum: 2,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    })
    .unwrap()
}

fn run(model: &Model, ctx: &Context, plan: &HePlan, images: &[Vec<f64>]) -> Run {
    let mut rng = insecure_test_rng(2027);
    let kg = KeyGenerator::new(ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let relin = kg.gen_relin(&sk, &mut rng).unwrap();
    let galois = kg.gen_galois(&sk, &plan.rotations, false, &mut rng).unwrap();
    let ev = Evaluator::new(ctx).with_relin_key(&relin).unwrap().with_galois_keys(&galois).unwrap();
    let refs: Vec<&[f64]> = images.iter().map(|v| &v[..]).collect();
    let columns = plan.layout.pack_images(&model.config, &refs).unwrap();
    let inputs: Vec<_> = columns
        .iter()
        .map(|c| {
            let z: Vec<Complex> = c.iter().map(|&x| Complex::new(x, 0.0)).collect();
            ctx.encrypt_sk(&sk, &z, &mut rng).unwrap()
        })
        .collect();
    let out =
        EncryptedModel::new(model, plan).unwrap().forward(&ev, &inputs, &mut Silent, &mut Profile::default()).unwrap();
    let mut bytes = vec![("relinearisation key".to_string(), relin.to_bytes().unwrap())];
    bytes.push(("Galois keys".to_string(), galois.to_bytes(ctx).unwrap()));
    for (i, c) in inputs.iter().enumerate() {
        bytes.push((format!("input column {i}"), c.to_bytes().unwrap()));
    }
    for (i, c) in out.iter().enumerate() {
        bytes.push((format!("logit column {i}"), c.to_bytes().unwrap()));
    }
    let dec: Vec<Vec<f64>> = out.iter().map(|c| ctx.decrypt_real(&sk, c).unwrap()).collect();
    Run { bytes, logits: plan.layout.unpack_logits(&dec, images.len()).unwrap() }
}

/// Asserts the decrypted `logits` are within 1e-2 x max(1, |logit|) of
/// the plaintext polynomial model's on `images`; returns the largest error.
fn check_logits(model: &Model, images: &[Vec<f64>], logits: &[Vec<f64>]) -> f64 {
    let mut worst = 0.0f64;
    for (img, got) in images.iter().zip(logits) {
        let want = model.logits(img, ActivationMode::Polynomial).unwrap();
        let err = want.iter().zip(got).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        let largest = want.iter().fold(1.0f64, |m, x| m.max(x.abs()));
        assert!(err <= 1e-2 * largest, "logit error {err:e} (largest logit {largest})");
        worst = worst.max(err);
    }
    worst
}

/// Runs `model` on the CPU and on the simulated device; asserts equal
/// bytes and logits close to the plaintext model's. Returns the device's
/// counters.
fn bit_identical(model: &Model, samples: usize) -> AccelStats {
    let images = images(samples, model.config.image_rows as usize);
    let plan = HePlan::with_params(model, params(HePlan::depth_of(model).unwrap())).unwrap();
    let cpu = run(model, &Context::new(plan.params.clone()).unwrap(), &plan, &images);
    let fpga = Arc::new(FpgaNtt::new(SimLink::new()));
    let sim = run(model, &Context::with_engine(plan.params.clone(), fpga.clone()).unwrap(), &plan, &images);
    assert_eq!(cpu.bytes.len(), sim.bytes.len());
    for ((name, c), (_, s)) in cpu.bytes.iter().zip(&sim.bytes) {
        assert!(c == s, "{name} differs between CpuNtt and FpgaNtt<SimLink>");
    }
    check_logits(model, &images, &sim.logits);
    let s = fpga.stats();
    assert!(s.offloaded > 0, "nothing ran on the simulated device: {s:?}");
    assert_eq!((s.fell_back, s.unsupported), (0, 0), "{s:?}");
    s
}

fn bundled() -> Model {
    polyhe_host::infer::load_model(None).unwrap().model
}

/// The bundled model's linear part (no blocks), on `side x side` images
/// (the first tokens' positional embeddings) and its first `classes`
/// classes.
fn linear_part(side: u32, classes: u32) -> Model {
    let b = bundled();
    let width = b.config.width as usize;
    let config = polyhe_core::nn::ModelConfig { image_rows: side, image_cols: side, blocks: 0, classes, ..b.config };
    let mut head = polyhe_core::nn::Linear::zeros(b.head.inputs, classes);
    for i in 0..width {
        for o in 0..classes as usize {
            head.weight[i * classes as usize + o] = b.head.weight[i * b.head.outputs as usize + o];
        }
    }
    head.bias.copy_from_slice(&b.head.bias[..classes as usize]);
    let tokens = config.tokens();
    let model =
        Model { pos: b.pos[..tokens * width].to_vec(), blocks: Vec::new(), head, calibration: None, config, ..b };
    model.validate().unwrap();
    model
}

#[test]
fn linear_model_is_bit_identical_on_the_simulated_accelerator() {
    let s = bit_identical(&linear_part(4, 2), 2);
    // Key generation, encryption, classifier, pooling rotations, on the device.
    assert!(s.offloaded > 50, "{s:?}");
}

#[test]
#[ignore]
fn linear_part_of_the_bundled_model_is_bit_identical_on_the_simulated_accelerator() {
    bit_identical(&linear_part(8, 10), 4);
}

/// A one-block vision model small enough for the simulation: 8x8 digits
/// in 4x4 patches (4 tokens, so the attention's shifts take one baby and
/// one giant step), width 2, one head, MLP hidden width 4, 2 classes.
/// Weights are drawn from a seeded ChaCha20 stream (scaled like a
/// default initialisation); then, as conversion does, both activation
/// tables are refitted (minimax, degree 3, two levels each) on the ranges
/// the exact model sees on the first 32 test digits, widened by 0.5 on
/// each side. Depth 11 at N = 2^10.
fn one_block_model() -> Model {
    use polyhe_core::approx::{Activation, ApproxTable, FitMethod};
    use polyhe_core::nn::{Block, Linear, ModelConfig};
    use rand_core::RngCore;

    let config = ModelConfig {
        image_rows: 8,
        image_cols: 8,
        patch_rows: 4,
        patch_cols: 4,
        width: 2,
        heads: 1,
        mlp_hidden: 4,
        blocks: 1,
        classes: 2,
        causal: false,
    };
    let mut rng = insecure_test_rng(31);
    let mut uniform = |scale: f32| ((rng.next_u32() >> 8) as f32 / (1u32 << 24) as f32 * 2.0 - 1.0) * scale;
    let mut linear = |inputs: u32, outputs: u32| {
        let mut l = Linear::zeros(inputs, outputs);
        let scale = 1.0 / (inputs as f32).sqrt();
        l.weight.iter_mut().for_each(|w| *w = uniform(scale));
        l.bias.iter_mut().for_each(|b| *b = uniform(0.1));
        l
    };
    let (d, hidden) = (config.width, config.mlp_hidden);
    let placeholder = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, -1.0, 1.0, 3).unwrap();
    let block = Block {
        q: linear(d, d),
        k: linear(d, d),
        v: linear(d, d),
        score_scale: vec![0.5],
        score_shift: vec![0.1],
        attn_act: placeholder.clone(),
        o: linear(d, d),
        mlp_in: linear(d, hidden),
        mlp_act: placeholder,
        mlp_out: linear(hidden, d),
    };
    let embed = linear(config.patch_pixels() as u32, d);
    let head = linear(d, config.classes);
    let pos = (0..config.tokens() * d as usize).map(|_| uniform(0.5)).collect();
    let mut model = Model { config, embed, pos, blocks: vec![block], head, calibration: None, norms: None };
    let calibration = images(32, 8);
    let report = model.calibrate(calibration.iter().map(|v| &v[..]), ActivationMode::Exact).unwrap();
    let [attn, mlp] = &report.sites[..] else { panic!("one block has two activation sites: {report:?}") };
    model.blocks[0].attn_act =
        ApproxTable::fit(Activation::Relu, FitMethod::Minimax, attn.min - 0.5, attn.max + 0.5, 3).unwrap();
    model.blocks[0].mlp_act =
        ApproxTable::fit(Activation::Gelu, FitMethod::Minimax, mlp.min - 0.5, mlp.max + 0.5, 3).unwrap();
    model.validate().unwrap();
    model
}

#[test]
#[ignore]
fn one_block_model_is_bit_identical_on_the_simulated_accelerator() {
    let s = bit_identical(&one_block_model(), 4);
    eprintln!("{s:?}");
}

#[test]
fn one_block_model_matches_the_plaintext_model_on_the_cpu() {
    let model = one_block_model();
    let images = images(4, 8);
    let plan = HePlan::with_params(&model, params(HePlan::depth_of(&model).unwrap())).unwrap();
    assert_eq!(plan.depth, 11, "{:?}", plan.layers);
    let cpu = run(&model, &Context::new(plan.params.clone()).unwrap(), &plan, &images);
    let err = check_logits(&model, &images, &cpu.logits);
    eprintln!("max logit error {err:e}; logits {:?}", cpu.logits);
}

#[test]
#[ignore]
fn whole_bundled_model_is_bit_identical_on_the_simulated_accelerator() {
    bit_identical(&bundled(), 4);
}
