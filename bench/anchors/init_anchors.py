#!/usr/bin/python3
"""Anchors for `dotnet run -c Release --project bench/Glorot.Bench -- fill`: the same 8192 x 8192 float32 fills
with torch.nn.init.xavier_uniform_/xavier_normal_ and numpy's default generator (PCG64), best of N runs.
Run with Debian's python3 (python3-numpy, python3-torch). Prints one line per case, or JSON with --json."""
import json
import sys
import time

import numpy as np

SIZE = 8192
REPEATS = 5


def best_of(fn):
    fn()
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    results = []
    n = SIZE * SIZE
    rng = np.random.default_rng(0)
    out = np.empty((SIZE, SIZE), dtype=np.float32)
    results.append(("numpy random(float32)", 1, best_of(lambda: rng.random(dtype=np.float32, out=out))))
    results.append(("numpy standard_normal(float32)", 1, best_of(lambda: rng.standard_normal(dtype=np.float32, out=out))))
    try:
        import torch
        w = torch.empty(SIZE, SIZE)
        for threads in (1, 2):
            torch.set_num_threads(threads)
            results.append(("torch xavier_uniform_", threads, best_of(lambda: torch.nn.init.xavier_uniform_(w))))
            results.append(("torch xavier_normal_", threads, best_of(lambda: torch.nn.init.xavier_normal_(w))))
    except ImportError:
        print("torch not installed (apt-get install python3-torch); numpy only", file=sys.stderr)
    if "--json" in sys.argv:
        print(json.dumps([{"case": c, "threads": t, "seconds": s, "gfloat_per_s": n / s / 1e9} for c, t, s in results]))
    else:
        for case, threads, seconds in results:
            print(f"{case:32s} threads {threads}  {seconds * 1e3:8.1f} ms  {n / seconds / 1e9:6.2f} Gfloat/s")


if __name__ == "__main__":
    main()
