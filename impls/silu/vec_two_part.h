/*
 * silu, the two-part method of the avx2-rr-p6-div variant, written once for every ISA
 * of vec_*.h (each kernel file states its measured bound).
 * y = x sigma(z), z = beta*x (rounded once to binary32; exact for the
 * default beta = 1). e = e^-|z| from vec/exp_math.h (Cody-Waite reduction,
 * degree-6 Sollya polynomial) kept as (m + m_lo) * s2: for z < 0,
 * y = (x (m + m_lo) / (1 + e)) * s2, so the subnormal results of x < -87.3
 * are rounded once, not built from an already subnormal e^x; for z >= 0,
 * y = x / (1 + e); 1 + e and x m in two parts, corrected division
 * abv_div_hilo. z < -112 gives -0 (|x sigma(x)| < 2^-150).
 * Derivative h(z) = sigma(z)(1 + z(1 - sigma(z))): for z >= 0
 * (1 + e + z e)/(1 + e)^2; for z < 0 e((1 + z) + e)/(1 + e)^2, numerator,
 * e and (1 + e)^2 in two parts, corrected division; on [-1.625, -0.875],
 * around the zero x0 ~ -1.2785 where (1 + z) + e cancels, a Sollya
 * polynomial in t = z - x0 (scripts/sollya/silu_deriv_root.sollya).
 * beta != 1: beta*x is rounded first, and z < -112 returns -0, which is only
 * right when |x e^z| < 2^-150 (true for beta = 1).
 */
#ifndef ACTBENCH_SILU_VEC_TWO_PART_H
#define ACTBENCH_SILU_VEC_TWO_PART_H

#include "vec/exp_math.h"

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
ABV_INLINE abv_f silu_derivative_near_zero(abv_f z)
{
    abv_f t = abv_sub(z, abv_set(SILU_D_X0_HI));
    abv_f g = abv_set(silu_d_g[9]);
    for (int k = 8; k >= 0; k--)
        g = abv_fma(g, t, abv_set(silu_d_g[k]));
    return abv_fma(t, g, abv_mul(abv_set(-SILU_D_X0_LO), g));
}

ABV_INLINE abv_f silu_two_part(abv_f x, const ab_params *p)
{
    abv_f z = abv_mul(x, abv_set((float)p->beta));
    abv_f s2, m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(z, abv_sign_bit()), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f e = abv_mul(m, s2);
    abv_f d_hi = abv_add(one, e);
    abv_f d_lo = abv_add(abv_sub(e, abv_sub(d_hi, one)), abv_mul(m_lo, s2));
    /* z < 0: x (m + m_lo) in two parts; z >= 0: x. */
    abv_mask negative = abv_sign_set(z);
    abv_f xm = abv_mul(x, m);
    abv_f xm_lo = abv_fma(x, m_lo, abv_fms(x, m, xm));
    abv_f num_hi = abv_select(negative, xm, x);
    abv_f num_lo = abv_select_zero(negative, xm_lo);
    abv_f y = abv_div_hilo(num_hi, num_lo, d_hi, d_lo);
    y = abv_mul(y, abv_select(negative, s2, one));
    /* Subnormal x: x/2 can be an exact tie that x^2/4 breaks (silu(2^-149)
     * rounds to 2^-149, not 0). Scaled by 2^64, x/2 + sign(x) 2^-151 is
     * exact; the scale back rounds once and the quarter-ulp nudge only
     * decides ties, in the direction of x^2/4. */
    abv_f quarter_ulp = abv_or(abv_set(0x1p-87f), abv_and(x, abv_sign_bit()));
    abv_f tiny_y = abv_fma(abv_mul(x, abv_set(0x1p64f)), abv_set(0.5f), quarter_ulp);
    tiny_y = abv_mul(tiny_y, abv_set(0x1p-64f));
    abv_mask tiny = abv_lt(abv_andnot(abv_sign_bit(), x), abv_set(0x1p-126f));
    y = abv_select(tiny, tiny_y, y);
    abv_mask vanishing = abv_lt(z, abv_set(AB_EXP_SPLIT_X_MIN));
    return abv_select(vanishing, abv_set(-0.0f), y);
}

ABV_INLINE abv_f silu_two_part_derivative(abv_f x, const ab_params *p)
{
    abv_f z = abv_mul(x, abv_set((float)p->beta));
    abv_f s2, m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(z, abv_sign_bit()), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f e = abv_mul(m, s2);
    abv_f e_lo = abv_mul(m_lo, s2);
    abv_f d_hi = abv_add(one, e);
    abv_f d_lo = abv_add(abv_sub(e, abv_sub(d_hi, one)), e_lo);
    abv_f d2_hi = abv_mul(d_hi, d_hi);
    abv_f d2_lo = abv_fms(d_hi, d_hi, d2_hi);
    d2_lo = abv_fma(abv_add(d_hi, d_hi), d_lo, d2_lo);
    /* z >= 0: (1 + e) + z e, all terms positive; z e -> 0 as z -> +inf, the
     * clamp avoids inf * 0. */
    abv_f zc = abv_min(abv_set(200.0f), z);
    abv_f pos_hi = abv_fma(zc, e, d_hi);
    abv_f pos_lo = abv_fma(zc, e_lo, d_lo);
    /* z < 0: (m + m_lo)((1 + z) + e), the sum in two parts (TwoSum). */
    abv_f a = abv_add(one, z);
    abv_f b_hi = abv_add(a, e);
    abv_f b_v = abv_sub(b_hi, a);
    abv_f b_lo = abv_add(abv_sub(a, abv_sub(b_hi, b_v)), abv_sub(e, b_v));
    b_lo = abv_add(b_lo, e_lo);
    abv_f neg_hi = abv_mul(m, b_hi);
    abv_f neg_lo = abv_fms(m, b_hi, neg_hi);
    neg_lo = abv_fma(m, b_lo, abv_fma(m_lo, b_hi, neg_lo));
    abv_mask negative = abv_sign_set(z);
    abv_f y = abv_div_hilo(abv_select(negative, neg_hi, pos_hi),
                           abv_select(negative, neg_lo, pos_lo), d2_hi, d2_lo);
    y = abv_mul(y, abv_select(negative, s2, one));
    abv_mask near_zero = abv_mask_and(abv_ge(z, abv_set(SILU_D_ROOT_LO)),
                                      abv_le(z, abv_set(SILU_D_ROOT_HI)));
    y = abv_select(near_zero, silu_derivative_near_zero(z), y);
    abv_mask vanishing = abv_lt(z, abv_set(AB_EXP_SPLIT_X_MIN));
    return abv_select(vanishing, abv_set(-0.0f), y);
}

#endif
