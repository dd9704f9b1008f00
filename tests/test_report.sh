#!/bin/bash
# scripts/report.sh on a results directory made by `actbench run --quick` in a
# temporary directory: REPORT.md is produced, says it is a quick run, has a
# section for every activation of accuracy.csv, references only graph files
# that exist (and are SVG), and picks up an exhaustive sweep when one is
# present. Graph checks are skipped, with a message, when gnuplot is missing.
set -u
: "${ACTBENCH:?set ACTBENCH to the actbench binary}"
src=${ACTBENCH_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
command -v python3 >/dev/null || { echo "SKIP: python3 missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$ACTBENCH" run --quick --quiet -o "$tmp/results" 2>"$tmp/err" || { echo "FAIL: actbench run --quick"; cat "$tmp/err"; exit 1; }

# A small exhaustive sweep, its files renamed as a full-range sweep's would be,
# so that the generator's pick-up of results/exhaustive/ is exercised.
if "$ACTBENCH" accuracy --exhaustive --activation relu --variant naive,branchless \
        --range 3f800000:3f800fff --threads 1 --output "$tmp/results" --quiet 2>>"$tmp/err"; then
    for f in "$tmp/results/exhaustive"/relu.range-3f800000-3f800fff.*; do
        mv "$f" "${f/.range-3f800000-3f800fff/}"
    done
    have_exh=1
else
    echo "note: exhaustive sweep unavailable, its pick-up is not tested"; have_exh=0
fi

ACTBENCH="$ACTBENCH" "$src/scripts/report.sh" "$tmp/results" 2>"$tmp/report.err" \
    || { fail "scripts/report.sh exited non-zero"; cat "$tmp/report.err"; }
report=$tmp/results/REPORT.md
[ -s "$report" ] || { echo "FAIL: no REPORT.md"; cat "$tmp/report.err"; exit 1; }

grep -q "QUICK run" "$report" || fail "REPORT.md does not say it presents a quick run"
for act in $(tail -n +2 "$tmp/results/accuracy.csv" | cut -d, -f1 | sort -u); do
    grep -q "^## $act\$" "$report" || fail "no section for activation $act"
done
grep -q "^## Summary" "$report" || fail "no summary section"
grep -q "^### Recommendation per activation (forward)" "$report" || fail "no recommendation summary table"
grep -q "ULP convention" "$report" || fail "method section lacks the ULP convention"

# every linked image exists, relative to the report
n_img=0
while IFS= read -r link; do
    n_img=$((n_img + 1))
    [ -f "$tmp/results/$link" ] || fail "REPORT.md links to missing file $link"
    case $link in /*) fail "absolute image path $link" ;; esac
done < <(grep -o '!\[[^]]*\]([^)]*)' "$report" | sed 's/.*](\(.*\))/\1/')

if command -v gnuplot >/dev/null; then
    [ "$n_img" -gt 0 ] || fail "gnuplot present but REPORT.md shows no graph"
    grep -q '!\[sigmoid and its derivative\](plots/curve_sigmoid.svg)' "$report" || fail "no sigmoid curve graph"
    grep -q 'pareto_sigmoid_forward.svg' "$report" || fail "no speed-vs-accuracy graph for sigmoid"
    grep -q 'cache_sigmoid_forward.svg' "$report" || fail "no cache-level graph for sigmoid"
    for f in "$tmp/results/plots"/*.svg; do
        grep -q '<svg' "$f" || fail "$f is not SVG"
    done
    grep -q "Graphs that failed" "$report" && fail "some graphs failed: $(grep -A5 'Graphs that failed' "$report")"
    if [ "$have_exh" = 1 ]; then
        grep -q 'ulp_binade_relu_forward.svg' "$report" || fail "exhaustive error map of relu not drawn"
    fi
else
    echo "SKIP plots: gnuplot missing (Debian gnuplot-nox); checking the report says so"
    grep -q "gnuplot was not found" "$report" || fail "report does not say the graphs were not regenerated"
fi
if [ "$have_exh" = 1 ]; then
    grep -q "Exhaustive sweeps\*\* (every binary32 input" "$report" || fail "exhaustive sweep not picked up"
    exh_cell=$(awk '/^### relu — forward/,/^\*\*Speed/' "$report" | awk -F'|' '$2 ~ /^ naive $/ {print $4; exit}')
    case $exh_cell in *[0-9]*) ;; *) fail "relu naive row lacks the exhaustive max ULP (got '$exh_cell')" ;; esac
fi
# a missing file is reported, not fatal
rm "$tmp/results/performance.csv"
ACTBENCH="$ACTBENCH" "$src/scripts/report.sh" "$tmp/results" "$tmp/r2.md" 2>/dev/null || fail "report.sh fails without performance.csv"
grep -q "performance.csv is missing" "$tmp/r2.md" 2>/dev/null || fail "missing performance.csv not reported"

[ "$fails" -eq 0 ] && echo "report: OK ($n_img graphs linked)"
exit $((fails > 0))
