#!/usr/bin/env bash
# Runs the same small exhaustive sweeps with two actbench binaries and diffs
# every output file, after removing what legitimately differs between runs:
# the wall-time, rate, date and CPU columns of the CSVs and the wall_seconds,
# threads and checksum lines of the state files. Used to show that a change
# of the sweep engine leaves its results byte-identical. A variant the new
# binary renamed is compared under its current name (the "aliases" of the
# new binary's `list --format json`).
# With --counters-may-differ, the engine's own work counters (the fallbacks
# and worst_reevals columns, the state files' counters lines: how many cases
# went to MPFR) are left out too: a change that lets the fast bound decide
# more cases changes them and nothing else.
#   usage: scripts/sweep_compare.sh [--counters-may-differ] OLD_ACTBENCH NEW_ACTBENCH [WORKDIR]
# Exit 0 when every file is equal; the differences otherwise.
set -u
usage="usage: sweep_compare.sh [--counters-may-differ] OLD_ACTBENCH NEW_ACTBENCH [WORKDIR]"
varying='wall_seconds|inputs_per_second|date|threads|cpu_.*|isa_path'
varying_state='wall_seconds|threads|checksum|cpu_[a-z_]*|isa_path|actbench-exhaustive-state'
if [ "${1:-}" = --counters-may-differ ]; then
    varying="$varying|fallbacks|worst_reevals"
    varying_state="$varying_state|counters"
    shift
fi
old=${1:?$usage}
new=${2:?$usage}
work=${3:-$(mktemp -d /tmp/actbench-sweep-compare.XXXXXX)}
mkdir -p "$work"

sweeps() { # binary, output dir
    local a="$1" o="$2" rc=0
    local acts=sigmoid,gelu,mish,selu,hardswish,hardsigmoid
    "$a" accuracy --exhaustive --quiet --threads 1 -a "$acts" --range 0:3ffff -o "$o/tiny" || rc=1
    "$a" accuracy --exhaustive --quiet --threads 1 -a "$acts" --range 3f000000:3f03ffff -o "$o/half" || rc=1
    "$a" accuracy --exhaustive --quiet --threads 1 -a "$acts" --range c0a00000:c0a3ffff -o "$o/neg5" || rc=1
    "$a" accuracy --exhaustive --quiet --threads 1 -a sigmoid,tanh,gelu --format bf16 -o "$o/bf16" || rc=1
    "$a" accuracy --exhaustive --quiet --threads 1 -a sigmoid,silu --format fp16 -o "$o/fp16" || rc=1
    "$a" accuracy --exhaustive --quiet --threads 1 -a sigmoid,mish -V naive --reference mpfr \
        --range 3f800000:3f800fff -o "$o/mpfr" || rc=1
    for k in 1 2 3; do
        ACTBENCH_EXH_BLOCK_BITS=12 "$a" accuracy --exhaustive --quiet --threads 1 -a sigmoid,selu \
            --range 3e000000:3e03ffff --shard "$k/3" -o "$o/shard$k" || rc=1
    done
    "$a" merge --quiet -o "$o/merged" "$o/shard1" "$o/shard2" "$o/shard3" || rc=1
    return $rc
}

# "activation old-name current-name" lines, from the new binary's registry.
"$new" list --all --format json | python3 -c '
import json, sys
for r in json.load(sys.stdin)["implementations"]:
    for old in r.get("aliases", []):
        print(r["activation"], old, r["variant"])' >"$work/renamed.txt" ||
    { echo "sweep_compare: cannot read the new binary's variant names" >&2; exit 1; }

# Drops named CSV columns (from the header) and state lines that vary; old
# variant names become current ones.
normalise() {
    case "$1" in
    *.csv)
        awk -F, -v varying="^($varying)\$" 'FNR == NR { cur[$1 "," $2] = $3; next }
                 FNR == 1 { for (i = 1; i <= NF; i++) {
                                if ($i == "activation") a = i
                                if ($i == "variant") v = i
                                if ($i !~ varying) keep[i] = 1 } }
                 FNR > 1 && a && v && (($a "," $v) in cur) { $v = cur[$a "," $v] }
                 { out = ""; for (i = 1; i <= NF; i++) if (keep[i]) out = out $i ","; print out }' \
            FS=' ' "$work/renamed.txt" FS=, "$1" ;;
    *.state|*.ckpt)
        awk 'FNR == NR { cur[$1 "," $2] = $3; next }
             $1 == "activation" { act = $2 }
             $1 == "pair" && ((act "," $3) in cur) { $3 = cur[act "," $3] }
             { print }' "$work/renamed.txt" "$1" |
            grep -Ev "^($varying_state) " ;;
    *) cat "$1" ;;
    esac
}

sweeps "$old" "$work/old" || { echo "sweep_compare: the old binary failed" >&2; exit 1; }
sweeps "$new" "$work/new" || { echo "sweep_compare: the new binary failed" >&2; exit 1; }
fail=0
while IFS= read -r rel; do
    if [ ! -f "$work/new/$rel" ]; then
        echo "missing in new: $rel"; fail=1; continue
    fi
    if ! diff <(normalise "$work/old/$rel") <(normalise "$work/new/$rel") >"$work/diff.txt"; then
        echo "differs: $rel"; head -5 "$work/diff.txt"; fail=1
    fi
done < <(cd "$work/old" && find . -type f ! -name '.*' | sort)
extra=$(comm -13 <(cd "$work/old" && find . -type f ! -name '.*' | sort) \
                 <(cd "$work/new" && find . -type f ! -name '.*' | sort))
[ -n "$extra" ] && { echo "only in new:"; echo "$extra"; }
n=$(cd "$work/old" && find . -type f ! -name '.*' | wc -l)
[ "$fail" -eq 0 ] && echo "sweep_compare: $n files equal (work dir $work)"
exit $fail
