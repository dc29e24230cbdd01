//! On-target tests of the compact client (`polyhe_firmware::compact`:
//! `f32` slots, secret-key encryption in one limb buffer) at N = 2^12 with
//! three 30-bit primes: symmetric and public-key round trips within the
//! fresh-encryption bound plus the `f32` encoder's bound; the symmetric
//! file bit-identical across runs from the same seed and its `c1` the
//! seed's uniform polynomial; the `f32` client against the `f64` streaming
//! client with the same keys and encryption noise (the difference is the
//! single-precision encoder's error alone); the secret-key-only workspace
//! (`Y = 0`) refusing what needs the second buffer; corrupted files
//! refused.
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

use core::ptr::addr_of_mut;

use polyhe_core::ckks::encoding_f32::{f32_round_trip_bound, f32_round_trip_estimate, Complex32};
use polyhe_core::ckks::wire::max_ciphertext_len;
use polyhe_core::ckks::Complex;

/// The input vector: slot `i`, by formula.
fn input(i: usize) -> Complex32 {
    let x = i as f32;
    Complex32::new(libm::sinf(x * 0.37) * 2.0, libm::cosf(x * 0.11) * 0.5)
}

fn norm2() -> f64 {
    libm::sqrt(
        (0..S)
            .map(|i| {
                let w = input(i);
                f64::from(w.re) * f64::from(w.re) + f64::from(w.im) * f64::from(w.im)
            })
            .sum::<f64>(),
    )
}

fn max_err(out: &[Complex32]) -> f64 {
    out.iter()
        .enumerate()
        .map(|(i, z)| {
            let w = input(i);
            libm::hypot(f64::from(z.re) - f64::from(w.re), f64::from(z.im) - f64::from(w.im))
        })
        .fold(0.0, f64::max)
}

const N: usize = 4096;
const K: usize = 3;
const S: usize = N / 2;
const CT: usize = max_ciphertext_len(N, K);
static mut FIRST: [u8; CT] = [0; CT];
static mut SECOND: [u8; CT] = [0; CT];

/// A sink into `buf` from `*at` on.
fn into<'a>(buf: &'a mut [u8], at: &'a mut usize) -> impl FnMut(&[u8]) -> polyhe_core::Result<()> + 'a {
    move |bytes: &[u8]| {
        let end = *at + bytes.len();
        buf.get_mut(*at..end)
            .ok_or(polyhe_core::Error::InvalidArgument { reason: "ciphertext buffer full" })?
            .copy_from_slice(bytes);
        *at = end;
        Ok(())
    }
}

#[defmt_test::tests]
mod tests {
    use super::*;
    use polyhe_core::ckks::client::{expand_limb, Component};
    use polyhe_core::ckks::wire::CiphertextReader;
    use polyhe_core::Error;
    use polyhe_firmware::client::{client_rng, fresh_bound, params_n4096, InsecureQemuSeed};
    use polyhe_firmware::compact::{CompactClient, Mode};
    use polyhe_firmware::stream::StreamClient;
    use polyhe_firmware::{static_compact_workspace, static_stream_workspace};

    #[test]
    fn symmetric_round_trip_bit_identical_runs_and_seeded_c1() {
        let params = params_n4096().unwrap();
        // SAFETY: each buffer is referenced once, here.
        let (first, second) = unsafe { (&mut *addr_of_mut!(FIRST), &mut *addr_of_mut!(SECOND)) };
        let ws = static_compact_workspace!(N, S, N).unwrap();
        let mut c = CompactClient::<N, K, S, N>::new(&params, ws).unwrap();
        let mut lens = [0usize; 2];
        for (run, buf) in [&mut *first, &mut *second].into_iter().enumerate() {
            let mut rng = client_rng(&mut InsecureQemuSeed(31)).unwrap();
            c.keygen(&mut rng).unwrap();
            for (i, z) in c.slots_mut().iter_mut().enumerate() {
                *z = input(i);
            }
            c.encode().unwrap();
            let mut at = 0;
            lens[run] = c.encrypt(Mode::Symmetric, &mut rng, &mut into(buf, &mut at)).unwrap();
        }
        let len = lens[0];
        defmt::assert_eq!(lens[1], len);
        defmt::assert!(first[..len] == second[..len], "two runs from the same seed wrote different files");

        // c1 is the uniform polynomial of a seed: the seed is the first 32
        // bytes the generator gives after key generation.
        let mut rng = client_rng(&mut InsecureQemuSeed(31)).unwrap();
        c.keygen(&mut rng).unwrap();
        let mut seed = [0u8; 32];
        rand_core::RngCore::fill_bytes(&mut rng, &mut seed);
        let mut reader = CiphertextReader::open(&params, &first[..len]).unwrap();
        let (mut a, mut got) = ([0u32; N], [0u32; N]);
        for (i, &q) in params.q_primes().iter().enumerate() {
            expand_limb(&seed, i as u64, q, &mut a);
            reader.read_limb(Component::C1, i, &mut got).unwrap();
            defmt::assert!(a == got, "c1 limb {} is not the seed's", i);
        }

        let meta = c.decrypt(&first[..len]).unwrap();
        let err = max_err(c.slots());
        let f32_part = f32_round_trip_bound(S, norm2());
        let bound = fresh_bound(&params, meta.scale) + f32_part;
        defmt::info!(
            "compact symmetric, N = 4096: max slot error {=f64} (bound {=f64}, f32 part {=f64})",
            err,
            bound,
            f32_part
        );
        defmt::assert!(err <= bound);

        // Corrupted or truncated files are refused with typed errors.
        first[len / 3] ^= 4;
        defmt::assert!(matches!(c.decrypt(&first[..len]), Err(Error::FileFormat { .. })));
        first[len / 3] ^= 4;
        defmt::assert!(c.decrypt(&first[..len - 1]).is_err());
        c.wipe_secrets();
        defmt::assert!(matches!(c.decrypt(&first[..len]), Err(Error::InvalidArgument { .. })));
    }

    #[test]
    fn f32_client_against_f64_client_with_the_same_keys_and_noise() {
        let params = params_n4096().unwrap();
        // SAFETY: each buffer is referenced once, here.
        let (first, second) = unsafe { (&mut *addr_of_mut!(FIRST), &mut *addr_of_mut!(SECOND)) };
        // The f64 streaming client: public key, seed 32.
        let sws = static_stream_workspace!(N, S).unwrap();
        let mut s = StreamClient::<N, K, S>::new(&params, sws).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(32)).unwrap();
        s.keygen(&mut rng).unwrap();
        for (i, z) in s.slots_mut().iter_mut().enumerate() {
            let w = input(i);
            *z = Complex::new(f64::from(w.re), f64::from(w.im));
        }
        s.encode().unwrap();
        let mut at = 0;
        let len64 = s.encrypt(&mut rng, &mut into(first, &mut at)).unwrap();
        s.decrypt(&first[..len64]).unwrap();

        // The compact client: same seed, so the same keys and the same
        // v, e0, e1; only the encoder's precision differs.
        let ws = static_compact_workspace!(N, S, N).unwrap();
        let mut c = CompactClient::<N, K, S, N>::new(&params, ws).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(32)).unwrap();
        c.keygen(&mut rng).unwrap();
        for (i, z) in c.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        c.encode().unwrap();
        let mut at = 0;
        let len = c.encrypt(Mode::PublicKey, &mut rng, &mut into(second, &mut at)).unwrap();
        // (The lengths may differ by a byte: the checksum is a varint.)
        defmt::assert!(len.abs_diff(len64) <= 1);
        let meta = c.decrypt(&second[..len]).unwrap();

        let diff = c
            .slots()
            .iter()
            .zip(s.slots().iter())
            .map(|(a, b)| libm::hypot(f64::from(a.re) - b.re, f64::from(a.im) - b.im))
            .fold(0.0, f64::max);
        let f32_part = f32_round_trip_bound(S, norm2());
        let err = max_err(c.slots());
        let bound = fresh_bound(&params, meta.scale) + f32_part;
        defmt::info!(
            "compact public key, N = 4096: max slot error {=f64} (bound {=f64}); max |f32 - f64 client| {=f64} (f32 bound {=f64})",
            err,
            bound,
            diff,
            f32_part
        );
        defmt::assert!(err <= bound);
        defmt::assert!(diff <= f32_part);
        // The typical-case model of the f32 error (a 6-sigma estimate).
        let rms = norm2() / libm::sqrt(S as f64);
        let estimate = f32_round_trip_estimate(S, rms);
        defmt::info!("f32 typical-case estimate {=f64}", estimate);
        defmt::assert!(diff <= estimate);
        // Not the same plaintext bit for bit: f32 rounding shows.
        defmt::assert!(diff > 0.0);
    }

    #[test]
    fn secret_key_only_workspace_refuses_what_needs_the_second_buffer() {
        let params = params_n4096().unwrap();
        // SAFETY: referenced once, here.
        let first = unsafe { &mut *addr_of_mut!(FIRST) };
        let ws = static_compact_workspace!(N, S, 0).unwrap();
        let mut c = CompactClient::<N, K, S, 0>::new(&params, ws).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(33)).unwrap();
        c.keygen(&mut rng).unwrap();
        for (i, z) in c.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        c.encode().unwrap();
        let mut at = 0;
        defmt::assert!(matches!(
            c.encrypt(Mode::PublicKey, &mut rng, &mut into(first, &mut at)),
            Err(Error::InvalidArgument { .. })
        ));
        let mut at = 0;
        let len = c.encrypt(Mode::Symmetric, &mut rng, &mut into(first, &mut at)).unwrap();
        // Three limbs need three buffers; this workspace has two.
        defmt::assert!(matches!(c.decrypt(&first[..len]), Err(Error::InvalidArgument { .. })));
        // Without keys nothing is encrypted.
        c.wipe_secrets();
        let mut at = 0;
        defmt::assert!(c.encrypt(Mode::Symmetric, &mut rng, &mut into(first, &mut at)).is_err());
    }
}
