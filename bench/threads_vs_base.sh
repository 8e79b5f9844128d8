#!/bin/sh
# Training steps/s of the paper's 1024-1000×5-9 tanh net at batch 10, 100 and 1000 on 1–4 threads, for this
# tree and for a base commit, alternated run by run so both see the same machine load (docs/BENCHMARKS.md,
# "Threads"):
#   bench/threads_vs_base.sh [BASE_COMMIT] [ROUNDS] [LOGDIR]     (default 7dba8b8, 5 rounds, bench-results/threads)
# The base is exported with `git archive` into /tmp/glorot-base-COMMIT and built there once; it accepts only
# --threads 1 or 2, so 3 and 4 threads are measured on this tree only. Prints a Markdown table (best and median
# steps/s over the rounds) and keeps every run's JSON in LOGDIR/runs.jsonl.
set -eu
# (The base has no --peak: this tree measures the FMA peak each run, which adds tens of milliseconds, untimed.)
cd "$(dirname "$0")/.."
base=${1:-7dba8b8}
rounds=${2:-5}
log=${3:-bench-results/threads}
mkdir -p "$log"
basedir=/tmp/glorot-base-$base
if [ ! -f "$basedir/src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll" ]; then
  mkdir -p "$basedir"
  git archive "$base" | tar -x -C "$basedir"
  (cd "$basedir" && dotnet build -c Release -v q --nologo src/Glorot.Cli/Glorot.Cli.csproj >/dev/null)
fi
dotnet build -c Release -v q --nologo src/Glorot.Cli/Glorot.Cli.csproj >/dev/null
new=src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll
old=$basedir/src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll
{ date -u; uptime; nproc; grep -m1 'model name' /proc/cpuinfo; grep -m1 'cpu family' /proc/cpuinfo
  getconf -a | grep -E 'LEVEL[123]_D?CACHE_SIZE' || true; grep -m1 -o avx512f /proc/cpuinfo || true
  env | grep '^DOTNET_' || true; } > "$log/machine.txt"
runs=$log/runs.jsonl
: > "$runs"
# Steps per repeat sized to about a second a repeat; the best of 3 repeats is each run's figure.
steps_for() { case $1 in 10) echo 300 ;; 100) echo 60 ;; *) echo 8 ;; esac; }
run() { # build dll batch threads
  steps=$(steps_for "$3")
  dotnet "$2" bench train --batch "$3" --threads "$4" --steps "$steps" --warmup 3 --repeats 3 --json \
    | tr -d '\n' | sed "s/^{/{\"build\": \"$1\", \"load\": \"$(cut -d' ' -f1 /proc/loadavg)\", /" >> "$runs"
  echo >> "$runs"
}
r=1
while [ "$r" -le "$rounds" ]; do
  for batch in 10 100 1000; do
    for threads in 1 2; do
      run base "$old" "$batch" "$threads"
      run new "$new" "$batch" "$threads"
    done
    run new "$new" "$batch" 3
    run new "$new" "$batch" 4
  done
  echo "round $r of $rounds done ($(uptime | sed 's/.*load/load/'))" >&2
  r=$((r + 1))
done
python3 - "$runs" "$base" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
base = sys.argv[2]
def pick(build, batch, threads):
    return [r["steps_per_second"] for r in rows if r["build"] == build and r["batch"] == batch and r["threads"] == threads]
loads = [float(r["load"]) for r in rows]
print(f"{len(rows)} runs, 1-minute load average {min(loads):.1f}–{max(loads):.1f} (median {statistics.median(loads):.1f})\n")
print(f"| batch | threads | {base} best (median) | this tree best (median) | this / {base} (best) | this / 2 threads (best) |")
print("|---|---|---|---|---|---|")
for batch in (10, 100, 1000):
    two = max(pick("new", batch, 2))
    for threads in (1, 2, 3, 4):
        old, new = pick("base", batch, threads), pick("new", batch, threads)
        o = f"{max(old):.1f} ({statistics.median(old):.1f})" if old else "–"
        ratio = f"{max(new) / max(old):.2f}" if old else "–"
        print(f"| {batch} | {threads} | {o} | {max(new):.1f} ({statistics.median(new):.1f}) | {ratio} | {max(new) / two:.2f} |")
PY
