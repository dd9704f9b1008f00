/* elu, avx2-rr2-p6: on 8 lanes (AVX2 + FMA).
 * Forward: the expm1 method of the avx2 variant (elu/vec_expm1.h).
 * Derivative: the lean method of elu/vec_exp_lean.h: 1 for x > 0,
 * (alpha 2^-32, two floats) * e^x 2^32 from the lean e^x core (two-step
 * Cody-Waite, degree-6 polynomial) otherwise; lanes below -80 and NaN take
 * the accurate split-e^x method of the avx2 variant.
 * Declared bound: forward as the avx2 variant (1 ULP), derivative 1 ULP,
 * no error class.
 * MEASURED (actbench accuracy --exhaustive --direction derivative, all 2^32
 * inputs, fast reference + MPFR; the elu,avx2-rr2-p6 derivative row of
 * results/exhaustive/elu.csv): derivative max 0.88117 ULP at
 * x = -0x1.76b83ap+2, 99.88% correctly rounded, no error class. The forward
 * is the avx2 variant's code (elu_expm1), whose own sweep holds: 0.94489 ULP. */
#include "vec/vec_avx2.h"
#include "elu/vec_exp_lean.h"

void AB_KERNEL(ab_elu_avx2_rr2_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, elu_expm1);
}

void AB_KERNEL(ab_elu_avx2_rr2_p6_derivative)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    elu_lean_derivative_kernel(x, y, n, p);
}
