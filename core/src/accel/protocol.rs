//! The accelerator protocol: byte frames for a narrow link (SPI or UART)
//! between a host (the `polyhe` driver or the firmware) and the NTT
//! accelerator.
//!
//! # Frames
//! Every exchange is one request frame from the host and one response frame
//! from the device. Multi-byte integers are little-endian.
//!
//! ```text
//! request:  A5 | seq | opcode |          len (u16) | payload[len] | crc (u16)
//! response: 5A | seq | opcode | status | len (u16) | payload[len] | crc (u16)
//! ```
//!
//! - The sync bytes differ by direction so a host never mistakes its own
//!   echo (a looped-back UART, a half-duplex bus) for an answer.
//! - `seq` is chosen by the host and echoed with the `opcode`: a response
//!   to an earlier, timed-out request is recognised as stale and dropped.
//! - `crc` is CRC-16/CCITT-FALSE (polynomial `0x1021`, initial value
//!   `0xFFFF`, no reflection; [`crc16`]) over every byte after the sync
//!   byte up to the end of the payload. Sixteen bits detect every burst
//!   error up to 16 bits long in frames of [`MAX_FRAME`] bytes; it costs
//!   one shift register in the FPGA and a 512-byte table on the host.
//! - `len` is at most [`MAX_PAYLOAD`], so the device needs a
//!   [`MAX_FRAME`]-byte buffer and a serial reader knows a frame's length
//!   from its header ([`request_frame_len`], [`response_frame_len`]).
//!
//! # Requests
//!
//! | opcode | name | request payload | response payload (status `Ok`) |
//! |---|---|---|---|
//! | `0x01` | [`Status`](Opcode::Status) | - | [`DeviceInfo`] (12 bytes) |
//! | `0x02` | [`Reset`](Opcode::Reset) | - | - |
//! | `0x10` | [`Configure`](Opcode::Configure) | [`Config`]: `log_n` u8, `q`, `neg_inv`, `r_mod_q`, `r_shoup` u32 | - |
//! | `0x11` | [`LoadTwiddles`](Opcode::LoadTwiddles) | table u8 (0 forward, 1 inverse), offset u16, then `(w, shoup(w))` u32 pairs | - |
//! | `0x20` | [`WriteSlot`](Opcode::WriteSlot) | slot u8, offset u16, then u32 coefficients | - |
//! | `0x21` | [`ReadSlot`](Opcode::ReadSlot) | slot u8, offset u16, count u16 | `count` u32 coefficients |
//! | `0x30` | [`Run`](Opcode::Run) | operation u8 ([`Operation`]), slot u8 | cycles u32 |
//!
//! Chunks carry at most [`MAX_CHUNK_WORDS`] words (half as many twiddle
//! pairs), so a degree-`N` polynomial takes `N / 256` frames. The device
//! holds two polynomial slots; a negacyclic product is: `WriteSlot` `a` into
//! slot 0 and `b` into slot 1, `Run` forward 0, forward 1, pointwise 0,
//! inverse 0, `ReadSlot` 0, with no intermediate crossing the link.
//!
//! The device must be configured (modulus, constants and `log N`) before
//! twiddles are loaded (the inverse table is halved modulo `q` as it is
//! written), and both before anything else. `Configure` forgets the
//! twiddles; `Reset` forgets everything: the configuration, and the slot
//! and twiddle contents, which are undefined until written again (a host
//! must not read a slot it has not written since the last `Configure`).
//!
//! # Responses
//! A response's [`Status`] says whether the request was carried out; on
//! any status but `Ok` the payload is empty and the device state is as if
//! the request had not arrived (except `DeviceFault`, after which the host
//! should `Reset`). A frame too damaged to read its header still gets a
//! response (`BadCrc` or `BadFrame`, with whatever `seq` and opcode bytes
//! arrived), so the host learns of the damage without waiting for a
//! timeout.

use thiserror::Error;

/// Protocol version reported in [`DeviceInfo::version`]; bumped on any
/// change to frames or payloads.
pub const VERSION: u8 = 1;
/// First byte of every request frame.
pub const REQUEST_SYNC: u8 = 0xA5;
/// First byte of every response frame.
pub const RESPONSE_SYNC: u8 = 0x5A;
/// Request header: sync, seq, opcode, len (u16).
pub const REQUEST_HEADER_LEN: usize = 5;
/// Response header: sync, seq, opcode, status, len (u16).
pub const RESPONSE_HEADER_LEN: usize = 6;
/// The CRC trailer.
pub const CRC_LEN: usize = 2;
/// Most 32-bit words in one `WriteSlot` or `ReadSlot` chunk (and twice the
/// most twiddle pairs in one `LoadTwiddles`): 1 KiB of data keeps the
/// device's frame buffer small while the 8-byte frame overhead stays below
/// 1%.
pub const MAX_CHUNK_WORDS: usize = 256;
/// Chunk header: slot or table (u8) and offset (u16).
const CHUNK_HEADER_LEN: usize = 3;
/// Largest payload of any frame.
pub const MAX_PAYLOAD: usize = CHUNK_HEADER_LEN + 4 * MAX_CHUNK_WORDS;
/// Largest frame in either direction.
pub const MAX_FRAME: usize = RESPONSE_HEADER_LEN + MAX_PAYLOAD + CRC_LEN;
/// Number of polynomial slots on the device.
pub const SLOTS: u8 = 2;

/// Everything that can be wrong with a frame or a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ProtocolError {
    /// Fewer bytes than the header or its `len` field promise.
    #[error("truncated frame: {needed} bytes needed, {got} received")]
    Truncated {
        /// Bytes the frame needs.
        needed: usize,
        /// Bytes received.
        got: usize,
    },
    /// More bytes than the header's `len` field accounts for.
    #[error("frame has {extra} bytes after its CRC")]
    TrailingBytes {
        /// Bytes beyond the frame.
        extra: usize,
    },
    /// The first byte is not the sync byte of the expected direction.
    #[error("bad sync byte {found:#04x}, expected {expected:#04x}")]
    BadSync {
        /// Byte received.
        found: u8,
        /// Sync byte expected.
        expected: u8,
    },
    /// A `len` field above [`MAX_PAYLOAD`].
    #[error("payload of {len} bytes exceeds the protocol maximum of {max}")]
    PayloadTooLong {
        /// The `len` field.
        len: usize,
        /// [`MAX_PAYLOAD`].
        max: usize,
    },
    /// The CRC trailer does not match the frame.
    #[error("CRC mismatch: frame carries {received:#06x}, its bytes give {computed:#06x}")]
    BadCrc {
        /// CRC computed over the received bytes.
        computed: u16,
        /// CRC in the trailer.
        received: u16,
    },
    /// An opcode this protocol version does not define.
    #[error("unknown opcode {code:#04x}")]
    UnknownOpcode {
        /// The opcode byte.
        code: u8,
    },
    /// A status code this protocol version does not define.
    #[error("unknown status code {code:#04x}")]
    UnknownStatus {
        /// The status byte.
        code: u8,
    },
    /// A payload whose length does not fit its opcode.
    #[error("payload of {got} bytes is malformed for {what}: {expected}")]
    BadPayloadLength {
        /// The request or response.
        what: &'static str,
        /// What the length must be.
        expected: &'static str,
        /// The payload's length.
        got: usize,
    },
    /// A field outside its range (a slot, table or operation code, a chunk
    /// past the polynomial's end, a residue not below `q`, ...).
    #[error("{what} = {value} is out of range")]
    BadArgument {
        /// The field.
        what: &'static str,
        /// Its value.
        value: u32,
    },
    /// An output buffer too small for the frame.
    #[error("buffer of {got} bytes is too small for a {needed}-byte frame")]
    BufferTooSmall {
        /// Bytes the frame needs.
        needed: usize,
        /// Bytes available.
        got: usize,
    },
}

impl ProtocolError {
    /// The status a device answers a request with when decoding it failed
    /// with this error.
    pub const fn status(&self) -> Status {
        match self {
            ProtocolError::BadCrc { .. } => Status::BadCrc,
            ProtocolError::UnknownOpcode { .. } => Status::UnknownOpcode,
            ProtocolError::BadArgument { .. } | ProtocolError::BadPayloadLength { .. } => Status::BadArgument,
            _ => Status::BadFrame,
        }
    }
}

/// Result alias of this module.
pub type Result<T, E = ProtocolError> = core::result::Result<T, E>;

/// The request codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Opcode {
    /// Query [`DeviceInfo`].
    Status = 0x01,
    /// Forget configuration and twiddles.
    Reset = 0x02,
    /// Set modulus, Montgomery constants and `log N` ([`Config`]).
    Configure = 0x10,
    /// Write a chunk of a twiddle table.
    LoadTwiddles = 0x11,
    /// Write a chunk of a polynomial slot.
    WriteSlot = 0x20,
    /// Read a chunk of a polynomial slot.
    ReadSlot = 0x21,
    /// Run an [`Operation`] on a slot.
    Run = 0x30,
}

impl Opcode {
    /// The opcode of a byte, if defined.
    pub const fn from_u8(code: u8) -> Result<Self> {
        Ok(match code {
            0x01 => Opcode::Status,
            0x02 => Opcode::Reset,
            0x10 => Opcode::Configure,
            0x11 => Opcode::LoadTwiddles,
            0x20 => Opcode::WriteSlot,
            0x21 => Opcode::ReadSlot,
            0x30 => Opcode::Run,
            code => return Err(ProtocolError::UnknownOpcode { code }),
        })
    }
}

/// Response status codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Status {
    /// Done; the payload is the opcode's answer.
    Ok = 0x00,
    /// The request's CRC did not match.
    BadCrc = 0x01,
    /// The request was truncated, too long or had a bad sync byte.
    BadFrame = 0x02,
    /// The opcode is not defined.
    UnknownOpcode = 0x03,
    /// A field is out of range or the payload length is wrong.
    BadArgument = 0x04,
    /// The device must be configured first.
    NotConfigured = 0x05,
    /// The device failed to complete the operation (it should be reset).
    DeviceFault = 0x06,
}

impl Status {
    /// The status of a byte, if defined.
    pub const fn from_u8(code: u8) -> Result<Self> {
        Ok(match code {
            0x00 => Status::Ok,
            0x01 => Status::BadCrc,
            0x02 => Status::BadFrame,
            0x03 => Status::UnknownOpcode,
            0x04 => Status::BadArgument,
            0x05 => Status::NotConfigured,
            0x06 => Status::DeviceFault,
            code => return Err(ProtocolError::UnknownStatus { code }),
        })
    }
}

/// The two twiddle tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TwiddleTable {
    /// `psi^brv(i)`.
    Forward = 0,
    /// `psi^-brv(i)`.
    Inverse = 1,
}

/// The operations of [`Opcode::Run`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Operation {
    /// Forward negacyclic NTT in place (output in bit-reversed order).
    Forward = 0,
    /// Inverse NTT with the `1/N` scaling, in place.
    Inverse = 1,
    /// `slot[s] = slot[s] * slot[1 - s]` pointwise.
    Pointwise = 2,
}

/// The parameters of [`Opcode::Configure`]: the modulus and the constants
/// the device's Montgomery and Shoup multipliers need (computed by the host
/// so the device needs no divider; see [`Config::for_modulus`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    /// `log2 N`.
    pub log_n: u8,
    /// The NTT prime `q < 2^30`.
    pub q: u32,
    /// `-q^-1 mod 2^32`.
    pub neg_inv: u32,
    /// `2^32 mod q`.
    pub r_mod_q: u32,
    /// Shoup companion of `r_mod_q`: `floor(r_mod_q 2^32 / q)`.
    pub r_shoup: u32,
}

impl Config {
    /// Payload length.
    pub const LEN: usize = 17;

    /// The configuration for degree `2^log_n` and the odd modulus `q`
    /// (`3 <= q < 2^30`).
    pub fn for_modulus(log_n: u8, q: u32) -> Result<Self> {
        if !(3..1 << 30).contains(&q) || q.is_multiple_of(2) {
            return Err(ProtocolError::BadArgument { what: "modulus q (odd, 3 <= q < 2^30)", value: q });
        }
        // Newton's iteration doubles the correct low bits of q^-1 mod 2^32
        // each step; q * q = 1 mod 8 gives 3 to start, so five steps suffice.
        let mut inv = q;
        for _ in 0..5 {
            inv = inv.wrapping_mul(2u32.wrapping_sub(q.wrapping_mul(inv)));
        }
        let r_mod_q = ((1u64 << 32) % u64::from(q)) as u32;
        let r_shoup = ((u64::from(r_mod_q) << 32) / u64::from(q)) as u32;
        Ok(Self { log_n, q, neg_inv: inv.wrapping_neg(), r_mod_q, r_shoup })
    }

    /// Whether the constants belong to `q` (what a device that can divide
    /// checks before accepting them).
    pub fn is_consistent(&self) -> bool {
        Self::for_modulus(self.log_n, self.q).is_ok_and(|c| c == *self)
    }

    fn write(&self, out: &mut [u8]) {
        out[0] = self.log_n;
        for (k, v) in [self.q, self.neg_inv, self.r_mod_q, self.r_shoup].into_iter().enumerate() {
            out[1 + 4 * k..5 + 4 * k].copy_from_slice(&v.to_le_bytes());
        }
    }

    fn read(p: &[u8]) -> Self {
        let w = |k: usize| u32::from_le_bytes([p[1 + 4 * k], p[2 + 4 * k], p[3 + 4 * k], p[4 + 4 * k]]);
        Self { log_n: p[0], q: w(0), neg_inv: w(1), r_mod_q: w(2), r_shoup: w(3) }
    }
}

/// The answer to [`Opcode::Status`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DeviceInfo {
    /// The device's [`VERSION`].
    pub version: u8,
    /// Smallest supported `log2 N`.
    pub min_log_n: u8,
    /// Largest supported `log2 N`.
    pub max_log_n: u8,
    /// Polynomial slots.
    pub slots: u8,
    /// Butterfly lanes.
    pub lanes: u8,
    /// Whether a [`Config`] is loaded.
    pub configured: bool,
    /// The configured `log2 N` (0 if none).
    pub log_n: u8,
    /// The configured modulus (0 if none).
    pub q: u32,
}

impl DeviceInfo {
    /// Payload length.
    pub const LEN: usize = 12;

    /// The payload bytes.
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [0; Self::LEN];
        b[..7].copy_from_slice(&[
            self.version,
            self.min_log_n,
            self.max_log_n,
            self.slots,
            self.lanes,
            u8::from(self.configured),
            self.log_n,
        ]);
        b[7..11].copy_from_slice(&self.q.to_le_bytes());
        b
    }

    /// Parses the payload.
    pub fn from_bytes(p: &[u8]) -> Result<Self> {
        if p.len() != Self::LEN {
            return Err(ProtocolError::BadPayloadLength {
                what: "Status response",
                expected: "12 bytes",
                got: p.len(),
            });
        }
        Ok(Self {
            version: p[0],
            min_log_n: p[1],
            max_log_n: p[2],
            slots: p[3],
            lanes: p[4],
            configured: p[5] != 0,
            log_n: p[6],
            q: u32::from_le_bytes([p[7], p[8], p[9], p[10]]),
        })
    }
}

/// A run of 32-bit words: borrowed wire bytes (decoding) or borrowed values
/// (encoding), so neither side copies or allocates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words<'a> {
    /// Little-endian bytes, a multiple of 4 long.
    Bytes(&'a [u8]),
    /// Values.
    Values(&'a [u32]),
}

impl<'a> Words<'a> {
    /// Words of little-endian `bytes` (a multiple of 4 long).
    pub fn from_le_bytes(bytes: &'a [u8]) -> Result<Self> {
        if !bytes.len().is_multiple_of(4) {
            return Err(ProtocolError::BadPayloadLength {
                what: "word data",
                expected: "a multiple of 4 bytes",
                got: bytes.len(),
            });
        }
        Ok(Words::Bytes(bytes))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        match self {
            Words::Bytes(b) => b.len() / 4,
            Words::Values(v) => v.len(),
        }
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Word `i`, if `i < len()`.
    pub fn get(&self, i: usize) -> Option<u32> {
        match self {
            Words::Bytes(b) => b.get(4 * i..4 * i + 4).map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]])),
            Words::Values(v) => v.get(i).copied(),
        }
    }

    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let w = *self;
        (0..w.len()).filter_map(move |i| w.get(i))
    }

    /// Copies the words into `out` (which must be [`Words::len`] long).
    pub fn copy_to(&self, out: &mut [u32]) {
        for (o, w) in out.iter_mut().zip(self.iter()) {
            *o = w;
        }
    }

    fn write(&self, out: &mut [u8]) {
        match self {
            Words::Bytes(b) => out[..b.len()].copy_from_slice(b),
            Words::Values(v) => {
                for (o, w) in out.chunks_exact_mut(4).zip(v.iter()) {
                    o.copy_from_slice(&w.to_le_bytes());
                }
            }
        }
    }
}

/// A decoded (or to-be-encoded) request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Request<'a> {
    /// [`Opcode::Status`].
    Status,
    /// [`Opcode::Reset`].
    Reset,
    /// [`Opcode::Configure`].
    Configure(Config),
    /// [`Opcode::LoadTwiddles`]: `pairs` is `(w, shoup(w))` interleaved,
    /// for indices `offset ..`.
    LoadTwiddles {
        /// The table.
        table: TwiddleTable,
        /// Index of the first pair.
        offset: u16,
        /// `w0, shoup(w0), w1, shoup(w1), ...`.
        pairs: Words<'a>,
    },
    /// [`Opcode::WriteSlot`]: coefficients `offset ..` of `slot`.
    WriteSlot {
        /// Slot, below [`SLOTS`].
        slot: u8,
        /// Index of the first coefficient.
        offset: u16,
        /// The coefficients, each below `q`.
        words: Words<'a>,
    },
    /// [`Opcode::ReadSlot`]: coefficients `offset .. offset + count` of
    /// `slot`.
    ReadSlot {
        /// Slot, below [`SLOTS`].
        slot: u8,
        /// Index of the first coefficient.
        offset: u16,
        /// Number of coefficients, at most [`MAX_CHUNK_WORDS`].
        count: u16,
    },
    /// [`Opcode::Run`].
    Run {
        /// The operation.
        op: Operation,
        /// Slot it works on (and writes).
        slot: u8,
    },
}

fn check_slot(slot: u8) -> Result<u8> {
    if slot < SLOTS {
        Ok(slot)
    } else {
        Err(ProtocolError::BadArgument { what: "slot", value: u32::from(slot) })
    }
}

fn exact_len(what: &'static str, expected: &'static str, p: &[u8], len: usize) -> Result<()> {
    if p.len() == len {
        Ok(())
    } else {
        Err(ProtocolError::BadPayloadLength { what, expected, got: p.len() })
    }
}

/// Splits a chunk payload into its header byte, offset and data, checking
/// the data is a whole number of `unit`-byte items, at most `max` of them.
fn chunk<'a>(what: &'static str, p: &'a [u8], unit: usize, max: usize) -> Result<(u8, u16, Words<'a>)> {
    let data_len = p.len().checked_sub(CHUNK_HEADER_LEN);
    match data_len {
        Some(d) if d > 0 && d.is_multiple_of(unit) && d / unit <= max => {
            Ok((p[0], u16::from_le_bytes([p[1], p[2]]), Words::Bytes(&p[CHUNK_HEADER_LEN..])))
        }
        _ => Err(ProtocolError::BadPayloadLength {
            what,
            expected: "3 header bytes and 1 to 256 words (128 twiddle pairs)",
            got: p.len(),
        }),
    }
}

impl<'a> Request<'a> {
    /// The opcode.
    pub const fn opcode(&self) -> Opcode {
        match self {
            Request::Status => Opcode::Status,
            Request::Reset => Opcode::Reset,
            Request::Configure(_) => Opcode::Configure,
            Request::LoadTwiddles { .. } => Opcode::LoadTwiddles,
            Request::WriteSlot { .. } => Opcode::WriteSlot,
            Request::ReadSlot { .. } => Opcode::ReadSlot,
            Request::Run { .. } => Opcode::Run,
        }
    }

    /// Parses the payload of a request with opcode `opcode`.
    pub fn parse(opcode: Opcode, p: &'a [u8]) -> Result<Self> {
        Ok(match opcode {
            Opcode::Status => {
                exact_len("Status", "empty", p, 0)?;
                Request::Status
            }
            Opcode::Reset => {
                exact_len("Reset", "empty", p, 0)?;
                Request::Reset
            }
            Opcode::Configure => {
                exact_len("Configure", "17 bytes", p, Config::LEN)?;
                Request::Configure(Config::read(p))
            }
            Opcode::LoadTwiddles => {
                let (table, offset, pairs) = chunk("LoadTwiddles", p, 8, MAX_CHUNK_WORDS / 2)?;
                let table = match table {
                    0 => TwiddleTable::Forward,
                    1 => TwiddleTable::Inverse,
                    t => return Err(ProtocolError::BadArgument { what: "twiddle table", value: u32::from(t) }),
                };
                Request::LoadTwiddles { table, offset, pairs }
            }
            Opcode::WriteSlot => {
                let (slot, offset, words) = chunk("WriteSlot", p, 4, MAX_CHUNK_WORDS)?;
                Request::WriteSlot { slot: check_slot(slot)?, offset, words }
            }
            Opcode::ReadSlot => {
                exact_len("ReadSlot", "5 bytes", p, 5)?;
                let count = u16::from_le_bytes([p[3], p[4]]);
                if count == 0 || usize::from(count) > MAX_CHUNK_WORDS {
                    return Err(ProtocolError::BadArgument { what: "read count", value: u32::from(count) });
                }
                Request::ReadSlot { slot: check_slot(p[0])?, offset: u16::from_le_bytes([p[1], p[2]]), count }
            }
            Opcode::Run => {
                exact_len("Run", "2 bytes", p, 2)?;
                let op = match p[0] {
                    0 => Operation::Forward,
                    1 => Operation::Inverse,
                    2 => Operation::Pointwise,
                    o => return Err(ProtocolError::BadArgument { what: "operation", value: u32::from(o) }),
                };
                Request::Run { op, slot: check_slot(p[1])? }
            }
        })
    }

    /// Length of the encoded payload.
    pub fn payload_len(&self) -> usize {
        match self {
            Request::Status | Request::Reset => 0,
            Request::Configure(_) => Config::LEN,
            Request::LoadTwiddles { pairs: w, .. } | Request::WriteSlot { words: w, .. } => {
                CHUNK_HEADER_LEN + 4 * w.len()
            }
            Request::ReadSlot { .. } => 5,
            Request::Run { .. } => 2,
        }
    }

    /// Checks the request is one a device can accept (what [`Request::parse`]
    /// would check after decoding), so hosts fail before sending.
    fn validate(&self) -> Result<()> {
        let data = |what, w: &Words<'_>, unit: usize| {
            if w.is_empty() || !w.len().is_multiple_of(unit) || w.len() > MAX_CHUNK_WORDS {
                Err(ProtocolError::BadArgument { what, value: w.len() as u32 })
            } else {
                Ok(())
            }
        };
        match self {
            Request::LoadTwiddles { pairs, .. } => data("twiddle chunk words (even, 2 to 256)", pairs, 2),
            Request::WriteSlot { slot, words, .. } => {
                check_slot(*slot)?;
                data("coefficient chunk words (1 to 256)", words, 1)
            }
            Request::ReadSlot { slot, count, .. } => {
                check_slot(*slot)?;
                if *count == 0 || usize::from(*count) > MAX_CHUNK_WORDS {
                    return Err(ProtocolError::BadArgument { what: "read count", value: u32::from(*count) });
                }
                Ok(())
            }
            Request::Run { slot, .. } => check_slot(*slot).map(|_| ()),
            Request::Status | Request::Reset | Request::Configure(_) => Ok(()),
        }
    }

    fn write_payload(&self, out: &mut [u8]) {
        match self {
            Request::Status | Request::Reset => {}
            Request::Configure(c) => c.write(out),
            Request::LoadTwiddles { table, offset, pairs } => {
                out[0] = *table as u8;
                out[1..3].copy_from_slice(&offset.to_le_bytes());
                pairs.write(&mut out[CHUNK_HEADER_LEN..]);
            }
            Request::WriteSlot { slot, offset, words } => {
                out[0] = *slot;
                out[1..3].copy_from_slice(&offset.to_le_bytes());
                words.write(&mut out[CHUNK_HEADER_LEN..]);
            }
            Request::ReadSlot { slot, offset, count } => {
                out[0] = *slot;
                out[1..3].copy_from_slice(&offset.to_le_bytes());
                out[3..5].copy_from_slice(&count.to_le_bytes());
            }
            Request::Run { op, slot } => {
                out[0] = *op as u8;
                out[1] = *slot;
            }
        }
    }
}

/// The CRC-16/CCITT-FALSE lookup table (polynomial `0x1021`).
const CRC_TABLE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-16/CCITT-FALSE of `bytes` (check value: `crc16(b"123456789") ==
/// 0x29B1`).
pub fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xFFFF, |c, &b| (c << 8) ^ CRC_TABLE[usize::from((c >> 8) as u8 ^ b)])
}

fn finish_frame(out: &mut [u8], body_end: usize) -> usize {
    let crc = crc16(&out[1..body_end]);
    out[body_end..body_end + CRC_LEN].copy_from_slice(&crc.to_le_bytes());
    body_end + CRC_LEN
}

fn room(out: &[u8], needed: usize) -> Result<()> {
    if out.len() < needed {
        Err(ProtocolError::BufferTooSmall { needed, got: out.len() })
    } else {
        Ok(())
    }
}

/// Encodes `request` with sequence number `seq` into `out`; returns the
/// frame length.
pub fn encode_request(seq: u8, request: &Request<'_>, out: &mut [u8]) -> Result<usize> {
    request.validate()?;
    let len = request.payload_len();
    room(out, REQUEST_HEADER_LEN + len + CRC_LEN)?;
    out[0] = REQUEST_SYNC;
    out[1] = seq;
    out[2] = request.opcode() as u8;
    out[3..5].copy_from_slice(&(len as u16).to_le_bytes());
    request.write_payload(&mut out[REQUEST_HEADER_LEN..]);
    Ok(finish_frame(out, REQUEST_HEADER_LEN + len))
}

/// Encodes a response into `out` (`payload` is empty unless `status` is
/// [`Status::Ok`]); returns the frame length.
pub fn encode_response(seq: u8, opcode: u8, status: Status, payload: &[u8], out: &mut [u8]) -> Result<usize> {
    if payload.len() > MAX_PAYLOAD {
        return Err(ProtocolError::PayloadTooLong { len: payload.len(), max: MAX_PAYLOAD });
    }
    room(out, RESPONSE_HEADER_LEN + payload.len() + CRC_LEN)?;
    out[..4].copy_from_slice(&[RESPONSE_SYNC, seq, opcode, status as u8]);
    out[4..6].copy_from_slice(&(payload.len() as u16).to_le_bytes());
    out[RESPONSE_HEADER_LEN..RESPONSE_HEADER_LEN + payload.len()].copy_from_slice(payload);
    Ok(finish_frame(out, RESPONSE_HEADER_LEN + payload.len()))
}

/// Frame length from the first bytes of a frame (`header_len` of them).
fn frame_len(header: &[u8], sync: u8, header_len: usize) -> Result<usize> {
    if header.len() < header_len {
        return Err(ProtocolError::Truncated { needed: header_len, got: header.len() });
    }
    if header[0] != sync {
        return Err(ProtocolError::BadSync { found: header[0], expected: sync });
    }
    let len = usize::from(u16::from_le_bytes([header[header_len - 2], header[header_len - 1]]));
    if len > MAX_PAYLOAD {
        return Err(ProtocolError::PayloadTooLong { len, max: MAX_PAYLOAD });
    }
    Ok(header_len + len + CRC_LEN)
}

/// Total length of the request frame starting with `header` (at least
/// [`REQUEST_HEADER_LEN`] bytes): what a serial reader reads next.
pub fn request_frame_len(header: &[u8]) -> Result<usize> {
    frame_len(header, REQUEST_SYNC, REQUEST_HEADER_LEN)
}

/// Total length of the response frame starting with `header` (at least
/// [`RESPONSE_HEADER_LEN`] bytes).
pub fn response_frame_len(header: &[u8]) -> Result<usize> {
    frame_len(header, RESPONSE_SYNC, RESPONSE_HEADER_LEN)
}

/// Checks length and CRC of a whole frame; returns its payload range end.
fn check_frame(bytes: &[u8], sync: u8, header_len: usize) -> Result<usize> {
    let total = frame_len(bytes, sync, header_len)?;
    if bytes.len() < total {
        return Err(ProtocolError::Truncated { needed: total, got: bytes.len() });
    }
    if bytes.len() > total {
        return Err(ProtocolError::TrailingBytes { extra: bytes.len() - total });
    }
    let body_end = total - CRC_LEN;
    let computed = crc16(&bytes[1..body_end]);
    let received = u16::from_le_bytes([bytes[body_end], bytes[body_end + 1]]);
    if computed != received {
        return Err(ProtocolError::BadCrc { computed, received });
    }
    Ok(body_end)
}

/// A request frame whose framing and CRC are intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestFrame<'a> {
    /// Sequence number.
    pub seq: u8,
    /// Opcode byte (not yet checked: see [`RequestFrame::request`]).
    pub opcode: u8,
    /// Payload.
    pub payload: &'a [u8],
}

impl<'a> RequestFrame<'a> {
    /// Checks sync, length and CRC of exactly one request frame.
    pub fn decode(bytes: &'a [u8]) -> Result<Self> {
        let end = check_frame(bytes, REQUEST_SYNC, REQUEST_HEADER_LEN)?;
        Ok(Self { seq: bytes[1], opcode: bytes[2], payload: &bytes[REQUEST_HEADER_LEN..end] })
    }

    /// The request it carries.
    pub fn request(&self) -> Result<Request<'a>> {
        Request::parse(Opcode::from_u8(self.opcode)?, self.payload)
    }
}

/// A response frame whose framing and CRC are intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseFrame<'a> {
    /// Sequence number of the request it answers.
    pub seq: u8,
    /// Opcode of the request it answers.
    pub opcode: u8,
    /// Outcome.
    pub status: Status,
    /// Payload (empty unless `status` is `Ok`).
    pub payload: &'a [u8],
}

impl<'a> ResponseFrame<'a> {
    /// Checks sync, length, CRC and status of exactly one response frame.
    pub fn decode(bytes: &'a [u8]) -> Result<Self> {
        let end = check_frame(bytes, RESPONSE_SYNC, RESPONSE_HEADER_LEN)?;
        Ok(Self {
            seq: bytes[1],
            opcode: bytes[2],
            status: Status::from_u8(bytes[3])?,
            payload: &bytes[RESPONSE_HEADER_LEN..end],
        })
    }

    /// The cycle count of an `Ok` answer to [`Opcode::Run`].
    pub fn cycles(&self) -> Result<u32> {
        match self.payload {
            &[a, b, c, d] => Ok(u32::from_le_bytes([a, b, c, d])),
            p => Err(ProtocolError::BadPayloadLength { what: "Run response", expected: "4 bytes", got: p.len() }),
        }
    }

    /// The coefficients of an `Ok` answer to a `ReadSlot` of `count` words.
    pub fn words(&self, count: usize) -> Result<Words<'a>> {
        if self.payload.len() != 4 * count {
            return Err(ProtocolError::BadPayloadLength {
                what: "ReadSlot response",
                expected: "4 bytes per word requested",
                got: self.payload.len(),
            });
        }
        Ok(Words::Bytes(self.payload))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(req: Request<'_>) {
        let mut buf = [0u8; MAX_FRAME];
        let n = encode_request(7, &req, &mut buf).unwrap();
        assert_eq!(request_frame_len(&buf[..REQUEST_HEADER_LEN]), Ok(n));
        let frame = RequestFrame::decode(&buf[..n]).unwrap();
        assert_eq!((frame.seq, frame.opcode), (7, req.opcode() as u8));
        let back = frame.request().unwrap();
        assert_eq!(back.opcode(), req.opcode());
        match (req, back) {
            (Request::WriteSlot { slot, offset, words }, Request::WriteSlot { slot: s2, offset: o2, words: w2 }) => {
                assert_eq!((slot, offset), (s2, o2));
                assert!(words.iter().eq(w2.iter()));
            }
            (
                Request::LoadTwiddles { table, offset, pairs },
                Request::LoadTwiddles { table: t2, offset: o2, pairs: p2 },
            ) => {
                assert_eq!((table, offset), (t2, o2));
                assert!(pairs.iter().eq(p2.iter()));
            }
            (a, b) => assert_eq!(a, b),
        }
    }

    #[test]
    fn crc_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29B1);
        assert_eq!(crc16(b""), 0xFFFF);
    }

    #[test]
    fn requests_round_trip() {
        let values: [u32; 256] = core::array::from_fn(|i| (i as u32).wrapping_mul(0x9E37_79B9) >> 2);
        round_trip(Request::Status);
        round_trip(Request::Reset);
        round_trip(Request::Configure(Config::for_modulus(10, 0x3FFF_A001).unwrap()));
        round_trip(Request::LoadTwiddles { table: TwiddleTable::Inverse, offset: 640, pairs: Words::Values(&values) });
        round_trip(Request::WriteSlot { slot: 1, offset: 768, words: Words::Values(&values[..255]) });
        round_trip(Request::ReadSlot { slot: 0, offset: 256, count: 256 });
        round_trip(Request::Run { op: Operation::Pointwise, slot: 1 });
    }

    #[test]
    fn responses_round_trip() {
        let info = DeviceInfo {
            version: VERSION,
            min_log_n: 4,
            max_log_n: 13,
            slots: 2,
            lanes: 1,
            configured: true,
            log_n: 10,
            q: 0x3FFF_A001,
        };
        let mut buf = [0u8; MAX_FRAME];
        let n = encode_response(200, Opcode::Status as u8, Status::Ok, &info.to_bytes(), &mut buf).unwrap();
        assert_eq!(response_frame_len(&buf[..RESPONSE_HEADER_LEN]), Ok(n));
        let r = ResponseFrame::decode(&buf[..n]).unwrap();
        assert_eq!((r.seq, r.opcode, r.status), (200, 1, Status::Ok));
        assert_eq!(DeviceInfo::from_bytes(r.payload), Ok(info));

        let n = encode_response(3, Opcode::Run as u8, Status::Ok, &5130u32.to_le_bytes(), &mut buf).unwrap();
        assert_eq!(ResponseFrame::decode(&buf[..n]).unwrap().cycles(), Ok(5130));
        let n = encode_response(3, 0x77, Status::UnknownOpcode, &[], &mut buf).unwrap();
        let r = ResponseFrame::decode(&buf[..n]).unwrap();
        assert_eq!((r.opcode, r.status, r.payload.len()), (0x77, Status::UnknownOpcode, 0));
    }

    #[test]
    fn config_constants() {
        let q = 0x3FFF_A001u32; // odd, below 2^30
        let c = Config::for_modulus(12, q).unwrap();
        assert_eq!(q.wrapping_mul(c.neg_inv), u32::MAX, "q * (-q^-1) = -1 mod 2^32");
        assert_eq!(u64::from(c.r_mod_q), (1u64 << 32) % u64::from(q));
        assert!(c.is_consistent());
        assert!(!Config { r_shoup: c.r_shoup ^ 1, ..c }.is_consistent());
        assert!(Config::for_modulus(10, 1 << 30).is_err());
        assert!(Config::for_modulus(10, 12288).is_err());
    }

    #[test]
    fn corrupted_frames_are_refused() {
        let mut buf = [0u8; MAX_FRAME];
        let n = encode_request(1, &Request::Run { op: Operation::Forward, slot: 0 }, &mut buf).unwrap();
        let frame = &buf[..n];
        // Any single flipped bit after the sync byte is a CRC error.
        for byte in 1..n {
            for bit in 0..8 {
                let mut f = [0u8; 16];
                f[..n].copy_from_slice(frame);
                f[byte] ^= 1 << bit;
                // (Flips in the length field show up as a length error.)
                assert!(RequestFrame::decode(&f[..n]).is_err(), "byte {byte} bit {bit}");
            }
        }
        let mut f = [0u8; 16];
        f[..n].copy_from_slice(frame);
        f[0] = 0x00;
        assert_eq!(RequestFrame::decode(&f[..n]), Err(ProtocolError::BadSync { found: 0, expected: REQUEST_SYNC }));
        for cut in 0..n {
            assert!(matches!(RequestFrame::decode(&frame[..cut]), Err(ProtocolError::Truncated { .. })), "cut {cut}");
        }
        f[..n].copy_from_slice(frame);
        assert_eq!(RequestFrame::decode(&f[..n + 1]), Err(ProtocolError::TrailingBytes { extra: 1 }));
        // A response decoder refuses a request (different sync byte).
        assert!(matches!(ResponseFrame::decode(frame), Err(ProtocolError::BadSync { .. })));
    }

    #[test]
    fn bad_payloads_are_refused() {
        assert_eq!(Opcode::from_u8(0x42), Err(ProtocolError::UnknownOpcode { code: 0x42 }));
        assert_eq!(Status::from_u8(0x42), Err(ProtocolError::UnknownStatus { code: 0x42 }));
        assert!(matches!(Request::parse(Opcode::Run, &[3, 0]), Err(ProtocolError::BadArgument { .. })));
        assert!(matches!(Request::parse(Opcode::Run, &[0, 2]), Err(ProtocolError::BadArgument { .. })));
        assert!(matches!(Request::parse(Opcode::Status, &[0]), Err(ProtocolError::BadPayloadLength { .. })));
        assert!(matches!(
            Request::parse(Opcode::WriteSlot, &[0, 0, 0, 1]),
            Err(ProtocolError::BadPayloadLength { .. })
        ));
        assert!(Request::parse(Opcode::LoadTwiddles, &[0, 0, 0, 1, 2, 3, 4]).is_err());
        assert!(matches!(Request::parse(Opcode::ReadSlot, &[0, 0, 0, 0, 0]), Err(ProtocolError::BadArgument { .. })));
        let too_many = [0u32; MAX_CHUNK_WORDS + 1];
        let mut buf = [0u8; 2 * MAX_FRAME];
        let req = Request::WriteSlot { slot: 0, offset: 0, words: Words::Values(&too_many) };
        assert!(matches!(encode_request(0, &req, &mut buf), Err(ProtocolError::BadArgument { .. })));
        let req = Request::ReadSlot { slot: 0, offset: 0, count: 4 };
        assert!(matches!(encode_request(0, &req, &mut buf[..5]), Err(ProtocolError::BufferTooSmall { .. })));
        assert_eq!(ProtocolError::BadCrc { computed: 0, received: 1 }.status(), Status::BadCrc);
        assert_eq!(ProtocolError::UnknownOpcode { code: 9 }.status(), Status::UnknownOpcode);
        assert_eq!(ProtocolError::Truncated { needed: 9, got: 1 }.status(), Status::BadFrame);
    }

    #[test]
    fn error_messages() {
        assert_eq!(
            ProtocolError::BadCrc { computed: 0x1234, received: 0xABCD }.to_string(),
            "CRC mismatch: frame carries 0xabcd, its bytes give 0x1234"
        );
        assert_eq!(
            ProtocolError::Truncated { needed: 9, got: 4 }.to_string(),
            "truncated frame: 9 bytes needed, 4 received"
        );
    }
}
