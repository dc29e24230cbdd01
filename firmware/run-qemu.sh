#!/usr/bin/env bash
# Cargo runner for the firmware: boots an ELF on QEMU's mps2-an386
# (Cortex-M4F) with semihosting, decodes its defmt output with defmt-print,
# and exits with QEMU's status (the firmware's semihosting exit code: 0 on
# success). `timeout` turns a hang (e.g. a fault loop) into a failure.
# Usage: run-qemu.sh ELF [ARGS...]   (extra arguments are ignored)
set -uo pipefail

elf=${1:?usage: run-qemu.sh ELF}
limit=${POLYHE_QEMU_TIMEOUT:-300}
# POLYHE_QEMU_ICOUNT=0 adds `-icount shift=0` (one instruction per virtual
# ns): deterministic SysTick counts for the demo's instruction figures.
icount=()
if [ -n "${POLYHE_QEMU_ICOUNT:-}" ]; then
    icount=(-icount "shift=${POLYHE_QEMU_ICOUNT}")
fi

defmt_print=$(command -v defmt-print || echo "$HOME/.cargo/bin/defmt-print")
if [ ! -x "$defmt_print" ]; then
    echo "run-qemu.sh: defmt-print not found; install it with 'cargo install defmt-print --locked'" >&2
    exit 127
fi

timeout --kill-after=5 "$limit" \
    qemu-system-arm -cpu cortex-m4 -machine mps2-an386 -nographic \
    -semihosting-config enable=on,target=native "${icount[@]}" -kernel "$elf" \
    | "$defmt_print" -e "$elf"
status=("${PIPESTATUS[@]}")

if [ "${status[0]}" = 124 ] || [ "${status[0]}" = 137 ]; then
    echo "run-qemu.sh: $elf did not exit within ${limit}s (hang or fault loop)" >&2
fi
if [ "${status[0]}" != 0 ]; then
    exit "${status[0]}"
fi
# A decoder failure must not pass for success: the log would be unreadable.
exit "${status[1]}"
