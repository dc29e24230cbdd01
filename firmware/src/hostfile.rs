//! Files on the debugging host through ARM semihosting (QEMU's
//! `-semihosting-config enable=on,target=native`): the firmware's stand-in
//! for a UART or external flash when it exchanges ciphertexts with the
//! host. Paths are relative to QEMU's working directory.

use cortex_m_semihosting::syscall;
use polyhe_core::ckks::wire::ByteSource;
use polyhe_core::{Error, Result};

/// An open host file.
#[derive(Debug)]
pub struct HostFile {
    fd: usize,
}

fn io_error(reason: &'static str) -> Error {
    Error::InvalidArgument { reason }
}

impl HostFile {
    /// Opens `path` (a NUL-terminated byte string) with the semihosting
    /// mode `mode` (0 = "r", 1 = "rb", 4 = "w", 5 = "wb").
    fn open_mode(path: &[u8], mode: usize) -> Result<Self> {
        if path.last() != Some(&0) {
            return Err(io_error("semihosting paths end with a NUL byte"));
        }
        // SAFETY: OPEN reads `path.len() - 1` bytes from a valid buffer.
        let fd = unsafe { syscall!(OPEN, path.as_ptr(), mode, path.len() - 1) };
        if fd == usize::MAX {
            return Err(io_error("semihosting: could not open the host file"));
        }
        Ok(Self { fd })
    }

    /// Opens `path` (NUL-terminated) for reading (binary).
    pub fn open(path: &[u8]) -> Result<Self> {
        Self::open_mode(path, 1)
    }

    /// Creates or truncates `path` (NUL-terminated) for writing (binary).
    pub fn create(path: &[u8]) -> Result<Self> {
        Self::open_mode(path, 5)
    }

    /// Writes all of `bytes`.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        // SAFETY: WRITE reads `bytes.len()` bytes from a valid buffer;
        // it returns the number of bytes NOT written.
        let left = unsafe { syscall!(WRITE, self.fd, bytes.as_ptr(), bytes.len()) };
        if left != 0 {
            return Err(io_error("semihosting: short write to the host file"));
        }
        Ok(())
    }
}

impl ByteSource for HostFile {
    fn byte_len(&mut self) -> Result<usize> {
        // SAFETY: FLEN takes the handle only.
        let n = unsafe { syscall!(FLEN, self.fd) };
        if (n as isize) < 0 {
            return Err(io_error("semihosting: could not read the host file's length"));
        }
        Ok(n)
    }

    fn read_at(&mut self, offset: usize, buf: &mut [u8]) -> Result<()> {
        // SAFETY: SEEK takes the handle and an absolute position.
        if unsafe { syscall!(SEEK, self.fd, offset) } != 0 {
            return Err(io_error("semihosting: seek failed"));
        }
        // SAFETY: READ writes at most `buf.len()` bytes into a valid,
        // exclusive buffer; it returns the number of bytes NOT read.
        let left = unsafe { syscall!(READ, self.fd, buf.as_mut_ptr(), buf.len()) };
        if left != 0 {
            return Err(Error::FileFormat {
                expected: "ciphertext",
                reason: "the file is truncated or its header is corrupted",
            });
        }
        Ok(())
    }
}

impl Drop for HostFile {
    fn drop(&mut self) {
        // SAFETY: CLOSE takes the handle only; errors are ignored.
        unsafe {
            syscall!(CLOSE, self.fd);
        }
    }
}
