//! Stack high-water gauge: fill the unused stack with a pattern at boot,
//! later find the lowest word that was overwritten.
//!
//! QEMU has no cycle counter or MPU stack guard worth relying on here, and
//! the NTT tables are large value types, so the peak stack is the figure
//! that tells whether a build fits a real board's RAM.

use core::ptr::addr_of;

const PATTERN: u32 = 0xDEAD_BEEF;
/// Left untouched below the current stack pointer: the frames of
/// [`paint`] itself and of the interrupt-free code that calls it.
const MARGIN: usize = 256;

extern "C" {
    // From cortex-m-rt's link.x: the stack grows down from `_stack_start`
    // (top of RAM) towards `_stack_end` (the end of .bss/.uninit).
    static _stack_start: u32;
    static _stack_end: u32;
}

fn bounds() -> (usize, usize) {
    // Only the addresses of the linker symbols are used, never their values.
    (addr_of!(_stack_end) as usize, addr_of!(_stack_start) as usize)
}

/// Fills the stack below the current frame with the pattern. Call it first
/// thing in `main`; [`peak_bytes`] is meaningful only afterwards.
pub fn paint() {
    let (lowest, _) = bounds();
    let sp = cortex_m::register::msp::read() as usize - MARGIN;
    let mut p = lowest;
    while p < sp {
        // SAFETY: [_stack_end, sp) is RAM reserved for the stack by the
        // linker script and lies below every live frame (no interrupts are
        // enabled, so nothing else uses it); word aligned by link.x.
        unsafe { core::ptr::write_volatile(p as *mut u32, PATTERN) };
        p += 4;
    }
}

/// The most stack used since [`paint`], in bytes (from the top of RAM down
/// to the lowest overwritten word).
pub fn peak_bytes() -> usize {
    let (lowest, top) = bounds();
    let mut p = lowest;
    // SAFETY: reads of stack RAM inside the linker-defined bounds.
    while p < top && unsafe { core::ptr::read_volatile(p as *const u32) } == PATTERN {
        p += 4;
    }
    top - p
}

/// Total stack space: from the end of static data to the top of RAM.
pub fn capacity_bytes() -> usize {
    let (lowest, top) = bounds();
    top - lowest
}
