/*
 * sigmoid, the fast-p6-div method, written once for every ISA of vec_*.h
 * (the kernel files avx2_fast_p6_div.c and avx512_fast_p6_div.c state each
 * one's declared bound).
 * eb = e^-|x| 2^32 from vec/lean_math.h's exp core (rr2 Cody-Waite, degree-5
 * q from scripts/sollya/lean_exp_rr_p6.sollya, certified 2^-27.98), with the
 * rounding of its last FMA as eb_lo.
 * sigma = select(x < 0, eb, 2^32) / (2^32 + eb): one rounded sum, one
 * vdivps, then vec/fast_math.h's repair: the low parts of numerator (eb_lo)
 * and denominator (the sum's exact error, by adds) over a rough 1/d from
 * integer arithmetic. Without it the three roundings (e, sum, quotient)
 * reach 2.1 ULP; a full remainder correction (the rr2-p6-div variant)
 * costs a multiply and three FMAs more. No second path: the 2^32 scale
 * keeps eb normal down to the clamp z = -104, and the quotient is the
 * final, once-rounded value, subnormal results (x < -87.3) included. NaN
 * flows through the arithmetic; +-inf are clamped to results that round to
 * 1 and 0.
 * Derivative e / (1 + e)^2 = eb 2^32 / (2^32 + eb)^2 with the square
 * written as 2^64 + eb (2^33 + eb): one FMA, whose rounding error a second
 * FMA recovers; the same repair.
 */
#ifndef ACTBENCH_SIGMOID_VEC_FAST_P6_DIV_H
#define ACTBENCH_SIGMOID_VEC_FAST_P6_DIV_H

#include "vec/fast_math.h"

ABV_INLINE abv_f sigmoid_fast_p6_div(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f eb_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_or(x, abv_sign_bit()), AB_LEAN_Z_MIN, &eb_lo);
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    abv_mask negative = abv_sign_set(x);
    abv_f num = abv_select(negative, eb, scale);
    abv_f d = abv_add(scale, eb);
    abv_f d_lo = abv_add(abv_add(abv_sub(scale, d), eb), eb_lo);
    return abv_fast_div_fix_nonneg(abv_div(num, d), abv_select_zero(negative, eb_lo), d, d_lo);
}

ABV_INLINE abv_f sigmoid_fast_p6_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f eb_lo, d2_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_or(x, abv_sign_bit()), AB_LEAN_Z_MIN, &eb_lo);
    abv_f d2 = abv_fast_one_plus_e_squared(eb, eb_lo, &d2_lo);
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    abv_f y = abv_div(abv_mul(eb, scale), d2);
    return abv_fast_div_fix_nonneg(y, abv_mul(eb_lo, scale), d2, d2_lo);
}

#endif
