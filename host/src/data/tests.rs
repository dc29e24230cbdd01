//! Dataset reader tests: IDX files written here (raw and gzip, odd sizes),
//! every malformed-input error, and the committed digits export.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A fresh, empty folder under the system temp dir (removed on drop).
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "polyhe-data-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn idx_bytes(magic: u32, dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut v = magic.to_be_bytes().to_vec();
    for d in dims {
        v.extend_from_slice(&d.to_be_bytes());
    }
    v.extend_from_slice(data);
    v
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// `n` images of `rows x cols` with pixel (i, k) = (7i + k) mod 256, and
/// labels i mod `classes`.
fn synthetic(n: usize, rows: usize, cols: usize, classes: usize) -> (Vec<u8>, Vec<u8>) {
    let px = (0..n * rows * cols).map(|j| ((j / (rows * cols)) * 7 + j % (rows * cols)) as u8).collect();
    let labels = (0..n).map(|i| (i % classes) as u8).collect();
    (px, labels)
}

fn write_split(dir: &Path, gz: bool, n: [usize; 2], rows: usize, cols: usize, classes: usize) {
    for (k, split) in ["train", "t10k"].iter().enumerate() {
        let (px, labels) = synthetic(n[k], rows, cols, classes);
        let im = idx_bytes(idx::IMAGES_MAGIC, &[n[k] as u32, rows as u32, cols as u32], &px);
        let lb = idx_bytes(idx::LABELS_MAGIC, &[n[k] as u32], &labels);
        let (im, lb, ext) = if gz { (gzip(&im), gzip(&lb), ".gz") } else { (im, lb, "") };
        std::fs::write(dir.join(format!("{split}-images-idx3-ubyte{ext}")), im).expect("write");
        std::fs::write(dir.join(format!("{split}-labels-idx1-ubyte{ext}")), lb).expect("write");
    }
}

#[test]
fn idx_split_raw_and_gzip_any_size_and_class_count() {
    for gz in [false, true] {
        let dir = TempDir::new();
        // Non-square 5x3 images, 13 classes, train 17 / test 4 samples.
        write_split(dir.path(), gz, [17, 4], 5, 3, 13);
        let (train, test) = idx::load_split(dir.path()).expect("load");
        let (px, labels) = synthetic(17, 5, 3, 13);
        assert_eq!((train.rows, train.cols, train.classes, train.max_pixel), (5, 3, 13, 255));
        assert_eq!(train.images, px);
        assert_eq!(train.labels, labels);
        assert_eq!(test.len(), 4);
        // Test labels only reach 3, yet both splits share the class count.
        assert_eq!(test.classes, 13);
        assert_eq!(train.image(16).expect("image 16"), &px[16 * 15..17 * 15]);
        assert!(train.image(17).is_none());
        let f = train.image_f32(1).expect("image 1");
        assert!((f[0] - 7.0 / 255.0).abs() < 1e-7);
    }
}

#[test]
fn gzip_is_detected_by_content_not_name() {
    let dir = TempDir::new();
    let (px, _) = synthetic(2, 2, 2, 2);
    let p = dir.path().join("images");
    std::fs::write(&p, gzip(&idx_bytes(idx::IMAGES_MAGIC, &[2, 2, 2], &px))).expect("write");
    let im = idx::read_images(&p).expect("read");
    assert_eq!((im.count, im.rows, im.cols), (2, 2, 2));
    assert_eq!(im.pixels, px);
}

#[test]
fn idx_errors_are_typed() {
    let dir = TempDir::new();
    let d = dir.path();
    let (px, _) = synthetic(3, 4, 4, 2);
    let good = idx_bytes(idx::IMAGES_MAGIC, &[3, 4, 4], &px);

    // Labels file given as images: bad magic, quoting both numbers.
    let p = d.join("labels-as-images");
    std::fs::write(&p, idx_bytes(idx::LABELS_MAGIC, &[3], &[0, 1, 0])).expect("write");
    match idx::read_images(&p) {
        Err(DataError::BadMagic { found: 0x801, expected: 0x803, .. }) => {}
        other => panic!("{other:?}"),
    }

    // Truncated data, raw and gzip.
    for gz in [false, true] {
        let p = d.join(format!("trunc{gz}"));
        let cut = &good[..good.len() - 5];
        std::fs::write(&p, if gz { gzip(cut) } else { cut.to_vec() }).expect("write");
        match idx::read_images(&p) {
            Err(DataError::Truncated { expected: 64, actual: 59, .. }) => {}
            other => panic!("gz={gz}: {other:?}"),
        }
    }
    // Truncated header.
    let p = d.join("trunc-header");
    std::fs::write(&p, &good[..9]).expect("write");
    assert!(matches!(idx::read_images(&p), Err(DataError::Truncated { expected: 16, actual: 9, .. })));
    // Empty file.
    let p = d.join("empty");
    std::fs::write(&p, []).expect("write");
    assert!(matches!(idx::read_images(&p), Err(DataError::Truncated { actual: 0, .. })));
    // Trailing bytes: wrong size.
    let p = d.join("trailing");
    let mut long = good.clone();
    long.extend_from_slice(&[1, 2, 3]);
    std::fs::write(&p, &long).expect("write");
    match idx::read_images(&p) {
        Err(e @ DataError::WrongSize { actual: 67, .. }) => assert!(e.to_string().contains("64 bytes")),
        other => panic!("{other:?}"),
    }
    // A header claiming a huge array is refused before any allocation.
    let p = d.join("huge");
    std::fs::write(&p, idx_bytes(idx::IMAGES_MAGIC, &[u32::MAX, 1 << 16, 1 << 16], &[])).expect("write");
    assert!(matches!(idx::read_images(&p), Err(DataError::BadDimensions { .. })));
    // Zero-sized images.
    let p = d.join("zero");
    std::fs::write(&p, idx_bytes(idx::IMAGES_MAGIC, &[3, 0, 4], &[])).expect("write");
    assert!(matches!(idx::read_images(&p), Err(DataError::BadDimensions { .. })));
    // Corrupt gzip stream: an I/O error naming the file.
    let p = d.join("bad.gz");
    let mut z = gzip(&good);
    let mid = z.len() / 2;
    z[mid] ^= 0xff;
    z.truncate(z.len() - 4);
    std::fs::write(&p, &z).expect("write");
    // Whatever the damage hits (header, data, CRC), the error names the file.
    let e = idx::read_images(&p).expect_err("corrupt gzip");
    assert!(e.to_string().contains("bad.gz"), "{e}");
    // Missing file.
    assert!(matches!(idx::read_images(&d.join("nope")), Err(DataError::Io { .. })));
}

#[test]
fn idx_split_mismatches_are_typed() {
    // Image and label counts differ.
    let dir = TempDir::new();
    write_split(dir.path(), false, [5, 2], 2, 2, 3);
    let lb = idx_bytes(idx::LABELS_MAGIC, &[4], &[0, 1, 2, 0]);
    std::fs::write(dir.path().join("train-labels-idx1-ubyte"), lb).expect("write");
    match idx::load_split(dir.path()) {
        Err(e @ DataError::CountMismatch { images: 5, labels: 4, .. }) => {
            assert!(e.to_string().contains("holds 5 images but"), "{e}")
        }
        other => panic!("{other:?}"),
    }
    // A missing file names the base name and the .gz alternative.
    std::fs::remove_file(dir.path().join("t10k-labels-idx1-ubyte")).expect("rm");
    write_split(dir.path(), false, [5, 2], 2, 2, 3);
    std::fs::remove_file(dir.path().join("t10k-labels-idx1-ubyte")).expect("rm");
    match idx::load_split(dir.path()) {
        Err(e @ DataError::Missing { .. }) => assert!(e.to_string().contains("t10k-labels-idx1-ubyte.gz")),
        other => panic!("{other:?}"),
    }
    // Train and test image sizes differ.
    let dir = TempDir::new();
    write_split(dir.path(), true, [3, 3], 2, 2, 2);
    let (px, _) = synthetic(3, 3, 2, 2);
    std::fs::write(dir.path().join("t10k-images-idx3-ubyte.gz"), gzip(&idx_bytes(idx::IMAGES_MAGIC, &[3, 3, 2], &px)))
        .expect("write");
    assert!(matches!(
        idx::load_split(dir.path()),
        Err(DataError::ShapeMismatch { train_rows: 2, train_cols: 2, test_rows: 3, test_cols: 2 })
    ));
}

#[test]
fn committed_digits_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/digits.bin");
    let d = digits::read(&path).expect("committed digits");
    assert_eq!(std::fs::metadata(&path).expect("stat").len(), 116_805);
    assert_eq!((d.len(), d.rows, d.cols, d.classes, d.max_pixel), (1797, 8, 8, 10, 16));
    // scikit-learn's class counts for load_digits().
    assert_eq!(d.class_counts(), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    // First record: a zero whose top row is 0 0 5 13 9 1 0 0.
    assert_eq!(d.labels[..3], [0, 1, 2]);
    assert_eq!(d.image(0).expect("image 0")[..8], [0, 0, 5, 13, 9, 1, 0, 0]);
    // Pixel sum pinned from the export script's numpy array.
    assert_eq!(d.images.iter().map(|&p| u64::from(p)).sum::<u64>(), 561_718);
    assert_eq!(bundled_digits().expect("bundled"), d);
    let (a, b) = d.split_at(1500);
    assert_eq!((a.len(), b.len()), (1500, 297));
    assert_eq!(b.image(0), d.image(1500));
}

#[test]
fn digits_errors_are_typed() {
    let p = Path::new("x.bin");
    let mut rec = vec![3u8; DIGITS_RECORD * 2];
    assert_eq!(digits::parse(p, &rec).expect("two records").len(), 2);
    assert!(matches!(digits::parse(p, &rec[..100]), Err(DataError::WrongSize { actual: 100, .. })));
    assert!(matches!(digits::parse(p, &[]), Err(DataError::WrongSize { actual: 0, .. })));
    rec[DIGITS_RECORD] = 10;
    assert!(matches!(
        digits::parse(p, &rec),
        Err(DataError::ValueOutOfRange { index: 1, what: "label", value: 10, max: 9, .. })
    ));
    rec[DIGITS_RECORD] = 9;
    rec[5] = 17;
    let e = digits::parse(p, &rec).expect_err("pixel 17");
    assert_eq!(e.to_string(), "x.bin: sample 0: pixel 17 is out of range (at most 16)");
    assert!(matches!(digits::read(Path::new("/nonexistent/digits.bin")), Err(DataError::Io { .. })));
}
