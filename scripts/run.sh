#!/bin/bash
# The main job: installs what is missing, builds, runs `actbench run` (machine
# description, sampled accuracy of every implementation, benchmarks) into
# results/<machine_id>/ (one directory per CPU kind, so runs on different
# machines sit side by side), then regenerates the graphs and REPORT.md.
# Extra arguments go to `actbench run` (e.g. --quick, -a sigmoid).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" report
"$root/scripts/build.sh"
cd "$root"
"${ACTBENCH_BUILD_DIR:-$root/build}/actbench" run "$@"
# The directory this run wrote: the per-machine one whose machine.json is newest.
machine_dir=$(ls -td "$root"/results/*/machine.json | head -1)
"$root/scripts/report.sh" "$(dirname "$machine_dir")"
