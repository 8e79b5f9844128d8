"""Anchor for `Glorot.Bench probe`: numpy (OpenBLAS / LAPACK) doing the same work on the same sizes.

Usage: /usr/bin/python3 bench/anchors/probe_numpy.py
Jacobian: singular values of diag(f'(s))·W for a 1000×1000 W (LAPACK gesdd in double, and the Gram + eigvalsh
route that JacobianSpectrum uses). Summaries: std in double, 1st/99th percentiles, 100-bin density histogram of
300 k float32 values (one quantity of one layer at 300 examples × 1000 units).
"""
import time
import numpy as np

def best(f, runs=3):
    t_best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best

rng = np.random.default_rng(0)
w = (rng.uniform(-1, 1, (1000, 1000)) / np.sqrt(1000)).astype(np.float32)
slopes = (1 - np.tanh(rng.standard_normal(1000) * 0.3) ** 2).astype(np.float32)
j = slopes[:, None] * w
print(f"svdvals (double gesdd), 1000x1000      {best(lambda: np.linalg.svd(j.astype(np.float64), compute_uv=False)):.3f} s")
print(f"gram (float) + eigvalsh (double)        {best(lambda: np.linalg.eigvalsh((j @ j.T).astype(np.float64))):.3f} s")
x = rng.standard_normal(300 * 1000).astype(np.float32)
def summaries():
    x.astype(np.float64).std()
    np.percentile(x, [1, 99])
    np.histogram(x, 100, density=True)
print(f"std + percentiles + histogram, 300 k    {best(summaries, 5):.4f} s")
