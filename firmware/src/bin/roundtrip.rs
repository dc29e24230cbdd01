//! The device half of the host round trip (`tests/tests/firmware_roundtrip.rs`):
//! generates keys, encrypts a fixed 8x8 digit image (`pixel / 16` in slots
//! 0 to 63, the other slots zero) at N = 2^12 with three 30-bit primes,
//! streams the ciphertext into a host file through semihosting, waits for
//! the host's result ciphertext (`y = 3 x - 1` evaluated homomorphically),
//! decrypts and decodes it on the device, logs the values, writes them to a
//! host file and exits 0 when every value is within the bound of
//! `3 x - 1` (three times a fresh encryption's bound plus the rescale's
//! rounding).
//!
//! Run by the host test (QEMU's working directory is a temporary
//! directory). QEMU has no RNG: the seed is [`InsecureQemuSeed`].
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use polyhe_core::ckks::Complex;
use polyhe_core::{Error, Result};
use polyhe_firmware::client::{client_rng, fresh_bound, params_n4096, InsecureQemuSeed};
use polyhe_firmware::hostfile::HostFile;
use polyhe_firmware::stream::{BufferedSink, StreamClient};
use polyhe_firmware::{exit, stack, static_stream_workspace};

// Shared with the other round trip and the host test: not every item is
// used by each.
#[allow(dead_code)]
#[path = "../demo_input.rs"]
mod demo_input;
use demo_input::{affine, files, DIGIT};

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
    defmt::info!("peak stack {=usize} bytes", stack::peak_bytes());
    if ok {
        defmt::info!("round trip through the host passed");
    } else {
        defmt::error!("round trip through the host FAILED");
    }
    exit(ok)
}

fn run() -> Result<bool> {
    let params = params_n4096()?;
    let ws = static_stream_workspace!(N, S).ok_or(Error::InvalidArgument { reason: "workspace taken" })?;
    let mut rng = client_rng(&mut InsecureQemuSeed(6))?;
    let mut client = StreamClient::<N, K, S>::new(&params, ws)?;
    client.keygen(&mut rng)?;
    let slots = client.slots_mut();
    slots.fill(Complex::default());
    for (z, &p) in slots.iter_mut().zip(DIGIT.iter()) {
        *z = Complex::new(f64::from(p) / 16.0, 0.0);
    }
    client.encode()?;
    let len = {
        let mut file = create(files::INPUT_CT)?;
        let mut out = BufferedSink::<_, 512>::new(|b: &[u8]| file.write_all(b));
        let len = client.encrypt(&mut rng, &mut |b: &[u8]| out.write(b))?;
        out.flush()?;
        len
    };
    drop(create(files::INPUT_DONE)?);
    defmt::info!(
        "encrypted the 8x8 image: {=usize} bytes to {=str}; waiting for {=str}",
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
    let bound =
        3.0 * fresh_bound(&params, params.default_scale()) + 6.0 * libm::sqrt(n * (1.0 + 2.0 * n / 3.0) / 12.0) / scale;
    let mut worst = 0f64;
    let mut bytes = [0u8; 8 * 64];
    for (i, (&p, z)) in DIGIT.iter().zip(out.iter()).enumerate() {
        let want = affine(f64::from(p) / 16.0);
        worst = worst.max(libm::fabs(z.re - want)).max(libm::fabs(z.im));
        bytes[8 * i..8 * i + 8].copy_from_slice(&z.re.to_le_bytes());
    }
    create(files::OUTPUT)?.write_all(&bytes)?;
    defmt::info!("decrypted 3x - 1 (level {=u32}, scale {=f64}):", meta.level, scale);
    for row in 0..8 {
        let r = &out[8 * row..8 * row + 8];
        defmt::info!(
            "{=f64:08} {=f64:08} {=f64:08} {=f64:08} {=f64:08} {=f64:08} {=f64:08} {=f64:08}",
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
