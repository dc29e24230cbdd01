//! `polyhe bench ckks`: CKKS operations on parameter sets matching the
//! peers' figures in `shared/ANCHORS.md` (same N, about the same log2 Q,
//! polyhe's 30-bit primes, each set 128-bit secure), one thread, with
//! OpenFHE's published per-operation times beside polyhe's.
//!
//! Output: a table, or with `--json` one JSON object per line and
//! operation, with the fields in [`JSON_FIELDS_HELP`] (a contract: other
//! tools read them).

use std::hint::black_box;

use polyhe_core::ckks::{Complex, Context, Evaluator, KeyGenerator, Parameters};
use polyhe_core::rng::insecure_test_rng;
use serde::Serialize;

use super::{median, BenchError, Clock, Progress, Result};

/// The JSON fields, for `--help`.
pub const JSON_FIELDS_HELP: &str = "\
JSON output (--json): one object per line and operation, fields:
  op            keygen_pk | keygen_relin | keygen_galois | encrypt | decrypt |
                mul_relin | rescale | rotate
  logn          log2 of the ring degree N
  log_q         log2 of the ciphertext modulus Q at the top level
  log_qp        log2 of Q times the special modulus P
  limbs         number of 30-bit primes in Q
  dnum          key-switching digits
  security_bits 128 (every set is checked against the HE standard)
  median_ms     median time of one operation, milliseconds
  samples       number of timed samples
  bytes         serialised size of the result (keys, ciphertexts), or null
  openfhe_ms    OpenFHE 1.6.1's time from ANCHORS.md for the same N, or null
  ratio         median_ms / openfhe_ms, or null";

/// log2 N of the sets ([`Parameters::peer_comparison`]): log2 Q about 176 /
/// 263 / 611 / 1249 bits against OpenFHE's 155 / 260 / 620 / 1260 in
/// ANCHORS.md.
pub const SETS: [u32; 4] = [13, 14, 15, 16];

/// OpenFHE 1.6.1, one thread (ANCHORS.md): `(log_n, op, ms)`.
const OPENFHE: [(u32, &str, f64); 16] = [
    (13, "mul_relin", 6.5),
    (13, "rotate", 6.2),
    (13, "rescale", 1.5),
    (13, "encrypt", 3.6),
    (14, "mul_relin", 14.9),
    (14, "rotate", 14.6),
    (14, "rescale", 3.0),
    (14, "encrypt", 7.8),
    (15, "mul_relin", 77.0),
    (15, "rotate", 76.0),
    (15, "rescale", 16.5),
    (15, "encrypt", 32.0),
    (16, "mul_relin", 383.0),
    (16, "rotate", 404.0),
    (16, "rescale", 71.0),
    (16, "encrypt", 140.0),
];

/// OpenFHE 1.6.1's one-thread time for `op` at `log_n` from ANCHORS.md
/// (`"mul_relin"`, `"rotate"`, `"rescale"`, `"encrypt"`), if listed.
pub fn openfhe_ms(log_n: u32, op: &str) -> Option<f64> {
    OPENFHE.iter().find(|(l, o, _)| *l == log_n && *o == op).map(|x| x.2)
}

/// Operations, in the order they are reported.
pub const OPS: [&str; 8] =
    ["keygen_pk", "keygen_relin", "keygen_galois", "encrypt", "decrypt", "mul_relin", "rescale", "rotate"];

/// Settings of one run.
#[derive(Clone, Debug)]
pub struct CkksBenchConfig {
    /// log2 N of the sets to run (13 to 16).
    pub log_ns: Vec<u32>,
    /// Timed samples per operation (the median is reported).
    pub reps: usize,
    /// Clock.
    pub clock: Clock,
    /// Progress bar on stderr.
    pub progress: bool,
}

impl Default for CkksBenchConfig {
    fn default() -> Self {
        Self { log_ns: vec![13, 14], reps: 11, clock: Clock::ThreadCpu, progress: true }
    }
}

/// One line of the report.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct CkksRecord {
    /// Operation name.
    pub op: &'static str,
    /// log2 N.
    pub logn: u32,
    /// log2 Q at the top level.
    pub log_q: f64,
    /// log2 QP.
    pub log_qp: f64,
    /// Q limbs.
    pub limbs: usize,
    /// Key-switching digits.
    pub dnum: u32,
    /// Claimed security.
    pub security_bits: u32,
    /// Median milliseconds.
    pub median_ms: f64,
    /// Samples.
    pub samples: usize,
    /// Serialised result size in bytes.
    pub bytes: Option<usize>,
    /// OpenFHE's time for the same operation and N.
    pub openfhe_ms: Option<f64>,
    /// `median_ms / openfhe_ms`.
    pub ratio: Option<f64>,
}

fn core_err(context: &str) -> impl Fn(polyhe_core::Error) -> BenchError + '_ {
    move |source| BenchError::Core { context: context.to_owned(), source }
}

/// The parameters of the set for `log_n` ([`Parameters::peer_comparison`]).
pub fn params_for(log_n: u32) -> Result<Parameters> {
    if !SETS.contains(&log_n) {
        return Err(BenchError::Settings {
            reason: format!("no CKKS benchmark set for log2 N = {log_n}: use 13, 14, 15 or 16"),
        });
    }
    Parameters::peer_comparison(log_n).map_err(core_err("building the parameters"))
}

/// Runs the benchmark, calling `emit` after each operation (so callers can
/// stream lines), and returns every record.
pub fn run(cfg: &CkksBenchConfig, mut emit: impl FnMut(&CkksRecord)) -> Result<Vec<CkksRecord>> {
    if cfg.log_ns.is_empty() || cfg.reps == 0 {
        return Err(BenchError::Settings { reason: "give at least one log2 N and one repetition".into() });
    }
    cfg.clock.check()?;
    for &l in &cfg.log_ns {
        params_for(l)?;
    }
    let mut progress = Progress::new("bench ckks", (cfg.log_ns.len() * OPS.len()) as u64, cfg.progress);
    let mut out = Vec::new();
    for &log_n in &cfg.log_ns {
        let params = params_for(log_n)?;
        let ctx = Context::new(params.clone()).map_err(core_err("building the context"))?;
        // Deterministic randomness keeps runs comparable; nothing here is secret.
        let mut rng = insecure_test_rng(log_n as u64);
        let kg = KeyGenerator::new(&ctx);
        let sk = kg.gen_secret(&mut rng).map_err(core_err("key generation"))?;
        let pk = kg.gen_public(&sk, &mut rng).map_err(core_err("key generation"))?;
        let rk = kg.gen_relin(&sk, &mut rng).map_err(core_err("key generation"))?;
        let gk = kg.gen_galois(&sk, &[1], false, &mut rng).map_err(core_err("key generation"))?;
        let ev = Evaluator::new(&ctx)
            .with_relin_key(&rk)
            .and_then(|e| e.with_galois_keys(&gk))
            .map_err(core_err("evaluator"))?;
        let z: Vec<Complex> =
            (0..params.slots()).map(|i| Complex::new((i as f64 * 0.01).sin(), (i as f64 * 0.02).cos())).collect();
        let ct = ctx.encrypt_pk(&pk, &z, &mut rng).map_err(core_err("encryption"))?;
        let prod = ev.mul_relin(&ct, &ct).map_err(core_err("multiplication"))?;
        let ser = |r: polyhe_core::Result<Vec<u8>>| r.map(|b| b.len()).map_err(core_err("serialisation"));
        for op in OPS {
            let mut samples = Vec::with_capacity(cfg.reps);
            let mut bytes = None;
            for _ in 0..cfg.reps {
                let mut err = None;
                let ns = cfg.clock.time(|| {
                    let r: polyhe_core::Result<()> = (|| {
                        match op {
                            "keygen_pk" => drop(black_box(kg.gen_public(&sk, &mut rng)?)),
                            "keygen_relin" => drop(black_box(kg.gen_relin(&sk, &mut rng)?)),
                            "keygen_galois" => drop(black_box(kg.gen_galois(&sk, &[1], false, &mut rng)?)),
                            "encrypt" => drop(black_box(ctx.encrypt_pk(&pk, &z, &mut rng)?)),
                            "decrypt" => drop(black_box(ctx.decrypt(&sk, &ct)?)),
                            "mul_relin" => drop(black_box(ev.mul_relin(&ct, &ct)?)),
                            "rescale" => drop(black_box(ev.rescale(&prod)?)),
                            _ => drop(black_box(ev.rotate(&ct, 1)?)),
                        }
                        Ok(())
                    })();
                    err = r.err();
                });
                if let Some(e) = err {
                    return Err(core_err(op)(e));
                }
                samples.push(ns / 1e6);
            }
            bytes = match op {
                "keygen_pk" => Some(ser(pk.to_bytes())?),
                "keygen_relin" => Some(ser(rk.to_bytes())?),
                "keygen_galois" => Some(ser(gk.to_bytes(&ctx))?),
                "encrypt" | "mul_relin" | "rotate" => Some(ser(ct.to_bytes())?),
                "rescale" => Some(ser(ev.rescale(&prod).and_then(|c| c.to_bytes()))?),
                _ => bytes,
            };
            let median_ms = median(&samples);
            let openfhe_ms = openfhe_ms(log_n, op);
            let rec = CkksRecord {
                op,
                logn: log_n,
                log_q: params.log_q_at(params.max_level()),
                log_qp: params.log_qp(),
                limbs: params.limbs_at(params.max_level()),
                dnum: params.dnum(),
                security_bits: params.security_bits(),
                median_ms,
                samples: samples.len(),
                bytes,
                openfhe_ms,
                ratio: openfhe_ms.map(|o| median_ms / o),
            };
            emit(&rec);
            out.push(rec);
            progress.tick(op);
        }
    }
    progress.finish();
    Ok(out)
}

/// Renders records as a table.
pub fn render_table(records: &[CkksRecord]) -> String {
    let mut s = String::from(
        "CKKS, one thread, polyhe (30-bit primes) vs OpenFHE 1.6.1's published times (ANCHORS.md)\n\
         ratio = polyhe / OpenFHE (< 1: polyhe faster); bytes = serialised result\n\n\
         logN limbs log2Q dnum | op            |  polyhe ms | OpenFHE ms | ratio |      bytes\n",
    );
    for r in records {
        let f = |x: Option<f64>, p: usize| x.map_or("-".to_owned(), |v| format!("{v:.p$}"));
        s += &format!(
            "{:>4} {:>5} {:>5.0} {:>4} | {:<13} | {:>10.3} | {:>10} | {:>5} | {:>10}\n",
            r.logn,
            r.limbs,
            r.log_q,
            r.dnum,
            r.op,
            r.median_ms,
            f(r.openfhe_ms, 1),
            f(r.ratio, 2),
            r.bytes.map_or("-".to_owned(), |b| b.to_string())
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_are_secure_and_match_anchor_sizes() {
        for (log_n, want_log_q) in [(13, 155.0), (14, 260.0), (15, 620.0), (16, 1260.0)] {
            let p = params_for(log_n).unwrap();
            assert_eq!(p.security_bits(), 128);
            let log_q = p.log_q_at(p.max_level());
            assert!((log_q - want_log_q).abs() <= 30.0, "N=2^{log_n}: log Q {log_q} vs {want_log_q}");
        }
        assert!(params_for(12).is_err());
    }

    #[test]
    fn bad_settings_are_errors() {
        let cfg = CkksBenchConfig { log_ns: vec![], ..Default::default() };
        assert!(run(&cfg, |_| {}).is_err());
        let cfg = CkksBenchConfig { log_ns: vec![11], ..Default::default() };
        assert!(matches!(run(&cfg, |_| {}), Err(BenchError::Settings { .. })));
    }
}
