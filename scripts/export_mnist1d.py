#!/usr/bin/env python3
"""Export mnist1d (Greydanus 2020, PyPI `mnist1d`, Apache-2.0) to host/data/mnist1d.bin.

The data set is generated offline by the package with its default arguments
(`get_dataset_args()`: 5000 sequences of length 40, 10 classes, 80/20 split,
seed 42): 4000 training and 1000 test sequences.

Format (all little-endian), 805,028 bytes for the defaults:

    offset  size          field
    0       8             magic b"MNIST1D\\0"
    8       4             u32 format version (1)
    12      4             u32 training sequences  n_train
    16      4             u32 test sequences      n_test
    20      4             u32 sequence length     len
    24      4             u32 classes             (labels lie in 0..classes)
    28      4*n_train*len training values, f32, sequence after sequence
    ..      n_train       training labels, u8
    ..      4*n_test*len  test values, f32
    ..      n_test        test labels, u8

The values are the package's float64 values rounded to f32 (they lie in
about [-5.5, 4.6], mean 0, standard deviation 1: no further scaling).

Only needed to regenerate the file: tests and benchmarks read the
committed file (polyhe_host::train::seq). Run from the repository root:

    pip install mnist1d && python3 scripts/export_mnist1d.py
"""
import hashlib
import pathlib
import struct
import sys

import numpy as np
from mnist1d.data import get_dataset_args, make_dataset

MAGIC = b"MNIST1D\0"
VERSION = 1


def main() -> int:
    d = make_dataset(get_dataset_args())
    x, y, xt, yt = d["x"], d["y"], d["x_test"], d["y_test"]
    assert x.shape == (4000, 40) and xt.shape == (1000, 40), (x.shape, xt.shape)
    classes = int(max(y.max(), yt.max())) + 1
    assert classes == 10 and y.min() >= 0 and yt.min() >= 0
    assert np.all(np.isfinite(x)) and np.all(np.isfinite(xt))
    header = MAGIC + struct.pack("<5I", VERSION, x.shape[0], xt.shape[0], x.shape[1], classes)
    body = b"".join(
        [
            x.astype("<f4").tobytes(),
            y.astype(np.uint8).tobytes(),
            xt.astype("<f4").tobytes(),
            yt.astype(np.uint8).tobytes(),
        ]
    )
    data = header + body
    out = pathlib.Path(__file__).resolve().parent.parent / "host" / "data" / "mnist1d.bin"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(f"{out}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
