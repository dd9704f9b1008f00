/* mish, avx2: x tanh(softplus(x)) without log or tanh: with e = e^-|x|,
 * tanh(log(1 + e^x)) = u/(u + 2), u = e(e + 2) = fma(e, e, 2e), for x <= 0,
 * and n/(n + 2e^2), n = 1 + 2e, for x > 0. e from the exp core of
 * avx2_exp.h (Cody-Waite reduction, degree-6 Sollya polynomial) kept split
 * as (m + m_lo) * s2: for x <= 0, y = (x m (e + 2) / (u + 2)) * s2, so
 * subnormal results (x < -87) are rounded once; x < -112 gives -0.
 * Forward: numerator and denominator in two parts (TwoSum/FMA products)
 * and the corrected division ab_avx2_div_hilo, about one rounding in all.
 * Derivative tanh(sp) + x sigma (1 - tanh(sp)^2) rewritten over one
 * denominator: x <= 0: e((e + 2)(u + 2) + 4x(1 + e)) / (u + 2)^2;
 * x > 0: (n D + 4x e^2 (1 + e)) / D^2, D = n + 2e^2. One _mm256_div_ps each;
 * on [-1.5, -0.875], around the zero x0 ~ -1.1924, a Sollya polynomial in
 * t = x - x0 (scripts/sollya/mish_deriv_root.sollya).
 * Measured max error: forward 0.890 ULP (x = 0x1.a69332p-9),
 * derivative 6.287 ULP (x = -0x1.bf8bd4p-1, just outside the polynomial
 * region, where the one-denominator formula still cancels; MISSES the
 * target); every float of [-1.5, -0.875]: 2.056 ULP (the Sollya fit is only
 * 2^-24.5); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). */
#include <immintrin.h>

#include "avx2_exp.h"

/* scripts/sollya/mish_deriv_root.sollya: the zero x0 = x0_hi + x0_lo of
 * mish' and G with mish'(x0 + t) = t G(t) on [-1.5, -0.875]. */
#define MISH_D_X0_HI -0x1.31432cp0f
#define MISH_D_X0_LO -0x1.a25b08p-29f
#define MISH_D_ROOT_LO -1.5f
#define MISH_D_ROOT_HI -0.875f
static const float mish_d_g[10] = {
    0x1.115accp-2f,  0x1.a34a26p-3f,  0x1.574beap-5f, -0x1.4c2628p-6f, -0x1.024e8ep-6f,
    -0x1.b43f52p-9f, 0x1.643d4cp-12f, 0x1.3b0b4ep-11f, 0x1.e00368p-9f, 0x1.7b02ccp-10f};

/* mish'(x) near its zero: t = x - x0_hi is exact (Sterbenz) on the
 * interval, and (t - x0_lo) G(t) is rounded once by the FMA. */
static inline __m256 mish_derivative_near_zero(__m256 x)
{
    __m256 t = _mm256_sub_ps(x, _mm256_set1_ps(MISH_D_X0_HI));
    __m256 g = _mm256_set1_ps(mish_d_g[9]);
    for (int k = 8; k >= 0; k--)
        g = _mm256_fmadd_ps(g, t, _mm256_set1_ps(mish_d_g[k]));
    return _mm256_fmadd_ps(t, g, _mm256_mul_ps(_mm256_set1_ps(-MISH_D_X0_LO), g));
}

static inline __m256 mish8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 s2, m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(x, ab_avx2_sign_bit()), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 two = _mm256_set1_ps(2.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 e_lo = _mm256_mul_ps(m_lo, s2);
    __m256 two_e = _mm256_add_ps(e, e);
    /* x <= 0: x (m + m_lo)(e + 2) / (e (e + 2) + 2), all in two parts. */
    __m256 a_hi = _mm256_add_ps(e, two);
    __m256 a_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(a_hi, two)), e_lo);
    __m256 p_hi = _mm256_mul_ps(m, a_hi);
    __m256 p_lo = _mm256_fmsub_ps(m, a_hi, p_hi);
    p_lo = _mm256_fmadd_ps(m, a_lo, _mm256_fmadd_ps(m_lo, a_hi, p_lo));
    __m256 num_neg_hi = _mm256_mul_ps(x, p_hi);
    __m256 num_neg_lo = _mm256_fmadd_ps(x, p_lo, _mm256_fmsub_ps(x, p_hi, num_neg_hi));
    __m256 ea = _mm256_mul_ps(e, a_hi);
    __m256 ea_lo = _mm256_fmsub_ps(e, a_hi, ea);
    ea_lo = _mm256_fmadd_ps(e, a_lo, _mm256_fmadd_ps(e_lo, a_hi, ea_lo));
    __m256 den_neg_hi = _mm256_add_ps(ea, two);
    __m256 v = _mm256_sub_ps(den_neg_hi, ea);
    __m256 den_neg_lo = _mm256_add_ps(_mm256_add_ps(_mm256_sub_ps(ea, _mm256_sub_ps(den_neg_hi, v)),
                                                    _mm256_sub_ps(two, v)), ea_lo);
    /* x > 0: x n / (n + 2e^2), n = 1 + 2e, in two parts (Fast2Sum: 1 >= 2e
     * and n >= 2e^2). x is capped so x * n stays finite-safe for the low
     * part; x n / D -> x there anyway. */
    __m256 n_hi = _mm256_add_ps(one, two_e);
    __m256 n_lo = _mm256_add_ps(_mm256_sub_ps(two_e, _mm256_sub_ps(n_hi, one)),
                                _mm256_add_ps(e_lo, e_lo));
    __m256 q_hi = _mm256_mul_ps(two_e, e);
    __m256 q_lo = _mm256_fmsub_ps(two_e, e, q_hi);
    __m256 den_pos_hi = _mm256_add_ps(n_hi, q_hi);
    __m256 den_pos_lo = _mm256_add_ps(_mm256_sub_ps(q_hi, _mm256_sub_ps(den_pos_hi, n_hi)),
                                      _mm256_add_ps(q_lo, n_lo));
    __m256 x_finite = _mm256_min_ps(_mm256_set1_ps(0x1p100f), x);
    __m256 num_pos_hi = _mm256_mul_ps(x, n_hi);
    __m256 num_pos_lo = _mm256_fmadd_ps(x_finite, n_lo,
                                        _mm256_fmsub_ps(x_finite, n_hi,
                                                        _mm256_mul_ps(x_finite, n_hi)));

    __m256 negative = _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(x), 31));
    __m256 num_hi = _mm256_blendv_ps(num_pos_hi, num_neg_hi, negative);
    __m256 num_lo = _mm256_blendv_ps(num_pos_lo, num_neg_lo, negative);
    __m256 y = ab_avx2_div_hilo(num_hi, num_lo, _mm256_blendv_ps(den_pos_hi, den_neg_hi, negative),
                                _mm256_blendv_ps(den_pos_lo, den_neg_lo, negative));
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, negative));
    /* mish has the sign of x; the remainder correction would turn -0 to +0. */
    y = _mm256_or_ps(y, _mm256_and_ps(x, ab_avx2_sign_bit()));
    __m256 vanishing = _mm256_cmp_ps(x, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

static inline __m256 mish_derivative8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 s2;
    __m256 m = ab_avx2_exp_split(_mm256_or_ps(x, ab_avx2_sign_bit()), &s2);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 two = _mm256_set1_ps(2.0f);
    __m256 four = _mm256_set1_ps(4.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 two_e = _mm256_add_ps(e, e);
    __m256 one_plus_e = _mm256_add_ps(one, e);
    /* x <= 0 */
    __m256 e_plus_2 = _mm256_add_ps(e, two);
    __m256 u_plus_2 = _mm256_add_ps(_mm256_fmadd_ps(e, e, two_e), two);
    __m256 four_x = _mm256_mul_ps(four, x);
    __m256 bracket = _mm256_fmadd_ps(four_x, one_plus_e, _mm256_mul_ps(e_plus_2, u_plus_2));
    __m256 num_neg = _mm256_mul_ps(m, bracket);
    __m256 den_neg = _mm256_mul_ps(u_plus_2, u_plus_2);
    /* x > 0; 4x e^2 -> 0 as x -> +inf, the clamp avoids inf * 0. */
    __m256 n_pos = _mm256_add_ps(one, two_e);
    __m256 d_pos = _mm256_fmadd_ps(two_e, e, n_pos);
    __m256 four_xc = _mm256_min_ps(_mm256_set1_ps(800.0f), four_x);
    __m256 e2 = _mm256_mul_ps(e, e);
    __m256 num_pos = _mm256_fmadd_ps(_mm256_mul_ps(four_xc, e2), one_plus_e,
                                     _mm256_mul_ps(n_pos, d_pos));
    __m256 den_pos = _mm256_mul_ps(d_pos, d_pos);

    __m256 y = _mm256_div_ps(_mm256_blendv_ps(num_pos, num_neg, x),
                             _mm256_blendv_ps(den_pos, den_neg, x));
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, x));
    __m256 near_zero = _mm256_and_ps(
        _mm256_cmp_ps(x, _mm256_set1_ps(MISH_D_ROOT_LO), _CMP_GE_OQ),
        _mm256_cmp_ps(x, _mm256_set1_ps(MISH_D_ROOT_HI), _CMP_LE_OQ));
    y = _mm256_blendv_ps(y, mish_derivative_near_zero(x), near_zero);
    __m256 vanishing = _mm256_cmp_ps(x, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

void ab_mish_avx2_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, mish8);
}

void ab_mish_avx2_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, mish_derivative8);
}
