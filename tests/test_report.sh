#!/bin/bash
# scripts/report.sh on a results directory made by `actbench run --quick` in a
# temporary directory. REPORT.md must: say it is a quick run; open with the
# picks of every activation of accuracy.csv, the same as `actbench recommend`
# gives, within two screens; have the glossary; link a page per activation
# and only pages and graphs that exist. No table may have more than 8
# columns, no text may point outside the repository or talk of issues. A
# partial exhaustive sweep is listed, not taken for a full one; a full one is
# used; a missing performance.csv is reported; a CPU-dependent implementation
# (from the registry JSON) is marked. Graph checks need gnuplot.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$ACTBENCH" run --quick --quiet -o "$tmp/results" 2>"$tmp/err" || { echo "FAIL: actbench run --quick"; cat "$tmp/err"; exit 1; }
R=$tmp/results

# A small exhaustive sweep of relu, first as the partial range it is, then
# relabelled as a full-range sweep (its pick-up is exercised without 2^32 inputs).
have_exh=0
if "$ACTBENCH" accuracy --exhaustive --activation relu --variant naive,branchless \
        --range 3f800000:3f800fff --threads 1 --output "$R" --quiet 2>>"$tmp/err"; then
    for f in "$R/exhaustive"/relu.range-3f800000-3f800fff.*; do mv "$f" "${f/.range-3f800000-3f800fff/}"; done
    python3 "$src/scripts/make_report.py" --results "$R" --report "$tmp/partial/REPORT.md" 2>"$tmp/perr" \
        || { fail "make_report.py failed on a partial-range sweep"; cat "$tmp/perr"; }
    grep -q "No full-range binary32 sweep" "$tmp/partial/docs/report/sweeps.md" \
        || fail "a partial-range sweep was taken for a full one"
    grep -q "Partial-range" "$tmp/partial/docs/report/sweeps.md" || fail "the partial-range sweep is not listed"
    sed -i 's/,0x3f800000,0x3f800fff,/,0x00000000,0xffffffff,/' "$R/exhaustive/relu.csv" "$R/exhaustive/summary.csv"
    have_exh=1
else
    echo "note: exhaustive sweep unavailable, its pick-up is not tested"
fi

ACTBENCH="$ACTBENCH" "$src/scripts/report.sh" "$R" 2>"$tmp/report.err" \
    || { fail "scripts/report.sh exited non-zero"; cat "$tmp/report.err"; }
report=$R/REPORT.md
pages=$R/docs/report
[ -s "$report" ] || { echo "FAIL: no REPORT.md"; cat "$tmp/report.err"; exit 1; }

grep -q "QUICK run" "$report" || fail "REPORT.md does not say it presents a quick run"
frameworks=()  # only when the build has the PyTorch/Eigen peers
grep -q '^[a-z_]*,peer-\(torch\|eigen\),' "$R/accuracy.csv" && frameworks=("## Switching from PyTorch or TensorFlow")
for h in "## Which implementation to pick" "### Forward" "### Derivative" "${frameworks[@]}" \
         "## Our kernels against the fastest peer" "### AVX2 class" "## Glossary" "## Method" "### Machine"; do
    grep -q "^$h\$" "$report" || fail "no '$h' section"
done
# the summary fits in two screens: one table row per activation and direction, one trade line per
# activation, and a few lines of heading (19 activations: 57 lines of tables and trades)
n_act=$(tail -n +2 "$R/accuracy.csv" | cut -d, -f1 | sort -u | wc -l)
n=$(awk '/^## /{on=0} /^## Which implementation/{on=1} on' "$report" | grep -c .)
[ "$n" -le $((3 * n_act + 15)) ] || fail "the summary takes $n non-empty lines for $n_act activations"
for term in ULP "correctly rounded" binade "variant names" "port bound" dispersion "CPU-dependent"; do
    grep -q "^- \*\*$term" "$report" || fail "glossary lacks '$term'"
done

# every activation: a summary row, a page; the summary's strict pick is recommend's
for act in $(tail -n +2 "$R/accuracy.csv" | cut -d, -f1 | sort -u); do
    grep -q "^| $act |" "$report" || fail "no summary row for $act"
    [ -f "$pages/$act.md" ] && grep -q "^# $act\$" "$pages/$act.md" || fail "no page for $act"
done
want=$("$ACTBENCH" recommend -a sigmoid --profile strict --results "$R" --format json \
    | python3 -c 'import json, sys; p = json.load(sys.stdin)["answers"][0]["pick"]; print(p["variant"] if p else "")')
got=$(grep -m1 '^| sigmoid |' "$report" | cut -d'|' -f3)
case $got in *"\`$want\`"*) ;; *) fail "summary strict pick for sigmoid '$got', recommend says '$want'" ;; esac

python3 - "$report" "$pages" <<'PY' || fails=$((fails + 1))
import os, re, sys
report, pages = sys.argv[1], sys.argv[2]
bad = []
files = [report] + [os.path.join(pages, f) for f in sorted(os.listdir(pages)) if f.endswith(".md")]
for f in files:
    text = open(f).read()
    base = os.path.dirname(f)
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cols = len(re.split(r"(?<!\\)\|", line.strip())) - 2
            if cols > 8:
                bad.append(f"{os.path.basename(f)}: a table with {cols} columns: {line[:80]}")
                break
    if re.search(r"\bissues?\b", text, re.I):
        bad.append(f"{os.path.basename(f)} talks of issues")
    if "../shared" in text:
        bad.append(f"{os.path.basename(f)} links outside the repository")
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        if target.startswith("http") or "docs/" in target and target.endswith(("accuracy.md", "measurement.md",
                                                                              "activations.md")):
            continue  # the repository's docs: outside a scratch results directory
        if not os.path.exists(os.path.join(base, target)):
            bad.append(f"{os.path.basename(f)} links to missing {target}")
for s in bad:
    print("FAIL:", s)
sys.exit(1 if bad else 0)
PY

if command -v gnuplot >/dev/null; then
    grep -q 'pareto_sigmoid_forward.svg' "$report" || fail "no speed-vs-accuracy graph for sigmoid"
    grep -q 'cache_sigmoid_forward.svg' "$pages/sigmoid.md" || fail "no cache-level graph for sigmoid"
    grep -q 'curve_sigmoid.svg' "$pages/sigmoid.md" || fail "no curve of sigmoid"
    grep -q 'KiB' "$R/plots/cache_sigmoid_forward.svg" || fail "the cache graph has no byte sizes"
    for f in "$R/plots"/*.svg; do grep -q '<svg' "$f" || fail "$f is not SVG"; done
    grep -q "Graphs that failed" "$report" && fail "some graphs failed: $(grep -A5 'Graphs that failed' "$report")"
    [ "$have_exh" = 1 ] && { grep -q 'ulp_binade_relu_forward.svg' "$pages/relu.md" || fail "relu error map not drawn"; }
else
    echo "SKIP graphs: gnuplot missing (Debian gnuplot-nox); checking the report says so"
    grep -q "gnuplot was not found" "$report" || fail "report does not say the graphs were not regenerated"
fi
if [ "$have_exh" = 1 ]; then
    row=$(grep -m1 '^| `naive` | scalar |' "$pages/relu.md")
    case $row in *"all 2^32"*) ;; *) fail "relu naive: the full sweep is not used ($row)" ;; esac
    grep -q "^| relu | 2 × forward/derivative |" "$pages/sweeps.md" || fail "the relu sweep is not in the sweeps table"
    grep -q "^- relu: .*avx2" "$pages/sweeps.md" || fail "relu avx2 not listed as not swept"
fi

# the registry's CPU-dependent flag marks an implementation (fixture in the list JSON schema)
# (no --actbench here and below: these checks need no picks, and each pick is a run of actbench)
python3 "$src/scripts/make_report.py" --results "$R" --report "$tmp/fx/REPORT.md" \
    --list-json "$src/tests/data/list_fixture.json" 2>/dev/null || fail "make_report.py with --list-json failed"
grep -q '`avx2-approx-p3-rcp`†' "$tmp/fx/docs/report/sigmoid.md" || fail "CPU-dependent implementation not marked"
grep -q 'f(x) = 1/(1+e^-x)' "$tmp/fx/docs/report/sigmoid.md" || fail "formula from the registry JSON not shown"

# a missing file is reported, not fatal
rm "$R/performance.csv"
python3 "$src/scripts/make_report.py" --results "$R" --report "$tmp/r2/REPORT.md" 2>/dev/null \
    || fail "make_report.py fails without performance.csv"
grep -q "performance.csv is missing" "$tmp/r2/REPORT.md" 2>/dev/null || fail "missing performance.csv not reported"

[ "$fails" -eq 0 ] && echo "PASS test_report"
exit $((fails > 0))
