/* softplus, avx2: (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x (rounded
 * once; exact for the default beta = 1, where the division is skipped).
 * e^-|z| from the exp core of avx2_exp.h (Cody-Waite reduction, degree-6
 * Sollya polynomial, two-step scale: subnormal e for z < -87.3 is right and
 * log1p of it is itself); log1p by ab_avx2_log1p_unit (Fast2Sum of 1 + u,
 * degree-10 Sollya polynomial on [sqrt(2)/2 - 1, sqrt(2) - 1], one
 * _mm256_div_ps for the correction). Never overflows: large z returns z.
 * Derivative sigma(z) by ab_avx2_sigmoid (two-part e and 1 + e, corrected
 * division).
 * Measured max error: forward 1.504 ULP (x = -0x1.544c8ep+0),
 * derivative 0.738 ULP (x = -0x1.5e1016p+6); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the
 * exhaustive sweep. beta != 1: beta*x rounded first, one more division. */
#include <immintrin.h>

#include "avx2_exp.h"

static inline __m256 softplus_beta1(__m256 z)
{
    __m256 e = ab_avx2_exp(_mm256_or_ps(z, ab_avx2_sign_bit()));
    return _mm256_add_ps(_mm256_max_ps(_mm256_setzero_ps(), z), ab_avx2_log1p_unit(e));
}

static inline __m256 softplus8(__m256 x, const ab_params *p)
{
    (void)p;
    return softplus_beta1(x);
}

static inline __m256 softplus_beta8(__m256 x, const ab_params *p)
{
    __m256 beta = _mm256_set1_ps((float)p->beta);
    return _mm256_div_ps(softplus_beta1(_mm256_mul_ps(x, beta)), beta);
}

static inline __m256 softplus_derivative8(__m256 x, const ab_params *p)
{
    return ab_avx2_sigmoid(_mm256_mul_ps(x, _mm256_set1_ps((float)p->beta)));
}

void AB_KERNEL(ab_softplus_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->beta == 1.0)
        ab_avx2_apply(x, y, n, p, softplus8);
    else
        ab_avx2_apply(x, y, n, p, softplus_beta8);
}

void AB_KERNEL(ab_softplus_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, softplus_derivative8);
}
