//! A board emulator: the simulated accelerator ([`Device`], the rust-hdl
//! core behind the frame interpreter) answering protocol frames on a byte
//! stream, e.g. the far end of a pseudo-terminal. `polyhe fpga emulate`
//! runs it so that `--engine fpga:<port>` and the [`super::SerialLink`]
//! can be exercised end to end without a board; the serial link's tests
//! use it the same way.
//!
//! The device end of a serial line has to find frames in a byte stream:
//! it hunts for the request sync byte, reads the header, and from the
//! length there the rest of the frame. A header too damaged to say how
//! long the frame is gets the interpreter's error response at once (as
//! the protocol asks), and the hunt starts again.

use std::io::{ErrorKind, Read, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use polyhe_core::accel::protocol::{request_frame_len, MAX_FRAME, REQUEST_HEADER_LEN, REQUEST_SYNC};
use polyhe_fpga::device::Device;

/// What [`serve`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ServeStats {
    /// Frames answered (including error responses).
    pub frames: u64,
    /// Bytes skipped while hunting for a sync byte.
    pub skipped: u64,
}

/// Why [`serve`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The stream failed (for a pseudo-terminal: the other end closed).
    #[error("emulated accelerator: the line failed: {0}")]
    Io(#[from] std::io::Error),
    /// No pseudo-terminal could be made.
    #[error("emulated accelerator: cannot create a pseudo-terminal ({0}); is /dev/ptmx available?")]
    Pty(#[from] serialport::Error),
}

/// Serves a fresh simulated device on a new pseudo-terminal until `stop`
/// is set: `announce` gets the port to give `--engine fpga:<port>`.
/// Clients may come and go (the emulator keeps the port's slave end open,
/// so a client closing it is not a hang-up).
#[cfg(unix)]
pub fn serve_pty(stop: &AtomicBool, announce: impl FnOnce(&str)) -> Result<ServeStats, ServeError> {
    use serialport::SerialPort;
    let (mut master, slave) = serialport::TTYPort::pair()?;
    let name = slave.name().ok_or_else(|| {
        ServeError::Pty(serialport::Error::new(serialport::ErrorKind::Unknown, "the pseudo-terminal has no name"))
    })?;
    // Wake up now and then to look at `stop`.
    master.set_timeout(std::time::Duration::from_millis(100))?;
    announce(&name);
    let stats = serve(&mut Device::new(), &mut master, stop);
    drop(slave);
    stats
}

/// Answers request frames read from `line` with `device`'s responses
/// until `stop` is set (checked whenever a read times out, so give the
/// stream a read timeout) or the other end hangs up (`Ok`: end of stream,
/// a broken pipe, or the `EIO` a pseudo-terminal's master reads once its
/// last user closed the port), or the stream fails otherwise (`Err`).
pub fn serve<S: Read + Write + ?Sized>(
    device: &mut Device,
    line: &mut S,
    stop: &AtomicBool,
) -> Result<ServeStats, ServeError> {
    let mut stats = ServeStats::default();
    let mut frame = vec![0u8; MAX_FRAME];
    let mut out = [0u8; MAX_FRAME];
    loop {
        // Hunt for the sync byte.
        let mut byte = [0u8; 1];
        loop {
            if !read_full(line, &mut byte, stop)? {
                return Ok(stats);
            }
            if byte[0] == REQUEST_SYNC {
                break;
            }
            stats.skipped += 1;
        }
        frame[0] = REQUEST_SYNC;
        if !read_full(line, &mut frame[1..REQUEST_HEADER_LEN], stop)? {
            return Ok(stats);
        }
        let len = match request_frame_len(&frame[..REQUEST_HEADER_LEN]) {
            Ok(total) => {
                if !read_full(line, &mut frame[REQUEST_HEADER_LEN..total], stop)? {
                    return Ok(stats);
                }
                total
            }
            // The interpreter answers a bad header with `BadFrame`.
            Err(_) => REQUEST_HEADER_LEN,
        };
        let n = device.handle(&frame[..len], &mut out);
        match line.write_all(&out[..n]).and_then(|()| line.flush()) {
            Ok(()) => stats.frames += 1,
            Err(e) if hung_up(&e) => return Ok(stats),
            Err(e) => return Err(e.into()),
        }
    }
}

/// Fills `buf`; `false` if the stream ended or `stop` was set first.
fn read_full<S: Read + ?Sized>(line: &mut S, buf: &mut [u8], stop: &AtomicBool) -> std::io::Result<bool> {
    let mut filled = 0;
    while filled < buf.len() {
        if stop.load(Ordering::Relaxed) {
            return Ok(false);
        }
        match line.read(&mut buf[filled..]) {
            Ok(0) => return Ok(false),
            Ok(k) => filled += k,
            Err(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock | ErrorKind::Interrupted) => {}
            Err(e) if hung_up(&e) => return Ok(false),
            Err(e) => return Err(e),
        }
    }
    Ok(true)
}

/// Whether `e` means the other end of the line is gone.
fn hung_up(e: &std::io::Error) -> bool {
    // EIO (5 on every Unix) is how a pty master learns the slave closed.
    e.kind() == ErrorKind::BrokenPipe || (cfg!(unix) && e.raw_os_error() == Some(5))
}
