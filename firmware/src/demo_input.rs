// The round trip's input, shared by `src/bin/roundtrip.rs` and the host
// test `tests/tests/firmware_roundtrip.rs` (included there by path).

/// A fixed 8x8 handwritten-digit image (a "0"), grey levels 0 to 16, row
/// by row: the round trip encrypts `pixel / 16` in slots 0 to 63.
pub const DIGIT: [u8; 64] = [
    0, 0, 5, 13, 9, 1, 0, 0, //
    0, 0, 13, 15, 10, 15, 5, 0, //
    0, 3, 15, 2, 0, 11, 8, 0, //
    0, 4, 12, 0, 0, 8, 8, 0, //
    0, 5, 8, 0, 0, 9, 8, 0, //
    0, 4, 11, 0, 1, 12, 7, 0, //
    0, 2, 14, 5, 10, 12, 0, 0, //
    0, 0, 6, 13, 10, 0, 0, 0, //
];

/// The function the host evaluates on the ciphertext, in plaintext:
/// `y = 3 x - 1`.
pub fn affine(x: f64) -> f64 {
    3.0 * x - 1.0
}

/// The `f32` encoder's share of the round trip's bound at `slots` slots
/// (`encoding_f32::f32_round_trip_bound`): its error on the input scaled by
/// the evaluation's factor 3, plus on the output `3 x - 1` (every slot
/// beyond the image holds `-1`).
pub fn f32_part(slots: usize) -> f64 {
    let sq = |v: f64| v * v;
    let x2: f64 = DIGIT.iter().map(|&p| sq(f64::from(p) / 16.0)).sum();
    let y2: f64 = DIGIT.iter().map(|&p| sq(affine(f64::from(p) / 16.0))).sum::<f64>() + (slots - DIGIT.len()) as f64;
    polyhe_core::ckks::encoding_f32::f32_round_trip_bound(slots, 3.0 * sqrt(x2) + sqrt(y2))
}

/// `sqrt(v)` for `v >= 0` by Newton's iteration (this file is compiled
/// into the firmware and into a host test without `libm`).
fn sqrt(v: f64) -> f64 {
    let mut r = if v > 1.0 { v } else { 1.0 };
    for _ in 0..64 {
        r = 0.5 * (r + v / r);
    }
    r
}

/// Files exchanged through semihosting, relative to QEMU's working
/// directory (NUL-terminated for the firmware).
pub mod files {
    /// The device's ciphertext of the image.
    pub const INPUT_CT: &str = "polyhe-rt-input.ct";
    /// Created (empty) once `INPUT_CT` is complete.
    pub const INPUT_DONE: &str = "polyhe-rt-input.done";
    /// The host's result ciphertext (written under another name, then
    /// renamed, so the device never sees half a file).
    pub const RESULT_CT: &str = "polyhe-rt-result.ct";
    /// The device's decrypted output: 64 little-endian `f64` (real parts
    /// of slots 0 to 63).
    pub const OUTPUT: &str = "polyhe-rt-output.bin";
}

/// The files of the secret-key round trip (`src/bin/roundtrip_sym.rs`).
pub mod files_sym {
    /// The device's ciphertext of the image (secret-key encryption).
    pub const INPUT_CT: &str = "polyhe-rt-sym-input.ct";
    /// The same encryption as a seeded ciphertext (`c0` and the seed).
    pub const INPUT_SEEDED: &str = "polyhe-rt-sym-input.seeded";
    /// Created (empty) once `INPUT_CT` is complete.
    pub const INPUT_DONE: &str = "polyhe-rt-sym-input.done";
    /// The host's result ciphertext.
    pub const RESULT_CT: &str = "polyhe-rt-sym-result.ct";
    /// The device's decrypted output: 64 little-endian `f64`.
    pub const OUTPUT: &str = "polyhe-rt-sym-output.bin";
}
