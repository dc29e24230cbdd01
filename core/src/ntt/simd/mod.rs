//! x86_64 SIMD kernels (AVX2, AVX-512), chosen once per table at run time.
//! They are bit-identical to [`super::scalar`]; until a kernel lands, its
//! entry delegates to the scalar code.

use super::{Kernel, NttTable};

/// Does this CPU support `kernel`?
pub fn available(kernel: Kernel) -> bool {
    match kernel {
        Kernel::Scalar => true,
        Kernel::Avx2 => std::arch::is_x86_feature_detected!("avx2"),
        Kernel::Avx512 => std::arch::is_x86_feature_detected!("avx512f"),
    }
}

pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    super::scalar::forward(t, a)
}

pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    super::scalar::inverse(t, a)
}
