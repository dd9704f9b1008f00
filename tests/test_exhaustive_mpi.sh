#!/usr/bin/env bash
# The sweep under MPI: `mpirun -np 2 --oversubscribe actbench accuracy
# --exhaustive` on small ranges of two activations (many small blocks)
# writes the same tables as one process: the .binade.csv and .grid.csv files
# byte for byte, BASE.csv and summary.csv byte for byte once the columns of
# the run itself (wall time, inputs/s, date, threads, shards) are left out.
# No shard state or checkpoint is left. Then a rank killed mid-sweep leaves
# its checkpoint, and the same command run again finishes with the same
# tables. Skipped (77) in a build without MPI or without mpirun.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
if [ "${ACTBENCH_MPI_FOUND:-OFF}" != ON ] || [ -z "${MPIEXEC:-}" ] || [ ! -x "$MPIEXEC" ]; then
    echo "skipped: actbench built without MPI, or no mpirun"
    exit 77
fi
T=$(mktemp -d /tmp/actbench-exh-mpi.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
# Open MPI refuses root unless told; --oversubscribe: 2 ranks on any machine.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export ACTBENCH_EXH_BLOCK_BITS=10 ACTBENCH_CHECKPOINT_SECONDS=0.2
MPIRUN=("$MPIEXEC" -np 2 --oversubscribe)
SWEEP=(accuracy --exhaustive --quiet --threads 1 --activation sigmoid,relu --range 3f000000:3f007fff)

"$A" "${SWEEP[@]}" --output "$T/one" || { echo "FAIL: single-process run"; exit 1; }
"${MPIRUN[@]}" "$A" "${SWEEP[@]}" --output "$T/mpi" >"$T/mpi.log" 2>&1 ||
    { echo "FAIL: mpirun run"; cat "$T/mpi.log"; exit 1; }

strip() { # the columns of the run itself, which differ between any two runs
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i !~ /^(wall_seconds|inputs_per_second|date|threads|shards)$/) keep[i] = 1 }
             { s = ""; for (i = 1; i <= NF; i++) if (keep[i]) s = s (s == "" ? "" : ",") $i; print s }' "$1"
}
compare() { # dir
    local n=0 f
    for f in "$T/one/exhaustive/"*.csv; do
        f=$(basename "$f")
        n=$((n + 1))
        case "$f" in
        *.binade.csv|*.grid.csv)
            cmp -s "$T/one/exhaustive/$f" "$1/exhaustive/$f" || { echo "FAIL: $f differs ($1)"; fail=1; } ;;
        *)
            diff <(strip "$T/one/exhaustive/$f") <(strip "$1/exhaustive/$f") >/dev/null ||
                { echo "FAIL: $f differs ($1)"; fail=1; } ;;
        esac
    done
    [ "$n" -eq 7 ] || { echo "FAIL: $n tables in the single run, expected 7"; fail=1; }
    local left
    left=$(find "$1" \( -name '*.shard-*.state' -o -name '*.ckpt*' \) 2>/dev/null)
    [ -z "$left" ] || { echo "FAIL: left behind: $left"; fail=1; }
}
compare "$T/mpi"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "shards") c = i } NR > 1 && $c != 2 { bad = 1 } END { exit bad || !c }' \
    "$T/mpi/exhaustive/summary.csv" || { echo "FAIL: summary.csv rows do not say 2 shards"; fail=1; }

# Ranks that share no directory (each its own --output): rank 0 gets rank
# 1's state by message and writes the tables; rank 1 keeps nothing.
SCRATCH=$T "${MPIRUN[@]}" bash -c 'exec "$0" "$@" --output "$SCRATCH/r$OMPI_COMM_WORLD_RANK"' \
    "$A" "${SWEEP[@]}" >"$T/apart.log" 2>&1 || { echo "FAIL: mpirun with separate directories"; cat "$T/apart.log"; fail=1; }
compare "$T/r0"
[ -z "$(find "$T/r1" -name '*.csv' -o -name '*.state' 2>/dev/null)" ] || { echo "FAIL: rank 1 wrote tables or kept its state"; fail=1; }

# --shard with several ranks is a usage error (exit 2), nothing written.
"${MPIRUN[@]}" "$A" "${SWEEP[@]}" --shard 1/2 --output "$T/bad" >"$T/bad.log" 2>&1
rc=$?
[ "$rc" -ne 0 ] || { echo "FAIL: --shard under mpirun accepted"; fail=1; }
[ -z "$(find "$T/bad" -name '*.csv' 2>/dev/null)" ] || { echo "FAIL: --shard under mpirun wrote tables"; fail=1; }

# Rank 1 killed after a few blocks: its checkpoint stays; the same command
# run again resumes it and writes the same tables as one process.
"${MPIRUN[@]}" bash -c 'if [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then export ACTBENCH_TEST_KILL_AFTER_BLOCKS=3; fi; exec "$0" "$@"' \
    "$A" "${SWEEP[@]}" --output "$T/kill" >"$T/kill.log" 2>&1 && { echo "FAIL: the killed run exited 0"; fail=1; }
[ -n "$(find "$T/kill" -name '*.shard-2-of-2.ckpt' 2>/dev/null)" ] ||
    { echo "FAIL: no checkpoint of rank 1 after it was killed"; cat "$T/kill.log"; fail=1; }
"${MPIRUN[@]}" "$A" "${SWEEP[@]}" --output "$T/kill" >"$T/resume.log" 2>&1 ||
    { echo "FAIL: the run after the kill"; cat "$T/resume.log"; fail=1; }
compare "$T/kill"

[ "$fail" -eq 0 ] && echo "MPI sweep: same tables as one process, also after a killed rank"
exit "$fail"
