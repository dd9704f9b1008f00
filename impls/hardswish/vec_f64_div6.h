/*
 * hardswish in binary64, the method of the avx2-f64-div6 variant, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound):
 * PyTorch's x*relu6(x + 3)/6 in binary64, rounded once.
 * low = (x < -3 ? -3 : x), capped = min(low, 3): the value is
 * low*(capped + 3)/6, so x <= -3 gives -3*(+0)/6 = -0 (and -inf gives -0,
 * not -inf*0), x >= 3 gives x*6/6 = x exactly (+inf included), -0 gives -0.
 * Inside (-3, 3) the binary64 product and quotient carry about 2^-52
 * relative error, so the result is correctly rounded except for
 * double-rounding cases (error <= 0.5 + 2^-28 ULP). Derivative (PyTorch's
 * backward): +0 for x < -3, 1 for x > 3, (2x + 3)/6 in binary64 otherwise
 * (-1/2 at -3, 3/2 at 3), correctly rounded by the argument of hardsigmoid
 * (2x + 3 is exact); NaN fails both compares and flows through.
 * For |x| < 2^-40 the value is x*(1/2 +- 2^-52) (see hardswish_f64).
 */
#ifndef ACTBENCH_HARDSWISH_VEC_F64_DIV6_H
#define ACTBENCH_HARDSWISH_VEC_F64_DIV6_H

#include "vec/f64_math.h"

ABV_INLINE abv_d hardswish_f64(abv_d x)
{
    abv_d low = abv_select_d(abv_lt_d(x, abv_set_d(-3.0)), abv_set_d(-3.0), x);
    abv_d capped = abv_min_d(abv_set_d(3.0), low);
    abv_d t = abv_add_d(capped, abv_set_d(3.0));
    abv_d y = abv_div6_d(abv_mul_d(low, t));
    /* |x| < 2^-40: x*(1/2 +- 2^-52), on the exact x/2 + x^2/6's side of x/2,
     * so subnormal x whose half is a binary32 midpoint round correctly. */
    abv_d nudge = abv_or_d(abv_set_d(0x1p-52), abv_and_d(x, abv_set_d(-0.0)));
    abv_dmask tiny = abv_lt_d(abv_andnot_d(abv_set_d(-0.0), x), abv_set_d(0x1p-40));
    return abv_select_d(tiny, abv_mul_d(x, abv_add_d(abv_set_d(0.5), nudge)), y);
}

ABV_INLINE abv_d hardswish_slope_f64(abv_d x)
{
    abv_d middle = abv_div6_d(abv_fma_d(x, abv_set_d(2.0), abv_set_d(3.0)));
    abv_d slope = abv_select_d(abv_gt_d(x, abv_set_d(3.0)), abv_set_d(1.0), middle);
    return abv_select_d(abv_lt_d(x, abv_set_d(-3.0)), abv_zero_d(), slope);
}

ABV_INLINE abv_f hardswish_f64_div6(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double(x, hardswish_f64);
}

ABV_INLINE abv_f hardswish_f64_div6_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double(x, hardswish_slope_f64);
}

#endif
