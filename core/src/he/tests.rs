//! Encrypted inference against the plaintext polynomial model
//! ([`Model::logits`] with [`ActivationMode::Polynomial`]) on random
//! models whose activation intervals are calibrated first.

use std::vec::Vec;

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

use super::*;
use crate::approx::{Activation, ApproxTable, FitMethod};
use crate::ckks::{Context, Evaluator, KeyGenerator, Parameters, ParametersLiteral, SecretDistribution};
use crate::nn::tests::{image, random_model};
use crate::nn::{ActivationMode, Model, ModelConfig};

fn config(blocks: u32) -> ModelConfig {
    sized_config(blocks, 4)
}

/// `side x side` images in 2x2 patches: `(side / 2)^2` tokens.
fn sized_config(blocks: u32, side: u32) -> ModelConfig {
    ModelConfig {
        image_rows: side,
        image_cols: side,
        patch_rows: 2,
        patch_cols: 2,
        width: 4,
        heads: 2,
        mlp_hidden: 8,
        blocks,
        classes: 3,
        causal: false,
    }
}

/// A random model whose tables are refitted (ReLU degree 7, GELU degree
/// 9, minimax) on the ranges the exact model sees on `images`, plus a
/// margin, as conversion does.
fn calibrated_model(config: ModelConfig, seed: u64, images: &[Vec<f64>]) -> Model {
    let mut m = random_model(config, seed);
    let report = m.calibrate(images.iter().map(|v| &v[..]), ActivationMode::Exact).unwrap();
    for (i, site) in report.sites.iter().enumerate() {
        let (lo, hi) = (site.min - 0.5, site.max + 0.5);
        let b = &mut m.blocks[i / 2];
        if i % 2 == 0 {
            b.attn_act = ApproxTable::fit(Activation::Relu, FitMethod::Minimax, lo, hi, 7).unwrap();
        } else {
            b.mlp_act = ApproxTable::fit(Activation::Gelu, FitMethod::Minimax, lo, hi, 9).unwrap();
        }
    }
    m.validate().unwrap();
    m
}

fn insecure_params(log_n: u32, depth: u32) -> Parameters {
    Parameters::new_insecure(ParametersLiteral {
        log_n,
        log_scale: 29,
        max_level: depth,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum: 4,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    })
    .unwrap()
}

#[test]
fn plan_counts_levels_rotations_and_parameters() {
    let m = random_model(config(1), 1);
    let plan = HePlan::new(&m).unwrap();
    // ReLU degree 7 (3 levels) and GELU degree 9 (4): 6 + 3 + 4 + 1.
    assert_eq!(plan.depth, 14, "{:?}", plan.layers);
    assert_eq!(plan.layers.iter().map(|l| l.levels).sum::<u32>(), 14);
    assert_eq!(plan.params.max_level(), 14);
    assert!(plan.params.security_bits() >= 128);
    // Q alone (two 30-bit base primes and 14 of 29 bits, about 466 bits)
    // exceeds 2^14's 438-bit bound: the smallest secure ring is 2^15.
    assert_eq!(plan.params.log_n(), 15);
    assert!(plan.params.log_q_at(14) > 438.0);
    assert_eq!(plan.layout.tokens, 4);
    assert_eq!(plan.layout.batch, plan.params.slots() / 4);
    // Four shifts as 2 baby x 2 giant steps: keys for B and 2B only.
    assert_eq!(plan.layout.bsgs(), (2, 2));
    assert_eq!(plan.rotations, [1, 2].map(|r| (r * plan.layout.batch) as i64));
    // Per block: K and V baby steps (4 columns x 1), Q and partial-sum
    // giant steps (4 x 1 each), scores' and A's giant steps (2 heads x 1 x
    // 2); then 2 pooling steps per class.
    assert_eq!(plan.rotation_count, 4 + 4 + 4 + 4 + 4 + 4 + 2 * 3);
    let wide = Layout::new(16, 1 << 14).unwrap();
    assert_eq!(wide.bsgs(), (4, 4));
    let b = wide.batch as i64;
    assert_eq!(wide.rotations(), [1, 2, 3, 4, 8, 12].map(|r| r * b));
    // Too deep for any 128-bit set: 40 blocks.
    let mut deep = random_model(config(1), 2);
    deep.blocks = (0..40).map(|_| deep.blocks[0].clone()).collect();
    deep.config.blocks = 40;
    assert!(matches!(HePlan::new(&deep), Err(Error::TooDeep { .. })));
    // Token counts that are not powers of two cannot be packed.
    let mut odd = config(0);
    odd.image_cols = 6;
    let odd = random_model(odd, 3);
    assert!(matches!(HePlan::new(&odd), Err(Error::Unsupported { .. })));
}

#[test]
fn packing_places_patches_token_major() {
    let c = config(1);
    let lay = Layout::new(c.tokens(), 16).unwrap();
    assert_eq!(lay.batch, 4);
    let img: Vec<f64> = (0..16).map(f64::from).collect();
    let cols = lay.pack_images(&c, &[&img, &img]).unwrap();
    assert_eq!(cols.len(), 4);
    // Token 1 is the top-right 2x2 patch: pixels 2, 3, 6, 7.
    for (p, want) in [2.0, 3.0, 6.0, 7.0].iter().enumerate() {
        assert_eq!(cols[p][lay.slot(1, 0)], *want);
        assert_eq!(cols[p][lay.slot(1, 1)], *want);
        assert_eq!(cols[p][lay.slot(1, 2)], 0.0, "no third sample");
    }
    assert!(matches!(lay.pack_images(&c, &[&img[..15]]), Err(Error::Shape { .. })));
    assert!(matches!(lay.pack_images(&c, &[&img[..]; 5]), Err(Error::Shape { .. })));
}

/// Encrypts 8 images, evaluates, decrypts; the logits must agree with the
/// plaintext polynomial model to 1e-3 relative to the largest logit (the
/// 29-bit scale gives about 2^-15 per rescale at N = 2^12; measured errors
/// are near 1e-5).
fn check_encrypted(blocks: u32, side: u32, seed: u64) {
    check_encrypted_config(sized_config(blocks, side), seed);
}

fn check_encrypted_config(c: ModelConfig, seed: u64) {
    let blocks = c.blocks;
    let images: Vec<Vec<f64>> = (0..8).map(|s| image(100 + s + seed, c.input_len())).collect();
    let model = calibrated_model(c, seed, &images);
    let depth = HePlan::depth_of(&model).unwrap();
    let plan = HePlan::with_params(&model, insecure_params(12, depth)).unwrap();
    let ctx = Context::new(plan.params.clone()).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(9);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let relin = kg.gen_relin(&sk, &mut rng).unwrap();
    let galois = kg.gen_galois(&sk, &plan.rotations, false, &mut rng).unwrap();
    let ev = Evaluator::new(&ctx).with_relin_key(&relin).unwrap().with_galois_keys(&galois).unwrap();
    let refs: Vec<&[f64]> = images.iter().map(|v| &v[..]).collect();
    let cols = plan.layout.pack_images(&model.config, &refs).unwrap();
    let inputs: Vec<_> = cols
        .iter()
        .map(|c| {
            let z: Vec<_> = c.iter().map(|&x| crate::ckks::Complex::new(x, 0.0)).collect();
            ctx.encrypt_sk(&sk, &z, &mut rng).unwrap()
        })
        .collect();
    let enc = EncryptedModel::new(&model, &plan).unwrap();
    let mut profile = Profile::default();
    let out = enc.forward(&ev, &inputs, &mut Silent, &mut profile).unwrap();
    assert_eq!(out.len(), 3);
    assert_eq!(out[0].level(), plan.params.max_level() - plan.depth, "the plan's depth is what was used");
    let dec: Vec<Vec<f64>> = out.iter().map(|c| ctx.decrypt_real(&sk, c).unwrap()).collect();
    let got = plan.layout.unpack_logits(&dec, images.len()).unwrap();
    let (mut worst, mut largest) = (0.0f64, 1.0f64);
    for (img, g) in images.iter().zip(&got) {
        let want = model.logits(img, ActivationMode::Polynomial).unwrap();
        for (a, b) in want.iter().zip(g) {
            worst = worst.max((a - b).abs());
            largest = largest.max(a.abs());
        }
    }
    assert!(worst <= 1e-3 * largest, "{blocks} blocks: max logit error {worst:e} (largest logit {largest})");
    // Timed sections cover every layer once per kind used.
    assert!(profile.by_layer().iter().any(|(l, _)| l == "classifier"));
}

#[test]
fn encrypted_logits_match_the_plaintext_polynomial_model() {
    check_encrypted(1, 4, 7);
}

#[test]
fn linear_and_two_block_models_match_too() {
    check_encrypted(0, 4, 8);
    check_encrypted(2, 4, 9);
}

#[test]
fn causal_masks_match_the_plaintext_model() {
    // 16 tokens: every shift's mask differs; 4 baby x 4 giant steps.
    let mut c = sized_config(1, 8);
    c.causal = true;
    let m = random_model(c.clone(), 3);
    let plan = HePlan::new(&m).unwrap();
    assert!(plan.layers.iter().any(|l| l.name.contains("causal mask") && l.levels == 1));
    check_encrypted_config(c, 11);
}

#[test]
fn sixteen_tokens_use_four_baby_and_four_giant_steps() {
    check_encrypted(1, 8, 10);
}

#[test]
fn language_form_models_are_refused_with_a_typed_error() {
    let vision = random_model(sized_config(1, 4), 5);
    let lang = crate::nn::tests::with_norms(vision.clone());
    let refused = |r: Result<()>| match r {
        Err(Error::Unsupported { reason }) => assert!(reason.contains("LayerNorm"), "{reason}"),
        other => panic!("{other:?}"),
    };
    refused(HePlan::new(&lang).map(|_| ()));
    refused(HePlan::depth_of(&lang).map(|_| ()));
    // Nor can a plan made for the vision form run it.
    let plan = HePlan::new(&vision).unwrap();
    refused(EncryptedModel::new(&lang, &plan).map(|_| ()));
    assert!(EncryptedModel::new(&vision, &plan).is_ok());
}
