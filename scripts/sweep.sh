#!/usr/bin/env bash
# Exhaustive 2^32 sweeps, forward and derivative, into results/exhaustive/
# (what REPORT.md's exhaustive columns and error maps are made from).
#
#   scripts/sweep.sh [--avx2-only] [--direction D] [--output DIR] ACTIVATION...
#   scripts/sweep.sh --avx2-only all     # every activation, avx2* kernels only
#   scripts/sweep.sh --direction forward --output results/forward-timing sigmoid
#                                        # issue 3's timing target (REPORT.md reads it)
#
# Each activation is one `actbench accuracy --exhaustive` run over all its
# implementations (or, with --avx2-only, its avx2* production kernels: the
# ones issue 5 requires within 2 ULP); the sweep's wall time and inputs/s are
# in results/exhaustive/summary.csv. Interrupted runs resume from their
# checkpoint when the same command is run again. Cost on a 2-core machine:
# 3 to 30 minutes per activation with all implementations (see REPORT.md).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
actbench="${ACTBENCH:-$here/build/actbench}"
out="$here/results"
avx2_only=0
direction=both
acts=()
while [ $# -gt 0 ]; do
    case "$1" in
    --avx2-only) avx2_only=1 ;;
    --output) out="$2"; shift ;;
    --direction) direction="$2"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "sweep.sh: unknown option $1" >&2; exit 2 ;;
    *) acts+=("$1") ;;
    esac
    shift
done
if [ ${#acts[@]} -eq 0 ]; then
    echo "usage: scripts/sweep.sh [--avx2-only] [--direction forward|derivative|both] [--output DIR] ACTIVATION... | all" >&2
    exit 2
fi
if [ ! -x "$actbench" ]; then
    "$here/scripts/build.sh" >/dev/null
fi
# Elementwise activations (the exhaustive sweep does not apply to vectors).
elementwise=$("$actbench" list | awk 'NR > 1 && $1 != "softmax" && $1 != "log_softmax" {print $1}' | uniq)
if [ "${acts[0]}" = all ]; then
    mapfile -t acts <<<"$elementwise"
fi
for a in "${acts[@]}"; do
    if ! grep -qx "$a" <<<"$elementwise"; then
        echo "sweep.sh: '$a' is not an elementwise activation (see: actbench list)" >&2
        exit 2
    fi
done
for a in "${acts[@]}"; do
    variant_args=()
    if [ "$avx2_only" = 1 ]; then
        v=$("$actbench" list -a "$a" | awk 'NR > 1 && $2 ~ /^avx2/ && $4 == "yes" {print $2}' | paste -sd, -)
        if [ -z "$v" ]; then
            echo "sweep.sh: $a has no avx2 kernel this CPU runs; skipped" >&2
            continue
        fi
        variant_args=(--variant "$v")
    fi
    echo "sweep.sh: $a ${variant_args[*]:-(all implementations)} — $(date -u +%H:%M:%S)" >&2
    "$actbench" accuracy --exhaustive --activation "$a" "${variant_args[@]}" --direction "$direction" \
        --output "$out" --quiet
done
