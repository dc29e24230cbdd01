//! `FpgaNtt` against `CpuNtt`: bit-identical results on the simulated
//! accelerator, with and without injected faults.
//!
//! The rust-hdl simulation runs about 10^5 cycles per second, so default
//! cases use one or two limbs at `N = 1024` (a forward limb is about 9,000
//! cycles with the twiddle load); larger ones are `#[ignore]`d:
//! `cargo test -p polyhe-host --test accel -- --ignored`.

mod common;

use common::{assert_matches_cpu, random_rns, tables};
use polyhe_core::ntt::{CpuNtt, NttEngine};
use std::sync::{Arc, Mutex};

use polyhe_core::accel::protocol::{Opcode, MAX_CHUNK_WORDS};
use polyhe_host::accel::{Fault, FaultyLink, FpgaNtt, Link, SimLink};

#[test]
fn sim_matches_cpu_at_n1024_one_limb_and_caches_twiddles() {
    let fpga = FpgaNtt::new(SimLink::new());
    let t = tables(1024, 1);
    assert_matches_cpu(&fpga, &t, 1);
    let s = fpga.stats();
    // Forward, inverse, product: one prime, loaded once.
    assert_eq!((s.offloaded, s.fell_back, s.unsupported, s.twiddle_loads), (3, 0, 0, 1), "{s:?}");
    let caps = fpga.capabilities();
    assert_eq!((caps.name, caps.max_n, caps.fused_multiply), ("fpga-sim", 1 << 13, true));
}

/// `LoadTwiddles` frames per table (forward, inverse) on their way to the
/// simulated device.
struct TwiddleCounter {
    inner: SimLink,
    frames: Arc<Mutex<[usize; 2]>>,
}

impl Link for TwiddleCounter {
    type Error = <SimLink as Link>::Error;

    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn send(&mut self, frame: &[u8]) -> Result<(), Self::Error> {
        // A5 | seq | opcode | len (2) | table | ...
        if frame.get(2) == Some(&(Opcode::LoadTwiddles as u8)) {
            self.frames.lock().unwrap()[usize::from(frame[5])] += 1;
        }
        self.inner.send(frame)
    }

    fn receive(&mut self, frame: &mut Vec<u8>) -> Result<(), Self::Error> {
        self.inner.receive(frame)
    }
}

#[test]
fn twiddle_tables_are_loaded_when_an_operation_reads_them() {
    let frames = Arc::new(Mutex::new([0; 2]));
    let fpga = FpgaNtt::new(TwiddleCounter { inner: SimLink::new(), frames: frames.clone() });
    let t = tables(1024, 2);
    let per_table = 1024 / (MAX_CHUNK_WORDS / 2);
    let a = random_rns(&t, 5);
    let (mut x, mut y) = (a.clone(), a.clone());
    // Forward transforms alternating between two primes: forward tables only.
    for _ in 0..2 {
        fpga.forward(&t, &mut x).unwrap();
        CpuNtt.forward(&t, &mut y).unwrap();
    }
    assert_eq!(x, y);
    assert_eq!(*frames.lock().unwrap(), [4 * per_table, 0]);
    assert_eq!(fpga.stats().twiddle_loads, 4);
    // Inverses: each prime configured again, its inverse table loaded.
    fpga.inverse(&t, &mut x).unwrap();
    CpuNtt.inverse(&t, &mut y).unwrap();
    assert_eq!(x, y);
    assert_eq!(*frames.lock().unwrap(), [4 * per_table, 2 * per_table]);
    // A product at the prime still configured (the second) adds its
    // forward table, without configuring again.
    let (mut pa, mut pb) = (x[1024..].to_vec(), a[1024..].to_vec());
    let (mut qa, mut qb) = (pa.clone(), pb.clone());
    fpga.multiply(&t[1..], &mut pa, &mut pb).unwrap();
    CpuNtt.multiply(&t[1..], &mut qa, &mut qb).unwrap();
    assert_eq!((pa, pb), (qa, qb));
    assert_eq!(*frames.lock().unwrap(), [5 * per_table, 2 * per_table]);
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.fell_back, s.twiddle_loads), (7, 0, 6), "{s:?}");
}

#[test]
fn four_lane_sim_matches_cpu_in_fewer_cycles() {
    let t = tables(1024, 1);
    let mut cycles = Vec::new();
    for lanes in [1, 4] {
        let fpga = FpgaNtt::new(SimLink::with_lanes(lanes).unwrap());
        assert_matches_cpu(&fpga, &t, 1);
        assert_eq!(fpga.stats().fell_back, 0);
        assert_eq!(fpga.device_info().unwrap().lanes, lanes);
        cycles.push(fpga.with_link(|l| l.device().cycles()));
    }
    // Simulated clock cycles (not time): the four-lane core's transforms
    // take about a quarter of the one-lane core's.
    assert!(cycles[1] < cycles[0] / 2, "{cycles:?}");
    assert!(SimLink::with_lanes(3).is_err());
}

#[test]
fn sim_matches_cpu_at_n1024_two_limbs() {
    let fpga = FpgaNtt::new(SimLink::new());
    let t = tables(1024, 2);
    let a = random_rns(&t, 3);
    let (mut x, mut y) = (a.clone(), a);
    fpga.forward(&t, &mut x).unwrap();
    CpuNtt.forward(&t, &mut y).unwrap();
    assert_eq!(x, y);
    let (mut pa, mut pb) = (random_rns(&t, 4), random_rns(&t, 5));
    let (mut qa, mut qb) = (pa.clone(), pb.clone());
    fpga.multiply(&t, &mut pa, &mut pb).unwrap();
    CpuNtt.multiply(&t, &mut qa, &mut qb).unwrap();
    assert_eq!((pa, pb), (qa, qb));
    assert_eq!(fpga.stats().offloaded, 4);
    assert_eq!(fpga.stats().fell_back, 0);
}

#[test]
fn larger_degrees_go_to_the_cpu() {
    let fpga = FpgaNtt::new(SimLink::new());
    let t = tables(1 << 14, 1);
    let a = random_rns(&t, 6);
    let (mut x, mut y) = (a.clone(), a);
    fpga.forward(&t, &mut x).unwrap();
    CpuNtt.forward(&t, &mut y).unwrap();
    assert_eq!(x, y);
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.unsupported, s.twiddle_loads), (0, 1, 0));
}

#[test]
fn shape_errors_are_the_cpu_engines() {
    let fpga = FpgaNtt::new(SimLink::new());
    let t = tables(1024, 1);
    let mut short = vec![0u32; 1000];
    assert_eq!(fpga.forward(&t, &mut short), CpuNtt.forward(&t, &mut short.clone()));
    assert!(fpga.forward(&t, &mut short).is_err());
}

/// One forward and one product through a link with `fault` every `period`
/// frames: still bit-identical, with fallbacks counted.
fn survives(fault: Fault, period: usize) {
    let fpga = FpgaNtt::new(FaultyLink::new(SimLink::new(), fault, period));
    let t = tables(1024, 1);
    let a = random_rns(&t, 10);
    let (mut x, mut y) = (a.clone(), a);
    fpga.forward(&t, &mut x).unwrap();
    CpuNtt.forward(&t, &mut y).unwrap();
    assert_eq!(x, y, "{fault:?}: forward");
    let (mut pa, mut pb) = (random_rns(&t, 11), random_rns(&t, 12));
    let (mut qa, mut qb) = (pa.clone(), pb.clone());
    fpga.multiply(&t, &mut pa, &mut pb).unwrap();
    CpuNtt.multiply(&t, &mut qa, &mut qb).unwrap();
    assert_eq!((pa, pb), (qa, qb), "{fault:?}: product");
    let injected = fpga.with_link(|l| l.injected());
    let s = fpga.stats();
    assert!(injected > 0, "{fault:?}: nothing injected");
    assert!(s.fell_back > 0, "{fault:?}: {injected} faults but no fallback: {s:?}");
    assert_eq!(s.offloaded + s.fell_back, 2, "{fault:?}: {s:?}");
}

#[test]
fn flipped_response_bits_fall_back() {
    survives(Fault::FlipResponseBit, 9);
}

#[test]
fn truncated_responses_fall_back() {
    survives(Fault::TruncateResponse, 9);
}

#[test]
fn dropped_responses_fall_back() {
    survives(Fault::DropResponse, 9);
}

#[test]
fn send_errors_fall_back() {
    survives(Fault::SendIoError, 9);
}

#[test]
fn wrong_data_with_valid_crc_is_caught_by_the_check() {
    // A corrupted coefficient in a read-back answer (valid CRC).
    survives(Fault::WrongReadData, 3);
}

#[test]
fn corrupted_requests_with_valid_crc_are_caught_by_the_check() {
    // The device computes with a wrong twiddle or coefficient.
    survives(Fault::CorruptRequestData, 7);
}

#[test]
fn a_dead_link_means_the_cpu_does_everything() {
    let fpga = FpgaNtt::new(FaultyLink::new(SimLink::new(), Fault::DropResponse, 1));
    let t = tables(1024, 2);
    let a = random_rns(&t, 20);
    let (mut x, mut y) = (a.clone(), a);
    fpga.forward(&t, &mut x).unwrap();
    CpuNtt.forward(&t, &mut y).unwrap();
    assert_eq!(x, y);
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.fell_back), (0, 2));
}

/// Three limbs at the largest on-chip degree (minutes in the simulation).
#[test]
#[ignore]
fn sim_matches_cpu_at_n8192_three_limbs() {
    let fpga = FpgaNtt::new(SimLink::new());
    assert_matches_cpu(&fpga, &tables(1 << 13, 3), 30);
    assert_eq!(fpga.stats().fell_back, 0);
}

/// Two limbs at `N = 4096` with every fault kind.
#[test]
#[ignore]
fn faults_at_n4096() {
    for fault in [Fault::FlipResponseBit, Fault::DropResponse, Fault::WrongReadData, Fault::CorruptRequestData] {
        let fpga = FpgaNtt::new(FaultyLink::new(SimLink::new(), fault, 13));
        assert_matches_cpu(&fpga, &tables(1 << 12, 2), 40);
        assert!(fpga.stats().fell_back > 0, "{fault:?}");
    }
}
