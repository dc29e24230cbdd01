//! Format of the committed test-vector file `tests/data/firmware_vectors.bin`
//! and the deterministic inputs it is built from.
//!
//! This one source file is compiled twice: into the host generator
//! (`tests/tests/firmware_vectors.rs`, via `#[path]`), which writes or checks
//! the file with the host build of polyhe-core, and into the on-target tests
//! (`firmware/tests/*.rs`), which recompute every entry on the Cortex-M4 and
//! demand bit-equality. Sharing the reader and the input formula means the
//! two sides cannot silently disagree about what an entry means.
//!
//! Layout: little-endian `u32` words.
//! - header: [`MAGIC`], [`VERSION`], number of sections;
//! - arithmetic section: [`TAG_ARITH`], `q`, record count, then that many
//!   records of [`field::WORDS`] words (inputs then outputs, see [`field`]);
//! - NTT section: [`TAG_NTT`], `n`, `q`, pattern ([`PATTERN_RANDOM`] or
//!   [`PATTERN_MAX`]), seed (low, high), then `forward(a)`, `inverse(a)` and
//!   the negacyclic product `a * b`, `n` words each, where `a` and `b` come
//!   from [`ntt_inputs`].

/// First word of the file: `"PHFV"` read as a little-endian `u32`.
pub const MAGIC: u32 = u32::from_le_bytes(*b"PHFV");
/// Format version; bump it when the layout or the input formula changes.
pub const VERSION: u32 = 1;
/// Tag of a section of scalar modular-arithmetic records.
pub const TAG_ARITH: u32 = 1;
/// Tag of a section holding one NTT case.
pub const TAG_NTT: u32 = 2;
/// NTT inputs drawn from [`splitmix64`] (with a few edge values).
pub const PATTERN_RANDOM: u32 = 0;
/// NTT inputs with every coefficient `q - 1`: the lazy butterflies' worst case.
pub const PATTERN_MAX: u32 = 1;
/// Stored in [`field::INV`] when the input has no inverse modulo `q`.
pub const NO_INVERSE: u32 = u32::MAX;

/// Word offsets inside one arithmetic record.
pub mod field {
    /// Input `a < q`.
    pub const A: usize = 0;
    /// Input `b < q` (also the Shoup constant `w`).
    pub const B: usize = 1;
    /// Input `c`: any `u32` (addend of `mul_add`, operand of Shoup products).
    pub const C: usize = 2;
    /// Input exponent `e` for `pow(a, e)`.
    pub const E: usize = 3;
    /// Low word of the `u64` input `x`.
    pub const X_LO: usize = 4;
    /// High word of the `u64` input `x`.
    pub const X_HI: usize = 5;
    /// `add(a, b)`.
    pub const ADD: usize = 6;
    /// `sub(a, b)`.
    pub const SUB: usize = 7;
    /// `neg(a)`.
    pub const NEG: usize = 8;
    /// `mul(a, b)`.
    pub const MUL: usize = 9;
    /// `mul_add(a, b, c)`.
    pub const MUL_ADD: usize = 10;
    /// `reduce(c)`.
    pub const REDUCE: usize = 11;
    /// `reduce_u64(x)`.
    pub const REDUCE_U64: usize = 12;
    /// `reduce_i64(x as i64)`.
    pub const REDUCE_I64: usize = 13;
    /// `shoup(b)`.
    pub const SHOUP: usize = 14;
    /// `mul_shoup_lazy(c, b, shoup(b))`.
    pub const MUL_SHOUP_LAZY: usize = 15;
    /// `mul_shoup(c, b, shoup(b))`.
    pub const MUL_SHOUP: usize = 16;
    /// `pow(a, e)`.
    pub const POW: usize = 17;
    /// `inv(a)`, or [`super::NO_INVERSE`].
    pub const INV: usize = 18;
    /// `center(a)` as an `i32` bit pattern.
    pub const CENTER: usize = 19;
    /// Words per record.
    pub const WORDS: usize = 20;
}

/// One step of SplitMix64: a tiny, portable generator, so host and device
/// derive identical inputs from a seed without any RNG crate.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Fills the NTT operands `a` and `b` (equal lengths of at least 4) for one
/// case. Random cases also pin zeros and `q - 1` at both ends so the first
/// and last butterflies see the extreme values.
pub fn ntt_inputs(pattern: u32, seed: u64, q: u32, a: &mut [u32], b: &mut [u32]) {
    let n = a.len();
    if pattern == PATTERN_MAX {
        a.fill(q - 1);
        b.fill(q - 1);
        return;
    }
    let mut s = seed;
    for x in a.iter_mut().chain(b.iter_mut()) {
        *x = (splitmix64(&mut s) % q as u64) as u32;
    }
    (a[0], a[1], a[n - 1]) = (q - 1, 0, q - 1);
    (b[0], b[n - 2], b[n - 1]) = (0, q - 1, q - 1);
}

/// A run of `u32` words stored little-endian in the file.
#[derive(Clone, Copy)]
pub struct Words<'a>(&'a [u8]);

impl<'a> Words<'a> {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Word `i`; panics when out of range.
    pub fn get(&self, i: usize) -> u32 {
        let b = &self.0[4 * i..4 * i + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        self.0.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Record `i` when the words are records of `width` words each.
    pub fn record(&self, i: usize, width: usize) -> Words<'a> {
        Words(&self.0[4 * width * i..4 * width * (i + 1)])
    }

    /// Index of the first word that differs from `other` (or of the end of
    /// the shorter one), `None` when equal: a precise report instead of a
    /// 4096-word dump.
    pub fn first_difference(&self, other: &[u32]) -> Option<usize> {
        if self.len() != other.len() {
            return Some(self.len().min(other.len()));
        }
        self.iter().zip(other).position(|(x, &y)| x != y)
    }
}

/// One section of the file.
pub enum Section<'a> {
    /// Scalar records modulo `q`, [`field::WORDS`] words each.
    Arith {
        /// The modulus.
        q: u32,
        /// The records.
        records: Words<'a>,
    },
    /// One NTT case.
    Ntt {
        /// Ring degree.
        n: usize,
        /// The prime.
        q: u32,
        /// [`PATTERN_RANDOM`] or [`PATTERN_MAX`].
        pattern: u32,
        /// Seed for [`ntt_inputs`].
        seed: u64,
        /// Forward NTT of `a`.
        forward: Words<'a>,
        /// Inverse NTT of `a` (read as NTT-domain values).
        inverse: Words<'a>,
        /// `a * b mod (X^n + 1, q)`.
        product: Words<'a>,
    },
}

/// Why a vector file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The magic word is wrong: not a vector file.
    BadMagic,
    /// Written by another version of this format: regenerate it.
    BadVersion,
    /// The file ends inside a section.
    Truncated,
    /// A section tag this reader does not know.
    UnknownTag,
    /// Bytes left after the last section.
    TrailingData,
}

/// Reads the sections of a vector file in order.
pub struct Reader<'a> {
    bytes: &'a [u8],
    sections_left: u32,
}

impl<'a> Reader<'a> {
    /// Checks the header.
    pub fn new(bytes: &'a [u8]) -> Result<Self, FormatError> {
        let mut r = Reader { bytes, sections_left: 0 };
        if r.word()? != MAGIC {
            return Err(FormatError::BadMagic);
        }
        if r.word()? != VERSION {
            return Err(FormatError::BadVersion);
        }
        r.sections_left = r.word()?;
        Ok(r)
    }

    fn word(&mut self) -> Result<u32, FormatError> {
        Ok(self.words(1)?.get(0))
    }

    fn words(&mut self, count: usize) -> Result<Words<'a>, FormatError> {
        let len = count.checked_mul(4).filter(|&l| l <= self.bytes.len()).ok_or(FormatError::Truncated)?;
        let (head, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Ok(Words(head))
    }

    /// The next section, `Ok(None)` after the last one.
    pub fn next_section(&mut self) -> Result<Option<Section<'a>>, FormatError> {
        if self.sections_left == 0 {
            return if self.bytes.is_empty() { Ok(None) } else { Err(FormatError::TrailingData) };
        }
        self.sections_left -= 1;
        match self.word()? {
            TAG_ARITH => {
                let q = self.word()?;
                let count = self.word()? as usize;
                let records = self.words(count.checked_mul(field::WORDS).ok_or(FormatError::Truncated)?)?;
                Ok(Some(Section::Arith { q, records }))
            }
            TAG_NTT => {
                let n = self.word()? as usize;
                let q = self.word()?;
                let pattern = self.word()?;
                let seed = self.word()? as u64 | (self.word()? as u64) << 32;
                let (forward, inverse, product) = (self.words(n)?, self.words(n)?, self.words(n)?);
                Ok(Some(Section::Ntt { n, q, pattern, seed, forward, inverse, product }))
            }
            _ => Err(FormatError::UnknownTag),
        }
    }
}
