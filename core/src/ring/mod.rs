//! RNS bases and polynomials (filled in by the ring layer).
