//! polyhe-tests: cross-crate tests live in `tests/tests/`.
#![deny(missing_docs)]
