//! AVX2 kernels (placeholder).
use crate::ntt::NttTable;
pub(crate) fn forward(t: &NttTable, a: &mut [u32]) {
    crate::ntt::scalar::forward(t, a)
}
pub(crate) fn inverse(t: &NttTable, a: &mut [u32]) {
    crate::ntt::scalar::inverse(t, a)
}
