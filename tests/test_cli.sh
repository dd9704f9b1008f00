#!/bin/bash
# CLI errors: a clear message on stderr, a non-zero exit, and no result file
# written or damaged.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0

expect_fail() { # description, expected stderr fragment, command...
    local what=$1 frag=$2; shift 2
    if "$@" >"$tmp/out" 2>"$tmp/err"; then
        echo "FAIL: $what: exit 0"; fails=$((fails+1)); return
    fi
    if ! grep -qi -- "$frag" "$tmp/err"; then
        echo "FAIL: $what: stderr lacks '$frag':"; cat "$tmp/err"; fails=$((fails+1)); return
    fi
    passes=$((passes+1))
}
expect_ok() {
    local what=$1; shift
    if ! "$@" >"$tmp/out" 2>"$tmp/err"; then
        echo "FAIL: $what"; cat "$tmp/err"; fails=$((fails+1)); return
    fi
    passes=$((passes+1))
}

expect_ok "--help" "$ACTBENCH" --help
grep -q "usage: actbench" "$tmp/out" || { echo "FAIL: --help text"; fails=$((fails+1)); }
expect_ok "--version" "$ACTBENCH" --version
grep -q "^actbench [0-9]" "$tmp/out" || { echo "FAIL: --version text"; fails=$((fails+1)); }
expect_fail "no command" "usage" "$ACTBENCH"
expect_fail "unknown command" "unknown command 'frobnicate'" "$ACTBENCH" frobnicate
expect_fail "unknown activation" "unknown activation 'sigmod'" "$ACTBENCH" accuracy -a sigmod -o "$tmp/r1"
expect_fail "unknown variant" "unknown variant 'fastest'" "$ACTBENCH" bench -V fastest -o "$tmp/r1"
expect_fail "empty activation list" "empty --activation" "$ACTBENCH" list -a ""
expect_fail "bad seed" "--seed" "$ACTBENCH" accuracy --seed 12x -o "$tmp/r1"
expect_fail "negative grid" "--grid" "$ACTBENCH" accuracy --grid -5 -o "$tmp/r1"
expect_fail "precision too low" "--precision" "$ACTBENCH" accuracy --precision 10 -o "$tmp/r1"
expect_fail "zero rounds" "--rounds" "$ACTBENCH" bench --rounds 0 -o "$tmp/r1"
expect_fail "missing value" "needs a value" "$ACTBENCH" accuracy --output
expect_fail "unknown option" "unknown option" "$ACTBENCH" list --colour
expect_fail "stray argument" "unexpected argument" "$ACTBENCH" list sigmoid
[ -e "$tmp/r1" ] && { echo "FAIL: a failed command created its output directory"; fails=$((fails+1)); }

# Unwritable output: a path below a regular file can never be created (root
# ignores permission bits, so a chmod'ed directory would not do).
touch "$tmp/file"
expect_fail "unwritable output" "cannot create directory" "$ACTBENCH" accuracy -q -a relu -V naive -o "$tmp/file/sub"

# An existing result is not damaged by a failing run.
mkdir -p "$tmp/keep"; echo "previous result" > "$tmp/keep/accuracy.csv"
expect_fail "bad option keeps results" "--seed" "$ACTBENCH" accuracy --seed nope -o "$tmp/keep"
[ "$(cat "$tmp/keep/accuracy.csv")" = "previous result" ] || { echo "FAIL: result damaged"; fails=$((fails+1)); }

# An interrupted run leaves the previous result intact and no temporary file.
# (SIGTERM: a non-interactive shell starts background jobs with SIGINT ignored.)
"$ACTBENCH" accuracy -o "$tmp/keep" --random 20000000 >/dev/null 2>&1 &
pid=$!; sleep 2; kill -TERM $pid 2>/dev/null; wait $pid; rc=$?
[ $rc -ne 0 ] || { echo "FAIL: interrupted run exited 0"; fails=$((fails+1)); }
[ "$(cat "$tmp/keep/accuracy.csv")" = "previous result" ] || { echo "FAIL: interrupted run damaged the result"; fails=$((fails+1)); }
ls -A "$tmp/keep" | grep -q tmp && { echo "FAIL: temporary file left"; fails=$((fails+1)); }

# list shows every activation × {naive, branchless}
expect_ok "list" "$ACTBENCH" list
for a in sigmoid tanh relu leaky_relu prelu elu selu gelu gelu_tanh silu mish softplus softsign \
         hardsigmoid hardswish binary_step identity softmax log_softmax; do
    for v in naive branchless; do
        grep -Eq "^$a +$v " "$tmp/out" || { echo "FAIL: list lacks $a $v"; fails=$((fails+1)); }
    done
done
expect_ok "alias swish" "$ACTBENCH" list -a swish
grep -q "^silu" "$tmp/out" || { echo "FAIL: alias swish"; fails=$((fails+1)); }

echo "cli: $passes passed, $fails failed"
[ $fails -eq 0 ]
