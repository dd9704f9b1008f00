/* binary_step, avx2: 1 for x >= 0 (-0 included), +0 for x < 0, NaN passed
 * through. Derivative +0 everywhere (the Dirac delta at 0 is not
 * representable), NaN for NaN. Exact: measured max 0 ULP forward and
 * derivative. Compares only; ab_avx2_apply clears FTZ/DAZ so a negative
 * subnormal still compares below zero. */
#include "avx2_exp.h"

AB_AVX2_INLINE __m256 step_value(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 one = _mm256_and_ps(_mm256_set1_ps(1.0f),
                               _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GE_OQ));
    return _mm256_or_ps(one, _mm256_and_ps(x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q)));
}

AB_AVX2_INLINE __m256 step_slope(__m256 x, const ab_params *p)
{
    (void)p;
    return _mm256_and_ps(x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

void AB_KERNEL(ab_binary_step_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, step_value);
}

void AB_KERNEL(ab_binary_step_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, step_slope);
}
