"""Singular values of J = diag(slopes)·W from numpy.linalg.svd, the parity fixtures of JacobianSpectrum.

W and the slopes come from SplitMix64 (Steele, Lea & Flood 2014) on the entry index, so that C# and numpy build
bit-identical float32 matrices without sharing a generator: w = k/2^23 − 1 with k the top 24 bits (exact in
float32); slopes either 0.05 + 0.95·u (units away from saturation) or u² (many near-saturated units, small σ).
J = float64(slopes)·float64(W) is exact in double, and numpy's LAPACK gesdd takes it from there.

  python3 jacobian_svd_fixtures.py      writes jacobian_svd_<case>.txt beside this script
  python3 - < jacobian_svd_fixtures.py  (what JacobianSpectrumParityTests does) prints them instead
"""
import os
import sys

import numpy as np

# name: (rows, cols, seed, slope rule)
CASES = {
    "square1000": (1000, 1000, 1, "affine"),
    "tall400x250": (400, 250, 2, "squared"),
    "wide250x400": (250, 400, 3, "affine"),
    "square300saturated": (300, 300, 4, "squared"),
}

MASK = (1 << 64) - 1


def splitmix64(seed, count):
    """z_i = SplitMix64 output for state seed + (i+1)·γ, i < count, as uint64."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + (np.arange(1, count + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def layer(rows, cols, seed, rule):
    top = (splitmix64(seed, rows * cols) >> np.uint64(40)).astype(np.float64)
    w = (top / 2.0**23 - 1.0).astype(np.float32).reshape(rows, cols)
    u = (splitmix64(seed + 1000, rows) >> np.uint64(40)).astype(np.float64) / 2.0**24
    slopes = (0.05 + 0.95 * u if rule == "affine" else u * u).astype(np.float32)
    return w, slopes


def spectrum(name):
    rows, cols, seed, rule = CASES[name]
    w, slopes = layer(rows, cols, seed, rule)
    j = slopes.astype(np.float64)[:, None] * w.astype(np.float64)
    return np.linalg.svd(j, compute_uv=False)


def main():
    if sys.argv[0] == "-":
        for name in CASES:
            print(name, " ".join(repr(float(s)) for s in spectrum(name)))
        return
    here = os.path.dirname(os.path.abspath(__file__))
    for name, (rows, cols, seed, rule) in CASES.items():
        with open(os.path.join(here, f"jacobian_svd_{name}.txt"), "w") as f:
            f.write(f"# numpy {np.__version__} svd(compute_uv=False) of diag(slopes)·W, {rows}x{cols}, seed {seed}, slopes {rule}\n")
            for s in spectrum(name):
                f.write(f"{float(s)!r}\n")


main()
