//! The firmware's accelerator driver (`polyhe_core::accel::spi::SpiNtt`,
//! feature `spi`) against a model of the accelerator behind the
//! `embedded-hal` 1.0 `SpiDevice` trait: the real frame interpreter
//! (`polyhe_fpga::device::Device`, the rust-hdl simulation of the core)
//! answering the bytes the driver clocks out. Checked: transforms
//! bit-identical to `CpuNtt`; a silent device, corrupted responses, bus
//! errors and a failure in the middle of a read-back all fall back to the
//! CPU with the same results and are counted; degrees the device does not
//! take run on the CPU.

use std::collections::VecDeque;

use embedded_hal::spi::{ErrorKind, ErrorType, Operation, SpiDevice};
use polyhe_core::accel::protocol::{request_frame_len, MAX_CHUNK_WORDS, REQUEST_HEADER_LEN};
use polyhe_core::accel::spi::{SpiNtt, SpiStats};
use polyhe_core::arith::NttPrimes;
use polyhe_core::ntt::{CpuNtt, NttEngine, NttTable};
use polyhe_fpga::device::Device;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha20Rng;

/// What the model does wrong.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Fault {
    None,
    /// Never answers (the MISO line idles at 0xFF).
    Silent,
    /// Flips a payload bit in every `k`-th response.
    CorruptEvery(usize),
    /// Every `k`-th transaction fails on the bus.
    BusErrorEvery(usize),
    /// Corrupts the `k`-th `ReadSlot` response (a failure mid read-back).
    CorruptReadSlot(usize),
}

struct ModelSpi {
    device: Device,
    request: Vec<u8>,
    pending: VecDeque<u8>,
    fault: Fault,
    responses: usize,
    transactions: usize,
    read_slots: usize,
    /// `LoadTwiddles` frames received per table (forward, inverse).
    twiddle_frames: [usize; 2],
}

impl ModelSpi {
    fn new(fault: Fault) -> Self {
        Self {
            device: Device::new(),
            request: Vec::new(),
            pending: VecDeque::new(),
            fault,
            responses: 0,
            transactions: 0,
            read_slots: 0,
            twiddle_frames: [0; 2],
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        self.request.extend_from_slice(bytes);
        while self.request.len() >= REQUEST_HEADER_LEN {
            let Ok(len) = request_frame_len(&self.request[..REQUEST_HEADER_LEN]) else {
                self.request.clear();
                return;
            };
            if self.request.len() < len {
                return;
            }
            let frame: Vec<u8> = self.request.drain(..len).collect();
            let mut response = self.device.handle_to_vec(&frame);
            self.responses += 1;
            if frame[2] == 0x21 {
                self.read_slots += 1;
            }
            if frame[2] == 0x11 {
                self.twiddle_frames[usize::from(frame[5])] += 1;
            }
            let corrupt = match self.fault {
                Fault::CorruptEvery(k) => self.responses.is_multiple_of(k),
                Fault::CorruptReadSlot(k) => frame[2] == 0x21 && self.read_slots == k,
                _ => false,
            };
            if corrupt {
                let last = response.len() - 3;
                response[last] ^= 0x10;
            }
            if self.fault != Fault::Silent {
                self.pending.extend(response);
            }
        }
    }
}

#[derive(Debug)]
struct BusError;

impl embedded_hal::spi::Error for BusError {
    fn kind(&self) -> ErrorKind {
        ErrorKind::Other
    }
}

impl ErrorType for ModelSpi {
    type Error = BusError;
}

impl SpiDevice for ModelSpi {
    fn transaction(&mut self, ops: &mut [Operation<'_, u8>]) -> Result<(), BusError> {
        self.transactions += 1;
        if let Fault::BusErrorEvery(k) = self.fault {
            if self.transactions.is_multiple_of(k) {
                return Err(BusError);
            }
        }
        for op in ops {
            match op {
                Operation::Write(b) => self.write(b),
                Operation::Read(buf) => buf.iter_mut().for_each(|x| *x = self.pending.pop_front().unwrap_or(0xFF)),
                Operation::Transfer(r, w) => {
                    self.write(w);
                    r.iter_mut().for_each(|x| *x = self.pending.pop_front().unwrap_or(0xFF));
                }
                Operation::TransferInPlace(buf) => {
                    let w = buf.to_vec();
                    self.write(&w);
                    buf.iter_mut().for_each(|x| *x = self.pending.pop_front().unwrap_or(0xFF));
                }
                Operation::DelayNs(_) => {}
            }
        }
        Ok(())
    }
}

const N: usize = 1024;

fn tables(count: usize) -> Vec<NttTable<'static>> {
    NttPrimes::new(30, N).unwrap().take(count).map(|q| NttTable::new(N, q).unwrap()).collect()
}

fn random_poly(rng: &mut ChaCha20Rng, tables: &[NttTable]) -> Vec<u32> {
    tables.iter().flat_map(|t| (0..t.n()).map(|_| rng.next_u32() % t.q()).collect::<Vec<_>>()).collect()
}

/// Forward then inverse of two limbs over two primes through `engine`,
/// compared with the CPU engine bit for bit.
fn check_against_cpu(engine: &impl NttEngine, seed: u64) {
    let t = tables(2);
    let mut rng = ChaCha20Rng::seed_from_u64(seed);
    let a = random_poly(&mut rng, &t);
    let (mut x, mut y) = (a.clone(), a.clone());
    engine.forward(&t, &mut x).unwrap();
    CpuNtt.forward(&t, &mut y).unwrap();
    assert_eq!(x, y, "forward");
    engine.inverse(&t, &mut x).unwrap();
    CpuNtt.inverse(&t, &mut y).unwrap();
    assert_eq!(x, y, "inverse");
    assert_eq!(x, a);
}

#[test]
fn spi_engine_is_bit_identical_to_the_cpu() {
    let spi = SpiNtt::<_, N>::new(ModelSpi::new(Fault::None));
    let info = spi.status().unwrap();
    assert!(info.max_log_n >= 10, "{info:?}");
    check_against_cpu(&spi, 1);
    let s = spi.stats();
    assert_eq!(s, SpiStats { offloaded: 4, fell_back: 0, unsupported: 0, timeouts: 0, twiddle_loads: 4 });
    assert_eq!(spi.capabilities().name, "fpga-spi");
    // A negacyclic product through the default `multiply` (device NTTs,
    // CPU pointwise) equals the CPU's.
    let t = tables(1);
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    let (mut a, mut b) = (random_poly(&mut rng, &t), random_poly(&mut rng, &t));
    let (mut a2, mut b2) = (a.clone(), b.clone());
    spi.multiply(&t, &mut a, &mut b).unwrap();
    CpuNtt.multiply(&t, &mut a2, &mut b2).unwrap();
    assert_eq!((a, b), (a2, b2));
    // Each table was sent only when a transform read it: forwards over two
    // primes, inverses over them, then the product's two forwards and
    // inverse over the first prime (configured again).
    let per_table = N / (MAX_CHUNK_WORDS / 2);
    assert_eq!(spi.stats().twiddle_loads, 5);
    assert_eq!(spi.release().twiddle_frames, [3 * per_table, 3 * per_table]);
}

#[test]
fn silent_device_times_out_and_falls_back() {
    let spi = SpiNtt::<_, N>::with_poll_limit(ModelSpi::new(Fault::Silent), 200);
    assert!(spi.status().is_err());
    check_against_cpu(&spi, 3);
    let s = spi.stats();
    assert_eq!((s.offloaded, s.fell_back, s.timeouts), (0, 4, 4), "{s:?}");
}

#[test]
fn corrupted_frames_and_bus_errors_fall_back_with_identical_results() {
    for fault in [Fault::CorruptEvery(5), Fault::BusErrorEvery(150), Fault::CorruptReadSlot(2)] {
        let spi = SpiNtt::<_, N>::with_poll_limit(ModelSpi::new(fault), 10_000);
        check_against_cpu(&spi, 4);
        let s = spi.stats();
        assert!(s.fell_back >= 1 && s.offloaded + s.fell_back == 4, "{fault:?}: {s:?}");
        assert_eq!(s.timeouts, 0, "{fault:?}: {s:?}");
        if fault != Fault::CorruptEvery(5) {
            // The driver recovers: later limbs run on the device again.
            assert!(s.offloaded >= 1, "{fault:?}: {s:?}");
        }
    }
}

#[test]
fn degrees_beyond_the_driver_or_device_run_on_the_cpu() {
    // The driver's buffer holds 512 words: N = 1024 runs on the CPU.
    let spi = SpiNtt::<_, 512>::new(ModelSpi::new(Fault::None));
    check_against_cpu(&spi, 5);
    let s = spi.stats();
    assert_eq!((s.offloaded, s.unsupported), (0, 4), "{s:?}");
}
