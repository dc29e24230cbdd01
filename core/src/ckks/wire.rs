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
/// File kind byte of a seeded symmetric ciphertext (`c0` and the seed of
/// `c1`; the host reads it with `SeededCiphertext::from_bytes`).
pub const KIND_SEEDED_CIPHERTEXT: u8 = 8;

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
pub(super) const fn varint_len(x: u64) -> usize {
    let bits = 64 - x.leading_zeros() as usize;
    if bits == 0 {
        1
    } else {
        bits.div_ceil(7)
    }
}

pub(super) fn bits_of(q: u32) -> u32 {
    32 - q.leading_zeros()
}

/// Bytes of one polynomial's packed residues over `primes`.
pub(super) fn packed_len(n: usize, primes: &[u32]) -> usize {
    primes.iter().map(|&q| (n * bits_of(q) as usize).div_ceil(8)).sum()
}

/// Bytes of a serialised `Packed { limbs, bytes }`.
pub(super) fn packed_field_len(n: usize, primes: &[u32]) -> usize {
    let b = packed_len(n, primes);
    varint_len(primes.len() as u64) + varint_len(b as u64) + b
}

// ---------------------------------------------------------------------------
// Envelope

#[derive(Serialize)]
pub(super) struct Header {
    pub(super) magic: [u8; 6],
    pub(super) kind: u8,
    pub(super) version: u16,
    pub(super) fingerprint: u64,
    /// The length prefix of the envelope's `body` bytes.
    pub(super) body_len: usize,
}

fn header_len(fingerprint: u64, body_len: usize) -> usize {
    MAGIC.len() + 1 + varint_len(FORMAT_VERSION as u64) + varint_len(fingerprint) + varint_len(body_len as u64)
}

pub(super) fn serialise_error(what: &'static str) -> Error {
    Error::FileFormat { expected: what, reason: "could not serialise the object" }
}

/// Writes the envelope of `body` (exactly `body_len` bytes once
/// serialised) into `out`; returns the bytes written.
pub(super) fn write_envelope<T: Serialize>(
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
pub(super) fn check_residues(n: usize, primes: &[u32], data: &[u32]) -> Result<()> {
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
// Streaming: one limb at a time, for a client without a whole-file buffer

/// FNV-1a 64, fed in pieces (the checksum of the envelope).
#[derive(Clone, Copy, Debug)]
pub(super) struct Fnv(pub(super) u64);

impl Fnv {
    pub(super) const fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
    pub(super) fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Bytes of one limb's packed residues modulo `q` at degree `n`.
fn limb_bytes(n: usize, q: u32) -> usize {
    (n * bits_of(q) as usize).div_ceil(8)
}

/// Writes a ciphertext file limb by limb: the same bytes as
/// [`write_ciphertext`], but the caller hands over `c0`'s limbs `0..K` and
/// then `c1`'s (the order `client::encrypt_pk_limbs` produces them) and the
/// bytes go to `sink` as they are made (e.g. a UART or a semihosting file),
/// so only one limb is ever in RAM. The checksum is computed on the way
/// and written by [`CiphertextWriter::finish`].
#[derive(Debug)]
pub struct CiphertextWriter<'p> {
    params: &'p Parameters,
    /// The seed of `c1` for a seeded ciphertext (only `c0` is written).
    seed: Option<Seed>,
    limbs: usize,
    /// Limbs written so far (`c0` then `c1`).
    done: usize,
    hash: Fnv,
    written: usize,
}

impl<'p> CiphertextWriter<'p> {
    /// Writes the envelope header and the metadata for a ciphertext of
    /// `meta` (errors for metadata the reader would refuse).
    pub fn begin(
        params: &'p Parameters,
        meta: &CiphertextMeta,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<Self> {
        Self::begin_with(params, meta, None, sink)
    }

    /// As [`CiphertextWriter::begin`] for a seeded symmetric ciphertext:
    /// the file of `SeededCiphertext::to_bytes` (kind
    /// [`KIND_SEEDED_CIPHERTEXT`], about half a ciphertext): only `c0`'s
    /// limbs are handed over; `seed` is the seed `c1 = a` was expanded
    /// from (`client::expand_uniform`, streams `0..K`), written by
    /// [`CiphertextWriter::finish`].
    pub fn begin_seeded(
        params: &'p Parameters,
        meta: &CiphertextMeta,
        seed: &Seed,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<Self> {
        Self::begin_with(params, meta, Some(*seed), sink)
    }

    fn begin_with(
        params: &'p Parameters,
        meta: &CiphertextMeta,
        seed: Option<Seed>,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<Self> {
        check_meta(params, meta.level, meta.scale, meta.slots as u64)?;
        let primes = &params.q_primes()[..params.limbs_at(meta.level)];
        let (kind, body_len) = match seed {
            None => (KIND_CIPHERTEXT, ciphertext_body_len(params, meta)),
            Some(_) => (
                KIND_SEEDED_CIPHERTEXT,
                ciphertext_body_len(params, meta) - packed_field_len(params.n(), primes) + SEED_LEN,
            ),
        };
        let header =
            Header { magic: MAGIC, kind, version: FORMAT_VERSION, fingerprint: params.fingerprint(), body_len };
        let mut buf = [0u8; 48];
        let h = postcard::to_slice(&header, &mut buf).map_err(|_| serialise_error(CIPHERTEXT))?.len();
        sink(&buf[..h])?;
        let limbs = params.limbs_at(meta.level);
        let mut w = Self { params, seed, limbs, done: 0, hash: Fnv::new(), written: h };
        let m = postcard::to_slice(&(meta.level, meta.scale, meta.slots as u64), &mut buf)
            .map_err(|_| serialise_error(CIPHERTEXT))?
            .len();
        w.body(&buf[..m], sink)?;
        w.packed_prefix(sink)?;
        Ok(w)
    }

    fn body(&mut self, bytes: &[u8], sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        self.hash.update(bytes);
        self.written += bytes.len();
        sink(bytes)
    }

    /// `Packed { limbs, bytes }`'s prefix: the limb count and byte length.
    fn packed_prefix(&mut self, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let primes = &self.params.q_primes()[..self.limbs];
        let mut buf = [0u8; 16];
        let m = postcard::to_slice(&(self.limbs as u32, packed_len(self.params.n(), primes)), &mut buf)
            .map_err(|_| serialise_error(CIPHERTEXT))?
            .len();
        self.body(&buf[..m], sink)
    }

    /// Appends the next limb (`N` residues below its prime, NTT domain):
    /// `c0`'s limbs in order, then `c1`'s. Errors for a limb too many, a
    /// wrong length or an unreduced residue.
    pub fn limb(&mut self, data: &[u32], sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        if self.done >= self.components() * self.limbs {
            return Err(Error::InvalidArgument { reason: "CiphertextWriter: every limb is already written" });
        }
        let q = self.params.q_primes()[self.done % self.limbs];
        check_residues(self.params.n(), &[q], data)?;
        let bits = bits_of(q);
        let mut buf = [0u8; 64];
        let mut fill = 0;
        let (mut acc, mut have) = (0u64, 0u32);
        for &v in data {
            acc |= (v as u64) << have;
            have += bits;
            while have >= 8 {
                buf[fill] = acc as u8;
                fill += 1;
                acc >>= 8;
                have -= 8;
                if fill == buf.len() {
                    self.body(&buf, sink)?;
                    fill = 0;
                }
            }
        }
        if have > 0 {
            buf[fill] = acc as u8;
            fill += 1;
        }
        self.body(&buf[..fill], sink)?;
        self.done += 1;
        if self.done == self.limbs && self.seed.is_none() {
            self.packed_prefix(sink)?;
        }
        Ok(())
    }

    /// Polynomials written in full: 2, or 1 (`c0`) for a seeded file.
    fn components(&self) -> usize {
        if self.seed.is_some() {
            1
        } else {
            2
        }
    }

    /// Writes the checksum; returns the file's length in bytes. Errors
    /// when limbs are missing.
    pub fn finish(mut self, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<usize> {
        if self.done != self.components() * self.limbs {
            return Err(Error::InvalidArgument { reason: "CiphertextWriter: limbs are missing" });
        }
        if let Some(seed) = self.seed {
            // postcard writes a [u8; 32] as its 32 bytes.
            self.body(&seed, sink)?;
        }
        let mut buf = [0u8; 10];
        let m = postcard::to_slice(&self.hash.0, &mut buf).map_err(|_| serialise_error(CIPHERTEXT))?.len();
        sink(&buf[..m])?;
        Ok(self.written + m)
    }
}

/// Random access to the bytes of a file (e.g. a semihosting file, or
/// external flash), for [`CiphertextReader`].
pub trait ByteSource {
    /// The file's length in bytes.
    fn byte_len(&mut self) -> Result<usize>;
    /// Fills `buf` with the bytes at `offset..offset + buf.len()`; errors
    /// when they are not all there.
    fn read_at(&mut self, offset: usize, buf: &mut [u8]) -> Result<()>;
}

impl ByteSource for &[u8] {
    fn byte_len(&mut self) -> Result<usize> {
        Ok(<[u8]>::len(self))
    }
    fn read_at(&mut self, offset: usize, buf: &mut [u8]) -> Result<()> {
        let src = offset.checked_add(buf.len()).and_then(|end| self.get(offset..end)).ok_or(Error::FileFormat {
            expected: CIPHERTEXT,
            reason: "the file is truncated or its header is corrupted",
        })?;
        buf.copy_from_slice(src);
        Ok(())
    }
}

/// Reads a ciphertext file limb by limb from a [`ByteSource`]: the checks
/// of [`read_ciphertext`] (magic, kind, version, trailing bytes, checksum
/// over the whole body, fingerprint, metadata, shapes; every residue below
/// its prime as it is read), with a few hundred bytes of RAM instead of the
/// file and two `K N`-word buffers.
#[derive(Debug)]
pub struct CiphertextReader<'p, S> {
    params: &'p Parameters,
    src: S,
    meta: CiphertextMeta,
    /// Offsets of `c0`'s and `c1`'s packed residues.
    data: [usize; 2],
}

/// Reads an unsigned postcard varint at `*at`, advancing it.
fn read_varint(src: &mut impl ByteSource, at: &mut usize, end: usize) -> Result<u64> {
    let bad = Error::FileFormat { expected: CIPHERTEXT, reason: "the file is truncated or its header is corrupted" };
    let mut v = 0u64;
    for i in 0..10 {
        if *at >= end {
            return Err(bad);
        }
        let mut b = [0u8; 1];
        src.read_at(*at, &mut b)?;
        *at += 1;
        // The tenth byte carries bit 63 only; more does not fit a u64.
        if i == 9 && b[0] > 1 {
            return Err(bad);
        }
        v |= u64::from(b[0] & 0x7f) << (7 * i);
        if b[0] & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(bad)
}

impl<'p, S: ByteSource> CiphertextReader<'p, S> {
    /// Checks the file in `src` (one pass over it for the checksum) and
    /// reads its metadata.
    pub fn open(params: &'p Parameters, mut src: S) -> Result<Self> {
        let env = |e: crate::envelope::EnvelopeError| e.into_error(CIPHERTEXT, FORMAT_VERSION);
        use crate::envelope::EnvelopeError as E;
        let total = src.byte_len()?;
        let mut magic = [0u8; 6];
        if total < MAGIC.len() {
            return Err(env(E::BadMagic));
        }
        src.read_at(0, &mut magic)?;
        if magic != MAGIC {
            return Err(env(E::BadMagic));
        }
        let mut at = MAGIC.len();
        let trunc = |_| env(E::Truncated);
        let mut kind = [0u8; 1];
        if at >= total {
            return Err(env(E::Truncated));
        }
        src.read_at(at, &mut kind)?;
        at += 1;
        let version = read_varint(&mut src, &mut at, total).map_err(trunc)?;
        let fingerprint = read_varint(&mut src, &mut at, total).map_err(trunc)?;
        let body_len = read_varint(&mut src, &mut at, total).map_err(trunc)? as usize;
        let body = at;
        let body_end = body.checked_add(body_len).filter(|&e| e <= total).ok_or(env(E::Truncated))?;
        let mut after = body_end;
        let checksum = read_varint(&mut src, &mut after, total).map_err(trunc)?;
        let version = u16::try_from(version).map_err(|_| env(E::Truncated))?;
        if kind[0] != KIND_CIPHERTEXT {
            return Err(env(E::WrongKind(kind[0])));
        }
        if version != FORMAT_VERSION {
            return Err(env(E::Version(version)));
        }
        if after != total {
            return Err(env(E::Trailing));
        }
        let mut hash = Fnv::new();
        let mut buf = [0u8; 64];
        let mut p = body;
        while p < body_end {
            let len = buf.len().min(body_end - p);
            src.read_at(p, &mut buf[..len])?;
            hash.update(&buf[..len]);
            p += len;
        }
        if hash.0 != checksum {
            return Err(env(E::Checksum));
        }
        check_fingerprint(params, "ciphertext file", fingerprint)?;
        let undecodable = Error::FileFormat { expected: CIPHERTEXT, reason: "the object's bytes do not decode" };
        let mut at = body;
        let level = u32::try_from(read_varint(&mut src, &mut at, body_end).map_err(|_| undecodable.clone())?)
            .map_err(|_| undecodable.clone())?;
        if at + 8 > body_end {
            return Err(undecodable);
        }
        let mut sb = [0u8; 8];
        src.read_at(at, &mut sb)?;
        at += 8;
        let scale = f64::from_le_bytes(sb);
        let slots = read_varint(&mut src, &mut at, body_end).map_err(|_| undecodable.clone())?;
        check_meta(params, level, scale, slots)?;
        let n = params.n();
        let primes = &params.q_primes()[..params.limbs_at(level)];
        let bad = |reason| Error::FileFormat { expected: CIPHERTEXT, reason };
        let mut data = [0usize; 2];
        for d in data.iter_mut() {
            let limbs = read_varint(&mut src, &mut at, body_end).map_err(|_| undecodable.clone())?;
            let bytes = read_varint(&mut src, &mut at, body_end).map_err(|_| undecodable.clone())?;
            if bytes > (body_end - at) as u64 {
                return Err(undecodable);
            }
            if limbs != primes.len() as u64 {
                return Err(bad("a polynomial has the wrong number of limbs for its level"));
            }
            if bytes != packed_len(n, primes) as u64 {
                return Err(bad("a polynomial has the wrong number of bytes"));
            }
            *d = at;
            at += bytes as usize;
        }
        if at != body_end {
            return Err(undecodable);
        }
        Ok(Self { params, src, meta: CiphertextMeta { level, scale, slots: slots as usize }, data })
    }

    /// The ciphertext's level, scale and slot count.
    pub fn meta(&self) -> CiphertextMeta {
        self.meta
    }

    /// Reads limb `limb` of `component` (NTT domain, `N` words) into
    /// `out`; errors for a limb beyond the level or a residue not below
    /// its prime.
    pub fn read_limb(&mut self, component: super::client::Component, limb: usize, out: &mut [u32]) -> Result<()> {
        let n = self.params.n();
        if out.len() != n {
            return Err(Error::LengthMismatch { what: "ciphertext limb (N words)", expected: n, actual: out.len() });
        }
        self.read_limb_chunks(component, limb, &mut |start, words| {
            out[start..start + words.len()].copy_from_slice(words);
            Ok(())
        })
    }

    /// Reads limb `limb` of `component` (NTT domain) without an `N`-word
    /// buffer: calls `f(start, words)` on consecutive chunks of at most
    /// [`READ_CHUNK`] words (`start` is the index of `words[0]` in the
    /// limb) until all `N` are delivered; errors for a limb beyond the level
    /// or a residue not below its prime (before `f` sees its chunk), and
    /// passes on `f`'s errors.
    pub fn read_limb_chunks(
        &mut self,
        component: super::client::Component,
        limb: usize,
        f: &mut dyn FnMut(usize, &[u32]) -> Result<()>,
    ) -> Result<()> {
        let n = self.params.n();
        let primes = &self.params.q_primes()[..self.params.limbs_at(self.meta.level)];
        let &q = primes.get(limb).ok_or(Error::InvalidArgument { reason: "read_limb: no such limb at this level" })?;
        let c = match component {
            super::client::Component::C0 => 0,
            super::client::Component::C1 => 1,
        };
        let mut at = self.data[c] + primes[..limb].iter().map(|&p| limb_bytes(n, p)).sum::<usize>();
        let end = at + limb_bytes(n, q);
        let bits = bits_of(q);
        let mut buf = [0u8; 64];
        let mut words = [0u32; READ_CHUNK];
        let (mut fill, mut used) = (0usize, 0usize);
        let (mut acc, mut have) = (0u64, 0u32);
        let mut start = 0;
        while start < n {
            let len = READ_CHUNK.min(n - start);
            for (k, x) in words[..len].iter_mut().enumerate() {
                while have < bits {
                    if used == fill {
                        fill = buf.len().min(end - at);
                        self.src.read_at(at, &mut buf[..fill])?;
                        at += fill;
                        used = 0;
                    }
                    acc |= u64::from(buf[used]) << have;
                    used += 1;
                    have += 8;
                }
                *x = (acc & ((1u64 << bits) - 1)) as u32;
                acc >>= bits;
                have -= bits;
                if *x >= q {
                    return Err(Error::ResidueOutOfRange { value: *x, index: limb * n + start + k, q });
                }
            }
            f(start, &words[..len])?;
            start += len;
        }
        Ok(())
    }
}

/// Words per chunk of [`CiphertextReader::read_limb_chunks`].
pub const READ_CHUNK: usize = 32;

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
    fn streaming_writer_and_reader_match_the_whole_file_functions() {
        use crate::ckks::client::Component;
        let p = params();
        let n = p.n();
        let c0: [u32; 3 * 1024] = core::array::from_fn(|i| (i as u32 * 7919) % p.q_primes()[i / n]);
        let c1: [u32; 3 * 1024] = core::array::from_fn(|i| p.q_primes()[i / n] - 1 - (i as u32 % 5));
        for level in [p.max_level(), 0] {
            let k = p.limbs_at(level);
            let meta = CiphertextMeta { level, scale: 1234.5, slots: 64 };
            let mut want = [0u8; max_ciphertext_len(1024, 3)];
            let len = write_ciphertext(&p, &meta, &c0[..k * n], &c1[..k * n], &mut want).unwrap();
            let mut got = [0u8; max_ciphertext_len(1024, 3)];
            let mut at = 0;
            let mut sink = |b: &[u8]| {
                got[at..at + b.len()].copy_from_slice(b);
                at += b.len();
                Ok(())
            };
            let mut w = CiphertextWriter::begin(&p, &meta, &mut sink).unwrap();
            for c in [&c0, &c1] {
                for l in 0..k {
                    w.limb(&c[l * n..(l + 1) * n], &mut sink).unwrap();
                }
            }
            assert!(w.limb(&c0[..n], &mut sink).is_err());
            let wlen = w.finish(&mut sink).unwrap();
            assert_eq!(wlen, len);
            assert_eq!(got[..len], want[..len]);

            let mut r = CiphertextReader::open(&p, &want[..len]).unwrap();
            assert_eq!(r.meta(), meta);
            let mut limb = [0u32; 1024];
            for (comp, c) in [(Component::C0, &c0), (Component::C1, &c1)] {
                for l in 0..k {
                    r.read_limb(comp, l, &mut limb).unwrap();
                    assert_eq!(limb[..], c[l * n..(l + 1) * n]);
                }
            }
            assert!(r.read_limb(Component::C0, k, &mut limb).is_err());
            // Every corruption the whole-file reader refuses, the streaming
            // one refuses with the same error.
            let (mut d0, mut d1) = ([0u32; 3 * 1024], [0u32; 3 * 1024]);
            for i in (0..len).step_by(97).chain([0, 6, 7, 8, len - 1]) {
                let mut bad = want;
                bad[i] ^= 0x20;
                let e1 = read_ciphertext(&p, &bad[..len], &mut d0, &mut d1).unwrap_err();
                let e2 = CiphertextReader::open(&p, &bad[..len]).err();
                assert_eq!(Some(e1), e2, "byte {i} of {len}");
            }
            for cut in [0, 3, 20, len / 2, len - 1] {
                assert!(CiphertextReader::open(&p, &want[..cut]).is_err(), "cut {cut}");
            }
            let mut longer = want;
            assert!(CiphertextReader::open(&p, &longer[..len + 1]).is_err(), "trailing byte");
            longer[len] = 0;
            assert!(read_ciphertext(&p, &longer[..len + 1], &mut d0, &mut d1).is_err());
        }
        // Missing limbs are an error at finish.
        let meta = CiphertextMeta { level: 0, scale: 2.0, slots: 1 };
        let mut sink = |_: &[u8]| Ok(());
        let w = CiphertextWriter::begin(&p, &meta, &mut sink).unwrap();
        assert!(w.finish(&mut sink).is_err());
    }

    #[cfg(feature = "std")]
    #[test]
    fn seeded_writer_writes_what_the_host_reads() {
        use crate::ckks::{client, Context, KeyGenerator, SeededCiphertext};
        use rand_chacha::rand_core::SeedableRng;
        let p = params();
        let ctx = Context::new(p.clone()).unwrap();
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
        let sk = KeyGenerator::new(&ctx).gen_secret(&mut rng).unwrap();
        let z: std::vec::Vec<_> = (0..8).map(|i| crate::ckks::Complex::new(i as f64 * 0.1, -0.5)).collect();
        let seeded = ctx.encrypt_sk_seeded(&sk, &z, &mut rng).unwrap();
        let want = seeded.to_bytes().unwrap();
        let n = p.n();
        let meta = CiphertextMeta { level: seeded.level(), scale: seeded.scale(), slots: seeded.slots() };
        let mut got = std::vec::Vec::new();
        let mut sink = |b: &[u8]| {
            got.extend_from_slice(b);
            Ok(())
        };
        let mut w = CiphertextWriter::begin_seeded(&p, &meta, &seeded.seed, &mut sink).unwrap();
        let c0 = seeded.c0.data();
        for l in 0..p.limbs_at(meta.level) {
            w.limb(&c0[l * n..(l + 1) * n], &mut sink).unwrap();
        }
        // Only c0 in a seeded file.
        assert!(w.limb(&c0[..n], &mut sink).is_err());
        let len = w.finish(&mut sink).unwrap();
        assert_eq!(len, got.len());
        assert_eq!(got, want);
        // The host reads it and expands c1 from the seed.
        let back = SeededCiphertext::from_bytes(&ctx, &got).unwrap();
        assert_eq!(back, seeded);
        let full = back.expand(&ctx).unwrap();
        let mut a = std::vec![0u32; n];
        client::expand_limb(&seeded.seed, 0, p.q_primes()[0], &mut a);
        assert_eq!(full.c1.data()[..n], a[..]);
        // Missing limbs are an error at finish.
        let w = CiphertextWriter::begin_seeded(&p, &meta, &seeded.seed, &mut |_: &[u8]| Ok(())).unwrap();
        assert!(w.finish(&mut |_: &[u8]| Ok(())).is_err());
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
