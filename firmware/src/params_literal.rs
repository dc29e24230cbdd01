// Shared by `build.rs` (precomputed tables) and `client::three_prime_literal`:
// the one definition of the firmware's parameter literal.
// `ParametersLiteral` must be in scope where this file is included.
/// SEAL-Embedded's setting generalised to `2^log_n`: three 30-bit `Q`
/// primes (two base primes and one level prime just below 2^30), scale
/// 2^30, one rescaling available, ternary secret, sigma 3.2. Parameters
/// also derive one 30-bit special prime `P` for key switching, which the
/// client never uses.
pub fn three_prime_literal(log_n: u32) -> ParametersLiteral {
    ParametersLiteral {
        log_n,
        log_scale: 30,
        max_level: 1,
        primes_per_level: 1,
        log_base_headroom: 30,
        dnum: 3,
        secret: polyhe_core::ckks::SecretDistribution::Ternary,
        sigma: 3.2,
    }
}
