#!/usr/bin/env bash
# peer-onednn-native, the second oneDNN copy (dlmopen, uncapped), beside the
# AVX2-capped peer-onednn in one process:
#  - on a CPU with AVX-512 it is runnable and its implementation string names
#    an avx512 ISA, different from the capped copy's; on one without (or
#    under ACTBENCH_MAX_ISA=avx2) it is listed, not runnable, with no
#    implementation string, and a run of it stops with a message (exit 2);
#  - threads that used it exit cleanly: an exhaustive sweep on 2 worker
#    threads and the bench's thread part, both directions, in the default
#    build (where libtorch shares the process and its thread-exit handlers).
# Skipped when the build has no oneDNN.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
T=$(mktemp -d /tmp/actbench-onednn-native.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
unset DNNL_MAX_CPU_ISA # the capped copy must be capped by actbench itself

# Prints "native|<supported>|<native isa>|<capped isa>" from list's JSON.
isas() {
    python3 - "$1" <<'PY'
import json, sys
impls = json.load(open(sys.argv[1]))["implementations"]
def one(variant):
    rows = [i for i in impls if i["activation"] == "relu" and i["variant"] == variant]
    return rows[0] if rows else None
native, capped = one("peer-onednn-native"), one("peer-onednn")
if native is None or capped is None:
    print("absent"); sys.exit(0)
print("native|%s|%s|%s" % ("yes" if native["supported"] else "no",
                           native["reported_isa"], capped["reported_isa"]))
PY
}

"$A" list --all --format json >"$T/list.json" || bad "list failed"
state=$(isas "$T/list.json")
if [ "$state" = "absent" ]; then
    echo "skipped: no oneDNN peer in this build"; exit 0
fi
IFS="|" read -r _ supported native capped <<<"$state"
echo "peer-onednn-native runnable: $supported, reports $native; peer-onednn reports $capped"
case "$capped" in *avx512*|None) bad "capped copy reports $capped" ;; esac
if [ "$supported" = yes ]; then
    case "$native" in *avx512*) ;; *) bad "native copy reports $native, not avx512" ;; esac
    [ "$native" != "$capped" ] || bad "both copies report $native"
else
    [ "$native" = None ] || bad "native copy not runnable here but reports $native"
    echo "no AVX-512 here: the native copy's run checks are skipped"
fi

ACTBENCH_MAX_ISA=avx2 "$A" list --all --format json >"$T/capped.json" || bad "capped list failed"
[ "$(isas "$T/capped.json")" = "native|no|None|$capped" ] ||
    bad "under ACTBENCH_MAX_ISA=avx2: $(isas "$T/capped.json")"
ACTBENCH_MAX_ISA=avx2 "$A" accuracy -q -a relu -V peer-onednn-native -o "$T/acc-avx2" \
    >/dev/null 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] && [ -s "$T/err" ] || bad "accuracy of an unrunnable native copy: exit $rc"
[ -z "$(find "$T/acc-avx2" -name '*.csv' 2>/dev/null)" ] || bad "unrunnable copy wrote a table"

if [ "$supported" = yes ]; then
    "$A" accuracy --exhaustive -a relu,sigmoid -V peer-onednn,peer-onednn-native \
        --range 3f000000:3f01ffff --threads 2 --output "$T/exh" --quiet >"$T/out" 2>&1 ||
        { bad "exhaustive sweep on 2 threads"; cat "$T/out"; }
    [ -n "$(find "$T/exh" -name '*.csv' 2>/dev/null)" ] || bad "exhaustive sweep wrote no table"
    "$A" bench -q -a relu -V peer-onednn-native --parts threads --distribution uniform \
        -o "$T/bench" --quiet >"$T/out" 2>&1 || { bad "bench threads part"; cat "$T/out"; }
fi

[ "$fail" -eq 0 ] && echo "all ok"
exit "$fail"
