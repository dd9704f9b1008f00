/* leaky_relu written once for every ISA of impls/vec/ (include after one
 * vec_*.h): select(x > 0, x, alpha*x). alpha is a double; it is split into
 * a_hi = (float)alpha and a_lo = (float)(alpha - a_hi) and
 * alpha*x = fma(x, a_hi, x*a_lo): one rounding of x*a_hi plus a term below
 * 2^-24 of it, so the error is 0.5 ULP + 2^-24 relative for normal results,
 * and at most 1 ULP where alpha*x is subnormal (x*a_lo rounds on the 2^-149
 * grid before the fma). NaN fails x > 0 and gives alpha*NaN = NaN; -0 gives
 * alpha*(-0) = -0 for alpha >= 0. Derivative select(x > 0, 1, (float)alpha),
 * correctly rounded, alpha at 0, NaN for NaN. For 0 < alpha < 1 (the usual
 * slopes) the select is max(x, alpha*x) and needs no clamp when a_lo has
 * a_hi's sign (leaky_value_between). The bounds and measurements
 * are in the kernel files (avx2.c, avx512.c). */
#ifndef ACTBENCH_LEAKY_RELU_VEC_LEAKY_H
#define ACTBENCH_LEAKY_RELU_VEC_LEAKY_H

#include "vec/apply.h"

/* alpha*x with alpha = a_hi + a_lo, then the select. */
ABV_INLINE abv_f leaky_value(abv_f x, abv_f a_hi, abv_f a_lo)
{
    /* The low part sees x clamped to the finite range: inf*0 would be NaN. */
    abv_f finite_x = abv_min(abv_max(x, abv_set(-0x1.fffffep127f)),
                                    abv_set(0x1.fffffep127f));
    abv_f scaled = abv_fma(x, a_hi, abv_mul(finite_x, a_lo));
    abv_mask positive = abv_gt(x, abv_zero());
    return abv_select(positive, x, scaled);
}

/* The same value for 0 < alpha < 1 with a_lo of a_hi's sign: then alpha*x
 * lies between x and 0, so max(x, alpha*x) is the select (x itself for
 * x > 0, the product for x < 0; +-0 and NaN come out of the product), and
 * x = +-inf gives x*a_hi + x*a_lo = x with no inf - inf, so no clamp. */
ABV_INLINE abv_f leaky_value_between(abv_f x, abv_f a_hi, abv_f a_lo)
{
    return abv_max(x, abv_fma(x, a_hi, abv_mul(x, a_lo)));
}

/* alpha exactly a float in (0, 1): one rounding of x*a_hi, the max as above. */
ABV_INLINE abv_f leaky_value_float_alpha(abv_f x, abv_f a_hi, abv_f a_lo)
{
    (void)a_lo;
    return abv_max(x, abv_mul(x, a_hi));
}

ABV_INLINE abv_f leaky_slope(abv_f x, abv_f alpha)
{
    abv_mask positive = abv_gt(x, abv_zero());
    abv_f slope = abv_select(positive, abv_set(1.0f), alpha);
    return abv_select(abv_is_nan(x), x, slope);
}

ABV_INLINE void leaky_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float hi = (float)p->alpha;
    float lo = (float)(p->alpha - (double)hi);
    /* The usual slopes (PyTorch's default 0.01) take three operations per
     * vector instead of six; the general form stays for the others. */
    bool between_0_1 = p->alpha > 0.0 && p->alpha < 1.0 && hi < 1.0f;
    if (between_0_1 && lo == 0.0f)
        abv_apply_v2(x, y, n, abv_set(hi), abv_set(lo), leaky_value_float_alpha);
    else if (between_0_1 && lo > 0.0f)
        abv_apply_v2(x, y, n, abv_set(hi), abv_set(lo), leaky_value_between);
    else
        abv_apply_v2(x, y, n, abv_set(hi), abv_set(lo), leaky_value);
}

ABV_INLINE void leaky_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply_v(x, y, n, abv_set((float)p->alpha), leaky_slope);
}

#endif
