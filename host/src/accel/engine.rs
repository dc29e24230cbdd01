//! Choosing an engine by name: `cpu`, `fpga-sim` or `fpga:<port>` (the
//! values of the command line's `--engine`).

use std::str::FromStr;
use std::sync::Arc;

use polyhe_core::ntt::{CpuNtt, NttEngine};

use super::{FpgaNtt, SimLink};

/// A parsed engine choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineSpec {
    /// [`CpuNtt`].
    Cpu,
    /// [`FpgaNtt`] over [`SimLink`] (the rust-hdl simulation, slow).
    FpgaSim,
    /// [`FpgaNtt`] over a serial port (not implemented yet).
    FpgaSerial {
        /// The port, e.g. `/dev/ttyUSB0`.
        port: String,
    },
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
    /// `fpga:` without a port.
    #[error("engine {spec:?} names no serial port: use fpga:<port>, e.g. fpga:/dev/ttyUSB0")]
    MissingPort {
        /// The string given.
        spec: String,
    },
    /// The serial link does not exist yet.
    #[error("engine fpga:{port}: the serial link is not implemented yet (use fpga-sim for the simulated accelerator)")]
    SerialNotImplemented {
        /// The port asked for.
        port: String,
    },
}

impl FromStr for EngineSpec {
    type Err = EngineSpecError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "cpu" => Ok(EngineSpec::Cpu),
            "fpga-sim" => Ok(EngineSpec::FpgaSim),
            t => match t.strip_prefix("fpga:") {
                Some("") => Err(EngineSpecError::MissingPort { spec: s.to_owned() }),
                Some(port) => Ok(EngineSpec::FpgaSerial { port: port.to_owned() }),
                None => Err(EngineSpecError::Unknown { spec: s.to_owned() }),
            },
        }
    }
}

impl EngineSpec {
    /// Builds the engine.
    pub fn build(&self) -> Result<Arc<dyn NttEngine + Send + Sync>, EngineSpecError> {
        match self {
            EngineSpec::Cpu => Ok(Arc::new(CpuNtt)),
            EngineSpec::FpgaSim => Ok(Arc::new(FpgaNtt::new(SimLink::new()))),
            EngineSpec::FpgaSerial { port } => Err(EngineSpecError::SerialNotImplemented { port: port.clone() }),
        }
    }
}

/// Parses `spec` and builds the engine.
pub fn engine_from_spec(spec: &str) -> Result<Arc<dyn NttEngine + Send + Sync>, EngineSpecError> {
    spec.parse::<EngineSpec>()?.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_builds() {
        assert_eq!(engine_from_spec("cpu").unwrap().capabilities().name, "cpu");
        let sim = engine_from_spec(" fpga-sim ").unwrap();
        assert_eq!(sim.capabilities().name, "fpga-sim");
        assert!(sim.capabilities().fused_multiply);
        assert_eq!("fpga:/dev/ttyUSB0".parse(), Ok(EngineSpec::FpgaSerial { port: "/dev/ttyUSB0".into() }));
    }

    #[test]
    fn refuses_with_clear_messages() {
        let msg = |s: &str| engine_from_spec(s).err().map(|e| e.to_string());
        assert_eq!(msg("gpu").as_deref(), Some("unknown engine \"gpu\": use cpu, fpga-sim or fpga:<port>"));
        assert_eq!(
            msg("fpga:").as_deref(),
            Some("engine \"fpga:\" names no serial port: use fpga:<port>, e.g. fpga:/dev/ttyUSB0")
        );
        assert_eq!(
            msg("fpga:COM3").as_deref(),
            Some(
                "engine fpga:COM3: the serial link is not implemented yet (use fpga-sim for the simulated accelerator)"
            )
        );
    }
}
