//! On-target tests of the CKKS client without a heap: key generation from
//! the seeded CSPRNG, encode + public-key encryption, decryption + decoding,
//! round trip within the parameter-derived bound, at N = 2^12 (three 30-bit
//! primes, SEAL-Embedded's setting) and N = 2^13.
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

use polyhe_core::ckks::{Complex, Parameters};
use polyhe_firmware::client::{client_rng, fresh_bound, Client, InsecureQemuSeed, Workspace};

/// The input vector: slot `i` of `s`, by formula (nothing to store).
fn input(i: usize) -> Complex {
    let x = i as f64;
    Complex::new(libm::sin(x * 0.37), libm::cos(x * 0.11) * 0.5)
}

/// Full round trip on `ws`; returns the worst slot error and the bound.
fn round_trip<const N: usize, const K: usize, const S: usize>(
    params: &Parameters,
    ws: &mut Workspace<N, K, S>,
    label: u64,
) -> (f64, f64) {
    let mut rng = client_rng(&mut InsecureQemuSeed(label)).unwrap();
    let mut c = Client::new(params, ws).unwrap();
    c.keygen(&mut rng).unwrap();
    for (i, z) in c.slots_mut().iter_mut().enumerate() {
        *z = input(i);
    }
    let meta = c.encrypt(&mut rng).unwrap();
    defmt::assert_eq!(meta.level, params.max_level());
    let (c0, c1, _) = c.ciphertext();
    defmt::assert_eq!(c0.len(), K * N);
    // The ciphertext does not leak the plaintext's residues.
    defmt::assert!(c0.iter().zip(c1).any(|(a, b)| a != b));
    let out = c.decrypt().unwrap();
    let err = out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
    (err, fresh_bound(params, meta.scale))
}

#[defmt_test::tests]
mod tests {
    use super::{input, round_trip};
    use polyhe_core::ckks::Security;
    use polyhe_core::Error;
    use polyhe_firmware::client::{client_rng, params_n4096, params_n8192, Client, InsecureQemuSeed, Workspace};
    use polyhe_firmware::static_workspace;

    #[test]
    fn round_trip_n4096_three_30_bit_primes() {
        let params = params_n4096().unwrap();
        defmt::assert_eq!(params.n(), 4096);
        defmt::assert_eq!(params.q_primes().len(), 3);
        defmt::assert!(params.q_primes().iter().all(|&q| q >> 29 == 1), "all Q primes have 30 bits");
        defmt::assert!(params.security() == Security::Insecure);
        let ws = static_workspace!(4096, 3, 2048).unwrap();
        let (err, bound) = round_trip(&params, ws, 1);
        defmt::info!("N = 4096: max slot error {=f64} (bound {=f64})", err, bound);
        defmt::assert!(err <= bound);
    }

    #[test]
    fn round_trip_n8192_is_128_bit() {
        let params = params_n8192().unwrap();
        defmt::assert!(params.security() == Security::Bits128);
        let ws = static_workspace!(8192, 3, 4096).unwrap();
        let (err, bound) = round_trip(&params, ws, 2);
        defmt::info!("N = 8192: max slot error {=f64} (bound {=f64})", err, bound);
        defmt::assert!(err <= bound);
    }

    #[test]
    fn fewer_slots_and_wrong_key() {
        // 64 slots at N = 4096: a smaller slot buffer, same bound.
        let params = params_n4096().unwrap();
        let ws = static_workspace!(4096, 3, 64).unwrap();
        let (err, bound) = round_trip(&params, ws, 3);
        defmt::assert!(err <= bound);

        // A second client with another key cannot decrypt the first's
        // ciphertext: decoding gives values far from the input (or fails).
        let ws1 = static_workspace!(4096, 3, 64).unwrap();
        let ws2 = static_workspace!(4096, 3, 64).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(4)).unwrap();
        let mut a = Client::new(&params, ws1).unwrap();
        let mut b = Client::new(&params, ws2).unwrap();
        a.keygen(&mut rng).unwrap();
        b.keygen(&mut rng).unwrap();
        for (i, z) in a.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        a.encrypt(&mut rng).unwrap();
        let (c0, c1, meta) = a.ciphertext();
        let (d0, d1) = b.ciphertext_buffers();
        d0.copy_from_slice(c0);
        d1.copy_from_slice(c1);
        b.set_ciphertext_meta(meta).unwrap();
        if let Ok(out) = b.decrypt() {
            let err = out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
            defmt::assert!(err > 1.0, "a wrong key decrypted: error {=f64}", err);
        }
        // And the right key still does.
        let out = a.decrypt().unwrap();
        let err = out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
        defmt::assert!(err <= bound);
        a.wipe_secrets();
        defmt::assert!(matches!(a.decrypt(), Err(Error::InvalidArgument { .. })));
    }

    #[test]
    fn workspace_must_match_parameters() {
        let params = params_n8192().unwrap();
        let ws = static_workspace!(4096, 3, 64).unwrap();
        defmt::assert!(matches!(Client::new(&params, ws), Err(Error::LengthMismatch { .. })));
        defmt::assert!(static_workspace!(1024, 1, 1).is_some());
        defmt::info!("workspace at N = 4096, 3 primes, 2048 slots: {=usize} bytes", Workspace::<4096, 3, 2048>::BYTES);
    }
}
