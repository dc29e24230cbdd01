//! CKKS parameter sets: an unchecked [`ParametersLiteral`] is validated
//! into immutable [`Parameters`] (primes generated, 128-bit security
//! checked, fingerprint computed).
//!
//! The modulus chain is `q_0 .. q_{b-1}` (base primes, which hold the
//! integer part of the result at level 0), then `primes_per_level` primes
//! per level up to `max_level`; the special primes `p_0 .. p_{alpha-1}`
//! serve hybrid key switching with `dnum` digits of `alpha` limbs each.
//! Every prime is an NTT prime below 2^30.

use heapless::Vec as HVec;

use crate::arith::{is_prime, NttPrimes, MAX_MODULUS_BITS};
use crate::ring::crt::MAX_LIMBS;
use crate::{Error, Result};

/// Distribution of the secret key's coefficients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SecretDistribution {
    /// Independent uniform values in `{-1, 0, 1}` (the HE standard's
    /// ternary secret; the 128-bit table assumes it).
    Ternary,
    /// Exactly `h` non-zero values in `{-1, 1}` (sparser secrets keep
    /// bootstrapping cheap; the standard table is not valid for small `h`,
    /// so `h < N/2` needs [`Parameters::new_insecure`]).
    FixedWeight(u32),
}

/// Whether a parameter set passed the 128-bit check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Security {
    /// At least 128-bit classical security per the HE standard's table.
    Bits128,
    /// Built with [`Parameters::new_insecure`]: for tests only.
    Insecure,
}

/// An unchecked description of a CKKS parameter set (Lattigo's
/// `ParametersLiteral`); [`Parameters::new`] validates it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParametersLiteral {
    /// log2 of the ring degree `N`, 10 to 17. Slots: `N/2`.
    pub log_n: u32,
    /// log2 of the default scale: 16 to 30 with one prime per level, 31 to
    /// 60 with two (composite scaling).
    pub log_scale: u32,
    /// Number of rescalings (multiplicative depth) available, 0 to 62.
    pub max_level: u32,
    /// Primes per level: 1 or 2.
    pub primes_per_level: u32,
    /// Bits of the base modulus beyond the scale: the decrypted value at
    /// level 0 must stay below `2^(log_base_headroom - 1)` in magnitude.
    /// 1 to 60.
    pub log_base_headroom: u32,
    /// Number of key-switching digits, 1 to the number of `Q` primes; the
    /// special modulus gets `ceil(Q primes / dnum)` primes.
    pub dnum: u32,
    /// Secret distribution.
    pub secret: SecretDistribution,
    /// Standard deviation of the error (centred binomial with
    /// `eta = round(2 sigma^2)`), 1.0 to 4.0; 3.2 is standard.
    pub sigma: f64,
}

/// Largest log2(QP) for 128-bit classical security with a ternary secret
/// (HomomorphicEncryption.org standard, 2018), for `log_n` 10 to 17. For
/// 2^17, outside the table, the 2^16 bound is used (security grows with N).
pub const fn max_log_qp_128(log_n: u32) -> Option<u32> {
    match log_n {
        10 => Some(27),
        11 => Some(54),
        12 => Some(109),
        13 => Some(218),
        14 => Some(438),
        15 => Some(881),
        16 | 17 => Some(1747),
        _ => None,
    }
}

/// A validated CKKS parameter set. Immutable; cheap to clone.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameters {
    literal: ParametersLiteral,
    q: HVec<u32, MAX_LIMBS>,
    p: HVec<u32, MAX_LIMBS>,
    base_primes: u32,
    security: Security,
    log_qp: f64,
    fingerprint: u64,
}

fn invalid(field: &'static str, value: u64, reason: &'static str) -> Error {
    Error::InvalidParameters { field, value, reason }
}

impl ParametersLiteral {
    /// Number of base primes for this literal.
    fn base_prime_count(&self) -> u32 {
        (self.log_scale + self.log_base_headroom).div_ceil(MAX_MODULUS_BITS)
    }

    fn check(&self) -> Result<()> {
        if !(10..=17).contains(&self.log_n) {
            return Err(invalid("log_n", self.log_n as u64, "use 10 to 17"));
        }
        match self.primes_per_level {
            1 if (16..=30).contains(&self.log_scale) => {}
            2 if (31..=60).contains(&self.log_scale) => {}
            1 | 2 => {
                return Err(invalid(
                    "log_scale",
                    self.log_scale as u64,
                    "use 16 to 30 with one prime per level, 31 to 60 with two",
                ))
            }
            v => return Err(invalid("primes_per_level", v as u64, "use 1 or 2")),
        }
        if !(1..=60).contains(&self.log_base_headroom) {
            return Err(invalid("log_base_headroom", self.log_base_headroom as u64, "use 1 to 60"));
        }
        let q_count = self.base_prime_count() + self.max_level * self.primes_per_level;
        if self.max_level > 62 || q_count as usize > MAX_LIMBS {
            return Err(invalid("max_level", self.max_level as u64, "the chain may hold at most 64 primes"));
        }
        if self.dnum == 0 || self.dnum > q_count {
            return Err(invalid("dnum", self.dnum as u64, "use 1 to the number of Q primes"));
        }
        if !(1.0..=4.0).contains(&self.sigma) {
            return Err(invalid(
                "sigma",
                self.sigma as u64,
                "use a standard deviation between 1.0 and 4.0 (3.2 is standard)",
            ));
        }
        if let SecretDistribution::FixedWeight(h) = self.secret {
            if h == 0 || h as u64 > 1 << self.log_n {
                return Err(invalid("secret hamming weight", h as u64, "use 1 to N"));
            }
        }
        Ok(())
    }
}

impl Parameters {
    /// Validates `literal`, generates its primes and checks 128-bit
    /// security (errors with [`Error::Insecure`] otherwise).
    pub fn new(literal: ParametersLiteral) -> Result<Self> {
        let p = Self::build(literal, Security::Bits128)?;
        let max = max_log_qp_128(literal.log_n).unwrap_or(0);
        let log_qp = libm::ceil(p.log_qp) as u32;
        if log_qp > max {
            return Err(Error::Insecure { log_n: literal.log_n, log_qp, max });
        }
        if let SecretDistribution::FixedWeight(h) = literal.secret {
            if (h as u64) < (1u64 << literal.log_n) / 2 {
                return Err(invalid(
                    "secret hamming weight",
                    h as u64,
                    "the 128-bit table assumes a uniform ternary secret; sparse secrets need Parameters::new_insecure",
                ));
            }
        }
        Ok(p)
    }

    /// Builds `literal` WITHOUT the security check: for tests and toy
    /// examples only. The result reports [`Security::Insecure`].
    pub fn new_insecure(literal: ParametersLiteral) -> Result<Self> {
        Self::build(literal, Security::Insecure)
    }

    fn build(literal: ParametersLiteral, security: Security) -> Result<Self> {
        literal.check()?;
        let n = 1usize << literal.log_n;
        let base = literal.base_prime_count();
        let q_count = base + literal.max_level * literal.primes_per_level;
        let alpha = q_count.div_ceil(literal.dnum);
        let mut used: HVec<u32, 192> = HVec::new();
        let take_largest = |count: u32, out: &mut HVec<u32, MAX_LIMBS>, used: &mut HVec<u32, 192>| -> Result<()> {
            let mut it = NttPrimes::new(MAX_MODULUS_BITS, n)?.filter(|q| !used.contains(q));
            for _ in 0..count {
                let q = it.next().ok_or(invalid("log_n", literal.log_n as u64, "not enough 30-bit NTT primes"))?;
                out.push(q).map_err(|_| invalid("max_level", literal.max_level as u64, "too many primes"))?;
            }
            for &q in out.iter() {
                if !used.contains(&q) {
                    used.push(q).map_err(|_| invalid("max_level", literal.max_level as u64, "too many primes"))?;
                }
            }
            Ok(())
        };
        let mut p = HVec::new();
        take_largest(alpha, &mut p, &mut used)?;
        let mut q = HVec::new();
        take_largest(base, &mut q, &mut used)?;
        // Level primes: nearest to 2^t, alternating above and below so the
        // scale drifts as little as possible across rescalings.
        let t = literal.log_scale / literal.primes_per_level
            + (literal.primes_per_level == 2 && literal.log_scale % 2 == 1) as u32;
        let level_count = literal.max_level * literal.primes_per_level;
        let level = near_power_of_two(n, t, level_count, &used)?;
        for q_i in level {
            q.push(q_i).map_err(|_| invalid("max_level", literal.max_level as u64, "too many primes"))?;
        }
        let log_qp = q.iter().chain(p.iter()).map(|&x| libm::log2(x as f64)).sum();
        let mut params = Self { literal, q, p, base_primes: base, security, log_qp, fingerprint: 0 };
        params.fingerprint = params.compute_fingerprint();
        Ok(params)
    }

    fn compute_fingerprint(&self) -> u64 {
        // FNV-1a over a canonical encoding: detects mismatched parameters
        // (a file or key made for another set); not an integrity check.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |x: u64| {
            for b in x.to_le_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for b in b"polyhe-ckks-parameters-v1" {
            eat(*b as u64);
        }
        let l = &self.literal;
        for x in [l.log_n, l.log_scale, l.max_level, l.primes_per_level, l.log_base_headroom, l.dnum] {
            eat(x as u64);
        }
        match l.secret {
            SecretDistribution::Ternary => eat(0),
            SecretDistribution::FixedWeight(w) => eat(1 << 32 | w as u64),
        }
        eat(self.error_eta() as u64);
        eat(self.q.len() as u64);
        self.q.iter().for_each(|&x| eat(x as u64));
        eat(self.p.len() as u64);
        self.p.iter().for_each(|&x| eat(x as u64));
        eat((self.security == Security::Insecure) as u64);
        h
    }

    /// The literal this set was built from.
    pub fn literal(&self) -> &ParametersLiteral {
        &self.literal
    }
    /// log2 of the ring degree.
    pub fn log_n(&self) -> u32 {
        self.literal.log_n
    }
    /// Ring degree `N`.
    pub fn n(&self) -> usize {
        1 << self.literal.log_n
    }
    /// Number of complex slots, `N / 2`.
    pub fn slots(&self) -> usize {
        self.n() / 2
    }
    /// The highest level (fresh ciphertexts); level 0 admits no rescale.
    pub fn max_level(&self) -> u32 {
        self.literal.max_level
    }
    /// Primes per level (1 or 2).
    pub fn primes_per_level(&self) -> u32 {
        self.literal.primes_per_level
    }
    /// Number of `Q` primes a ciphertext at `level` carries.
    pub fn limbs_at(&self, level: u32) -> usize {
        (self.base_primes + level * self.literal.primes_per_level) as usize
    }
    /// The `Q` chain: base primes, then level primes in rescaling order
    /// (the last prime is dropped first).
    pub fn q_primes(&self) -> &[u32] {
        &self.q
    }
    /// The special primes `P` of hybrid key switching.
    pub fn p_primes(&self) -> &[u32] {
        &self.p
    }
    /// Number of key-switching digits.
    pub fn dnum(&self) -> u32 {
        self.literal.dnum
    }
    /// `Q` limbs per key-switching digit (`= P` primes).
    pub fn alpha(&self) -> usize {
        self.p.len()
    }
    /// The default scale `2^log_scale`.
    pub fn default_scale(&self) -> f64 {
        libm::exp2(self.literal.log_scale as f64)
    }
    /// log2(QP) of the whole chain.
    pub fn log_qp(&self) -> f64 {
        self.log_qp
    }
    /// log2(Q) at `level`.
    pub fn log_q_at(&self, level: u32) -> f64 {
        self.q[..self.limbs_at(level)].iter().map(|&x| libm::log2(x as f64)).sum()
    }
    /// Secret distribution.
    pub fn secret(&self) -> SecretDistribution {
        self.literal.secret
    }
    /// `eta` of the centred binomial error: `round(2 sigma^2)`.
    pub fn error_eta(&self) -> u32 {
        libm::round(2.0 * self.literal.sigma * self.literal.sigma) as u32
    }
    /// Whether the set passed the 128-bit check.
    pub fn security(&self) -> Security {
        self.security
    }
    /// Claimed classical security in bits (0 for insecure sets).
    pub fn security_bits(&self) -> u32 {
        match self.security {
            Security::Bits128 => 128,
            Security::Insecure => 0,
        }
    }
    /// 64-bit fingerprint of everything above; keys, ciphertexts and files
    /// carry it so that mixing parameter sets is detected.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// 128-bit preset for N = 2^13: depth 4, scale 2^29, dnum 6
    /// (log2 QP about 206 of 218). Measured precision (largest slot error,
    /// `examples/preset_precision.rs`): 12.0 bits fresh, 11.7 after one
    /// multiply + rescale, 11.0 at the last level.
    pub fn preset_n13() -> Self {
        Self::new(preset_literal(13, 4, 6)).expect("preset is valid")
    }
    /// 128-bit preset for N = 2^14: depth 10, scale 2^29, dnum 6
    /// (log2 QP about 410 of 438). Measured precision: 11.0 bits fresh,
    /// 10.6 after one multiply + rescale, 9.4 at the last level.
    pub fn preset_n14() -> Self {
        Self::new(preset_literal(14, 10, 6)).expect("preset is valid")
    }
    /// 128-bit preset for N = 2^15: depth 25, scale 2^29, dnum 9
    /// (log2 QP about 875 of 881). Measured precision: 10.0 bits fresh,
    /// 9.6 after one multiply + rescale, 7.6 at the last level.
    pub fn preset_n15() -> Self {
        Self::new(preset_literal(15, 25, 9)).expect("preset is valid")
    }
    /// 128-bit preset for N = 2^16: depth 52, scale 2^29, dnum 11
    /// (log2 QP about 1718 of 1747). Measured precision: 9.0 bits fresh,
    /// 8.4 after one multiply + rescale, 5.9 at the last level. For more
    /// precision trade depth for composite scaling (two primes per level,
    /// scale about 2^56: about 30 bits, see the tests).
    pub fn preset_n16() -> Self {
        Self::new(preset_literal(16, 52, 11)).expect("preset is valid")
    }
    /// The 128-bit sets the benchmarks compare with OpenFHE's published
    /// figures (`shared/ANCHORS.md`): the same N and about the same log2 Q
    /// with 30-bit primes — 6 / 9 / 21 / 43 limbs (log2 Q about 176 / 263 /
    /// 611 / 1249) for log_n 13 / 14 / 15 / 16, scale 2^29, dnum 6 / 2 / 3 /
    /// 3. One definition so that criterion, the profiling example and
    /// `polyhe bench ckks` measure the same sets. Errors for other `log_n`.
    pub fn peer_comparison(log_n: u32) -> Result<Self> {
        let (limbs, dnum) = match log_n {
            13 => (6, 6),
            14 => (9, 2),
            15 => (21, 3),
            16 => (43, 3),
            _ => return Err(invalid("log_n", log_n as u64, "peer-comparison sets exist for 13, 14, 15 and 16")),
        };
        Self::new(ParametersLiteral { max_level: limbs - 2, ..preset_literal(log_n, 0, dnum) })
    }
}

/// One prime per level at scale 2^29 (level primes alternate above and
/// below 2^29, so the scale barely drifts), two 30-bit base primes (31 bits
/// of headroom for the result's integer part).
fn preset_literal(log_n: u32, max_level: u32, dnum: u32) -> ParametersLiteral {
    ParametersLiteral {
        log_n,
        log_scale: 29,
        max_level,
        primes_per_level: 1,
        log_base_headroom: 31,
        dnum,
        secret: SecretDistribution::Ternary,
        sigma: 3.2,
    }
}

/// `count` distinct NTT primes for degree `n` nearest to `2^t`, alternating
/// above and below (all below 2^30), none in `used`.
fn near_power_of_two(n: usize, t: u32, count: u32, used: &[u32]) -> Result<HVec<u32, MAX_LIMBS>> {
    let two_n = 2 * n as u64;
    let target = 1u64 << t;
    let limit = 1u64 << MAX_MODULUS_BITS;
    let ok = |c: u64| c < limit && c > 1 && is_prime(c as u32) && !used.contains(&(c as u32));
    let mut up = target / two_n * two_n + 1;
    if up <= target {
        up += two_n;
    }
    let mut down = (target - 1) / two_n * two_n + 1;
    let mut out = HVec::new();
    let mut from_above = true;
    while (out.len() as u32) < count {
        let mut next_up = || {
            while up < limit {
                let c = up;
                up += two_n;
                if ok(c) {
                    return Some(c as u32);
                }
            }
            None
        };
        let mut next_down = || {
            while down > two_n {
                let c = down;
                down -= two_n;
                if ok(c) {
                    return Some(c as u32);
                }
            }
            None
        };
        let q = if from_above { next_up().or_else(&mut next_down) } else { next_down().or_else(&mut next_up) };
        let q = q.ok_or(invalid("log_scale", t as u64, "not enough NTT primes near the scale"))?;
        out.push(q).map_err(|_| invalid("max_level", count as u64, "too many primes"))?;
        from_above = !from_above;
    }
    Ok(out)
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;

    fn lit() -> ParametersLiteral {
        preset_literal(13, 3, 5)
    }

    #[test]
    fn presets_are_secure_and_well_formed() {
        for (p, depth) in [
            (Parameters::preset_n13(), 4),
            (Parameters::preset_n14(), 10),
            (Parameters::preset_n15(), 25),
            (Parameters::preset_n16(), 52),
        ] {
            assert_eq!(p.security_bits(), 128);
            assert_eq!(p.max_level(), depth);
            assert!(p.log_qp() <= max_log_qp_128(p.log_n()).unwrap() as f64);
            let all: std::vec::Vec<u32> = p.q_primes().iter().chain(p.p_primes()).copied().collect();
            for (i, &x) in all.iter().enumerate() {
                assert!(is_prime(x) && x < 1 << 30 && (x as u64 - 1).is_multiple_of(2 * p.n() as u64));
                assert!(!all[..i].contains(&x), "prime {x} repeated");
            }
            assert_eq!(p.limbs_at(p.max_level()), p.q_primes().len());
            assert_eq!(p.alpha(), p.q_primes().len().div_ceil(p.dnum() as usize));
            // Level primes sit near the scale, alternating around it, so
            // the scale drifts little across a chain of rescalings.
            let logs: std::vec::Vec<f64> = p.q_primes()[2..].iter().map(|&x| libm::log2(x as f64)).collect();
            for &l in &logs {
                assert!((l - 29.0).abs() < 0.2, "{l}");
            }
            for pair in logs.chunks_exact(2) {
                assert!((pair[0] + pair[1] - 58.0).abs() < 0.02, "{pair:?}");
            }
        }
    }

    #[test]
    fn composite_scaling_primes_multiply_to_the_scale() {
        let l = ParametersLiteral { log_n: 14, log_scale: 56, primes_per_level: 2, max_level: 2, dnum: 2, ..lit() };
        let p = Parameters::new(l).unwrap();
        assert_eq!(p.limbs_at(1) - p.limbs_at(0), 2);
        let q = p.q_primes();
        let b = p.limbs_at(0);
        for level in 0..2 {
            let prod = libm::log2(q[b + 2 * level] as f64) + libm::log2(q[b + 2 * level + 1] as f64);
            assert!((prod - 56.0).abs() < 0.01, "{prod}");
        }
    }

    #[test]
    fn insecure_sets_are_refused_unless_asked_for() {
        let big = ParametersLiteral { max_level: 8, ..lit() };
        assert!(matches!(Parameters::new(big), Err(Error::Insecure { log_n: 13, max: 218, .. })));
        let p = Parameters::new_insecure(big).unwrap();
        assert_eq!(p.security(), Security::Insecure);
        assert_eq!(p.security_bits(), 0);
        let sparse = ParametersLiteral { secret: SecretDistribution::FixedWeight(64), ..lit() };
        assert!(Parameters::new(sparse).is_err());
        assert!(Parameters::new_insecure(sparse).is_ok());
    }

    #[test]
    fn bad_literals_are_errors() {
        for bad in [
            ParametersLiteral { log_n: 9, ..lit() },
            ParametersLiteral { log_scale: 40, ..lit() },
            ParametersLiteral { primes_per_level: 3, ..lit() },
            ParametersLiteral { dnum: 0, ..lit() },
            ParametersLiteral { dnum: 99, ..lit() },
            ParametersLiteral { sigma: 0.1, ..lit() },
            ParametersLiteral { max_level: 70, ..lit() },
            ParametersLiteral { log_base_headroom: 0, ..lit() },
        ] {
            assert!(matches!(Parameters::new_insecure(bad), Err(Error::InvalidParameters { .. })), "{bad:?}");
        }
    }

    #[test]
    fn fingerprint_changes_with_any_field() {
        let base = Parameters::new(lit()).unwrap();
        assert_eq!(base.fingerprint(), Parameters::new(lit()).unwrap().fingerprint());
        for other in [
            ParametersLiteral { max_level: 2, dnum: 4, ..lit() },
            ParametersLiteral { dnum: 3, ..lit() },
            ParametersLiteral { log_scale: 28, ..lit() },
            ParametersLiteral { sigma: 2.0, ..lit() },
        ] {
            assert_ne!(Parameters::new(other).unwrap().fingerprint(), base.fingerprint());
        }
        assert_ne!(Parameters::new_insecure(lit()).unwrap().fingerprint(), base.fingerprint());
    }
}
