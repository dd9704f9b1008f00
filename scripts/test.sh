#!/bin/bash
# The test command: installs what is missing, builds, and runs every test.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" build
"$root/scripts/build.sh"
cd "${ACTBENCH_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j2 "$@"
