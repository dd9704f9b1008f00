/* relu, avx2: y = x AND mask(x > 0 or x unordered): +0 for every x <= 0
 * (-0 and -inf included), x itself for x > 0, NaN passed through with its
 * payload. Derivative: 1 for x > 0, +0 otherwise (relu'(0) = 0), NaN for NaN.
 * Exact: measured max 0 ULP forward and derivative (bitwise equal to the
 * reference on the test inputs and the dense sweep, /tmp checker). Only
 * compares and bitwise ops: MXCSR FTZ/DAZ would change the compare of a
 * subnormal, so ab_avx2_apply clears them for the call. */
#include "avx2_exp.h"

AB_AVX2_INLINE __m256 relu_value(__m256 x, const ab_params *p)
{
    (void)p;
    return _mm256_and_ps(x, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_NLE_UQ));
}

AB_AVX2_INLINE __m256 relu_slope(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 one = _mm256_and_ps(_mm256_set1_ps(1.0f),
                               _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
    return _mm256_or_ps(one, _mm256_and_ps(x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q)));
}

void AB_KERNEL(ab_relu_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, relu_value);
}

void AB_KERNEL(ab_relu_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, relu_slope);
}
