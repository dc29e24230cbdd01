//! Read-only tables in flash, computed at build time (`build.rs`) by the
//! host build of polyhe-core for the firmware's parameter sets (three
//! 30-bit `Q` primes at `N = 2^12` and `2^13`): the NTT twiddles of each
//! prime (`4N` words per prime: 192 KiB at `N = 2^12`) and the special
//! FFT's roots (`N/2 - 1` complex values: 32 KiB in `f64`, 16 KiB in
//! `f32` for the single-precision encoder). Nothing is copied to
//! RAM: `NttTable::from_precomputed` and `RootTable` borrow them.

use polyhe_core::ckks::encoding::RootTable;
use polyhe_core::ckks::encoding_f32::{Complex32, RootTable32};
use polyhe_core::ckks::Complex;
use polyhe_core::ntt::NttTable;
use polyhe_core::{Error, Result};

/// Bytes with the alignment of `f64` (and so of `u32`).
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

static NTT_N4096: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/ntt_n4096.bin")));
static NTT_N8192: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/ntt_n8192.bin")));
static ROOTS_N4096: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/roots_n4096.bin")));
static ROOTS_N8192: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/roots_n8192.bin")));
static ROOTS32_N4096: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/roots32_n4096.bin")));
static ROOTS32_N8192: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/roots32_n8192.bin")));

fn words(bytes: &'static Aligned<[u8]>) -> &'static [u32] {
    let b = &bytes.0;
    // SAFETY: 8-byte aligned, length rounded down to whole words, every bit
    // pattern is a valid u32, and the bytes are immutable for 'static.
    // The build script wrote them little-endian, the target's byte order.
    unsafe { core::slice::from_raw_parts(b.as_ptr().cast::<u32>(), b.len() / 4) }
}

fn complexes(bytes: &'static Aligned<[u8]>) -> &'static [Complex] {
    let b = &bytes.0;
    // SAFETY: as in `words`; `Complex` is `repr(C)` `{ re: f64, im: f64 }`
    // (16 bytes, alignment 8) and every bit pattern is a valid f64.
    unsafe { core::slice::from_raw_parts(b.as_ptr().cast::<Complex>(), b.len() / 16) }
}

fn complexes32(bytes: &'static Aligned<[u8]>) -> &'static [Complex32] {
    let b = &bytes.0;
    // SAFETY: as in `words`; `Complex32` is `repr(C)` `{ re: f32, im: f32 }`
    // (8 bytes, alignment 4) and every bit pattern is a valid f32.
    unsafe { core::slice::from_raw_parts(b.as_ptr().cast::<Complex32>(), b.len() / 8) }
}

/// The flash twiddles for degree `n` (`3 * 4n` words: three primes), or
/// `None` for a degree without tables.
pub fn ntt_words(n: usize) -> Option<&'static [u32]> {
    match n {
        4096 => Some(words(NTT_N4096)),
        8192 => Some(words(NTT_N8192)),
        _ => None,
    }
}

/// The special FFT's roots for degree `n` (`n/2 - 1` values).
pub fn root_table(n: usize) -> Result<RootTable<'static>> {
    let roots = match n {
        4096 => complexes(ROOTS_N4096),
        8192 => complexes(ROOTS_N8192),
        _ => return Err(Error::InvalidArgument { reason: "no precomputed root table for this ring degree" }),
    };
    RootTable::new(roots)
}

/// The NTT tables of `primes` at degree `n` over the flash twiddles,
/// each checked word by word (`NttTable::from_precomputed`); errors when
/// the build-time primes differ from `primes` or a word is wrong.
pub fn ntt_tables<const K: usize>(n: usize, primes: &[u32]) -> Result<heapless::Vec<NttTable<'static>, K>> {
    let all =
        ntt_words(n).ok_or(Error::InvalidArgument { reason: "no precomputed NTT tables for this ring degree" })?;
    let mut out = heapless::Vec::new();
    for (i, &q) in primes.iter().enumerate() {
        let w = all
            .get(i * 4 * n..(i + 1) * 4 * n)
            .ok_or(Error::InvalidArgument { reason: "more primes than the precomputed NTT tables hold" })?;
        let t = NttTable::from_precomputed(n, q, w)?;
        out.push(t).map_err(|_| Error::InvalidArgument { reason: "more primes than K" })?;
    }
    Ok(out)
}

/// The special FFT's roots in `f32` for degree `n` (`n/2 - 1` values).
pub fn root_table32(n: usize) -> Result<RootTable32<'static>> {
    let roots = match n {
        4096 => complexes32(ROOTS32_N4096),
        8192 => complexes32(ROOTS32_N8192),
        _ => return Err(Error::InvalidArgument { reason: "no precomputed f32 root table for this ring degree" }),
    };
    RootTable32::new(roots)
}
