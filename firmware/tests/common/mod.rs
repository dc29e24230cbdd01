//! Shared by the on-target test crates: the committed vectors and helpers
//! to walk them. Each test crate uses a different part of this module.
#![allow(dead_code)]

pub mod vectors;

use polyhe_core::arith::Modulus;
use vectors::{field, Reader, Section, Words};

/// The vector file produced by the host build of polyhe-core
/// (`tests/tests/firmware_vectors.rs`); built into the test image.
pub static VECTORS: &[u8] = include_bytes!("../../../tests/data/firmware_vectors.bin");

/// Every section of [`VECTORS`] in order; a malformed file fails the test.
pub fn for_each_section(mut f: impl FnMut(Section<'static>)) -> usize {
    let mut r = Reader::new(VECTORS).unwrap_or_else(|e| defmt::panic!("vector file: {}", defmt::Debug2Format(&e)));
    let mut count = 0;
    loop {
        match r.next_section() {
            Ok(Some(s)) => f(s),
            Ok(None) => return count,
            Err(e) => defmt::panic!("vector file: {}", defmt::Debug2Format(&e)),
        }
        count += 1;
    }
}

/// One arithmetic record: its modulus and words (see [`vectors::field`]).
pub struct Record<'a> {
    /// The modulus of the record's section.
    pub m: Modulus,
    words: Words<'a>,
}

impl Record<'_> {
    /// Word `i` of the record (an index from [`vectors::field`]).
    pub fn get(&self, i: usize) -> u32 {
        self.words.get(i)
    }

    /// The `u64` input `x`.
    pub fn x(&self) -> u64 {
        self.get(field::X_LO) as u64 | (self.get(field::X_HI) as u64) << 32
    }

    /// Fails the test unless `got` equals the host's value in field `i`,
    /// naming the operation and inputs.
    pub fn check(&self, what: &str, i: usize, got: u32) {
        let want = self.get(i);
        if got != want {
            defmt::panic!(
                "{}: device {=u32} != host {=u32} (q={=u32} a={=u32} b={=u32} c={=u32} e={=u32} x={=u64})",
                what,
                got,
                want,
                self.m.value(),
                self.get(field::A),
                self.get(field::B),
                self.get(field::C),
                self.get(field::E),
                self.x()
            );
        }
    }
}

/// Calls `f` on every arithmetic record; returns how many there were.
pub fn for_each_arith_record(mut f: impl FnMut(&Record)) -> usize {
    let mut count = 0;
    for_each_section(|s| {
        if let Section::Arith { q, records } = s {
            let m = Modulus::new(q).unwrap_or_else(|_| defmt::panic!("vector file: bad modulus {=u32}", q));
            for i in 0..records.len() / field::WORDS {
                f(&Record { m, words: records.record(i, field::WORDS) });
                count += 1;
            }
        }
    });
    defmt::assert!(count > 0, "the vector file has no arithmetic records");
    count
}
