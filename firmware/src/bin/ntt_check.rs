//! Boot check for the firmware: computes a negacyclic product at N = 1024
//! with polyhe-core's NTT on the Cortex-M4, checks it against a schoolbook
//! product computed on the device, logs the result and exits through
//! semihosting (status 0 on success). Run with
//! `cargo run --release --bin ntt_check`.
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{Kernel, NttTable};
use polyhe_firmware::{exit, schoolbook_negacyclic, stack};

const N: usize = 1024;

#[entry]
fn main() -> ! {
    stack::paint();
    let ok = match ntt_product_check() {
        Ok(ok) => ok,
        Err(e) => {
            defmt::error!("polyhe-core error: {}", defmt::Debug2Format(&e));
            false
        }
    };
    defmt::info!(
        "NttTable is {=usize} bytes; peak stack {=usize} of {=usize} bytes",
        core::mem::size_of::<NttTable>(),
        stack::peak_bytes(),
        stack::capacity_bytes()
    );
    if ok {
        defmt::info!("firmware self-check passed");
    } else {
        defmt::error!("firmware self-check FAILED");
    }
    exit(ok)
}

/// NTT product of two fixed polynomials modulo the largest 30-bit prime
/// `q = 1 mod 2N`, compared with the schoolbook product.
fn ntt_product_check() -> polyhe_core::Result<bool> {
    let q = NttPrimes::new(30, N)?.next().ok_or(polyhe_core::Error::InvalidArgument { reason: "no prime" })?;
    // The twiddles live in caller storage: 4N words on the stack here.
    let mut storage = [0u32; 4 * N];
    let table = NttTable::new_in(N, q, &mut storage)?;
    let m = *table.modulus();
    defmt::info!("N = {=usize}, q = {=u32}, psi = {=u32}", N, q, table.psi());
    if table.kernel() != Kernel::Scalar {
        defmt::error!("expected the scalar kernel on Cortex-M");
        return Ok(false);
    }

    // Fixed inputs by formula: a dense polynomial with values spread over
    // [0, q) and one with a few large coefficients, including q - 1.
    let mut a = [0u32; N];
    let mut b = [0u32; N];
    for (i, (x, y)) in a.iter_mut().zip(b.iter_mut()).enumerate() {
        let i = i as u32;
        *x = m.reduce_u64(u64::from(i) * 0x9E37_79B9 + 12345);
        *y = if i.is_multiple_of(97) { q - 1 - i } else { i * i % 1000 };
    }

    let mut want = [0u32; N];
    schoolbook_negacyclic(&m, &a, &b, &mut want);

    let mut got = a;
    let mut fb = b;
    table.forward(&mut got)?;
    table.forward(&mut fb)?;
    let fa = got;
    table.mul_pointwise(&fa, &fb, &mut got)?;
    table.inverse(&mut got)?;

    let checksum = got.iter().fold(0u32, |acc, &c| m.add(acc, c));
    defmt::info!("a*b: first coefficients {=[?]}, checksum {=u32}", got[..4], checksum);
    match got.iter().zip(&want).position(|(x, y)| x != y) {
        None => {
            defmt::info!("NTT product == schoolbook product ({=usize} coefficients)", N);
            Ok(true)
        }
        Some(i) => {
            defmt::error!("NTT product differs at coefficient {=usize}: {=u32} != {=u32}", i, got[i], want[i]);
            Ok(false)
        }
    }
}
