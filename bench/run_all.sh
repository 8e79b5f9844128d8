#!/bin/sh
# Every benchmark beside its anchors, in one session on one machine, for docs/BENCHMARKS.md:
#   bench/run_all.sh [LOGDIR]        (default: bench-results/; about 15 minutes; run on an idle machine)
# Each section's own command is in docs/BENCHMARKS.md; this only runs them back to back and keeps the logs.
set -eu
cd "$(dirname "$0")/.."
log=${1:-bench-results}
mkdir -p "$log"
dotnet build -c Release -v q --nologo >/dev/null
bench() { dotnet bench/Glorot.Bench/bin/Release/net10.0/Glorot.Bench.dll "$@"; }
echo "== machine";       { uptime; nproc; grep -m1 'model name' /proc/cpuinfo; } | tee "$log/machine.txt"
echo "== fill";          bench fill --repeats 7 | tee "$log/fill.txt"
echo "== fill anchors";  /usr/bin/python3 bench/anchors/init_anchors.py | tee "$log/fill_anchors.txt"
echo "== gemm";          bench gemm --runs 7 | tee "$log/gemm.txt"
for t in 1 2; do
  echo "== gemm anchors, $t thread(s)"
  OPENBLAS_NUM_THREADS=$t /usr/bin/python3 bench/anchors/gemm_numpy.py --runs 7 | tee "$log/gemm_anchors_$t.txt"
done
echo "== train, 1 and 2 threads, fused and unfused"; bench/train_vs_anchors.sh 3 | tee "$log/train.txt"
echo "== linalg";           bench/linalg_vs_anchors.sh 1 | tee "$log/linalg.txt"
echo "== shapeset";         bench shapeset | tee "$log/shapeset.txt"
echo "== shapeset anchor";  /usr/bin/python3 bench/anchors/shapeset_anchor.py | tee "$log/shapeset_anchor.txt"
echo "== reproduce quick"
start=$(date +%s)
dotnet src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll reproduce glorot2010 --profile quick --out "$log/glorot2010-quick" > "$log/reproduce.txt"
echo "reproduce glorot2010 --profile quick: $(( $(date +%s) - start )) s" | tee -a "$log/reproduce.txt"
