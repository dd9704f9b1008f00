/* elu, avx512-rr2-p6: on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores.
 * Forward: the expm1 method of the avx512 variant (elu/vec_expm1.h).
 * Derivative: the lean method of elu/vec_exp_lean.h: 1 for x > 0,
 * (alpha 2^-32, two floats) * e^x 2^32 from the lean e^x core (two-step
 * Cody-Waite, degree-6 polynomial) otherwise; lanes below -80 and NaN take
 * the accurate split-e^x method of the avx512 variant.
 * Declared bound: forward as the avx512 variant (1 ULP), derivative 1 ULP,
 * no error class.
 * No estimate instruction and a per-lane slow path, so its outputs equal
 * those of avx2-rr2-p6 bit for bit (compared on every 61st bit pattern); the
 * bound is the avx2 twin's (its exhaustive sweep, results/exhaustive/elu.csv:
 * derivative 0.88117 ULP). */
#include "vec/vec_avx512.h"
#include "elu/vec_exp_lean.h"

void AB_KERNEL(ab_elu_avx512_rr2_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, elu_expm1);
}

void AB_KERNEL(ab_elu_avx512_rr2_p6_derivative)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    elu_lean_derivative_kernel(x, y, n, p);
}
