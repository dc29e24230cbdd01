//! Running the firmware under QEMU from host tests: finding the tools and
//! waiting for the files the firmware writes through semihosting.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `tool` on `PATH`, if there.
pub fn on_path(tool: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|p| std::env::split_paths(&p).map(|d| d.join(tool)).find(|f| f.is_file()))
}

/// `defmt-print`, on `PATH` or where `cargo install` puts it.
pub fn defmt_print() -> Option<PathBuf> {
    on_path("defmt-print").or_else(|| {
        let p = PathBuf::from(std::env::var_os("HOME")?).join(".cargo/bin/defmt-print");
        p.is_file().then_some(p)
    })
}

/// Waits until `path` exists; panics with the firmware's log if it exits
/// first, or after `limit`.
pub fn wait_for(path: &Path, child: &mut std::process::Child, limit: Duration, log: &Path) {
    let start = Instant::now();
    while !path.exists() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "the firmware exited ({status}) before writing {}:\n{}",
                path.display(),
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        assert!(start.elapsed() < limit, "no {} after {limit:?}", path.display());
        std::thread::sleep(Duration::from_millis(50));
    }
}
