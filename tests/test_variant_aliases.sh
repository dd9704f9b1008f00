#!/bin/bash
# Old variant names (impls/registry/aliases.def) for one release: -V with an
# old name selects the renamed variant in list and the exhaustive sweep and
# says the new name on stderr; `list --format json` gives the aliases; files
# written under an old name load under the new one: sweep shard states
# (`actbench merge`, the same parser as checkpoints) and a results
# directory's accuracy.csv (merged by a partial run, its old row replaced).
# Old-named files are made by rewriting new ones (the state's FNV-1a
# checksum recomputed), as an older actbench would have written them.
set -u
A=${ACTBENCH:?ACTBENCH must point to the actbench binary}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

if ! "$A" list -a sigmoid -V avx2-rr-p6-div >/dev/null 2>&1; then
    echo "SKIP: this CPU runs no AVX2 kernel"
    exit 0
fi

# list: old name selects, one line on stderr names the new one
"$A" list -a sigmoid -V avx2 >"$T/out" 2>"$T/err" || bad "list -V avx2 exited $?"
grep -q '^sigmoid  *avx2-rr-p6-div ' "$T/out" || bad "list -V avx2 did not select avx2-rr-p6-div"
[ "$(wc -l <"$T/err")" -eq 1 ] && grep -q "'avx2'.*avx2-rr-p6-div (sigmoid)" "$T/err" ||
    bad "no one-line note naming the new name: $(cat "$T/err")"
"$A" list -a sigmoid -V avx2-rr-p6-div 2>"$T/err" >/dev/null
[ ! -s "$T/err" ] || bad "a current name printed a note: $(cat "$T/err")"
"$A" list --all --format json | python3 -c '
import json, sys
impls = json.load(sys.stdin)["implementations"]
got = {(r["activation"], r["variant"]): r["aliases"] for r in impls}
assert got[("sigmoid", "avx2-rr-p6-div")] == ["avx2"], got[("sigmoid", "avx2-rr-p6-div")]
assert got[("tanh", "avx2-approx-rational-rcp")] == ["approx-avx2-rational-rcp"]
assert got[("sigmoid", "naive")] == []
' || bad "list --format json: aliases wrong"

# sweep shards selected by the old name, their states rewritten to it, merged
R=3f800000:3f8000ff
for k in 1 2; do
    "$A" accuracy --exhaustive --quiet -a sigmoid -V naive,avx2 --range "$R" --shard "$k/2" \
        -o "$T/s$k" 2>/dev/null || bad "sweep shard $k with -V naive,avx2 exited $?"
done
"$A" merge --quiet -o "$T/new" "$T/s1" "$T/s2" || bad "merge of current-name shards exited $?"
python3 - "$T"/s1/exhaustive/*.state "$T"/s2/exhaustive/*.state <<'PY' || bad "cannot rewrite the states"
import sys
def fnv1a64(data):
    h = 0xcbf29ce484222325
    for c in data:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
for path in sys.argv[1:]:
    text = open(path, "rb").read()
    body = text[:text.rindex(b"checksum fnv1a-64 ")]
    lines = body.split(b"\n")
    n = sum(1 for l in lines if l.startswith(b"pair ") and b" avx2-rr-p6-div " in l)
    assert n == 2, (path, n)
    body = b"\n".join(l.replace(b" avx2-rr-p6-div ", b" avx2 ") if l.startswith(b"pair ") else l
                      for l in lines)
    open(path, "wb").write(body + b"checksum fnv1a-64 %016x\n" % fnv1a64(body))
PY
grep -q '^pair 1 avx2 ' "$T"/s1/exhaustive/*.state || bad "state not rewritten to the old name"
"$A" merge --quiet -o "$T/old" "$T/s1" "$T/s2" || bad "merge of old-name shard states exited $?"
csv=exhaustive/sigmoid.range-3f800000-3f8000ff.csv
if [ -f "$T/old/$csv" ]; then
    grep -q '^sigmoid,avx2-rr-p6-div,' "$T/old/$csv" || bad "merged rows not under the new name"
    ! grep -q '^sigmoid,avx2,' "$T/old/$csv" || bad "merged rows under the old name"
    cut -d, -f1-12 "$T/new/$csv" >"$T/a"
    cut -d, -f1-12 "$T/old/$csv" >"$T/b"
    cmp -s "$T/a" "$T/b" || bad "old-name merge differs from the current-name merge"
else
    bad "merge wrote no $csv"
fi

# a results directory whose accuracy.csv has an old-named row: a partial run
# of the renamed variant replaces it, the other rows stay
"$A" accuracy --quick --quiet -a relu -V naive,avx2-mask -o "$T/r" 2>/dev/null ||
    bad "accuracy -a relu exited $?"
sed -i 's/^relu,avx2-mask,/relu,avx2,/' "$T/r/accuracy.csv"
grep -q '^relu,avx2,' "$T/r/accuracy.csv" || bad "accuracy.csv not rewritten to the old name"
"$A" accuracy --quick --quiet -a relu -V avx2-mask -o "$T/r" 2>/dev/null ||
    bad "partial accuracy run exited $?"
[ "$(grep -c '^relu,avx2-mask,' "$T/r/accuracy.csv")" -eq 2 ] || bad "renamed rows not one per direction"
! grep -q '^relu,avx2,' "$T/r/accuracy.csv" || bad "old-named rows kept beside the new ones"
[ "$(grep -c '^relu,naive,' "$T/r/accuracy.csv")" -eq 2 ] || bad "other rows lost"

[ "$fail" -eq 0 ] && echo "ok"
exit "$fail"
