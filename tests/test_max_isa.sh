#!/usr/bin/env bash
# ACTBENCH_MAX_ISA=avx2 makes this CPU look like one without AVX-512 (any
# x86-64 CPU with AVX2 will do: the test needs no AVX-512 itself): the
# registry marks every avx512 variant unsupported, the SIMD tests skip them
# and pass, a sampled accuracy run over avx512* stops with a message (exit
# 2, nothing written), an exhaustive sweep of them skips with a message and
# writes no table, and an unknown value is reported and ignored.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
B="${ACTBENCH_BUILD_DIR:?ACTBENCH_BUILD_DIR must point to the build}"
T=$(mktemp -d /tmp/actbench-max-isa.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

if ! "$A" list -V 'avx2*' -a relu --format csv | grep -q ',yes,'; then
    echo "skipped: no AVX2 on this CPU"; exit 0
fi

ACTBENCH_MAX_ISA=avx2 "$A" list --all --format json >"$T/list.json" || bad "list failed"
python3 - "$T/list.json" <<'PY' || fail=1
import json, sys
impls = json.load(open(sys.argv[1]))["implementations"]
avx512 = [i for i in impls if i["isa"] == "avx512"]
runnable = [i["activation"] + " " + i["variant"] for i in avx512 if i["supported"]]
if not avx512:
    print("FAIL: no avx512 variant listed"); sys.exit(1)
if runnable:
    print("FAIL: runnable under ACTBENCH_MAX_ISA=avx2:", runnable); sys.exit(1)
print(f"ok: {len(avx512)} avx512 implementations listed, none runnable")
PY

for t in test_avx512_twins test_avx2_tails; do
    if ACTBENCH_MAX_ISA=avx2 "$B/tests/$t" >"$T/$t.out" 2>&1; then
        echo "ok: $t: $(tail -1 "$T/$t.out")"
    else
        bad "$t under ACTBENCH_MAX_ISA=avx2:"; cat "$T/$t.out"
    fi
done

ACTBENCH_MAX_ISA=avx2 "$A" accuracy -a leaky_relu -V 'avx512*' -o "$T/acc" >/dev/null 2>"$T/err"
rc=$?
[ "$rc" -eq 2 ] && [ -s "$T/err" ] || bad "sampled accuracy of avx512* exit $rc"
[ -z "$(find "$T/acc" -name '*.csv' 2>/dev/null)" ] || bad "sampled accuracy wrote a table"

ACTBENCH_MAX_ISA=avx2 "$A" accuracy --exhaustive -a leaky_relu -V 'avx512*' -o "$T/exh" \
    >/dev/null 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] && grep -q "skipped" "$T/err" || bad "exhaustive of avx512* exit $rc: $(cat "$T/err")"
[ -z "$(find "$T/exh" -name '*.csv' -o -name '*.state' 2>/dev/null)" ] || bad "exhaustive wrote a table"

ACTBENCH_MAX_ISA=bogus "$A" list -a relu >/dev/null 2>"$T/err" || bad "list with a bogus cap failed"
grep -q "ACTBENCH_MAX_ISA=bogus ignored" "$T/err" || bad "bogus cap not reported"

[ "$fail" -eq 0 ] && echo "all ok"
exit "$fail"
