/*
 * directed.h's roundings and bounds on 4 binary64 lanes, for the sweep's
 * AVX2 files (built with -mavx2 -mfma -ffp-contract=off: the only fused
 * operation is the explicit one of div_up4). Each function does the scalar
 * one's operations in the same order, so its lanes are bit for bit the
 * scalar results; Q (quantize.h) by the same bit operations.
 */
#ifndef ACTBENCH_SWEEP_DIRECTED_AVX2_H
#define ACTBENCH_SWEEP_DIRECTED_AVX2_H

#include <immintrin.h>
#include <math.h>

#include "sweep/directed.h"
#include "sweep/quantize.h"

static inline __m256d neg4(__m256d x)
{
    return _mm256_xor_pd(x, _mm256_set1_pd(-0.0));
}

/* Q: keep 20 fraction bits and round the other 32 up, 2^-30 as the floor,
 * 0 for a non-positive error or NaN, inf stays. */
static inline __m256d quantize4(__m256d err)
{
    const __m256i low = _mm256_set1_epi64x((1ll << (52 - AB_EXH_ULP_REL_BITS)) - 1);
    __m256i b = _mm256_castpd_si256(err);
    __m256i has_low = _mm256_cmpeq_epi64(_mm256_and_si256(b, low), _mm256_setzero_si256());
    __m256i up = _mm256_add_epi64(_mm256_or_si256(b, low), _mm256_set1_epi64x(1));
    __m256d q = _mm256_castsi256_pd(_mm256_blendv_epi8(up, b, has_low));
    const __m256d floor = _mm256_set1_pd(AB_EXH_ULP_FLOOR);
    q = _mm256_blendv_pd(q, floor, _mm256_cmp_pd(err, floor, _CMP_LE_OQ));
    return _mm256_and_pd(q, _mm256_cmp_pd(err, _mm256_setzero_pd(), _CMP_GT_OQ));
}

/* Q_rel: Q scaled by 2^240 above a floor of 2^-200. */
static inline __m256d quantize_rel4(__m256d err)
{
    const __m256d floor = _mm256_set1_pd(AB_EXH_REL_FLOOR);
    __m256d q = _mm256_mul_pd(quantize4(_mm256_mul_pd(err, _mm256_set1_pd(0x1p240))),
                              _mm256_set1_pd(0x1p-240));
    q = _mm256_blendv_pd(q, floor, _mm256_cmp_pd(err, floor, _CMP_LE_OQ));
    return _mm256_and_pd(q, _mm256_cmp_pd(err, _mm256_setzero_pd(), _CMP_GT_OQ));
}

/* down(): one double step toward -inf, except that 0 gives -2^-1074 and
 * 2^-1074 stays. */
static inline __m256d down4(__m256d x)
{
    const __m256d zero = _mm256_setzero_pd();
    __m256i pos = _mm256_castpd_si256(_mm256_cmp_pd(x, zero, _CMP_GT_OQ));
    __m256i step = _mm256_or_si256(pos, _mm256_set1_epi64x(1)); /* -1 above 0, else +1 */
    __m256d r = _mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(x), step));
    r = _mm256_blendv_pd(r, _mm256_set1_pd(-0x1p-1074), _mm256_cmp_pd(x, zero, _CMP_EQ_OQ));
    return _mm256_blendv_pd(r, x, _mm256_cmp_pd(x, _mm256_set1_pd(0x1p-1074), _CMP_EQ_OQ));
}

static inline __m256d up4(__m256d x)
{
    return neg4(down4(neg4(x)));
}

/* sum_down and sum_up (TwoSum's error decides the step). */
static inline __m256d sum_down4(__m256d a, __m256d b)
{
    __m256d s = _mm256_add_pd(a, b), bb = _mm256_sub_pd(s, a);
    __m256d err = _mm256_add_pd(_mm256_sub_pd(a, _mm256_sub_pd(s, bb)), _mm256_sub_pd(b, bb));
    return _mm256_blendv_pd(down4(s), s, _mm256_cmp_pd(err, _mm256_setzero_pd(), _CMP_GE_OQ));
}

static inline __m256d sum_up4(__m256d a, __m256d b)
{
    return neg4(sum_down4(neg4(a), neg4(b)));
}

/* div_up (a >= 0, b > 0): the quotient's residual by fma. */
static inline __m256d div_up4(__m256d a, __m256d b)
{
    __m256d q = _mm256_div_pd(a, b);
    __m256d exact_test = _mm256_and_pd(
        _mm256_cmp_pd(q, _mm256_set1_pd(EXACT_TEST_MIN), _CMP_GE_OQ),
        _mm256_cmp_pd(q, _mm256_set1_pd(INFINITY), _CMP_NEQ_UQ));
    __m256d below = _mm256_cmp_pd(_mm256_fmsub_pd(q, b, a), _mm256_setzero_pd(), _CMP_LT_OQ);
    return _mm256_blendv_pd(up4(q), q, _mm256_andnot_pd(below, exact_test));
}

/* abs_diff_bounds (s, e: y - v as TwoSum gives it): |y - f| within
 * [*lo, *hi] over f = v + t, t in [tlo, thi]; the lanes of *side have the
 * sign of y - f proved (else *lo = 0 and *hi = max(-d_lo, d_hi)). */
static inline void abs_diff_bounds4(__m256d s, __m256d e, __m256d tlo, __m256d thi,
                                    __m256d *lo, __m256d *hi, __m256d *side)
{
    const __m256d zero = _mm256_setzero_pd();
    __m256d d_lo = sum_down4(s, sum_down4(e, neg4(thi)));
    __m256d d_hi = sum_up4(s, sum_up4(e, neg4(tlo)));
    __m256d above = _mm256_cmp_pd(d_lo, zero, _CMP_GT_OQ);
    __m256d below = _mm256_andnot_pd(above, _mm256_cmp_pd(d_hi, zero, _CMP_LT_OQ));
    *lo = _mm256_blendv_pd(_mm256_and_pd(above, d_lo), neg4(d_hi), below);
    *hi = _mm256_blendv_pd(_mm256_max_pd(neg4(d_lo), d_hi), d_hi, above);
    *hi = _mm256_blendv_pd(*hi, neg4(d_lo), below);
    *side = _mm256_or_pd(above, below);
}

#endif
