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
 * x > 0: (n D + 4x e^2 (1 + e)) / D^2, D = n + 2e^2. One _mm256_div_ps each.
 * Derivative numerator and denominators in two parts (TwoSum / FMA
 * products), corrected division; on [-1.25, -1.125], around the zero
 * x0 ~ -1.1924, a Sollya polynomial in t = x - x0
 * (scripts/sollya/mish_deriv_root.sollya).
 * Measured max error: forward 0.890 ULP (x = 0x1.a69332p-9), derivative
 * 0.820 ULP (x = 0x1.1c14f8p-1) against a double-precision reference
 * (throwaway checker, ULP convention of docs/accuracy.md) on every 997th
 * binary32 bit pattern (4.3M inputs over all 2^32, tails and subnormals
 * included); every float of [-1.75, -0.875] (around the zero of mish'):
 * derivative 0.862 ULP. The exhaustive sweep over all 2^32 inputs (results/
 * exhaustive/summary.csv): forward 0.967 ULP, derivative 1.036 ULP. */
#include <immintrin.h>

#include "avx2_exp.h"

/* scripts/sollya/mish_deriv_root.sollya: the zero x0 = x0_hi + x0_lo of
 * mish' and G with mish'(x0 + t) = t G(t) on [-1.25, -1.125], where the
 * two-part formula below still loses to the cancellation. G(0) is a float
 * pair: a single float would cap the relative error at ~2^-24.5. */
#define MISH_D_X0_HI -0x1.31432cp0f
#define MISH_D_X0_LO -0x1.a25b08p-29f
#define MISH_D_ROOT_LO -1.25f
#define MISH_D_ROOT_HI -1.125f
#define MISH_D_G0_HI 0x1.115accp-2f
#define MISH_D_G0_LO -0x1.7ada6cp-27f
static const float mish_d_g[7] = {
    0.0f, 0x1.a34a26p-3f, 0x1.574eeap-5f, -0x1.4c3b44p-6f, -0x1.02257cp-6f, -0x1.1786ecp-9f,
    -0x1.aabf12p-7f};

/* mish'(x) near its zero: t = x - x0_hi is exact (Sterbenz) on the
 * interval; y = (t - x0_lo)(g0_hi + rest) with one final FMA rounding. */
static inline __m256 mish_derivative_near_zero(__m256 x)
{
    __m256 t = _mm256_sub_ps(x, _mm256_set1_ps(MISH_D_X0_HI));
    __m256 rest = _mm256_set1_ps(mish_d_g[6]);
    for (int k = 5; k >= 1; k--)
        rest = _mm256_fmadd_ps(rest, t, _mm256_set1_ps(mish_d_g[k]));
    rest = _mm256_fmadd_ps(rest, t, _mm256_set1_ps(MISH_D_G0_LO));
    __m256 g0_hi = _mm256_set1_ps(MISH_D_G0_HI);
    __m256 small = _mm256_fmsub_ps(t, rest, _mm256_mul_ps(_mm256_set1_ps(MISH_D_X0_LO), g0_hi));
    return _mm256_fmadd_ps(t, g0_hi, small);
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

static inline __m256 two_sum_lo(__m256 a, __m256 b, __m256 sum)
{
    __m256 v = _mm256_sub_ps(sum, a);
    return _mm256_add_ps(_mm256_sub_ps(a, _mm256_sub_ps(sum, v)), _mm256_sub_ps(b, v));
}

static inline __m256 mish_derivative8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 s2;
    __m256 m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(x, ab_avx2_sign_bit()), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 two = _mm256_set1_ps(2.0f);
    __m256 four = _mm256_set1_ps(4.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 two_e = _mm256_add_ps(e, e);
    __m256 one_plus_e = _mm256_add_ps(one, e);
    /* x <= 0 */
    __m256 e_plus_2 = _mm256_add_ps(e, two);
    __m256 four_x = _mm256_mul_ps(four, x);
    /* The bracket cancels toward the zero of mish' (x0 ~ -1.19): e, e + 2,
     * u + 2, both products and their sum in two parts. */
    __m256 e_lo = _mm256_mul_ps(m_lo, s2);
    __m256 a_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(e_plus_2, two)), e_lo);
    __m256 ea = _mm256_mul_ps(e, e_plus_2);
    __m256 ea_lo = _mm256_fmadd_ps(e, a_lo, _mm256_fmadd_ps(e_lo, e_plus_2,
                                                         _mm256_fmsub_ps(e, e_plus_2, ea)));
    __m256 w_hi = _mm256_add_ps(ea, two);
    __m256 w_lo = _mm256_add_ps(two_sum_lo(ea, two, w_hi), ea_lo);
    __m256 b1 = _mm256_mul_ps(e_plus_2, w_hi);
    __m256 b1_lo = _mm256_fmadd_ps(e_plus_2, w_lo, _mm256_fmadd_ps(a_lo, w_hi,
                                                               _mm256_fmsub_ps(e_plus_2, w_hi, b1)));
    __m256 ope_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(one_plus_e, one)), e_lo);
    __m256 b2 = _mm256_mul_ps(four_x, one_plus_e);
    __m256 b2_lo = _mm256_fmadd_ps(four_x, ope_lo, _mm256_fmsub_ps(four_x, one_plus_e, b2));
    __m256 br = _mm256_add_ps(b1, b2);
    __m256 br_lo = _mm256_add_ps(two_sum_lo(b1, b2, br), _mm256_add_ps(b1_lo, b2_lo));
    __m256 br_hi = _mm256_add_ps(br, br_lo);
    br_lo = _mm256_sub_ps(br_lo, _mm256_sub_ps(br_hi, br));
    __m256 num_neg = _mm256_mul_ps(m, br_hi);
    __m256 num_neg_lo = _mm256_fmadd_ps(m, br_lo, _mm256_fmadd_ps(m_lo, br_hi,
                                                               _mm256_fmsub_ps(m, br_hi, num_neg)));
    __m256 den_neg = _mm256_mul_ps(w_hi, w_hi);
    __m256 den_neg_lo = _mm256_fmadd_ps(_mm256_add_ps(w_hi, w_hi), w_lo,
                                        _mm256_fmsub_ps(w_hi, w_hi, den_neg));
    /* x > 0: n = 1 + 2e, D = n + 2e^2 and n D in two parts; 4x e^2 (1 + e)
     * is positive (no cancellation) and -> 0 as x -> +inf, the clamp avoids
     * inf * 0. */
    __m256 e_lo_pos = _mm256_mul_ps(m_lo, s2);
    __m256 n_pos = _mm256_add_ps(one, two_e);
    __m256 n_lo = _mm256_add_ps(_mm256_sub_ps(two_e, _mm256_sub_ps(n_pos, one)),
                                _mm256_add_ps(e_lo_pos, e_lo_pos));
    __m256 q_hi = _mm256_mul_ps(two_e, e);
    __m256 d_pos = _mm256_add_ps(n_pos, q_hi);
    __m256 d_lo = _mm256_add_ps(_mm256_sub_ps(q_hi, _mm256_sub_ps(d_pos, n_pos)),
                                _mm256_add_ps(_mm256_fmsub_ps(two_e, e, q_hi), n_lo));
    __m256 nd = _mm256_mul_ps(n_pos, d_pos);
    __m256 nd_lo = _mm256_fmadd_ps(n_pos, d_lo, _mm256_fmadd_ps(n_lo, d_pos,
                                                             _mm256_fmsub_ps(n_pos, d_pos, nd)));
    __m256 four_xc = _mm256_min_ps(_mm256_set1_ps(800.0f), four_x);
    __m256 t2 = _mm256_mul_ps(_mm256_mul_ps(four_xc, _mm256_mul_ps(e, e)), one_plus_e);
    __m256 num_pos = _mm256_add_ps(nd, t2);
    __m256 num_pos_lo = _mm256_add_ps(two_sum_lo(nd, t2, num_pos), nd_lo);
    __m256 den_pos = _mm256_mul_ps(d_pos, d_pos);
    __m256 den_pos_lo = _mm256_fmadd_ps(_mm256_add_ps(d_pos, d_pos), d_lo,
                                        _mm256_fmsub_ps(d_pos, d_pos, den_pos));

    __m256 negative = _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(x), 31));
    __m256 y = ab_avx2_div_hilo(_mm256_blendv_ps(num_pos, num_neg, negative),
                                _mm256_blendv_ps(num_pos_lo, num_neg_lo, negative),
                                _mm256_blendv_ps(den_pos, den_neg, negative),
                                _mm256_blendv_ps(den_pos_lo, den_neg_lo, negative));
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, x));
    __m256 near_zero = _mm256_and_ps(
        _mm256_cmp_ps(x, _mm256_set1_ps(MISH_D_ROOT_LO), _CMP_GE_OQ),
        _mm256_cmp_ps(x, _mm256_set1_ps(MISH_D_ROOT_HI), _CMP_LE_OQ));
    y = _mm256_blendv_ps(y, mish_derivative_near_zero(x), near_zero);
    __m256 vanishing = _mm256_cmp_ps(x, _mm256_set1_ps(AB_EXP_SPLIT_X_MIN), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

void AB_KERNEL(ab_mish_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, mish8);
}

void AB_KERNEL(ab_mish_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, mish_derivative8);
}
