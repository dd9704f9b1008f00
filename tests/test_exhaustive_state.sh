#!/usr/bin/env bash
# State files of the exhaustive sweep (checkpoints, shard states) that are
# corrupted, edited or of the older format without a checksum are rejected
# with a message naming the file and a non-zero exit, never resumed or
# merged into a different result and never a crash; the files of a finished
# sweep are replaced together (an interrupted commit is finished or dropped
# by the next run) and no temporary is left behind.
set -u
A="${ACTBENCH:?ACTBENCH must point to the binary}"
T=$(mktemp -d /tmp/actbench-exh-state.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail=0
export ACTBENCH_EXH_BLOCK_BITS=8
R=3f800000:3f800fff
base=sigmoid.range-3f800000-3f800fff
SWEEP=(accuracy --exhaustive --quiet --activation sigmoid --variant naive,branchless --range "$R")

# Rewrites the checksum line of a state file after an edit (so that the
# invariants, not only the checksum, are what rejects it); a file without one
# is left as edited.
reseal() {
    python3 - "$1" <<'EOF'
import sys
p = sys.argv[1]
data = open(p, 'rb').read()
body = data[:data.rstrip(b'\n').rfind(b'\n') + 1]
if not data[len(body):].startswith(b'checksum '):
    sys.exit(0)  # a file without a checksum line stays as edited
h = 0xcbf29ce484222325
for b in body:
    h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
open(p, 'wb').write(body + b'checksum fnv1a-64 %016x\n' % h)
EOF
}

# expect_reject WHAT FILE_NAMED_IN_MESSAGE COMMAND...: non-zero, not a crash,
# a message naming the file.
expect_reject() {
    local what="$1" named="$2"; shift 2
    "$@" >"$T/stdout" 2>"$T/stderr"
    local rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -ge 128 ]; then
        echo "FAIL: $what: exit status $rc"; cat "$T/stderr"; fail=1
    elif ! grep -qF "$named" "$T/stderr"; then
        echo "FAIL: $what: the message does not name $named:"; cat "$T/stderr"; fail=1
    else
        echo "ok: $what (exit $rc): $(head -1 "$T/stderr")"
    fi
}

# ---- shards and merge ---------------------------------------------------------
for k in 1 2; do
    "$A" "${SWEEP[@]}" --shard "$k/2" --output "$T/s$k" || { echo "FAIL: shard $k"; fail=1; }
done
shard1="$T/s1/exhaustive/$base.shard-1-of-2.state"
"$A" merge --quiet --output "$T/m" "$T/s1" "$T/s2" || { echo "FAIL: merge of good shards"; fail=1; }
cp "$shard1" "$T/shard1.orig"
try_shard_edit() { # what, sed expression; resealed
    cp "$T/shard1.orig" "$shard1"
    sed -i "$2" "$shard1"
    reseal "$shard1"
    rm -rf "$T/m2"
    expect_reject "merge, $1" "$shard1" "$A" merge --quiet --output "$T/m2" "$T/s1" "$T/s2"
    [ -e "$T/m2/exhaustive/$base.csv" ] && { echo "FAIL: merge, $1: wrote output"; fail=1; }
}
try_shard_edit "shard 40000 2" 's/^shard 1 2$/shard 40000 2/'
try_shard_edit "shard 5 2" 's/^shard 1 2$/shard 5 2/'
try_shard_edit "shard 1 0" 's/^shard 1 2$/shard 1 0/'
try_shard_edit "shard 2 2 (twice)" 's/^shard 1 2$/shard 2 2/'
try_shard_edit "huge block_count, empty done" 's/^block_count .*/block_count 18446744073709551615/; s/^done .*/done /'
try_shard_edit "inputs edited" 's/^stats 0 \([0-9]*\)/stats 0 1\1/'
try_shard_edit "histogram edited" 's/^hist 0 \([0-9]*\)/hist 0 1\1/'
try_shard_edit "done bit of the other shard" 's/^done \(..\)/done ff/'
try_shard_edit "stats line deleted" '/^stats 1 /d'
try_shard_edit "pair line repeated" '/^pair 0 /p'
cp "$T/shard1.orig" "$shard1"
printf 'x' | dd of="$shard1" bs=1 seek=200 conv=notrunc 2>/dev/null
expect_reject "merge, a flipped byte" "$shard1" "$A" merge --quiet --output "$T/m2" "$T/s1" "$T/s2"
grep -q "checksum mismatch" "$T/stderr" || { echo "FAIL: flipped byte: not a checksum message"; fail=1; }
cp "$T/shard1.orig" "$shard1"
head -c -50 "$T/shard1.orig" >"$shard1"
expect_reject "merge, a truncated shard" "$shard1" "$A" merge --quiet --output "$T/m2" "$T/s1" "$T/s2"
cp "$T/shard1.orig" "$shard1"
sed -i '1s/ [0-9]$/ 1/; $d' "$shard1"
expect_reject "merge, a state of the format before checksums" "$shard1" \
    "$A" merge --quiet --output "$T/m2" "$T/s1" "$T/s2"
grep -q "re-run" "$T/stderr" || { echo "FAIL: old format: the message does not say to re-run"; fail=1; }
cp "$T/shard1.orig" "$shard1"

# ---- checkpoints ----------------------------------------------------------------
# ACTBENCH_TEST_KILL_AFTER_BLOCKS: a checkpoint after 3 blocks, SIGKILL after 5.
make_ckpt() {
    rm -rf "$T/c"
    (ACTBENCH_TEST_KILL_AFTER_BLOCKS=3 exec "$A" "${SWEEP[@]}" --threads 1 --output "$T/c") 2>/dev/null
    ckpt="$T/c/exhaustive/$base.ckpt"
    [ -f "$ckpt" ] || { echo "FAIL: no checkpoint from the killed run"; fail=1; }
}
make_ckpt 2>/dev/null
cp "$ckpt" "$T/ckpt.orig"
try_ckpt_edit() { # what, sed expression
    cp "$T/ckpt.orig" "$ckpt"
    sed -i "$2" "$ckpt"
    reseal "$ckpt"
    expect_reject "resume, $1" "$ckpt" "$A" "${SWEEP[@]}" --output "$T/c"
    [ -e "$T/c/exhaustive/$base.csv" ] && { echo "FAIL: resume, $1: wrote output"; fail=1; }
}
try_ckpt_edit "done bitmap edited" 's/^done ../done 0f/'
try_ckpt_edit "inputs edited" 's/^stats 1 \([0-9]*\)/stats 1 2\1/'
try_ckpt_edit "class count edited" 's/^classes 0 0 /classes 0 7 /'
try_ckpt_edit "range edited" 's/^range .*/range 0x3f800000 0x3f801fff/'
cp "$T/ckpt.orig" "$ckpt"
sed -i 's/^threads .*/threads 7/' "$ckpt" # not resealed
expect_reject "resume, an edit without a new checksum" "$ckpt" "$A" "${SWEEP[@]}" --output "$T/c"

# A good checkpoint resumes to the result of one run, and the run leaves no
# temporary (a killed writer's orphan included) and no checkpoint.
cp "$T/ckpt.orig" "$ckpt"
touch "$T/c/exhaustive/.$base.ckpt.tmp.AbC123" "$T/c/exhaustive/.$base.csv.tmp.XyZ789"
"$A" "${SWEEP[@]}" --output "$T/c" || { echo "FAIL: resume of a good checkpoint"; fail=1; }
"$A" "${SWEEP[@]}" --output "$T/one" || { echo "FAIL: one run"; fail=1; }
left=$(find "$T/c" "$T/one" "$T/m" -name '*.tmp.*' -o -name '*.ckpt' -o -name '*.commit.*')
[ -n "$left" ] && { echo "FAIL: left behind: $left"; fail=1; }
strip() { # the columns that differ between runs and between one run and a merge
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i !~ /^(wall_seconds|inputs_per_second|date|threads|shards)$/) keep[i] = 1 }
             { out = ""; for (i = 1; i <= NF; i++) if (keep[i]) out = out $i ","; print out }' "$1"
}
for f in "$base.csv" "$base.binade.csv" "$base.grid.csv"; do
    diff <(strip "$T/c/exhaustive/$f") <(strip "$T/one/exhaustive/$f") >/dev/null ||
        { echo "FAIL: $f: resumed != one run"; fail=1; }
    diff <(strip "$T/m/exhaustive/$f") <(strip "$T/one/exhaustive/$f") >/dev/null ||
        { echo "FAIL: $f: merged != one run"; fail=1; }
done

# The CPU columns close every row of BASE.csv and summary.csv.
head -1 "$T/one/exhaustive/$base.csv" | grep -q ',shards,cpu_vendor,cpu_model,cpu_family,cpu_model_number,cpu_stepping,isa_path,normal_counted,.*,ftz_ref$' ||
    { echo "FAIL: BASE.csv header does not end with the CPU and error-metric columns"; fail=1; }
head -1 "$T/one/exhaustive/summary.csv" | grep -q ',date,cpu_vendor,cpu_model,cpu_family,cpu_model_number,cpu_stepping,isa_path,normal_counted,.*,ftz_ref$' ||
    { echo "FAIL: summary.csv header does not end with the CPU and error-metric columns"; fail=1; }

# A summary.csv of the format before the CPU columns (as committed in
# results/) stays rectangular when a sweep replaces its rows: the old rows
# get empty CPU fields.
mkdir -p "$T/old/exhaustive"
{ echo "activation,variant,direction,format,range_lo,range_hi,reference,inputs,max_ulp,worst_x,worst_y,worst_cr,pct_cr,over_1ulp,nan_unexpected,nan_missing,inf_where_finite,flush_to_zero,signed_zero_mismatch,finite_where_inf,ulp_quantum,fallbacks,worst_reevals,wall_seconds,inputs_per_second,threads,pairs_in_sweep,shards,date"
  echo "relu,naive,forward,binary32,0x00000000,0xffffffff,fast+mpfr,4294967296,0,,,,100.000000,0,0,0,0,0,0,0,rel2^-20_floor2^-30,0,0,10.000,429496730,2,2,1,2026-01-01T00:00:00Z"
} >"$T/old/exhaustive/summary.csv"
"$A" "${SWEEP[@]}" --output "$T/old" || { echo "FAIL: sweep into an old summary.csv"; fail=1; }
widths=$(awk -F, '{ print NF }' "$T/old/exhaustive/summary.csv" | sort -u | wc -l)
grep -q '^relu,naive,forward,' "$T/old/exhaustive/summary.csv" && [ "$widths" -eq 1 ] &&
    echo "ok: an old summary.csv keeps its rows, padded" ||
    { echo "FAIL: old summary.csv rows lost or of another width"; fail=1; }

# ---- the set of final files ---------------------------------------------------------
# A commit killed after its READY marker is finished by the next run of BASE;
# one killed before it is dropped (the old files stay).
D="$T/one/exhaustive"
mkdir "$D/.$base.commit.Ab12Cd" "$D/.$base.commit.Ef34Gh"
echo new >"$D/.$base.commit.Ab12Cd/$base.grid.csv"; touch "$D/.$base.commit.Ab12Cd/READY"
echo half >"$D/.$base.commit.Ef34Gh/$base.binade.csv"
cp "$D/$base.binade.csv" "$T/binade.before"
# --resume without a checkpoint fails, but only after taking BASE's lock
"$A" "${SWEEP[@]}" --resume --output "$T/one" 2>/dev/null
grep -qx new "$D/$base.grid.csv" || { echo "FAIL: a READY commit was not finished"; fail=1; }
cmp -s "$D/$base.binade.csv" "$T/binade.before" || { echo "FAIL: a commit without READY was applied"; fail=1; }
ls -a "$D" | grep -q '\.commit\.' && { echo "FAIL: staging directories left"; fail=1; }

# ---- command line ---------------------------------------------------------------
E=(accuracy --exhaustive --quiet --range 3f800000:3f8000ff --output "$T/o")
for bad in "--shard 1/2junk" "--shard 4294967297/4294967298" "--shard 0/0" "--activation ="; do
    # shellcheck disable=SC2086
    "$A" "${E[@]}" --activation sigmoid $bad >/dev/null 2>&1
    rc=$?
    [ "$rc" -eq 2 ] && echo "ok: $bad exits 2" || { echo "FAIL: $bad: exit $rc"; fail=1; }
done
"$A" "${E[@]}" --activation '' >/dev/null 2>&1
rc=$?
[ "$rc" -eq 2 ] && echo "ok: empty --activation exits 2" || { echo "FAIL: --activation '': exit $rc"; fail=1; }
# a name given twice is rejected with 2 (or swept once)
rm -rf "$T/o"
"$A" "${E[@]}" --activation relu,relu --variant naive 2>"$T/stderr"
rc=$?
if [ "$rc" -eq 0 ]; then
    rows=$(grep -c '^relu,naive,forward,' "$T/o/exhaustive/summary.csv")
    [ "$rows" -eq 1 ] && echo "ok: relu,relu swept once" || { echo "FAIL: relu,relu: $rows rows"; fail=1; }
elif [ "$rc" -ne 2 ]; then
    echo "FAIL: relu,relu: exit $rc"; fail=1
fi
# globs select variants as in every other command
if "$A" list 2>/dev/null | grep -q 'avx2'; then
    rm -rf "$T/o"
    "$A" "${E[@]}" --activation sigmoid --variant 'avx2*' ||
        { echo "FAIL: --variant 'avx2*'"; fail=1; }
    n=$(tail -n +2 "$T/o/exhaustive/sigmoid.range-3f800000-3f8000ff.csv" | grep -vc '^sigmoid,avx2')
    [ "$n" -eq 0 ] && echo "ok: --variant 'avx2*'" || { echo "FAIL: 'avx2*' swept other variants"; fail=1; }
fi
exit $fail
