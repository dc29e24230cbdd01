//! Samplers driven by any `RngCore + CryptoRng` (filled in by the sampler layer).
