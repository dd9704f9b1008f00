/*
 * identity, written once for every ISA of vec_*.h: y = x bit for bit (NaN
 * payloads kept), a plain vector copy; derivative 1, NaN for NaN. Exact.
 */
#ifndef ACTBENCH_IDENTITY_VEC_COPY_H
#define ACTBENCH_IDENTITY_VEC_COPY_H

#include "vec/apply.h"

ABV_INLINE abv_f identity_copy(abv_f x, const ab_params *p)
{
    (void)p;
    return x;
}

ABV_INLINE abv_f identity_copy_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_select(abv_is_nan(x), x, abv_set(1.0f));
}

#endif
