//! The plaintext evaluator (f64) and the activation-range calibration.
//!
//! Straight loops, in the layer order of the module docs: this is the
//! reference that the CKKS evaluator must reproduce, so clarity wins over
//! speed (the bundled model takes well under a millisecond per image).

use alloc::vec;
use alloc::vec::Vec;

use super::{Block, Error, Linear, Model, Norm, Result};
use crate::approx::ApproxTable;

/// How activations are computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivationMode {
    /// The table's polynomial at any input (what CKKS computes: outside the
    /// interval it silently diverges).
    Polynomial,
    /// The polynomial, but an input outside its table's interval is an
    /// [`Error::ActivationOutOfRange`].
    PolynomialChecked,
    /// The exact function the table approximates (the HE-friendly model
    /// before the polynomial swap).
    Exact,
}

/// An activation site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// The attention activation of block `block`.
    Attention {
        /// Block index.
        block: u32,
    },
    /// The MLP activation of block `block`.
    Mlp {
        /// Block index.
        block: u32,
    },
    /// The `1 / sqrt` input `v = var + eps` of a LayerNorm (language form):
    /// `index` `2b` is the norm before block `b`'s attention, `2b + 1` the
    /// one before its MLP, `2 * blocks` the final one.
    Norm {
        /// Norm index, in [`super::LayerNorms::iter`] order.
        index: u32,
    },
}

impl Site {
    /// The block index.
    pub fn block(self) -> u32 {
        match self {
            Self::Attention { block } | Self::Mlp { block } => block,
            Self::Norm { index } => index / 2,
        }
    }

    /// "attention", "mlp" or "layernorm" (a norm's [`Site::block`] is its
    /// index / 2: the final norm's is the number of blocks).
    pub fn kind(self) -> &'static str {
        match self {
            Self::Attention { .. } => "attention",
            Self::Mlp { .. } => "mlp",
            Self::Norm { .. } => "layernorm",
        }
    }
}

/// The inputs one activation site saw over a calibration set.
#[derive(Clone, Debug, PartialEq)]
pub struct SiteRange {
    /// Which site.
    pub site: Site,
    /// The table's interval `[a, b]`.
    pub interval: (f64, f64),
    /// Smallest input seen (`+inf` if none).
    pub min: f64,
    /// Largest input seen (`-inf` if none).
    pub max: f64,
    /// Inputs seen.
    pub count: u64,
    /// Inputs outside the interval.
    pub outside: u64,
}

impl SiteRange {
    /// Distance from the observed inputs to the nearer end of the interval
    /// (`min(min - a, b - max)`, input units); negative when inputs left it.
    pub fn margin(&self) -> f64 {
        (self.min - self.interval.0).min(self.interval.1 - self.max)
    }

    /// The largest |input| seen.
    pub fn max_abs(&self) -> f64 {
        self.min.abs().max(self.max.abs())
    }
}

/// Activation ranges over a calibration set, one entry per site in the
/// order of [`Model::tables`].
#[derive(Clone, Debug, PartialEq)]
pub struct RangeReport {
    /// Samples evaluated.
    pub samples: u64,
    /// Per site.
    pub sites: Vec<SiteRange>,
    /// Per LayerNorm (language form; empty otherwise), the `1 / sqrt` input
    /// `v = var + eps`, in the order of [`Model::norm_tables`].
    pub norms: Vec<SiteRange>,
}

impl RangeReport {
    /// Whether every input of every site (and every norm) stayed inside its
    /// interval.
    pub fn all_inside(&self) -> bool {
        self.sites.iter().chain(&self.norms).all(|s| s.outside == 0)
    }

    /// The ranges as stored in a [`super::Calibration`] (f32 pairs).
    pub fn ranges_f32(&self) -> Vec<[f32; 2]> {
        self.sites.iter().map(|s| [s.min as f32, s.max as f32]).collect()
    }
}

/// `y = x W + b` for `n` rows of `x` (row-major, `inputs` wide).
fn affine(l: &Linear, x: &[f64]) -> Vec<f64> {
    let (ni, no) = (l.inputs as usize, l.outputs as usize);
    let rows = x.len() / ni;
    let mut y = vec![0.0; rows * no];
    for (xr, yr) in x.chunks_exact(ni).zip(y.chunks_exact_mut(no)) {
        for (o, b) in yr.iter_mut().zip(&l.bias) {
            *o = f64::from(*b);
        }
        for (xi, wrow) in xr.iter().zip(l.weight.chunks_exact(no)) {
            for (o, w) in yr.iter_mut().zip(wrow) {
                *o += xi * f64::from(*w);
            }
        }
    }
    y
}

struct Act<'r> {
    mode: ActivationMode,
    ranges: Option<&'r mut [SiteRange]>,
    norms: Option<&'r mut [SiteRange]>,
}

fn record(r: Option<&mut SiteRange>, x: f64) {
    if let Some(r) = r {
        r.min = r.min.min(x);
        r.max = r.max.max(x);
        r.count += 1;
        if !(x >= r.interval.0 && x <= r.interval.1) {
            r.outside += 1;
        }
    }
}

impl Act<'_> {
    fn poly(&self, table: &ApproxTable, site: Site, x: f64) -> Result<f64> {
        match self.mode {
            ActivationMode::Polynomial => Ok(table.eval(x)),
            ActivationMode::Exact => Ok(table.function().eval(x)),
            ActivationMode::PolynomialChecked => table.eval_checked(x).map_err(|_| {
                let (a, b) = table.interval();
                Error::ActivationOutOfRange { block: site.block(), site: site.kind(), x, a, b }
            }),
        }
    }

    fn apply(&mut self, table: &ApproxTable, index: usize, site: Site, x: f64) -> Result<f64> {
        record(self.ranges.as_deref_mut().and_then(|r| r.get_mut(index)), x);
        self.poly(table, site, x)
    }

    /// `1 / sqrt(v)`: exact, or the polynomial then the Newton steps.
    fn inv_sqrt(&mut self, norm: &Norm, index: usize, v: f64) -> Result<f64> {
        record(self.norms.as_deref_mut().and_then(|r| r.get_mut(index)), v);
        let site = Site::Norm { index: index as u32 };
        let mut y = self.poly(&norm.inv_sqrt, site, v)?;
        if self.mode != ActivationMode::Exact {
            for _ in 0..norm.newton_steps {
                y = y * (3.0 - v * y * y) / 2.0;
            }
        }
        Ok(y)
    }

    /// LayerNorm without gain and bias, on every `d`-wide token of `x`.
    fn layer_norm(&mut self, norm: &Norm, index: usize, x: &[f64], d: usize) -> Result<Vec<f64>> {
        let mut out = Vec::with_capacity(x.len());
        for tok in x.chunks_exact(d) {
            let mu = tok.iter().sum::<f64>() / d as f64;
            let var = tok.iter().map(|v| (v - mu) * (v - mu)).sum::<f64>() / d as f64;
            let r = self.inv_sqrt(norm, index, var + f64::from(norm.eps))?;
            out.extend(tok.iter().map(|v| (v - mu) * r));
        }
        Ok(out)
    }
}

impl Model {
    /// The logits (`classes` values) for one image of `rows * cols`
    /// pixels, row-major, in the range the model was trained on (the
    /// bundled models use pixel / max_pixel in [0, 1]).
    pub fn logits(&self, image: &[f64], mode: ActivationMode) -> Result<Vec<f64>> {
        self.forward(image, &mut Act { mode, ranges: None, norms: None })
    }

    /// The predicted class (index of the largest logit; the first on ties).
    pub fn predict(&self, image: &[f64], mode: ActivationMode) -> Result<usize> {
        let l = self.logits(image, mode)?;
        Ok(argmax(&l))
    }

    /// Evaluates every image and records each activation site's input
    /// range. `mode` is the model the ranges describe: `Exact` for the
    /// HE-friendly model whose activations get fitted, `Polynomial` for the
    /// inputs the encrypted evaluator will actually meet (approximation
    /// errors of earlier layers included). `PolynomialChecked` stops at the
    /// first input outside an interval.
    pub fn calibrate<'a>(
        &self,
        images: impl IntoIterator<Item = &'a [f64]>,
        mode: ActivationMode,
    ) -> Result<RangeReport> {
        let empty = |(site, t): (Site, &ApproxTable)| SiteRange {
            site,
            interval: t.interval(),
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            count: 0,
            outside: 0,
        };
        let mut sites: Vec<SiteRange> = self.tables().map(empty).collect();
        let mut norms: Vec<SiteRange> = self.norm_tables().map(empty).collect();
        let mut samples = 0;
        for img in images {
            self.forward(img, &mut Act { mode, ranges: Some(&mut sites), norms: Some(&mut norms) })?;
            samples += 1;
        }
        Ok(RangeReport { samples, sites, norms })
    }

    fn forward(&self, image: &[f64], act: &mut Act<'_>) -> Result<Vec<f64>> {
        let c = &self.config;
        if image.len() != c.input_len() {
            return Err(Error::InputLength { expected: c.input_len(), actual: image.len() });
        }
        let (d, l) = (c.width as usize, c.tokens());
        // Patches in raster order, pixels in raster order within a patch.
        let (pr, pc, cols) = (c.patch_rows as usize, c.patch_cols as usize, c.image_cols as usize);
        let per_row = cols / pc;
        let mut patches = Vec::with_capacity(l * pr * pc);
        for t in 0..l {
            let (r0, c0) = ((t / per_row) * pr, (t % per_row) * pc);
            for r in r0..r0 + pr {
                patches.extend_from_slice(&image[r * cols + c0..r * cols + c0 + pc]);
            }
        }
        let mut x = affine(&self.embed, &patches);
        for (xi, p) in x.iter_mut().zip(&self.pos) {
            *xi += f64::from(*p);
        }
        for (bi, b) in self.blocks.iter().enumerate() {
            self.block(bi, b, &mut x, act)?;
        }
        if let Some(n) = &self.norms {
            x = act.layer_norm(&n.last, 2 * self.blocks.len(), &x, d)?;
        }
        // Mean pooling over tokens, then the classifier.
        let mut mean = vec![0.0; d];
        for row in x.chunks_exact(d) {
            for (m, v) in mean.iter_mut().zip(row) {
                *m += v;
            }
        }
        for m in &mut mean {
            *m /= l as f64;
        }
        Ok(affine(&self.head, &mean))
    }

    fn block(&self, bi: usize, b: &Block, x: &mut [f64], act: &mut Act<'_>) -> Result<()> {
        let c = &self.config;
        let (d, l, heads, dh) = (c.width as usize, c.tokens(), c.heads as usize, c.head_dim());
        let norms = self.norms.as_ref().and_then(|n| n.blocks.get(bi));
        // The language form normalises the block input first (gain and bias
        // are folded into q, k, v); the vision form reads it directly.
        let xn = match norms {
            Some([n, _]) => act.layer_norm(n, 2 * bi, x, d)?,
            None => x.to_vec(),
        };
        let (q, k, v) = (affine(&b.q, &xn), affine(&b.k, &xn), affine(&b.v, &xn));
        let site = Site::Attention { block: bi as u32 };
        let mut o = vec![0.0; l * d];
        for h in 0..heads {
            let (scale, shift) = (f64::from(b.score_scale[h]), f64::from(b.score_shift[h]));
            let cols = h * dh..(h + 1) * dh;
            for i in 0..l {
                let qi = &q[i * d..][cols.clone()];
                for j in 0..l {
                    let kj = &k[j * d..][cols.clone()];
                    let s = scale * qi.iter().zip(kj).map(|(a, b)| a * b).sum::<f64>() + shift;
                    // The activation runs on every score, masked or not:
                    // under CKKS the mask is a product after it.
                    let mut a = act.apply(&b.attn_act, 2 * bi, site, s)?;
                    if c.causal && j > i {
                        a = 0.0;
                    }
                    let vj = &v[j * d..][cols.clone()];
                    for (oo, vv) in o[i * d..][cols.clone()].iter_mut().zip(vj) {
                        *oo += a * vv;
                    }
                }
            }
        }
        for (xi, yi) in x.iter_mut().zip(affine(&b.o, &o)) {
            *xi += yi;
        }
        let site = Site::Mlp { block: bi as u32 };
        let mut hidden = match norms {
            Some([_, n]) => affine(&b.mlp_in, &act.layer_norm(n, 2 * bi + 1, x, d)?),
            None => affine(&b.mlp_in, x),
        };
        for hv in &mut hidden {
            *hv = act.apply(&b.mlp_act, 2 * bi + 1, site, *hv)?;
        }
        for (xi, yi) in x.iter_mut().zip(affine(&b.mlp_out, &hidden)) {
            *xi += yi;
        }
        Ok(())
    }
}

/// Index of the largest value (the first on ties; NaN never wins).
pub fn argmax(v: &[f64]) -> usize {
    let mut best = 0;
    for (i, x) in v.iter().enumerate() {
        if *x > v[best] {
            best = i;
        }
    }
    best
}
