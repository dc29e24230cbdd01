#!/usr/bin/env python3
"""Export scikit-learn's bundled digits (8x8, 1797 samples) to host/data/digits.bin.

Format: no header; 1797 records of 65 bytes each, in scikit-learn's order:
byte 0 is the label (0..=9), bytes 1..=64 the pixels row by row, each an
integer count 0..=16 (the UCI data's 4x4-block counts). 116,805 bytes.

Only needed to regenerate the file: tests and the bundled model read the
committed file (polyhe_host::data::digits). Run from the repository root:

    pip install scikit-learn && python3 scripts/export_digits.py
"""
import hashlib
import pathlib
import sys

import numpy as np
from sklearn.datasets import load_digits


def main() -> int:
    d = load_digits()
    images = d.data
    labels = d.target
    assert images.shape == (1797, 64), images.shape
    # The pixels are small integers stored as floats: refuse anything else
    # rather than rounding silently.
    assert np.all(images == np.round(images)) and images.min() >= 0 and images.max() <= 16
    assert labels.min() >= 0 and labels.max() <= 9
    rec = np.concatenate([labels[:, None], images], axis=1).astype(np.uint8)
    out = pathlib.Path(__file__).resolve().parent.parent / "host" / "data" / "digits.bin"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(rec.tobytes())
    print(f"{out}: {rec.nbytes} bytes, sha256 {hashlib.sha256(rec.tobytes()).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
