/*
 * relu by masks, written once for every ISA of vec_*.h: y = x where x > 0
 * or x is NaN (payload kept), +0 elsewhere (-0 and -inf included).
 * Derivative 1 for x > 0, +0 otherwise (relu'(0) = 0), NaN for NaN. Exact.
 * Only compares and bitwise ops: MXCSR DAZ would change the compare of a
 * subnormal, so abv_apply clears it for the call.
 */
#ifndef ACTBENCH_RELU_VEC_MASK_H
#define ACTBENCH_RELU_VEC_MASK_H

#include "vec/apply.h"

ABV_INLINE abv_f relu_mask(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_select_zero(abv_gt_or_nan(x, abv_zero()), x);
}

ABV_INLINE abv_f relu_mask_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f one = abv_select_zero(abv_gt(x, abv_zero()), abv_set(1.0f));
    return abv_or(one, abv_select_zero(abv_is_nan(x), x));
}

#endif
