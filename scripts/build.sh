#!/bin/bash
# Configures and builds actbench in build/ (Release, -O2, no fast-math).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${ACTBENCH_BUILD_DIR:-$root/build}
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >"$build/configure.log" 2>&1 || {
    cat "$build/configure.log" >&2; exit 1; }
cmake --build "$build" -j"$(nproc)"
