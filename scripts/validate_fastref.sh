#!/usr/bin/env bash
# The exhaustive sweep's fast references against MPFR at full scale:
# 2^23 inputs per activation and direction (CI runs 2^18 of them), half
# random bit patterns, half inside each activation's hard regions; checks
# the stated bound, the correctly rounded value and the tail sign
# (tests/test_fastref.c). About 15 core-minutes on this 2-core machine.
#
#   scripts/validate_fastref.sh      # -> results/exhaustive/fastref_validation.txt
#
# ACTBENCH_BUILD_DIR selects the build (default build/, built if missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${ACTBENCH_BUILD_DIR:-$here/build}"
out="$here/results/exhaustive/fastref_validation.txt"
if [ ! -x "$build/tests/test_fastref" ]; then
    ACTBENCH_BUILD_DIR="$build" "$here/scripts/build.sh" >/dev/null
fi
mkdir -p "$(dirname "$out")"
tmp="$out.tmp.$$"
trap 'rm -f "$tmp"' EXIT
start=$(date +%s)
status=0
{
    echo "# scripts/validate_fastref.sh at $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    ACTBENCH_FASTREF_FULL=1 "$build/tests/test_fastref" || status=$?
} >"$tmp"
echo "# wall time $(( $(date +%s) - start )) s" >>"$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "validate_fastref.sh: $out ($(tail -2 "$out" | head -1))"
exit $status
