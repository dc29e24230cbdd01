//! polyhe-firmware: the Cortex-M4F side of polyhe (`thumbv7em-none-eabihf`,
//! run under QEMU's `mps2-an386`).
//!
//! It holds the runtime glue every firmware image shares (defmt logging over
//! semihosting, panic and HardFault handlers that end the QEMU run with a
//! failure code, [`exit`]), a stack high-water gauge ([`stack`]), SysTick
//! instruction counts under QEMU `-icount` ([`icount`]), an on-device
//! reference product ([`schoolbook_negacyclic`]), and the CKKS client
//! without a heap: [`client`] (seeded CSPRNG, key generation, encode +
//! encrypt, decrypt + decode with every polynomial in RAM) and
//! [`stream`] (the same with one prime's polynomial in RAM at a time,
//! tables from flash ([`tables`]) and ciphertexts streamed through
//! host files ([`hostfile`]) or any byte sink), and [`compact`] (single-
//! precision slots, secret-key encryption in one limb buffer: under 64 KB
//! of RAM with decryption), and [`model`] (the bundled model's client at
//! N = 2^15: evaluation keys generated and streamed out limb by limb,
//! seeded inputs, decryption of the logits). Ciphertexts are serialised
//! with `polyhe_core::ckks::wire`. The SPI link to the accelerator is
//! `polyhe_core::accel::spi::SpiNtt` (feature `spi`), an `NttEngine` the
//! streaming client accepts.
//!
//! Binaries and tests link this crate with `use polyhe_firmware as _;` so the
//! handlers and the global logger are part of the image.
#![no_std]
#![deny(missing_docs)]

use core::sync::atomic::{AtomicBool, Ordering};

use cortex_m_rt::{exception, ExceptionFrame};
use cortex_m_semihosting::debug;
use defmt_semihosting as _;
use polyhe_core::arith::Modulus;

pub mod client;
pub mod compact;
pub mod hostfile;
pub mod icount;
pub mod model;
pub mod stack;
pub mod stream;
pub mod tables;

/// Ends the QEMU run through semihosting: exit status 0 when `success`,
/// 1 otherwise. On real hardware without a debugger this parks the core.
pub fn exit(success: bool) -> ! {
    debug::exit(if success { debug::EXIT_SUCCESS } else { debug::EXIT_FAILURE });
    // Only reached when no semihosting host is attached.
    loop {
        cortex_m::asm::wfi();
    }
}

/// Set by the first failure path; a fault or panic inside the failure path
/// itself (e.g. while the logger is held) must exit at once, not recurse.
static FAILING: AtomicBool = AtomicBool::new(false);

fn first_failure() -> bool {
    !FAILING.swap(true, Ordering::Relaxed)
}

/// Rust panics: log the message and location, exit with a failure code.
/// (Not panic-probe: its `udf` ends in a HardFault loop that hangs QEMU.)
#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    if first_failure() {
        defmt::error!("{}", defmt::Display2Format(info));
    }
    exit(false)
}

/// `defmt::panic!` and the `defmt::assert*!` macros (used by defmt-test)
/// have already logged their message: exit without a second, vaguer one.
#[defmt::panic_handler]
fn defmt_panic() -> ! {
    exit(false)
}

/// Faults (bad memory access, undefined instruction, stack overflow into
/// unmapped memory): log where, exit with a failure code instead of
/// cortex-m-rt's default endless loop.
#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    if first_failure() {
        defmt::error!("HardFault: pc={=u32:#010x} lr={=u32:#010x}", frame.pc(), frame.lr());
    }
    exit(false)
}

/// `out = a * b mod (X^n + 1, q)` by the definition, `O(n^2)`: an
/// on-device reference for the NTT product that shares nothing with it but
/// [`Modulus::mul`], `add` and `sub`.
///
/// Panics when the three slices differ in length.
pub fn schoolbook_negacyclic(m: &Modulus, a: &[u32], b: &[u32], out: &mut [u32]) {
    let n = a.len();
    assert!(b.len() == n && out.len() == n, "schoolbook_negacyclic: lengths differ");
    out.fill(0);
    for (i, &x) in a.iter().enumerate() {
        // X^i * X^j with i + j >= n wraps to -X^(i + j - n).
        let (low, high) = out.split_at_mut(i);
        for (o, &y) in high.iter_mut().zip(b) {
            *o = m.add(*o, m.mul(x, y));
        }
        for (o, &y) in low.iter_mut().zip(&b[n - i..]) {
            *o = m.sub(*o, m.mul(x, y));
        }
    }
}
