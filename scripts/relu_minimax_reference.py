#!/usr/bin/env python3
"""Independent reference for the ReLU minimax errors pinned in core/src/approx tests.

ReLU(x) = x/2 + |x|/2, and x/2 is reproduced exactly by any polynomial of
degree >= 1, so the minimax error of ReLU on [-1, 1] at degree 2m or 2m+1 is
E_{2m}(|x|)/2. Since |x| is even, its best approximation is even, and with
u = x^2 that is the best approximation of sqrt(u) on [0, 1] by a polynomial
of degree m in u. This script runs the Remez exchange on that reformulation
(monomial basis in u, 50-digit mpmath arithmetic, extrema refined by
golden-section search), a different function, basis, precision and language
from the Rust implementation, and prints E_{2m}(|x|)/2.

    pip install mpmath && python3 scripts/relu_minimax_reference.py
"""
import mpmath as mp

mp.mp.dps = 50


def remez_sqrt(m, iters=60):
    f = mp.sqrt
    n = m + 2  # reference points
    # Chebyshev-like start on [0,1], denser near 0 where sqrt is steep.
    ref = [mp.mpf(1) - mp.cos(mp.pi * i / (2 * (n - 1))) for i in range(n)]
    for _ in range(iters):
        a = mp.matrix(n, n)
        rhs = mp.matrix(n, 1)
        for i, u in enumerate(ref):
            for k in range(m + 1):
                a[i, k] = u ** k
            a[i, m + 1] = (-1) ** i
            rhs[i] = f(u)
        sol = mp.lu_solve(a, rhs)
        c = [sol[k] for k in range(m + 1)]
        lev = abs(sol[m + 1])
        err = lambda u: f(u) - sum(ck * u ** k for k, ck in enumerate(c))
        # Extrema between consecutive sign regions: locate by dense grid
        # (quadratically spaced, to resolve the steep start), then refine.
        grid = [mp.mpf(j) ** 2 / 4000 ** 2 for j in range(4001)]
        vals = [err(u) for u in grid]
        ext = []
        for j in range(len(grid)):
            left = vals[j - 1] if j > 0 else None
            right = vals[j + 1] if j + 1 < len(grid) else None
            v = vals[j]
            # A local maximum of |err| (endpoints included).
            if (left is None or abs(v) >= abs(left)) and (right is None or abs(v) >= abs(right)):
                ext.append(j)
        pts = []
        for j in ext:
            lo = grid[max(j - 1, 0)]
            hi = grid[min(j + 1, len(grid) - 1)]
            s = mp.sign(vals[j])
            if j == 0 or j == len(grid) - 1:
                pts.append((grid[j], vals[j]))
                continue
            g = (mp.sqrt(5) - 1) / 2
            x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
            for _ in range(120):
                if s * err(x1) > s * err(x2):
                    hi = x2
                else:
                    lo = x1
                x1, x2 = hi - g * (hi - lo), lo + g * (hi - lo)
            u = (lo + hi) / 2
            pts.append((u, err(u)))
        # Keep alternating signs (largest of each run), then trim to n.
        alt = []
        for u, e in pts:
            if alt and mp.sign(alt[-1][1]) == mp.sign(e):
                if abs(e) > abs(alt[-1][1]):
                    alt[-1] = (u, e)
            else:
                alt.append((u, e))
        while len(alt) > n:
            alt.pop(0 if abs(alt[0][1]) < abs(alt[-1][1]) else -1)
        ref = [u for u, _ in alt]
        emax = max(abs(e) for _, e in alt)
        if emax - lev < mp.mpf(10) ** -40:
            break
    return emax


if __name__ == "__main__":
    for m in (1, 2, 3, 4, 5, 6, 7):
        e = remez_sqrt(m)
        print(f"ReLU on [-1,1], degree {2*m}/{2*m+1}: minimax error {mp.nstr(e / 2, 20)}")
