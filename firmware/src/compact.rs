//! The compact client: [`crate::stream`]'s scheme and file format with a
//! single-precision slot buffer and secret-key encryption in one limb
//! buffer, for less RAM than SEAL-Embedded at `N = 2^12`.
//!
//! - Slots in `f32` (`encoding_f32`, the FPU's precision; SEAL-Embedded's
//!   inputs are single precision too): `8 S` bytes instead of `16 S`, and
//!   the special FFT runs on the FPU. Encoding leaves the plaintext's real
//!   coefficients in the slot buffer; each limb scales and rounds them in
//!   `f64` (`encoding_f32::add_f32_coefficients`), so every limb holds the
//!   same integer plaintext. Its precision: `encoding_f32`.
//! - Secret-key encryption (`client::encrypt_sk_limbs`) in ONE limb
//!   buffer `x`: `c0 = -a s + e + m` limb by limb with `a` drawn word by
//!   word from its seed; `c1 = a` expanded from the seed as it is
//!   written. The file is the host's ordinary ciphertext format (`a` in
//!   full), so the host's tools read, evaluate and decrypt it unchanged.
//! - Public-key encryption as in [`crate::stream`] (`client::encrypt_pk_limbs`,
//!   `b` recomputed per limb), which needs the second buffer `y`.
//! - Decryption one limb per buffer (`client::decrypt_limb_streamed`:
//!   `NTT(s)`, times `c1` read in chunks, plus `c0`, inverse NTT), limbs in
//!   `x`, the slot buffer's words and `y`; the CRT writes each
//!   coefficient divided by the scale as `f32` into `x`, then the slots.
//!
//! RAM: `(N + Y)` words plus `8 S` bytes, `Y` being `N` (both encryption
//! modes, decryption of up to three limbs) or `0` (secret-key encryption
//! only, decryption of up to two limbs, e.g. a result at level 0): 48 KiB
//! or 32 KiB at `N = 2^12` with all 2048 slots.

use polyhe_core::ckks::client::{self, Seed, SmallPoly, SEED_LEN};
use polyhe_core::ckks::encoding_f32::{add_f32_coefficients, decode_f32, encode_f32, Complex32, RootTable32};
use polyhe_core::ckks::wire::{ByteSource, CiphertextMeta, CiphertextReader, CiphertextWriter};
use polyhe_core::ckks::{Parameters, SecretDistribution};
use polyhe_core::ntt::{CpuNtt, NttEngine, NttTable};
use polyhe_core::ring::crt::Crt;
use polyhe_core::{Error, Result};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

/// Every buffer of the compact client for degree `N`, `S` slots (a power
/// of two, at most `N / 2`) and a second limb buffer of `Y` words (`N`,
/// or `0` for secret-key encryption only). RAM: `(N + Y)` words and
/// `8 S` bytes.
#[repr(C)]
pub struct CompactWorkspace<const N: usize, const S: usize, const Y: usize> {
    x: [u32; N],
    slots: [Complex32; S],
    y: [u32; Y],
}

impl<const N: usize, const S: usize, const Y: usize> CompactWorkspace<N, S, Y> {
    /// All zero: placed in `.bss` when used as a `static` initialiser.
    pub const ZERO: Self = Self { x: [0; N], slots: [Complex32::new(0.0, 0.0); S], y: [0; Y] };

    /// Bytes of RAM the workspace takes.
    pub const BYTES: usize = core::mem::size_of::<Self>();
}

/// A `&'static mut` [`CompactWorkspace`]`<N, S, Y>` in `.bss`, handed out
/// once: `Some` on the first evaluation of this macro call, `None` after.
#[macro_export]
macro_rules! static_compact_workspace {
    ($n:expr, $s:expr, $y:expr) => {{
        static TAKEN: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);
        static mut WS: $crate::compact::CompactWorkspace<{ $n }, { $s }, { $y }> =
            $crate::compact::CompactWorkspace::ZERO;
        if TAKEN.swap(true, core::sync::atomic::Ordering::AcqRel) {
            None
        } else {
            // SAFETY: handed out once (the flag above), so this is the
            // only reference to the static for the rest of the program.
            Some(unsafe { &mut *core::ptr::addr_of_mut!(WS) })
        }
    }};
}

/// The words of the slot buffer (`2 S`).
fn slot_words(slots: &mut [Complex32]) -> &mut [u32] {
    // SAFETY: `Complex32` is `repr(C)` `{ f32, f32 }` with no padding and
    // alignment 4, so `S` complex numbers are `2 S` initialised, aligned
    // u32 words; every bit pattern is valid for both types, and the
    // borrow of `slots` is exclusive for the returned lifetime.
    unsafe { core::slice::from_raw_parts_mut(slots.as_mut_ptr().cast::<u32>(), 2 * slots.len()) }
}

/// Which encryption [`CompactClient::encrypt`] performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, defmt::Format)]
pub enum Mode {
    /// With the secret key: one limb buffer (`Y` may be 0). The file is
    /// an ordinary ciphertext (`c1 = a` in full).
    Symmetric,
    /// As [`Mode::Symmetric`], written as a seeded ciphertext (`c0` and
    /// the 32-byte seed of `a`: half the bytes; the host reads it with
    /// `SeededCiphertext::from_bytes` and expands it).
    SymmetricSeeded,
    /// With the public key (recomputed limb by limb): needs `Y = N`.
    PublicKey,
}

/// The compact client over one [`CompactWorkspace`]; `K` is the number of
/// `Q` primes (at most 3).
pub struct CompactClient<'a, const N: usize, const K: usize, const S: usize, const Y: usize, E: NttEngine = CpuNtt> {
    params: &'a Parameters,
    engine: E,
    tables: heapless::Vec<NttTable<'static>, K>,
    roots: RootTable32<'static>,
    ws: &'a mut CompactWorkspace<N, S, Y>,
    pk_seed: Seed,
    /// The generator's state where key generation drew the ternary secret
    /// (the secret key, replayed limb by limb; wiped with it).
    secret: ChaCha20Rng,
    /// The generator's state where key generation drew the public key's
    /// error (secret too; wiped with the key).
    pk_error: ChaCha20Rng,
    has_keys: bool,
}

impl<'a, const N: usize, const K: usize, const S: usize, const Y: usize> CompactClient<'a, N, K, S, Y, CpuNtt> {
    /// The client with the CPU NTT; tables from flash. Errors when the
    /// sizes are not those of `params` or no flash tables exist for them.
    pub fn new(params: &'a Parameters, ws: &'a mut CompactWorkspace<N, S, Y>) -> Result<Self> {
        Self::with_engine(params, ws, CpuNtt)
    }
}

impl<'a, const N: usize, const K: usize, const S: usize, const Y: usize, E: NttEngine>
    CompactClient<'a, N, K, S, Y, E>
{
    /// The client with an NTT engine of the caller's; tables from flash.
    pub fn with_engine(params: &'a Parameters, ws: &'a mut CompactWorkspace<N, S, Y>, engine: E) -> Result<Self> {
        if params.n() != N {
            return Err(Error::LengthMismatch { what: "workspace ring degree", expected: params.n(), actual: N });
        }
        if params.q_primes().len() != K || K > 3 {
            return Err(Error::LengthMismatch {
                what: "Q primes (the compact client holds at most 3)",
                expected: params.q_primes().len(),
                actual: K,
            });
        }
        if !S.is_power_of_two() || S > N / 2 {
            return Err(Error::InvalidArgument { reason: "workspace slots must be a power of two of at most N/2" });
        }
        if Y != 0 && Y != N {
            return Err(Error::InvalidArgument { reason: "the second limb buffer must be N words or none" });
        }
        if params.secret() != SecretDistribution::Ternary {
            return Err(Error::InvalidArgument { reason: "the compact client replays ternary secrets only" });
        }
        let tables = crate::tables::ntt_tables::<K>(N, params.q_primes())?;
        let roots = crate::tables::root_table32(N)?;
        let (secret, pk_error) = (ChaCha20Rng::from_seed([0; SEED_LEN]), ChaCha20Rng::from_seed([0; SEED_LEN]));
        Ok(Self { params, engine, tables, roots, ws, pk_seed: [0; SEED_LEN], secret, pk_error, has_keys: false })
    }

    /// Generates the keys exactly as `StreamClient::keygen` does (the same
    /// draws from `rng`, so the same keys): the secret and the public key's
    /// error are kept as generator states, `b` is recomputed when needed.
    pub fn keygen(&mut self, rng: &mut ChaCha20Rng) -> Result<()> {
        self.secret = rng.clone();
        client::skip_ternary(rng, N);
        rng.fill_bytes(&mut self.pk_seed);
        self.pk_error = rng.clone();
        client::skip_cbd(rng, N);
        self.has_keys = true;
        Ok(())
    }

    fn secret(&self) -> SmallPoly<'static> {
        SmallPoly::Ternary { rng: self.secret.clone() }
    }

    fn need_keys(&self) -> Result<()> {
        if self.has_keys {
            Ok(())
        } else {
            Err(Error::InvalidArgument { reason: "generate the keys (CompactClient::keygen) first" })
        }
    }

    /// The slot buffer: write the input here before
    /// [`CompactClient::encode`]; it holds the decoded output after
    /// [`CompactClient::decrypt`].
    pub fn slots_mut(&mut self) -> &mut [Complex32; S] {
        &mut self.ws.slots
    }

    /// The slot values.
    pub fn slots(&self) -> &[Complex32; S] {
        &self.ws.slots
    }

    /// Encodes the slot buffer in place (`f32` special FFT): afterwards it
    /// holds the plaintext's real coefficients until
    /// [`CompactClient::encrypt`].
    pub fn encode(&mut self) -> Result<()> {
        encode_f32(&mut self.ws.slots, &self.roots)
    }

    /// Encrypts the encoded plaintext at the top level and the default
    /// scale, streaming the ciphertext file (the host's `ckks::files`
    /// format, or the seeded format for [`Mode::SymmetricSeeded`]) into
    /// `sink`; returns its length in bytes. Symmetric: the seed of `a` and
    /// then the error are drawn from `rng` (so both symmetric modes make
    /// the same `c0` from the same generator state).
    pub fn encrypt(
        &mut self,
        mode: Mode,
        rng: &mut ChaCha20Rng,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<usize> {
        self.need_keys()?;
        let params = self.params;
        let scale = params.default_scale();
        let meta = CiphertextMeta { level: params.max_level(), scale, slots: S };
        let sk = self.secret();
        let (engine, tables, pk_seed) = (&self.engine, &self.tables[..], &self.pk_seed);
        let ws = &mut *self.ws;
        let coefficients = &ws.slots;
        match mode {
            Mode::Symmetric | Mode::SymmetricSeeded => {
                let mut seed = [0u8; SEED_LEN];
                rng.fill_bytes(&mut seed);
                let seeded = mode == Mode::SymmetricSeeded;
                let mut writer = if seeded {
                    CiphertextWriter::begin_seeded(params, &meta, &seed, sink)?
                } else {
                    CiphertextWriter::begin(params, &meta, sink)?
                };
                let e = SmallPoly::Cbd { rng: rng.clone(), eta: params.error_eta() };
                client::skip_cbd(rng, N);
                client::encrypt_sk_limbs(
                    params,
                    engine,
                    tables,
                    &seed,
                    &sk,
                    &e,
                    &mut ws.x,
                    |t, out| add_f32_coefficients(coefficients, scale, t.modulus(), out),
                    |c, _, limb| {
                        if seeded && c == client::Component::C1 {
                            // The seed stands for c1.
                            Ok(())
                        } else {
                            writer.limb(limb, sink)
                        }
                    },
                )?;
                writer.finish(sink)
            }
            Mode::PublicKey => {
                if Y != N {
                    return Err(Error::InvalidArgument {
                        reason: "public-key encryption needs the second limb buffer (Y = N)",
                    });
                }
                let mut writer = CiphertextWriter::begin(params, &meta, sink)?;
                let pk_e = SmallPoly::Cbd { rng: self.pk_error.clone(), eta: params.error_eta() };
                let noise = client::replayable_encryption_noise(params, rng);
                let y: &mut [u32] = &mut ws.y;
                client::encrypt_pk_limbs(
                    params,
                    engine,
                    tables,
                    pk_seed,
                    &noise,
                    &mut ws.x,
                    y,
                    |i, t, out, scratch| client::public_key_limb(engine, t, i, &sk, &pk_e, pk_seed, out, scratch),
                    |t, out| {
                        out.fill(0);
                        add_f32_coefficients(coefficients, scale, t.modulus(), out)
                    },
                    |_, _, limb| writer.limb(limb, sink),
                )?;
                writer.finish(sink)
            }
        }
    }

    /// Reads a ciphertext file from `src` limb by limb (every check of
    /// `wire::read_ciphertext`), decrypts it and decodes all `S` slots into
    /// the slot buffer (a ciphertext of fewer slots repeats its values);
    /// returns its metadata. Limbs go to `x`, the slot buffer's words (when
    /// `2 S >= N`) and `y` (when `Y = N`): errors for a file of more limbs.
    pub fn decrypt<B: ByteSource>(&mut self, src: B) -> Result<CiphertextMeta> {
        self.need_keys()?;
        let mut reader = CiphertextReader::open(self.params, src)?;
        let meta = reader.meta();
        let k = self.params.limbs_at(meta.level);
        let in_slots = 2 * S >= N;
        let room = 1 + usize::from(in_slots) + usize::from(Y == N);
        if k > room {
            return Err(Error::InvalidArgument {
                reason: "the compact client decrypts one limb per buffer: x, the slot buffer (S = N/2) and y (Y = N)",
            });
        }
        let tables = &self.tables[..k];
        let sk = &self.secret();
        let ws = &mut *self.ws;
        let words = slot_words(&mut ws.slots);
        for (i, t) in tables.iter().enumerate() {
            let buf: &mut [u32] = match (i, in_slots) {
                (0, _) => &mut ws.x,
                (1, true) => &mut words[..N],
                _ => &mut ws.y,
            };
            client::decrypt_limb_streamed(&self.engine, t, sk, buf, |c, f| reader.read_limb_chunks(c, i, f))?;
        }
        // Each coefficient, centred, over the scale, as f32 bits in x.
        let crt = Crt::new(tables)?;
        let inv = 1.0 / meta.scale;
        let second: &[u32] = if in_slots { &words[..N] } else { &ws.y };
        for (j, lo) in ws.x.iter_mut().enumerate() {
            let r = [*lo, second.get(j).copied().unwrap_or(0), ws.y.get(j).copied().unwrap_or(0)];
            let v = crt.to_f64_centered(&r[..k])? * inv;
            *lo = (v as f32).to_bits();
        }
        let gap = N / 2 / S;
        for (i, z) in ws.slots.iter_mut().enumerate() {
            *z = Complex32::new(f32::from_bits(ws.x[i * gap]), f32::from_bits(ws.x[i * gap + N / 2]));
        }
        wipe_words(&mut ws.x);
        wipe_words(&mut ws.y);
        decode_f32(&mut ws.slots, &self.roots)?;
        Ok(meta)
    }

    /// Wipes the secret key and the key's error (their generator states)
    /// and the limb buffers.
    pub fn wipe_secrets(&mut self) {
        self.secret = ChaCha20Rng::from_seed([0; SEED_LEN]);
        self.pk_error = ChaCha20Rng::from_seed([0; SEED_LEN]);
        wipe_words(&mut self.ws.x);
        wipe_words(&mut self.ws.y);
        self.has_keys = false;
    }
}

fn wipe_words(b: &mut [u32]) {
    for x in b.iter_mut() {
        // SAFETY: a valid, aligned, exclusive reference.
        unsafe { core::ptr::write_volatile(x, 0) };
    }
}
