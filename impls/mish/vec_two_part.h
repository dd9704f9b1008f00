/*
 * mish, the two-part method of the avx2-rr-p6-div variant, written once for every ISA
 * of vec_*.h (each kernel file states its measured bound).
 * x tanh(softplus(x)) without log or tanh: with e = e^-|x|,
 * tanh(log(1 + e^x)) = u/(u + 2), u = e(e + 2) = fma(e, e, 2e), for x <= 0,
 * and n/(n + 2e^2), n = 1 + 2e, for x > 0. e from vec/exp_math.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) kept split as
 * (m + m_lo) * s2: for x <= 0, y = (x m (e + 2) / (u + 2)) * s2, so
 * subnormal results (x < -87) are rounded once; x < -112 gives -0.
 * Forward: numerator and denominator in two parts (TwoSum/FMA products)
 * and the corrected division abv_div_hilo, about one rounding in all.
 * Derivative tanh(sp) + x sigma (1 - tanh(sp)^2) rewritten over one
 * denominator: x <= 0: e((e + 2)(u + 2) + 4x(1 + e)) / (u + 2)^2;
 * x > 0: (n D + 4x e^2 (1 + e)) / D^2, D = n + 2e^2. One division each.
 * Derivative numerator and denominators in two parts (TwoSum / FMA
 * products), corrected division; on [-1.25, -1.125], around the zero
 * x0 ~ -1.1924, a Sollya polynomial in t = x - x0
 * (scripts/sollya/mish_deriv_root.sollya).
 */
#ifndef ACTBENCH_MISH_VEC_TWO_PART_H
#define ACTBENCH_MISH_VEC_TWO_PART_H

#include "vec/exp_math.h"

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
ABV_INLINE abv_f mish_derivative_near_zero(abv_f x)
{
    abv_f t = abv_sub(x, abv_set(MISH_D_X0_HI));
    abv_f rest = abv_set(mish_d_g[6]);
    for (int k = 5; k >= 1; k--)
        rest = abv_fma(rest, t, abv_set(mish_d_g[k]));
    rest = abv_fma(rest, t, abv_set(MISH_D_G0_LO));
    abv_f g0_hi = abv_set(MISH_D_G0_HI);
    abv_f small = abv_fms(t, rest, abv_mul(abv_set(MISH_D_X0_LO), g0_hi));
    return abv_fma(t, g0_hi, small);
}

ABV_INLINE abv_f mish_two_part(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f s2, m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(x, abv_sign_bit()), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f two = abv_set(2.0f);
    abv_f e = abv_mul(m, s2);
    abv_f e_lo = abv_mul(m_lo, s2);
    abv_f two_e = abv_add(e, e);
    /* x <= 0: x (m + m_lo)(e + 2) / (e (e + 2) + 2), all in two parts. */
    abv_f a_hi = abv_add(e, two);
    abv_f a_lo = abv_add(abv_sub(e, abv_sub(a_hi, two)), e_lo);
    abv_f p_hi = abv_mul(m, a_hi);
    abv_f p_lo = abv_fms(m, a_hi, p_hi);
    p_lo = abv_fma(m, a_lo, abv_fma(m_lo, a_hi, p_lo));
    abv_f num_neg_hi = abv_mul(x, p_hi);
    abv_f num_neg_lo = abv_fma(x, p_lo, abv_fms(x, p_hi, num_neg_hi));
    abv_f ea = abv_mul(e, a_hi);
    abv_f ea_lo = abv_fms(e, a_hi, ea);
    ea_lo = abv_fma(e, a_lo, abv_fma(e_lo, a_hi, ea_lo));
    abv_f den_neg_hi = abv_add(ea, two);
    abv_f v = abv_sub(den_neg_hi, ea);
    abv_f den_neg_lo = abv_add(abv_add(abv_sub(ea, abv_sub(den_neg_hi, v)),
                                                    abv_sub(two, v)), ea_lo);
    /* x > 0: x n / (n + 2e^2), n = 1 + 2e, in two parts (Fast2Sum: 1 >= 2e
     * and n >= 2e^2). x is capped so x * n stays finite-safe for the low
     * part; x n / D -> x there anyway. */
    abv_f n_hi = abv_add(one, two_e);
    abv_f n_lo = abv_add(abv_sub(two_e, abv_sub(n_hi, one)),
                                abv_add(e_lo, e_lo));
    abv_f q_hi = abv_mul(two_e, e);
    abv_f q_lo = abv_fms(two_e, e, q_hi);
    abv_f den_pos_hi = abv_add(n_hi, q_hi);
    abv_f den_pos_lo = abv_add(abv_sub(q_hi, abv_sub(den_pos_hi, n_hi)),
                                      abv_add(q_lo, n_lo));
    abv_f x_finite = abv_min(abv_set(0x1p100f), x);
    abv_f num_pos_hi = abv_mul(x, n_hi);
    abv_f num_pos_lo = abv_fma(x_finite, n_lo,
                                        abv_fms(x_finite, n_hi,
                                                        abv_mul(x_finite, n_hi)));

    abv_mask negative = abv_sign_set(x);
    abv_f num_hi = abv_select(negative, num_neg_hi, num_pos_hi);
    abv_f num_lo = abv_select(negative, num_neg_lo, num_pos_lo);
    abv_f y = abv_div_hilo(num_hi, num_lo, abv_select(negative, den_neg_hi, den_pos_hi),
                                abv_select(negative, den_neg_lo, den_pos_lo));
    y = abv_mul(y, abv_select(negative, s2, one));
    /* mish has the sign of x; the remainder correction would turn -0 to +0. */
    y = abv_or(y, abv_and(x, abv_sign_bit()));
    abv_mask vanishing = abv_lt(x, abv_set(AB_EXP_SPLIT_X_MIN));
    return abv_select(vanishing, abv_set(-0.0f), y);
}

ABV_INLINE abv_f two_sum_lo(abv_f a, abv_f b, abv_f sum)
{
    abv_f v = abv_sub(sum, a);
    return abv_add(abv_sub(a, abv_sub(sum, v)), abv_sub(b, v));
}

ABV_INLINE abv_f mish_two_part_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f s2;
    abv_f m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(x, abv_sign_bit()), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f two = abv_set(2.0f);
    abv_f four = abv_set(4.0f);
    abv_f e = abv_mul(m, s2);
    abv_f two_e = abv_add(e, e);
    abv_f one_plus_e = abv_add(one, e);
    /* x <= 0 */
    abv_f e_plus_2 = abv_add(e, two);
    abv_f four_x = abv_mul(four, x);
    /* The bracket cancels toward the zero of mish' (x0 ~ -1.19): e, e + 2,
     * u + 2, both products and their sum in two parts. */
    abv_f e_lo = abv_mul(m_lo, s2);
    abv_f a_lo = abv_add(abv_sub(e, abv_sub(e_plus_2, two)), e_lo);
    abv_f ea = abv_mul(e, e_plus_2);
    abv_f ea_lo = abv_fma(e, a_lo, abv_fma(e_lo, e_plus_2,
                                                         abv_fms(e, e_plus_2, ea)));
    abv_f w_hi = abv_add(ea, two);
    abv_f w_lo = abv_add(two_sum_lo(ea, two, w_hi), ea_lo);
    abv_f b1 = abv_mul(e_plus_2, w_hi);
    abv_f b1_lo = abv_fma(e_plus_2, w_lo, abv_fma(a_lo, w_hi,
                                                               abv_fms(e_plus_2, w_hi, b1)));
    abv_f ope_lo = abv_add(abv_sub(e, abv_sub(one_plus_e, one)), e_lo);
    abv_f b2 = abv_mul(four_x, one_plus_e);
    abv_f b2_lo = abv_fma(four_x, ope_lo, abv_fms(four_x, one_plus_e, b2));
    abv_f br = abv_add(b1, b2);
    abv_f br_lo = abv_add(two_sum_lo(b1, b2, br), abv_add(b1_lo, b2_lo));
    abv_f br_hi = abv_add(br, br_lo);
    br_lo = abv_sub(br_lo, abv_sub(br_hi, br));
    abv_f num_neg = abv_mul(m, br_hi);
    abv_f num_neg_lo = abv_fma(m, br_lo, abv_fma(m_lo, br_hi,
                                                               abv_fms(m, br_hi, num_neg)));
    abv_f den_neg = abv_mul(w_hi, w_hi);
    abv_f den_neg_lo = abv_fma(abv_add(w_hi, w_hi), w_lo,
                                        abv_fms(w_hi, w_hi, den_neg));
    /* x > 0: n = 1 + 2e, D = n + 2e^2 and n D in two parts; 4x e^2 (1 + e)
     * is positive (no cancellation) and -> 0 as x -> +inf, the clamp avoids
     * inf * 0. */
    abv_f e_lo_pos = abv_mul(m_lo, s2);
    abv_f n_pos = abv_add(one, two_e);
    abv_f n_lo = abv_add(abv_sub(two_e, abv_sub(n_pos, one)),
                                abv_add(e_lo_pos, e_lo_pos));
    abv_f q_hi = abv_mul(two_e, e);
    abv_f d_pos = abv_add(n_pos, q_hi);
    abv_f d_lo = abv_add(abv_sub(q_hi, abv_sub(d_pos, n_pos)),
                                abv_add(abv_fms(two_e, e, q_hi), n_lo));
    abv_f nd = abv_mul(n_pos, d_pos);
    abv_f nd_lo = abv_fma(n_pos, d_lo, abv_fma(n_lo, d_pos,
                                                             abv_fms(n_pos, d_pos, nd)));
    abv_f four_xc = abv_min(abv_set(800.0f), four_x);
    abv_f t2 = abv_mul(abv_mul(four_xc, abv_mul(e, e)), one_plus_e);
    abv_f num_pos = abv_add(nd, t2);
    abv_f num_pos_lo = abv_add(two_sum_lo(nd, t2, num_pos), nd_lo);
    abv_f den_pos = abv_mul(d_pos, d_pos);
    abv_f den_pos_lo = abv_fma(abv_add(d_pos, d_pos), d_lo,
                                        abv_fms(d_pos, d_pos, den_pos));

    abv_mask negative = abv_sign_set(x);
    abv_f y = abv_div_hilo(abv_select(negative, num_neg, num_pos),
                                abv_select(negative, num_neg_lo, num_pos_lo),
                                abv_select(negative, den_neg, den_pos),
                                abv_select(negative, den_neg_lo, den_pos_lo));
    y = abv_mul(y, abv_select(negative, s2, one));
    abv_mask near_zero = abv_mask_and(abv_ge(x, abv_set(MISH_D_ROOT_LO)),
                                      abv_le(x, abv_set(MISH_D_ROOT_HI)));
    y = abv_select(near_zero, mish_derivative_near_zero(x), y);
    abv_mask vanishing = abv_lt(x, abv_set(AB_EXP_SPLIT_X_MIN));
    return abv_select(vanishing, abv_set(-0.0f), y);
}

#endif
