#!/bin/bash
# scripts/portbound.py on two kernels: each row has a positive loop size,
# elements per iteration (a multiple of 8: 256-bit stores), cycles and bound;
# with the binary's registry also relu's avx512 twin (its rows on the
# AVX-512 model, 16 elements per iteration: 512-bit stores);
# an unknown kernel is refused; and it stays cheap (seconds). The registry is
# `actbench list --all --format json`, or the fixture of that schema in
# tests/data/ when the binary cannot give it.
set -u
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
if ! command -v llvm-mca >/dev/null && ! command -v llvm-mca-14 >/dev/null; then
    echo "SKIP: llvm-mca not installed (Debian package 'llvm')"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }

registry=(--list-json "$src/tests/data/list_fixture.json")
if [ -n "${ACTBENCH:-}" ] && "$ACTBENCH" list --all --format json >"$tmp/list.json" 2>/dev/null; then
    registry=(--list-json "$tmp/list.json")
fi
build=${ACTBENCH:+$(dirname "$ACTBENCH")}
avx512=()
if [ "${registry[1]}" = "$tmp/list.json" ] && grep -q '"variant":[[:space:]]*"avx512-mask"' "$tmp/list.json"; then
    avx512=(--only relu/avx512-mask)
fi
start=$(date +%s%N)
python3 "$src/scripts/portbound.py" --out "$tmp/pb.csv" --only sigmoid/avx2-rr-p6-div --only relu/avx2-mask "${registry[@]}" \
    ${build:+--build "$build"} 2>"$tmp/err" || { fail "portbound.py exited non-zero"; cat "$tmp/err"; }
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -le 30000 ] || fail "two kernels took ${ms} ms (more than 30 s)"
if [ "${#avx512[@]}" -gt 0 ]; then # a run of its own, outside the timed one
    python3 "$src/scripts/portbound.py" --out "$tmp/pb512.csv" "${avx512[@]}" "${registry[@]}" \
        ${build:+--build "$build"} 2>"$tmp/err" || { fail "portbound.py (avx512) exited non-zero"; cat "$tmp/err"; }
    tail -n +2 "$tmp/pb512.csv" >>"$tmp/pb.csv"
fi

python3 - "$tmp/pb.csv" "${#avx512[@]}" <<'PY' || fails=$((fails+1))
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
want = {(a, v, d) for a, v in (("sigmoid", "avx2-rr-p6-div"), ("relu", "avx2-mask")) for d in ("forward", "derivative")}
if sys.argv[2] != "0":
    want |= {("relu", "avx512-mask", d) for d in ("forward", "derivative")}
got = {(r["activation"], r["variant"], r["direction"]) for r in rows}
bad = []
if got != want:
    bad.append(f"rows {sorted(got)} instead of {sorted(want)}")
for r in rows:
    try:
        n, e = int(r["loop_instructions"]), int(r["elements_per_iteration"])
        c, b = float(r["cycles_per_iteration"]), float(r["bound_cycles_per_element"])
    except ValueError:
        bad.append(f"{r['activation']}/{r['direction']}: empty or non-numeric figures ({r['note']})")
        continue
    lanes = 16 if r["variant"].startswith("avx512") else 8
    if not (n > 0 and e > 0 and e % lanes == 0 and c > 0 and b > 0):
        bad.append(f"{r['activation']}/{r['direction']}: non-positive or odd figures {r}")
    elif abs(b - c / e) > 1e-3 * b:
        bad.append(f"{r['activation']}/{r['direction']}: bound {b} != {c}/{e}")
    if r["mcpu"] != ("icelake-server" if r["variant"].startswith("avx512") else "znver3"):
        bad.append(f"{r['variant']}: mcpu {r['mcpu']}")
# sigmoid's loop (exp, division) must cost more per element than relu's (compare, and)
b = {(r["activation"], r["direction"]): float(r["bound_cycles_per_element"] or 0) for r in rows
     if r["variant"].startswith("avx2")}
if not bad and not b[("sigmoid", "forward")] > 2 * b[("relu", "forward")]:
    bad.append(f"sigmoid forward bound {b[('sigmoid', 'forward')]} not above 2x relu's {b[('relu', 'forward')]}")
for s in bad:
    print("FAIL:", s)
sys.exit(1 if bad else 0)
PY

if python3 "$src/scripts/portbound.py" --out "$tmp/none.csv" --only sigmoid/no-such-variant "${registry[@]}" \
        2>"$tmp/err"; then
    fail "an unknown kernel was accepted"
fi
[ -e "$tmp/none.csv" ] && fail "a CSV was written for an unknown kernel"

[ "$fails" -eq 0 ] && echo "PASS test_portbound (${ms} ms)"
exit $((fails > 0))
