//! Puts `memory.x` where cortex-m-rt's `link.x` finds it (the linker search
//! path), and precomputes the read-only tables of the firmware's parameter
//! sets with the host build of polyhe-core, so they go to flash instead of
//! being computed into RAM on the device:
//!
//! - `ntt_n{N}.bin`: for each of the three `Q` primes, the `4N` words
//!   `NttTable::new_in` writes (forward twiddles, Shoup companions, inverse
//!   twiddles, companions), little-endian `u32`;
//! - `roots_n{N}.bin`: the special FFT's `N/2 - 1` twiddles
//!   (`encoding::fill_root_table`), little-endian `f64` pairs;
//! - `roots32_n{N}.bin`: the same rounded to `f32`
//!   (`encoding_f32::fill_root_table_f32`), little-endian `f32` pairs, for
//!   the single-precision encoder.
//!
//! The firmware checks every NTT word when it builds its tables
//! (`NttTable::from_precomputed`), so a stale or corrupted file is an
//! error, not a wrong result.

use std::{env, fs, path::PathBuf};

use polyhe_core::ckks::encoding::{fill_root_table, root_table_len};
use polyhe_core::ckks::encoding_f32::{fill_root_table_f32, Complex32};
use polyhe_core::ckks::{Complex, Parameters, ParametersLiteral};
use polyhe_core::ntt::NttTable;

include!("src/params_literal.rs");

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::copy("memory.x", out.join("memory.x")).expect("copy memory.x to OUT_DIR");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/params_literal.rs");

    for log_n in [12u32, 13] {
        let n = 1usize << log_n;
        let params = Parameters::new_insecure(three_prime_literal(log_n)).expect("firmware parameters");
        let mut words = Vec::with_capacity(params.q_primes().len() * 4 * n);
        for &q in params.q_primes() {
            let mut storage = vec![0u32; 4 * n];
            NttTable::new_in(n, q, &mut storage).expect("NTT table");
            words.extend_from_slice(&storage);
        }
        let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        fs::write(out.join(format!("ntt_n{n}.bin")), bytes).expect("write NTT tables");

        let mut roots = vec![Complex::default(); root_table_len(n / 2)];
        fill_root_table(&mut roots).expect("root table");
        let bytes: Vec<u8> = roots.iter().flat_map(|z| [z.re.to_le_bytes(), z.im.to_le_bytes()]).flatten().collect();
        fs::write(out.join(format!("roots_n{n}.bin")), bytes).expect("write root table");

        let mut roots = vec![Complex32::default(); root_table_len(n / 2)];
        fill_root_table_f32(&mut roots).expect("f32 root table");
        let bytes: Vec<u8> = roots.iter().flat_map(|z| [z.re.to_le_bytes(), z.im.to_le_bytes()]).flatten().collect();
        fs::write(out.join(format!("roots32_n{n}.bin")), bytes).expect("write f32 root table");
    }
}
