#!/usr/bin/python3
"""Anchors for `glorot bench train`: the same training step (forward, softmax + NLL, backward, plain SGD) of
the same MLP (default 1024-1000x5-9, tanh) in numpy (OpenBLAS) and in PyTorch, on random inputs, reported in
steps/s at each batch size as the best of several timed repeats after warm-up.

    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/anchors/train_step.py --threads 2 --batch 10 100 1000 \
        [--ours 10=450 100=65 1000=6.5] [--json]

Thread counts must be fixed before numpy loads OpenBLAS, so this script re-executes itself with
OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set to --threads when they disagree. --ours takes our steps/s per batch
and prints ratios (ours / anchor).
"""
import argparse
import json
import os
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--inputs", type=int, default=1024)
    p.add_argument("--hidden", default="1000x5", help="WIDTHxCOUNT or a comma list")
    p.add_argument("--classes", type=int, default=9)
    p.add_argument("--batch", type=int, nargs="+", default=[10, 100, 1000])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seconds", type=float, default=1.0, help="length of one timed repeat")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--only", choices=["numpy", "torch", "copy"],
                   help="run one anchor; copy: STREAM-like copy bandwidth of numpy instead of training steps")
    p.add_argument("--copy-mb", type=int, default=200, help="array size for --only copy")
    p.add_argument("--ours", nargs="*", default=[], help="BATCH=STEPS_PER_S of glorot bench train")
    p.add_argument("--json", action="store_true")
    return p.parse_args()


def hidden_widths(text):
    widths = []
    for part in text.split(","):
        if "x" in part:
            w, n = part.split("x")
            widths += [int(w)] * int(n)
        elif part.strip():
            widths.append(int(part))
    return widths


def best_rate(step, seconds, repeats):
    """Steps per second: best of `repeats` timed runs of about `seconds` each, after warm-up."""
    for _ in range(3):
        step()
    t0 = time.perf_counter()
    step()
    n = max(1, int(seconds / max(time.perf_counter() - t0, 1e-6)))
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(n):
            step()
        best = max(best, n / (time.perf_counter() - t0))
    return best


def numpy_anchor(widths, batch, lr, seconds, repeats):
    import numpy as np
    rng = np.random.default_rng(0)
    ws = [(rng.uniform(-1, 1, (o, i)) * np.sqrt(6 / (i + o))).astype(np.float32) for i, o in zip(widths, widths[1:])]
    bs = [np.zeros(o, np.float32) for o in widths[1:]]
    x = rng.uniform(-1, 1, (batch, widths[0])).astype(np.float32)
    y = rng.integers(0, widths[-1], batch)
    rows = np.arange(batch)

    def step():
        zs = [x]
        for l, (w, b) in enumerate(zip(ws, bs)):
            s = zs[-1] @ w.T
            s += b
            if l < len(ws) - 1:
                np.tanh(s, out=s)
            zs.append(s)
        logits = zs[-1]
        m = logits.max(axis=1, keepdims=True)
        e = np.exp(logits - m)
        p = e / e.sum(axis=1, keepdims=True)
        ds = p
        ds[rows, y] -= 1
        ds /= batch
        for l in range(len(ws) - 1, -1, -1):
            z = zs[l]
            dz = ds @ ws[l] if l > 0 else None
            ws[l] -= lr * (ds.T @ z)
            bs[l] -= lr * ds.sum(axis=0)
            if l > 0:
                dz *= 1 - z * z
                ds = dz

    return best_rate(step, seconds, repeats)


def torch_anchor(widths, batch, lr, seconds, repeats, threads):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    layers = []
    for l, (i, o) in enumerate(zip(widths, widths[1:])):
        layers.append(torch.nn.Linear(i, o))
        if l < len(widths) - 2:
            layers.append(torch.nn.Tanh())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(batch, widths[0]) * 2 - 1
    y = torch.randint(0, widths[-1], (batch,))

    def step():
        opt.zero_grad(set_to_none=True)
        loss_fn(model(x), y).backward()
        opt.step()

    return best_rate(step, seconds, repeats)


def copy_bandwidth(megabytes, repeats):
    """STREAM "Copy" (McCalpin): b[:] = a[:] over arrays far larger than the caches; GB/s of bytes read + written."""
    import numpy as np
    a = np.ones(megabytes * 1_000_000 // 4, np.float32)
    b = np.zeros_like(a)  # every page touched before timing
    best = float("inf")
    for _ in range(max(3, repeats)):
        t0 = time.perf_counter()
        np.copyto(b, a)
        best = min(best, time.perf_counter() - t0)
    return 2 * a.nbytes / best / 1e9


def main():
    args = parse_args()
    wanted = str(args.threads)
    if os.environ.get("OPENBLAS_NUM_THREADS") != wanted or os.environ.get("OMP_NUM_THREADS") != wanted:
        env = dict(os.environ, OPENBLAS_NUM_THREADS=wanted, OMP_NUM_THREADS=wanted)
        os.execve(sys.executable, [sys.executable] + sys.argv, env)
    widths = [args.inputs] + hidden_widths(args.hidden) + [args.classes]
    if args.only == "copy":
        print(json.dumps({"numpy_copy_mb": args.copy_mb,
                          "numpy_copy_gb_per_s": copy_bandwidth(args.copy_mb, args.repeats)}))
        return
    ours = {int(k): float(v) for k, v in (item.split("=") for item in args.ours)}
    rows = []
    for batch in args.batch:
        row = {"batch": batch, "threads": args.threads}
        if args.only in (None, "numpy"):
            row["numpy_steps_per_second"] = numpy_anchor(widths, batch, args.lr, args.seconds, args.repeats)
        if args.only in (None, "torch"):
            row["torch_steps_per_second"] = torch_anchor(widths, batch, args.lr, args.seconds, args.repeats, args.threads)
        if batch in ours:
            row["glorot_steps_per_second"] = ours[batch]
            for anchor in ("numpy", "torch"):
                if f"{anchor}_steps_per_second" in row:
                    row[f"glorot_over_{anchor}"] = ours[batch] / row[f"{anchor}_steps_per_second"]
        rows.append(row)
    if args.json:
        print(json.dumps({"network": "-".join(map(str, widths)), "rows": rows}, indent=2))
        return
    print(f"network {'-'.join(map(str, widths))}, tanh, plain SGD, {args.threads} thread(s), best of {args.repeats}")
    print(f"{'batch':>6} {'numpy':>10} {'torch':>10} {'glorot':>10} {'g/numpy':>8} {'g/torch':>8}   (steps/s)")
    for r in rows:
        def f(key, fmt="{:10.1f}"):
            return fmt.format(r[key]) if key in r else " " * (len(fmt.format(0.0)))
        print(f"{r['batch']:>6} {f('numpy_steps_per_second')} {f('torch_steps_per_second')} "
              f"{f('glorot_steps_per_second')} {f('glorot_over_numpy', '{:8.2f}')} {f('glorot_over_torch', '{:8.2f}')}")


if __name__ == "__main__":
    main()
