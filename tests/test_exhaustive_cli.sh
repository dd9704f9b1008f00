#!/usr/bin/env bash
# Bad options of `actbench accuracy --exhaustive` and `actbench merge` exit
# non-zero with a message on stderr and leave no result, state or temp file.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
T=$(mktemp -d /tmp/actbench-exh-cli.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0

expect_error() { # what, then the arguments
    local what="$1"; shift
    local out="$T/out-$RANDOM"
    "$A" "$@" >"$T/stdout" 2>"$T/stderr"
    local rc=$?
    if [ "$rc" -eq 0 ]; then
        echo "FAIL: $what: exit status 0"; fail=1
    elif [ ! -s "$T/stderr" ]; then
        echo "FAIL: $what: no message on stderr"; fail=1
    else
        echo "ok: $what (exit $rc): $(head -1 "$T/stderr")"
    fi
    # no partial result anywhere under the output dir
    local left
    left=$(find "$T/o" -type f \( -name '*.csv' -o -name '*.state' -o -name '*.ckpt' -o -name '*.tmp*' \) 2>/dev/null)
    if [ -n "$left" ]; then
        echo "FAIL: $what: left files: $left"; fail=1
    fi
    rm -rf "$T/o"
}

E=(accuracy --exhaustive --quiet --range 3f800000:3f8000ff --output "$T/o")
expect_error "unknown activation" "${E[@]}" --activation nosuch
expect_error "unknown variant" "${E[@]}" --activation sigmoid --variant nosuch
expect_error "range not hex" "${E[@]}" --activation sigmoid --range zz:1
expect_error "range LO > HI" "${E[@]}" --activation sigmoid --range 10:5
expect_error "range without colon" "${E[@]}" --activation sigmoid --range 10
expect_error "shard 3/2" "${E[@]}" --activation sigmoid --shard 3/2
expect_error "shard 0/2" "${E[@]}" --activation sigmoid --shard 0/2
expect_error "shard garbage" "${E[@]}" --activation sigmoid --shard x
expect_error "bad direction" "${E[@]}" --activation sigmoid --direction sideways
expect_error "bad format" "${E[@]}" --activation sigmoid --format q8
expect_error "bad reference" "${E[@]}" --activation sigmoid --reference foo
expect_error "bad threads" "${E[@]}" --activation sigmoid --threads abc
expect_error "resume without checkpoint" "${E[@]}" --activation sigmoid --resume
touch "$T/a-file"
expect_error "output is a file" accuracy --exhaustive --quiet --activation sigmoid \
    --range 3f800000:3f8000ff --output "$T/a-file"
expect_error "output not creatable" accuracy --exhaustive --quiet --activation sigmoid \
    --range 3f800000:3f8000ff --output /proc/actbench-no-such-dir
expect_error "merge of an empty dir" merge --quiet --output "$T/o" "$T/empty-does-not-exist"

# and a good run does write its files (so the checks above can see files)
"$A" "${E[@]}" --activation sigmoid --variant naive >/dev/null 2>&1 || { echo "FAIL: good run"; fail=1; }
[ -f "$T/o/exhaustive/sigmoid.range-3f800000-3f8000ff.csv" ] || { echo "FAIL: good run wrote no csv"; fail=1; }
exit $fail
