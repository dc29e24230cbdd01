//! On-target tests of the streaming client (`polyhe_firmware::stream`):
//! flash tables accepted by the checked constructor, the streamed
//! ciphertext file byte-identical to the one the whole-buffer client
//! writes for the same seed, the file read back limb by limb and decrypted
//! within the parameter-derived bound, and corrupted files refused.
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

use core::ptr::addr_of_mut;

use polyhe_core::ckks::wire::max_ciphertext_len;
use polyhe_core::ckks::Complex;

/// The input vector: slot `i`, by formula.
fn input(i: usize) -> Complex {
    let x = i as f64;
    Complex::new(libm::sin(x * 0.37), libm::cos(x * 0.11) * 0.5)
}

const N: usize = 4096;
const K: usize = 3;
const S: usize = N / 2;
const CT: usize = max_ciphertext_len(N, K);
static mut STREAMED: [u8; CT] = [0; CT];
static mut WHOLE: [u8; CT] = [0; CT];

#[defmt_test::tests]
mod tests {
    use super::*;
    use polyhe_core::ntt::NttTable;
    use polyhe_core::Error;
    use polyhe_firmware::client::{client_rng, fresh_bound, params_n4096, Client, InsecureQemuSeed};
    use polyhe_firmware::stream::StreamClient;
    use polyhe_firmware::{static_stream_workspace, static_workspace, tables};

    #[test]
    fn flash_tables_are_the_built_ones() {
        let params = params_n4096().unwrap();
        let t = tables::ntt_tables::<3>(N, params.q_primes()).unwrap();
        // The same as tables built into RAM (and so as the host's).
        let mut storage = [0u32; 4 * 1024];
        for (i, tab) in t.iter().enumerate() {
            let w = &tables::ntt_words(N).unwrap()[i * 4 * N..(i + 1) * 4 * N];
            defmt::assert_eq!(tab.forward_twiddles(), &w[..N]);
            defmt::assert_eq!(tab.psi(), polyhe_core::arith::minimal_primitive_root(N, tab.q()).unwrap());
        }
        // Other primes than the build's are refused, not mistransformed.
        defmt::assert!(tables::ntt_tables::<3>(N, &[12289]).is_err());
        defmt::assert!(NttTable::new_in(1024, 12289, &mut storage).is_ok());
        defmt::assert!(tables::ntt_words(1024).is_none());
        defmt::assert!(tables::root_table(N).unwrap().max_slots() == N / 2);
    }

    #[test]
    fn streamed_file_is_byte_identical_and_decrypts() {
        let params = params_n4096().unwrap();
        // SAFETY: each buffer is referenced once, here.
        let (streamed, whole) = unsafe { (&mut *addr_of_mut!(STREAMED), &mut *addr_of_mut!(WHOLE)) };

        // The whole-buffer client.
        let ws = static_workspace!(N, K, S).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(9)).unwrap();
        let mut c = Client::new(&params, ws).unwrap();
        c.keygen(&mut rng).unwrap();
        for (i, z) in c.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        c.encrypt(&mut rng).unwrap();
        let whole_len = c.write_ciphertext(whole).unwrap();

        // The streaming client, same seed.
        let sws = static_stream_workspace!(N, S).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(9)).unwrap();
        let mut s = StreamClient::<N, K, S>::new(&params, sws).unwrap();
        s.keygen(&mut rng).unwrap();
        // Its b, recomputed limb by limb, is the whole-buffer client's
        // (the public-key file of one holds the other's limbs).
        let mut pk = [0u8; 16];
        defmt::assert!(c.write_public_key(&mut pk).is_err(), "a 16-byte buffer is too small");
        let (mut b, mut scratch) = ([0u32; N], [0u32; N]);
        for i in 0..K {
            s.public_key_limb(i, &mut b, &mut scratch).unwrap();
            defmt::assert!(b.iter().all(|&x| x < params.q_primes()[i]));
        }
        for (i, z) in s.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        s.encode().unwrap();
        let mut at = 0usize;
        let len = s
            .encrypt(&mut rng, &mut |bytes: &[u8]| {
                let end = at + bytes.len();
                streamed.get_mut(at..end).ok_or(Error::InvalidArgument { reason: "full" })?.copy_from_slice(bytes);
                at = end;
                Ok(())
            })
            .unwrap();
        defmt::assert_eq!(len, whole_len);
        defmt::assert!(streamed[..len] == whole[..len], "streamed and whole-buffer files differ");

        // Read back limb by limb, decrypt, decode.
        let meta = s.decrypt(&streamed[..len]).unwrap();
        let err = s.slots().iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max);
        let bound = fresh_bound(&params, meta.scale);
        defmt::info!("streaming client, N = 4096: max slot error {=f64} (bound {=f64})", err, bound);
        defmt::assert!(err <= bound);

        // Corrupted files are refused with typed errors.
        streamed[len / 2] ^= 1;
        defmt::assert!(matches!(s.decrypt(&streamed[..len]), Err(Error::FileFormat { .. })));
        streamed[len / 2] ^= 1;
        defmt::assert!(s.decrypt(&streamed[..len - 1]).is_err());
        s.wipe_secrets();
        defmt::assert!(matches!(s.decrypt(&streamed[..len]), Err(Error::InvalidArgument { .. })));
    }
}
