#!/bin/bash
# The build without MPI: configured with ACTBENCH_MPI=OFF (and no peers, to
# keep it short) in a temporary directory, it builds, sweeps a small range
# in one process, and, started as if by mpirun as one of 2 ranks (the
# launcher's environment), refuses with exit status 2 and writes nothing:
# each rank would otherwise sweep everything over the others' files.
set -u
fails=0
src=${ACTBENCH_SOURCE_DIR:?set ACTBENCH_SOURCE_DIR to the source tree}
tmp=$(mktemp -d /tmp/actbench-no-mpi.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cmake -S "$src" -B "$tmp" -DCMAKE_BUILD_TYPE=Release -DACTBENCH_MPI=OFF -DACTBENCH_PEERS=OFF \
    >"$tmp/configure.log" 2>&1 || { echo "FAIL: configure with ACTBENCH_MPI=OFF"; cat "$tmp/configure.log"; exit 1; }
grep -q 'MPI: not built (ACTBENCH_MPI=OFF)' "$tmp/configure.log" ||
    { echo "FAIL: the configuration did not leave MPI out"; fails=$((fails+1)); }
if ! cmake --build "$tmp" -j2 --target actbench >"$tmp/build.log" 2>&1; then
    echo "FAIL: build with ACTBENCH_MPI=OFF"; tail -40 "$tmp/build.log"; exit 1
fi
if ldd "$tmp/actbench" | grep -q libmpi; then
    echo "FAIL: actbench linked with MPI in a build without it"; fails=$((fails+1))
fi
SWEEP=(accuracy --exhaustive --quiet --threads 1 --activation relu --range 3f800000:3f8003ff)
if ! "$tmp/actbench" "${SWEEP[@]}" --output "$tmp/one" || [ ! -s "$tmp/one/exhaustive/summary.csv" ]; then
    echo "FAIL: single-process sweep without MPI"; fails=$((fails+1))
fi
OMPI_COMM_WORLD_SIZE=2 OMPI_COMM_WORLD_RANK=1 "$tmp/actbench" "${SWEEP[@]}" --output "$tmp/rank" 2>"$tmp/rank.err"
rc=$?
if [ "$rc" -ne 2 ] || ! grep -q 'built without MPI' "$tmp/rank.err"; then
    echo "FAIL: started as a rank without MPI: exit $rc, $(cat "$tmp/rank.err")"; fails=$((fails+1))
fi
[ -z "$(find "$tmp/rank" -type f 2>/dev/null)" ] || { echo "FAIL: the refused rank wrote files"; fails=$((fails+1)); }
[ "$fails" -eq 0 ] && echo "build without MPI: ok"
exit $((fails > 0))
