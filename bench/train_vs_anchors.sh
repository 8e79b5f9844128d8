#!/bin/sh
# Training-step speed of the engine next to numpy/OpenBLAS and PyTorch, same network, same machine, same session:
#   bench/train_vs_anchors.sh [THREADS] [BATCHES...]      (default: 2 threads, batches 10 100 1000)
# Prints steps/s of each and the ratios glorot/anchor. Run on an idle machine; every figure is a best of 3.
set -eu
cd "$(dirname "$0")/.."
threads=${1:-2}
[ $# -gt 0 ] && shift
batches=${*:-10 100 1000}
dotnet build src/Glorot.Cli -c Release -v q --nologo >/dev/null
ours=""
for b in $batches; do
    # About 1 s per repeat: 5000 examples at the expected ~5000 examples/s.
    steps=$(( 5000 / b )); [ "$steps" -lt 5 ] && steps=5
    rate=$(dotnet src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll bench train --batch "$b" --steps "$steps" \
        --threads "$threads" --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["steps_per_second"])')
    ours="$ours $b=$rate"
done
# shellcheck disable=SC2086
/usr/bin/python3 bench/anchors/train_step.py --threads "$threads" --batch $batches --ours $ours
