//! Randomness: a ChaCha20 CSPRNG seeded by the operating system (host), or
//! any caller-supplied `RngCore + CryptoRng` (firmware: a hardware RNG).
//! Deterministic seeding exists only through [`insecure_test_rng`], named
//! so that it stands out in review.

use rand_chacha::rand_core::SeedableRng;
pub use rand_chacha::ChaCha20Rng;

/// A ChaCha20 generator seeded from the operating system's entropy.
#[cfg(feature = "std")]
pub fn os_rng() -> crate::Result<ChaCha20Rng> {
    ChaCha20Rng::try_from_os_rng()
        .map_err(|_| crate::Error::InvalidArgument { reason: "the operating system's random number generator failed" })
}

/// A DETERMINISTIC generator from a 64-bit seed, for tests and
/// reproducible benchmarks only: keys or ciphertexts made with it are not
/// secret.
pub fn insecure_test_rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use rand_chacha::rand_core::RngCore;

    #[test]
    fn os_rng_differs_between_calls_and_test_rng_repeats() {
        let (mut a, mut b) = (os_rng().unwrap(), os_rng().unwrap());
        assert_ne!(a.next_u64(), b.next_u64());
        assert_eq!(insecure_test_rng(3).next_u64(), insecure_test_rng(3).next_u64());
    }
}
