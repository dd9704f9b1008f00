#!/bin/bash
# A plugin's kernels in the tool: `--plugin PATH` (before or after the
# command, repeatable) adds examples/plugin_sigmoid.c's "plugin-f64" sigmoid,
# which then appears in list, gets measured by accuracy (within its declared
# bound) and swept by accuracy --exhaustive; a missing file, a shared object
# without the entry point, and a second load of the same plugin are refused
# with a message and exit 2. `list --dispatch` names every dispatch choice.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
: "${ACTBENCH_PLUGIN:?set ACTBENCH_PLUGIN to the example plugin}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
pass() { passes=$((passes+1)); }

# The value of column $2 in the CSV row whose first fields are $3 (e.g.
# "sigmoid,plugin-f64,scalar,forward"), from file $1.
csv_field() {
    python3 - "$@" <<'PY'
import csv, sys
path, column, key = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
for row in csv.DictReader(open(path)):
    if [row["activation"], row["variant"], row["isa"], row["direction"]][:len(key)] == key:
        print(row[column]); break
PY
}

if "$ACTBENCH" --plugin "$ACTBENCH_PLUGIN" list -a sigmoid >"$tmp/list" 2>"$tmp/err" &&
   grep -q "^sigmoid  *plugin-f64 " "$tmp/list"; then pass; else fail "list shows no plugin-f64"; cat "$tmp/err"; fi
if "$ACTBENCH" list --plugin="$ACTBENCH_PLUGIN" -V plugin-f64 >"$tmp/list2" 2>"$tmp/err" &&
   grep -q "plugin-f64" "$tmp/list2"; then pass; else fail "--plugin= after the command"; cat "$tmp/err"; fi
if "$ACTBENCH" list -a sigmoid | grep -q plugin-f64; then fail "plugin-f64 listed without --plugin"; else pass; fi

if "$ACTBENCH" --plugin "$ACTBENCH_PLUGIN" accuracy -q --quiet -a sigmoid -V plugin-f64 \
        -o "$tmp/acc" 2>"$tmp/err"; then
    for dir in forward derivative; do
        within=$(csv_field "$tmp/acc/accuracy.csv" within_bound "sigmoid,plugin-f64,scalar,$dir")
        inputs=$(csv_field "$tmp/acc/accuracy.csv" inputs "sigmoid,plugin-f64,scalar,$dir")
        if [ "$within" = yes ] && [ "${inputs:-0}" -gt 1000 ]; then pass
        else fail "accuracy $dir: within_bound='$within' inputs='$inputs'"; fi
    done
else
    fail "accuracy with the plugin"; cat "$tmp/err"
fi

if "$ACTBENCH" --plugin "$ACTBENCH_PLUGIN" accuracy --exhaustive --quiet -a sigmoid -V plugin-f64 \
        --range 3f800000:3f80ffff --threads 1 -o "$tmp/sweep" >"$tmp/out" 2>"$tmp/err" &&
   grep -rqs "plugin-f64" "$tmp/sweep/exhaustive"; then pass
else fail "exhaustive sweep of the plugin"; cat "$tmp/err"; fi

expect_refused() { # what, stderr fragment, args...
    local what=$1 frag=$2; shift 2
    "$ACTBENCH" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -eq 2 ] && grep -q -- "$frag" "$tmp/err"; then pass
    else fail "$what: exit $rc, stderr: $(cat "$tmp/err")"; fi
}
expect_refused "missing plugin file" "cannot load" --plugin "$tmp/none.so" list
expect_refused "--plugin without a value" "needs a value" list --plugin
libm=$(gcc -print-file-name=libm.so.6 2>/dev/null || echo libm.so.6)
expect_refused "no entry point" "exports no actbench_plugin" --plugin "$libm" list
expect_refused "loaded twice" "already registered" \
    --plugin "$ACTBENCH_PLUGIN" --plugin "$ACTBENCH_PLUGIN" list

if "$ACTBENCH" list --dispatch >"$tmp/dispatch" && grep -q "^policy:" "$tmp/dispatch" &&
   grep -q "^gelu forward " "$tmp/dispatch" && grep -q "^silu derivative " "$tmp/dispatch"
then pass; else fail "list --dispatch"; cat "$tmp/dispatch"; fi

echo "$passes passed, $fails failed"
[ "$fails" -eq 0 ]
