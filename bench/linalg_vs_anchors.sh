#!/bin/sh
# Jacobian singular values (1000²) and orthogonal init (1024², 2048², 4096²) of this engine next to numpy and
# PyTorch (when installed), same machine, same session, alternated round by round so that both see the same load:
#   bench/linalg_vs_anchors.sh [ROUNDS] [LARGEST]      (default 2 rounds, up to 4096²)
# Each round prints the engine's lines (1 and 2 threads), the anchors' (2 threads, then 1 thread up to 1024²),
# and the load average.
# On a shared machine whose other jobs run under nice 10, run it as root under `nice -n -10` (docs/BENCHMARKS.md,
# "Linear algebra", says how the figures there were taken).
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-2}
largest=${2:-4096}
dotnet build bench/Glorot.Bench -c Release -v q --nologo >/dev/null
round=1
while [ "$round" -le "$rounds" ]; do
    echo "# round $round, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    dotnet bench/Glorot.Bench/bin/Release/net10.0/Glorot.Bench.dll linalg --repeats 3 --largest "$largest"
    /usr/bin/python3 bench/anchors/linalg_anchors.py --threads 2 --repeats 3 --largest "$largest"
    /usr/bin/python3 bench/anchors/linalg_anchors.py --threads 1 --repeats 1 --largest 1024
    round=$((round + 1))
done
