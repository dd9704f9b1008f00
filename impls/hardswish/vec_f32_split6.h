/*
 * hardswish in binary32 with 1/6 split in two floats, no division, written
 * once for every ISA of vec_*.h (each kernel file states its measured
 * bound). Declared bound: forward 1.5 ULP, derivative 1.34 ULP, no error
 * class (nothing flushed, exact special values).
 * low = max(x, -3), cap = min(low, 3), y = low*s with s ~ (cap + 3)/6
 * (hardsigmoid/vec_f32_split6.h, where s is hardsigmoid itself):
 *   s1 = fma(cap, C, 1/2), C = rn(1/6) = 1/6 + 2^-26/3,
 *   s  = max(0, fma(cap, C_LO, s1)), C_LO = -2^-26/3 rounded toward zero.
 * The second FMA takes C's error term back out (near x = -3, cap*(C - 1/6)
 * is the whole value of s), so s has two roundings and no cancellation.
 * C_LO rounded toward zero makes s = +0 at cap = -3 (x <= -3 and -inf give
 * -3*(+0) = -0); cap = 3 gives s = 1 exactly, so x >= 3 returns x.
 * The subnormal guard: for tiny x, s = 1/2 exactly and y = rn(x/2), but the
 * exact x/2 + x^2/6 lies beyond x/2; at x = +2^-149 the tie x/2 = 2^-150
 * rounds to even (+0) where the correctly rounded value is 2^-149.
 * y = max(min(2^-149, x), y) restores it: for x > 0 the true value is at
 * least x/2 > 2^-150, so the result can never be below 2^-149; for x <= 0,
 * y lies in [x/2, 0] and min(2^-149, x) = x <= y leaves it. Two operations
 * that depend on x alone (they run beside the FMA chain) instead of a
 * compare and a blend. NaN is the second operand of every min/max, so it
 * flows through, quieted by the product.
 * Derivative (PyTorch's backward, as the reference): u = fma(x, 2, 3)
 * (exact for x <= -3/4 by Sterbenz, so +0 at the root -3/2), u*C; 1 where
 * x > 3, +0 where x < -3 (at -3 and 3, -3*C and 9*C round to -1/2 and 3/2
 * exactly); NaN fails both compares and flows through.
 */
#ifndef ACTBENCH_HARDSWISH_VEC_F32_SPLIT6_H
#define ACTBENCH_HARDSWISH_VEC_F32_SPLIT6_H

#include "hardsigmoid/vec_f32_split6.h"

ABV_INLINE abv_f hardswish_f32_split6(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f low = abv_max(abv_set(-3.0f), x);
    abv_f s = hardsigmoid_split6_of_capped(abv_min(abv_set(3.0f), low));
    abv_f floor = abv_min(abv_set(0x1p-149f), x);
    return abv_max(floor, abv_mul(low, s));
}

ABV_INLINE abv_f hardswish_f32_split6_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f u = abv_fma(x, abv_set(2.0f), abv_set(3.0f));
    abv_f slope = abv_mul(u, abv_set(SPLIT6_SIXTH));
    slope = abv_select(abv_gt(x, abv_set(3.0f)), abv_set(1.0f), slope);
    return abv_select(abv_lt(x, abv_set(-3.0f)), abv_zero(), slope);
}

#endif
