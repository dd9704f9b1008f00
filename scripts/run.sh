#!/bin/bash
# The main job: installs what is missing, builds, runs `actbench run` (machine
# description, sampled accuracy of every implementation, benchmarks) into
# results/, then regenerates the graphs and REPORT.md from results/.
# Extra arguments go to `actbench run` (e.g. --quick, -a sigmoid).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" report
"$root/scripts/build.sh"
cd "$root"
"${ACTBENCH_BUILD_DIR:-$root/build}/actbench" run -o results "$@"
"$root/scripts/report.sh"
