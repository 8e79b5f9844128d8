#!/bin/sh
# Training-step speed of the engine, with the fused backward step (one pass over each W) and without it, beside
# numpy/OpenBLAS and PyTorch: same network (1024-1000x5-9 tanh, plain SGD), same machine, same run.
#   bench/train_vs_anchors.sh [ROUNDS]      (default 3 rounds; THREADS="1 2" and BATCHES="10 100" by default;
#   HIDDEN=2500x5 for a network whose weights exceed this machine's last-level cache)
# Every round runs each contender once at every (threads, batch), one after the other, so a load that comes and
# goes hits them all alike; the report (bench/anchors/train_report.py) gives the median over rounds of each
# repeat's steps/s, the load average before and after, the vector path, the LLC size, a STREAM-like copy
# bandwidth (C# and numpy) and the weight traffic per step against it. Several minutes; run on an idle machine.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
threads_list=${THREADS:-1 2}
batches=${BATCHES:-10 100}
hidden=${HIDDEN:-1000x5}
width=${hidden%%x*}; width=${width%%,*}
out=$(mktemp -d)
dotnet build src/Glorot.Cli -c Release -v q --nologo >/dev/null
dotnet build bench/Glorot.Bench -c Release -v q --nologo >/dev/null
glorot() { dotnet src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll "$@"; }
field() { /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)[\"$1\"])"; }
echo "$hidden" > "$out/hidden"
cut -d' ' -f1-3 /proc/loadavg > "$out/load_before"
dotnet bench/Glorot.Bench/bin/Release/net10.0/Glorot.Bench.dll copy > "$out/machine.json"
/usr/bin/python3 bench/anchors/train_step.py --only copy --threads 1 > "$out/numpy_copy.json"
: > "$out/rates.tsv"
r=1
while [ "$r" -le "$rounds" ]; do
    for t in $threads_list; do
        for b in $batches; do
            # About 1 s per measurement at the expected rates (~3000 examples/s on a loaded machine).
            # (A step's work grows as the width squared.)
            steps=$(( 3000 * 1000 * 1000 / (b * width * width) )); [ "$steps" -lt 5 ] && steps=5
            for fused in true false; do
                rate=$(glorot bench train --hidden "$hidden" --batch "$b" --steps "$steps" --repeats 1 --threads "$t" --peak 1 \
                    --fused "$fused" --json | field steps_per_second)
                [ "$fused" = true ] && name=fused || name=unfused
                printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$t" "$b" "$name" "$rate" >> "$out/rates.tsv"
            done
            for anchor in numpy torch; do
                rate=$(/usr/bin/python3 bench/anchors/train_step.py --only "$anchor" --hidden "$hidden" --threads "$t" --batch "$b" \
                    --repeats 1 --json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['rows'][0]['${anchor}_steps_per_second'])")
                printf '%s\t%s\t%s\t%s\t%s\n' "$r" "$t" "$b" "$anchor" "$rate" >> "$out/rates.tsv"
            done
        done
    done
    r=$((r + 1))
done
cut -d' ' -f1-3 /proc/loadavg > "$out/load_after"
/usr/bin/python3 bench/anchors/train_report.py "$out"
