#!/usr/bin/python3
"""Report of bench/train_vs_anchors.sh: medians over rounds of the training-step rates (glorot with the fused
backward step and without it, numpy/OpenBLAS, PyTorch), and the weight traffic per step beside the measured copy
bandwidth.

    /usr/bin/python3 bench/anchors/train_report.py DIR

DIR holds rates.tsv (round, threads, batch, contender, steps/s), machine.json (Glorot.Bench copy), numpy_copy.json
(train_step.py --only copy), load_before and load_after (/proc/loadavg).

Weight traffic per step (1024-HIDDEN-9, HIDDEN from DIR/hidden, default 1000x5; the packed Wt of a layer is in x ceil(out/32)*32 floats): the forward
reads every W once; the unfused backward reads W of layers >= 1 for dX, then reads and writes every W in the
update (4 passes, 3 for layer 0); the fused one reads each W once for both and writes it once (3 passes). At
batch 10 the activations (10 x 1000 floats a layer) are under 1 % of that and are not counted.
"""
import json
import os
import statistics
import sys

WIDTHS = [1024] + [1000] * 5 + [9]


def widths_of(hidden):
    """1024-HIDDEN-9 for HIDDEN = WIDTHxCOUNT or a comma list, as glorot bench train --hidden reads it."""
    if "x" in hidden:
        width, count = hidden.split("x")
        return [1024] + [int(width)] * int(count) + [9]
    return [1024] + [int(w) for w in hidden.split(",")] + [9]


def weight_bytes():
    return [i * -(-o // 32) * 32 * 4 for i, o in zip(WIDTHS, WIDTHS[1:])]


def traffic(fused):
    per_layer = weight_bytes()
    return sum(w * (3 if fused or l == 0 else 4) for l, w in enumerate(per_layer))


def parse_size(text):
    text = text.strip().upper()
    scale = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(text[-1:], 1)
    return int(text.rstrip("KMG")) * scale if text.rstrip("KMG").isdigit() else None


def main():
    global WIDTHS
    folder = sys.argv[1]
    hidden_file = os.path.join(folder, "hidden")
    if os.path.exists(hidden_file):
        WIDTHS = widths_of(open(hidden_file).read().strip())
    rates = {}
    with open(os.path.join(folder, "rates.tsv")) as f:
        for line in f:
            _, threads, batch, who, rate = line.split("\t")
            rates.setdefault((int(threads), int(batch)), {}).setdefault(who, []).append(float(rate))
    machine = json.load(open(os.path.join(folder, "machine.json")))
    numpy_copy = json.load(open(os.path.join(folder, "numpy_copy.json")))
    load = [open(os.path.join(folder, n)).read().strip() for n in ("load_before", "load_after")]
    rounds = max(len(v) for row in rates.values() for v in row.values())
    llc = parse_size(machine["llc"])
    total_w = sum(weight_bytes())
    print(f"network {'-'.join(map(str, WIDTHS))}, tanh, plain SGD; median of {rounds} round(s), ~1 s each")
    print(f"vector path {machine['vector_path']}, {machine['processors']} CPUs, LLC {machine['llc']} "
          f"(weights {total_w / 1e6:.1f} MB: {'fit in' if llc and total_w < llc else 'exceed'} the LLC); "
          f"load average before {load[0]}, after {load[1]}")
    print(f"copy bandwidth (read + write): C# {machine['copy_gb_per_s_1_thread']:.2f} GB/s on 1 thread, "
          f"{machine['copy_gb_per_s_2_threads']:.2f} on 2; numpy {numpy_copy['numpy_copy_gb_per_s']:.2f}")
    print(f"{'thr':>3} {'batch':>5} {'fused':>8} {'unfused':>8} {'numpy':>8} {'torch':>8} "
          f"{'f/unf':>6} {'f/numpy':>7} {'f/torch':>7}   (steps/s)")
    medians = {}
    for (threads, batch), row in sorted(rates.items()):
        m = {who: statistics.median(v) for who, v in row.items()}
        medians[(threads, batch)] = m
        ratio = lambda a, b: f"{m[a] / m[b]:.2f}" if a in m and b in m and m[b] > 0 else "-"
        print(f"{threads:>3} {batch:>5} " + " ".join(f"{m.get(k, float('nan')):8.1f}" for k in ("fused", "unfused", "numpy", "torch"))
              + f" {ratio('fused', 'unfused'):>6} {ratio('fused', 'numpy'):>7} {ratio('fused', 'torch'):>7}")
    tf, tu = traffic(True), traffic(False)
    print(f"weight traffic per step: unfused {tu / 1e6:.1f} MB, fused {tf / 1e6:.1f} MB ({tu / tf:.2f}x less)")
    for (threads, batch), m in sorted(medians.items()):
        if batch != 10:
            continue
        bw = machine["copy_gb_per_s_1_thread" if threads == 1 else "copy_gb_per_s_2_threads"]
        parts = []
        for who, bytes_ in (("fused", tf), ("unfused", tu)):
            if who in m:
                parts.append(f"{who} {m[who] * bytes_ / 1e9:.1f} GB/s")
        print(f"  {threads} thread(s), batch 10: weight traffic at the measured rate {', '.join(parts)}; "
              f"copy bandwidth {bw:.1f} GB/s bounds a DRAM-resident step at {bw * 1e9 / tf:.0f} (fused) / "
              f"{bw * 1e9 / tu:.0f} (unfused) steps/s")
    print(json.dumps({"medians": {f"{t}x{b}": m for (t, b), m in medians.items()}, "machine": machine,
                      "numpy_copy": numpy_copy, "load": load, "traffic_bytes": {"fused": tf, "unfused": tu}}))


if __name__ == "__main__":
    main()
