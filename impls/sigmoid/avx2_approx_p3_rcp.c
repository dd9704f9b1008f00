/* sigmoid, avx2-approx-p3-rcp: 8-wide AVX2+FMA. e = e^-|x| = 2^n p(f) with
 * n = round(-|x| log2 e), f the remainder (one FMA, no Cody-Waite split) and
 * p a degree-3 minimax of 2^f on [-1/2, 1/2] (scripts/sollya/approx_exp2_p3.sollya:
 * relative error 7.5e-5); σ = select(x >= 0, 1, e) · r, r = rcp(1 + e) refined
 * by one Newton step instead of a division. e is flushed to 0 below
 * -|x| = -87.33 (2^n would leave the normal range): σ(x) returns exactly 0 for
 * x < -87.33 where the true σ is a tiny normal or a subnormal (FTZ class).
 * Derivative: e r² (= σ(1 - σ) without its cancellation), the derivative a user
 * of this approximation would compute; flushes the same way.
 * Any n (masked load/store tail, bit-identical to the body), unaligned,
 * in-place. NaN propagates. Independent of MXCSR FTZ/DAZ (no subnormal is
 * ever produced or consumed except a subnormal input, where σ = 1/2).
 * Declared bound (the registry's): forward 8.5e+06 ULP (flush_to_zero), derivative 8.5e+06 ULP
 * (flush_to_zero). Measured: row avx2-approx-p3-rcp of results/exhaustive/sigmoid.csv (every
 * binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "approx_avx2.h"

AB_APPROX_INLINE __m256 sigmoid8(__m256 x, __m256 unused)
{
    (void)unused;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 e = ab_approx_exp_p3_nonpositive(_mm256_or_ps(x, sign));
    __m256 r = ab_approx_reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    return _mm256_blendv_ps(r, _mm256_mul_ps(e, r), x); /* sign bit picks e·r */
}

AB_APPROX_INLINE __m256 sigmoid_derivative8(__m256 x, __m256 unused)
{
    (void)unused;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 e = ab_approx_exp_p3_nonpositive(_mm256_or_ps(x, sign));
    __m256 r = ab_approx_reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    return _mm256_mul_ps(_mm256_mul_ps(e, r), r);
}

void AB_KERNEL(ab_sigmoid_avx2_approx_p3_rcp_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_approx_apply(x, y, n, _mm256_setzero_ps(), sigmoid8);
}

void AB_KERNEL(ab_sigmoid_avx2_approx_p3_rcp_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_approx_apply(x, y, n, _mm256_setzero_ps(), sigmoid_derivative8);
}
