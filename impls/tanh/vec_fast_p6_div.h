/*
 * tanh, the fast-p6-div method, written once for every ISA of vec_*.h (the
 * kernel files avx2_fast_p6_div.c and avx512_fast_p6_div.c state each one's
 * declared bound).
 * a = |x|. For a < 0.625 the odd polynomial a + a^3 P(a^2) of the
 * rr-p6-div variant (degree 11, scripts/sollya/tanh_odd.sollya, certified 2^-27.7
 * relative; tanh_odd_p11 of tanh/vec_exp_div.h). Otherwise tanh a =
 * 1 - 2 sigma(-2a), sigma(-2a) = eb / (2^32 + eb) with eb = e^-2a 2^32 from
 * vec/lean_math.h's exp core (rr2, degree-5 q, one part) and one vdivps:
 * tanh a > 0.55 there, so the subtraction loses nothing. Both branches are
 * computed and blended, with no branch: lanes below 0.625 are too common
 * (normal inputs) for a predictable test, and the polynomial costs only 7
 * operations. The sign of x is put back last (tanh(-0) = -0); NaN flows
 * through both branches.
 * Derivative sech^2 a = 4 e / (1 + e)^2 with e = e^-2a: eb 2^34 /
 * (2^64 + eb (2^33 + eb)), eb clamped at e^-109 2^32 (4 e^-109 rounds to
 * 0); no difference, so no cancellation anywhere, and the subnormal results
 * (a > 44) are the quotient itself, rounded once; vec/fast_math.h's repair
 * adds back the low parts of eb and of the square (over a rough 1/d from
 * integer arithmetic), without which the roundings reach 2.3 ULP.
 */
#ifndef ACTBENCH_TANH_VEC_FAST_P6_DIV_H
#define ACTBENCH_TANH_VEC_FAST_P6_DIV_H

#include "vec/fast_math.h"
#include "tanh/vec_exp_div.h" /* tanh_odd_p11 */

ABV_INLINE abv_f tanh_fast_p6_div(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f sign = abv_and(x, abv_sign_bit());
    abv_f a = abv_andnot(abv_sign_bit(), x);

    abv_f small = tanh_odd_p11(a);

    abv_f unused_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_mul(a, abv_set(-2.0f)), AB_LEAN_Z_MIN, &unused_lo);
    abv_f ratio = abv_div(eb, abv_add(abv_set(AB_LEAN_SCALE), eb));
    abv_f large = abv_fnma(abv_set(2.0f), ratio, abv_set(1.0f));

    abv_mask is_small = abv_lt(a, abv_set(0.625f));
    return abv_or(abv_select(is_small, small, large), sign);
}

ABV_INLINE abv_f tanh_fast_p6_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f z = abv_mul(abv_andnot(abv_sign_bit(), x), abv_set(-2.0f));
    abv_f eb_lo, d2_lo;
    abv_f eb = abv_lean_exp_neg_big_from(z, AB_LEAN_Z_MIN_FLOOR, &eb_lo);
    abv_f d2 = abv_fast_one_plus_e_squared(eb, eb_lo, &d2_lo);
    const abv_f scale = abv_set(0x1p34f);
    abv_f y = abv_div(abv_mul(eb, scale), d2);
    return abv_fast_div_fix_nonneg(y, abv_mul(eb_lo, scale), d2, d2_lo);
}

#endif
