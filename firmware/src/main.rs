//! The client demo and measurement run: on the Cortex-M4, with no heap,
//! builds the parameters and NTT tables, generates a secret and public key
//! from the seeded CSPRNG, encodes and encrypts an input vector (all
//! `N / 2` slots), serialises the ciphertext into the host's file format,
//! reads it back as it would read the host's result, decrypts and decodes
//! it, checks the round trip against the parameter-derived bound, and logs
//! SysTick instruction counts for each phase and the peak stack.
//!
//! `cargo run --release`: N = 2^12 with three 30-bit primes
//! (SEAL-Embedded's setting); `--features n8192`: N = 2^13. Instruction
//! counts are meaningful only with `POLYHE_QEMU_ICOUNT=0` (QEMU
//! `-icount shift=0`, see `run-qemu.sh` and `icount`).
//!
//! QEMU has no RNG: the seed is the insecure stand-in [`InsecureQemuSeed`].
#![no_std]
#![no_main]

use core::ptr::addr_of_mut;

use cortex_m_rt::entry;
use polyhe_core::ckks::wire::max_ciphertext_len;
use polyhe_core::ckks::{Complex, Parameters};
use polyhe_firmware::client::{client_rng, fresh_bound, Client, InsecureQemuSeed, Workspace};
use polyhe_firmware::{exit, icount, stack, static_workspace};

#[cfg(not(feature = "n8192"))]
mod set {
    pub const N: usize = 4096;
    pub use polyhe_firmware::client::params_n4096 as params;
}
#[cfg(feature = "n8192")]
mod set {
    pub const N: usize = 8192;
    pub use polyhe_firmware::client::params_n8192 as params;
}
use set::N;
/// Three 30-bit `Q` primes.
const K: usize = 3;
/// Every slot.
const S: usize = N / 2;
/// The serialised ciphertext.
const CT_BYTES: usize = max_ciphertext_len(N, K);

static mut CT: [u8; CT_BYTES] = [0; CT_BYTES];

/// The input vector, by formula.
fn input(i: usize) -> Complex {
    let x = i as f64;
    Complex::new(libm::sin(x * 0.01) * 2.0, libm::cos(x * 0.003) - 0.5)
}

/// Instruction counts of the phases.
#[derive(Default)]
struct Counts {
    params: u64,
    tables: u64,
    keygen: u64,
    encode: u64,
    encrypt: u64,
    serialise: u64,
    deserialise: u64,
    decrypt: u64,
    decode: u64,
}

#[entry]
fn main() -> ! {
    stack::paint();
    let mut cp = cortex_m::Peripherals::take().unwrap_or_else(|| defmt::panic!("peripherals taken twice"));
    icount::start(&mut cp.SYST);
    let per_tick = icount::calibrate();
    defmt::info!(
        "SysTick: {=u32} instructions per tick (40 under -icount shift=0; otherwise the counts below are host time)",
        per_tick
    );
    let ok = match run(per_tick) {
        Ok(ok) => ok,
        Err(e) => {
            defmt::error!("polyhe-core error: {}", defmt::Debug2Format(&e));
            false
        }
    };
    defmt::info!(
        "RAM: workspace {=usize} bytes, ciphertext buffer {=usize} bytes; peak stack {=usize} bytes",
        Workspace::<N, K, S>::BYTES,
        CT_BYTES,
        stack::peak_bytes()
    );
    if ok {
        defmt::info!("client round trip passed");
    } else {
        defmt::error!("client round trip FAILED");
    }
    exit(ok)
}

fn run(per_tick: u32) -> polyhe_core::Result<bool> {
    let mut counts = Counts::default();
    let mut lap = {
        let mut t = icount::ticks();
        move || {
            let now = icount::ticks();
            let d = icount::instructions(now - t, per_tick);
            t = now;
            d
        }
    };
    let params: Parameters = set::params()?;
    counts.params = lap();
    let ws = static_workspace!(N, K, S).ok_or(polyhe_core::Error::InvalidArgument { reason: "workspace taken" })?;
    // SAFETY: the only reference to CT, taken once here.
    let ct_buf = unsafe { &mut *addr_of_mut!(CT) };
    let mut rng = client_rng(&mut InsecureQemuSeed(2021))?;
    lap();

    let mut client = Client::new(&params, ws)?;
    counts.tables = lap();
    client.keygen(&mut rng)?;
    counts.keygen = lap();
    for (i, z) in client.slots_mut().iter_mut().enumerate() {
        *z = input(i);
    }
    lap();
    client.encode()?;
    counts.encode = lap();
    let meta = client.encrypt_encoded(&mut rng)?;
    counts.encrypt = lap();
    let len = client.write_ciphertext(ct_buf)?;
    counts.serialise = lap();
    // Stand-in for the host's answer: the device reads its own file back.
    let (c0, c1) = client.ciphertext_buffers();
    c0.fill(0);
    c1.fill(0);
    lap();
    client.read_ciphertext(&ct_buf[..len])?;
    counts.deserialise = lap();
    client.decrypt_only()?;
    counts.decrypt = lap();
    let out = client.decode()?;
    counts.decode = lap();

    let err = out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
    let bound = fresh_bound(&params, meta.scale);
    defmt::info!(
        "N = {=usize}, {=usize} x 30-bit Q primes, {=usize} slots, scale 2^30; ciphertext file {=usize} bytes",
        N,
        K,
        S,
        len
    );
    defmt::info!("max slot error {=f64} (bound {=f64}); slot 1: {=f64} + {=f64} i", err, bound, out[1].re, out[1].im);
    defmt::info!("instructions: parameters (prime search)  {=u64}", counts.params);
    defmt::info!("instructions: NTT tables                 {=u64}", counts.tables);
    defmt::info!("instructions: key generation (sk + pk)   {=u64}", counts.keygen);
    defmt::info!(
        "instructions: encode + encrypt           {=u64} (encode {=u64}, encrypt {=u64})",
        counts.encode + counts.encrypt,
        counts.encode,
        counts.encrypt
    );
    defmt::info!("instructions: serialise ciphertext       {=u64}", counts.serialise);
    defmt::info!("instructions: deserialise ciphertext     {=u64}", counts.deserialise);
    defmt::info!(
        "instructions: decrypt + decode           {=u64} (decrypt {=u64}, decode {=u64})",
        counts.decrypt + counts.decode,
        counts.decrypt,
        counts.decode
    );
    client.wipe_secrets();
    Ok(err <= bound)
}
