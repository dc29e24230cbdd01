//! Ciphertexts and public keys on the wire without allocation: the file
//! envelope of `ckks::files` (magic `"POLYHE"`, kind, version,
//! parameter fingerprint, postcard body, FNV-1a checksum, residues
//! bit-packed at each prime's width), written into and read from caller
//! buffers. What a device writes here the host reads with
//! `Ciphertext::from_bytes` / `PublicKey::from_bytes`, byte for byte, and
//! what the host writes the device reads here.
//!
//! Writing serialises with `postcard::to_slice` straight into the output
//! buffer (the residues are packed while serialising, no intermediate
//! copy); [`ciphertext_len`] gives the exact size and
//! [`max_ciphertext_len`] a compile-time bound for sizing buffers.
//! Reading checks, in the order `files` does: magic, envelope, kind,
//! version, checksum, fingerprint, body, metadata, shapes, and that every
//! residue is below its prime; each failure is a typed [`Error`].

use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize, Serializer};

use super::client::{Seed, SEED_LEN};
use super::params::Parameters;
use crate::{Error, Result};

use crate::envelope::fnv1a;
pub use crate::envelope::MAGIC;
/// The file format version written and read (that of `files`).
pub const FORMAT_VERSION: u16 = 1;
/// File kind byte of a public key.
pub const KIND_PUBLIC_KEY: u8 = 2;
/// File kind byte of a ciphertext.
pub const KIND_CIPHERTEXT: u8 = 5;

/// Level, scale and slot count of a ciphertext.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CiphertextMeta {
    /// The level: the ciphertext has `params.limbs_at(level)` limbs.
    pub level: u32,
    /// The scale of the encrypted values.
    pub scale: f64,
    /// The slot count (a power of two, at most `N / 2`).
    pub slots: usize,
}

/// Bytes of postcard's varint encoding of `x`.
const fn varint_len(x: u64) -> usize {
    let bits = 64 - x.leading_zeros() as usize;
    if bits == 0 {
        1
    } else {
        bits.div_ceil(7)
    }
}

fn bits_of(q: u32) -> u32 {
    32 - q.leading_zeros()
}

/// Bytes of one polynomial's packed residues over `primes`.
fn packed_len(n: usize, primes: &[u32]) -> usize {
    primes.iter().map(|&q| (n * bits_of(q) as usize).div_ceil(8)).sum()
}

/// Bytes of a serialised `Packed { limbs, bytes }`.
fn packed_field_len(n: usize, primes: &[u32]) -> usize {
    let b = packed_len(n, primes);
    varint_len(primes.len() as u64) + varint_len(b as u64) + b
}

// ---------------------------------------------------------------------------
// Envelope

#[derive(Serialize)]
struct Header {
    magic: [u8; 6],
    kind: u8,
    version: u16,
    fingerprint: u64,
    /// The length prefix of the envelope's `body` bytes.
    body_len: usize,
}

fn header_len(fingerprint: u64, body_len: usize) -> usize {
    MAGIC.len() + 1 + varint_len(FORMAT_VERSION as u64) + varint_len(fingerprint) + varint_len(body_len as u64)
}

fn serialise_error(what: &'static str) -> Error {
    Error::FileFormat { expected: what, reason: "could not serialise the object" }
}

/// Writes the envelope of `body` (exactly `body_len` bytes once
/// serialised) into `out`; returns the bytes written.
fn write_envelope<T: Serialize>(
    what: &'static str,
    kind: u8,
    fingerprint: u64,
    body: &T,
    body_len: usize,
    out: &mut [u8],
) -> Result<usize> {
    let h = header_len(fingerprint, body_len);
    // The checksum's varint takes 1 to 10 bytes; its exact length is known
    // once the body is written.
    if out.len() < h + body_len + 1 {
        return Err(Error::LengthMismatch { what: "output buffer", expected: h + body_len + 10, actual: out.len() });
    }
    let header = Header { magic: MAGIC, kind, version: FORMAT_VERSION, fingerprint, body_len };
    let written = postcard::to_slice(&header, &mut out[..h]).map_err(|_| serialise_error(what))?.len();
    let body_written = postcard::to_slice(body, &mut out[h..h + body_len]).map_err(|_| serialise_error(what))?.len();
    if written != h || body_written != body_len {
        return Err(serialise_error(what));
    }
    let checksum = fnv1a(&out[h..h + body_len]);
    let end = h + body_len + varint_len(checksum);
    if out.len() < end {
        return Err(Error::LengthMismatch { what: "output buffer", expected: end, actual: out.len() });
    }
    postcard::to_slice(&checksum, &mut out[h + body_len..end]).map_err(|_| serialise_error(what))?;
    Ok(end)
}

/// Checks the envelope with the same code and errors as `files`; returns
/// `(fingerprint, body)`.
fn read_envelope<'a>(what: &'static str, kind: u8, bytes: &'a [u8]) -> Result<(u64, &'a [u8])> {
    crate::envelope::open(bytes, kind, FORMAT_VERSION).map_err(|e| e.into_error(what, FORMAT_VERSION))
}

fn check_fingerprint(params: &Parameters, what: &'static str, found: u64) -> Result<()> {
    if found != params.fingerprint() {
        return Err(Error::ParameterMismatch { what, expected: params.fingerprint(), found });
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Packed residues

/// A polynomial's residues, serialised as `files::Packed { limbs, bytes }`.
#[derive(Serialize)]
struct PackedOut<'a> {
    limbs: u32,
    bytes: PackedBytes<'a>,
}

/// Residues bit-packed while serialising: a sequence of bytes, encoded by
/// postcard exactly as the `Vec<u8>` of `files` (varint length, raw bytes).
struct PackedBytes<'a> {
    n: usize,
    primes: &'a [u32],
    data: &'a [u32],
}

impl Serialize for PackedBytes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> core::result::Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(packed_len(self.n, self.primes)))?;
        for (&q, limb) in self.primes.iter().zip(self.data.chunks_exact(self.n)) {
            let bits = bits_of(q);
            let (mut acc, mut have) = (0u64, 0u32);
            for &v in limb {
                acc |= (v as u64) << have;
                have += bits;
                while have >= 8 {
                    seq.serialize_element(&(acc as u8))?;
                    acc >>= 8;
                    have -= 8;
                }
            }
            if have > 0 {
                seq.serialize_element(&(acc as u8))?;
            }
        }
        seq.end()
    }
}

fn packed_out<'a>(n: usize, primes: &'a [u32], data: &'a [u32]) -> PackedOut<'a> {
    PackedOut { limbs: primes.len() as u32, bytes: PackedBytes { n, primes, data } }
}

#[derive(Deserialize)]
struct PackedIn<'a> {
    limbs: u32,
    #[serde(borrow)]
    bytes: &'a [u8],
}

/// Errors unless `data` holds `primes.len()` limbs of `n` reduced residues.
fn check_residues(n: usize, primes: &[u32], data: &[u32]) -> Result<()> {
    if data.len() != n * primes.len() {
        return Err(Error::LengthMismatch {
            what: "polynomial (limbs * N words)",
            expected: n * primes.len(),
            actual: data.len(),
        });
    }
    for (l, (&q, limb)) in primes.iter().zip(data.chunks_exact(n)).enumerate() {
        if let Some(j) = limb.iter().position(|&x| x >= q) {
            return Err(Error::ResidueOutOfRange { value: limb[j], index: l * n + j, q });
        }
    }
    Ok(())
}

/// Unpacks `p` into `out` (`primes.len() * n` words).
fn unpack(what: &'static str, n: usize, primes: &[u32], p: &PackedIn<'_>, out: &mut [u32]) -> Result<()> {
    let bad = |reason| Error::FileFormat { expected: what, reason };
    if p.limbs as usize != primes.len() {
        return Err(bad("a polynomial has the wrong number of limbs for its level"));
    }
    if p.bytes.len() != packed_len(n, primes) {
        return Err(bad("a polynomial has the wrong number of bytes"));
    }
    let mut src = p.bytes.iter();
    for (l, (&q, limb)) in primes.iter().zip(out.chunks_exact_mut(n)).enumerate() {
        let bits = bits_of(q);
        let (mut acc, mut have) = (0u64, 0u32);
        for (j, x) in limb.iter_mut().enumerate() {
            while have < bits {
                // The length check above guarantees the bytes.
                acc |= (*src.next().ok_or(bad("a polynomial has the wrong number of bytes"))? as u64) << have;
                have += 8;
            }
            *x = (acc & ((1u64 << bits) - 1)) as u32;
            acc >>= bits;
            have -= bits;
            if *x >= q {
                return Err(Error::ResidueOutOfRange { value: *x, index: l * n + j, q });
            }
        }
        // The limb ends on a byte boundary: drop its padding bits.
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Ciphertexts

const CIPHERTEXT: &str = "ciphertext";

#[derive(Serialize)]
struct CiphertextOut<'a> {
    level: u32,
    scale: f64,
    slots: u64,
    c0: PackedOut<'a>,
    c1: PackedOut<'a>,
}

#[derive(Deserialize)]
struct CiphertextIn<'a> {
    level: u32,
    scale: f64,
    slots: u64,
    #[serde(borrow)]
    c0: PackedIn<'a>,
    #[serde(borrow)]
    c1: PackedIn<'a>,
}

fn check_meta(params: &Parameters, level: u32, scale: f64, slots: u64) -> Result<()> {
    let bad = |reason| Error::FileFormat { expected: CIPHERTEXT, reason };
    if level > params.max_level() {
        return Err(bad("the level is above the parameters' max_level"));
    }
    if !(scale.is_finite() && scale >= 1.0) {
        return Err(bad("the scale is not a finite number >= 1"));
    }
    if !slots.is_power_of_two() || slots > params.slots() as u64 {
        return Err(bad("the slot count is not a power of two of at most N/2"));
    }
    Ok(())
}

fn ciphertext_body_len(params: &Parameters, meta: &CiphertextMeta) -> usize {
    let primes = &params.q_primes()[..params.limbs_at(meta.level)];
    varint_len(meta.level as u64) + 8 + varint_len(meta.slots as u64) + 2 * packed_field_len(params.n(), primes)
}

/// Upper bound on [`ciphertext_len`] for `limbs` primes of at most 30
/// bits at degree `n` (for sizing a buffer at compile time).
pub const fn max_ciphertext_len(n: usize, limbs: usize) -> usize {
    let packed = limbs * (n * 30).div_ceil(8);
    let body = 10 + 8 + 10 + 2 * (5 + 10 + packed);
    MAGIC.len() + 1 + 3 + 10 + 10 + body + 10
}

/// The exact size of the ciphertext file [`write_ciphertext`] writes for
/// `meta` (the checksum's varint counted at its longest, 10 bytes, since it
/// depends on the residues). Errors for metadata the reader would refuse.
pub fn ciphertext_len(params: &Parameters, meta: &CiphertextMeta) -> Result<usize> {
    check_meta(params, meta.level, meta.scale, meta.slots as u64)?;
    let body = ciphertext_body_len(params, meta);
    Ok(header_len(params.fingerprint(), body) + body + 10)
}

/// Writes the ciphertext `(c0, c1)` (NTT domain, limb-major, exactly
/// `params.limbs_at(meta.level) * N` words each) into `out` in the format
/// of `Ciphertext::to_bytes`; returns the number of bytes written.
pub fn write_ciphertext(
    params: &Parameters,
    meta: &CiphertextMeta,
    c0: &[u32],
    c1: &[u32],
    out: &mut [u8],
) -> Result<usize> {
    check_meta(params, meta.level, meta.scale, meta.slots as u64)?;
    let n = params.n();
    let primes = &params.q_primes()[..params.limbs_at(meta.level)];
    check_residues(n, primes, c0)?;
    check_residues(n, primes, c1)?;
    let body = CiphertextOut {
        level: meta.level,
        scale: meta.scale,
        slots: meta.slots as u64,
        c0: packed_out(n, primes, c0),
        c1: packed_out(n, primes, c1),
    };
    let len = ciphertext_body_len(params, meta);
    write_envelope(CIPHERTEXT, KIND_CIPHERTEXT, params.fingerprint(), &body, len, out)
}

/// Reads a ciphertext file (as `Ciphertext::from_bytes` does) made for
/// `params` into `c0` and `c1` (each at least `params.limbs_at(level) * N`
/// words; the first that many are written, and their content is
/// unspecified after an error); returns its metadata.
pub fn read_ciphertext(params: &Parameters, bytes: &[u8], c0: &mut [u32], c1: &mut [u32]) -> Result<CiphertextMeta> {
    let (fp, raw) = read_envelope(CIPHERTEXT, KIND_CIPHERTEXT, bytes)?;
    check_fingerprint(params, "ciphertext file", fp)?;
    let b: CiphertextIn<'_> = match postcard::take_from_bytes(raw) {
        Ok((b, [])) => b,
        _ => return Err(Error::FileFormat { expected: CIPHERTEXT, reason: "the object's bytes do not decode" }),
    };
    check_meta(params, b.level, b.scale, b.slots)?;
    let n = params.n();
    let primes = &params.q_primes()[..params.limbs_at(b.level)];
    let len = primes.len() * n;
    for c in [&*c0, &*c1] {
        if c.len() < len {
            return Err(Error::LengthMismatch {
                what: "ciphertext buffer (limbs * N words)",
                expected: len,
                actual: c.len(),
            });
        }
    }
    unpack(CIPHERTEXT, n, primes, &b.c0, &mut c0[..len])?;
    unpack(CIPHERTEXT, n, primes, &b.c1, &mut c1[..len])?;
    Ok(CiphertextMeta { level: b.level, scale: b.scale, slots: b.slots as usize })
}

// ---------------------------------------------------------------------------
// Public keys

const PUBLIC_KEY: &str = "public key";

#[derive(Serialize)]
struct PublicKeyOut<'a> {
    b: PackedOut<'a>,
    seed: Seed,
}

#[derive(Deserialize)]
struct PublicKeyIn<'a> {
    #[serde(borrow)]
    b: PackedIn<'a>,
    seed: Seed,
}

fn public_key_body_len(params: &Parameters) -> usize {
    packed_field_len(params.n(), params.q_primes()) + SEED_LEN
}

/// The exact size of the public-key file [`write_public_key`] writes (the
/// checksum's varint counted at 10 bytes).
pub fn public_key_len(params: &Parameters) -> usize {
    let body = public_key_body_len(params);
    header_len(params.fingerprint(), body) + body + 10
}

/// Writes the public key (`b` over the whole `Q` chain, NTT domain, and
/// the seed of its uniform half, as `client::generate_public_key` makes
/// them) into `out` in the format of `PublicKey::to_bytes`; returns the
/// number of bytes written.
pub fn write_public_key(params: &Parameters, b: &[u32], seed: &Seed, out: &mut [u8]) -> Result<usize> {
    let n = params.n();
    let primes = params.q_primes();
    check_residues(n, primes, b)?;
    let body = PublicKeyOut { b: packed_out(n, primes, b), seed: *seed };
    write_envelope(PUBLIC_KEY, KIND_PUBLIC_KEY, params.fingerprint(), &body, public_key_body_len(params), out)
}

/// Reads a public-key file made for `params` into `b` (at least
/// `K * N` words for the `K` primes of the `Q` chain); returns the seed
/// of its uniform half.
pub fn read_public_key(params: &Parameters, bytes: &[u8], b: &mut [u32]) -> Result<Seed> {
    let (fp, raw) = read_envelope(PUBLIC_KEY, KIND_PUBLIC_KEY, bytes)?;
    check_fingerprint(params, "public key file", fp)?;
    let body: PublicKeyIn<'_> = match postcard::take_from_bytes(raw) {
        Ok((v, [])) => v,
        _ => return Err(Error::FileFormat { expected: PUBLIC_KEY, reason: "the object's bytes do not decode" }),
    };
    let n = params.n();
    let primes = params.q_primes();
    let len = primes.len() * n;
    if b.len() < len {
        return Err(Error::LengthMismatch {
            what: "public key buffer (limbs * N words)",
            expected: len,
            actual: b.len(),
        });
    }
    unpack(PUBLIC_KEY, n, primes, &body.b, &mut b[..len])?;
    Ok(body.seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ckks::params::{ParametersLiteral, SecretDistribution};

    fn params() -> Parameters {
        Parameters::new_insecure(ParametersLiteral {
            log_n: 10,
            log_scale: 29,
            max_level: 1,
            primes_per_level: 1,
            log_base_headroom: 31,
            dnum: 3,
            secret: SecretDistribution::Ternary,
            sigma: 3.2,
        })
        .unwrap()
    }

    #[test]
    fn varints() {
        assert_eq!(varint_len(0), 1);
        assert_eq!(varint_len(127), 1);
        assert_eq!(varint_len(128), 2);
        assert_eq!(varint_len(u64::MAX), 10);
    }

    #[test]
    fn round_trip_and_exact_length() {
        let p = params();
        let n = p.n();
        let k = p.q_primes().len();
        let c0: [u32; 3 * 1024] = core::array::from_fn(|i| (i as u32 * 7919) % p.q_primes()[i / n]);
        let c1: [u32; 3 * 1024] = core::array::from_fn(|i| p.q_primes()[i / n] - 1 - (i as u32 % 5));
        let meta = CiphertextMeta { level: p.max_level(), scale: p.default_scale(), slots: 512 };
        let mut buf = [0u8; max_ciphertext_len(1024, 3)];
        let len = write_ciphertext(&p, &meta, &c0[..k * n], &c1[..k * n], &mut buf).unwrap();
        let bound = ciphertext_len(&p, &meta).unwrap();
        assert!(len <= bound && len + 9 >= bound, "{len} vs {bound}");
        let (mut d0, mut d1) = ([0u32; 3 * 1024], [0u32; 3 * 1024]);
        assert_eq!(read_ciphertext(&p, &buf[..len], &mut d0, &mut d1).unwrap(), meta);
        assert_eq!(d0, c0);
        assert_eq!(d1, c1);
        // Too small a buffer is an error, not a panic.
        assert!(matches!(
            write_ciphertext(&p, &meta, &c0, &c1, &mut buf[..len - 1]),
            Err(Error::LengthMismatch { .. })
        ));
        assert!(write_ciphertext(&p, &meta, &c0, &c1, &mut buf[..100]).is_err());
    }
}
