//! `polyhe_core::ckks::wire` (the firmware's no-allocation writer and
//! reader) and `polyhe_core::ckks::files` (the host's) agree byte for byte,
//! in both directions, and refuse the same corrupted inputs with the same
//! typed errors. Semantically too: a ciphertext the device path encrypts
//! under a host public key decrypts on the host, and a host ciphertext
//! under the device path's public key decrypts on the device path.

use polyhe_core::ckks::client;
use polyhe_core::ckks::encoding::{decode_into, encode_in_place};
use polyhe_core::ckks::wire::{self, CiphertextMeta};
use polyhe_core::ckks::{
    Ciphertext, Complex, Context, Evaluator, KeyGenerator, Parameters, ParametersLiteral, PublicKey, SecretDistribution,
};
use polyhe_core::ntt::CpuNtt;
use polyhe_core::ring::{PolyMut, PolyRef};
use polyhe_core::Error;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// The firmware's N = 2^12 set: three 30-bit Q primes (insecure flag: QP
/// exceeds the table by the special prime).
fn firmware_n4096() -> Parameters {
    Parameters::new_insecure(ParametersLiteral {
        log_n: 12,
        log_scale: 30,
        max_level: 1,
        primes_per_level: 1,
        log_base_headroom: 30,
        dnum: 3,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    })
    .unwrap()
}

fn values(n: usize) -> Vec<Complex> {
    (0..n).map(|i| Complex::new((i as f64 * 0.37).sin(), (i as f64 * 0.11).cos() * 0.5)).collect()
}

fn max_err(a: &[Complex], b: &[Complex]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (*x - *y).abs()).fold(0.0, f64::max)
}

/// Host ciphertext -> files bytes -> wire reader -> wire writer: the same
/// bytes and residues, at every level.
fn host_to_wire_and_back(params: Parameters) {
    let ctx = Context::new(params.clone()).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(60);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let pk = kg.gen_public(&sk, &mut rng).unwrap();
    let mut ct = ctx.encrypt_pk(&pk, &values(64), &mut rng).unwrap();
    let ev = Evaluator::new(&ctx);
    let n = params.n();
    let k = params.q_primes().len();
    loop {
        let host = ct.to_bytes().unwrap();
        let (mut c0, mut c1) = (vec![0u32; k * n], vec![0u32; k * n]);
        let meta = wire::read_ciphertext(&params, &host, &mut c0, &mut c1).unwrap();
        assert_eq!(meta, CiphertextMeta { level: ct.level(), scale: ct.scale(), slots: ct.slots() });
        let len = ct.parts().0.data().len();
        assert_eq!(&c0[..len], ct.parts().0.data());
        assert_eq!(&c1[..len], ct.parts().1.data());
        let mut out = vec![0u8; wire::max_ciphertext_len(n, k)];
        let written = wire::write_ciphertext(&params, &meta, &c0[..len], &c1[..len], &mut out).unwrap();
        assert_eq!(&out[..written], &host[..], "level {}", ct.level());
        assert!(written <= wire::ciphertext_len(&params, &meta).unwrap());
        if ct.level() == 0 {
            break;
        }
        ct = ev.rescale(&ev.mul_const(&ct, 0.5).unwrap()).unwrap();
    }
}

#[test]
fn host_bytes_equal_wire_bytes_n4096_three_primes() {
    host_to_wire_and_back(firmware_n4096());
}

#[test]
fn host_bytes_equal_wire_bytes_preset_n13_all_levels() {
    host_to_wire_and_back(Parameters::preset_n13());
}

#[test]
fn device_encrypts_under_host_key_and_host_decrypts() {
    let params = firmware_n4096();
    let ctx = Context::new(params.clone()).unwrap();
    let mut rng = ChaCha20Rng::seed_from_u64(61);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let pk = kg.gen_public(&sk, &mut rng).unwrap();
    let n = params.n();
    let k = params.q_primes().len();
    let tables = ctx.q_tables(params.max_level());

    // The device reads the host's public key ...
    let pk_bytes = pk.to_bytes().unwrap();
    let mut b = vec![0u32; k * n];
    let seed = wire::read_public_key(&params, &pk_bytes, &mut b).unwrap();
    let mut again = vec![0u8; wire::public_key_len(&params)];
    let w = wire::write_public_key(&params, &b, &seed, &mut again).unwrap();
    assert_eq!(&again[..w], &pk_bytes[..]);

    // ... encrypts with the no-allocation path and writes the ciphertext ...
    let want = values(n / 2);
    let mut z = want.clone();
    let mut pt_buf = vec![0u32; k * n];
    let mut pt = PolyMut::zeroed(tables, &mut pt_buf).unwrap();
    encode_in_place(&mut z, params.default_scale(), &mut pt).unwrap();
    let (mut c0, mut c1, mut small, mut scratch) = (vec![0u32; k * n], vec![0u32; k * n], vec![0i8; n], vec![0u32; n]);
    client::encrypt_pk(&params, &CpuNtt, &b, &seed, pt, &mut rng, &mut c0, &mut c1, &mut small, &mut scratch).unwrap();
    let meta = CiphertextMeta { level: params.max_level(), scale: params.default_scale(), slots: n / 2 };
    let mut bytes = vec![0u8; wire::max_ciphertext_len(n, k)];
    let len = wire::write_ciphertext(&params, &meta, &c0, &c1, &mut bytes).unwrap();
    let bytes = &bytes[..len];

    // ... which the host reads, writes back identically, and decrypts.
    let ct = Ciphertext::from_bytes(&ctx, bytes).unwrap();
    assert_eq!(ct.parts().0.data(), &c0[..]);
    assert_eq!(ct.to_bytes().unwrap(), bytes);
    let got = ctx.decrypt(&sk, &ct).unwrap();
    assert!(max_err(&got, &want) < 1e-3, "{}", max_err(&got, &want));
}

#[test]
fn host_encrypts_under_device_key_and_device_decrypts() {
    let params = firmware_n4096();
    let ctx = Context::new(params.clone()).unwrap();
    let n = params.n();
    let k = params.q_primes().len();
    let tables = ctx.q_tables(params.max_level());
    let mut rng = ChaCha20Rng::seed_from_u64(62);

    // The device makes its keys and writes its public key ...
    let mut sk = vec![0i8; n];
    client::generate_secret(&params, &mut rng, &mut sk, &mut []).unwrap();
    let mut s_buf = vec![0u32; k * n];
    let s_eval = client::secret_to_eval(&CpuNtt, tables, &sk, &mut s_buf).unwrap();
    let seed = [5u8; 32];
    let (mut b, mut small, mut scratch) = (vec![0u32; k * n], vec![0i8; n], vec![0u32; n]);
    client::generate_public_key(&params, &CpuNtt, &s_eval.as_ref(), &seed, &mut rng, &mut b, &mut small, &mut scratch)
        .unwrap();
    let mut pk_bytes = vec![0u8; wire::public_key_len(&params)];
    let w = wire::write_public_key(&params, &b, &seed, &mut pk_bytes).unwrap();
    let pk = PublicKey::from_bytes(&ctx, &pk_bytes[..w]).unwrap();
    assert_eq!(pk.to_bytes().unwrap(), &pk_bytes[..w]);

    // ... the host encrypts under it; the device reads and decrypts.
    let want = values(256);
    let ct = ctx.encrypt_pk(&pk, &want, &mut rng).unwrap();
    let (mut c0, mut c1) = (vec![0u32; k * n], vec![0u32; k * n]);
    let meta = wire::read_ciphertext(&params, &ct.to_bytes().unwrap(), &mut c0, &mut c1).unwrap();
    let kl = params.limbs_at(meta.level);
    let mut out = vec![0u32; kl * n];
    let s = PolyRef::new(tables, s_eval.as_ref().data()).unwrap();
    let dec = client::decrypt(&CpuNtt, &tables[..kl], &s, &c0[..kl * n], &c1[..kl * n], &mut out).unwrap();
    let mut got = vec![Complex::default(); meta.slots];
    decode_into(&dec.as_ref(), meta.scale, &mut got).unwrap();
    assert!(max_err(&got, &want) < 1e-3, "{}", max_err(&got, &want));
}

#[test]
fn both_readers_refuse_the_same_corruptions() {
    let params = firmware_n4096();
    let ctx = Context::new(params.clone()).unwrap();
    let other = Parameters::preset_n13();
    let mut rng = ChaCha20Rng::seed_from_u64(63);
    let kg = KeyGenerator::new(&ctx);
    let sk = kg.gen_secret(&mut rng).unwrap();
    let pk = kg.gen_public(&sk, &mut rng).unwrap();
    let good = ctx.encrypt_pk(&pk, &values(8), &mut rng).unwrap().to_bytes().unwrap();
    let n = params.n();
    let k = params.q_primes().len();
    let wire_read = |bytes: &[u8]| {
        let (mut c0, mut c1) = (vec![0u32; k * n], vec![0u32; k * n]);
        wire::read_ciphertext(&params, bytes, &mut c0, &mut c1)
    };
    let host_read = |bytes: &[u8]| Ciphertext::from_bytes(&ctx, bytes).map(|_| ());

    let mut cases: Vec<(String, Vec<u8>)> =
        vec![("empty".into(), vec![]), ("not polyhe".into(), b"hello world".to_vec())];
    for cut in [3, 7, 20, good.len() / 2, good.len() - 1] {
        cases.push((format!("truncated at {cut}"), good[..cut].to_vec()));
    }
    for pos in [0, 6, 7, 12, 30, good.len() / 2, good.len() - 12, good.len() - 1] {
        let mut bad = good.clone();
        bad[pos] ^= 0x10;
        cases.push((format!("flip at {pos}"), bad));
    }
    let mut trailing = good.clone();
    trailing.push(0);
    cases.push(("trailing byte".into(), trailing));
    cases.push(("public key".into(), pk.to_bytes().unwrap()));
    let mut wrong_kind = good.clone();
    wrong_kind[6] = 9; // an unknown kind byte
    cases.push(("unknown kind".into(), wrong_kind));
    for (what, bytes) in &cases {
        let h = host_read(bytes).unwrap_err();
        let w = wire_read(bytes).unwrap_err();
        assert_eq!(w, h, "{what}");
    }
    assert!(matches!(
        wire_read(&pk.to_bytes().unwrap()),
        Err(Error::WrongFileKind { expected: "ciphertext", found: "public key" })
    ));

    // Another parameter set: the fingerprint differs.
    let mut c = vec![0u32; 16 * 8192];
    let mut d = vec![0u32; 16 * 8192];
    assert!(matches!(wire::read_ciphertext(&other, &good, &mut c, &mut d), Err(Error::ParameterMismatch { .. })));
    // Too small an output buffer.
    assert!(matches!(
        wire::read_ciphertext(&params, &good, &mut c[..10], &mut d[..10]),
        Err(Error::LengthMismatch { .. })
    ));
}
