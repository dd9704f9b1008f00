#!/bin/bash
# The test command: installs what is missing, builds, and runs every test.
# Arguments go to ctest (e.g. -R test_dispatch); the build takes
# ACTBENCH_BUILD_DIR, ACTBENCH_WERROR and ACTBENCH_SANITIZE (scripts/build.sh).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh" build
"$root/scripts/build.sh"
cd "${ACTBENCH_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j2 "$@"
