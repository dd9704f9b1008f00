/* selu, avx2-rr2-p6: on 8 lanes (AVX2 + FMA).
 * Forward: the expm1 method of the avx2 variant (elu/vec_expm1.h).
 * Derivative: the lean method of elu/vec_exp_lean.h: lambda for x > 0,
 * (lambda alpha 2^-32, two floats) * e^x 2^32 from the lean e^x core (two-step
 * Cody-Waite, degree-6 polynomial) otherwise; lanes below -80 and NaN take
 * the accurate split-e^x method of the avx2 variant.
 * Declared bound: forward as the avx2 variant, derivative 2 ULP, no error class.
 * MEASURED: see the selu,avx2-rr2-p6 rows of results/exhaustive/selu.csv
 * (actbench accuracy --exhaustive --direction both, all 2^32 inputs). */
#include "vec/vec_avx2.h"
#include "elu/vec_exp_lean.h"

void AB_KERNEL(ab_selu_avx2_rr2_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, selu_expm1);
}

void AB_KERNEL(ab_selu_avx2_rr2_p6_derivative)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    selu_lean_derivative_kernel(x, y, n, p);
}
