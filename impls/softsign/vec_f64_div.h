/*
 * softsign in binary64, the method of the avx2-f64-div variant, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound):
 * x/(1+|x|) and 1/(1+|x|)^2 evaluated in binary64 (four
 * lanes per vdivpd) and rounded once to binary32. 1 + |x| is exact in
 * binary64 for 2^-29 <= |x| <= 2^29 and within 2^-53 relative elsewhere,
 * the division and the square add 2^-53 each, so only double-rounding
 * cases can miss correct rounding (error <= 0.5 + 2^-26 ULP). The
 * derivative needs binary64: in binary32, (1+|x|)^2 overflows for
 * |x| > 2^64 and flushes results that are still subnormal (|x| < 2^75).
 * +-inf: inf/inf would be NaN, so lanes with |x| = inf take +-1 (the
 * derivative gives 1/inf = +0 by itself). NaN propagates through the
 * arithmetic; -0 gives -0/1 = -0.
 */
#ifndef ACTBENCH_SOFTSIGN_VEC_F64_DIV_H
#define ACTBENCH_SOFTSIGN_VEC_F64_DIV_H

#include <math.h>

#include "vec/f64_math.h"

ABV_INLINE abv_d softsign_one_plus_abs(abv_d x)
{
    return abv_add_d(abv_set_d(1.0), abv_andnot_d(abv_set_d(-0.0), x));
}

ABV_INLINE abv_d softsign_value_f64(abv_d x)
{
    return abv_div_d(x, softsign_one_plus_abs(x));
}

ABV_INLINE abv_d softsign_slope_f64(abv_d x)
{
    abv_d d = softsign_one_plus_abs(x);
    return abv_div_d(abv_set_d(1.0), abv_mul_d(d, d));
}

ABV_INLINE abv_f softsign_f64_div(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f y = abv_in_double(x, softsign_value_f64);
    abv_f abs_x = abv_andnot(abv_set(-0.0f), x);
    abv_mask is_inf = abv_eq(abs_x, abv_set(INFINITY));
    abv_f unit = abv_or(abv_set(1.0f), abv_and(x, abv_set(-0.0f)));
    return abv_select(is_inf, unit, y);
}

ABV_INLINE abv_f softsign_f64_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double(x, softsign_slope_f64);
}

#endif
