#!/usr/bin/env bash
# Runs every polyhe test on a fresh Debian 12 machine with rustup: installs
# what is missing (idempotently), then formatting, lints, host tests, the
# no_std core build for Cortex-M4F, and the firmware's on-target tests
# under QEMU.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# --- install ---------------------------------------------------------------
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi
missing=()
for pair in yosys:yosys iverilog:iverilog verilator:verilator nextpnr-ice40:nextpnr-ice40 \
            icepack:fpga-icestorm qemu-system-arm:qemu-system-arm; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! rustup target list --installed | grep -qx thumbv7em-none-eabihf; then
    step "rustup target add thumbv7em-none-eabihf"
    rustup target add thumbv7em-none-eabihf
fi
for comp in clippy rustfmt llvm-tools; do
    rustup component list --installed | grep -q "^${comp}" || rustup component add "$comp"
done
# Decodes the firmware's defmt logs (firmware/run-qemu.sh pipes QEMU into it).
if ! command -v defmt-print >/dev/null && [ ! -x "$HOME/.cargo/bin/defmt-print" ]; then
    step "cargo install defmt-print (about 5 minutes, once)"
    cargo install defmt-print --locked
fi

# Tests that drive external tools fail (rather than skip) when these are set.
export POLYHE_REQUIRE_TOOLS=1
export CARGO_TERM_COLOR=never

# --- checks ----------------------------------------------------------------
step "cargo fmt --check"
cargo fmt --all --check
# Not --all: in firmware/ that would also check core (a path dependency),
# which the line above already does.
(cd firmware && cargo fmt --check)

step "cargo clippy -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "polyhe-core for thumbv7em-none-eabihf (no_std, with and without alloc)"
for feats in "" "--features alloc"; do
    # shellcheck disable=SC2086 # word splitting of $feats is intended
    cargo clippy -p polyhe-core --no-default-features $feats --target thumbv7em-none-eabihf -- -D warnings
    # shellcheck disable=SC2086
    cargo build -p polyhe-core --no-default-features $feats --target thumbv7em-none-eabihf
done

step "host tests"
cargo test --workspace

step "training and conversion (polyhe-host feature train: burn, about 8 minutes cold)"
cargo clippy -p polyhe-host --features train --all-targets -- -D warnings
cargo test -p polyhe-host --features train

step "firmware: clippy and on-target tests under QEMU (mps2-an386)"
# run-qemu.sh (the cargo runner) fails on a non-zero exit, a fault or a hang.
(cd firmware && cargo clippy --all-targets -- -D warnings && cargo test --release && cargo run --release)

step "all tests passed"
