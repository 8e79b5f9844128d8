#!/bin/bash
# Runs a glorot2010 suite on Kubernetes: the selection stage, then the final stage, then the report, each waiting
# for the previous one. Kubernetes Jobs have no dependencies of their own, hence the waits.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kubectl apply -f "$here/pvc.yaml"
for stage in selection final; do
  kubectl apply -f "$here/shards-$stage.yaml"
  kubectl wait --for=condition=complete --timeout=48h "job/glorot-$stage"
done
kubectl apply -f "$here/report-job.yaml"
kubectl wait --for=condition=complete --timeout=2h job/glorot-report
echo "report: /runs/report/report.html on the glorot-runs volume"
