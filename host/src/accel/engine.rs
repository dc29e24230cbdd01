//! Choosing an engine by name: `cpu`, `fpga-sim[:lanes=N]` or
//! `fpga:<port>` (the values of the command line's `--engine`).

use std::str::FromStr;
use std::sync::Arc;

use polyhe_core::ntt::{CpuNtt, NttEngine};

use super::serial::{SerialConfig, SerialConfigError, SerialLink};
use super::{AccelStats, FpgaNtt, SimLink};

/// A parsed engine choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineSpec {
    /// [`CpuNtt`].
    Cpu,
    /// [`FpgaNtt`] over [`SimLink`] (the rust-hdl simulation, slow) of a
    /// core with `lanes` butterfly lanes (1, 2 or 4; `fpga-sim:lanes=N`,
    /// 1 by default): the same results, fewer simulated cycles.
    FpgaSim {
        /// Butterfly lanes.
        lanes: u8,
    },
    /// [`FpgaNtt`] over a serial port ([`SerialLink`]).
    FpgaSerial(SerialConfig),
}

/// Why an engine could not be chosen.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EngineSpecError {
    /// Not one of the known forms.
    #[error("unknown engine {spec:?}: use cpu, fpga-sim or fpga:<port>")]
    Unknown {
        /// The string given.
        spec: String,
    },
    /// `fpga-sim:` with something other than `lanes=1`, `2` or `4`.
    #[error("engine {spec:?}: the simulated accelerator takes fpga-sim or fpga-sim:lanes=N with N = 1, 2 or 4")]
    SimLanes {
        /// The string given.
        spec: String,
    },
    /// `fpga:` without a port, or with bad options.
    #[error(transparent)]
    Serial(#[from] SerialConfigError),
}

impl FromStr for EngineSpec {
    type Err = EngineSpecError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "cpu" => Ok(EngineSpec::Cpu),
            "fpga-sim" => Ok(EngineSpec::FpgaSim { lanes: 1 }),
            t => {
                if let Some(rest) = t.strip_prefix("fpga-sim:") {
                    return match rest.trim().strip_prefix("lanes=").map(str::trim) {
                        Some("1") => Ok(EngineSpec::FpgaSim { lanes: 1 }),
                        Some("2") => Ok(EngineSpec::FpgaSim { lanes: 2 }),
                        Some("4") => Ok(EngineSpec::FpgaSim { lanes: 4 }),
                        _ => Err(EngineSpecError::SimLanes { spec: s.to_owned() }),
                    };
                }
                match t.strip_prefix("fpga:") {
                    Some(rest) => Ok(EngineSpec::FpgaSerial(SerialConfig::parse(rest)?)),
                    None => Err(EngineSpecError::Unknown { spec: s.to_owned() }),
                }
            }
        }
    }
}

/// A built engine and, for an accelerator, its counters.
#[derive(Clone)]
pub struct Engine {
    /// The engine, for [`polyhe_core::ckks::Context::with_engine`].
    pub ntt: Arc<dyn NttEngine + Send + Sync>,
    counters: Option<Arc<dyn Fn() -> AccelStats + Send + Sync>>,
}

impl Engine {
    fn accelerator<L: super::Link + Send + 'static>(fpga: FpgaNtt<L>) -> Self {
        let fpga = Arc::new(fpga);
        let counters = Arc::clone(&fpga);
        Self { ntt: fpga, counters: Some(Arc::new(move || counters.stats())) }
    }

    /// Where the accelerator's work went so far (`None` for the CPU).
    pub fn stats(&self) -> Option<AccelStats> {
        self.counters.as_ref().map(|f| f())
    }

    /// The engine's short name (`cpu`, `fpga-sim`, `fpga`).
    pub fn name(&self) -> &'static str {
        self.ntt.capabilities().name
    }
}

impl EngineSpec {
    /// Builds the engine. A serial port that cannot be opened is not an
    /// error: every operation then falls back to the CPU (with a warning,
    /// and counted), and the port is tried again on later operations.
    pub fn build(&self) -> Engine {
        match self {
            EngineSpec::Cpu => Engine { ntt: Arc::new(CpuNtt), counters: None },
            EngineSpec::FpgaSim { lanes } => Engine::accelerator(FpgaNtt::new(
                // The parser only admits built lane counts.
                SimLink::with_lanes(*lanes).expect("lane count checked when parsed"),
            )),
            EngineSpec::FpgaSerial(config) => Engine::accelerator(FpgaNtt::new(SerialLink::new(config.clone()))),
        }
    }
}

/// Parses `spec` and builds the engine.
pub fn engine_from_spec(spec: &str) -> Result<Engine, EngineSpecError> {
    Ok(spec.parse::<EngineSpec>()?.build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_builds() {
        let cpu = engine_from_spec("cpu").unwrap();
        assert_eq!((cpu.name(), cpu.stats()), ("cpu", None));
        let sim = engine_from_spec(" fpga-sim ").unwrap();
        assert_eq!(sim.name(), "fpga-sim");
        assert!(sim.ntt.capabilities().fused_multiply);
        assert_eq!(sim.stats(), Some(AccelStats::default()));
        assert_eq!("fpga-sim".parse(), Ok(EngineSpec::FpgaSim { lanes: 1 }));
        assert_eq!("fpga-sim:lanes=4".parse(), Ok(EngineSpec::FpgaSim { lanes: 4 }));
        assert_eq!(engine_from_spec("fpga-sim:lanes=2").unwrap().name(), "fpga-sim");
        assert_eq!("fpga:/dev/ttyUSB0".parse(), Ok(EngineSpec::FpgaSerial(SerialConfig::new("/dev/ttyUSB0"))));
        let custom =
            SerialConfig { port: "/dev/ttyACM1".into(), baud: 115_200, timeout: std::time::Duration::from_millis(250) };
        assert_eq!("fpga:/dev/ttyACM1,baud=115200, timeout-ms=250".parse(), Ok(EngineSpec::FpgaSerial(custom)));
        assert_eq!(engine_from_spec("fpga:/dev/null-no-such-port").unwrap().name(), "fpga");
    }

    #[test]
    fn refuses_with_clear_messages() {
        let msg = |s: &str| engine_from_spec(s).err().map(|e| e.to_string());
        assert_eq!(msg("gpu").as_deref(), Some("unknown engine \"gpu\": use cpu, fpga-sim or fpga:<port>"));
        assert_eq!(
            msg("fpga:").as_deref(),
            Some("engine fpga: names no serial port; use fpga:PORT[,baud=N][,timeout-ms=N], e.g. fpga:/dev/ttyUSB0")
        );
        for bad in ["fpga-sim:lanes=3", "fpga-sim:4", "fpga-sim:"] {
            let m = msg(bad).unwrap();
            assert!(m.contains("fpga-sim:lanes=N with N = 1, 2 or 4"), "{bad}: {m}");
        }
        for bad in ["fpga:/dev/ttyS0,baud=0", "fpga:/dev/ttyS0,speed=9600", "fpga:/dev/ttyS0,timeout-ms=x"] {
            let m = msg(bad).unwrap();
            assert!(m.contains("bad option") && m.contains("baud=N"), "{bad}: {m}");
        }
    }
}
