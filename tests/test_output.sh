#!/bin/bash
# Result files: a partial run replaces only its own rows; a command's files
# are replaced together or not at all (directory lock, staging, journal,
# manifest.json); signals leave no temporary file and the usual exit codes.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
B=$ACTBENCH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }
pass() { passes=$((passes+1)); }
sums() { (cd "$1" && find . -type f ! -name .actbench.lock | LC_ALL=C sort | xargs md5sum); }
no_temps() { # dir, what
    if find "$1" -name '.actbench-staging.*' -o -name '*.tmp.*' | grep -q .; then
        fail "$2: temporary files left: $(find "$1" -name '.actbench-staging.*' -o -name '*.tmp.*')"
    else pass; fi
}
rows() { tail -n +2 "$1/accuracy.csv" | wc -l; }
# the accuracy.csv rows of one activation (first field)
rows_of() { awk -F, -v a="$2" 'NR > 1 && $1 == a' "$1/accuracy.csv"; }

# ---- partial runs -----------------------------------------------------------
r=$tmp/partial
"$B" accuracy -q --quiet -a relu,tanh -o "$r" || fail "accuracy relu,tanh"
n_both=$(rows "$r"); tanh_rows=$(rows_of "$r" tanh)
[ "$n_both" -gt 4 ] && [ -n "$tanh_rows" ] || fail "relu,tanh run wrote $n_both rows"
"$B" accuracy -q --quiet -a relu --seed 7 -o "$r" || fail "accuracy relu"
[ "$(rows "$r")" -eq "$n_both" ] && pass || fail "a relu run changed the row count $n_both -> $(rows "$r")"
[ "$(rows_of "$r" tanh)" = "$tanh_rows" ] && pass || fail "a relu run changed the tanh rows"
grep -q "seed 7" <(rows_of "$r" relu) && pass || fail "the relu rows were not replaced"
"$B" accuracy -q --quiet -a sigmoid -V naive -o "$r" || fail "accuracy sigmoid naive"
[ "$(rows "$r")" -eq $((n_both + 2)) ] && pass || fail "sigmoid naive rows not added"
grep -q "^## sigmoid" "$r/accuracy.md" && grep -q "^## tanh" "$r/accuracy.md" && pass \
    || fail "accuracy.md does not show the merged table"
# every row records the CPU it was measured on
python3 - "$r/accuracy.csv" <<'PY' && pass || fail "machine columns of accuracy.csv"
import csv, re, sys
for r in csv.DictReader(open(sys.argv[1])):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", r["machine_id"]), r["machine_id"]
    assert r["cpu_dependent"] in ("yes", "no") and r["cpu_family"].isdigit(), r
    assert r["sampling"] and r["cpu_vendor"] is not None, r
PY

# rows of an implementation no longer registered (removed or renamed) are dropped
sed -i 's/^tanh,naive,/tanh,no-such-variant,/' "$r/accuracy.csv"
"$B" accuracy -q --quiet -a relu -V naive -o "$r" 2>"$tmp/err" || fail "accuracy after a rename"
! grep -q "no-such-variant" "$r/accuracy.csv" && grep -q "no longer registered" "$tmp/err" && pass \
    || fail "rows of an unregistered variant were kept"
"$B" accuracy -q --quiet -a tanh -V naive -o "$r" || fail "accuracy tanh naive"

# the benchmark's tables too (raw samples: by group of rows)
p=$tmp/perf
"$B" bench -q --quiet -a relu,tanh -V naive --parts sizes,fit -o "$p" || fail "bench relu,tanh"
tanh_of() { for f in performance.csv performance_fit.csv performance_by_n.csv raw/bench_samples.csv; do
                awk -F, '$1 == "tanh"' "$p/$f"; done; }
count() { cat "$p"/performance*.csv "$p/raw/bench_samples.csv" | wc -l; }
tanh_before=$(tanh_of); n_before=$(count)
"$B" bench -q --quiet -a relu -V naive --parts sizes,fit -o "$p" || fail "bench relu"
[ -n "$tanh_before" ] && [ "$(tanh_of)" = "$tanh_before" ] && [ "$(count)" -eq "$n_before" ] && pass \
    || fail "a relu bench run changed the tanh rows or the row counts ($n_before -> $(count))"

# a damaged existing table is refused and kept as it is
d=$tmp/damaged; mkdir -p "$d"
head -c -20 "$r/accuracy.csv" > "$d/accuracy.csv"  # truncated last row
before=$(sums "$d")
"$B" accuracy -q --quiet -a relu -o "$d" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] && grep -Eq "cut short|truncated" "$tmp/err" && [ "$(sums "$d")" = "$before" ] && pass \
    || { fail "truncated accuracy.csv: exit $rc"; cat "$tmp/err"; }
no_temps "$d" "damaged table"

# ---- files replaced together or not at all ------------------------------------
mv "$r/accuracy.md" "$tmp/md.bak"; mkdir "$r/accuracy.md"; before=$(sums "$r")
"$B" accuracy -q --quiet -a relu -o "$r" 2>"$tmp/err"; rc=$?
[ $rc -ne 0 ] && [ "$(sums "$r")" = "$before" ] && pass \
    || { fail "accuracy.md unwritable: exit $rc, or accuracy.csv replaced"; cat "$tmp/err"; }
rmdir "$r/accuracy.md"; mv "$tmp/md.bak" "$r/accuracy.md"
no_temps "$r" "unwritable accuracy.md"

# manifest.json lists every file with its size and CRC-32
python3 - "$r" <<'PY' && pass || fail "manifest.json does not match the files"
import json, os, sys, zlib
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
assert m["schema"] == "actbench-manifest/1"
assert {"accuracy.csv", "accuracy.md"} <= set(m["files"]), m["files"].keys()
for name, e in m["files"].items():
    data = open(os.path.join(d, name), "rb").read()
    assert e["bytes"] == len(data) and e["crc32"] == "%08x" % zlib.crc32(data), name
    assert e["machine_id"] and "accuracy" in e["command"], e
PY

# ---- one writer per directory ---------------------------------------------------
before=$(sums "$r")
# The holder keeps the lock until told to let go (not for a fixed time: a
# loaded machine can take seconds to start actbench).
flock "$r/.actbench.lock" sh -c "while [ ! -e '$tmp/release' ]; do sleep 0.05; done" &
holder=$!
for i in $(seq 200); do flock -n "$r/.actbench.lock" true || break; sleep 0.05; done
"$B" accuracy -q --quiet -a relu -o "$r" 2>"$tmp/err"; rc=$?
touch "$tmp/release"
[ $rc -eq 1 ] && grep -q "is writing to" "$tmp/err" && [ "$(sums "$r")" = "$before" ] && pass \
    || { fail "locked directory: exit $rc"; cat "$tmp/err"; }
wait $holder
# two real runs at once: the second refuses, the first completes
"$B" accuracy -q --quiet -a relu -o "$r" --random 1000000 & first=$!
for i in $(seq 100); do ls -A "$r" | grep -q '^\.actbench-staging' && break; sleep 0.1; done
"$B" accuracy -q --quiet -a relu -o "$r" 2>"$tmp/err"; rc=$?
wait $first; rc1=$?
[ $rc -eq 1 ] && [ $rc1 -eq 0 ] && pass || fail "concurrent runs: exits $rc1 and $rc"

# ---- signals -----------------------------------------------------------------
# (A non-interactive shell starts background jobs with SIGINT ignored, so
# SIGINT is sent from python, which starts the child with it at default.)
for sig in TERM HUP; do
    before=$(sums "$r")
    "$B" accuracy --quiet -a sigmoid -o "$r" --random 20000000 & pid=$!
    sleep 1.5; kill -$sig $pid; wait $pid; rc=$?
    want=$([ $sig = TERM ] && echo 143 || echo 129)
    [ $rc -eq "$want" ] && [ "$(sums "$r")" = "$before" ] && pass \
        || fail "SIG$sig: exit $rc (want $want) or results changed"
    no_temps "$r" "SIG$sig"
done
before=$(sums "$r")
python3 - "$B" "$r" <<'PY'; rc=$?
import signal, subprocess, sys, time
p = subprocess.Popen([sys.argv[1], "accuracy", "--quiet", "-a", "sigmoid", "-o", sys.argv[2],
                      "--random", "20000000"])
time.sleep(1.5)
p.send_signal(signal.SIGINT)
p.wait()
sys.exit(130 if p.returncode == -signal.SIGINT else 1)
PY
[ $rc -eq 130 ] && [ "$(sums "$r")" = "$before" ] && pass || fail "SIGINT: not killed by SIGINT or results changed"
no_temps "$r" "SIGINT"
# bench interrupted: no raw/.bench_samples temporary, nothing replaced
b=$tmp/bench; mkdir -p "$b/raw"; echo old > "$b/performance.csv"; echo old > "$b/raw/bench_samples.csv"
before=$(sums "$b")
"$B" bench -q --quiet --rounds 5000 -a sigmoid -o "$b" & pid=$!
sleep 2; kill -TERM $pid; wait $pid; rc=$?
[ $rc -eq 143 ] && [ "$(sums "$b")" = "$before" ] && pass || fail "bench SIGTERM: exit $rc or results changed"
no_temps "$b" "bench SIGTERM"

# ---- a commit interrupted by SIGKILL is completed by the next run --------------------
j=$r/.actbench-staging.TEST01
mkdir -p "$j/sub"
echo "journaled" > "$j/sub/extra.txt"
printf 'sub/extra.txt\n' > "$j/COMMIT"
a=$r/.actbench-staging.TEST02; mkdir -p "$a"; echo "abandoned" > "$a/accuracy.csv"
"$B" accuracy -q --quiet -a relu -V naive -o "$r" 2>"$tmp/err" || fail "run after an interrupted commit"
[ "$(cat "$r/sub/extra.txt" 2>/dev/null)" = "journaled" ] && pass || fail "journaled file not moved in"
[ ! -e "$j" ] && [ ! -e "$a" ] && pass || fail "staging directories left: $(ls -A "$r")"
grep -q "abandoned" "$r/accuracy.csv" && fail "an abandoned staging file was used"

# ---- without -o: results/<machine_id>/ ---------------------------------------------
mkdir -p "$tmp/cwd"
(cd "$tmp/cwd" && "$B" accuracy -q --quiet -a relu -V naive) || fail "accuracy without -o"
python3 - "$tmp/cwd/results" <<'PY' && pass || fail "default output directory is not results/<machine_id>"
import json, os, sys
root = sys.argv[1]
dirs = os.listdir(root)
assert len(dirs) == 1, dirs
m = json.load(open(os.path.join(root, dirs[0], "manifest.json")))
assert m["files"]["accuracy.csv"]["machine_id"] == dirs[0], (dirs, m)
PY

echo "output: $passes passed, $fails failed"
[ $fails -eq 0 ]
