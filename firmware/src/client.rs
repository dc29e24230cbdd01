//! The CKKS client on the device: key generation, encoding, public-key
//! encryption, decryption and decoding without a heap.
//!
//! Every buffer lives in a [`Workspace`], whose array sizes are const
//! generics fixed at compile time from the parameter set (`N`, the number
//! `K` of `Q` primes, the slot count `S`); [`static_workspace!`] places one
//! in `.bss`, so `llvm-size` reports it as RAM. [`Client`] splits a
//! workspace into its buffers and drives polyhe-core's no-allocation API
//! ([`polyhe_core::ckks::client`], [`encode_in_place`], [`decode_into`]).
//!
//! Randomness: one ChaCha20 CSPRNG per client, seeded from a
//! [`SeedSource`]. On a board that is a hardware RNG ([`HardwareRng`]
//! wraps any `RngCore + CryptoRng` driver); QEMU's `mps2-an386` has no
//! random number generator, so tests and the demo use
//! [`InsecureQemuSeed`], a fixed seed that makes every key predictable.

use polyhe_core::ckks::client::{self, Seed, SEED_LEN};
use polyhe_core::ckks::encoding::{decode_into, encode_in_place};
use polyhe_core::ckks::wire::{self, CiphertextMeta};
use polyhe_core::ckks::{Complex, Parameters, ParametersLiteral};
use polyhe_core::ntt::{CpuNtt, NttTable};
use polyhe_core::ring::{Eval, PolyMut, PolyRef};
use polyhe_core::{Error, Result};
use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, RngCore, SeedableRng};

/// Where the 32-byte seed of the client's ChaCha20 generator comes from.
pub trait SeedSource {
    /// Fills `seed` with fresh entropy.
    fn fill_seed(&mut self, seed: &mut Seed) -> Result<()>;
}

/// A board's hardware random number generator: any `RngCore + CryptoRng`
/// driver (a HAL's TRNG peripheral) seeds the client.
#[derive(Debug)]
pub struct HardwareRng<R>(pub R);

impl<R: RngCore + CryptoRng> SeedSource for HardwareRng<R> {
    fn fill_seed(&mut self, seed: &mut Seed) -> Result<()> {
        self.0.fill_bytes(seed);
        Ok(())
    }
}

/// QEMU's stand-in for a hardware RNG: `mps2-an386` has none, so the seed
/// is ChaCha20 expanded from a fixed 64-bit label. NOT random: keys made
/// with it are known to anyone who knows the label. For tests, the demo
/// and reproducible instruction counts only.
#[derive(Clone, Copy, Debug)]
pub struct InsecureQemuSeed(pub u64);

impl SeedSource for InsecureQemuSeed {
    fn fill_seed(&mut self, seed: &mut Seed) -> Result<()> {
        ChaCha20Rng::seed_from_u64(self.0 ^ 0x706f_6c79_6865_2d71).fill_bytes(seed);
        Ok(())
    }
}

/// The client's CSPRNG: ChaCha20 seeded from `source` (the seed is wiped
/// from the stack afterwards).
pub fn client_rng(source: &mut impl SeedSource) -> Result<ChaCha20Rng> {
    let mut seed = [0u8; SEED_LEN];
    source.fill_seed(&mut seed)?;
    let rng = ChaCha20Rng::from_seed(seed);
    wipe_bytes(&mut seed);
    Ok(rng)
}

fn wipe_bytes(b: &mut [u8]) {
    for x in b.iter_mut() {
        // SAFETY: a valid, aligned, exclusive reference.
        unsafe { core::ptr::write_volatile(x, 0) };
    }
}

include!("params_literal.rs");

/// N = 2^12 with three 30-bit `Q` primes (SEAL-Embedded's setting), built
/// with [`Parameters::new_insecure`] and reported as insecure: the 128-bit
/// table bounds log2(QP) by 109 at N = 2^12, and Q (90 bits) plus the one
/// special prime P (30 bits) is 120. Everything the client makes (public
/// key, ciphertexts) lives modulo Q alone, which is within the bound; the
/// host's key-switching keys modulo QP at this N would not be.
pub fn params_n4096() -> Result<Parameters> {
    Parameters::new_insecure(three_prime_literal(12))
}

/// N = 2^13 with the same three 30-bit `Q` primes: 128-bit secure per the
/// HE standard's table (log2(QP) about 120 of 218), built with
/// [`Parameters::new`].
pub fn params_n8192() -> Result<Parameters> {
    Parameters::new(three_prime_literal(13))
}

/// Bound on a fresh public-key encryption's slot error (as in
/// polyhe-core's client tests): the noise `v e + e0 + e1 s` has
/// coefficient variance `sigma^2 (1 + 4N/3)`; a slot sums `N` such
/// coefficients over the scale; 6 standard deviations, plus the encoder's
/// rounding `N / (2 scale)`.
pub fn fresh_bound(params: &Parameters, scale: f64) -> f64 {
    let n = params.n() as f64;
    let var = (params.error_eta() as f64 / 2.0) * (1.0 + 4.0 * n / 3.0);
    6.0 * libm::sqrt(n * var) / scale + n / (2.0 * scale)
}

/// Every buffer of the client for `N` coefficients, `K` `Q` primes and
/// `S` slots (a power of two, at most `N / 2`). RAM: `(4K + 5K + 1) N`
/// words, `2N` bytes and `16 S` bytes.
pub struct Workspace<const N: usize, const K: usize, const S: usize> {
    /// NTT twiddles, `4N` words per prime (tables borrow them).
    twiddles: [[[u32; N]; 4]; K],
    /// The secret key's coefficients in `{-1, 0, 1}`.
    sk: [i8; N],
    /// The secret key in the NTT domain over all `K` primes.
    s_eval: [[u32; N]; K],
    /// The public key's `b` (NTT domain); `a` is expanded from `pk_seed`.
    pk_b: [[u32; N]; K],
    /// Seed of the public key's uniform half.
    pk_seed: Seed,
    /// The encoded plaintext, later the decrypted one.
    pt: [[u32; N]; K],
    /// Ciphertext component `c0` (NTT domain).
    c0: [[u32; N]; K],
    /// Ciphertext component `c1` (NTT domain).
    c1: [[u32; N]; K],
    /// `N` bytes of scratch for small polynomials.
    small: [i8; N],
    /// `N` words of scratch.
    scratch: [u32; N],
    /// The slot values: the input before encryption, the output after
    /// decryption.
    slots: [Complex; S],
}

impl<const N: usize, const K: usize, const S: usize> Workspace<N, K, S> {
    /// All zero: placed in `.bss` when used as a `static` initialiser.
    pub const ZERO: Self = Self {
        twiddles: [[[0; N]; 4]; K],
        sk: [0; N],
        s_eval: [[0; N]; K],
        pk_b: [[0; N]; K],
        pk_seed: [0; SEED_LEN],
        pt: [[0; N]; K],
        c0: [[0; N]; K],
        c1: [[0; N]; K],
        small: [0; N],
        scratch: [0; N],
        slots: [Complex::new(0.0, 0.0); S],
    };

    /// Bytes of RAM the workspace takes.
    pub const BYTES: usize = core::mem::size_of::<Self>();
}

/// A `&'static mut` [`Workspace`]`<N, K, S>` in `.bss`, handed out once:
/// `Some` on the first evaluation of this macro call, `None` afterwards.
#[macro_export]
macro_rules! static_workspace {
    ($n:expr, $k:expr, $s:expr) => {{
        static TAKEN: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);
        static mut WS: $crate::client::Workspace<{ $n }, { $k }, { $s }> = $crate::client::Workspace::ZERO;
        if TAKEN.swap(true, core::sync::atomic::Ordering::AcqRel) {
            None
        } else {
            // SAFETY: handed out once (the flag above), so this is the
            // only reference to the static for the rest of the program.
            Some(unsafe { &mut *core::ptr::addr_of_mut!(WS) })
        }
    }};
}

/// The client over one [`Workspace`]: its tables, keys and buffers.
pub struct Client<'a, const N: usize, const K: usize, const S: usize> {
    params: &'a Parameters,
    tables: heapless::Vec<NttTable<'a>, K>,
    sk: &'a mut [i8; N],
    s_eval: &'a mut [[u32; N]; K],
    pk_b: &'a mut [[u32; N]; K],
    pk_seed: &'a mut Seed,
    pt: &'a mut [[u32; N]; K],
    c0: &'a mut [[u32; N]; K],
    c1: &'a mut [[u32; N]; K],
    small: &'a mut [i8; N],
    scratch: &'a mut [u32; N],
    slots: &'a mut [Complex; S],
    meta: CiphertextMeta,
    has_keys: bool,
}

impl<'a, const N: usize, const K: usize, const S: usize> Client<'a, N, K, S> {
    /// Builds the NTT tables of `params`' `Q` primes in `ws`. Errors when
    /// the workspace's sizes are not those of `params` (`N`, `K` primes,
    /// `S` a power of two of at most `N / 2`).
    pub fn new(params: &'a Parameters, ws: &'a mut Workspace<N, K, S>) -> Result<Self> {
        if params.n() != N {
            return Err(Error::LengthMismatch { what: "workspace ring degree", expected: params.n(), actual: N });
        }
        if params.q_primes().len() != K {
            return Err(Error::LengthMismatch {
                what: "workspace Q primes",
                expected: params.q_primes().len(),
                actual: K,
            });
        }
        if !S.is_power_of_two() || S > N / 2 {
            return Err(Error::InvalidArgument { reason: "workspace slots must be a power of two of at most N/2" });
        }
        let Workspace { twiddles, sk, s_eval, pk_b, pk_seed, pt, c0, c1, small, scratch, slots } = ws;
        let mut tables = heapless::Vec::new();
        for (storage, &q) in twiddles.iter_mut().zip(params.q_primes()) {
            let t = NttTable::new_in(N, q, storage.as_flattened_mut())?;
            tables.push(t).map_err(|_| Error::InvalidArgument { reason: "more tables than K" })?;
        }
        let meta = CiphertextMeta { level: params.max_level(), scale: params.default_scale(), slots: S };
        Ok(Self { params, tables, sk, s_eval, pk_b, pk_seed, pt, c0, c1, small, scratch, slots, meta, has_keys: false })
    }

    /// The parameters.
    pub fn params(&self) -> &Parameters {
        self.params
    }

    /// The NTT tables of the `Q` chain.
    pub fn tables(&self) -> &[NttTable<'a>] {
        &self.tables
    }

    /// Generates the secret key and the public key (its uniform half from
    /// a seed drawn from `rng`).
    pub fn keygen<R: RngCore + CryptoRng>(&mut self, rng: &mut R) -> Result<()> {
        // Ternary secrets need no u64 scratch; fixed-weight ones would.
        client::generate_secret(self.params, rng, &mut self.sk[..], &mut [])?;
        let s_eval = client::secret_to_eval(&CpuNtt, &self.tables[..], &self.sk[..], self.s_eval.as_flattened_mut())?;
        rng.fill_bytes(self.pk_seed);
        client::generate_public_key(
            self.params,
            &CpuNtt,
            &s_eval.as_ref(),
            self.pk_seed,
            rng,
            self.pk_b.as_flattened_mut(),
            &mut self.small[..],
            &mut self.scratch[..],
        )?;
        self.has_keys = true;
        Ok(())
    }

    /// The slot buffer: write the input here before [`Client::encrypt`];
    /// it holds the decoded output after [`Client::decrypt`].
    pub fn slots_mut(&mut self) -> &mut [Complex; S] {
        &mut *self.slots
    }

    /// The slot values.
    pub fn slots(&self) -> &[Complex; S] {
        &*self.slots
    }

    fn need_keys(&self) -> Result<()> {
        if self.has_keys {
            Ok(())
        } else {
            Err(Error::InvalidArgument { reason: "generate the keys (Client::keygen) first" })
        }
    }

    /// Encodes the slot buffer at the default scale (the slot buffer is
    /// consumed as scratch) and encrypts it with the public key at the top
    /// level into the ciphertext buffers: [`Client::encode`] then
    /// [`Client::encrypt_encoded`].
    pub fn encrypt<R: RngCore + CryptoRng>(&mut self, rng: &mut R) -> Result<CiphertextMeta> {
        self.encode()?;
        self.encrypt_encoded(rng)
    }

    /// Encodes the slot buffer (consumed as scratch) at the default scale
    /// into the plaintext buffer, at the top level.
    pub fn encode(&mut self) -> Result<()> {
        let mut pt = PolyMut::zeroed(&self.tables[..], self.pt.as_flattened_mut())?;
        encode_in_place(&mut self.slots[..], self.params.default_scale(), &mut pt)
    }

    /// Encrypts the plaintext buffer (written by [`Client::encode`]; used
    /// as scratch) with the public key into the ciphertext buffers.
    pub fn encrypt_encoded<R: RngCore + CryptoRng>(&mut self, rng: &mut R) -> Result<CiphertextMeta> {
        self.need_keys()?;
        let scale = self.params.default_scale();
        // The encoder's output is reduced; re-checking it costs one pass.
        let pt = PolyMut::new(&self.tables[..], self.pt.as_flattened_mut())?;
        client::encrypt_pk(
            self.params,
            &CpuNtt,
            self.pk_b.as_flattened(),
            self.pk_seed,
            pt,
            rng,
            self.c0.as_flattened_mut(),
            self.c1.as_flattened_mut(),
            &mut self.small[..],
            &mut self.scratch[..],
        )?;
        self.meta = CiphertextMeta { level: self.params.max_level(), scale, slots: S };
        Ok(self.meta)
    }

    /// The held ciphertext: `(c0, c1)` over its level's limbs, and its
    /// metadata.
    pub fn ciphertext(&self) -> (&[u32], &[u32], CiphertextMeta) {
        let len = self.params.limbs_at(self.meta.level) * N;
        (&self.c0.as_flattened()[..len], &self.c1.as_flattened()[..len], self.meta)
    }

    /// The ciphertext buffers at full size (`K N` words each), to receive
    /// a ciphertext; then call [`Client::set_ciphertext_meta`].
    pub fn ciphertext_buffers(&mut self) -> (&mut [u32], &mut [u32]) {
        (self.c0.as_flattened_mut(), self.c1.as_flattened_mut())
    }

    /// Declares the metadata of a received ciphertext.
    pub fn set_ciphertext_meta(&mut self, meta: CiphertextMeta) -> Result<()> {
        if meta.level > self.params.max_level() || !(meta.scale.is_finite() && meta.scale >= 1.0) {
            return Err(Error::InvalidArgument { reason: "ciphertext level or scale out of range" });
        }
        self.meta = meta;
        Ok(())
    }

    /// Serialises the held ciphertext into `out` in the host's file format
    /// (`polyhe_core::ckks::wire`); returns the bytes written.
    pub fn write_ciphertext(&self, out: &mut [u8]) -> Result<usize> {
        let (c0, c1, meta) = self.ciphertext();
        wire::write_ciphertext(self.params, &meta, c0, c1, out)
    }

    /// Reads a ciphertext file (e.g. the host's result) into the
    /// ciphertext buffers; a corrupted or foreign file is a typed error.
    pub fn read_ciphertext(&mut self, bytes: &[u8]) -> Result<CiphertextMeta> {
        let meta = wire::read_ciphertext(self.params, bytes, self.c0.as_flattened_mut(), self.c1.as_flattened_mut())?;
        self.meta = meta;
        Ok(meta)
    }

    /// Serialises the public key into `out` in the host's file format;
    /// returns the bytes written.
    pub fn write_public_key(&self, out: &mut [u8]) -> Result<usize> {
        self.need_keys()?;
        wire::write_public_key(self.params, self.pk_b.as_flattened(), self.pk_seed, out)
    }

    /// Decrypts the held ciphertext and decodes it into the slot buffer
    /// (all `S` slots; a ciphertext of fewer slots repeats its values):
    /// [`Client::decrypt_only`] then [`Client::decode`].
    pub fn decrypt(&mut self) -> Result<&[Complex; S]> {
        self.decrypt_only()?;
        self.decode()
    }

    /// Decrypts the held ciphertext into the plaintext buffer.
    pub fn decrypt_only(&mut self) -> Result<()> {
        self.need_keys()?;
        let k = self.params.limbs_at(self.meta.level);
        let len = k * N;
        let s_eval = PolyRef::<Eval>::new(&self.tables[..], self.s_eval.as_flattened())?;
        client::decrypt(
            &CpuNtt,
            &self.tables[..k],
            &s_eval,
            &self.c0.as_flattened()[..len],
            &self.c1.as_flattened()[..len],
            &mut self.pt.as_flattened_mut()[..len],
        )?;
        Ok(())
    }

    /// Decodes the plaintext buffer (written by [`Client::decrypt_only`])
    /// at the held ciphertext's level and scale into the slot buffer.
    pub fn decode(&mut self) -> Result<&[Complex; S]> {
        let k = self.params.limbs_at(self.meta.level);
        let pt = PolyRef::new(&self.tables[..k], &self.pt.as_flattened()[..k * N])?;
        decode_into(&pt, self.meta.scale, &mut self.slots[..])?;
        Ok(&*self.slots)
    }

    /// Wipes the secret key (both forms) and the plaintext buffer.
    pub fn wipe_secrets(&mut self) {
        for x in self.sk.iter_mut() {
            // SAFETY: a valid, aligned, exclusive reference.
            unsafe { core::ptr::write_volatile(x, 0) };
        }
        for x in self.s_eval.as_flattened_mut().iter_mut().chain(self.pt.as_flattened_mut().iter_mut()) {
            // SAFETY: as above.
            unsafe { core::ptr::write_volatile(x, 0) };
        }
        self.has_keys = false;
    }
}
