//! Generates (or checks) the firmware's test vectors with the host build of
//! polyhe-core: modular arithmetic and NTT outputs for fixed inputs, which
//! the on-target tests in `firmware/tests/` must reproduce bit for bit on the
//! Cortex-M4 under QEMU.
//!
//! The committed file is `tests/data/firmware_vectors.bin` (format in
//! `firmware/tests/common/vectors.rs`, shared with the firmware). This test
//! fails when the host's results differ from the file; after an intended
//! change, regenerate it with
//! `POLYHE_REGEN_VECTORS=1 cargo test -p polyhe-tests --test firmware_vectors`
//! and commit the new file.

#[path = "../../firmware/tests/common/vectors.rs"]
#[allow(dead_code)] // the reader half of the shared module is for the firmware
mod vectors;

use polyhe_core::arith::{Modulus, NttPrimes};
use polyhe_core::ntt::{Kernel, NttTable};
use std::path::PathBuf;
use vectors::{field, ntt_inputs, splitmix64, Reader, Section, NO_INVERSE, PATTERN_MAX, PATTERN_RANDOM};

/// Arithmetic records per modulus: 16 edge-value pairs, the rest random.
const ARITH_RECORDS: usize = 64;

fn vector_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/firmware_vectors.bin")
}

fn nth_prime(bits: u32, n: usize, k: usize) -> u32 {
    NttPrimes::new(bits, n).unwrap().nth(k).unwrap()
}

/// The moduli of the arithmetic sections: the NTT primes below plus edge
/// moduli (a small prime, the largest allowed composite, and 2 and 3).
fn arith_moduli() -> Vec<u32> {
    vec![nth_prime(30, 1024, 0), nth_prime(30, 1024, 1), nth_prime(20, 1024, 0), 12289, (1 << 30) - 1, 3, 2]
}

/// The NTT cases `(n, q, pattern, seed)`: kept to N <= 4096 and a handful of
/// primes so the on-target run stays a few seconds under QEMU.
fn ntt_cases() -> Vec<(usize, u32, u32, u64)> {
    vec![
        (1024, nth_prime(30, 1024, 0), PATTERN_RANDOM, 1),
        (1024, nth_prime(30, 1024, 1), PATTERN_RANDOM, 2),
        (1024, nth_prime(20, 1024, 0), PATTERN_RANDOM, 3),
        (1024, nth_prime(30, 1024, 0), PATTERN_MAX, 0),
        (4096, nth_prime(30, 4096, 0), PATTERN_RANDOM, 4),
    ]
}

/// One arithmetic record's inputs: edge values first, then SplitMix64 draws.
fn arith_inputs(q: u32, i: usize, s: &mut u64) -> [u32; 6] {
    let edge = [0, 1, q - 1, q / 2];
    let r = splitmix64(s);
    let r2 = splitmix64(s);
    let (a, b) =
        if i < 16 { (edge[i % 4], edge[i / 4]) } else { ((r % q as u64) as u32, ((r >> 32) % q as u64) as u32) };
    let c = [0, u32::MAX, q, 4 * q - 1].get(i).copied().unwrap_or(r2 as u32);
    let e = [0, 1, 2, q.wrapping_sub(2), u32::MAX].get(i).copied().unwrap_or((r2 >> 32) as u32);
    let x = [0, u64::MAX, 1 << 63, (1 << 63) - 1, q as u64 * q as u64].get(i).copied().unwrap_or(splitmix64(s));
    [a, b, c, e, x as u32, (x >> 32) as u32]
}

/// `base^e mod q` by plain u128 arithmetic: an independent reference.
fn pow_ref(base: u32, mut e: u64, q: u32) -> u32 {
    let (q, mut b, mut acc) = (q as u128, base as u128 % q as u128, 1u128 % q as u128);
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * b % q;
        }
        b = b * b % q;
        e >>= 1;
    }
    acc as u32
}

fn arith_record(m: &Modulus, inputs: [u32; 6]) -> [u32; field::WORDS] {
    let [a, b, c, e, x_lo, x_hi] = inputs;
    let x = x_lo as u64 | (x_hi as u64) << 32;
    let mut r = [0u32; field::WORDS];
    r[..6].copy_from_slice(&inputs);
    let ws = m.shoup(b);
    r[field::ADD] = m.add(a, b);
    r[field::SUB] = m.sub(a, b);
    r[field::NEG] = m.neg(a);
    r[field::MUL] = m.mul(a, b);
    r[field::MUL_ADD] = m.mul_add(a, b, c);
    r[field::REDUCE] = m.reduce(c);
    r[field::REDUCE_U64] = m.reduce_u64(x);
    r[field::REDUCE_I64] = m.reduce_i64(x as i64);
    r[field::SHOUP] = ws;
    r[field::MUL_SHOUP_LAZY] = m.mul_shoup_lazy(c, b, ws);
    r[field::MUL_SHOUP] = m.mul_shoup(c, b, ws);
    r[field::POW] = m.pow(a, e as u64);
    r[field::INV] = m.inv(a).unwrap_or(NO_INVERSE);
    r[field::CENTER] = m.center(a) as i32 as u32;

    // The file must hold right answers, not just the host's answers.
    let qq = m.value() as u128;
    assert_eq!(r[field::ADD] as u128, (a as u128 + b as u128) % qq);
    assert_eq!(r[field::SUB] as u128, (a as u128 + qq - b as u128) % qq);
    assert_eq!(r[field::MUL] as u128, a as u128 * b as u128 % qq);
    assert_eq!(r[field::MUL_ADD] as u128, (a as u128 * b as u128 + c as u128) % qq);
    assert_eq!(r[field::REDUCE_U64] as u128, x as u128 % qq);
    assert_eq!(r[field::REDUCE_I64] as i128, (x as i64 as i128).rem_euclid(qq as i128));
    assert_eq!(r[field::MUL_SHOUP] as u128, c as u128 * b as u128 % qq);
    assert_eq!(r[field::MUL_SHOUP_LAZY] as u128 % qq, c as u128 * b as u128 % qq);
    assert_eq!(r[field::POW], pow_ref(a, e as u64, m.value()));
    if r[field::INV] != NO_INVERSE {
        assert_eq!(m.mul(r[field::INV], a), 1 % m.value());
    }
    r
}

/// `a * b mod (X^n + 1, q)` by the definition, O(n^2), in u128.
fn schoolbook(a: &[u32], b: &[u32], q: u32) -> Vec<u32> {
    let n = a.len();
    let q = q as u128;
    let mut acc = vec![0u128; n];
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            let p = x as u128 * y as u128 % q;
            let k = (i + j) % n;
            // X^n = -1: wrapped terms are subtracted.
            acc[k] = if i + j < n { (acc[k] + p) % q } else { (acc[k] + q - p) % q };
        }
    }
    acc.into_iter().map(|v| v as u32).collect()
}

/// `(forward(a), inverse(a), a * b)` with the host's fastest kernel, checked
/// against the scalar kernel and the schoolbook product.
fn ntt_outputs(n: usize, q: u32, pattern: u32, seed: u64) -> [Vec<u32>; 3] {
    let (mut a, mut b) = (vec![0; n], vec![0; n]);
    ntt_inputs(pattern, seed, q, &mut a, &mut b);
    let run = |t: &NttTable| {
        let mut fa = a.clone();
        t.forward(&mut fa).unwrap();
        let mut ia = a.clone();
        t.inverse(&mut ia).unwrap();
        let mut fb = b.clone();
        t.forward(&mut fb).unwrap();
        let mut prod = vec![0; n];
        t.mul_pointwise(&fa, &fb, &mut prod).unwrap();
        t.inverse(&mut prod).unwrap();
        [fa, ia, prod]
    };
    let out = run(&NttTable::new(n, q).unwrap());
    assert_eq!(out, run(&NttTable::with_kernel(n, q, Kernel::Scalar).unwrap()), "kernels disagree, n={n} q={q}");
    assert_eq!(out[2], schoolbook(&a, &b, q), "NTT product is wrong, n={n} q={q}");
    let mut back = out[1].clone();
    NttTable::new(n, q).unwrap().forward(&mut back).unwrap();
    assert_eq!(back, a, "forward(inverse(a)) != a, n={n} q={q}");
    out
}

fn generate() -> Vec<u8> {
    let moduli = arith_moduli();
    let cases = ntt_cases();
    let mut w: Vec<u32> = vec![vectors::MAGIC, vectors::VERSION, (moduli.len() + cases.len()) as u32];
    for q in moduli {
        let m = Modulus::new(q).unwrap();
        w.extend([vectors::TAG_ARITH, q, ARITH_RECORDS as u32]);
        let mut s = q as u64;
        for i in 0..ARITH_RECORDS {
            w.extend(arith_record(&m, arith_inputs(q, i, &mut s)));
        }
    }
    for (n, q, pattern, seed) in cases {
        w.extend([vectors::TAG_NTT, n as u32, q, pattern, seed as u32, (seed >> 32) as u32]);
        for v in ntt_outputs(n, q, pattern, seed) {
            w.extend(v);
        }
    }
    w.into_iter().flat_map(u32::to_le_bytes).collect()
}

#[test]
fn firmware_vectors_match_host_core() {
    let bytes = generate();
    // The firmware's reader must accept what the generator writes.
    let mut r = Reader::new(&bytes).unwrap();
    let mut sections = 0;
    while let Some(s) = r.next_section().unwrap() {
        if let Section::Ntt { n, forward, .. } = s {
            assert_eq!(forward.len(), n);
        }
        sections += 1;
    }
    assert_eq!(sections, arith_moduli().len() + ntt_cases().len());

    let path = vector_path();
    if std::env::var_os("POLYHE_REGEN_VECTORS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &bytes).unwrap();
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
        return;
    }
    let committed = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; generate it with POLYHE_REGEN_VECTORS=1", path.display()));
    if committed != bytes {
        let at = committed.iter().zip(&bytes).position(|(x, y)| x != y).unwrap_or(committed.len().min(bytes.len()));
        panic!(
            "{} differs from what the host build of polyhe-core computes (first at byte {at}; lengths {} vs {}). \
             If core changed on purpose, regenerate with POLYHE_REGEN_VECTORS=1 and commit; otherwise host and \
             firmware results have diverged.",
            path.display(),
            committed.len(),
            bytes.len()
        );
    }
}
