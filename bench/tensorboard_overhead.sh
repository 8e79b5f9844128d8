#!/bin/sh
# What writing TensorBoard events costs a quick-profile run (docs/BENCHMARKS.md, "TensorBoard events"):
#   bench/tensorboard_overhead.sh [NETWORK] [ROUNDS] [LOGDIR]     (default sigmoid, 3 rounds, bench-results/tensorboard)
# Trains one network of `reproduce glorot2010 --profile quick` with --tensorboard true and false, alternated round by
# round so both see the same machine load, and prints per round the wall and CPU seconds (user + system, less
# sensitive to other processes than wall time) of each, and the size of the event file.
set -eu
cd "$(dirname "$0")/.."
network=${1:-sigmoid}
rounds=${2:-3}
log=${3:-bench-results/tensorboard}
mkdir -p "$log"
dotnet build -c Release -v q --nologo src/Glorot.Cli/Glorot.Cli.csproj >/dev/null
dll=src/Glorot.Cli/bin/Release/net10.0/Glorot.Cli.dll
{ date -u; uptime; nproc; grep -m1 'model name' /proc/cpuinfo; } > "$log/machine.txt"
times=$log/times.tsv
printf 'round\ttensorboard\twall_s\tcpu_s\tevents_bytes\tload\n' > "$times"
r=1
while [ "$r" -le "$rounds" ]; do
  for tb in true false; do
    out=$(mktemp -d)
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f '%e %U %S' -o "$out/time" dotnet "$dll" reproduce glorot2010 --profile quick --only "$network" \
      --tensorboard "$tb" --out "$out/q" >/dev/null 2>&1 || { echo "the run with --tensorboard $tb failed" >&2; exit 1; }
    events=$(find "$out/q" -name 'events.out.tfevents.*' -exec cat {} + | wc -c)
    awk -v r="$r" -v tb="$tb" -v ev="$events" -v load="$load" '{ printf "%d\t%s\t%.1f\t%.1f\t%d\t%s\n", r, tb, $1, $2 + $3, ev, load }' "$out/time" >> "$times"
    rm -rf "$out"
  done
  echo "round $r of $rounds done ($(uptime | sed 's/.*load/load/'))" >&2
  r=$((r + 1))
done
column -t -s "$(printf '\t')" "$times"
awk -F '\t' 'NR > 1 { n[$2]++; w[$2] += $3; c[$2] += $4; e[$2] = $5 }
  END { printf "mean over %d rounds: with events %.1f s wall, %.1f s CPU (%.1f MB of events); without %.1f s wall, %.1f s CPU; CPU overhead %+.1f %%\n",
        n["true"], w["true"] / n["true"], c["true"] / n["true"], e["true"] / 1e6, w["false"] / n["false"], c["false"] / n["false"],
        100 * (c["true"] / n["true"] / (c["false"] / n["false"]) - 1) }' "$times"
