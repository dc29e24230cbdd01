//! Instruction counts from SysTick under QEMU `-icount shift=0`.
//!
//! QEMU has no cycle counter (the DWT reads 0). With `-icount shift=0`
//! every guest instruction advances virtual time by 1 ns, and SysTick,
//! clocked from the core clock (25 MHz on `mps2-an386`), ticks once per
//! 40 instructions. [`calibrate`] measures that ratio with a loop of known
//! length rather than assuming it; [`instructions`] converts ticks.
//!
//! These are counts of executed instructions, not cycles of a real chip:
//! a Cortex-M4 takes 1 to several cycles per instruction (loads, branches,
//! flash wait states), so real time is longer than `count / f_clk`.
//! Without `-icount` the ticks follow host time and mean nothing.

use core::sync::atomic::{AtomicU32, Ordering};

use cortex_m::peripheral::syst::SystClkSource;
use cortex_m::peripheral::SYST;
use cortex_m_rt::exception;

/// SysTick reload: the full 24 bits.
const RELOAD: u32 = 0x00FF_FFFF;

/// Counter wraps since [`start`].
static WRAPS: AtomicU32 = AtomicU32::new(0);

#[exception]
fn SysTick() {
    WRAPS.fetch_add(1, Ordering::Relaxed);
}

/// Starts SysTick on the core clock with its wrap interrupt (which
/// extends the 24-bit counter); [`ticks`] counts from here.
pub fn start(syst: &mut SYST) {
    syst.disable_counter();
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(RELOAD);
    syst.clear_current();
    WRAPS.store(0, Ordering::Relaxed);
    syst.enable_interrupt();
    syst.enable_counter();
    // Clearing leaves the counter at 0 until its first tick reloads it;
    // a read then would look like the end of a full period.
    while SYST::get_current() == 0 {}
}

/// SysTick ticks since [`start`] (64-bit, wraps included).
pub fn ticks() -> u64 {
    loop {
        let w = WRAPS.load(Ordering::Relaxed);
        let cur = SYST::get_current();
        // A wrap between the two reads (the interrupt ran): read again.
        if WRAPS.load(Ordering::Relaxed) == w {
            return u64::from(w) * u64::from(RELOAD + 1) + u64::from(RELOAD - cur);
        }
    }
}

/// Runs `2 * iterations` instructions (`subs` + `bne` per iteration).
#[inline(never)]
fn known_loop(iterations: u32) {
    // SAFETY: a register-only countdown loop.
    unsafe {
        core::arch::asm!(
            "1:",
            "subs {0}, {0}, #1",
            "bne 1b",
            inout(reg) iterations => _,
            options(nomem, nostack),
        );
    }
}

/// Instructions per SysTick tick, measured on a loop of 20 million
/// instructions (rounded to the nearest integer; 40 on `mps2-an386` with
/// `-icount shift=0`). Call after [`start`].
pub fn calibrate() -> u32 {
    const ITER: u32 = 10_000_000;
    let t0 = ticks();
    known_loop(ITER);
    let dt = ticks() - t0;
    if dt == 0 {
        return 0;
    }
    ((2 * u64::from(ITER) + dt / 2) / dt) as u32
}

/// Ticks to instructions at `per_tick` instructions a tick.
pub fn instructions(ticks: u64, per_tick: u32) -> u64 {
    ticks * u64::from(per_tick)
}
