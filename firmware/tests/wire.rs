//! On-target tests of ciphertext serialisation without a heap
//! (`polyhe_core::ckks::wire`, postcard into caller buffers, the host's
//! file format): a round trip of a ciphertext through its bytes, and
//! corrupted files (flipped byte, truncated, wrong kind, other
//! parameters) refused with typed errors.
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

use core::ptr::addr_of_mut;

use polyhe_core::ckks::wire::max_ciphertext_len;
use polyhe_core::ckks::{Complex, Parameters};
use polyhe_firmware::client::{client_rng, fresh_bound, params_n4096, Client, InsecureQemuSeed, Workspace};
use polyhe_firmware::static_workspace;

const N: usize = 4096;
const K: usize = 3;
const S: usize = 64;
/// Bytes of a serialised ciphertext at N = 4096 with three 30-bit primes.
const CT_BYTES: usize = max_ciphertext_len(N, K);

static mut BYTES: [u8; CT_BYTES] = [0; CT_BYTES];
static mut BYTES2: [u8; CT_BYTES] = [0; CT_BYTES];

fn input(i: usize) -> Complex {
    Complex::new(0.25 * i as f64 - 3.0, 1.0 / (1.0 + i as f64))
}

/// The test state: one client with keys and a ciphertext, and two byte
/// buffers.
struct State {
    params: &'static Parameters,
    client: Client<'static, N, K, S>,
    bytes: &'static mut [u8; CT_BYTES],
    bytes2: &'static mut [u8; CT_BYTES],
    len: usize,
}

fn max_err(out: &[Complex]) -> f64 {
    out.iter().enumerate().map(|(i, z)| (*z - input(i)).abs()).fold(0.0, f64::max)
}

#[defmt_test::tests]
mod tests {
    use super::*;
    use polyhe_core::ckks::wire;
    use polyhe_core::Error;
    use polyhe_firmware::client::params_n8192;

    #[init]
    fn init() -> State {
        static mut PARAMS: Option<Parameters> = None;
        // SAFETY: `init` runs once, before every test; nothing else
        // touches these statics.
        let (params, bytes, bytes2) = unsafe {
            let p: &'static Parameters = (*addr_of_mut!(PARAMS)).insert(params_n4096().unwrap());
            (p, &mut *addr_of_mut!(BYTES), &mut *addr_of_mut!(BYTES2))
        };
        let ws: &'static mut Workspace<N, K, S> = static_workspace!(N, K, S).unwrap();
        let mut rng = client_rng(&mut InsecureQemuSeed(7)).unwrap();
        let mut client = Client::new(params, ws).unwrap();
        client.keygen(&mut rng).unwrap();
        for (i, z) in client.slots_mut().iter_mut().enumerate() {
            *z = input(i);
        }
        client.encrypt(&mut rng).unwrap();
        let len = client.write_ciphertext(&mut bytes[..]).unwrap();
        defmt::info!("ciphertext: {=usize} bytes (bound {=usize})", len, CT_BYTES);
        State { params, client, bytes, bytes2, len }
    }

    #[test]
    fn postcard_round_trip(s: &mut State) {
        // 30-bit residues: 3.75 bytes each, plus under 64 bytes of envelope.
        let raw = 2 * K * N * 30 / 8;
        defmt::assert!(s.len > raw && s.len < raw + 64, "{=usize} bytes", s.len);
        defmt::assert!(s.bytes[..6] == *b"POLYHE");
        // Wipe the ciphertext buffers, read the bytes back, write them again:
        // the same bytes, and the ciphertext still decrypts.
        let (c0, c1) = s.client.ciphertext_buffers();
        c0.fill(0);
        c1.fill(0);
        let meta = s.client.read_ciphertext(&s.bytes[..s.len]).unwrap();
        defmt::assert_eq!(meta.level, s.params.max_level());
        defmt::assert_eq!(meta.slots, S);
        let len2 = s.client.write_ciphertext(&mut s.bytes2[..]).unwrap();
        defmt::assert!(s.bytes[..s.len] == s.bytes2[..len2], "re-serialised bytes differ");
        let out = s.client.decrypt().unwrap();
        let (err, bound) = (max_err(out), fresh_bound(s.params, meta.scale));
        defmt::info!("after the round trip: max slot error {=f64} (bound {=f64})", err, bound);
        defmt::assert!(err <= bound);
    }

    #[test]
    fn corrupted_ciphertexts_are_refused(s: &mut State) {
        let len = s.len;
        let good = &s.bytes[..len];
        let client = &mut s.client;
        let check =
            |client: &mut Client<'static, N, K, S>, what: &str, bytes: &[u8], ok: fn(&Error) -> bool| match client
                .read_ciphertext(bytes)
            {
                Ok(_) => defmt::panic!("{}: a corrupted ciphertext was accepted", what),
                Err(e) if ok(&e) => defmt::info!("{}: {}", what, defmt::Debug2Format(&e)),
                Err(e) => defmt::panic!("{}: unexpected error {}", what, defmt::Debug2Format(&e)),
            };
        let file_format = |e: &Error| matches!(e, Error::FileFormat { expected: "ciphertext", .. });

        // A flipped byte: in the magic, the header, the residues, the checksum.
        for pos in [2, 9, 40, len / 2, len - 20, len - 1] {
            s.bytes2[..len].copy_from_slice(good);
            s.bytes2[pos] ^= 0x04;
            check(client, "flipped byte", &s.bytes2[..len], |e| {
                matches!(
                    e,
                    Error::FileFormat { .. } | Error::ParameterMismatch { .. } | Error::UnsupportedVersion { .. }
                )
            });
        }
        // Truncated anywhere, and empty.
        for cut in [0, 5, 12, 30, len / 3, len - 1] {
            check(client, "truncated", &good[..cut], file_format);
        }
        // A trailing byte.
        s.bytes2[..len].copy_from_slice(good);
        s.bytes2[len] = 0;
        check(client, "trailing byte", &s.bytes2[..len + 1], file_format);
        // Another kind: the device's own public key file, and an unknown kind.
        let pk_len = client.write_public_key(&mut s.bytes2[..]).unwrap();
        check(client, "public key file", &s.bytes2[..pk_len], |e| {
            matches!(e, Error::WrongFileKind { expected: "ciphertext", found: "public key" })
        });
        s.bytes2[..len].copy_from_slice(good);
        s.bytes2[6] = 0x42;
        check(client, "unknown kind", &s.bytes2[..len], file_format);
        // Another version (the varint after the kind byte).
        s.bytes2[..len].copy_from_slice(good);
        s.bytes2[7] = 2;
        check(client, "version 2", &s.bytes2[..len], |e| matches!(e, Error::UnsupportedVersion { found: 2, .. }));
        // The untouched file still reads.
        defmt::assert!(client.read_ciphertext(good).is_ok());

        // A ciphertext for other parameters: the fingerprint differs.
        let other = params_n8192().unwrap();
        let (c0, c1) = client.ciphertext_buffers();
        let e = wire::read_ciphertext(&other, good, c0, c1).unwrap_err();
        defmt::assert!(matches!(e, Error::ParameterMismatch { .. }), "{}", defmt::Debug2Format(&e));
        // Too small an output buffer, on reading and on writing.
        let e = wire::read_ciphertext(s.params, good, &mut c0[..N], &mut c1[..N]).unwrap_err();
        defmt::assert!(matches!(e, Error::LengthMismatch { .. }));
        defmt::assert!(matches!(client.write_ciphertext(&mut s.bytes2[..100]), Err(Error::LengthMismatch { .. })));
    }

    #[test]
    fn unreduced_residues_are_not_written(s: &mut State) {
        let q0 = s.params.q_primes()[0];
        let meta = s.client.read_ciphertext(&s.bytes[..s.len]).unwrap();
        let (c0, c1) = s.client.ciphertext_buffers();
        c0[17] = q0;
        let e = wire::write_ciphertext(s.params, &meta, c0, c1, &mut s.bytes2[..]).unwrap_err();
        defmt::assert!(e == Error::ResidueOutOfRange { value: q0, index: 17, q: q0 });
    }
}
