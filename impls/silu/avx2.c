/* silu, avx2: y = x sigma(z), z = beta*x (rounded once to binary32; exact for
 * the default beta = 1). e = e^-|z| from the shared core of avx2_exp.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) kept as
 * (m + m_lo) * s2: for z < 0, y = (x (m + m_lo) / (1 + e)) * s2, so the
 * subnormal results of x < -87.3 are rounded once, not built from an
 * already subnormal e^x; for z >= 0, y = x / (1 + e); 1 + e and x m in two
 * parts, corrected division ab_avx2_div_hilo. z < -112 gives -0 (|x sigma(x)| < 2^-150).
 * Derivative h(z) = sigma(z)(1 + z(1 - sigma(z))): for z >= 0
 * (1 + e + z e)/(1 + e)^2; for z < 0 e((1 + z) + e)/(1 + e)^2, numerator,
 * e and (1 + e)^2 in two parts, corrected division; on [-1.625, -0.875],
 * around the zero x0 ~ -1.2785 where (1 + z) + e cancels, a Sollya
 * polynomial in t = z - x0 (scripts/sollya/silu_deriv_root.sollya).
 * Measured max error: forward 0.770 ULP (x = -0x1.71fdecp+6), derivative
 * 1.557 ULP (x = -0x1.0889cap+0); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included); every float of [-1.625, -0.875]
 * (the polynomial region): derivative 1.699 ULP. Not yet the exhaustive sweep.
 * beta != 1: beta*x is rounded first, and z < -112 returns -0, which is only
 * right when |x e^z| < 2^-150 (true for beta = 1). */
#include <immintrin.h>

#include "avx2_exp.h"

/* scripts/sollya/silu_deriv_root.sollya: the zero x0 = x0_hi + x0_lo of
 * silu' and G with silu'(x0 + t) = t G(t) on [-1.625, -0.875]. */
#define SILU_D_X0_HI -0x1.474974p0f
#define SILU_D_X0_LO 0x1.bdf6fap-27f
#define SILU_D_ROOT_LO -1.625f
#define SILU_D_ROOT_HI -0.875f
static const float silu_d_g[10] = {
    0x1.be141p-3f,   0x1.2c5634p-3f,  0x1.353f8cp-6f,  -0x1.f2d034p-7f, -0x1.b1526p-8f,
    0x1.0b74ccp-13f, 0x1.bf3c84p-11f, 0x1.3d90e2p-13f, -0x1.df2274p-13f, 0x1.4faf28p-13f};

/* silu'(z) near its zero: t = z - x0_hi is exact (Sterbenz) on the
 * interval, and (t - x0_lo) G(t) is rounded once by the FMA. */
static inline __m256 silu_derivative_near_zero(__m256 z)
{
    __m256 t = _mm256_sub_ps(z, _mm256_set1_ps(SILU_D_X0_HI));
    __m256 g = _mm256_set1_ps(silu_d_g[9]);
    for (int k = 8; k >= 0; k--)
        g = _mm256_fmadd_ps(g, t, _mm256_set1_ps(silu_d_g[k]));
    return _mm256_fmadd_ps(t, g, _mm256_mul_ps(_mm256_set1_ps(-SILU_D_X0_LO), g));
}

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
    __m256 s2, m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(z, ab_avx2_sign_bit()), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 e_lo = _mm256_mul_ps(m_lo, s2);
    __m256 d_hi = _mm256_add_ps(one, e);
    __m256 d_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(d_hi, one)), e_lo);
    __m256 d2_hi = _mm256_mul_ps(d_hi, d_hi);
    __m256 d2_lo = _mm256_fmsub_ps(d_hi, d_hi, d2_hi);
    d2_lo = _mm256_fmadd_ps(_mm256_add_ps(d_hi, d_hi), d_lo, d2_lo);
    /* z >= 0: (1 + e) + z e, all terms positive; z e -> 0 as z -> +inf, the
     * clamp avoids inf * 0. */
    __m256 zc = _mm256_min_ps(_mm256_set1_ps(200.0f), z);
    __m256 pos_hi = _mm256_fmadd_ps(zc, e, d_hi);
    __m256 pos_lo = _mm256_fmadd_ps(zc, e_lo, d_lo);
    /* z < 0: (m + m_lo)((1 + z) + e), the sum in two parts (TwoSum). */
    __m256 a = _mm256_add_ps(one, z);
    __m256 b_hi = _mm256_add_ps(a, e);
    __m256 b_v = _mm256_sub_ps(b_hi, a);
    __m256 b_lo = _mm256_add_ps(_mm256_sub_ps(a, _mm256_sub_ps(b_hi, b_v)),
                                _mm256_sub_ps(e, b_v));
    b_lo = _mm256_add_ps(b_lo, e_lo);
    __m256 neg_hi = _mm256_mul_ps(m, b_hi);
    __m256 neg_lo = _mm256_fmsub_ps(m, b_hi, neg_hi);
    neg_lo = _mm256_fmadd_ps(m, b_lo, _mm256_fmadd_ps(m_lo, b_hi, neg_lo));
    __m256 negative = _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(z), 31));
    __m256 y = ab_avx2_div_hilo(_mm256_blendv_ps(pos_hi, neg_hi, negative),
                                _mm256_blendv_ps(pos_lo, neg_lo, negative), d2_hi, d2_lo);
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, z));
    __m256 near_zero = _mm256_and_ps(
        _mm256_cmp_ps(z, _mm256_set1_ps(SILU_D_ROOT_LO), _CMP_GE_OQ),
        _mm256_cmp_ps(z, _mm256_set1_ps(SILU_D_ROOT_HI), _CMP_LE_OQ));
    y = _mm256_blendv_ps(y, silu_derivative_near_zero(z), near_zero);
    __m256 vanishing = _mm256_cmp_ps(z, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

void AB_KERNEL(ab_silu_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, silu8);
}

void AB_KERNEL(ab_silu_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, silu_derivative8);
}
