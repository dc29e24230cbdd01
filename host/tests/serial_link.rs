//! The serial link (`--engine fpga:<port>`) end to end over a
//! pseudo-terminal: `FpgaNtt<SerialLink>` on one end, the emulated board
//! (the simulated accelerator behind `accel::emulator::serve`) on the
//! other. Bit-identical results with `CpuNtt`; a missing port, a silent
//! board and line noise fall back or recover as documented.
#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

mod common;

use common::{assert_matches_cpu, random_rns, tables};
use polyhe_core::ntt::{CpuNtt, NttEngine};
use polyhe_fpga::device::Device;
use polyhe_host::accel::driver::{BACKOFF_AFTER, BACKOFF_FIRST};
use polyhe_host::accel::emulator::{serve, ServeStats};
use polyhe_host::accel::{engine_from_spec, FpgaNtt, SerialConfig, SerialLink};
use serialport::{SerialPort, TTYPort};

/// Writes `junk` before every response: line noise the link must skip.
struct Noisy<S> {
    inner: S,
    junk: &'static [u8],
}

impl<S: Read> Read for Noisy<S> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl<S: Write> Write for Noisy<S> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write_all(self.junk)?;
        self.inner.write_all(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// An emulated board on a fresh pseudo-terminal: its port name, the stop
/// flag and the serving thread. `junk` goes before every response.
fn board(junk: &'static [u8]) -> (String, Arc<AtomicBool>, JoinHandle<ServeStats>, TTYPort) {
    let (mut master, slave) = TTYPort::pair().expect("a pseudo-terminal pair");
    let name = slave.name().expect("the pty's name");
    master.set_timeout(Duration::from_millis(20)).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        let mut device = Device::new();
        let mut line = Noisy { inner: master, junk };
        serve(&mut device, &mut line, &flag).expect("the emulator's line")
    });
    (name, stop, thread, slave)
}

fn config(port: &str, timeout_ms: u64) -> SerialConfig {
    SerialConfig { timeout: Duration::from_millis(timeout_ms), ..SerialConfig::new(port) }
}

#[test]
fn offloads_bit_identically_over_a_pty() {
    let (port, stop, thread, _slave) = board(b"");
    let link = SerialLink::open(config(&port, 10_000)).expect("open the pty");
    assert!(link.is_open());
    let fpga = FpgaNtt::new(link);
    let info = fpga.device_info().expect("the board answers Status");
    assert_eq!(info.version, polyhe_core::accel::protocol::VERSION);
    let t = tables(1024, 2);
    assert_matches_cpu(&fpga, &t, 1);
    let s = fpga.stats();
    // forward + inverse + product, per limb.
    assert_eq!((s.offloaded, s.fell_back, s.unsupported), (6, 0, 0), "{s:?}");
    // Degrees the board does not hold are the CPU's, without traffic.
    assert_matches_cpu(&fpga, &tables(1 << 14, 1), 2);
    assert_eq!(fpga.stats().unsupported, 3);
    stop.store(true, Ordering::Relaxed);
    let served = thread.join().unwrap();
    assert!(served.frames > 10 && served.skipped == 0, "{served:?}");
}

#[test]
fn skips_line_noise_before_responses() {
    // Junk containing no response sync byte (0x5A) but a request sync byte.
    let (port, stop, thread, _slave) = board(b"\x00\xff\xa5 noise\r\n");
    let fpga = FpgaNtt::new(SerialLink::new(config(&port, 10_000)));
    assert_matches_cpu(&fpga, &tables(1024, 1), 3);
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.fell_back), (3, 0), "{s:?}");
    stop.store(true, Ordering::Relaxed);
    thread.join().unwrap();
}

#[test]
fn a_missing_port_is_a_clear_error_or_a_counted_fallback() {
    let missing = "/dev/polyhe-no-such-port";
    let err = SerialLink::open(config(missing, 100)).err().expect("no such port");
    let msg = err.to_string();
    assert!(msg.contains(missing) && msg.contains("check that the board is connected"), "{msg}");
    // Through --engine: the engine builds, the CPU does the work.
    let engine = engine_from_spec(&format!("fpga:{missing}")).unwrap();
    let t = tables(1024, 3);
    assert_matches_cpu(engine.ntt.as_ref(), &t, 4);
    let s = engine.stats().unwrap();
    assert_eq!((s.offloaded, s.fell_back), (0, 9), "{s:?}");
    // After BACKOFF_AFTER failures the port is not even tried.
    assert_eq!(s.rested, 9 - u64::from(BACKOFF_AFTER), "{s:?}");
}

#[test]
fn a_silent_board_times_out_then_rests() {
    // A pty with nobody answering.
    let (master, slave) = TTYPort::pair().unwrap();
    let port = slave.name().unwrap();
    let fpga = FpgaNtt::new(SerialLink::new(config(&port, 50)));
    let t = tables(1024, 2);
    assert_matches_cpu(&fpga, &t, 5);
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.fell_back), (0, 6), "{s:?}");
    assert_eq!(s.rested, 6 - u64::from(BACKOFF_AFTER), "only the first attempts wait for a timeout: {s:?}");
    const { assert!(6 < BACKOFF_FIRST) };
    drop(master);
}

#[test]
fn a_board_that_answers_late_is_used_once_the_rest_is_over() {
    // Nobody serves the pty at first: two timeouts, then a rest.
    let (master, slave) = TTYPort::pair().unwrap();
    let port = slave.name().unwrap();
    let fpga = FpgaNtt::new(SerialLink::new(config(&port, 50)));
    let t = tables(1024, 1);
    let forward = |seed| {
        let a = random_rns(&t, seed);
        let (mut x, mut y) = (a.clone(), a);
        fpga.forward(&t, &mut x).unwrap();
        CpuNtt.forward(&t, &mut y).unwrap();
        assert_eq!(x, y);
    };
    for seed in 0..u64::from(BACKOFF_AFTER) {
        forward(seed);
    }
    assert_eq!(fpga.stats().fell_back, u64::from(BACKOFF_AFTER));
    // Now the board comes up; it first answers the requests that timed
    // out (stale sequence numbers the driver must skip).
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let mut master = master;
    master.set_timeout(Duration::from_millis(20)).unwrap();
    let thread = std::thread::spawn(move || serve(&mut Device::new(), &mut master, &flag).unwrap());
    fpga.with_link(|l| l.set_timeout(Duration::from_secs(10)));
    for seed in 0..BACKOFF_FIRST {
        forward(100 + seed);
    }
    let s = fpga.stats();
    assert_eq!((s.offloaded, s.rested), (0, BACKOFF_FIRST), "the rest: {s:?}");
    forward(1000);
    forward(1001);
    let s = fpga.stats();
    assert_eq!(s.offloaded, 2, "after the rest the board is used: {s:?}");
    stop.store(true, Ordering::Relaxed);
    let served = thread.join().unwrap();
    assert!(served.frames >= 2 + 2 * 3, "{served:?}");
}

#[test]
fn polyhe_fpga_emulate_serves_the_serial_link() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_polyhe"))
        .args(["fpga", "emulate"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start polyhe fpga emulate");
    let mut port = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut port).unwrap();
    let port = port.trim().to_owned();
    let result = std::panic::catch_unwind(|| {
        assert!(port.starts_with("/dev/"), "first line should be the port: {port:?}");
        let engine = engine_from_spec(&format!("fpga:{port},timeout-ms=10000")).unwrap();
        assert_matches_cpu(engine.ntt.as_ref(), &tables(1024, 1), 8);
        let s = engine.stats().unwrap();
        assert_eq!((s.offloaded, s.fell_back), (3, 0), "{s:?}");
    });
    let _ = child.kill();
    let _ = child.wait();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
