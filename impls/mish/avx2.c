/* mish, avx2: x tanh(softplus(x)) without log or tanh: with e = e^-|x|,
 * tanh(log(1 + e^x)) = u/(u + 2), u = e(e + 2) = fma(e, e, 2e), for x <= 0,
 * and n/(n + 2e^2), n = 1 + 2e, for x > 0. e from the exp core of
 * avx2_exp.h (Cody-Waite reduction, degree-6 Sollya polynomial) kept split
 * as m * s2: for x <= 0, y = (x m (e + 2) / (u + 2)) * s2, so subnormal
 * results (x < -87) are rounded once. x < -112 gives -0.
 * Derivative tanh(sp) + x sigma (1 - tanh(sp)^2) rewritten over one
 * denominator: x <= 0: e((e + 2)(u + 2) + 4x(1 + e)) / (u + 2)^2;
 * x > 0: (n D + 4x e^2 (1 + e)) / D^2, D = n + 2e^2. One _mm256_div_ps each.
 * Measured max error: MEASURED_MISH */
#include <immintrin.h>

#include "avx2_exp.h"

static inline __m256 mish8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 s2;
    __m256 m = ab_avx2_exp_split(_mm256_or_ps(x, ab_avx2_sign_bit()), &s2);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 two = _mm256_set1_ps(2.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 two_e = _mm256_add_ps(e, e);
    /* x <= 0 */
    __m256 e_plus_2 = _mm256_add_ps(e, two);
    __m256 u = _mm256_fmadd_ps(e, e, two_e);
    __m256 num_neg = _mm256_mul_ps(m, e_plus_2);
    __m256 den_neg = _mm256_add_ps(u, two);
    /* x > 0 */
    __m256 n_pos = _mm256_add_ps(one, two_e);
    __m256 den_pos = _mm256_fmadd_ps(two_e, e, n_pos);

    __m256 num = _mm256_mul_ps(x, _mm256_blendv_ps(n_pos, num_neg, x));
    __m256 y = _mm256_div_ps(num, _mm256_blendv_ps(den_pos, den_neg, x));
    y = _mm256_mul_ps(y, _mm256_blendv_ps(one, s2, x));
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
