/* identity, avx2: y = x bit for bit (NaN payloads kept); derivative 1, NaN
 * for NaN. Exact: measured max 0 ULP forward and derivative. The forward
 * loop is a plain 8-wide copy, so it runs at the load/store bound; in-place
 * calls rewrite the same bits. */
#include "avx2_exp.h"

AB_AVX2_INLINE __m256 identity_value(__m256 x, const ab_params *p)
{
    (void)p;
    return x;
}

AB_AVX2_INLINE __m256 identity_slope(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 nan = _mm256_cmp_ps(x, x, _CMP_UNORD_Q);
    return _mm256_blendv_ps(_mm256_set1_ps(1.0f), x, nan);
}

void AB_KERNEL(ab_identity_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, identity_value);
}

void AB_KERNEL(ab_identity_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, identity_slope);
}
