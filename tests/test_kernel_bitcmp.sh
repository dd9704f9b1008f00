#!/usr/bin/env bash
# kernel_bitcmp finds the same bits where two variants share their math
# (selu's avx2 expm1-p6 and rr2-p6 forwards are one function), finds the
# differences where they do not (sigmoid's rr-p6-div and fast-p6-div), and
# refuses bad input with exit 2.
set -u
bitcmp=${ACTBENCH_BITCMP:?} lib=${ACTBENCH_LIB:?}
fail() { echo "FAIL: $*" >&2; exit 1; }
grep -q avx2 /proc/cpuinfo || { echo "no AVX2: skipped"; exit 0; }

out=$("$bitcmp" --stride 61 --direction forward "$lib" "$lib" selu avx2-expm1-p6 avx2-rr2-p6) ||
    fail "equal forwards reported unequal: $out"
echo "$out"
grep -q ": 0 differences in 70409300 outputs" <<<"$out" || fail "unexpected count: $out"

out=$("$bitcmp" --stride 61 "$lib" "$lib" sigmoid avx2-rr-p6-div avx2-fast-p6-div)
rc=$?
[ "$rc" = 1 ] || fail "different kernels gave exit $rc: $out"
grep -q "^forward x = 0x" <<<"$out" || fail "no difference listed: $out"

"$bitcmp" --stride 0 "$lib" "$lib" sigmoid naive 2>/dev/null; [ $? = 2 ] || fail "--stride 0 accepted"
"$bitcmp" "$lib" "$lib" sigmoid no-such-variant 2>/dev/null; [ $? = 2 ] || fail "unknown variant accepted"
"$bitcmp" /nonexistent.so "$lib" sigmoid naive 2>/dev/null; [ $? = 2 ] || fail "missing library accepted"
"$bitcmp" "$lib" 2>/dev/null; [ $? = 2 ] || fail "missing arguments accepted"
echo "test_kernel_bitcmp: ok"
