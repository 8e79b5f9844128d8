"""Anchor for `selftest`: the one-sample Kolmogorov-Smirnov statistic of n standard normals in PyTorch
(sort, then the normal CDF torch.special.ndtr in double precision, then the two one-sided gaps), the same
algorithm as Glorot.Init.KolmogorovSmirnov.Statistic. Prints one JSON line: best seconds per n.
Usage: /usr/bin/python3 bench/anchors/ks_torch.py THREADS REPEATS N [N ...]"""
import json, sys, time
import torch

threads, repeats, sizes = int(sys.argv[1]), int(sys.argv[2]), [int(a) for a in sys.argv[3:]]
torch.set_num_threads(threads)
result = {"torch": torch.__version__, "threads": threads, "seconds": {}}
for n in sizes:
    x = torch.randn(n, generator=torch.Generator().manual_seed(1))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        s = torch.sort(x).values.double()
        f = torch.special.ndtr(s)
        i = torch.arange(n, dtype=torch.float64)
        d = torch.maximum((i + 1) / n - f, f - i / n).max().item()
        best = min(best, time.perf_counter() - t0)
    result["seconds"][str(n)] = best
    result.setdefault("d", {})[str(n)] = d
print(json.dumps(result))
