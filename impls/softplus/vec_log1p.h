/*
 * softplus, the method of the avx2-log1p-p10 variant, written once for every ISA of
 * vec_*.h (each kernel file states its measured bound).
 * (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x (rounded once; exact for
 * the default beta = 1, where the division is skipped). e^-|z| from
 * abv_exp of vec/exp_math.h (Cody-Waite reduction, degree-6 Sollya
 * polynomial, two-step scale: subnormal e for z < -87.3 is right and log1p
 * of it is itself); log1p by abv_log1p_unit (Fast2Sum of 1 + u, degree-10
 * Sollya polynomial on [sqrt(2)/2 - 1, sqrt(2) - 1], one division for the
 * correction). Never overflows: large z returns z.
 * Derivative sigma(z) by abv_sigmoid (two-part e and 1 + e, corrected
 * division).
 */
#ifndef ACTBENCH_SOFTPLUS_VEC_LOG1P_H
#define ACTBENCH_SOFTPLUS_VEC_LOG1P_H

#include "vec/exp_math.h"

ABV_INLINE abv_f softplus_beta1(abv_f z)
{
    abv_f e = abv_exp(abv_or(z, abv_sign_bit()));
    return abv_add(abv_max(abv_zero(), z), abv_log1p_unit(e));
}

ABV_INLINE abv_f softplus_log1p(abv_f x, const ab_params *p)
{
    (void)p;
    return softplus_beta1(x);
}

ABV_INLINE abv_f softplus_log1p_beta(abv_f x, const ab_params *p)
{
    abv_f beta = abv_set((float)p->beta);
    return abv_div(softplus_beta1(abv_mul(x, beta)), beta);
}

ABV_INLINE abv_f softplus_log1p_derivative(abv_f x, const ab_params *p)
{
    return abv_sigmoid(abv_mul(x, abv_set((float)p->beta)));
}

ABV_INLINE void softplus_log1p_apply(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->beta == 1.0)
        abv_apply(x, y, n, p, softplus_log1p);
    else
        abv_apply(x, y, n, p, softplus_log1p_beta);
}

#endif
