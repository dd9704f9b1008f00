/* tanh, avx2-approx-rational-rcp: 8-wide AVX2+FMA version of
 * impls/tanh/approx_rational.c: x P(x²)/Q(x²), P and Q of degree 3 in x²
 * (Padé [5/6] denominator, minimax-refitted numerator:
 * scripts/sollya/approx_tanh_rational.sollya, relative error 5.9e-5 on
 * [0, 6]), the division replaced by rcp(Q) and one Newton step, exactly ±1
 * for |x| > 6. No exp at all.
 * The rational overshoots 1 slightly near the clamp.
 * Derivative: 1 - y², the derivative a user of this approximation would
 * compute from its output (0 beyond the clamp).
 * Any n (masked load/store tail, bit-identical to the body), unaligned,
 * in-place. NaN propagates. Independent of MXCSR FTZ/DAZ.
 * Declared bound (the registry's): forward 990 ULP, derivative 6.5e+07 ULP (flush_to_zero).
 * Measured: row avx2-approx-rational-rcp of results/exhaustive/tanh.csv (every binary32 input)
 * or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "approx_avx2.h"
#include "approx_rational_tanh.h"

AB_APPROX_INLINE __m256 tanh8(__m256 x, __m256 unused)
{
    (void)unused;
    const __m256 sign = _mm256_set1_ps(-0.0f);
    const __m256 six = _mm256_set1_ps(6.0f);
    __m256 a = _mm256_andnot_ps(sign, x);
    __m256 c = _mm256_min_ps(six, a); /* second operand on NaN: NaN passes */
    __m256 s = _mm256_mul_ps(c, c);
    __m256 num = _mm256_set1_ps(AB_RTANH_P3);
    num = _mm256_fmadd_ps(num, s, _mm256_set1_ps(AB_RTANH_P2));
    num = _mm256_fmadd_ps(num, s, _mm256_set1_ps(AB_RTANH_P1));
    num = _mm256_fmadd_ps(num, s, _mm256_set1_ps(AB_RTANH_P0));
    num = _mm256_mul_ps(num, c);
    __m256 den = _mm256_set1_ps(AB_RTANH_Q3);
    den = _mm256_fmadd_ps(den, s, _mm256_set1_ps(AB_RTANH_Q2));
    den = _mm256_fmadd_ps(den, s, _mm256_set1_ps(AB_RTANH_Q1));
    den = _mm256_fmadd_ps(den, s, _mm256_set1_ps(1.0f));
    __m256 t = _mm256_mul_ps(num, ab_approx_reciprocal_nr(den));
    t = _mm256_blendv_ps(t, _mm256_set1_ps(1.0f), _mm256_cmp_ps(a, six, _CMP_GT_OQ));
    return _mm256_or_ps(t, _mm256_and_ps(x, sign));
}

AB_APPROX_INLINE __m256 tanh_derivative8(__m256 x, __m256 unused)
{
    __m256 t = tanh8(x, unused);
    return _mm256_fnmadd_ps(t, t, _mm256_set1_ps(1.0f));
}

void AB_KERNEL(ab_tanh_avx2_approx_rational_rcp_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_approx_apply(x, y, n, _mm256_setzero_ps(), tanh8);
}

void AB_KERNEL(ab_tanh_avx2_approx_rational_rcp_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_approx_apply(x, y, n, _mm256_setzero_ps(), tanh_derivative8);
}
