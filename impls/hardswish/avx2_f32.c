/* hardswish, avx2-f32: x*relu6(x + 3)/6 in binary32, 8 lanes, no division.
 * low = max(x, -3), cap = min(low, 3), y = low*s with s ~ (cap + 3)/6:
 *   s1 = fma(cap, C, 1/2), C = rn(1/6) = 1/6 + 2^-26/3,
 *   s  = max(0, fma(cap, C_LO, s1)), C_LO = -2^-26/3 rounded toward zero.
 * Why not x*fma(x, C, 1/2) alone: C*cap carries cap*2^-26/3 of absolute
 * error, which is the whole value of s near x = -3 (cancellation). The
 * second FMA takes that term back out with relative error 2^-24, so s has
 * two roundings and no cancellation; (cap + 3)*C instead rounds cap + 3
 * (inexact for x > -1) and carries C's 2^-25 relative bias, which measured
 * 2.45 ULP when it was tried. Because C_LO is rounded toward zero, at cap = -3 the sum is
 * -2^-50, not +2^-50, and max(0, .) makes it +0: x <= -3 (and -inf) gives
 * -3*(+0) = -0. cap = 3 gives s1 = rn(1 + 2^-26) = 1, s = rn(1 - 2^-26) = 1,
 * so x >= 3 returns x exactly (+inf included); -0 gives -0*(1/2) = -0; NaN
 * is the second operand of every max/min, so it flows through.
 * Derivative (PyTorch's backward, as the reference): u = fma(x, 2, 3)
 * (exact for x <= -3/4 by Sterbenz, so no cancellation at the root -3/2,
 * which gives +0), u*C; then 1 where x > 3, +0 where x < -3. At -3 and 3,
 * -3*C and 9*C round to -1/2 and 3/2 exactly; NaN fails both compares.
 * Subnormal x: s = 1/2 exactly (x/6 is far below half an ulp of s), so y
 * is x/2 rounded to even; where x/2 is a tie the exact x/2 + x^2/6 lies just
 * beyond it, so those results are off by 0.5 ULP + tiny, and x = +2^-149
 * gives +0 instead of 2^-149: the one flush-to-zero input (declared FTZ;
 * fixing it needs a |x|-tiny blend, ~3 more ops per vector on every input).
 * Declared bound (the registry's): forward 1.5 ULP (flush_to_zero), derivative 1.34 ULP.
 * Measured: row avx2-f32 of results/exhaustive/hardswish.csv (every binary32 input) or, before
 * a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "vec/exp_math.h"

#define HARDSWISH_SIXTH 0x1.555556p-3f
#define HARDSWISH_SIXTH_LO -0x1.555554p-28f /* 1/6 - SIXTH toward zero */

ABV_INLINE __m256 hardswish_value(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 low = _mm256_max_ps(_mm256_set1_ps(-3.0f), x);
    __m256 cap = _mm256_min_ps(_mm256_set1_ps(3.0f), low);
    __m256 s = _mm256_fmadd_ps(cap, _mm256_set1_ps(HARDSWISH_SIXTH), _mm256_set1_ps(0.5f));
    s = _mm256_fmadd_ps(cap, _mm256_set1_ps(HARDSWISH_SIXTH_LO), s);
    s = _mm256_max_ps(_mm256_setzero_ps(), s);
    return _mm256_mul_ps(low, s);
}

ABV_INLINE __m256 hardswish_slope(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 u = _mm256_fmadd_ps(x, _mm256_set1_ps(2.0f), _mm256_set1_ps(3.0f));
    __m256 slope = _mm256_mul_ps(u, _mm256_set1_ps(HARDSWISH_SIXTH));
    slope = _mm256_blendv_ps(slope, _mm256_set1_ps(1.0f),
                             _mm256_cmp_ps(x, _mm256_set1_ps(3.0f), _CMP_GT_OQ));
    return _mm256_andnot_ps(_mm256_cmp_ps(x, _mm256_set1_ps(-3.0f), _CMP_LT_OQ), slope);
}

void AB_KERNEL(ab_hardswish_avx2_f32_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_value);
}

void AB_KERNEL(ab_hardswish_avx2_f32_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_slope);
}
