//! On-target tests of `polyhe_core::arith::Modulus`: every operation on the
//! Cortex-M4 must equal, bit for bit, what the host build of polyhe-core
//! computed for the same inputs (the committed vector file).
#![no_std]
#![no_main]

use cortex_m_rt as _;
use polyhe_firmware as _;

mod common;

#[defmt_test::tests]
mod tests {
    use super::common::{for_each_arith_record, vectors::field, vectors::NO_INVERSE};
    use polyhe_core::arith::{is_prime, Modulus, NttPrimes};

    #[test]
    fn add_sub_neg() {
        let n = for_each_arith_record(|r| {
            let (a, b) = (r.get(field::A), r.get(field::B));
            r.check("add", field::ADD, r.m.add(a, b));
            r.check("sub", field::SUB, r.m.sub(a, b));
            r.check("neg", field::NEG, r.m.neg(a));
        });
        defmt::info!("{=usize} records", n);
    }

    #[test]
    fn mul_and_reduce() {
        for_each_arith_record(|r| {
            let (a, b, c) = (r.get(field::A), r.get(field::B), r.get(field::C));
            r.check("mul", field::MUL, r.m.mul(a, b));
            r.check("mul_add", field::MUL_ADD, r.m.mul_add(a, b, c));
            r.check("reduce", field::REDUCE, r.m.reduce(c));
            r.check("reduce_u64", field::REDUCE_U64, r.m.reduce_u64(r.x()));
            r.check("reduce_i64", field::REDUCE_I64, r.m.reduce_i64(r.x() as i64));
        });
    }

    #[test]
    fn shoup() {
        for_each_arith_record(|r| {
            let (b, c) = (r.get(field::B), r.get(field::C));
            let ws = r.m.shoup(b);
            r.check("shoup", field::SHOUP, ws);
            let lazy = r.m.mul_shoup_lazy(c, b, ws);
            defmt::assert!(lazy < 2 * r.m.value(), "mul_shoup_lazy out of [0, 2q)");
            r.check("mul_shoup_lazy", field::MUL_SHOUP_LAZY, lazy);
            r.check("mul_shoup", field::MUL_SHOUP, r.m.mul_shoup(c, b, ws));
        });
    }

    #[test]
    fn pow_and_inv() {
        for_each_arith_record(|r| {
            let (a, e) = (r.get(field::A), r.get(field::E));
            r.check("pow", field::POW, r.m.pow(a, e as u64));
            r.check("inv", field::INV, r.m.inv(a).unwrap_or(NO_INVERSE));
        });
    }

    #[test]
    fn center() {
        for_each_arith_record(|r| r.check("center", field::CENTER, r.m.center(r.get(field::A)) as i32 as u32));
    }

    #[test]
    fn errors_without_alloc() {
        // The no_std error paths return errors rather than panicking.
        defmt::assert!(Modulus::new(1 << 30).is_err());
        defmt::assert!(Modulus::new(1).is_err());
        defmt::assert!(Modulus::new(12289).unwrap().inv(0).is_err());
        defmt::assert!(NttPrimes::new(31, 1024).is_err());
        let mut few = [0u32; 100];
        defmt::assert!(NttPrimes::new(20, 1 << 16).unwrap().fill(&mut few).is_err());
        defmt::assert!(is_prime(1_073_707_009) && !is_prime(3_215_031_751));
    }
}
