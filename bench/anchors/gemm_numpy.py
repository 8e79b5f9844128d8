#!/usr/bin/python3
"""Anchor for `glorot bench gemm` (bench/Glorot.Bench `gemm`): the same products through numpy (OpenBLAS) and,
if installed, torch, timed the same way (best of --runs samples; a sample repeats the call for >= 30 ms).

Thread count comes from the environment, set before numpy loads OpenBLAS:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/anchors/gemm_numpy.py
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/anchors/gemm_numpy.py
Shapes: 1000^3, and a 1024-1000x5-9 MLP layer at batch 10/100/1000 with W stored [out, in] (PyTorch order):
forward X.W^T, backward data dY.W, weight gradient X^T.dY (numpy: plain product into a buffer, no fused update;
torch: addmm with beta=1, i.e. the SGD step fused, as the C# `wgrad+sgd` rows do).
"""
import argparse
import json
import os
import time

import numpy as np

PEAK_PER_CORE = 117.4  # GFLOP/s, FP32 FMA, docs/BENCHMARKS.md "Design measurements"


def best_ms(call, runs):
    call()
    best = float("inf")
    for _ in range(runs):
        calls = 0
        start = time.perf_counter()
        while True:
            call()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.03:
                break
        best = min(best, elapsed * 1e3 / calls)
    return best


def cases(batches, rng):
    s = 1000
    a = rng.random((s, s), dtype=np.float32) - 0.5
    b = rng.random((s, s), dtype=np.float32) - 0.5
    c = np.empty((s, s), dtype=np.float32)
    yield "square 1000³", s, s, s, {"numpy": lambda: np.matmul(a, b, out=c)}, (a, b)
    for batch in batches:
        for inputs in (1024, 1000):
            outputs = 1000
            w = rng.random((outputs, inputs), dtype=np.float32) - 0.5
            x = rng.random((batch, inputs), dtype=np.float32) - 0.5
            dy = rng.random((batch, outputs), dtype=np.float32) - 0.5
            y = np.empty((batch, outputs), dtype=np.float32)
            dx = np.empty((batch, inputs), dtype=np.float32)
            dwt = np.empty((inputs, outputs), dtype=np.float32)
            tag = f"b{batch} {inputs}→{outputs}"
            yield f"fwd {tag} X·Wᵀ", batch, outputs, inputs, {"numpy": lambda x=x, w=w, y=y: np.matmul(x, w.T, out=y)}, None
            if inputs == 1000:
                yield f"bwd {tag} dY·W", batch, inputs, outputs, {"numpy": lambda dy=dy, w=w, dx=dx: np.matmul(dy, w, out=dx)}, None
            else:
                yield (f"wgrad+sgd {tag} Xᵀ·dY", inputs, outputs, batch,
                       {"numpy": lambda x=x, dy=dy, dwt=dwt: np.matmul(x.T, dy, out=dwt)}, None)


def torch_calls(name, m, n, k, rng):
    import torch
    t = lambda *shape: torch.from_numpy(rng.random(shape, dtype=np.float32) - 0.5)
    if name.startswith("square"):
        a, b, c = t(m, k), t(k, n), torch.empty(m, n)
        return lambda: torch.mm(a, b, out=c)
    if name.startswith("fwd"):
        x, w, y = t(m, k), t(n, k), torch.empty(m, n)
        return lambda: torch.mm(x, w.t(), out=y)
    if name.startswith("bwd"):
        dy, w, dx = t(m, k), t(k, n), torch.empty(m, n)
        return lambda: torch.mm(dy, w, out=dx)
    x, dy, wt = t(k, m), t(k, n), t(m, n)
    return lambda: torch.addmm(wt, x.t(), dy, beta=1.0, alpha=-1e-3 / k, out=wt)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--batches", default="10,100,1000")
    parser.add_argument("--no-torch", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    threads = int(os.environ.get("OPENBLAS_NUM_THREADS", "0") or 0)
    if threads == 0:
        parser.error("set OPENBLAS_NUM_THREADS=1 or 2 so the thread count is known")
    have_torch = False
    if not args.no_torch:
        try:
            import torch
            torch.set_num_threads(threads)
            have_torch = True
        except ImportError:
            pass
    rng = np.random.default_rng(2010)
    rows = []
    print(f"# numpy {np.__version__}, OPENBLAS_NUM_THREADS={threads}, torch: {have_torch}")
    for name, m, n, k, calls, _ in cases([int(b) for b in args.batches.split(",")], rng):
        if have_torch:
            calls["torch"] = torch_calls(name, m, n, k, rng)
        for engine, call in calls.items():
            ms = best_ms(call, args.runs)
            gflops = 2.0 * m * n * k / (ms * 1e6)
            frac = gflops / (PEAK_PER_CORE * threads)
            rows.append(dict(case=name, engine=engine, threads=threads, m=m, n=n, k=k, milliseconds=ms,
                             gflops=gflops, fraction_of_peak=frac))
            print(f"{name:<34} {engine:<8} T={threads}  {ms:9.4f} ms  {gflops:7.1f} GFLOP/s  {100 * frac:5.1f} % of peak",
                  flush=True)
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
