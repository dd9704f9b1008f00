/* silu, avx2: y = x sigma(z), z = beta*x (rounded once to binary32; exact for
 * the default beta = 1). e = e^-|z| from the shared core of avx2_exp.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) kept as
 * (m + m_lo) * s2: for z < 0, y = (x (m + m_lo) / (1 + e)) * s2, so the
 * subnormal results of x < -87.3 are rounded once, not built from an
 * already subnormal e^x; for z >= 0, y = x / (1 + e); 1 + e and x m in two
 * parts, corrected division ab_avx2_div_hilo. z < -112 gives -0 (|x sigma(x)| < 2^-150).
 * Derivative h(z) = sigma(z)(1 + z(1 - sigma(z))): for z >= 0
 * (1 + e + z e)/(1 + e)^2; for z < 0 e((1 + z) + e)/(1 + e)^2 with
 * (1 + e)^2 = fma(e, 2 + e, 1); divisions by _mm256_div_ps.
 * Measured max error: MEASURED_SILU */
#include <immintrin.h>

#include "avx2_exp.h"

static inline __m256 silu8(__m256 x, const ab_params *p)
{
    __m256 z = _mm256_mul_ps(x, _mm256_set1_ps((float)p->beta));
    __m256 s2, m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(z, ab_avx2_sign_bit()), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 d_hi = _mm256_add_ps(one, e);
    __m256 d_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(d_hi, one)),
                                _mm256_mul_ps(m_lo, s2));
    /* z < 0: x (m + m_lo) in two parts; z >= 0: x. */
    __m256 negative = _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(z), 31));
    __m256 xm = _mm256_mul_ps(x, m);
    __m256 xm_lo = _mm256_fmadd_ps(x, m_lo, _mm256_fmsub_ps(x, m, xm));
    __m256 num_hi = _mm256_blendv_ps(x, xm, negative);
    __m256 num_lo = _mm256_and_ps(xm_lo, negative);
    __m256 y = ab_avx2_div_hilo(num_hi, num_lo, d_hi, d_lo);
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, negative));
    /* Subnormal x: x/2 can be an exact tie that x^2/4 breaks (silu(2^-149)
     * rounds to 2^-149, not 0). Scaled by 2^64, x/2 + sign(x) 2^-151 is
     * exact; the scale back rounds once and the quarter-ulp nudge only
     * decides ties, in the direction of x^2/4. */
    __m256 quarter_ulp = _mm256_or_ps(_mm256_set1_ps(0x1p-87f),
                                      _mm256_and_ps(x, ab_avx2_sign_bit()));
    __m256 tiny_y = _mm256_fmadd_ps(_mm256_mul_ps(x, _mm256_set1_ps(0x1p64f)),
                                    _mm256_set1_ps(0.5f), quarter_ulp);
    tiny_y = _mm256_mul_ps(tiny_y, _mm256_set1_ps(0x1p-64f));
    __m256 tiny = _mm256_cmp_ps(_mm256_andnot_ps(ab_avx2_sign_bit(), x),
                                _mm256_set1_ps(0x1p-126f), _CMP_LT_OQ);
    y = _mm256_blendv_ps(y, tiny_y, tiny);
    __m256 vanishing = _mm256_cmp_ps(z, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

static inline __m256 silu_derivative8(__m256 x, const ab_params *p)
{
    __m256 z = _mm256_mul_ps(x, _mm256_set1_ps((float)p->beta));
    __m256 s2;
    __m256 m = ab_avx2_exp_split(_mm256_or_ps(z, ab_avx2_sign_bit()), &s2);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 d = _mm256_add_ps(one, e);
    __m256 d2 = _mm256_fmadd_ps(e, _mm256_add_ps(e, _mm256_set1_ps(2.0f)), one);
    /* z e -> 0 as z -> +inf; the clamp avoids inf * 0. */
    __m256 zc = _mm256_min_ps(_mm256_set1_ps(200.0f), z);
    __m256 num_pos = _mm256_fmadd_ps(zc, e, d);
    __m256 num_neg = _mm256_mul_ps(m, _mm256_add_ps(_mm256_add_ps(one, z), e));
    __m256 y = _mm256_div_ps(_mm256_blendv_ps(num_pos, num_neg, z), d2);
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, z));
    __m256 vanishing = _mm256_cmp_ps(z, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

void ab_silu_avx2_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, silu8);
}

void ab_silu_avx2_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, silu_derivative8);
}
