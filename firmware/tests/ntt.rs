//! On-target tests of `polyhe_core::ntt` without `alloc`: forward, inverse
//! and negacyclic product on the Cortex-M4 must equal, bit for bit, the host
//! build's results in the committed vector file (whose host generator also
//! checked them against a schoolbook product and the host's SIMD kernels).
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

mod common;

/// Largest degree in the vector file; operand buffers live on the stack.
const MAX_N: usize = 4096;

/// One NTT case of the vector file with its inputs regenerated on device.
struct Case {
    n: usize,
    q: u32,
    a: [u32; MAX_N],
    b: [u32; MAX_N],
    forward: common::vectors::Words<'static>,
    inverse: common::vectors::Words<'static>,
    product: common::vectors::Words<'static>,
}

/// Calls `f` on every NTT case; returns the number of cases.
fn for_each_case(mut f: impl FnMut(&Case)) -> usize {
    let mut count = 0;
    common::for_each_section(|s| {
        if let common::vectors::Section::Ntt { n, q, pattern, seed, forward, inverse, product } = s {
            defmt::assert!(n <= MAX_N, "vector file case N = {=usize} exceeds MAX_N", n);
            let mut c = Case { n, q, a: [0; MAX_N], b: [0; MAX_N], forward, inverse, product };
            common::vectors::ntt_inputs(pattern, seed, q, &mut c.a[..n], &mut c.b[..n]);
            defmt::info!("case N = {=usize}, q = {=u32}, pattern {=u32}", n, q, pattern);
            f(&c);
            count += 1;
        }
    });
    defmt::assert!(count > 0, "the vector file has no NTT cases");
    count
}

/// Fails the test at the first coefficient where `got` and `want` differ.
fn expect_equal(what: &str, c: &Case, got: &[u32], want: common::vectors::Words) {
    if let Some(i) = want.first_difference(got) {
        defmt::panic!(
            "{}: N = {=usize}, q = {=u32}: coefficient {=usize}: device {=u32} != host {=u32}",
            what,
            c.n,
            c.q,
            i,
            got.get(i).copied().unwrap_or(u32::MAX),
            if i < want.len() { want.get(i) } else { u32::MAX }
        );
    }
}

#[defmt_test::tests]
mod tests {
    use super::{expect_equal, for_each_case, MAX_N};
    use polyhe_core::arith::NttPrimes;
    use polyhe_core::ntt::{CpuNtt, Kernel, NttEngine, NttTable};
    use polyhe_core::Error;
    use polyhe_firmware::schoolbook_negacyclic;

    #[test]
    fn forward_matches_host() {
        for_each_case(|c| {
            let mut tw = [0u32; 4 * MAX_N];
            let t = NttTable::new_in(c.n, c.q, &mut tw).unwrap();
            defmt::assert!(t.kernel() == Kernel::Scalar);
            let mut x = c.a;
            t.forward(&mut x[..c.n]).unwrap();
            expect_equal("forward", c, &x[..c.n], c.forward);
        });
    }

    #[test]
    fn inverse_matches_host_and_round_trips() {
        for_each_case(|c| {
            let mut tw = [0u32; 4 * MAX_N];
            let t = NttTable::new_in(c.n, c.q, &mut tw).unwrap();
            let mut x = c.a;
            t.inverse(&mut x[..c.n]).unwrap();
            expect_equal("inverse", c, &x[..c.n], c.inverse);
            t.forward(&mut x[..c.n]).unwrap();
            defmt::assert!(x[..c.n] == c.a[..c.n], "forward(inverse(a)) != a");
        });
    }

    #[test]
    fn product_matches_host() {
        let cases = for_each_case(|c| {
            let n = c.n;
            let mut tw = [0u32; 4 * MAX_N];
            let t = NttTable::new_in(n, c.q, &mut tw).unwrap();
            let (mut x, mut y, mut z) = (c.a, c.b, [0u32; MAX_N]);
            t.forward(&mut x[..n]).unwrap();
            t.forward(&mut y[..n]).unwrap();
            t.mul_pointwise(&x[..n], &y[..n], &mut z[..n]).unwrap();
            t.inverse(&mut z[..n]).unwrap();
            expect_equal("forward, mul_pointwise, inverse", c, &z[..n], c.product);

            // Accumulating onto zero is the same pointwise product.
            let mut acc = [0u32; MAX_N];
            t.mul_acc_pointwise(&x[..n], &y[..n], &mut acc[..n]).unwrap();
            t.inverse(&mut acc[..n]).unwrap();
            expect_equal("mul_acc_pointwise onto zero", c, &acc[..n], c.product);

            // The engine seam's default multiply gives the same bits.
            let (mut x, mut y) = (c.a, c.b);
            CpuNtt.multiply(core::slice::from_ref(&t), &mut x[..n], &mut y[..n]).unwrap();
            expect_equal("CpuNtt::multiply", c, &x[..n], c.product);
        });
        defmt::info!("{=usize} NTT cases", cases);
    }

    #[test]
    fn host_products_match_device_schoolbook() {
        // Independent of the NTT: the vectors hold the true products. O(N^2),
        // so only the N = 1024 cases (about 1M multiplications each).
        for_each_case(|c| {
            if c.n == 1024 {
                let m = polyhe_core::arith::Modulus::new(c.q).unwrap();
                let mut want = [0u32; 1024];
                schoolbook_negacyclic(&m, &c.a[..1024], &c.b[..1024], &mut want);
                expect_equal("schoolbook (device) vs host product", c, &want, c.product);
            }
        });
    }

    #[test]
    fn no_alloc_limits_and_errors() {
        let q = NttPrimes::new(30, 1 << 12).unwrap().next().unwrap();
        // Without `alloc` the twiddles live in caller storage of 4N words.
        let mut tw = [0u32; 4 * MAX_N];
        defmt::assert!(matches!(
            NttTable::new_in(1 << 13, q, &mut tw),
            Err(Error::LengthMismatch { expected: 32768, .. }) | Err(Error::NotNttFriendly { .. })
        ));
        {
            let t = NttTable::new_in(1 << 12, q, &mut tw).unwrap();
            defmt::assert_eq!(t.n(), 1 << 12);
            let mut short = [0u32; 1000];
            defmt::assert!(matches!(t.forward(&mut short), Err(Error::LengthMismatch { .. })));
        }
        // The storage is reused once the table is gone.
        // 12289 - 1 = 3 * 2^12: a negacyclic NTT up to N = 2048, not 4096.
        defmt::assert!(NttTable::new_in(2048, 12289, &mut tw).is_ok());
        defmt::assert!(matches!(NttTable::new_in(4096, 12289, &mut tw), Err(Error::NotNttFriendly { .. })));
        defmt::assert!(NttTable::new_in(512, q, &mut tw).is_err());
    }
}
