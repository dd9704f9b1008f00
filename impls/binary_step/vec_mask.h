/*
 * binary_step by masks, written once for every ISA of vec_*.h: 1 for
 * x >= 0 (-0 included), +0 for x < 0, NaN passed through. Derivative +0
 * everywhere (the Dirac delta at 0 is not representable), NaN for NaN.
 * Exact. Compares only; abv_apply clears DAZ so a negative subnormal still
 * compares below zero.
 */
#ifndef ACTBENCH_BINARY_STEP_VEC_MASK_H
#define ACTBENCH_BINARY_STEP_VEC_MASK_H

#include "vec/apply.h"

ABV_INLINE abv_f binary_step_mask(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f one = abv_select_zero(abv_ge(x, abv_zero()), abv_set(1.0f));
    return abv_or(one, abv_select_zero(abv_is_nan(x), x));
}

ABV_INLINE abv_f binary_step_mask_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_select_zero(abv_is_nan(x), x);
}

#endif
