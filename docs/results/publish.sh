#!/usr/bin/env bash
# Copies the publishable part of a finished `glorot reproduce` output directory into docs/results/NAME: the report,
# every top-level CSV and JSON, every figure as PNG with the CSV behind it, and each run's metrics and per-layer
# probe summary. Nothing is edited: the files are the ones the run wrote. SVGs come along only when the report
# embeds them (reports drawn before it did show the PNGs). Checkpoints and the per-layer histogram tables (tens of
# MB; the figures' CSVs hold the histograms they draw) stay behind.
#
#   docs/results/publish.sh OUT NAME      e.g. docs/results/publish.sh /work/runs/medium medium
set -euo pipefail
src=${1:?usage: publish.sh OUT NAME}
name=${2:?usage: publish.sh OUT NAME}
[ -f "$src/report.html" ] || { echo "publish.sh: $src/report.html is missing: the suite has not finished (or drawn its report)" >&2; exit 2; }
dest="$(cd "$(dirname "$0")" && pwd)/$name"
rm -rf "$dest"
mkdir -p "$dest/figures" "$dest/runs"
cp "$src/report.html" "$dest/"
for f in "$src"/*.csv "$src"/*.json; do [ -f "$f" ] && cp "$f" "$dest/"; done
cp "$src"/figures/*.png "$src"/figures/*.csv "$dest/figures/"
if grep -q '\.svg' "$src/report.html"; then cp "$src"/figures/*.svg "$dest/figures/"; fi
for run in "$src"/runs/*/; do
  r=$(basename "$run")
  mkdir -p "$dest/runs/$r"
  for f in spec.json run.json metrics.csv probe_summary.csv divergence.json; do
    [ -f "$run/$f" ] && cp "$run/$f" "$dest/runs/$r/"
  done
done
# Figures must stay small enough to browse in the repository.
# (SVGs of dense plots carry every point as text, so they get twice the room.)
big=$(find "$dest/figures" \( -name '*.png' -size +200k \) -o \( -name '*.svg' -size +400k \))
[ -z "$big" ] || { echo "publish.sh: figures over 200 KB (PNG) or 400 KB (SVG): $big" >&2; exit 1; }
du -sh "$dest"
