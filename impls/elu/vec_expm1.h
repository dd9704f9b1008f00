/*
 * elu and selu, the expm1 method of their avx2-expm1-p6 variants, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound).
 * x for x > 0, c (e^x - 1) otherwise, e^x - 1 from abv_expm1 of
 * vec/exp_math.h (Cody-Waite reduction, degree-6 Sollya polynomial for
 * e^r - 1, 2^n p + (2^n - 1) in one FMA: full relative accuracy for tiny
 * |x|, no e^x - 1 cancellation). Constants (alpha; selu's lambda and lambda
 * alpha, products in double) are split in two floats so that each product
 * is rounded once (exact for elu's default alpha = 1).
 * Derivatives: the slope for x > 0, c e^x otherwise (x = 0 takes the
 * second), e^x kept split as m * s2 so subnormal results are rounded once.
 */
#ifndef ACTBENCH_ELU_VEC_EXPM1_H
#define ACTBENCH_ELU_VEC_EXPM1_H

#include "vec/exp_math.h"

/* c v with c = hi + lo (double c split in two floats), rounded once. */
ABV_INLINE abv_f elu_split_mul(double c, abv_f v)
{
    float hi = (float)c;
    float lo = (float)(c - (double)hi);
    return abv_fma(abv_set(hi), v, abv_mul(abv_set(lo), v));
}

/* x >= 0 selects x itself, so +-0 keep their sign without abv_expm1's
 * restore (c (e^x - 1) at -0 is -0 for c > 0, the same value). */
ABV_INLINE abv_f elu_expm1(abv_f x, const ab_params *p)
{
    abv_f neg = elu_split_mul(p->alpha, abv_expm1_plus_zero(x));
    return abv_select(abv_ge(x, abv_zero()), x, neg);
}

/* alpha = 1 (the default): no product. */
ABV_INLINE abv_f elu_expm1_unit_alpha(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_select(abv_ge(x, abv_zero()), x, abv_expm1_plus_zero(x));
}

ABV_INLINE void elu_expm1_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->alpha == 1.0)
        abv_apply(x, y, n, p, elu_expm1_unit_alpha);
    else
        abv_apply(x, y, n, p, elu_expm1);
}

ABV_INLINE abv_f elu_expm1_derivative(abv_f x, const ab_params *p)
{
    abv_f s2;
    abv_f m = abv_exp_split(x, &s2);
    abv_f neg = abv_mul(elu_split_mul(p->alpha, m), s2);
    return abv_select(abv_gt(x, abv_zero()), abv_set(1.0f), neg);
}

ABV_INLINE abv_f selu_expm1(abv_f x, const ab_params *p)
{
    abv_f neg = elu_split_mul(p->lambda * p->alpha, abv_expm1(x));
    /* min() keeps the low half finite at x = +inf (inf - inf otherwise). */
    float lambda_hi = (float)p->lambda;
    float lambda_lo = (float)(p->lambda - (double)lambda_hi);
    abv_f x_finite = abv_min(abv_set(0x1.fffffep127f), x);
    abv_f pos = abv_fma(abv_set(lambda_hi), x, abv_mul(abv_set(lambda_lo), x_finite));
    return abv_select(abv_gt(x, abv_zero()), pos, neg);
}

ABV_INLINE abv_f selu_expm1_derivative(abv_f x, const ab_params *p)
{
    abv_f s2;
    abv_f m = abv_exp_split(x, &s2);
    abv_f neg = abv_mul(elu_split_mul(p->lambda * p->alpha, m), s2);
    return abv_select(abv_gt(x, abv_zero()), abv_set((float)p->lambda), neg);
}

#endif
