//! The compact client's measurement run ([`CompactClient`]: `f32` slots,
//! secret-key encryption in one limb buffer, public-key encryption in
//! two): key generation, then for each mode (symmetric, public key)
//! encode + encrypt of all `N / 2` slots streamed into a host file
//! (semihosting, the host's format), the file read back limb by limb,
//! decrypted and decoded on the device, the round trip checked against
//! the fresh-encryption bound plus the `f32` encoder's bound; logs
//! SysTick instruction counts per phase, the workspace's RAM and the peak
//! stack.
//!
//! `cargo run --release --bin compact`: N = 2^12 with three 30-bit primes
//! (SEAL-Embedded's setting); `--features n8192`: N = 2^13. Instruction
//! counts are meaningful only with `POLYHE_QEMU_ICOUNT=0`. The files are
//! `polyhe-compact-{sym,pk}.ct` in QEMU's working directory.
//!
//! QEMU has no RNG: the seed is the insecure stand-in [`InsecureQemuSeed`].
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use polyhe_core::ckks::encoding_f32::{f32_round_trip_bound, Complex32};
use polyhe_core::ckks::Parameters;
use polyhe_firmware::client::{client_rng, fresh_bound, InsecureQemuSeed};
use polyhe_firmware::compact::{CompactClient, CompactWorkspace, Mode};
use polyhe_firmware::hostfile::HostFile;
use polyhe_firmware::stream::BufferedSink;
use polyhe_firmware::{exit, icount, stack, static_compact_workspace};

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

/// The input vector, by formula (the demo's, in `f32`).
fn input(i: usize) -> Complex32 {
    let x = i as f32;
    Complex32::new(libm::sinf(x * 0.01) * 2.0, libm::cosf(x * 0.003) - 0.5)
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
        "RAM: compact workspace {=usize} bytes; peak stack {=usize} bytes",
        CompactWorkspace::<N, S, N>::BYTES,
        stack::peak_bytes()
    );
    if ok {
        defmt::info!("compact client round trips passed");
    } else {
        defmt::error!("compact client round trip FAILED");
    }
    exit(ok)
}

fn run(per_tick: u32) -> polyhe_core::Result<bool> {
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
    let ws =
        static_compact_workspace!(N, S, N).ok_or(polyhe_core::Error::InvalidArgument { reason: "workspace taken" })?;
    let mut rng = client_rng(&mut InsecureQemuSeed(2021))?;
    lap();
    let mut client = CompactClient::<N, K, S, N>::new(&params, ws)?;
    let tables = lap();
    client.keygen(&mut rng)?;
    let keygen = lap();
    defmt::info!("N = {=usize}, {=usize} x 30-bit Q primes, {=usize} f32 slots, scale 2^30", N, K, S);
    defmt::info!("instructions: NTT tables (flash, checked)        {=u64}", tables);
    defmt::info!("instructions: key generation (sk, pk seed+error) {=u64}", keygen);
    let mut ok = true;
    for (mode, path) in
        [(Mode::Symmetric, &b"polyhe-compact-sym.ct\0"[..]), (Mode::PublicKey, &b"polyhe-compact-pk.ct\0"[..])]
    {
        for (i, z) in client.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        lap();
        client.encode()?;
        let encode = lap();
        let len = {
            let mut file = HostFile::create(path)?;
            let mut out = BufferedSink::<_, 512>::new(|b: &[u8]| file.write_all(b));
            let len = client.encrypt(mode, &mut rng, &mut |b: &[u8]| out.write(b))?;
            out.flush()?;
            len
        };
        let encrypt = lap();
        let meta = client.decrypt(HostFile::open(path)?)?;
        let decrypt = lap();
        let out = client.slots();
        let err = out
            .iter()
            .enumerate()
            .map(|(i, z)| {
                let w = input(i);
                libm::hypot(f64::from(z.re) - f64::from(w.re), f64::from(z.im) - f64::from(w.im))
            })
            .fold(0.0, f64::max);
        let norm2 = libm::sqrt(
            (0..S)
                .map(|i| {
                    let w = input(i);
                    f64::from(w.re) * f64::from(w.re) + f64::from(w.im) * f64::from(w.im)
                })
                .sum::<f64>(),
        );
        let f32_part = f32_round_trip_bound(S, norm2);
        let bound = fresh_bound(&params, meta.scale) + f32_part;
        defmt::info!(
            "{}: ciphertext file {=usize} bytes; max slot error {=f64} (bound {=f64} = fresh {=f64} + f32 {=f64})",
            mode,
            len,
            err,
            bound,
            bound - f32_part,
            f32_part
        );
        defmt::info!(
            "{}: instructions: encode {=u64} + encrypt (streamed out) {=u64} = {=u64}; decrypt + decode (file read back) {=u64}",
            mode,
            encode,
            encrypt,
            encode + encrypt,
            decrypt
        );
        ok &= err <= bound;
    }
    client.wipe_secrets();
    Ok(ok)
}
