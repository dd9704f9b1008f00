#!/bin/bash
# `actbench recommend` on small hand-made results directories (no run needed):
# each profile picks the fastest implementation that meets it; an invalid
# timing, NaN errors or flushes never win where the profile forbids them;
# the JSON answer follows the documented schema; a table with more rows than
# the registry, a truncated or malformed row, and bad option values are
# handled (no crash; exit 1 for bad data, 2 for bad usage).
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# Fixture: sigmoid forward, seven implementations (variant, max ULP, classes, ticks, valid).
python3 - "$tmp/r" <<'PY'
import csv, os, sys
d = sys.argv[1]
os.makedirs(d)
acc_cols = ["activation", "variant", "isa", "direction", "method", "inputs", "max_ulp", "worst_x",
            "nan_unexpected", "nan_missing", "inf_where_finite", "flush_to_zero", "signed_zero_mismatch",
            "finite_where_inf"]
perf_cols = ["activation", "variant", "isa", "direction", "distribution", "size_label", "n", "bytes",
             "ticks_per_elem_median", "unstable", "ns_per_elem", "valid", "invalid_reason"]
# "avx2" is the old name of sigmoid's avx2-rr-p6-div: the tables are read
# under the current name.
impls = [  # variant, max ULP, {class: count}, ticks at L1, valid
    ("naive", 2e6, {"flush_to_zero": 116}, 9.0, 1),
    ("avx2", 0.78, {}, 2.0, 1),
    ("peer-broken", 0.5, {"nan_unexpected": 5}, 0.1, 1),
    ("quick", 3.0, {}, 1.0, 1),
    ("approx", 900.0, {"flush_to_zero": 10}, 0.5, 1),
    ("impossible", 0.5, {}, 0.05, 0),
    ("peer-good", 1.5, {}, 1.5, 1),
]
with open(os.path.join(d, "accuracy.csv"), "w", newline="") as fp:
    w = csv.writer(fp, lineterminator="\n")
    w.writerow(acc_cols)
    for v, u, cls, _, _ in impls:
        w.writerow(["sigmoid", v, "scalar", "forward", "sampled", 1000, u, "0x1p+0"]
                   + [cls.get(c, 0) for c in acc_cols[8:]])
with open(os.path.join(d, "performance.csv"), "w", newline="") as fp:
    w = csv.writer(fp, lineterminator="\n")
    w.writerow(perf_cols)
    for v, _, _, t, ok in impls:
        for size, scale in (("L1", 1.0), ("DRAM", 3.0)):
            w.writerow(["sigmoid", v, "scalar", "forward", "uniform[-10,10]", size, 1024, 8192, t * scale, 0,
                        t * scale / 2, ok, "" if ok else "below the timer's resolution"])
PY
R=$tmp/r

out=$("$ACTBENCH" recommend -a sigmoid --results "$R" --format json) || fail "recommend --format json exited $?"
python3 - "$out" <<'PY' || fails=$((fails + 1))
import json, sys
doc = json.loads(sys.argv[1])
bad = []
def check(cond, msg):
    if not cond:
        bad.append(msg)
check(doc.get("schema") == "actbench-recommend/1", f"schema {doc.get('schema')}")
for k in ("activation", "direction", "results", "size", "distribution", "measured_on", "answers"):
    check(k in doc, f"no key {k}")
ans = {a["need"]: a for a in doc["answers"]}
check(list(ans) == ["strict", "accurate", "ml", "fast", "most accurate"], f"needs {list(ans)}")
want = {  # need: (pick, runner-up)
    "strict": ("avx2-rr-p6-div", None),
    "accurate": ("peer-good", "avx2-rr-p6-div"),
    "ml": ("quick", "peer-good"),
    "fast": ("approx", "quick"),
    "most accurate": ("avx2-rr-p6-div", "peer-good"),  # "impossible" (0.5 ULP) has no valid timing
}
for need, (p, r) in want.items():
    a = ans.get(need, {})
    got = ((a.get("pick") or {}).get("variant"), (a.get("runner_up") or {}).get("variant"))
    check(got == (p, r), f"{need}: pick/runner-up {got}, expected {(p, r)}")
    check(isinstance(a.get("trade"), str) and a["trade"].endswith("."), f"{need}: no trade sentence")
    check(isinstance(a.get("criterion"), str) and a["criterion"], f"{need}: no criterion")
for a in doc["answers"]:
    for role in ("pick", "runner_up", "fastest_peer"):
        c = a.get(role)
        if c is None:
            continue
        for k in ("variant", "isa", "max_ulp", "accuracy_source", "error_classes", "timing_valid",
                  "ns_per_element", "tsc_ticks_per_element", "timing_unstable", "is_peer", "cpu_dependent"):
            check(k in c, f"{a['need']}/{role}: no key {k}")
        check(c["variant"] not in ("peer-broken", "impossible"), f"{a['need']}: picked {c['variant']}")
check((ans["accurate"].get("fastest_peer") or {}).get("variant") == "peer-good", "accurate: fastest peer")
check(ans["strict"].get("fastest_peer") is None, "strict: a peer meets it?")
check(ans["accurate"]["pick"]["ns_per_element"] == 0.75, "ns/element not read")
for s in bad:
    print("FAIL:", s)
sys.exit(1 if bad else 0)
PY

# text: aligned (every table line as long as the header up to the last column), one trade line per need
"$ACTBENCH" recommend -a sigmoid --results "$R" --size DRAM >"$tmp/text" || fail "text output exited $?"
grep -q "^strict  *avx2-rr-p6-div " "$tmp/text" || fail "text: strict row missing: $(cat "$tmp/text")"
col=$(awk '/^need /{print index($0, "runner-up")}' "$tmp/text")
awk -v c="$col" '/^(strict|accurate|ml|fast|most accurate) / && NR < 10 {
    if (substr($0, c - 2, 2) != "  ") bad = 1 } END { exit bad }' "$tmp/text" || fail "text columns not aligned"
[ "$(grep -c 'takes .*× its time' "$tmp/text")" -ge 4 ] || fail "text: trade sentences missing"

# --profile and --max-ulp narrow the answer
"$ACTBENCH" recommend -a sigmoid --results "$R" --profile ml --format json | python3 -c '
import json, sys; a = json.load(sys.stdin)["answers"]
sys.exit(0 if [x["need"] for x in a] == ["ml"] and a[0]["pick"]["variant"] == "quick" else 1)' \
    || fail "--profile ml"
"$ACTBENCH" recommend -a sigmoid --results "$R" --max-ulp 1.6 --format json | python3 -c '
import json, sys; a = json.load(sys.stdin)["answers"]
sys.exit(0 if [x["need"] for x in a] == ["max-ulp"] and a[0]["pick"]["variant"] == "peer-good" else 1)' \
    || fail "--max-ulp 1.6"

# usage errors: exit 2
expect() {  # expected status, then the arguments
    local want=$1; shift
    "$ACTBENCH" recommend "$@" >/dev/null 2>"$tmp/err"; local got=$?
    [ "$got" = "$want" ] || fail "recommend $* exited $got, expected $want"
    [ "$want" = 0 ] || [ -s "$tmp/err" ] || fail "recommend $*: no message"
}
expect 2 -a sigmoid --results "$R" --size L4
expect 2 -a sigmoid --results "$R" --size L2
expect 2 -a sigmoid --results "$R" --distribution foo
expect 2 -a sigmoid --results "$R" --profile exact
expect 2 -a sigmoid --results "$R" --format md
expect 2 -a sigmoid --results "$R" --max-ulp -1
expect 2 -a no_such_activation --results "$R"
expect 2 --results "$R"
expect 1 -a tanh --results "$R"
expect 1 -a sigmoid --results "$tmp/nowhere"
expect 0 -a sigmoid --results "$R" --help

# more rows than the registry has implementations: no overflow
cp -r "$R" "$tmp/many"
python3 - "$tmp/many/accuracy.csv" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
n = len(lines[0].split(","))
with open(sys.argv[1], "a") as fp:
    for i in range(400):
        fp.write(",".join(["relu", f"v{i}", "scalar", "forward", "sampled", "10", str(i / 100), "0x1p+0"]
                          + ["0"] * (n - 8)) + "\n")
PY
expect 0 -a relu --results "$tmp/many" --profile strict

# a truncated last row and a short row are refused, naming the file
cp -r "$R" "$tmp/cut"
head -c -7 "$R/accuracy.csv" >"$tmp/cut/accuracy.csv"
expect 1 -a sigmoid --results "$tmp/cut"
grep -q "accuracy.csv" "$tmp/err" || fail "truncated file not named: $(cat "$tmp/err")"
cp -r "$R" "$tmp/short"
echo "sigmoid,extra,scalar,forward,sampled,10,10,0.5" >>"$tmp/short/accuracy.csv"
expect 1 -a sigmoid --results "$tmp/short"
cp -r "$R" "$tmp/cutperf"
head -c -3 "$R/performance.csv" >"$tmp/cutperf/performance.csv"
expect 1 -a sigmoid --results "$tmp/cutperf"

# the reproducer of the old overflow, on rows of 8 fields: refused, no crash
mkdir "$tmp/old"
{ head -1 "$R/accuracy.csv"; for i in $(seq 400); do echo "relu,v$i,scalar,forward,sampled,10,10,0.5"; done; } \
    >"$tmp/old/accuracy.csv"
expect 1 -a relu --results "$tmp/old"

[ "$fails" -eq 0 ] && echo "PASS test_recommend"
exit $((fails > 0))
