//! The crate's error type: one enum, named fields, messages that quote the
//! offending values and say what to do.

use thiserror::Error;

/// Result alias used throughout polyhe-core.
pub type Result<T, E = Error> = core::result::Result<T, E>;

/// Everything that can go wrong in polyhe-core.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum Error {
    /// A modulus outside `[2, 2^30)`.
    #[error("modulus {q} is out of range: polyhe moduli must satisfy 2 <= q < 2^30")]
    ModulusOutOfRange {
        /// The rejected modulus.
        q: u64,
    },
    /// A modulus that must be prime is not.
    #[error("modulus {q} is not prime: NTT moduli must be primes (use arith::NttPrimes to generate them)")]
    NotPrime {
        /// The rejected modulus.
        q: u32,
    },
    /// A ring degree that is not a power of two in the supported range.
    #[error("ring degree {n} is not supported: use a power of two between 2^{min_log_n} and 2^{max_log_n}")]
    DegreeUnsupported {
        /// The rejected degree.
        n: usize,
        /// log2 of the smallest supported degree.
        min_log_n: u32,
        /// log2 of the largest supported degree.
        max_log_n: u32,
    },
    /// A prime that does not support a negacyclic NTT of the requested size.
    #[error("prime {q} is not 1 mod 2N = {two_n}: no negacyclic NTT of degree {n} exists for it")]
    NotNttFriendly {
        /// The prime.
        q: u32,
        /// The ring degree.
        n: usize,
        /// 2N.
        two_n: u64,
    },
    /// Not enough primes of the requested form exist.
    #[error("only {found} primes of at most {bits} bits are 1 mod {two_n}, {wanted} were requested: use more bits or a smaller ring degree")]
    NotEnoughPrimes {
        /// Bit size requested.
        bits: u32,
        /// 2N.
        two_n: u64,
        /// Number requested.
        wanted: usize,
        /// Number found.
        found: usize,
    },
    /// A prime bit size outside what polyhe supports.
    #[error("prime size of {bits} bits is not supported: use between {min} and 30 bits")]
    PrimeBitsOutOfRange {
        /// Bit size requested.
        bits: u32,
        /// Smallest allowed bit size for this degree.
        min: u32,
    },
    /// An element with no inverse.
    #[error("{value} has no inverse modulo {q}")]
    NotInvertible {
        /// The element.
        value: u32,
        /// The modulus.
        q: u32,
    },
    /// A slice of the wrong length.
    #[error("{what}: expected length {expected}, got {actual}")]
    LengthMismatch {
        /// What the slice is.
        what: &'static str,
        /// Expected length.
        expected: usize,
        /// Actual length.
        actual: usize,
    },
    /// Operands over different RNS bases or ring degrees.
    #[error("{what}: operands are over different RNS bases or ring degrees; bring them to the same level first")]
    BasisMismatch {
        /// The operation.
        what: &'static str,
    },
    /// A residue that is not reduced modulo its prime.
    #[error("residue {value} at index {index} is not below its modulus {q}: the data is corrupted or was not reduced")]
    ResidueOutOfRange {
        /// Offending value.
        value: u32,
        /// Its position.
        index: usize,
        /// Its modulus.
        q: u32,
    },
    /// An invalid argument not covered above.
    #[error("invalid argument: {reason}")]
    InvalidArgument {
        /// What is wrong.
        reason: &'static str,
    },
    /// A CKKS parameter literal that cannot be built.
    #[error("invalid CKKS parameters: {field} = {value}: {reason}")]
    InvalidParameters {
        /// The offending field of the literal.
        field: &'static str,
        /// Its value.
        value: u64,
        /// Why it is rejected and what to use instead.
        reason: &'static str,
    },
    /// Parameters below 128-bit security.
    #[error("parameters are not 128-bit secure: log2(QP) = {log_qp} exceeds {max} for N = 2^{log_n} (ternary secret, HE standard); use fewer or smaller primes, a larger N, or Parameters::new_insecure for tests")]
    Insecure {
        /// log2 of the ring degree.
        log_n: u32,
        /// log2(QP), rounded up.
        log_qp: u32,
        /// The table's bound for this N.
        max: u32,
    },
    /// Operands at different levels.
    #[error("{what}: operands are at levels {left} and {right}; bring the higher one down with drop_level first")]
    LevelMismatch {
        /// The operation.
        what: &'static str,
        /// Level of the first operand.
        left: u32,
        /// Level of the second operand.
        right: u32,
    },
    /// Operands at different scales.
    #[error("{what}: operands have scales 2^{left_log2:.3} and 2^{right_log2:.3}; match them (multiply by a constant or rescale) before combining")]
    ScaleMismatch {
        /// The operation.
        what: &'static str,
        /// log2 of the first scale.
        left_log2: f64,
        /// log2 of the second scale.
        right_log2: f64,
    },
    /// No level left for the operation.
    #[error("{what}: the ciphertext is at level {level} and no level is left; use parameters with a larger max_level or fewer multiplications")]
    LevelExhausted {
        /// The operation.
        what: &'static str,
        /// The ciphertext's level.
        level: u32,
    },
    /// A key-switching key that was not generated.
    #[error("missing {kind} key for Galois element {galois}: generate it (KeyGenerator::gen_galois with this rotation) and pass it to the evaluator")]
    MissingKey {
        /// "relinearisation" or "Galois".
        kind: &'static str,
        /// The Galois element (0 for relinearisation).
        galois: u64,
    },
    /// An object made for another parameter set.
    #[error("{what} was made for other CKKS parameters (fingerprint {found:#018x}, expected {expected:#018x}): use keys, ciphertexts and contexts of one parameter set")]
    ParameterMismatch {
        /// What was checked.
        what: &'static str,
        /// The context's fingerprint.
        expected: u64,
        /// The object's fingerprint.
        found: u64,
    },
    /// Bytes that are not a polyhe file of the expected kind and version.
    #[error("not a readable polyhe {expected} file: {reason}")]
    FileFormat {
        /// The kind of file expected ("ciphertext", "public key", ...).
        expected: &'static str,
        /// What is wrong and what to do.
        reason: &'static str,
    },
    /// A polyhe file of another kind.
    #[error("this is a polyhe {found} file, but a {expected} file was expected: check the file name and the command")]
    WrongFileKind {
        /// The kind expected.
        expected: &'static str,
        /// The kind found.
        found: &'static str,
    },
    /// A file written by an incompatible format version.
    #[error("polyhe {what} file has format version {found}; this build reads version {supported}: re-create the file with this version of polyhe")]
    UnsupportedVersion {
        /// The kind of file.
        what: &'static str,
        /// The file's version.
        found: u16,
        /// The version this build reads.
        supported: u16,
    },
    /// An NTT engine failed.
    #[error("NTT engine `{engine}` failed: {reason}")]
    Engine {
        /// The engine's name.
        engine: &'static str,
        /// What went wrong.
        reason: &'static str,
    },
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use std::string::ToString;

    #[test]
    fn messages_quote_values() {
        assert_eq!(
            Error::NotNttFriendly { q: 17, n: 1024, two_n: 2048 }.to_string(),
            "prime 17 is not 1 mod 2N = 2048: no negacyclic NTT of degree 1024 exists for it"
        );
        assert_eq!(
            Error::ModulusOutOfRange { q: 1 << 30 }.to_string(),
            "modulus 1073741824 is out of range: polyhe moduli must satisfy 2 <= q < 2^30"
        );
        assert_eq!(
            Error::LengthMismatch { what: "forward NTT input", expected: 1024, actual: 3 }.to_string(),
            "forward NTT input: expected length 1024, got 3"
        );
    }
}
