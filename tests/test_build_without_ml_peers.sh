#!/bin/bash
# The build without the PyTorch and Eigen peers: configured with
# ACTBENCH_PEERS_ML=OFF in a temporary directory, the project stays C only
# (no C++ compiler is even looked for), builds, lists no peer-torch or
# peer-eigen implementation, and its peer test passes with the C peers.
set -u
: "${ACTBENCH_SOURCE_DIR:?set ACTBENCH_SOURCE_DIR to the source tree}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
if ! cmake -S "$ACTBENCH_SOURCE_DIR" -B "$tmp" -DCMAKE_BUILD_TYPE=Release -DACTBENCH_PEERS_ML=OFF \
        >"$tmp/configure.log" 2>&1; then
    echo "FAIL: configure with ACTBENCH_PEERS_ML=OFF"; cat "$tmp/configure.log"; exit 1
fi
if grep -q '^CMAKE_CXX_COMPILER:' "$tmp/CMakeCache.txt"; then
    echo "FAIL: a C++ compiler was configured without the C++ peers"; fails=$((fails+1))
fi
if ! cmake --build "$tmp" -j2 --target actbench test_peers >"$tmp/build.log" 2>&1; then
    echo "FAIL: build with ACTBENCH_PEERS_ML=OFF"; tail -40 "$tmp/build.log"; exit 1
fi
if "$tmp/actbench" list --all | grep -Eq 'peer-(torch|eigen)'; then
    echo "FAIL: peer-torch or peer-eigen listed in a build without them"; fails=$((fails+1))
fi
if ! "$tmp/tests/test_peers" >"$tmp/peers.log" 2>&1; then
    echo "FAIL: test_peers without the C++ peers"; cat "$tmp/peers.log"; fails=$((fails+1))
fi
[ "$fails" -eq 0 ] && echo "build without the PyTorch and Eigen peers: ok"
exit $((fails > 0))
