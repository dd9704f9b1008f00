/*
 * hardsigmoid, written once for every ISA of vec_*.h: PyTorch's
 * relu6(x + 3)/6 = min(max(x + 3, 0), 6)/6, correctly rounded: x + 3 is
 * exact in binary64 for |x| >= 2^-28 (below, the exact value is within
 * 2^-30 of 1/2 and every step rounds to 1/2), and t/6 is a correctly rounded
 * binary64 quotient (abv_div6_d) that cannot land on a binary32 rounding
 * midpoint unless it is one exactly (t has at most 51 significant bits below
 * 2^-49, so t/6 is either a 25-bit midpoint or at least 2^-53.6 away from
 * every one), so the final conversion rounds correctly. The clamps put t
 * second in min/max so NaN passes. -inf gives +0, +inf gives 1, +-0 give
 * 1/2. Derivative (PyTorch's backward): 1/6 (rounded) for -3 < x < 3, +0
 * elsewhere (0 at +-3 and +-inf), NaN for NaN.
 */
#ifndef ACTBENCH_HARDSIGMOID_VEC_DIV6_H
#define ACTBENCH_HARDSIGMOID_VEC_DIV6_H

#include "vec/f64_math.h"
#include "hardsigmoid/vec_f32_split6.h"

ABV_INLINE abv_d hardsigmoid_f64(abv_d x)
{
    abv_d t = abv_add_d(x, abv_set_d(3.0));
    t = abv_max_d(abv_zero_d(), t);
    t = abv_min_d(abv_set_d(6.0), t);
    return abv_div6_d(t);
}

ABV_INLINE abv_f hardsigmoid_div6(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double(x, hardsigmoid_f64);
}

ABV_INLINE abv_f hardsigmoid_div6_derivative(abv_f x, const ab_params *p)
{
    return hardsigmoid_f32_derivative(x, p);
}

#endif
