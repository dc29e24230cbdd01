//! The streaming CKKS client: the same scheme and file format as
//! [`crate::client`], with one prime's polynomial in RAM at a time.
//!
//! - Tables in flash: NTT twiddles and special-FFT roots come from
//!   [`crate::tables`] (computed at build time), not RAM.
//! - Encoding leaves the plaintext's nonzero integer coefficients in the
//!   slot buffer (`encoding::encode_rounded`); each prime's residues are
//!   made from it when that limb is encrypted.
//! - Public-key encryption limb by limb (`client::encrypt_pk_limbs`): two
//!   `N`-word buffers; each finished limb goes straight to a
//!   `wire::CiphertextWriter`, whose bytes go to a caller's sink (a
//!   semihosting file, a UART); no ciphertext buffer.
//! - The public key's `b` is not stored: the device holds the secret key
//!   anyway, so each limb of `b` is recomputed from the secret, the key's
//!   error (replayed from the generator's state, no buffer) and the seed
//!   of `a` (`client::public_key_limb`),
//!   the same words [`crate::client::Client`] keeps in RAM (48 KiB at
//!   `N = 2^12`). The cost is two forward NTTs per limb and encryption.
//! - Decryption reads the ciphertext limb by limb from a
//!   `wire::ByteSource` (`wire::CiphertextReader`), keeps each prime's
//!   plaintext residues (up to three limbs: two buffers and the slot
//!   buffer's first half), and decodes through the CRT into the slots.
//!
//! - No small polynomial is stored either: the ternary secret, the key's
//!   error and each encryption's `v`, `e0`, `e1` are the next `N` draws of
//!   the CSPRNG at a recorded state, replayed chunk by chunk when a limb
//!   needs them (`client::SmallPoly`), the same values as drawn once. The
//!   secret key is thus kept as a generator state (about 140 bytes), like
//!   a seed.
//!
//! RAM: `2N` words and `16 S` bytes of slots: 64 KiB at `N = 2^12` with
//! all 2048 slots.

use polyhe_core::ckks::client::{self, Seed, SmallPoly, SEED_LEN};
use polyhe_core::ckks::encoding::{decode_coefficients, encode_rounded, rounded_to_limb, RootTable};
use polyhe_core::ckks::wire::{ByteSource, CiphertextMeta, CiphertextReader, CiphertextWriter};
use polyhe_core::ckks::{Complex, Parameters, SecretDistribution};
use polyhe_core::ntt::{CpuNtt, NttEngine, NttTable};
use polyhe_core::ring::crt::Crt;
use polyhe_core::{Error, Result};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

/// The slot buffer, 8-byte aligned so that its words can serve as two
/// more limb buffers during decryption.
#[repr(C, align(8))]
struct Slots<const S: usize>([Complex; S]);

/// Every buffer of the streaming client for degree `N` and `S` slots (a
/// power of two, at most `N / 2`). RAM: `2N` words and `16 S` bytes.
pub struct StreamWorkspace<const N: usize, const S: usize> {
    x: [u32; N],
    y: [u32; N],
    slots: Slots<S>,
}

impl<const N: usize, const S: usize> StreamWorkspace<N, S> {
    /// All zero: placed in `.bss` when used as a `static` initialiser.
    pub const ZERO: Self = Self { x: [0; N], y: [0; N], slots: Slots([Complex::new(0.0, 0.0); S]) };

    /// Bytes of RAM the workspace takes.
    pub const BYTES: usize = core::mem::size_of::<Self>();
}

/// A `&'static mut` [`StreamWorkspace`]`<N, S>` in `.bss`, handed out
/// once: `Some` on the first evaluation of this macro call, `None` after.
#[macro_export]
macro_rules! static_stream_workspace {
    ($n:expr, $s:expr) => {{
        static TAKEN: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);
        static mut WS: $crate::stream::StreamWorkspace<{ $n }, { $s }> = $crate::stream::StreamWorkspace::ZERO;
        if TAKEN.swap(true, core::sync::atomic::Ordering::AcqRel) {
            None
        } else {
            // SAFETY: handed out once (the flag above), so this is the
            // only reference to the static for the rest of the program.
            Some(unsafe { &mut *core::ptr::addr_of_mut!(WS) })
        }
    }};
}

/// The words of the slot buffer (`4 S`).
fn slot_words<const S: usize>(slots: &mut Slots<S>) -> &mut [u32] {
    // SAFETY: `Complex` is `repr(C)` `{ f64, f64 }` with no padding, so
    // `S` complex numbers are `4 S` initialised u32 words, suitably
    // aligned; every bit pattern is valid for both types, and the borrow
    // of `slots` is exclusive for the returned lifetime.
    unsafe { core::slice::from_raw_parts_mut(slots.0.as_mut_ptr().cast::<u32>(), 4 * S) }
}

/// The streaming client over one [`StreamWorkspace`]; `K` is the number
/// of `Q` primes (at most 3: decryption keeps one residue limb per prime
/// in the two limb buffers and the slot buffer).
pub struct StreamClient<'a, const N: usize, const K: usize, const S: usize, E: NttEngine = CpuNtt> {
    params: &'a Parameters,
    engine: E,
    tables: heapless::Vec<NttTable<'static>, K>,
    roots: RootTable<'static>,
    ws: &'a mut StreamWorkspace<N, S>,
    pk_seed: Seed,
    /// The generator's state where key generation drew the ternary secret:
    /// the secret key, replayed limb by limb instead of keeping `N` bytes
    /// (as secret as the key; wiped with it).
    secret: ChaCha20Rng,
    /// The generator's state where key generation drew the public key's
    /// error: replayed limb by limb (secret too: with `b` it would give
    /// the secret key; wiped with it).
    pk_error: ChaCha20Rng,
    has_keys: bool,
}

impl<'a, const N: usize, const K: usize, const S: usize> StreamClient<'a, N, K, S, CpuNtt> {
    /// The client with the CPU NTT; tables from flash. Errors when the
    /// sizes are not those of `params` or no flash tables exist for them.
    pub fn new(params: &'a Parameters, ws: &'a mut StreamWorkspace<N, S>) -> Result<Self> {
        Self::with_engine(params, ws, CpuNtt)
    }
}

impl<'a, const N: usize, const K: usize, const S: usize, E: NttEngine> StreamClient<'a, N, K, S, E> {
    /// The client with an NTT engine of the caller's (e.g. an accelerator
    /// over SPI); tables from flash.
    pub fn with_engine(params: &'a Parameters, ws: &'a mut StreamWorkspace<N, S>, engine: E) -> Result<Self> {
        if params.n() != N {
            return Err(Error::LengthMismatch { what: "workspace ring degree", expected: params.n(), actual: N });
        }
        if params.q_primes().len() != K || K > 3 {
            return Err(Error::LengthMismatch {
                what: "Q primes (the streaming client holds at most 3)",
                expected: params.q_primes().len(),
                actual: K,
            });
        }
        if !S.is_power_of_two() || S > N / 2 {
            return Err(Error::InvalidArgument { reason: "workspace slots must be a power of two of at most N/2" });
        }
        let tables = crate::tables::ntt_tables::<K>(N, params.q_primes())?;
        let roots = crate::tables::root_table(N)?;
        if params.secret() != SecretDistribution::Ternary {
            return Err(Error::InvalidArgument { reason: "the streaming client replays ternary secrets only" });
        }
        let (secret, pk_error) = (ChaCha20Rng::from_seed([0; SEED_LEN]), ChaCha20Rng::from_seed([0; SEED_LEN]));
        Ok(Self { params, engine, tables, roots, ws, pk_seed: [0; SEED_LEN], secret, pk_error, has_keys: false })
    }

    /// The NTT tables of the `Q` chain (borrowing flash).
    pub fn tables(&self) -> &[NttTable<'static>] {
        &self.tables
    }

    /// Generates the secret key and the public key: the secret, the seed
    /// of `a` and the key's error, drawn from `rng` in the order
    /// [`crate::client::Client::keygen`] draws them (so both clients make
    /// the same keys from the same generator). No NTT and no buffer: the
    /// secret and the key's error are replayed from the generator's states
    /// (`client::SmallPoly`), `b` is recomputed limb by limb when needed.
    pub fn keygen(&mut self, rng: &mut ChaCha20Rng) -> Result<()> {
        // `client::generate_secret` draws a ternary secret with
        // `sample::ternary`; the replay draws the same values.
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

    fn pk_error(&self) -> SmallPoly<'static> {
        SmallPoly::Cbd { rng: self.pk_error.clone(), eta: self.params.error_eta() }
    }

    fn need_keys(&self) -> Result<()> {
        if self.has_keys {
            Ok(())
        } else {
            Err(Error::InvalidArgument { reason: "generate the keys (StreamClient::keygen) first" })
        }
    }

    /// Limb `i` of the public key's `b` (NTT domain) into `out`
    /// (`scratch`: `N` words).
    pub fn public_key_limb(&mut self, i: usize, out: &mut [u32], scratch: &mut [u32]) -> Result<()> {
        self.need_keys()?;
        let t = self.tables.get(i).ok_or(Error::InvalidArgument { reason: "no such limb" })?;
        client::public_key_limb(&self.engine, t, i, &self.secret(), &self.pk_error(), &self.pk_seed, out, scratch)
    }

    /// The slot buffer: write the input here before [`StreamClient::encode`];
    /// it holds the decoded output after [`StreamClient::decrypt`].
    pub fn slots_mut(&mut self) -> &mut [Complex; S] {
        &mut self.ws.slots.0
    }

    /// The slot values.
    pub fn slots(&self) -> &[Complex; S] {
        &self.ws.slots.0
    }

    /// Encodes the slot buffer at the default scale, in place: afterwards
    /// it holds the plaintext's integer coefficients (see
    /// `encoding::encode_rounded`) until [`StreamClient::encrypt`].
    pub fn encode(&mut self) -> Result<()> {
        encode_rounded(&mut self.ws.slots.0, self.params.default_scale(), &self.roots)
    }

    /// Encrypts the encoded plaintext with the public key at the top
    /// level, streaming the ciphertext file (the host's `ckks::files`
    /// format) into `sink`; returns its length in bytes.
    pub fn encrypt(&mut self, rng: &mut ChaCha20Rng, sink: &mut impl FnMut(&[u8]) -> Result<()>) -> Result<usize> {
        self.need_keys()?;
        let meta = CiphertextMeta { level: self.params.max_level(), scale: self.params.default_scale(), slots: S };
        let (sk, pk_e) = (self.secret(), self.pk_error());
        let ws = &mut *self.ws;
        let noise = client::replayable_encryption_noise(self.params, rng);
        let mut writer = CiphertextWriter::begin(self.params, &meta, sink)?;
        let (sk, pk_e, pk_seed, engine) = (&sk, &pk_e, &self.pk_seed, &self.engine);
        let rounded = &ws.slots.0;
        let result = client::encrypt_pk_limbs(
            self.params,
            engine,
            &self.tables,
            pk_seed,
            &noise,
            &mut ws.x,
            &mut ws.y,
            |i, t, out, scratch| client::public_key_limb(engine, t, i, sk, pk_e, pk_seed, out, scratch),
            |t, out| rounded_to_limb(rounded, t.modulus(), out),
            |_, _, limb| writer.limb(limb, sink),
        );
        result?;
        writer.finish(sink)
    }

    /// Reads a ciphertext file from `src` limb by limb (every check of
    /// `wire::read_ciphertext`), decrypts it and decodes all `S` slots into
    /// the slot buffer (a ciphertext of fewer slots repeats its values);
    /// returns its metadata. Errors for a file of more than 3 limbs.
    pub fn decrypt<B: ByteSource>(&mut self, src: B) -> Result<CiphertextMeta> {
        self.need_keys()?;
        let mut reader = CiphertextReader::open(self.params, src)?;
        let meta = reader.meta();
        let k = self.params.limbs_at(meta.level);
        if k > 3 || (k == 3 && 4 * S < 2 * N) || 4 * S < N {
            return Err(Error::InvalidArgument {
                reason: "streaming decryption keeps at most 3 limbs, the third in the slot buffer (S = N/2)",
            });
        }
        let tables = &self.tables[..k];
        let sk = &self.secret();
        let ws = &mut *self.ws;
        // Limb 0 into x, limb 1 into y, limb 2 into the slot words' first
        // half; the NTT of the secret in the slot words.
        let words = slot_words(&mut ws.slots);
        for (i, t) in tables.iter().enumerate() {
            let (scratch, out): (&mut [u32], &mut [u32]) = match i {
                0 => (&mut words[..N], &mut ws.x),
                1 => (&mut words[..N], &mut ws.y),
                _ => {
                    let (a, b) = words.split_at_mut(N);
                    (&mut b[..N], a)
                }
            };
            client::decrypt_limb(&self.engine, t, sk, scratch, out, |c, o| reader.read_limb(c, i, o))?;
        }
        // Centred f64 of every coefficient, its bits stored in place of
        // the residues (low word in x, high word in y).
        let crt = Crt::new(tables)?;
        let mut r: [u32; 3];
        for ((lo, hi), &third) in ws.x.iter_mut().zip(ws.y.iter_mut()).zip(words.iter()) {
            r = [*lo, *hi, third];
            let bits = crt.to_f64_centered(&r[..k])?.to_bits();
            *lo = bits as u32;
            *hi = (bits >> 32) as u32;
        }
        let f = |c: usize| f64::from_bits(u64::from(ws.x[c]) | (u64::from(ws.y[c]) << 32));
        let gap = N / 2 / S;
        for (i, z) in ws.slots.0.iter_mut().enumerate() {
            *z = Complex::new(f(i * gap), f(i * gap + N / 2));
        }
        wipe_words(&mut ws.x);
        wipe_words(&mut ws.y);
        decode_coefficients(&mut ws.slots.0, meta.scale, &self.roots)?;
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

/// A sink that collects bytes into `B`-byte chunks before passing them on
/// (semihosting and UART drivers prefer fewer, larger writes).
pub struct BufferedSink<F, const B: usize> {
    inner: F,
    buf: [u8; B],
    fill: usize,
    total: usize,
}

impl<F: FnMut(&[u8]) -> Result<()>, const B: usize> BufferedSink<F, B> {
    /// Wraps `inner`.
    pub fn new(inner: F) -> Self {
        Self { inner, buf: [0; B], fill: 0, total: 0 }
    }

    /// Appends `bytes`.
    pub fn write(&mut self, mut bytes: &[u8]) -> Result<()> {
        while !bytes.is_empty() {
            let take = (B - self.fill).min(bytes.len());
            self.buf[self.fill..self.fill + take].copy_from_slice(&bytes[..take]);
            self.fill += take;
            self.total += take;
            bytes = &bytes[take..];
            if self.fill == B {
                self.flush()?;
            }
        }
        Ok(())
    }

    /// Passes on what is buffered.
    pub fn flush(&mut self) -> Result<()> {
        if self.fill > 0 {
            (self.inner)(&self.buf[..self.fill])?;
            self.fill = 0;
        }
        Ok(())
    }

    /// Bytes written so far.
    pub fn total(&self) -> usize {
        self.total
    }
}
