#!/usr/bin/env bash
# Ctrl-C during an exhaustive sweep: exit 130, a checkpoint and no result
# file; the same command run again continues it, and the statistics equal
# those of one uninterrupted run (no input lost or counted twice). SIGTERM:
# exit 143, a checkpoint, no temporary file.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
T=$(mktemp -d /tmp/actbench-exh-sigint.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
export ACTBENCH_EXH_BLOCK_BITS=12 ACTBENCH_CHECKPOINT_SECONDS=1
R=3f000000:3fffffff
ARGS=(accuracy --exhaustive --quiet --activation sigmoid --variant naive,avx2-rr-p6-div --range "$R")
base="sigmoid.range-3f000000-3fffffff"

# Sends signal $1 to process $2 once the sweep has installed its handlers
# (SigCgt bit 1, SIGINT, in /proc: a background job ignores SIGINT until
# then). Start-up time varies (a build with the PyTorch peer loads libtorch
# first), so a fixed delay could land before the sweep starts.
signal_when_sweeping() {
    local cgt
    for _ in $(seq 300); do
        cgt=$(awk '/^SigCgt:/ { print $2 }' "/proc/$2/status" 2>/dev/null) || break
        [ -n "$cgt" ] && (( 0x$cgt & 2 )) && break
        sleep 0.1
    done
    kill "-$1" "$2"
}

"$A" "${ARGS[@]}" --output "$T/interrupted" &
pid=$!
signal_when_sweeping INT "$pid"
wait "$pid"
rc=$?
if [ "$rc" -ne 130 ]; then
    echo "FAIL: interrupted sweep exited $rc, expected 130 (did it finish before the signal?)"
    exit 1
fi
[ -f "$T/interrupted/exhaustive/$base.ckpt" ] || { echo "FAIL: no checkpoint after SIGINT"; fail=1; }
[ -f "$T/interrupted/exhaustive/$base.csv" ] && { echo "FAIL: result written by an interrupted sweep"; fail=1; }

"$A" "${ARGS[@]}" --output "$T/termed" &
pid=$!
signal_when_sweeping TERM "$pid"
wait "$pid"
rc=$?
[ "$rc" -eq 143 ] || { echo "FAIL: SIGTERM: exit $rc, expected 143"; fail=1; }
[ -f "$T/termed/exhaustive/$base.ckpt" ] || { echo "FAIL: no checkpoint after SIGTERM"; fail=1; }
left=$(find "$T/interrupted" "$T/termed" -name '*.tmp.*' -o -name '*.commit.*')
[ -z "$left" ] || { echo "FAIL: temporaries left by a signal: $left"; fail=1; }

"$A" "${ARGS[@]}" --output "$T/interrupted" || { echo "FAIL: resumed sweep failed"; fail=1; }
[ -f "$T/interrupted/exhaustive/$base.ckpt" ] && { echo "FAIL: checkpoint left after completion"; fail=1; }
"$A" "${ARGS[@]}" --output "$T/one" || { echo "FAIL: uninterrupted sweep failed"; fail=1; }

# Everything but the timing, rate and date columns must be equal.
strip() {
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i !~ /^(wall_seconds|inputs_per_second|date)$/) keep[i] = 1 }
             { out = ""; for (i = 1; i <= NF; i++) if (keep[i]) out = out $i ","; print out }' "$1"
}
for f in "$base.csv" "$base.binade.csv" "$base.grid.csv"; do
    if ! diff <(strip "$T/interrupted/exhaustive/$f") <(strip "$T/one/exhaustive/$f") >/dev/null; then
        echo "FAIL: $f differs between interrupted+resumed and one run"; fail=1
    else
        echo "ok: $f equal"
    fi
done
exit $fail
