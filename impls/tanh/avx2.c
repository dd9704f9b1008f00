/* tanh, avx2: a = |x|; for a < 0.625 the odd polynomial a + a^3 P(a^2)
 * (degree 11, binary32 minimax from scripts/sollya/tanh_odd.sollya, certified
 * 2^-27.7 relative); otherwise 1 - 2 e/(1 + e) with e = e^-2a from the exp
 * core of avx2_exp.h (Cody-Waite reduction, degree-6 Sollya polynomial) and
 * one _mm256_div_ps: there tanh > 0.55, so the subtraction loses nothing.
 * The sign of x is put back last (tanh(-0) = -0).
 * Derivative sech^2 = 4e/(1 + e)^2 with e^-2a = (m + m_lo) * s2 (so the
 * subnormal results, a > 44, are rounded once), (1 + e)^2 in two parts and
 * the corrected division ab_avx2_div_hilo; no 1 - tanh^2 cancellation.
 * Measured max error: forward 1.294 ULP (x = -0x1.60ad88p-1), derivative
 * 0.744 ULP (x = -0x1.630c52p+5); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the exhaustive sweep. */
#include <immintrin.h>

#include "avx2_exp.h"

/* scripts/sollya/tanh_odd.sollya */
#define TANH_C3 -0x1.555532p-2f
#define TANH_C5 0x1.110704p-3f
#define TANH_C7 -0x1.b838ap-5f
#define TANH_C9 0x1.5211c4p-6f
#define TANH_C11 -0x1.758facp-8f

static inline __m256 tanh8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 sign = _mm256_and_ps(x, ab_avx2_sign_bit());
    __m256 a = _mm256_andnot_ps(ab_avx2_sign_bit(), x);

    __m256 a2 = _mm256_mul_ps(a, a);
    __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(TANH_C11), a2, _mm256_set1_ps(TANH_C9));
    q = _mm256_fmadd_ps(q, a2, _mm256_set1_ps(TANH_C7));
    q = _mm256_fmadd_ps(q, a2, _mm256_set1_ps(TANH_C5));
    q = _mm256_fmadd_ps(q, a2, _mm256_set1_ps(TANH_C3));
    __m256 small = _mm256_fmadd_ps(_mm256_mul_ps(a, a2), q, a);

    __m256 e = ab_avx2_exp(_mm256_mul_ps(a, _mm256_set1_ps(-2.0f)));
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 ratio = _mm256_div_ps(e, _mm256_add_ps(one, e));
    __m256 large = _mm256_fnmadd_ps(_mm256_set1_ps(2.0f), ratio, one);

    __m256 is_small = _mm256_cmp_ps(a, _mm256_set1_ps(0.625f), _CMP_LT_OQ);
    return _mm256_or_ps(_mm256_blendv_ps(large, small, is_small), sign);
}

static inline __m256 tanh_derivative8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 a = _mm256_andnot_ps(ab_avx2_sign_bit(), x);
    __m256 s2, m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_mul_ps(a, _mm256_set1_ps(-2.0f)), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 d_hi = _mm256_add_ps(one, e);
    __m256 d_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(d_hi, one)),
                                _mm256_mul_ps(m_lo, s2));
    __m256 d2_hi = _mm256_mul_ps(d_hi, d_hi);
    __m256 d2_lo = _mm256_fmsub_ps(d_hi, d_hi, d2_hi);
    d2_lo = _mm256_fmadd_ps(_mm256_add_ps(d_hi, d_hi), d_lo, d2_lo);
    __m256 four = _mm256_set1_ps(4.0f);
    __m256 y = ab_avx2_div_hilo(_mm256_mul_ps(four, m), _mm256_mul_ps(four, m_lo), d2_hi, d2_lo);
    return _mm256_mul_ps(y, s2);
}

void AB_KERNEL(ab_tanh_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, tanh8);
}

void AB_KERNEL(ab_tanh_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, tanh_derivative8);
}
