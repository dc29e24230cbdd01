//! Files of a device client (e.g. the firmware, which keeps the secret key
//! and writes one ciphertext file at a time): `polyhe pack` gathers its
//! input ciphertexts (full or seeded, `ckks::files` format) into an input
//! batch for `polyhe infer`, and `polyhe unpack` writes each ciphertext of a
//! logit batch as its own file for the device to decrypt.
//!
//! Every file goes through the typed readers of `polyhe_core::ckks::files`
//! (kind, version, checksum, parameters, residues), so a bad file is
//! refused with its path in the message.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use polyhe_core::ckks::{Ciphertext, Context, SeededCiphertext};
use polyhe_core::Error;

use super::files::{self, Batch, BatchKind};
use super::LoadedModel;

/// Reads one ciphertext file, full or seeded (the seed's `c1` expanded),
/// made for `ctx`'s parameters.
pub fn read_column(ctx: &Context, bytes: &[u8]) -> polyhe_core::Result<Ciphertext> {
    match Ciphertext::from_bytes(ctx, bytes) {
        Err(Error::WrongFileKind { found: "seeded ciphertext", .. }) => {
            SeededCiphertext::from_bytes(ctx, bytes)?.expand(ctx)
        }
        other => other,
    }
}

/// `polyhe pack`: the ciphertext files `columns` (pass-major, the plan's
/// input count per pass, each at the top level) of `samples` samples into
/// an input batch at `out`, checked against the parameters of the key
/// directory `keys`. Returns the number of passes.
pub fn pack_file(model: &LoadedModel, keys: &Path, columns: &[PathBuf], samples: usize, out: &Path) -> Result<usize> {
    let plan = super::plan(model)?;
    super::check_model_binding(keys, model)?;
    let ctx = super::context_for(keys, &plan, None)?;
    if columns.is_empty() || !columns.len().is_multiple_of(plan.inputs) {
        bail!(
            "{} ciphertext files given: the model takes {} input ciphertexts per pass (one per patch pixel), so give a \
             multiple of {}",
            columns.len(),
            plan.inputs,
            plan.inputs
        );
    }
    let passes = columns.len() / plan.inputs;
    if samples == 0 || samples > passes * plan.batch() {
        bail!("--samples {samples}: {passes} pass(es) hold 1 to {} samples", passes * plan.batch());
    }
    let mut ciphertexts = Vec::with_capacity(columns.len());
    for path in columns {
        let bytes = files::read(path)?;
        let ct = read_column(&ctx, &bytes)
            .with_context(|| format!("{}: not a ciphertext for these keys' parameters", path.display()))?;
        if ct.level() != plan.params.max_level() {
            bail!(
                "{}: level {}, but inputs are encrypted at the top level {}",
                path.display(),
                ct.level(),
                plan.params.max_level()
            );
        }
        ciphertexts.push(bytes);
    }
    let batch = Batch {
        kind: BatchKind::Inputs,
        model: model.fingerprint,
        samples: samples as u32,
        columns: plan.inputs as u32,
        ciphertexts,
    };
    files::write(out, &batch.to_bytes()?)?;
    Ok(passes)
}

/// `polyhe unpack`: each ciphertext of the logit batch `input` as
/// `out_dir/logits-{i}.ct` (`i` pass-major: pass `p`, class `c` is
/// `p * classes + c`), checked against the parameters of `keys`. Returns
/// the paths.
pub fn unpack_file(model: &LoadedModel, keys: &Path, input: &Path, out_dir: &Path) -> Result<Vec<PathBuf>> {
    let plan = super::plan(model)?;
    super::check_model_binding(keys, model)?;
    let ctx = super::context_for(keys, &plan, None)?;
    let batch = Batch::read(input, BatchKind::Logits, model.fingerprint)?;
    std::fs::create_dir_all(out_dir).with_context(|| format!("{}: cannot create the directory", out_dir.display()))?;
    let mut paths = Vec::with_capacity(batch.ciphertexts.len());
    for (i, bytes) in batch.ciphertexts.iter().enumerate() {
        Ciphertext::from_bytes(&ctx, bytes).with_context(|| {
            format!("{}: column {i} is not a ciphertext for these keys' parameters", input.display())
        })?;
        let path = out_dir.join(format!("logits-{i}.ct"));
        files::write(&path, bytes)?;
        paths.push(path);
    }
    Ok(paths)
}
