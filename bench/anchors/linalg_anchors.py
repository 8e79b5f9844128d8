"""Anchors for `Glorot.Bench linalg`: numpy (OpenBLAS / LAPACK) and, when installed, PyTorch on the same shapes.

Usage: /usr/bin/python3 bench/anchors/linalg_anchors.py [--threads N] [--repeats R] [--largest N]
Jacobian: singular values of diag(f'(s))·W, 1000×1000 (numpy svd(compute_uv=False) in double = LAPACK dgesdd;
Gram + eigvalsh in double, the route JacobianSpectrum takes; torch.linalg.svdvals in double).
Orthogonal: numpy qr of an n×n Gaussian float32 (sgeqrf + sorgqr) and torch.nn.init.orthogonal_ (the same LAPACK
calls through torch). Thread count is set before numpy/torch load (OMP/OPENBLAS_NUM_THREADS, torch.set_num_threads).
Output lines match the C# benchmark's: "<anchor> <what> n=<n> threads=<t> <seconds> s".
"""
import argparse
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--repeats", type=int, default=3)
parser.add_argument("--largest", type=int, default=4096)
args = parser.parse_args()
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)

import numpy as np  # noqa: E402  (after the thread variables)

try:
    import torch  # noqa: E402
    torch.set_num_threads(args.threads)
except ImportError:
    torch = None


def best(f, repeats):
    f()  # warm-up
    t_best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best


def line(anchor, what, n, seconds):
    print(f"{anchor:<6} {what:<24} n={n:<5} threads={args.threads} {seconds:8.4f} s", flush=True)


rng = np.random.default_rng(1)
w = (rng.standard_normal((1000, 1000)) / np.sqrt(1000)).astype(np.float32)
slopes = (1 - np.tanh(0.8 * rng.standard_normal(1000)) ** 2).astype(np.float32)
j = slopes.astype(np.float64)[:, None] * w.astype(np.float64)
line("numpy", "svd-values", 1000, best(lambda: np.linalg.svd(j, compute_uv=False), args.repeats))
line("numpy", "gram+eigvalsh", 1000, best(lambda: np.linalg.eigvalsh(j @ j.T), args.repeats))
if torch is not None:
    jt = torch.from_numpy(j)
    line("torch", "svdvals", 1000, best(lambda: torch.linalg.svdvals(jt), args.repeats))

for n in (1024, 2048, 4096):
    if n > args.largest:
        break
    repeats = 1 if n >= 4096 else args.repeats
    a = rng.standard_normal((n, n)).astype(np.float32)
    line("numpy", "qr", n, best(lambda: np.linalg.qr(a), repeats))
    if torch is not None:
        t = torch.empty(n, n)
        line("torch", "orthogonal_", n, best(lambda: torch.nn.init.orthogonal_(t), repeats))
if torch is None:
    print("torch: not installed (python3 -c 'import torch' failed); PyTorch anchors skipped", file=sys.stderr)
