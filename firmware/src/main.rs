//! The client demo and measurement run: on the Cortex-M4, with no heap and
//! one prime's polynomial in RAM at a time ([`StreamClient`]): NTT and
//! special-FFT tables from flash, key generation from the seeded CSPRNG,
//! encode + public-key encryption of all `N / 2` slots streamed into a
//! ciphertext file on the host (semihosting, the host's file format),
//! then the file read back limb by limb as the host's result would be,
//! decrypted and decoded, the round trip checked against the
//! parameter-derived bound; logs SysTick instruction counts per phase, the
//! RAM of the workspace and the peak stack.
//!
//! `cargo run --release`: N = 2^12 with three 30-bit primes
//! (SEAL-Embedded's setting); `--features n8192`: N = 2^13. Instruction
//! counts are meaningful only with `POLYHE_QEMU_ICOUNT=0` (QEMU
//! `-icount shift=0`, see `run-qemu.sh` and `icount`). The ciphertext file
//! is `polyhe-demo-ct.bin` in QEMU's working directory.
//!
//! QEMU has no RNG: the seed is the insecure stand-in [`InsecureQemuSeed`].
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use polyhe_core::ckks::{Complex, Parameters};
use polyhe_firmware::client::{client_rng, fresh_bound, InsecureQemuSeed};
use polyhe_firmware::hostfile::HostFile;
use polyhe_firmware::stream::{BufferedSink, StreamClient, StreamWorkspace};
use polyhe_firmware::{exit, icount, stack, static_stream_workspace};

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
/// The ciphertext file on the host.
const CT_PATH: &[u8] = b"polyhe-demo-ct.bin\0";

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
    decrypt: u64,
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
        "RAM: streaming workspace {=usize} bytes; peak stack {=usize} bytes",
        StreamWorkspace::<N, S>::BYTES,
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
    let ws = static_stream_workspace!(N, S).ok_or(polyhe_core::Error::InvalidArgument { reason: "workspace taken" })?;
    let mut rng = client_rng(&mut InsecureQemuSeed(2021))?;
    lap();

    let mut client = StreamClient::<N, K, S>::new(&params, ws)?;
    counts.tables = lap();
    client.keygen(&mut rng)?;
    counts.keygen = lap();
    for (i, z) in client.slots_mut().iter_mut().enumerate() {
        *z = input(i);
    }
    lap();
    client.encode()?;
    counts.encode = lap();
    let len = {
        let mut file = HostFile::create(CT_PATH)?;
        let mut out = BufferedSink::<_, 512>::new(|b: &[u8]| file.write_all(b));
        let len = client.encrypt(&mut rng, &mut |b: &[u8]| out.write(b))?;
        out.flush()?;
        len
    };
    counts.encrypt = lap();
    // Stand-in for the host's answer: the device reads its own file back.
    let meta = client.decrypt(HostFile::open(CT_PATH)?)?;
    counts.decrypt = lap();
    let out = client.slots();

    let err = out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
    let bound = fresh_bound(&params, meta.scale);
    defmt::info!(
        "N = {=usize}, {=usize} x 30-bit Q primes, {=usize} slots, scale 2^30; ciphertext file {=usize} bytes (streamed)",
        N,
        K,
        S,
        len
    );
    defmt::info!("max slot error {=f64} (bound {=f64}); slot 1: {=f64} + {=f64} i", err, bound, out[1].re, out[1].im);
    defmt::info!("instructions: parameters (prime search)          {=u64}", counts.params);
    defmt::info!("instructions: NTT tables (flash, checked)        {=u64}", counts.tables);
    defmt::info!("instructions: key generation (sk, pk seed+error) {=u64}", counts.keygen);
    defmt::info!(
        "instructions: encode + encrypt (streamed out)    {=u64} (encode {=u64}, encrypt + serialise {=u64})",
        counts.encode + counts.encrypt,
        counts.encode,
        counts.encrypt
    );
    defmt::info!("instructions: decrypt + decode (file read back)  {=u64}", counts.decrypt);
    client.wipe_secrets();
    Ok(err <= bound)
}
