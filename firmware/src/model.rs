//! The device's side of encrypted inference with the bundled model
//! (`host/data/digits-model.bin`) through `polyhe infer`: the device keeps
//! the secret key, and
//!
//! - generates the evaluation keys the model's plan needs (the
//!   relinearisation key and one Galois key per rotation) one limb at a
//!   time (`client::switching_key_limb`) and streams them out in the
//!   host's key files (`keywire::KeyFileWriter`), with the same draws as
//!   the host's `polyhe keygen` from the same generator, so the files are
//!   byte-identical to the host's;
//! - encrypts test images packed as the plan's input columns (`f32`
//!   encoder) as seeded ciphertexts, one limb at a time;
//! - decrypts the logit ciphertexts (level 0: two limbs) and decodes them.
//!
//! The plan's parameters (`N = 2^15`, 15 `Q` and 8 special primes) have
//! more primes than flash holds NTT tables for (512 KiB each), so each
//! prime's table is built in RAM when a limb needs it. RAM, all `static`
//! ([`ModelWorkspace`]): one table (`4N` words), two limb buffers (`N`
//! words each) and the `f32` slot buffer (`8 S` bytes): 896 KiB at
//! `N = 2^15`. QEMU's mps2-an386 has 4 MiB; a real Cortex-M4 with less RAM
//! needs a smaller ring (the plan's 128-bit security needs this one).

use polyhe_core::arith::Modulus;
use polyhe_core::ckks::client::{self, Component, KeyTarget, Seed, SmallPoly, P_STREAM, SEED_LEN};
use polyhe_core::ckks::encoding_f32::{add_f32_coefficients, decode_f32, encode_f32, Complex32, RootTable32};
use polyhe_core::ckks::keywire::KeyFileWriter;
use polyhe_core::ckks::wire::{ByteSource, CiphertextMeta, CiphertextReader, CiphertextWriter};
use polyhe_core::ckks::Parameters;
use polyhe_core::ntt::{CpuNtt, NttTable};
use polyhe_core::ring::automorphism::galois_element;
use polyhe_core::{Error, Result};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

/// The bundled model's plan, computed by `build.rs` with the host build of
/// polyhe-core.
pub mod plan {
    include!(concat!(env!("OUT_DIR"), "/model_plan.rs"));
}

use plan::N;
/// Slots (`N / 2`).
pub const S: usize = N / 2;

/// Every buffer of the model client: one NTT table (`4N` words), two limb
/// buffers and the `f32` slots.
#[repr(C)]
pub struct ModelWorkspace {
    table: [u32; 4 * N],
    x: [u32; N],
    y: [u32; N],
    slots: [Complex32; S],
}

impl ModelWorkspace {
    /// All zero: placed in `.bss` when used as a `static` initialiser.
    pub const ZERO: Self = Self { table: [0; 4 * N], x: [0; N], y: [0; N], slots: [Complex32::new(0.0, 0.0); S] };
    /// Bytes of RAM the workspace takes.
    pub const BYTES: usize = core::mem::size_of::<Self>();
}

/// The `f32` special-FFT roots for the plan's degree (flash).
pub fn roots() -> Result<RootTable32<'static>> {
    #[repr(C, align(8))]
    struct Aligned<T: ?Sized>(T);
    static ROOTS: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/roots32_model.bin")));
    let b = &ROOTS.0;
    // SAFETY: 8-byte aligned, length rounded down to whole values;
    // `Complex32` is `repr(C)` `{ f32, f32 }` (8 bytes, alignment 4) and
    // every bit pattern is a valid f32; the bytes are immutable for 'static.
    let roots = unsafe { core::slice::from_raw_parts(b.as_ptr().cast::<Complex32>(), b.len() / 8) };
    RootTable32::new(roots)
}

/// The plan's parameters, built on the device (prime search) and checked
/// against the fingerprint the host computed for the model's plan.
pub fn params() -> Result<Parameters> {
    let p = Parameters::new(plan::literal())?;
    if p.fingerprint() != plan::PARAMS_FINGERPRINT {
        return Err(Error::ParameterMismatch {
            what: "the device's parameters against the model's plan",
            expected: plan::PARAMS_FINGERPRINT,
            found: p.fingerprint(),
        });
    }
    Ok(p)
}

/// The client: parameters, the secret key as the generator state that
/// drew it, and the workspace.
pub struct ModelClient<'a> {
    params: &'a Parameters,
    ws: &'a mut ModelWorkspace,
    secret: ChaCha20Rng,
    has_keys: bool,
}

impl<'a> ModelClient<'a> {
    /// A client over `ws` for the plan's parameters `params`.
    pub fn new(params: &'a Parameters, ws: &'a mut ModelWorkspace) -> Result<Self> {
        if params.n() != N || params.fingerprint() != plan::PARAMS_FINGERPRINT {
            return Err(Error::InvalidArgument { reason: "ModelClient: not the model plan's parameters" });
        }
        Ok(Self { params, ws, secret: ChaCha20Rng::from_seed([0; SEED_LEN]), has_keys: false })
    }

    fn secret(&self) -> Result<SmallPoly<'static>> {
        if !self.has_keys {
            return Err(Error::InvalidArgument { reason: "generate the keys (ModelClient::keygen) first" });
        }
        Ok(SmallPoly::Ternary { rng: self.secret.clone() })
    }

    /// Draws the secret key (kept as the generator state), as the host's
    /// `KeyGenerator::gen_secret`.
    pub fn keygen(&mut self, rng: &mut ChaCha20Rng) {
        self.secret = rng.clone();
        client::skip_ternary(rng, N);
        self.has_keys = true;
    }

    /// Builds the NTT table of `q` in the workspace.
    fn table(table: &mut [u32; 4 * N], q: u32) -> Result<NttTable<'_>> {
        NttTable::new_in(N, q, table)
    }

    /// Streams the relinearisation key (`relin`) and the Galois keys of the
    /// plan's rotations (`galois`, keys by ascending element) in the host's
    /// file format, drawing from `rng` exactly what the host's `polyhe
    /// keygen` draws after the secret (the relinearisation key, then the
    /// rotation keys in the plan's order; each key from its own position
    /// of the generator, so the file order does not change the draws).
    /// Leaves `rng` after the last key's draws. `progress(done, total)` is
    /// called after each limb.
    pub fn write_eval_keys(
        &mut self,
        rng: &mut ChaCha20Rng,
        relin: &mut impl FnMut(&[u8]) -> Result<()>,
        galois: &mut impl FnMut(&[u8]) -> Result<()>,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<(usize, usize)> {
        let sk = self.secret()?;
        let params = self.params;
        let base = rng.get_word_pos();
        let per_key = client::switching_key_words(params);
        // Galois elements in file order with their index in the host's order.
        let mut order = [(0u64, 0usize); plan::ROTATIONS.len()];
        for (i, (o, &r)) in order.iter_mut().zip(plan::ROTATIONS.iter()).enumerate() {
            *o = (galois_element(r, N), i + 1);
        }
        order.sort_unstable();
        let mut elements = [0u64; plan::ROTATIONS.len()];
        for (e, o) in elements.iter_mut().zip(order.iter()) {
            *e = o.0;
        }
        let limbs = params.q_primes().len() + params.p_primes().len();
        let digits = params.q_primes().len().div_ceil(params.alpha());
        let total = (1 + elements.len()) * digits * limbs;
        let mut done = 0;
        let mut w = KeyFileWriter::begin_relin(params, relin)?;
        rng.set_word_pos(base);
        self.stream_key(
            &sk,
            KeyTarget::Relin,
            rng,
            &mut w,
            relin,
            &mut |t| {
                done += 1;
                progress(done, t)
            },
            total,
        )?;
        let relin_len = w.finish(relin)?;
        let mut w = KeyFileWriter::begin_galois(params, &elements, galois)?;
        for &(g, index) in order.iter() {
            rng.set_word_pos(base + per_key * index as u128);
            self.stream_key(
                &sk,
                KeyTarget::Galois(g),
                rng,
                &mut w,
                galois,
                &mut |t| {
                    done += 1;
                    progress(done, t)
                },
                total,
            )?;
        }
        let galois_len = w.finish(galois)?;
        rng.set_word_pos(base + per_key * (1 + elements.len()) as u128);
        Ok((relin_len, galois_len))
    }

    #[allow(clippy::too_many_arguments)] // every buffer and callback named
    fn stream_key(
        &mut self,
        sk: &SmallPoly<'_>,
        target: KeyTarget,
        rng: &mut ChaCha20Rng,
        w: &mut KeyFileWriter<'_>,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
        tick: &mut impl FnMut(usize),
        total: usize,
    ) -> Result<()> {
        let params = self.params;
        let (qs, ps) = (params.q_primes(), params.p_primes());
        let alpha = params.alpha();
        let ws = &mut *self.ws;
        for d in 0..qs.len().div_ceil(alpha) {
            let mut seed: Seed = [0; SEED_LEN];
            rng.fill_bytes(&mut seed);
            let e = SmallPoly::Cbd { rng: rng.clone(), eta: params.error_eta() };
            client::skip_cbd(rng, N);
            while let Some((in_q, i)) = w.next_limb() {
                let q = if in_q { qs[i] } else { ps[i] };
                let t = Self::table(&mut ws.table, q)?;
                let inside = in_q && (d * alpha..((d + 1) * alpha).min(qs.len())).contains(&i);
                let special = inside.then(|| (target, client::p_mod_q(ps, &t)));
                let stream = if in_q { i as u64 } else { P_STREAM + i as u64 };
                client::switching_key_limb(&CpuNtt, &t, stream, sk, &e, &seed, special, &mut ws.x, &mut ws.y)?;
                w.limb(&ws.x, sink)?;
                tick(total);
            }
            w.end_digit(&seed, sink)?;
        }
        Ok(())
    }

    /// The slot buffer: write the input column here before
    /// [`ModelClient::encrypt_seeded`]; it holds the decoded slots after
    /// [`ModelClient::decrypt`].
    pub fn slots_mut(&mut self) -> &mut [Complex32; S] {
        &mut self.ws.slots
    }

    /// Encodes the slot buffer (`f32`) and encrypts it with the secret key
    /// at the top level and the default scale as a seeded ciphertext file
    /// (`c0` and the seed of `a`), streamed into `sink`; returns its
    /// length. Draws the seed of `a`, then the error, from `rng`.
    pub fn encrypt_seeded(
        &mut self,
        roots: &RootTable32<'_>,
        rng: &mut ChaCha20Rng,
        sink: &mut impl FnMut(&[u8]) -> Result<()>,
    ) -> Result<usize> {
        let sk = self.secret()?;
        let params = self.params;
        encode_f32(&mut self.ws.slots, roots)?;
        let scale = params.default_scale();
        let meta = CiphertextMeta { level: params.max_level(), scale, slots: S };
        let mut seed: Seed = [0; SEED_LEN];
        rng.fill_bytes(&mut seed);
        let mut w = CiphertextWriter::begin_seeded(params, &meta, &seed, sink)?;
        let e = SmallPoly::Cbd { rng: rng.clone(), eta: params.error_eta() };
        client::skip_cbd(rng, N);
        let ws = &mut *self.ws;
        for (i, &q) in params.q_primes().iter().enumerate() {
            let t = Self::table(&mut ws.table, q)?;
            let coefficients = &ws.slots;
            client::encrypt_sk_limb(&CpuNtt, &t, i, &seed, &sk, &e, &mut ws.x, |t, out| {
                add_f32_coefficients(coefficients, scale, t.modulus(), out)
            })?;
            w.limb(&ws.x, sink)?;
        }
        w.finish(sink)
    }

    /// Reads a ciphertext file from `src` limb by limb (every check of
    /// `wire::read_ciphertext`), decrypts it and decodes all slots into
    /// the slot buffer; returns its metadata. At most two limbs (level 0
    /// of the plan: the logits).
    pub fn decrypt<B: ByteSource>(&mut self, roots: &RootTable32<'_>, src: B) -> Result<CiphertextMeta> {
        let sk = self.secret()?;
        let params = self.params;
        let mut reader = CiphertextReader::open(params, src)?;
        let meta = reader.meta();
        let k = params.limbs_at(meta.level);
        if k > 2 {
            return Err(Error::InvalidArgument {
                reason: "the model client decrypts ciphertexts of at most two limbs (the logits at level 0)",
            });
        }
        let ws = &mut *self.ws;
        for i in 0..k {
            let t = Self::table(&mut ws.table, params.q_primes()[i])?;
            let buf: &mut [u32] = if i == 0 { &mut ws.x } else { &mut ws.y };
            client::decrypt_limb_streamed(&CpuNtt, &t, &sk, buf, |c: Component, f| reader.read_limb_chunks(c, i, f))?;
        }
        // Each coefficient, centred (CRT of two primes in u64), over the
        // scale, as f32 bits in x.
        let q0 = params.q_primes()[0];
        let inv = 1.0 / meta.scale;
        let crt = if k == 2 { Some(Crt2::new(q0, params.q_primes()[1])?) } else { None };
        for (lo, &hi) in ws.x.iter_mut().zip(ws.y.iter()) {
            let v = match &crt {
                Some(c) => c.centred(*lo, hi),
                None => centred(u64::from(*lo), u64::from(q0)),
            };
            *lo = ((v as f64 * inv) as f32).to_bits();
        }
        for (i, z) in ws.slots.iter_mut().enumerate() {
            *z = Complex32::new(f32::from_bits(ws.x[i]), f32::from_bits(ws.x[i + N / 2]));
        }
        wipe(&mut ws.x);
        wipe(&mut ws.y);
        decode_f32(&mut ws.slots, roots)?;
        Ok(meta)
    }

    /// The decoded slots.
    pub fn slots(&self) -> &[Complex32; S] {
        &self.ws.slots
    }

    /// Wipes the secret key (its generator state) and the limb buffers.
    pub fn wipe_secrets(&mut self) {
        self.secret = ChaCha20Rng::from_seed([0; SEED_LEN]);
        wipe(&mut self.ws.x);
        wipe(&mut self.ws.y);
        self.has_keys = false;
    }
}

/// `x` in `(-q/2, q/2]`.
fn centred(x: u64, q: u64) -> i64 {
    if x > q / 2 {
        x as i64 - q as i64
    } else {
        x as i64
    }
}

/// The CRT of two primes below 2^30 (their product below 2^60).
struct Crt2 {
    q0: u32,
    q1: u32,
    m1: Modulus,
    q0_inv: u32,
}

impl Crt2 {
    fn new(q0: u32, q1: u32) -> Result<Self> {
        let m1 = Modulus::new(q1)?;
        let q0_inv = m1.inv(m1.reduce(q0))?;
        Ok(Self { q0, q1, m1, q0_inv })
    }

    /// The centred integer with residues `r0`, `r1`.
    fn centred(&self, r0: u32, r1: u32) -> i64 {
        let m = &self.m1;
        let d = m.mul(m.sub(r1, m.reduce(r0)), self.q0_inv);
        let x = u64::from(r0) + u64::from(self.q0) * u64::from(d);
        centred(x, u64::from(self.q0) * u64::from(self.q1))
    }
}

fn wipe(b: &mut [u32]) {
    for x in b.iter_mut() {
        // SAFETY: a valid, aligned, exclusive reference.
        unsafe { core::ptr::write_volatile(x, 0) };
    }
}

/// Writes the pixels of test samples `first..first + count` (scaled to
/// `[0, 1]`) of input column `column` (patch pixel `column`) into `slots`
/// in the plan's layout (slot `token * BATCH + sample`; zero elsewhere).
pub fn pack_column(slots: &mut [Complex32], column: usize, first: usize, count: usize) -> Result<()> {
    if column >= plan::INPUTS || count > plan::BATCH || first + count > plan::SAMPLES || slots.len() != S {
        return Err(Error::InvalidArgument { reason: "pack_column: column, samples or slot count out of range" });
    }
    slots.fill(Complex32::new(0.0, 0.0));
    let (dr, dc) = (column / plan::PATCH_COLS, column % plan::PATCH_COLS);
    let per_row = plan::IMAGE_COLS / plan::PATCH_COLS;
    for s in 0..count {
        let img = &plan::PIXELS[first + s];
        for t in 0..plan::TOKENS {
            let (r0, c0) = ((t / per_row) * plan::PATCH_ROWS, (t % per_row) * plan::PATCH_COLS);
            let px = img[(r0 + dr) * plan::IMAGE_COLS + c0 + dc];
            slots[t * plan::BATCH + s] = Complex32::new(f32::from(px) / 16.0, 0.0);
        }
    }
    Ok(())
}
