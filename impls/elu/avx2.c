/* elu, avx2: x for x > 0, alpha (e^x - 1) otherwise, with the expm1 core of
 * avx2_exp.h (Cody-Waite reduction, degree-6 Sollya polynomial for e^r - 1,
 * 2^n p + (2^n - 1) in one FMA: full relative accuracy for tiny |x|, no
 * e^x - 1 cancellation). alpha is split in two floats so alpha*expm1 is
 * rounded once (exact for the default alpha = 1).
 * Derivative: 1 for x > 0, alpha e^x otherwise (x = 0 gives alpha), e^x kept
 * split as m * s2 so subnormal results are rounded once.
 * Measured max error: forward 0.937 ULP (x = -0x1.93eb5ap-2; every 3rd
 * negative float, 716M inputs), derivative 0.738 ULP (x = -0x1.5e1016p+6);
 * measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the exhaustive sweep. */
#include <immintrin.h>

#include "avx2_exp.h"

static inline __m256 elu8(__m256 x, const ab_params *p)
{
    float alpha_hi = (float)p->alpha;
    float alpha_lo = (float)(p->alpha - (double)alpha_hi);
    __m256 em1 = ab_avx2_expm1(x);
    __m256 neg = _mm256_fmadd_ps(_mm256_set1_ps(alpha_hi), em1,
                                 _mm256_mul_ps(_mm256_set1_ps(alpha_lo), em1));
    return _mm256_blendv_ps(neg, x, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}

static inline __m256 elu_derivative8(__m256 x, const ab_params *p)
{
    float alpha_hi = (float)p->alpha;
    float alpha_lo = (float)(p->alpha - (double)alpha_hi);
    __m256 s2;
    __m256 m = ab_avx2_exp_split(x, &s2);
    __m256 neg = _mm256_fmadd_ps(_mm256_set1_ps(alpha_hi), m,
                                 _mm256_mul_ps(_mm256_set1_ps(alpha_lo), m));
    neg = _mm256_mul_ps(neg, s2);
    return _mm256_blendv_ps(neg, _mm256_set1_ps(1.0f),
                            _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ));
}

void AB_KERNEL(ab_elu_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, elu8);
}

void AB_KERNEL(ab_elu_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, elu_derivative8);
}
