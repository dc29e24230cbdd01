//! The device half of the host round trip with the compact client in its
//! secret-key-only configuration (`tests/tests/firmware_roundtrip.rs`,
//! `CompactWorkspace<4096, 2048, 0>`: one limb buffer and the `f32` slot
//! buffer, 32 KiB): generates keys, encrypts with the SECRET key a fixed
//! 8x8 digit image (`pixel / 16` in slots
//! 0 to 63, the other slots zero) at N = 2^12 with three 30-bit primes,
//! streams the ciphertext into a host file through semihosting, waits for
//! the host's result ciphertext (`y = 3 x - 1` evaluated homomorphically),
//! decrypts and decodes it on the device (two limbs: the limb buffer and
//! the slot buffer), logs the values, writes them to a host file and exits
//! 0 when every value is within the bound of `3 x - 1` (three times a fresh
//! encryption's bound plus the rescale's rounding plus the `f32`
//! encoder's bound, `demo_input::f32_part`).
//!
//! Run by the host test (QEMU's working directory is a temporary
//! directory). QEMU has no RNG: the seed is [`InsecureQemuSeed`].
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use polyhe_core::ckks::encoding_f32::Complex32;
use polyhe_core::{Error, Result};
use polyhe_firmware::client::{client_rng, fresh_bound, params_n4096, InsecureQemuSeed};
use polyhe_firmware::compact::{CompactClient, CompactWorkspace, Mode};
use polyhe_firmware::hostfile::HostFile;
use polyhe_firmware::stream::BufferedSink;
use polyhe_firmware::{exit, stack, static_compact_workspace};

// Shared with the other round trip and the host test: not every item is
// used by each.
#[allow(dead_code)]
#[path = "../demo_input.rs"]
mod demo_input;
use demo_input::{affine, f32_part, files_sym as files, DIGIT};

const N: usize = 4096;
const K: usize = 3;
const S: usize = N / 2;

/// `name` with a NUL byte, for semihosting.
fn c_path(name: &str, buf: &mut [u8; 64]) -> Result<usize> {
    let b = name.as_bytes();
    if b.len() >= buf.len() {
        return Err(Error::InvalidArgument { reason: "path too long" });
    }
    buf[..b.len()].copy_from_slice(b);
    buf[b.len()] = 0;
    Ok(b.len() + 1)
}

fn create(name: &str) -> Result<HostFile> {
    let mut buf = [0u8; 64];
    let len = c_path(name, &mut buf)?;
    HostFile::create(&buf[..len])
}

#[entry]
fn main() -> ! {
    stack::paint();
    let ok = match run() {
        Ok(ok) => ok,
        Err(e) => {
            defmt::error!("polyhe-core error: {}", defmt::Debug2Format(&e));
            false
        }
    };
    defmt::info!(
        "RAM: compact workspace {=usize} bytes; peak stack {=usize} bytes",
        CompactWorkspace::<N, S, 0>::BYTES,
        stack::peak_bytes()
    );
    if ok {
        defmt::info!("round trip through the host passed");
    } else {
        defmt::error!("round trip through the host FAILED");
    }
    exit(ok)
}

fn run() -> Result<bool> {
    let params = params_n4096()?;
    let ws = static_compact_workspace!(N, S, 0).ok_or(Error::InvalidArgument { reason: "workspace taken" })?;
    let mut rng = client_rng(&mut InsecureQemuSeed(7))?;
    let mut client = CompactClient::<N, K, S, 0>::new(&params, ws)?;
    client.keygen(&mut rng)?;
    let slots = client.slots_mut();
    slots.fill(Complex32::default());
    for (z, &p) in slots.iter_mut().zip(DIGIT.iter()) {
        *z = Complex32::new(f32::from(p) / 16.0, 0.0);
    }
    client.encode()?;
    // The same encryption twice from the same generator state: the
    // ordinary file (c1 in full) and the seeded one (c0 and the seed).
    let mut twin = rng.clone();
    let len = {
        let mut file = create(files::INPUT_CT)?;
        let mut out = BufferedSink::<_, 512>::new(|b: &[u8]| file.write_all(b));
        let len = client.encrypt(Mode::Symmetric, &mut rng, &mut |b: &[u8]| out.write(b))?;
        out.flush()?;
        len
    };
    let seeded_len = {
        let mut file = create(files::INPUT_SEEDED)?;
        let mut out = BufferedSink::<_, 512>::new(|b: &[u8]| file.write_all(b));
        let len = client.encrypt(Mode::SymmetricSeeded, &mut twin, &mut |b: &[u8]| out.write(b))?;
        out.flush()?;
        len
    };
    defmt::info!("seeded file of the same encryption: {=usize} bytes", seeded_len);
    drop(create(files::INPUT_DONE)?);
    defmt::info!(
        "encrypted the 8x8 image with the secret key: {=usize} bytes to {=str}; waiting for {=str}",
        len,
        files::INPUT_CT,
        files::RESULT_CT
    );

    let mut path = [0u8; 64];
    let plen = c_path(files::RESULT_CT, &mut path)?;
    let mut tries = 0u32;
    let result = loop {
        match HostFile::open(&path[..plen]) {
            Ok(f) => break f,
            Err(_) if tries < 2_000_000 => {
                tries += 1;
                cortex_m::asm::delay(20_000);
            }
            Err(e) => return Err(e),
        }
    };
    let meta = client.decrypt(result)?;
    let out = client.slots();
    // Three times a fresh encryption's bound (the product by 3), plus 6
    // standard deviations of the rescale's rounding: coefficients
    // `r0 + r1 s` with `r0, r1` uniform in [-1/2, 1/2] (variance
    // `(1 + 2N/3) / 12`), summed over `N` coefficients per slot.
    let scale = meta.scale;
    let n = N as f64;
    let bound = 3.0 * fresh_bound(&params, params.default_scale())
        + 6.0 * libm::sqrt(n * (1.0 + 2.0 * n / 3.0) / 12.0) / scale
        + f32_part(S);
    let mut worst = 0f64;
    let mut bytes = [0u8; 8 * 64];
    for (i, (&p, z)) in DIGIT.iter().zip(out.iter()).enumerate() {
        let want = affine(f64::from(p) / 16.0);
        let re = f64::from(z.re);
        worst = worst.max(libm::fabs(re - want)).max(libm::fabs(f64::from(z.im)));
        bytes[8 * i..8 * i + 8].copy_from_slice(&re.to_le_bytes());
    }
    create(files::OUTPUT)?.write_all(&bytes)?;
    defmt::info!("decrypted 3x - 1 (level {=u32}, scale {=f64}):", meta.level, scale);
    for row in 0..8 {
        let r = &out[8 * row..8 * row + 8];
        defmt::info!(
            "{=f32:08} {=f32:08} {=f32:08} {=f32:08} {=f32:08} {=f32:08} {=f32:08} {=f32:08}",
            r[0].re,
            r[1].re,
            r[2].re,
            r[3].re,
            r[4].re,
            r[5].re,
            r[6].re,
            r[7].re
        );
    }
    defmt::info!("max error against 3x - 1: {=f64} (bound {=f64})", worst, bound);
    client.wipe_secrets();
    Ok(worst <= bound)
}
