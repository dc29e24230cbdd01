//! The `polyhe` command-line program.
fn main() {}
