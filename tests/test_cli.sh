#!/bin/bash
# The command line: every misuse gets a clear message and exit 2 and leaves a
# pre-filled results directory byte-identical (checksums before and after);
# each command has its own --help; list's three formats agree.
# Output safety (locks, signals, partial runs, journal) is in test_output.sh.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; passes=0
fail() { echo "FAIL: $*"; fails=$((fails+1)); }

# A results directory with content to protect.
keep=$tmp/keep
mkdir -p "$keep/raw"
printf 'activation,variant\nsigmoid,naive\n' > "$keep/accuracy.csv"
echo "previous md" > "$keep/accuracy.md"
echo "previous perf" > "$keep/performance.csv"
echo "previous raw" > "$keep/raw/bench_samples.csv"
sums() { (cd "$keep" && find . -type f ! -name .actbench.lock | LC_ALL=C sort | xargs md5sum); }
before=$(sums)

expect_fail() { # description, expected exit code, expected stderr fragment, command...
    local what=$1 code=$2 frag=$3; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
    if [ $rc -ne "$code" ]; then fail "$what: exit $rc, expected $code"; cat "$tmp/err"; return; fi
    if ! grep -qi -- "$frag" "$tmp/err"; then
        fail "$what: stderr lacks '$frag':"; cat "$tmp/err"; return
    fi
    [ "$(sums)" = "$before" ] || { fail "$what: changed the results directory"; before=$(sums); return; }
    passes=$((passes+1))
}
expect_ok() {
    local what=$1; shift
    if ! "$@" >"$tmp/out" 2>"$tmp/err"; then fail "$what"; cat "$tmp/err"; return; fi
    passes=$((passes+1))
}

B=$ACTBENCH
expect_ok "--help" "$B" --help
grep -q "usage: actbench" "$tmp/out" || fail "--help text"
expect_ok "--version" "$B" --version
grep -Eq "^actbench [0-9]+\.[0-9]+\.[0-9]+$" "$tmp/out" || fail "--version text: $(cat "$tmp/out")"
for cmd in list accuracy bench run curves; do
    expect_ok "$cmd --help" "$B" $cmd --help
    grep -q "^usage: actbench $cmd" "$tmp/out" && grep -q "^Examples:" "$tmp/out" \
        || fail "$cmd --help is not the command's own help"
    expect_ok "help $cmd" "$B" help $cmd
    grep -q "^usage: actbench $cmd" "$tmp/out" || fail "help $cmd"
done
expect_ok "accuracy --exhaustive --help" "$B" accuracy --exhaustive --help
grep -q "usage: actbench accuracy --exhaustive" "$tmp/out" || fail "the sweep's help"
grep -q -- "--precision" <("$B" bench --help) && fail "bench --help lists --precision"

o=(-o "$keep")
expect_fail "no command" 2 "usage" "$B"
expect_fail "unknown command" 2 "unknown command 'frobnicate'" "$B" frobnicate
expect_fail "unknown activation" 2 "unknown activation 'sigmod'" "$B" accuracy -a sigmod "${o[@]}"
expect_fail "unknown variant" 2 "unknown variant 'fastest'" "$B" bench -V fastest "${o[@]}"
expect_fail "glob matching nothing" 2 "no variant matches 'zz\*'" "$B" accuracy -V 'zz*' "${o[@]}"
expect_fail "empty activation list" 2 "empty --activation" "$B" accuracy -a "" "${o[@]}"
expect_fail "empty entry" 2 "empty entry" "$B" accuracy -a "relu,,tanh" "${o[@]}"
expect_fail "activation twice" 2 "given twice" "$B" accuracy -q -a relu,relu "${o[@]}"
expect_fail "alias and name" 2 "given twice" "$B" accuracy -q -a silu,swish "${o[@]}"
expect_fail "variant twice" 2 "given twice" "$B" bench -q -V naive,naive "${o[@]}"
expect_fail "option twice" 2 "given twice" "$B" accuracy -q -a relu -a tanh "${o[@]}"
expect_fail "selection matching nothing" 2 "no implementation matches" "$B" accuracy -q -a relu -V 'avx2-f64*' "${o[@]}"
expect_fail "bad seed" 2 "--seed" "$B" accuracy --seed 12x "${o[@]}"
expect_fail "seed overflow" 2 "--seed" "$B" accuracy --seed 99999999999999999999 "${o[@]}"
expect_fail "seed with sign" 2 "--seed" "$B" accuracy --seed +5 "${o[@]}"
expect_fail "seed with space" 2 "--seed" "$B" accuracy --seed " 5" "${o[@]}"
expect_fail "negative grid" 2 "--grid" "$B" accuracy --grid -5 "${o[@]}"
expect_fail "zero grid" 2 "--grid" "$B" accuracy --grid 0 "${o[@]}"
expect_fail "precision too low" 2 "--precision" "$B" accuracy --precision 10 "${o[@]}"
expect_fail "precision too high" 2 "--precision" "$B" accuracy --precision 1000000 "${o[@]}"
expect_fail "zero rounds" 2 "--rounds" "$B" bench --rounds 0 "${o[@]}"
expect_fail "float rounds" 2 "--rounds" "$B" bench --rounds 1e3 "${o[@]}"
expect_fail "bench --precision" 2 "does not apply to bench" "$B" bench -q --precision 64 "${o[@]}"
expect_fail "bench --seed" 2 "does not apply to bench" "$B" bench -q --seed 3 "${o[@]}"
expect_fail "bad distribution" 2 "gaussian" "$B" bench -q --distribution gaussian "${o[@]}"
expect_fail "bad distribution, run" 2 "gaussian" "$B" run -q --distribution gaussian "${o[@]}"
expect_fail "bad part" 2 "unknown bench part" "$B" bench -q --parts sizes,speed "${o[@]}"
expect_fail "accuracy --parts" 2 "does not apply to accuracy" "$B" accuracy -q --parts fit "${o[@]}"
expect_fail "list --grid" 2 "does not apply to list" "$B" list --grid 5
expect_fail "list --output" 2 "does not apply to list" "$B" list "${o[@]}"
expect_fail "accuracy --format" 2 "does not apply to accuracy" "$B" accuracy --format json "${o[@]}"
expect_fail "curves -a" 2 "does not apply to curves" "$B" curves -a relu "${o[@]}"
expect_fail "bad list format" 2 "--format must be" "$B" list --format xml
expect_fail "empty output" 2 "--output needs a directory" "$B" accuracy -q -a relu -o ''
expect_fail "empty output, run" 2 "--output needs a directory" "$B" run -q -a relu -o ''
expect_fail "missing value" 2 "needs a value" "$B" accuracy --output
expect_fail "unknown option" 2 "unknown option" "$B" list --colour
expect_fail "stray argument" 2 "unexpected argument" "$B" list sigmoid
expect_fail "stray argument after options" 2 "unexpected argument 'x'" "$B" accuracy -q x "${o[@]}"
expect_fail "version with argument" 2 "unexpected argument" "$B" --version x
[ -e "$tmp/r1" ] && fail "a failed command created its output directory"

# Unwritable output: a path below a regular file can never be created (root
# ignores permission bits, so a chmod'ed directory would not do).
touch "$tmp/file"
expect_fail "unwritable output" 1 "cannot create directory" "$B" accuracy -q -a relu -V naive -o "$tmp/file/sub"

# Selection: globs and aliases, the same in every command.
expect_ok "alias swish" "$B" list -a swish
grep -q "^silu" "$tmp/out" || fail "alias swish"
expect_ok "activation glob" "$B" list -a 'gelu*'
[ "$(tail -n +2 "$tmp/out" | awk '{print $1}' | sort -u | tr '\n' ' ')" = "gelu gelu_tanh " ] \
    || fail "-a 'gelu*' selects $(tail -n +2 "$tmp/out" | awk '{print $1}' | sort -u | tr '\n' ' ')"
expect_ok "variant glob" "$B" list -V 'branch*'
tail -n +2 "$tmp/out" | awk '$2 != "branchless" {bad=1} END {exit bad}' || fail "-V 'branch*'"

# list shows every activation × {naive, branchless}, and the cpu-dep column.
expect_ok "list" "$B" list
head -1 "$tmp/out" | grep -q "cpu-dep" || fail "list has no cpu-dep column"
for a in sigmoid tanh relu leaky_relu prelu elu selu gelu gelu_tanh silu mish softplus softsign \
         hardsigmoid hardswish binary_step identity softmax log_softmax; do
    for v in naive branchless; do
        grep -Eq "^$a +$v " "$tmp/out" || fail "list lacks $a $v"
    done
done

# list --format json and csv describe the same implementations as the text.
n_text=$("$B" list --all | tail -n +2 | wc -l)
"$B" list --all --format json > "$tmp/list.json" || fail "list --format json"
"$B" list --all --format csv > "$tmp/list.csv" || fail "list --format csv"
if command -v python3 >/dev/null; then
    python3 - "$tmp/list.json" "$tmp/list.csv" "$n_text" <<'EOF' || fail "list json/csv content"
import csv, json, sys
doc = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2])))
n = int(sys.argv[3])
assert doc["schema"] == "actbench-list/1", doc.get("schema")
impls = doc["implementations"]
assert len(impls) == len(rows) == n, (len(impls), len(rows), n)
acts = {a["name"]: a for a in doc["activations"]}
assert set(acts) == {i["activation"] for i in impls}, set(acts)
assert all(a["formula"] and a["derivative_formula"] and a["output_range"] for a in acts.values())
flags = {"vector", "sets_mxcsr", "ftz_dependent", "not_thread_safe", "cpu_dependent"}
classes = {"nan_unexpected", "nan_missing", "inf_where_finite", "flush_to_zero",
           "signed_zero_mismatch", "finite_where_inf"}
for i, r in zip(impls, rows):
    assert set(i) == {"activation", "variant", "aliases", "isa", "supported", "reported_isa",
                      "flags", "method", "forward", "derivative"}, set(i)
    assert i["reported_isa"] is None or isinstance(i["reported_isa"], str), i
    assert all(isinstance(a, str) and a != i["variant"] for a in i["aliases"]), i
    assert isinstance(i["supported"], bool) and set(i["flags"]) <= flags, i
    assert (i["activation"], i["variant"], i["isa"]) == (r["activation"], r["variant"], r["isa"])
    assert r["method"] == i["method"]
    for d in ("forward", "derivative"):
        b = i[d]
        if b is None:
            assert d == "derivative" and r[d + "_max_ulp"] == ""
            continue
        assert set(b) == {"max_ulp", "allowed_classes"} and set(b["allowed_classes"]) <= classes
        assert abs(float(r[d + "_max_ulp"]) - b["max_ulp"]) <= 1e-9 * b["max_ulp"]
EOF
fi

echo "cli: $passes passed, $fails failed"
[ $fails -eq 0 ]
