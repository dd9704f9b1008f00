#!/bin/bash
# Configures and builds actbench in build/ (Release, -O2, no fast-math).
# Environment: ACTBENCH_BUILD_DIR (default build/), ACTBENCH_WERROR=ON
# (warnings are errors, as in CI), ACTBENCH_SANITIZE=address,undefined (a
# sanitizer build; use its own ACTBENCH_BUILD_DIR). Each run sets both
# options, so a build directory never keeps one from an earlier run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACTBENCH_BUILD_DIR:-$root/build}
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
      -DACTBENCH_WERROR="${ACTBENCH_WERROR:-OFF}" -DACTBENCH_SANITIZE="${ACTBENCH_SANITIZE:-}" \
      >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)"
