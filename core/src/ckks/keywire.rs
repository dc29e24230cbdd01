//! Parameters and evaluation keys on the wire without allocation: the
//! bytes of `Parameters::to_bytes`, `RelinKey::to_bytes` and
//! `GaloisKeys::to_bytes` (`ckks::files`), written by a device that holds
//! the secret key and streams its evaluation keys out one limb at a time
//! (`client::switching_key_limb`). The host reads them with its ordinary
//! readers (`Parameters::from_bytes`, `RelinKey::from_bytes`,
//! `GaloisKeys::from_bytes`: every check, typed errors).
//!
//! A key file's body is `galois, digits[b_q, b_p, seed]` per key (a
//! Galois-keys file prefixes the key count, keys by ascending element);
//! the FNV-1a checksum follows the body, so it is computed on the way.

use serde::Serialize;

use super::client::{Seed, SEED_LEN};
use super::params::{Parameters, SecretDistribution, Security};
use super::wire::{
    bits_of, check_residues, packed_field_len, packed_len, serialise_error, varint_len, write_envelope, Fnv, Header,
    FORMAT_VERSION, MAGIC,
};
use crate::{Error, Result};

/// File kind byte of a parameter set.
pub const KIND_PARAMETERS: u8 = 1;
/// File kind byte of a relinearisation key.
pub const KIND_RELIN_KEY: u8 = 3;
/// File kind byte of a set of Galois keys.
pub const KIND_GALOIS_KEYS: u8 = 4;

/// `files::ParamsBody` with borrowed prime lists (postcard encodes a slice
/// as a `Vec`).
#[derive(Serialize)]
struct ParamsOut<'a> {
    log_n: u32,
    log_scale: u32,
    max_level: u32,
    primes_per_level: u32,
    log_base_headroom: u32,
    dnum: u32,
    hamming_weight: u32,
    sigma: f64,
    insecure: bool,
    q: &'a [u32],
    p: &'a [u32],
}

/// Writes the parameter file of `params` (the bytes of
/// `Parameters::to_bytes`) into `out` (1 KiB is always enough); returns
/// the bytes written.
pub fn write_parameters(params: &Parameters, out: &mut [u8]) -> Result<usize> {
    let l = params.literal();
    let body = ParamsOut {
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
        insecure: params.security() == Security::Insecure,
        q: params.q_primes(),
        p: params.p_primes(),
    };
    let mut tmp = [0u8; 768];
    let body_len = postcard::to_slice(&body, &mut tmp).map_err(|_| serialise_error("parameters"))?.len();
    write_envelope("parameters", KIND_PARAMETERS, params.fingerprint(), &body, body_len, out)
}

/// Writes a relinearisation-key or Galois-keys file limb by limb: per key
/// and digit, the `Q` limbs of `b` in order, then the special primes'
/// limbs ([`KeyFileWriter::limb`]), then the digit's seed
/// ([`KeyFileWriter::end_digit`]); [`KeyFileWriter::finish`] writes the
/// checksum. Only the bytes of one call are ever held.
#[derive(Debug)]
pub struct KeyFileWriter<'p> {
    params: &'p Parameters,
    /// The Galois elements in file order (empty for the relinearisation key).
    elements: &'p [u64],
    keys: usize,
    digits: usize,
    key: usize,
    digit: usize,
    /// Limbs of the current digit written (`Q` then `P`).
    limb: usize,
    hash: Fnv,
    written: usize,
}

impl<'p> KeyFileWriter<'p> {
    /// Begins the relinearisation key's file.
    pub fn begin_relin(params: &'p Parameters, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<Self> {
        Self::begin(params, &[], KIND_RELIN_KEY, sink)
    }

    /// Begins a Galois-keys file with one key per element of `elements`
    /// (each odd, not 1, below `2N`, in strictly ascending order: the
    /// order `GaloisKeys::to_bytes` writes).
    pub fn begin_galois(
        params: &'p Parameters,
        elements: &'p [u64],
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<Self> {
        let two_n = 2 * params.n() as u64;
        if elements.iter().any(|&g| g % 2 == 0 || g == 1 || g >= two_n) {
            return Err(Error::InvalidArgument {
                reason: "KeyFileWriter: a Galois element is odd, not 1 and below 2N",
            });
        }
        if elements.windows(2).any(|w| w[0] >= w[1]) {
            return Err(Error::InvalidArgument {
                reason: "KeyFileWriter: Galois elements go in strictly ascending order (the file's order)",
            });
        }
        Self::begin(params, elements, KIND_GALOIS_KEYS, sink)
    }

    fn begin(
        params: &'p Parameters,
        elements: &'p [u64],
        kind: u8,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<Self> {
        let digits = params.q_primes().len().div_ceil(params.alpha());
        let keys = if kind == KIND_RELIN_KEY { 1 } else { elements.len() };
        let mut w = Self { params, elements, keys, digits, key: 0, digit: 0, limb: 0, hash: Fnv::new(), written: 0 };
        let body_len = w.body_len();
        let header =
            Header { magic: MAGIC, kind, version: FORMAT_VERSION, fingerprint: params.fingerprint(), body_len };
        let mut buf = [0u8; 48];
        let h = postcard::to_slice(&header, &mut buf).map_err(|_| serialise_error("key file"))?.len();
        sink(&buf[..h])?;
        w.written = h;
        if kind == KIND_GALOIS_KEYS {
            w.body_varint(elements.len() as u64, sink)?;
        }
        Ok(w)
    }

    fn is_galois(&self) -> bool {
        !self.elements.is_empty() || self.keys == 0
    }

    fn galois(&self, key: usize) -> u64 {
        self.elements.get(key).copied().unwrap_or(0)
    }

    fn digit_len(&self) -> usize {
        let n = self.params.n();
        packed_field_len(n, self.params.q_primes()) + packed_field_len(n, self.params.p_primes()) + SEED_LEN
    }

    fn body_len(&self) -> usize {
        let key = |g: u64| varint_len(g) + varint_len(self.digits as u64) + self.digits * self.digit_len();
        if self.is_galois() {
            varint_len(self.keys as u64) + self.elements.iter().map(|&g| key(g)).sum::<usize>()
        } else {
            key(0)
        }
    }

    fn body(&mut self, bytes: &[u8], sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        self.hash.update(bytes);
        self.written += bytes.len();
        sink(bytes)
    }

    fn body_varint(&mut self, x: u64, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let mut buf = [0u8; 10];
        let m = postcard::to_slice(&x, &mut buf).map_err(|_| serialise_error("key file"))?.len();
        self.body(&buf[..m], sink)
    }

    /// The prime of the next limb: `(true, i)` for `Q` prime `i`,
    /// `(false, j)` for special prime `j`; `None` when the digit's limbs
    /// are all written (or every key is).
    pub fn next_limb(&self) -> Option<(bool, usize)> {
        let k = self.params.q_primes().len();
        if self.key >= self.keys || self.limb >= k + self.params.p_primes().len() {
            return None;
        }
        Some(if self.limb < k { (true, self.limb) } else { (false, self.limb - k) })
    }

    /// Appends the next limb of `b` (`N` residues below its prime, NTT
    /// domain). Errors for a limb too many, a wrong length or an
    /// unreduced residue.
    pub fn limb(&mut self, data: &[u32], sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let (in_q, i) = self.next_limb().ok_or(Error::InvalidArgument {
            reason: "KeyFileWriter: the digit's limbs are written (end_digit next) or every key is",
        })?;
        let q = if in_q { self.params.q_primes()[i] } else { self.params.p_primes()[i] };
        let n = self.params.n();
        check_residues(n, &[q], data)?;
        if self.digit == 0 && self.limb == 0 {
            self.body_varint(self.galois(self.key), sink)?;
            self.body_varint(self.digits as u64, sink)?;
        }
        if i == 0 {
            let primes = if in_q { self.params.q_primes() } else { self.params.p_primes() };
            self.body_varint(primes.len() as u64, sink)?;
            self.body_varint(packed_len(n, primes) as u64, sink)?;
        }
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
        self.limb += 1;
        Ok(())
    }

    /// Ends the current digit with the seed its `a` was expanded from.
    /// Errors unless all its limbs are written.
    pub fn end_digit(&mut self, seed: &Seed, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<()> {
        let limbs = self.params.q_primes().len() + self.params.p_primes().len();
        if self.key >= self.keys || self.limb != limbs {
            return Err(Error::InvalidArgument { reason: "KeyFileWriter: end_digit before the digit's last limb" });
        }
        self.body(seed, sink)?;
        self.limb = 0;
        self.digit += 1;
        if self.digit == self.digits {
            self.digit = 0;
            self.key += 1;
        }
        Ok(())
    }

    /// Writes the checksum; returns the file's length in bytes. Errors
    /// when keys, digits or limbs are missing.
    pub fn finish(self, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<usize> {
        if self.key != self.keys {
            return Err(Error::InvalidArgument { reason: "KeyFileWriter: keys, digits or limbs are missing" });
        }
        let mut buf = [0u8; 10];
        let m = postcard::to_slice(&self.hash.0, &mut buf).map_err(|_| serialise_error("key file"))?.len();
        sink(&buf[..m])?;
        Ok(self.written + m)
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::ckks::{Context, GaloisKeys, KeyGenerator, ParametersLiteral, RelinKey, SwitchingKey};
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    fn params() -> Parameters {
        Parameters::new_insecure(ParametersLiteral {
            log_n: 11,
            log_scale: 29,
            max_level: 2,
            primes_per_level: 1,
            log_base_headroom: 31,
            dnum: 2,
            secret: SecretDistribution::Ternary,
            sigma: 3.2,
        })
        .unwrap()
    }

    fn stream(w: &mut KeyFileWriter<'_>, key: &SwitchingKey, out: &mut Vec<u8>) {
        let n = w.params.n();
        let mut sink = |b: &[u8]| {
            out.extend_from_slice(b);
            Ok(())
        };
        for d in &key.digits {
            for i in 0..w.params.q_primes().len() {
                assert_eq!(w.next_limb(), Some((true, i)));
                w.limb(&d.b_q.data()[i * n..(i + 1) * n], &mut sink).unwrap();
            }
            for j in 0..w.params.p_primes().len() {
                assert_eq!(w.next_limb(), Some((false, j)));
                w.limb(&d.b_p.data()[j * n..(j + 1) * n], &mut sink).unwrap();
            }
            assert_eq!(w.next_limb(), None);
            w.end_digit(&d.seed, &mut sink).unwrap();
        }
    }

    #[test]
    fn streamed_files_equal_the_host_files() {
        let params = params();
        let mut out = [0u8; 1024];
        let len = write_parameters(&params, &mut out).unwrap();
        assert_eq!(out[..len], params.to_bytes().unwrap()[..]);
        let secure = Parameters::preset_n15();
        let len = write_parameters(&secure, &mut out).unwrap();
        assert_eq!(out[..len], secure.to_bytes().unwrap()[..]);

        let ctx = Context::new(params.clone()).unwrap();
        let kg = KeyGenerator::new(&ctx);
        let mut rng = ChaCha20Rng::seed_from_u64(70);
        let sk = kg.gen_secret(&mut rng).unwrap();
        let relin = kg.gen_relin(&sk, &mut rng).unwrap();
        let galois = kg.gen_galois(&sk, &[1, 4, -2], false, &mut rng).unwrap();

        let mut bytes = Vec::new();
        let mut w = KeyFileWriter::begin_relin(&params, &mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        let mut body = Vec::new();
        stream(&mut w, &relin.0, &mut body);
        let mut tail = Vec::new();
        let len = w
            .finish(&mut |b: &[u8]| {
                tail.extend_from_slice(b);
                Ok(())
            })
            .unwrap();
        bytes.extend(body);
        bytes.extend(tail);
        assert_eq!(len, bytes.len());
        assert_eq!(bytes, relin.to_bytes().unwrap());
        assert_eq!(RelinKey::from_bytes(&ctx, &bytes).unwrap(), relin);

        let elements: Vec<u64> = galois.elements().collect();
        let mut bytes = Vec::new();
        let mut w = KeyFileWriter::begin_galois(&params, &elements, &mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        let mut body = Vec::new();
        for &g in &elements {
            stream(&mut w, galois.get(g).unwrap(), &mut body);
        }
        let mut tail = Vec::new();
        w.finish(&mut |b: &[u8]| {
            tail.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        bytes.extend(body);
        bytes.extend(tail);
        assert_eq!(bytes, galois.to_bytes(&ctx).unwrap());
        assert_eq!(GaloisKeys::from_bytes(&ctx, &bytes).unwrap(), galois);

        // No Galois keys at all is a valid (empty) file.
        let mut bytes = Vec::new();
        let w = KeyFileWriter::begin_galois(&params, &[], &mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        w.finish(&mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        assert_eq!(bytes, GaloisKeys::default().to_bytes(&ctx).unwrap());
    }

    #[test]
    fn misuse_is_an_error() {
        let params = params();
        let n = params.n();
        let mut sink = |_: &[u8]| Ok(());
        for bad in [&[4u64][..], &[1], &[4 * n as u64 + 1], &[5, 3], &[5, 5]] {
            assert!(KeyFileWriter::begin_galois(&params, bad, &mut sink).is_err(), "{bad:?}");
        }
        let mut w = KeyFileWriter::begin_relin(&params, &mut sink).unwrap();
        // Unreduced residue, wrong length, seed before the limbs, early finish.
        let q0 = params.q_primes()[0];
        assert!(w.limb(&vec![q0; n], &mut sink).is_err());
        assert!(w.limb(&vec![0; n - 1], &mut sink).is_err());
        assert!(w.end_digit(&[0; SEED_LEN], &mut sink).is_err());
        w.limb(&vec![1; n], &mut sink).unwrap();
        assert!(w.finish(&mut sink).is_err());
        // A limb after the last key.
        let mut w = KeyFileWriter::begin_galois(&params, &[], &mut sink).unwrap();
        assert!(w.limb(&vec![1; n], &mut sink).is_err());
    }
}
