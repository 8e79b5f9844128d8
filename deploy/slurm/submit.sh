#!/bin/bash
# Usage: deploy/slurm/submit.sh SHARDS OUT [PROFILE] [-- more reproduce options]
# Submits the selection stage and the final stage as job arrays of SHARDS tasks (the final one after the selection
# one succeeded), then the report (after the final one succeeded). Profiles that choose no learning rate
# (quick, full) have no selection tasks: that array finishes at once.
set -euo pipefail
shards=${1:?number of shards}; out=${2:?shared run directory}; profile=${3:-narrow}
shift $(( $# < 3 ? $# : 3 ))
[ "${1:-}" = "--" ] && shift
export GLOROT_OUT="$out" GLOROT_PROFILE="$profile" GLOROT_ARGS="$*"
here=$(cd "$(dirname "$0")" && pwd)
selection=$(GLOROT_STAGE=selection sbatch --parsable --array="0-$((shards - 1))" --export=ALL "$here/glorot-shard.sbatch")
final=$(GLOROT_STAGE=final sbatch --parsable --array="0-$((shards - 1))" --dependency="afterok:$selection" --export=ALL "$here/glorot-shard.sbatch")
report=$(sbatch --parsable --dependency="afterok:$final" --export=ALL "$here/glorot-report.sbatch")
echo "selection $selection, final $final, report $report: $out/report/report.html when done"
