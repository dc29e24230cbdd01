//! Files: postcard-serialised parameters, keys, ciphertexts and
//! plaintexts.
//!
//! Every file is an envelope `{ magic "POLYHE", kind, version, parameter
//! fingerprint, body, checksum }` whose body is the kind's postcard
//! encoding. Residues are bit-packed at the width of their prime (30 bits
//! for 30-bit primes, so a ciphertext takes 3.75 bytes per residue), and
//! uniform halves are stored as 32-byte seeds. Reading checks, in order:
//! magic, kind, version, checksum (FNV-1a 64 over the body: catches
//! corruption, not tampering), fingerprint against the context, shapes,
//! and that every residue is below its prime. Each failure is a typed error.

use alloc::vec;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use super::ciphertext::{Ciphertext, Plaintext};
use super::client::{self, Seed, P_STREAM};
use super::context::Context;
use super::keys::{GaloisKeys, KeyDigit, PublicKey, RelinKey, SecretKey, SwitchingKey};
use super::params::{Parameters, ParametersLiteral, SecretDistribution, Security};
use super::seeded::SeededCiphertext;
use crate::ntt::NttTable;
use crate::ring::{Eval, Poly, RnsBasis};
use crate::{Error, Result};

pub use crate::envelope::MAGIC;
use crate::envelope::{fnv1a, Envelope};
/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u16 = 1;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[repr(u8)]
pub enum FileKind {
    /// [`Parameters`].
    Parameters = 1,
    /// [`PublicKey`].
    PublicKey = 2,
    /// [`RelinKey`].
    RelinKey = 3,
    /// [`GaloisKeys`].
    GaloisKeys = 4,
    /// [`Ciphertext`].
    Ciphertext = 5,
    /// [`Plaintext`].
    Plaintext = 6,
    /// [`SecretKey`] (written only on explicit request).
    SecretKey = 7,
    /// [`SeededCiphertext`].
    SeededCiphertext = 8,
}

impl FileKind {
    /// Human name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Parameters => "parameters",
            Self::PublicKey => "public key",
            Self::RelinKey => "relinearisation key",
            Self::GaloisKeys => "Galois keys",
            Self::Ciphertext => "ciphertext",
            Self::Plaintext => "plaintext",
            Self::SecretKey => "secret key",
            Self::SeededCiphertext => "seeded ciphertext",
        }
    }
}

fn write_envelope<T: Serialize>(kind: FileKind, fingerprint: u64, body: &T) -> Result<Vec<u8>> {
    let body = postcard::to_allocvec(body)
        .map_err(|_| Error::FileFormat { expected: kind.name(), reason: "could not serialise the object" })?;
    let env = Envelope {
        magic: MAGIC,
        kind: kind as u8,
        version: FORMAT_VERSION,
        fingerprint,
        checksum: fnv1a(&body),
        body: &body,
    };
    postcard::to_allocvec(&env)
        .map_err(|_| Error::FileFormat { expected: kind.name(), reason: "could not serialise the envelope" })
}

/// Checks the envelope and returns `(fingerprint, body)`.
fn read_envelope(kind: FileKind, bytes: &[u8]) -> Result<(u64, &[u8])> {
    let what = kind.name();
    crate::envelope::open(bytes, kind as u8, FORMAT_VERSION).map_err(|e| e.into_error(what, FORMAT_VERSION))
}

fn body<'a, T: Deserialize<'a>>(kind: FileKind, body: &'a [u8]) -> Result<T> {
    match postcard::take_from_bytes::<T>(body) {
        Ok((v, [])) => Ok(v),
        _ => Err(Error::FileFormat { expected: kind.name(), reason: "the object's bytes do not decode" }),
    }
}

/// Packs residues at `bits` bits each (little-endian bit order).
fn pack(values: &[u32], bits: u32, out: &mut Vec<u8>) {
    let mut acc = 0u64;
    let mut have = 0u32;
    for &v in values {
        acc |= (v as u64) << have;
        have += bits;
        while have >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            have -= 8;
        }
    }
    if have > 0 {
        out.push(acc as u8);
    }
}

/// A polynomial's residues, limb by limb at each prime's width.
#[derive(Serialize, Deserialize)]
struct Packed {
    limbs: u32,
    bytes: Vec<u8>,
}

fn bits_of(t: &NttTable) -> u32 {
    32 - t.q().leading_zeros()
}

fn pack_poly(tables: &[NttTable], data: &[u32]) -> Packed {
    let n = tables[0].n();
    let mut bytes = Vec::new();
    for (t, limb) in tables.iter().zip(data.chunks_exact(n)) {
        pack(limb, bits_of(t), &mut bytes);
    }
    Packed { limbs: tables.len() as u32, bytes }
}

fn unpack_poly(kind: FileKind, basis: &alloc::sync::Arc<RnsBasis>, limbs: usize, p: &Packed) -> Result<Poly<Eval>> {
    let bad = |reason| Error::FileFormat { expected: kind.name(), reason };
    if p.limbs as usize != limbs || limbs == 0 || limbs > basis.len() {
        return Err(bad("a polynomial has the wrong number of limbs for its level"));
    }
    let tables = &basis.tables()[..limbs];
    let n = basis.n();
    let need: usize = tables.iter().map(|t| (n * bits_of(t) as usize).div_ceil(8)).sum();
    if p.bytes.len() != need {
        return Err(bad("a polynomial has the wrong number of bytes"));
    }
    let mut data = vec![0u32; limbs * n];
    let mut off = 0;
    for (l, t) in tables.iter().enumerate() {
        let bits = bits_of(t);
        let len = (n * bits as usize).div_ceil(8);
        let src = &p.bytes[off..off + len];
        off += len;
        let (mut acc, mut have, mut i) = (0u64, 0u32, 0usize);
        for (j, x) in data[l * n..(l + 1) * n].iter_mut().enumerate() {
            while have < bits {
                acc |= (src[i] as u64) << have;
                i += 1;
                have += 8;
            }
            *x = (acc & ((1u64 << bits) - 1)) as u32;
            acc >>= bits;
            have -= bits;
            if *x >= t.q() {
                return Err(Error::ResidueOutOfRange { value: *x, index: l * n + j, q: t.q() });
            }
        }
    }
    Poly::from_data(basis, limbs, data)
}

// ---------------------------------------------------------------------------
// Parameters

#[derive(Serialize, Deserialize)]
struct ParamsBody {
    log_n: u32,
    log_scale: u32,
    max_level: u32,
    primes_per_level: u32,
    log_base_headroom: u32,
    dnum: u32,
    /// 0: ternary; otherwise the fixed Hamming weight.
    hamming_weight: u32,
    sigma: f64,
    insecure: bool,
    q: Vec<u32>,
    p: Vec<u32>,
}

impl Parameters {
    /// Serialises the parameter set.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let l = self.literal();
        let b = ParamsBody {
            log_n: l.log_n,
            log_scale: l.log_scale,
            max_level: l.max_level,
            primes_per_level: l.primes_per_level,
            log_base_headroom: l.log_base_headroom,
            dnum: l.dnum,
            hamming_weight: match l.secret {
                SecretDistribution::Ternary => 0,
                SecretDistribution::FixedWeight(h) => h,
            },
            sigma: l.sigma,
            insecure: self.security() == Security::Insecure,
            q: self.q_primes().to_vec(),
            p: self.p_primes().to_vec(),
        };
        write_envelope(FileKind::Parameters, self.fingerprint(), &b)
    }

    /// Reads a parameter set, rebuilding and re-validating it (an insecure
    /// set is only accepted when the file says so, and then reports
    /// [`Security::Insecure`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::Parameters, bytes)?;
        let b: ParamsBody = body(FileKind::Parameters, raw)?;
        let lit = ParametersLiteral {
            log_n: b.log_n,
            log_scale: b.log_scale,
            max_level: b.max_level,
            primes_per_level: b.primes_per_level,
            log_base_headroom: b.log_base_headroom,
            dnum: b.dnum,
            secret: if b.hamming_weight == 0 {
                SecretDistribution::Ternary
            } else {
                SecretDistribution::FixedWeight(b.hamming_weight)
            },
            sigma: b.sigma,
        };
        let params = if b.insecure { Parameters::new_insecure(lit)? } else { Parameters::new(lit)? };
        if params.q_primes() != b.q.as_slice() || params.p_primes() != b.p.as_slice() || params.fingerprint() != fp {
            return Err(Error::FileFormat {
                expected: "parameters",
                reason: "the stored primes or fingerprint do not match the parameters they claim",
            });
        }
        Ok(params)
    }
}

// ---------------------------------------------------------------------------
// Keys

#[derive(Serialize, Deserialize)]
struct PublicKeyBody {
    b: Packed,
    seed: Seed,
}

impl PublicKey {
    /// Serialises the public key (`b` and the seed of `a`).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        write_envelope(
            FileKind::PublicKey,
            self.fingerprint,
            &PublicKeyBody { b: pack_poly(self.b.tables(), self.b.data()), seed: self.seed },
        )
    }

    /// Reads a public key made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::PublicKey, bytes)?;
        ctx.check_fingerprint("public key file", fp)?;
        let b: PublicKeyBody = body(FileKind::PublicKey, raw)?;
        let poly = unpack_poly(FileKind::PublicKey, ctx.q_basis(), ctx.q_basis().len(), &b.b)?;
        Ok(PublicKey { b: poly, seed: b.seed, fingerprint: fp })
    }
}

#[derive(Serialize, Deserialize)]
struct DigitBody {
    b_q: Packed,
    b_p: Packed,
    seed: Seed,
}

#[derive(Serialize, Deserialize)]
struct SwitchingKeyBody {
    galois: u64,
    digits: Vec<DigitBody>,
}

fn switching_key_body(k: &SwitchingKey) -> SwitchingKeyBody {
    SwitchingKeyBody {
        galois: k.galois,
        digits: k
            .digits
            .iter()
            .map(|d| DigitBody {
                b_q: pack_poly(d.b_q.tables(), d.b_q.data()),
                b_p: pack_poly(d.b_p.tables(), d.b_p.data()),
                seed: d.seed,
            })
            .collect(),
    }
}

fn switching_key_from(kind: FileKind, ctx: &Context, fp: u64, b: &SwitchingKeyBody) -> Result<SwitchingKey> {
    let expected = ctx.level_constants(ctx.params().max_level()).digits.len();
    if b.digits.len() != expected {
        return Err(Error::FileFormat { expected: kind.name(), reason: "the key has the wrong number of digits" });
    }
    let (qb, pb) = (ctx.q_basis(), ctx.p_basis());
    let mut digits = Vec::with_capacity(expected);
    for d in &b.digits {
        let b_q = unpack_poly(kind, qb, qb.len(), &d.b_q)?;
        let b_p = unpack_poly(kind, pb, pb.len(), &d.b_p)?;
        let mut a_q = Poly::<Eval>::zero(qb, qb.len())?;
        client::expand_uniform(&d.seed, 0, &mut a_q.as_mut());
        let mut a_p = Poly::<Eval>::zero(pb, pb.len())?;
        client::expand_uniform(&d.seed, P_STREAM, &mut a_p.as_mut());
        digits.push(KeyDigit { b_q, b_p, a_q, a_p, seed: d.seed });
    }
    Ok(SwitchingKey { digits, galois: b.galois, fingerprint: fp })
}

impl RelinKey {
    /// Serialises the relinearisation key (uniform halves as seeds).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        write_envelope(FileKind::RelinKey, self.0.fingerprint, &switching_key_body(&self.0))
    }

    /// Reads a relinearisation key made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::RelinKey, bytes)?;
        ctx.check_fingerprint("relinearisation key file", fp)?;
        let b: SwitchingKeyBody = body(FileKind::RelinKey, raw)?;
        if b.galois != 0 {
            return Err(Error::FileFormat { expected: "relinearisation key", reason: "the key is a Galois key" });
        }
        Ok(RelinKey(switching_key_from(FileKind::RelinKey, ctx, fp, &b)?))
    }
}

impl GaloisKeys {
    /// Serialises all Galois keys.
    pub fn to_bytes(&self, ctx: &Context) -> Result<Vec<u8>> {
        let bodies: Vec<SwitchingKeyBody> = self.keys.values().map(switching_key_body).collect();
        write_envelope(FileKind::GaloisKeys, ctx.params().fingerprint(), &bodies)
    }

    /// Reads Galois keys made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::GaloisKeys, bytes)?;
        ctx.check_fingerprint("Galois keys file", fp)?;
        let bodies: Vec<SwitchingKeyBody> = body(FileKind::GaloisKeys, raw)?;
        let two_n = 2 * ctx.params().n() as u64;
        let mut keys = GaloisKeys::default();
        for b in &bodies {
            if b.galois % 2 == 0 || b.galois >= two_n || b.galois == 1 {
                return Err(Error::FileFormat {
                    expected: "Galois keys",
                    reason: "a key has an invalid Galois element",
                });
            }
            keys.keys.insert(b.galois, switching_key_from(FileKind::GaloisKeys, ctx, fp, b)?);
        }
        Ok(keys)
    }
}

#[derive(Serialize, Deserialize)]
struct SecretKeyBody {
    coeffs: Vec<i8>,
}

impl SecretKey {
    /// Serialises the SECRET key. Whoever holds these bytes can decrypt
    /// everything: store them encrypted or on the device only.
    pub fn to_bytes_secret(&self) -> Result<Vec<u8>> {
        write_envelope(FileKind::SecretKey, self.fingerprint, &SecretKeyBody { coeffs: self.coeffs.clone() })
    }

    /// Reads a secret key made for `ctx`'s parameters.
    pub fn from_bytes_secret(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::SecretKey, bytes)?;
        ctx.check_fingerprint("secret key file", fp)?;
        let mut b: SecretKeyBody = body(FileKind::SecretKey, raw)?;
        if b.coeffs.len() != ctx.params().n() || b.coeffs.iter().any(|c| !(-1..=1).contains(c)) {
            zeroize::Zeroize::zeroize(&mut b.coeffs);
            return Err(Error::FileFormat {
                expected: "secret key",
                reason: "coefficients must be N values in {-1, 0, 1}",
            });
        }
        let engine = ctx.engine();
        let mut q = Poly::<crate::ring::Coeff>::zero(ctx.q_basis(), ctx.q_basis().len())?;
        q.as_mut().set_small(&b.coeffs)?;
        let mut p = Poly::<crate::ring::Coeff>::zero(ctx.p_basis(), ctx.p_basis().len())?;
        p.as_mut().set_small(&b.coeffs)?;
        let coeffs = core::mem::take(&mut b.coeffs);
        Ok(SecretKey { coeffs, q: q.into_eval(engine)?, p: p.into_eval(engine)?, fingerprint: fp })
    }
}

// ---------------------------------------------------------------------------
// Ciphertexts and plaintexts

#[derive(Serialize, Deserialize)]
struct CiphertextBody {
    level: u32,
    scale: f64,
    slots: u64,
    c0: Packed,
    c1: Packed,
}

fn check_meta(kind: FileKind, ctx: &Context, level: u32, scale: f64, slots: u64) -> Result<()> {
    let bad = |reason| Error::FileFormat { expected: kind.name(), reason };
    if level > ctx.params().max_level() {
        return Err(bad("the level is above the parameters' max_level"));
    }
    if !(scale.is_finite() && scale >= 1.0) {
        return Err(bad("the scale is not a finite number >= 1"));
    }
    if !slots.is_power_of_two() || slots > ctx.params().slots() as u64 {
        return Err(bad("the slot count is not a power of two of at most N/2"));
    }
    Ok(())
}

impl Ciphertext {
    /// Serialises the ciphertext.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let b = CiphertextBody {
            level: self.level,
            scale: self.scale,
            slots: self.slots as u64,
            c0: pack_poly(self.c0.tables(), self.c0.data()),
            c1: pack_poly(self.c1.tables(), self.c1.data()),
        };
        write_envelope(FileKind::Ciphertext, self.fingerprint, &b)
    }

    /// Reads a ciphertext made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::Ciphertext, bytes)?;
        ctx.check_fingerprint("ciphertext file", fp)?;
        let b: CiphertextBody = body(FileKind::Ciphertext, raw)?;
        check_meta(FileKind::Ciphertext, ctx, b.level, b.scale, b.slots)?;
        let k = ctx.params().limbs_at(b.level);
        let c0 = unpack_poly(FileKind::Ciphertext, ctx.q_basis(), k, &b.c0)?;
        let c1 = unpack_poly(FileKind::Ciphertext, ctx.q_basis(), k, &b.c1)?;
        Ok(Ciphertext { c0, c1, level: b.level, scale: b.scale, slots: b.slots as usize, fingerprint: fp })
    }
}

#[derive(Serialize, Deserialize)]
struct SeededCiphertextBody {
    level: u32,
    scale: f64,
    slots: u64,
    c0: Packed,
    seed: Seed,
}

impl SeededCiphertext {
    /// Serialises the seeded ciphertext (`c0` and the 32-byte seed of `c1`:
    /// about half a [`Ciphertext`] file).
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let b = SeededCiphertextBody {
            level: self.level,
            scale: self.scale,
            slots: self.slots as u64,
            c0: pack_poly(self.c0.tables(), self.c0.data()),
            seed: self.seed,
        };
        write_envelope(FileKind::SeededCiphertext, self.fingerprint, &b)
    }

    /// Reads a seeded ciphertext made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::SeededCiphertext, bytes)?;
        ctx.check_fingerprint("seeded ciphertext file", fp)?;
        let b: SeededCiphertextBody = body(FileKind::SeededCiphertext, raw)?;
        check_meta(FileKind::SeededCiphertext, ctx, b.level, b.scale, b.slots)?;
        let k = ctx.params().limbs_at(b.level);
        let c0 = unpack_poly(FileKind::SeededCiphertext, ctx.q_basis(), k, &b.c0)?;
        Ok(SeededCiphertext {
            c0,
            seed: b.seed,
            level: b.level,
            scale: b.scale,
            slots: b.slots as usize,
            fingerprint: fp,
        })
    }
}

#[derive(Serialize, Deserialize)]
struct PlaintextBody {
    level: u32,
    scale: f64,
    slots: u64,
    poly: Packed,
}

impl Plaintext {
    /// Serialises the plaintext.
    pub fn to_bytes(&self) -> Result<Vec<u8>> {
        let b = PlaintextBody {
            level: self.level,
            scale: self.scale,
            slots: self.slots as u64,
            poly: pack_poly(self.poly.tables(), self.poly.data()),
        };
        write_envelope(FileKind::Plaintext, self.fingerprint, &b)
    }

    /// Reads a plaintext made for `ctx`'s parameters.
    pub fn from_bytes(ctx: &Context, bytes: &[u8]) -> Result<Self> {
        let (fp, raw) = read_envelope(FileKind::Plaintext, bytes)?;
        ctx.check_fingerprint("plaintext file", fp)?;
        let b: PlaintextBody = body(FileKind::Plaintext, raw)?;
        check_meta(FileKind::Plaintext, ctx, b.level, b.scale, b.slots)?;
        let k = ctx.params().limbs_at(b.level);
        let poly = unpack_poly(FileKind::Plaintext, ctx.q_basis(), k, &b.poly)?;
        Ok(Plaintext { poly, level: b.level, scale: b.scale, slots: b.slots as usize, fingerprint: fp })
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::ckks::{Complex, Evaluator, KeyGenerator};
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    fn lit() -> ParametersLiteral {
        ParametersLiteral {
            log_n: 11,
            log_scale: 29,
            max_level: 2,
            primes_per_level: 1,
            log_base_headroom: 31,
            dnum: 2,
            secret: SecretDistribution::Ternary,
            sigma: 3.2,
        }
    }

    #[test]
    fn round_trips() {
        let params = Parameters::new_insecure(lit()).unwrap();
        let back = Parameters::from_bytes(&params.to_bytes().unwrap()).unwrap();
        assert_eq!(back, params);
        let secure = Parameters::preset_n13();
        assert_eq!(Parameters::from_bytes(&secure.to_bytes().unwrap()).unwrap(), secure);

        let ctx = Context::new(params).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(50);
        let kg = KeyGenerator::new(&ctx);
        let sk = kg.gen_secret(&mut rng).unwrap();
        let pk = kg.gen_public(&sk, &mut rng).unwrap();
        let rk = kg.gen_relin(&sk, &mut rng).unwrap();
        let gk = kg.gen_galois(&sk, &[1, -3], true, &mut rng).unwrap();
        assert_eq!(PublicKey::from_bytes(&ctx, &pk.to_bytes().unwrap()).unwrap(), pk);
        assert_eq!(RelinKey::from_bytes(&ctx, &rk.to_bytes().unwrap()).unwrap(), rk);
        assert_eq!(GaloisKeys::from_bytes(&ctx, &gk.to_bytes(&ctx).unwrap()).unwrap(), gk);
        let sk2 = SecretKey::from_bytes_secret(&ctx, &sk.to_bytes_secret().unwrap()).unwrap();
        let z = vec![Complex::new(0.5, -1.0); 64];
        let ct = ctx.encrypt_pk(&pk, &z, &mut rng).unwrap();
        let ct_bytes = ct.to_bytes().unwrap();
        // 30-bit residues take 3.75 bytes: the file is within 1% of that.
        let raw = 2 * ctx.params().limbs_at(2) * ctx.params().n() * 30 / 8;
        assert!(ct_bytes.len() < raw + raw / 100, "{} vs {raw}", ct_bytes.len());
        let ct2 = Ciphertext::from_bytes(&ctx, &ct_bytes).unwrap();
        assert_eq!(ct2, ct);
        let dec = ctx.decrypt(&sk2, &ct2).unwrap();
        assert!((dec[3] - z[3]).abs() < 1e-3);
        // Keys read back work: a relinearised product decrypts correctly.
        let rk2 = RelinKey::from_bytes(&ctx, &rk.to_bytes().unwrap()).unwrap();
        let ev = Evaluator::new(&ctx).with_relin_key(&rk2).unwrap();
        let sq = ev.rescale(&ev.square(&ct2).unwrap()).unwrap();
        let d = ctx.decrypt(&sk, &sq).unwrap();
        assert!((d[0] - z[0] * z[0]).abs() < 1e-2);
        let pt = ctx.encode(&z, 1, 1e6).unwrap();
        assert_eq!(Plaintext::from_bytes(&ctx, &pt.to_bytes().unwrap()).unwrap(), pt);
        // A seeded symmetric ciphertext is about half a full one and expands
        // to a ciphertext that decrypts correctly.
        let seeded = ctx.encrypt_sk_seeded(&sk, &z, &mut rng).unwrap();
        let sb = seeded.to_bytes().unwrap();
        assert!(sb.len() * 2 < ct_bytes.len() + 200, "{} vs {}", sb.len(), ct_bytes.len());
        let back = SeededCiphertext::from_bytes(&ctx, &sb).unwrap();
        assert_eq!(back, seeded);
        let full = back.expand(&ctx).unwrap();
        let d = ctx.decrypt(&sk, &full).unwrap();
        assert!((d[7] - z[7]).abs() < 1e-4);
        assert!(matches!(Ciphertext::from_bytes(&ctx, &sb), Err(Error::WrongFileKind { .. })));
    }

    #[test]
    fn bad_files_are_refused() {
        let ctx = Context::new(Parameters::new_insecure(lit()).unwrap()).unwrap();
        let other = Context::new(Parameters::new_insecure(ParametersLiteral { dnum: 3, ..lit() }).unwrap()).unwrap();
        let mut rng = ChaCha20Rng::seed_from_u64(51);
        let kg = KeyGenerator::new(&ctx);
        let sk = kg.gen_secret(&mut rng).unwrap();
        let pk = kg.gen_public(&sk, &mut rng).unwrap();
        let ct = ctx.encrypt_pk(&pk, &[Complex::new(1.0, 0.0)], &mut rng).unwrap();
        let good = ct.to_bytes().unwrap();

        // Wrong kind.
        assert!(matches!(
            PublicKey::from_bytes(&ctx, &good),
            Err(Error::WrongFileKind { expected: "public key", found: "ciphertext" })
        ));
        // Other parameters.
        assert!(matches!(Ciphertext::from_bytes(&other, &good), Err(Error::ParameterMismatch { .. })));
        // Not a polyhe file, empty, truncated.
        assert!(matches!(Ciphertext::from_bytes(&ctx, b"hello world"), Err(Error::FileFormat { .. })));
        assert!(matches!(Ciphertext::from_bytes(&ctx, &[]), Err(Error::FileFormat { .. })));
        for cut in [7, 20, good.len() / 2, good.len() - 1] {
            assert!(matches!(Ciphertext::from_bytes(&ctx, &good[..cut]), Err(Error::FileFormat { .. })), "cut {cut}");
        }
        // A flipped bit anywhere in the body.
        for pos in [30, good.len() / 2, good.len() - 12] {
            let mut bad = good.clone();
            bad[pos] ^= 0x10;
            assert!(Ciphertext::from_bytes(&ctx, &bad).is_err(), "flip at {pos}");
        }
        // Another format version.
        let env: Envelope<'_> = postcard::from_bytes(&good).unwrap();
        let v2 = postcard::to_allocvec(&Envelope { version: 2, ..env }).unwrap();
        assert!(matches!(
            Ciphertext::from_bytes(&ctx, &v2),
            Err(Error::UnsupportedVersion { found: 2, supported: 1, .. })
        ));
        // A residue out of range, with a valid checksum.
        let n = ctx.params().n();
        let k = ctx.params().limbs_at(2);
        let q0 = ctx.params().q_primes()[0];
        let mut data = vec![0u32; k * n];
        data[5] = q0;
        let tables = ctx.q_tables(2);
        let body = CiphertextBody {
            level: 2,
            scale: 1e6,
            slots: 1,
            c0: pack_poly(tables, &data),
            c1: pack_poly(tables, &data),
        };
        let bytes = write_envelope(FileKind::Ciphertext, ctx.params().fingerprint(), &body).unwrap();
        assert_eq!(
            Ciphertext::from_bytes(&ctx, &bytes).unwrap_err(),
            Error::ResidueOutOfRange { value: q0, index: 5, q: q0 }
        );
        // Bad metadata.
        for (level, scale, slots) in [(9, 1e6, 1), (2, f64::NAN, 1), (2, 1e6, 3), (2, 1e6, 1 << 20)] {
            let body = CiphertextBody {
                level,
                scale,
                slots,
                c0: pack_poly(tables, &vec![0; k * n]),
                c1: pack_poly(tables, &vec![0; k * n]),
            };
            let bytes = write_envelope(FileKind::Ciphertext, ctx.params().fingerprint(), &body).unwrap();
            assert!(matches!(Ciphertext::from_bytes(&ctx, &bytes), Err(Error::FileFormat { .. })));
        }
        // A parameters file whose primes were edited.
        let pbytes = ctx.params().to_bytes().unwrap();
        let env: Envelope<'_> = postcard::from_bytes(&pbytes).unwrap();
        let mut pb: ParamsBody = postcard::from_bytes(env.body).unwrap();
        pb.q[0] = 12289;
        let edited = write_envelope(FileKind::Parameters, env.fingerprint, &pb).unwrap();
        assert!(matches!(Parameters::from_bytes(&edited), Err(Error::FileFormat { .. })));
        // An insecure set claimed secure is re-checked and refused.
        pb = postcard::from_bytes(env.body).unwrap();
        pb.insecure = false;
        let claimed = write_envelope(FileKind::Parameters, env.fingerprint, &pb).unwrap();
        assert!(Parameters::from_bytes(&claimed).is_err());
        // A secret key with a coefficient outside {-1, 0, 1}.
        let skb =
            write_envelope(FileKind::SecretKey, ctx.params().fingerprint(), &SecretKeyBody { coeffs: vec![2; n] })
                .unwrap();
        assert!(matches!(SecretKey::from_bytes_secret(&ctx, &skb), Err(Error::FileFormat { .. })));
    }
}
