#!/bin/bash
# The error metrics through the command line: recommend judges ml and fast
# by them (JSON says which metric and value), falls back to the max ULP over
# all inputs for tables without them (and says so); the sweep's summary.csv
# and scripts/sweep_update.py take older tables without the metric columns
# and keep every row rectangular, the old rows' metrics empty. The FTZ/DAZ
# run gives the same figures with one and two sweep threads (a library with
# its own thread pool must compute on the caller's thread, whose MXCSR is
# the one set).
set -eu
bin=${ACTBENCH:?ACTBENCH not set}
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin" accuracy --quick --quiet -a sigmoid -o "$t/r"
"$bin" recommend -a sigmoid --profile ml --results "$t/r" --format json > "$t/ml.json"
"$bin" recommend -a sigmoid --profile fast --results "$t/r" --format json > "$t/fast.json"
python3 - "$t" <<'PY' || fail "recommend JSON on the metrics"
import json, sys
t = sys.argv[1]
for name, metric in (("ml", "ftz_max_ulp_normal"), ("fast", "max_rel_err")):
    a = json.load(open(f"{t}/{name}.json"))["answers"][0]
    assert a["metric"] == metric, a["metric"]
    p = a["pick"]
    assert p is not None and not p["judged_by_stand_in"] and p["metrics_source"] == "sampled", p
    assert p["judged_value"] == p[metric], (p["judged_value"], p[metric])
    assert p["judged_value"] <= a["limit"], p
PY

# accuracy.csv without the metric columns (a table of an older actbench)
python3 - "$t/r/accuracy.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
cut = rows[0].index("normal_counted")
with open(sys.argv[1], "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(r[:cut] for r in rows)
PY
"$bin" recommend -a sigmoid --profile ml --results "$t/r" --format json > "$t/old.json"
python3 - "$t/old.json" <<'PY' || fail "stand-in for tables without the metrics"
import json, sys
a = json.load(open(sys.argv[1]))["answers"][0]
p = a["pick"]
assert p["judged_by_stand_in"] and p["metrics_source"] is None and p["judged_value"] == p["max_ulp"], p
PY
"$bin" recommend -a sigmoid --profile fast --results "$t/r" | grep -q "standing in" || fail "text does not say the max ULP stood in"

# summary.csv of an older sweep (no metric columns): the new rows append, old rows padded
mkdir -p "$t/s/exhaustive"
printf 'activation,variant,direction,format,range_lo,range_hi,reference,inputs,max_ulp\nrelu,naive,forward,binary32,0x00000000,0xffffffff,fast+mpfr,4294967296,0\n' > "$t/s/exhaustive/summary.csv"
"$bin" accuracy --exhaustive --quiet --threads 1 -a sigmoid -V naive --range 3f000000:3f000fff -o "$t/s"
python3 - "$t/s/exhaustive/summary.csv" <<'PY' || fail "summary.csv with old and new rows"
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
h = rows[0]
assert h[-1] == "ftz_ref" and "max_rel_err" in h, h[-3:]
assert all(len(r) == len(h) for r in rows), "ragged"
d = [dict(zip(h, r)) for r in rows[1:]]
old = [r for r in d if r["activation"] == "relu"]
new = [r for r in d if r["activation"] == "sigmoid"]
assert old and old[0]["max_rel_err"] == "" and old[0]["normal_counted"] == ""
assert new and new[0]["normal_counted"] == "4096" and float(new[0]["max_rel_err"]) > 0, new[0]
PY

# sweep_update.py: a destination without the metric columns takes new rows with them
mkdir -p "$t/dest"
printf 'activation,variant,direction,format,range_lo,range_hi,max_ulp\nsigmoid,avx2-rr-p6-div,forward,binary32,0x00000000,0xffffffff,0.8\n' > "$t/dest/summary.csv"
mkdir -p "$t/new"
cp "$t/s/exhaustive/"sigmoid.range-3f000000-3f000fff.csv "$t/new/sigmoid.csv"
grep -v '^relu' "$t/s/exhaustive/summary.csv" > "$t/new/summary.csv"
python3 "$src/scripts/sweep_update.py" "$t/new" "$t/dest" > /dev/null
python3 - "$t/dest/summary.csv" <<'PY' || fail "sweep_update with the widened header"
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
h = rows[0]
assert "ftz_max_ulp_normal" in h and all(len(r) == len(h) for r in rows)
d = [dict(zip(h, r)) for r in rows[1:]]
assert [r["ftz_max_ulp_normal"] for r in d if r["variant"] == "avx2-rr-p6-div"] == [""]
assert [r for r in d if r["variant"] == "naive" and r["ftz_changed"] != ""]
PY
# x in [2^-126, 2^-124]: gelu's outputs x/2 are subnormal, flushed in the
# FTZ/DAZ run by every implementation that honours MXCSR
# (every implementation; and ATen alone with naive, where no other
# library's OpenMP call has set the second thread's count first)
sets=("*")
"$bin" list -a gelu --format json | grep -q '"peer-torch"' && sets+=("naive,peer-torch")
for v in "${sets[@]}"; do
    for n in 1 2; do
        "$bin" accuracy --exhaustive --quiet -a gelu -V "$v" --direction forward --threads $n \
            --range 00800000:0087ffff -o "$t/ftz$n"
        cut -d, -f1-3,49-54 "$t/ftz$n/exhaustive/summary.csv" | sort > "$t/ftz$n.txt"
        rm -rf "$t/ftz$n"
    done
    grep -q ',forward,' "$t/ftz1.txt" || fail "FTZ/DAZ ($v): no row"
    cmp -s "$t/ftz1.txt" "$t/ftz2.txt" ||
        { diff "$t/ftz1.txt" "$t/ftz2.txt"; fail "FTZ/DAZ figures ($v) differ with 2 threads"; }
done
echo ok
