#!/bin/bash
# scripts/sweep_update.py: rows of the re-swept variant x direction pairs
# replace the old ones in BASE.csv / .binade.csv / .grid.csv / summary.csv,
# every other row stays, old-format rows are padded, the stale state goes;
# a row written under a variant's old name (sigmoid "avx2", now
# "avx2-rr-p6-div" in the list fixture) is replaced by the re-swept row.
set -eu
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir -p "$t/new" "$t/dest"
fail() { echo "FAIL: $*"; exit 1; }
printf 'activation,variant,direction,format,max_ulp\nsig,naive,forward,binary32,9\nsig,avx2,forward,binary32,1\nsig,avx2,derivative,binary32,2\n' > "$t/dest/sig.csv"
printf 'activation,variant,direction,format,max_ulp,cpu_vendor\nsig,avx2,forward,binary32,0.5,AMD\n' > "$t/new/sig.csv"
printf 'activation,variant,direction,format,bin,max_ulp\nsig,avx2,forward,binary32,0,1\nsig,avx2,forward,binary32,1,1\nsig,naive,forward,binary32,0,9\n' > "$t/dest/sig.grid.csv"
printf 'activation,variant,direction,format,bin,max_ulp\nsig,avx2,forward,binary32,0,0.5\n' > "$t/new/sig.grid.csv"
printf 'activation,variant,direction,format,range_lo,range_hi,wall\nsig,avx2,forward,binary32,0,f,10\nsig,naive,forward,binary32,0,f,20\n' > "$t/dest/summary.csv"
printf 'activation,variant,direction,format,range_lo,range_hi,wall\nsig,avx2,forward,binary32,0,f,3\n' > "$t/new/summary.csv"
printf 'activation,variant,direction,format,max_ulp\nsigmoid,naive,forward,binary32,9\nsigmoid,avx2,forward,binary32,1\n' > "$t/dest/sigmoid.csv"
printf 'activation,variant,direction,format,max_ulp\nsigmoid,avx2-rr-p6-div,forward,binary32,0.8\n' > "$t/new/sigmoid.csv"
echo state > "$t/dest/sig.state"
list=(--list-json "$src/tests/data/list_fixture.json")
python3 "$src/scripts/sweep_update.py" "${list[@]}" "$t/new" "$t/dest" >/dev/null
want='activation,variant,direction,format,max_ulp,cpu_vendor
sig,naive,forward,binary32,9,
sig,avx2,forward,binary32,0.5,AMD
sig,avx2,derivative,binary32,2,'
[ "$(cat "$t/dest/sig.csv")" = "$want" ] || fail "sig.csv: $(cat "$t/dest/sig.csv")"
[ "$(grep -c '^sig,avx2,forward' "$t/dest/sig.grid.csv")" = 1 ] || fail "grid rows of the pair not replaced as a group"
grep -q '^sig,naive,forward,binary32,0,9' "$t/dest/sig.grid.csv" || fail "grid row of another pair lost"
grep -q '^sig,avx2,forward,binary32,0,f,3' "$t/dest/summary.csv" || fail "summary row not replaced"
grep -q '^sig,naive,forward,binary32,0,f,20' "$t/dest/summary.csv" || fail "summary row lost"
[ ! -e "$t/dest/sig.state" ] || fail "stale state kept"
want='activation,variant,direction,format,max_ulp
sigmoid,naive,forward,binary32,9
sigmoid,avx2-rr-p6-div,forward,binary32,0.8'
[ "$(cat "$t/dest/sigmoid.csv")" = "$want" ] || fail "old-named row not replaced: $(cat "$t/dest/sigmoid.csv")"
# a table whose rows do not match its header is refused, the destination untouched
printf 'activation,variant,direction,format,max_ulp\nsig,avx2,forward\n' > "$t/new/sig.csv"
before=$(md5sum "$t/dest/sig.csv")
if python3 "$src/scripts/sweep_update.py" "${list[@]}" "$t/new" "$t/dest" 2>/dev/null; then fail "malformed table accepted"; fi
[ "$(md5sum "$t/dest/sig.csv")" = "$before" ] || fail "destination changed by a refused merge"
echo "ok"
