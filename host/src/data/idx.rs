//! The IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed.
//!
//! An IDX file is a big-endian header `00 00 TT DD` (`TT` = 0x08 for
//! unsigned bytes, `DD` = number of dimensions), then `DD` big-endian `u32`
//! sizes, then the data. Images are 3-dimensional (`count x rows x cols`,
//! magic 0x00000803), labels 1-dimensional (`count`, magic 0x00000801).
//! Only unsigned-byte data is read: it is what every MNIST-style set uses.
//! A file is taken as gzip when it starts with the gzip magic `1f 8b`,
//! whatever its name. Reading streams through the header first, so a
//! corrupt header cannot make the reader allocate what the file lacks.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::{DataError, Dataset, Result};

/// Magic number of an unsigned-byte, 3-dimensional IDX file (images).
pub const IMAGES_MAGIC: u32 = 0x0000_0803;
/// Magic number of an unsigned-byte, 1-dimensional IDX file (labels).
pub const LABELS_MAGIC: u32 = 0x0000_0801;
/// The largest data section accepted (4 GiB): a guard against a corrupt
/// header, far above any MNIST-style set (Fashion-MNIST's is 47 MB).
pub const MAX_DATA_BYTES: u64 = 1 << 32;

/// The standard base names of the four files of an MNIST-style folder, in
/// the order train images, train labels, test images, test labels.
pub const STANDARD_NAMES: [&str; 4] =
    ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

/// Images read from an IDX file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdxImages {
    /// Number of images.
    pub count: usize,
    /// Image height in pixels (>= 1).
    pub rows: usize,
    /// Image width in pixels (>= 1).
    pub cols: usize,
    /// `count * rows * cols` pixels, 0..=255, row-major, image after image.
    pub pixels: Vec<u8>,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> DataError + '_ {
    move |source| DataError::Io { path: path.to_owned(), source }
}

/// Opens `path` as a byte stream, decompressing when it starts with the
/// gzip magic.
fn open(path: &Path) -> Result<Box<dyn Read>> {
    let mut f = BufReader::new(File::open(path).map_err(io_err(path))?);
    let mut head = [0u8; 2];
    let n = read_full(&mut f, &mut head).map_err(io_err(path))?;
    let prefix = std::io::Cursor::new(head[..n].to_vec());
    let chained = prefix.chain(f);
    if n == 2 && head == [0x1f, 0x8b] {
        // Multi-member: `gzip a b > c` style files decode whole.
        Ok(Box::new(flate2::read::MultiGzDecoder::new(chained)))
    } else {
        Ok(Box::new(chained))
    }
}

/// Reads until `buf` is full or the stream ends; returns the bytes read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Reads one unsigned-byte IDX array with the given magic; returns its
/// dimensions and data.
fn read_array(path: &Path, mut r: impl Read, magic: u32, what: &'static str) -> Result<(Vec<u32>, Vec<u8>)> {
    let ndims = (magic & 0xff) as usize;
    let header_len = 4 + 4 * ndims as u64;
    let mut head = [0u8; 4];
    let got = read_full(&mut r, &mut head).map_err(io_err(path))?;
    if got < 4 {
        return Err(DataError::Truncated { path: path.to_owned(), expected: header_len, actual: got as u64 });
    }
    let found = u32::from_be_bytes(head);
    if found != magic {
        return Err(DataError::BadMagic { path: path.to_owned(), found, expected: magic, what });
    }
    let mut dim_bytes = vec![0u8; 4 * ndims];
    let got = read_full(&mut r, &mut dim_bytes).map_err(io_err(path))?;
    if got < dim_bytes.len() {
        return Err(DataError::Truncated { path: path.to_owned(), expected: header_len, actual: 4 + got as u64 });
    }
    let dims: Vec<u32> = dim_bytes.chunks_exact(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]])).collect();
    let bad = |reason| DataError::BadDimensions { path: path.to_owned(), dims: dims.clone(), reason };
    if dims.iter().skip(1).any(|&d| d == 0) {
        return Err(bad("an image dimension is zero"));
    }
    let data_len = dims.iter().try_fold(1u64, |acc, &d| acc.checked_mul(u64::from(d))).unwrap_or(u64::MAX);
    if data_len > MAX_DATA_BYTES {
        return Err(bad("the data would exceed 4 GiB: the header is corrupt"));
    }
    // `take` + `read_to_end` grows the buffer only as bytes arrive.
    let mut data = Vec::new();
    (&mut r).take(data_len).read_to_end(&mut data).map_err(io_err(path))?;
    if (data.len() as u64) < data_len {
        return Err(DataError::Truncated {
            path: path.to_owned(),
            expected: header_len + data_len,
            actual: header_len + data.len() as u64,
        });
    }
    let mut extra = [0u8; 1];
    if read_full(&mut r, &mut extra).map_err(io_err(path))? > 0 {
        let mut rest = Vec::new();
        r.read_to_end(&mut rest).map_err(io_err(path))?;
        return Err(DataError::WrongSize {
            path: path.to_owned(),
            actual: header_len + data_len + 1 + rest.len() as u64,
            reason: format!("the header promises {} bytes: trailing data after the array", header_len + data_len),
        });
    }
    Ok((dims, data))
}

/// Reads an image file (`*-images-idx3-ubyte`, raw or gzip).
pub fn read_images(path: &Path) -> Result<IdxImages> {
    let (dims, pixels) = read_array(path, open(path)?, IMAGES_MAGIC, "unsigned bytes, 3 dimensions: images")?;
    Ok(IdxImages { count: dims[0] as usize, rows: dims[1] as usize, cols: dims[2] as usize, pixels })
}

/// Reads a label file (`*-labels-idx1-ubyte`, raw or gzip).
pub fn read_labels(path: &Path) -> Result<Vec<u8>> {
    Ok(read_array(path, open(path)?, LABELS_MAGIC, "unsigned bytes, 1 dimension: labels")?.1)
}

/// Reads an image file and its label file into a [`Dataset`] whose class
/// count is one more than the largest label (at least `min_classes`).
pub fn read_pair(images_path: &Path, labels_path: &Path, min_classes: usize) -> Result<Dataset> {
    let im = read_images(images_path)?;
    let labels = read_labels(labels_path)?;
    if im.count != labels.len() {
        return Err(DataError::CountMismatch {
            images_path: images_path.to_owned(),
            images: im.count,
            labels_path: labels_path.to_owned(),
            labels: labels.len(),
        });
    }
    let classes = labels.iter().map(|&l| usize::from(l) + 1).max().unwrap_or(0).max(min_classes);
    Ok(Dataset { rows: im.rows, cols: im.cols, classes, max_pixel: u8::MAX, images: im.pixels, labels })
}

/// Finds `dir/name`, else `dir/name.gz`.
pub fn find(dir: &Path, name: &str) -> Result<PathBuf> {
    let raw = dir.join(name);
    if raw.is_file() {
        return Ok(raw);
    }
    let gz = dir.join(format!("{name}.gz"));
    if gz.is_file() {
        return Ok(gz);
    }
    Err(DataError::Missing { dir: dir.to_owned(), name: name.to_owned() })
}

/// Loads the train and test splits of an MNIST-style folder (the four
/// [`STANDARD_NAMES`], each raw or `.gz`). Both splits get the same class
/// count (one more than the largest label in either) and must have the
/// same image size.
pub fn load_split(dir: &Path) -> Result<(Dataset, Dataset)> {
    let [tri, trl, tei, tel] = STANDARD_NAMES;
    let mut train = read_pair(&find(dir, tri)?, &find(dir, trl)?, 0)?;
    let mut test = read_pair(&find(dir, tei)?, &find(dir, tel)?, 0)?;
    if (train.rows, train.cols) != (test.rows, test.cols) {
        return Err(DataError::ShapeMismatch {
            train_rows: train.rows,
            train_cols: train.cols,
            test_rows: test.rows,
            test_cols: test.cols,
        });
    }
    let classes = train.classes.max(test.classes);
    train.classes = classes;
    test.classes = classes;
    Ok((train, test))
}
