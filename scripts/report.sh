#!/bin/bash
# Regenerates the graphs (RESULTS_DIR/plots/*.svg), REPORT.md and its detail
# pages (docs/report/*.md beside REPORT.md) from a results directory written by
# `actbench run` (and, when present, `actbench curves` and the exhaustive sweeps
# under RESULTS_DIR/exhaustive/), through scripts/make_report.py (the package
# scripts/report/).
#
#   scripts/report.sh [RESULTS_DIR [REPORT_FILE]]
#
# RESULTS_DIR defaults to results/ of this checkout; a directory without
# machine.json stands for its newest run (the results/<machine_id>/ whose
# machine.json has the latest date_utc). REPORT_FILE defaults to the
# checkout's REPORT.md when RESULTS_DIR is the checkout's results/ or a
# results/<machine_id>/ in it (whose sweeps and curves are read from
# results/exhaustive/ and results/curves/), else to
# RESULTS_DIR/REPORT.md (so a test on a scratch directory never overwrites the
# committed report). The actbench binary is $ACTBENCH, else build/actbench; it
# gives the registry (`list --format json`) and the picks (`recommend --format
# json`), and draws missing reference curves.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
results=${1:-$root/results}
[ -d "$results" ] || { echo "report: no results directory '$results' (run 'actbench run -o $results')" >&2; exit 1; }
results=$(cd "$results" && pwd)
command -v python3 >/dev/null || { echo "report: python3 is needed (apt-get install python3)" >&2; exit 1; }
# results/ itself holds no run since runs are kept per machine: take the
# results/<machine_id>/ whose machine.json is the newest
if [ ! -f "$results/machine.json" ]; then
    newest=$(python3 - "$results" <<'PY'
import json, os, sys
runs = []
for name in sorted(os.listdir(sys.argv[1])):
    p = os.path.join(sys.argv[1], name, "machine.json")
    if os.path.isfile(p):
        try:
            runs.append((json.load(open(p)).get("date_utc") or "", name))
        except ValueError:
            print(f"report: {p} is not JSON: skipped", file=sys.stderr)
if runs:
    print(os.path.join(sys.argv[1], max(runs)[1]))
PY
)
    if [ -n "$newest" ]; then
        echo "report: $results has no machine.json: using the newest run, $newest" >&2
        results=$newest
    fi
fi
if [ $# -ge 2 ]; then
    report=$2
elif [ "$results" = "$root/results" ] || [ "$(dirname "$results")" = "$root/results" ]; then
    report=$root/REPORT.md   # the checkout's results/ or one machine's results/<machine_id>/
else
    report=$results/REPORT.md
fi

actbench=${ACTBENCH:-${ACTBENCH_BUILD_DIR:-$root/build}/actbench}
if [ ! -x "$actbench" ]; then
    echo "report: actbench binary not found at $actbench: no recommendations, no new curves" >&2
    actbench=
fi
if [ -n "$actbench" ] && [ ! -d "$results/curves" ]; then
    "$actbench" curves -o "$results" >&2 || echo "report: 'actbench curves' failed; activation graphs skipped" >&2
fi

# Port-throughput bounds of our avx2 kernels (llvm-mca on the compiled main
# loops): (re)made when missing or older than the kernel sources, unless
# ACTBENCH_PORTBOUND=0. A failure only costs the report its "× port bound".
portbound=$results/portbound.csv
if [ "${ACTBENCH_PORTBOUND:-1}" = 0 ]; then
    echo "report: ACTBENCH_PORTBOUND=0: port bounds not (re)computed" >&2
elif ! command -v llvm-mca >/dev/null && ! command -v llvm-mca-14 >/dev/null; then
    echo "report: llvm-mca not found (Debian package 'llvm'): port bounds not (re)computed" >&2
elif [ ! -s "$portbound" ] || [ -n "$(find "$root/impls" "$root/CMakeLists.txt" "$root/scripts/portbound.py" \
        -newer "$portbound" \( -name '*.c' -o -name '*.h' -o -name '*.def' -o -name '*.txt' -o -name '*.py' \) \
        -print -quit)" ]; then
    python3 "$root/scripts/portbound.py" --out "$portbound" ${actbench:+--actbench "$actbench"} \
        || echo "report: scripts/portbound.py failed: no port bounds" >&2
fi
gnuplot_arg=()
if command -v gnuplot >/dev/null; then
    gnuplot_arg=(--gnuplot "$(command -v gnuplot)")
else
    echo "report: gnuplot not found (apt-get install gnuplot-nox): graphs not regenerated" >&2
fi
exec python3 "$root/scripts/make_report.py" --results "$results" --report "$report" \
    ${actbench:+--actbench "$actbench"} "${gnuplot_arg[@]}"
