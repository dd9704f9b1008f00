/* sigmoid, avx2: e = e^-|x| from ab_avx2_exp_split_hilo of avx2_exp.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial, r and 1 + r kept in two
 * parts, two-step 2^n scale so subnormal results for x < -87.3 are rounded
 * once, never flushed) as e_hi + e_lo; 1 + e as an exact two-part sum;
 * sigma = select(x >= 0, 1, e) / (1 + e) by _mm256_div_ps plus one
 * remainder correction (FMA remainder, rcp): about one rounding in all.
 * Derivative e / (1 + e)^2, (1 + e)^2 in two parts: no cancellation in
 * either tail (unlike sigma(1 - sigma)).
 * Measured max error: forward 0.738 ULP (x = -0x1.5e1016p+6, a
 * subnormal result), derivative 0.748 ULP (x = 0x1.5dbe2ep+6); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included).
 * Not yet the exhaustive sweep. */
#include <immintrin.h>

#include "avx2_exp.h"

/* e^-|x| = (e_hi + e_lo) * s2 and 1 + e = d_hi + d_lo (Fast2Sum, 1 >= e). */
static inline __m256 exp_and_denominator(__m256 x, __m256 *e_lo, __m256 *s2, __m256 *d_hi,
                                         __m256 *d_lo)
{
    __m256 m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(x, ab_avx2_sign_bit()), s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, *s2);
    *e_lo = _mm256_mul_ps(m_lo, *s2);
    *d_hi = _mm256_add_ps(one, e);
    *d_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(*d_hi, one)), *e_lo);
    return e;
}

static inline __m256 sigmoid8(__m256 x, const ab_params *p)
{
    (void)p;
    return ab_avx2_sigmoid(x);
}

static inline __m256 sigmoid_derivative8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 e_lo, s2, d_hi, d_lo;
    __m256 e = exp_and_denominator(x, &e_lo, &s2, &d_hi, &d_lo);
    __m256 d2_hi = _mm256_mul_ps(d_hi, d_hi);
    __m256 d2_lo = _mm256_fmsub_ps(d_hi, d_hi, d2_hi);
    d2_lo = _mm256_fmadd_ps(_mm256_add_ps(d_hi, d_hi), d_lo, d2_lo);
    return ab_avx2_div_hilo(e, e_lo, d2_hi, d2_lo);
}

void AB_KERNEL(ab_sigmoid_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, sigmoid8);
}

void AB_KERNEL(ab_sigmoid_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, sigmoid_derivative8);
}
