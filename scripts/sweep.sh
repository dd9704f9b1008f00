#!/usr/bin/env bash
# Exhaustive 2^32 sweeps, forward and derivative, into results/exhaustive/
# (what REPORT.md's exhaustive columns and error maps are made from).
#
#   scripts/sweep.sh [--avx2-only] [--direction D] [--format F] [--output DIR] ACTIVATION...
#   scripts/sweep.sh --avx2-only all     # every activation, avx2* kernels only
#   scripts/sweep.sh --direction forward --output results/forward-timing sigmoid
#                                        # the forward-only timing (REPORT.md reads it)
#   scripts/sweep.sh --format bf16 --output results/lowprec all
#                                        # every 16-bit input (bf16 or fp16; seconds)
#
# One `actbench accuracy --exhaustive` run sweeps the activations one after
# the other, each over all its implementations (or, with --avx2-only, its
# avx2* production kernels); the sweep's wall time and inputs/s are in
# results/exhaustive/summary.csv. Interrupted runs resume from their
# checkpoint when the same command is run again. Cost on a 2-core machine:
# 3 to 17 minutes per activation with all implementations (see REPORT.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
actbench="${ACTBENCH:-$here/build/actbench}"
out="$here/results"
avx2_only=0
direction=both
format=binary32
acts=()
while [ $# -gt 0 ]; do
    case "$1" in
    --avx2-only) avx2_only=1 ;;
    --output) out="$2"; shift ;;
    --direction) direction="$2"; shift ;;
    --format) format="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "sweep.sh: unknown option $1" >&2; exit 2 ;;
    *) acts+=("$1") ;;
    esac
    shift
done
if [ ${#acts[@]} -eq 0 ]; then
    echo "usage: scripts/sweep.sh [--avx2-only] [--direction forward|derivative|both] [--format binary32|bf16|fp16] [--output DIR] ACTIVATION... | all" >&2
    exit 2
fi
if [ ! -x "$actbench" ]; then
    "$here/scripts/build.sh" >/dev/null
fi
# actbench checks the names (vector activations have no exhaustive sweep)
# and, without --activation, sweeps every elementwise activation.
select_args=()
if [ "${acts[0]}" != all ]; then
    select_args=(--activation "$(IFS=,; echo "${acts[*]}")")
fi
if [ "$avx2_only" = 1 ]; then
    # The avx2 kernels but the approximations (avx2-approx-*), by name from
    # the registry; an activation without one this CPU runs is skipped.
    production=$("$actbench" list --format json "${select_args[@]}" --variant 'avx2*' | python3 -c '
import json, sys
names = {r["variant"] for r in json.load(sys.stdin)["implementations"]}
print(",".join(sorted(n for n in names if not n.startswith("avx2-approx-"))))') || exit 2
    select_args+=(--variant "$production")
fi
echo "sweep.sh: ${acts[*]} ${select_args[*]} — $(date -u +%H:%M:%S)" >&2
exec "$actbench" accuracy --exhaustive "${select_args[@]}" --direction "$direction" --format "$format" --output "$out"
