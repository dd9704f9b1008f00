/* elu, avx2-rr2-p6: on 8 lanes (AVX2 + FMA).
 * Forward: the expm1 method of the avx2-expm1-p6 variant (elu/vec_expm1.h).
 * Derivative: the lean method of elu/vec_exp_lean.h: 1 for x > 0,
 * (alpha 2^-32, two floats) * e^x 2^32 from the lean e^x core (two-step
 * Cody-Waite, degree-6 polynomial) otherwise; lanes below -80 and NaN take
 * the accurate split-e^x method of the avx2-expm1-p6 variant.
 * Forward with the default alpha = 1: select(x >= 0, x, e^x - 1), no
 * product and no sign restore (x >= 0 takes x itself at +-0); the same
 * bits as the alpha-split form on every binary32 input (compared over all
 * 2^32 inputs against the previous build), in about two thirds of its time.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-rr2-p6 of results/exhaustive/elu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "elu/vec_exp_lean.h"

void AB_KERNEL(ab_elu_avx2_rr2_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    elu_expm1_forward(x, y, n, p);
}

void AB_KERNEL(ab_elu_avx2_rr2_p6_derivative)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    elu_lean_derivative_kernel(x, y, n, p);
}
