//! The device half of encrypted inference with the bundled model through
//! `polyhe infer` (host test `tests/tests/firmware_model.rs`): the device
//! keeps the secret key and
//!
//! 1. writes the public half of a key directory through semihosting
//!    (`keys/params.bin`, `keys/model.fp`, and the evaluation keys
//!    `keys/relin.key`, `keys/galois.key` generated one limb at a time:
//!    about 40 MB at N = 2^15), the same bytes `polyhe keygen` writes from
//!    the same generator;
//! 2. encrypts the first [`ENCRYPTED`] test images of the bundled digits,
//!    packed in the plan's layout, as seeded ciphertexts `input-{p}.seeded`
//!    (one per patch pixel), then creates `inputs.done`;
//! 3. waits for `logits.done` (the host ran `polyhe pack`, `infer`,
//!    `unpack` into `logits/`), decrypts `logits/logits-{c}.ct`, decodes,
//!    logs each sample's predicted class with defmt, writes the logits to
//!    `device-logits.bin` (little-endian f64, sample-major) and exits 0.
//!
//! Logs SysTick instruction counts per phase (meaningful with
//! `POLYHE_QEMU_ICOUNT=0`), the workspace's RAM and the peak stack. QEMU
//! has no RNG: the seed is the insecure stand-in [`InsecureQemuSeed`]
//! (label [`SEED_LABEL`], which the host test uses to check the keys).
#![no_std]
#![no_main]

use core::fmt::Write as _;

use cortex_m_rt::entry;
use polyhe_core::ckks::keywire::write_parameters;
use polyhe_core::{Error, Result};
use polyhe_firmware::client::{client_rng, InsecureQemuSeed};
use polyhe_firmware::hostfile::HostFile;
use polyhe_firmware::model::{pack_column, params, plan, roots, ModelClient, ModelWorkspace};
use polyhe_firmware::stream::BufferedSink;
use polyhe_firmware::{exit, icount, stack};

/// The label of the insecure QEMU seed (the host test derives the same
/// generator from it).
const SEED_LABEL: u64 = 2026;
/// Test images encrypted (all of the digits' test split: one pass holds
/// up to `plan::BATCH`).
const ENCRYPTED: usize = if plan::SAMPLES < plan::BATCH { plan::SAMPLES } else { plan::BATCH };

static mut WS: ModelWorkspace = ModelWorkspace::ZERO;
static mut LOGITS: [[f32; plan::OUTPUTS]; ENCRYPTED] = [[0.0; plan::OUTPUTS]; ENCRYPTED];

fn path(name: core::fmt::Arguments<'_>) -> Result<heapless::String<64>> {
    let mut s = heapless::String::<64>::new();
    s.write_fmt(name).map_err(|_| Error::InvalidArgument { reason: "path too long" })?;
    s.push('\0').map_err(|_| Error::InvalidArgument { reason: "path too long" })?;
    Ok(s)
}

fn create(name: core::fmt::Arguments<'_>) -> Result<HostFile> {
    HostFile::create(path(name)?.as_bytes())
}

/// Streams `write` into the host file `name` through a 4 KiB buffer.
fn to_file<T>(
    name: core::fmt::Arguments<'_>,
    write: impl FnOnce(&mut dyn FnMut(&[u8]) -> Result<()>) -> Result<T>,
) -> Result<T> {
    // (`&mut dyn FnMut` is `Sized` and itself an `FnMut`.)
    let mut file = create(name)?;
    let mut out = BufferedSink::<_, 4096>::new(|b: &[u8]| file.write_all(b));
    let r = write(&mut |b: &[u8]| out.write(b))?;
    out.flush()?;
    Ok(r)
}

fn wait_for(name: core::fmt::Arguments<'_>) -> Result<()> {
    let p = path(name)?;
    let mut tries = 0u32;
    loop {
        match HostFile::open(p.as_bytes()) {
            Ok(_) => return Ok(()),
            Err(_) if tries < 20_000_000 => {
                tries += 1;
                cortex_m::asm::delay(20_000);
            }
            Err(e) => return Err(e),
        }
    }
}

#[entry]
fn main() -> ! {
    stack::paint();
    let mut cp = cortex_m::Peripherals::take().unwrap_or_else(|| defmt::panic!("peripherals taken twice"));
    icount::start(&mut cp.SYST);
    let per_tick = icount::calibrate();
    defmt::info!("SysTick: {=u32} instructions per tick (40 under -icount shift=0)", per_tick);
    let ok = match run(per_tick) {
        Ok(ok) => ok,
        Err(e) => {
            defmt::error!("polyhe-core error: {}", defmt::Debug2Format(&e));
            false
        }
    };
    defmt::info!(
        "RAM: model workspace {=usize} bytes + logits {=usize} bytes; peak stack {=usize} bytes",
        ModelWorkspace::BYTES,
        core::mem::size_of::<[[f32; plan::OUTPUTS]; ENCRYPTED]>(),
        stack::peak_bytes()
    );
    if ok {
        defmt::info!("encrypted inference with the bundled model through the host: done");
    } else {
        defmt::error!("encrypted inference with the bundled model through the host FAILED");
    }
    exit(ok)
}

fn run(per_tick: u32) -> Result<bool> {
    let mut lap = {
        let mut t = icount::ticks();
        move || {
            let now = icount::ticks();
            let d = icount::instructions(now - t, per_tick);
            t = now;
            d
        }
    };
    let params = params()?;
    let roots = roots()?;
    defmt::info!(
        "instructions: parameters (N = 2^{=u32}, {=usize} Q + {=usize} special primes, prime search) {=u64}",
        plan::LOG_N,
        params.q_primes().len(),
        params.p_primes().len(),
        lap()
    );
    // SAFETY: `run` is called once; these are the only references to the
    // statics for the rest of the program.
    let (ws, logits) = unsafe { (&mut *core::ptr::addr_of_mut!(WS), &mut *core::ptr::addr_of_mut!(LOGITS)) };
    let mut rng = client_rng(&mut InsecureQemuSeed(SEED_LABEL))?;
    let mut client = ModelClient::new(&params, ws)?;
    client.keygen(&mut rng);

    // 1. The public half of the key directory.
    let mut buf = [0u8; 1024];
    let len = write_parameters(&params, &mut buf)?;
    create(format_args!("keys/params.bin"))?.write_all(&buf[..len])?;
    let mut fp = heapless::String::<32>::new();
    writeln!(fp, "{:#018x}", plan::MODEL_FINGERPRINT).map_err(|_| Error::InvalidArgument { reason: "fp" })?;
    create(format_args!("keys/model.fp"))?.write_all(fp.as_bytes())?;
    let mut relin_file = create(format_args!("keys/relin.key"))?;
    let mut galois_file = create(format_args!("keys/galois.key"))?;
    let (rl, gl) = {
        let mut relin = BufferedSink::<_, 4096>::new(|b: &[u8]| relin_file.write_all(b));
        let mut galois = BufferedSink::<_, 4096>::new(|b: &[u8]| galois_file.write_all(b));
        let lens = client.write_eval_keys(
            &mut rng,
            &mut |b: &[u8]| relin.write(b),
            &mut |b: &[u8]| galois.write(b),
            |done, total| {
                if done % 46 == 0 || done == total {
                    defmt::info!("key generation: {=usize}/{=usize} limbs", done, total);
                }
            },
        )?;
        relin.flush()?;
        galois.flush()?;
        lens
    };
    drop((relin_file, galois_file));
    defmt::info!(
        "instructions: evaluation keys (relin {=usize} bytes, {=usize} Galois keys {=usize} bytes, streamed out) {=u64}",
        rl,
        plan::ROTATIONS.len(),
        gl,
        lap()
    );

    // 2. The inputs: one seeded ciphertext per patch pixel.
    let mut bytes = 0;
    for p in 0..plan::INPUTS {
        pack_column(client.slots_mut(), p, 0, ENCRYPTED)?;
        bytes +=
            to_file(format_args!("input-{p}.seeded"), |mut sink| client.encrypt_seeded(&roots, &mut rng, &mut sink))?;
    }
    drop(create(format_args!("inputs.done"))?);
    defmt::info!(
        "instructions: encode + encrypt {=usize} images in {=usize} seeded ciphertexts ({=usize} bytes) {=u64}",
        ENCRYPTED,
        plan::INPUTS,
        bytes,
        lap()
    );
    defmt::info!("waiting for the host's encrypted logits (logits.done)");
    wait_for(format_args!("logits.done"))?;
    lap();

    // 3. Decrypt the logits, one class column at a time.
    for c in 0..plan::OUTPUTS {
        let file = HostFile::open(path(format_args!("logits/logits-{c}.ct"))?.as_bytes())?;
        let meta = client.decrypt(&roots, file)?;
        if c == 0 {
            defmt::info!("logits at level {=u32}, scale {=f64}", meta.level, meta.scale);
        }
        for (s, row) in logits.iter_mut().enumerate() {
            row[c] = client.slots()[s].re;
        }
    }
    defmt::info!("instructions: decrypt + decode {=usize} logit ciphertexts {=u64}", plan::OUTPUTS, lap());
    client.wipe_secrets();

    let mut correct = 0;
    to_file(format_args!("device-logits.bin"), |sink| {
        for row in logits.iter() {
            for &v in row {
                sink(&f64::from(v).to_le_bytes())?;
            }
        }
        Ok(())
    })?;
    for (s, row) in logits.iter().enumerate() {
        let class = argmax(row);
        let label = plan::LABELS[s];
        correct += usize::from(class == usize::from(label));
        if s < 16 {
            defmt::info!("sample {=usize}: predicted class {=usize} (label {=u8}), logits {}", s, class, label, row);
        }
    }
    defmt::info!(
        "predicted {=usize} test images on the device: {=usize} correct ({=f32} %)",
        ENCRYPTED,
        correct,
        100.0 * correct as f32 / ENCRYPTED as f32
    );
    Ok(true)
}

fn argmax(row: &[f32]) -> usize {
    let mut best = 0;
    for (i, &v) in row.iter().enumerate() {
        if v > row[best] {
            best = i;
        }
    }
    best
}
