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
    # As it is, the sweep covers 4096 bit patterns: the report must not take it
    # for a full 2^32 sweep (generator alone: no graphs, no recommendations).
    python3 "$src/scripts/make_report.py" --results "$tmp/results" --report "$tmp/partial.md" 2>/dev/null \
        || fail "make_report.py failed on a partial-range sweep"
    grep -q "^No full-range binary32 sweep" "$tmp/partial.md" || fail "a partial-range sweep was taken for a full one"
    grep -q "^Partial-range or 16-bit-format sweeps" "$tmp/partial.md" || fail "the partial-range sweep is not listed"
    # Then relabel its range as the full one, so that the pick-up of a full
    # sweep (summary.csv and relu.csv) is exercised without a 2^32 run.
    sed -i 's/,0x3f800000,0x3f800fff,/,0x00000000,0xffffffff,/' \
        "$tmp/results/exhaustive/relu.csv" "$tmp/results/exhaustive/summary.csv"
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
grep -q "^### AVX2 kernels against their targets (issue 5)" "$report" || fail "no AVX2 targets section"
grep -q "^### Exhaustive sweeps (issue 3)" "$report" || fail "no exhaustive sweeps section"
# the avx2 table's max ULP comes from full sweeps only: relu's avx2 was not swept
avx2_cell=$(awk '/^### AVX2 kernels/,/^### Exhaustive sweeps/' "$report" \
    | awk -F'|' '$2 ~ /^ relu $/ && $3 ~ /^ forward $/ && $4 ~ /^ avx2 $/ {print $5; exit}')
[ "$avx2_cell" = " not swept " ] || fail "relu avx2 forward: expected 'not swept' (got '$avx2_cell')"
grep -q "^Of [0-9]* avx2 kernel-directions, " "$report" || fail "no count sentence under the AVX2 table"

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
    run_row=$(awk '/^### Exhaustive sweeps \(issue 3\)/,/^### Where peers/' "$report" | grep '^| relu | 2 × 2 = 4 |')
    [ -n "$run_row" ] || fail "the relu sweep (2 implementations × 2 directions) is not in the issue 3 table"
    relu_missing=$(grep '^\*\*Not swept yet\*\*' "$report" | grep -oE '(: | — )relu: [^—]*')
    case $relu_missing in
    *naive* | *branchless*) fail "swept relu implementations listed as not swept: $relu_missing" ;;
    *avx2*) ;;
    *) fail "relu avx2 not listed as not swept (got '$relu_missing')" ;;
    esac
fi
# a missing file is reported, not fatal
rm "$tmp/results/performance.csv"
ACTBENCH="$ACTBENCH" "$src/scripts/report.sh" "$tmp/results" "$tmp/r2.md" 2>/dev/null || fail "report.sh fails without performance.csv"
grep -q "performance.csv is missing" "$tmp/r2.md" 2>/dev/null || fail "missing performance.csv not reported"

[ "$fails" -eq 0 ] && echo "report: OK ($n_img graphs linked)"
exit $((fails > 0))
