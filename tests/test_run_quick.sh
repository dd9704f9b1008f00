#!/bin/bash
# End to end: `actbench run --quick` into a temporary directory writes every
# result file, complete and well formed, and leaves no temporary behind.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
if ! "$ACTBENCH" run --quick --quiet -o "$tmp/results" 2>"$tmp/err"; then
    echo "FAIL: actbench run --quick"; cat "$tmp/err"; exit 1
fi
for f in accuracy.csv accuracy.md performance.csv performance.md machine.json; do
    [ -s "$tmp/results/$f" ] || { echo "FAIL: $f missing or empty"; fails=$((fails+1)); }
done
ls -A "$tmp/results" "$tmp/results/raw" | grep -Eq '\.tmp\.|^\.actbench-staging' && { echo "FAIL: temporary file left"; fails=$((fails+1)); }

n_impls=$("$ACTBENCH" list | tail -n +2 | awk '$4 == "yes"' | wc -l)
n_acc=$(tail -n +2 "$tmp/results/accuracy.csv" | wc -l)
# every runnable implementation has a forward row (and a derivative row unless not offered)
[ "$n_acc" -ge "$n_impls" ] || { echo "FAIL: accuracy.csv has $n_acc rows for $n_impls implementations"; fails=$((fails+1)); }
cols=$(head -1 "$tmp/results/accuracy.csv" | awk -F, '{print NF}')
bad=$(awk -F, -v c="$cols" 'NF != c' "$tmp/results/accuracy.csv" | wc -l)
[ "$bad" -eq 0 ] || { echo "FAIL: $bad ragged rows in accuracy.csv"; fails=$((fails+1)); }
grep -q ',no,' "$tmp/results/accuracy.csv" && awk -F, 'NR>1 && $0 ~ /,no,(yes|no),/' "$tmp/results/accuracy.csv" | head -3
grep -q "sigmoid,naive" "$tmp/results/performance.csv" || { echo "FAIL: performance.csv lacks sigmoid naive"; fails=$((fails+1)); }
grep -q '^copy,' "$tmp/results/performance.csv" || { echo "FAIL: performance.csv lacks the copy ceiling"; fails=$((fails+1)); }
if command -v python3 >/dev/null; then
    python3 - "$tmp/results" <<'PY' || { echo "FAIL: machine.json or manifest.json"; fails=$((fails+1)); }
import json, os, re, sys
d = sys.argv[1]
machine = json.load(open(os.path.join(d, "machine.json")))
assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", machine["machine_id"]), machine["machine_id"]
files = json.load(open(os.path.join(d, "manifest.json")))["files"]
for f in ("machine.json", "accuracy.csv", "accuracy.md", "performance.csv", "performance.md",
          "raw/bench_samples.csv"):
    assert files[f]["machine_id"] == machine["machine_id"], f
PY
fi
echo "run --quick: $((fails == 0 ? 1 : 0)) passed, $fails failed"
[ $fails -eq 0 ]
