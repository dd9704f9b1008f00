/* binary_step, avx2-mask: 1 for x >= 0 (-0 included), +0 for x < 0, NaN passed
 * through. Derivative +0 everywhere (the Dirac delta at 0 is not
 * representable), NaN for NaN. Exact. Compares only; abv_apply clears FTZ/DAZ so a negative
 * subnormal still compares below zero.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx2-mask of
 * results/exhaustive/binary_step.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "binary_step/vec_mask.h"

void AB_KERNEL(ab_binary_step_avx2_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask);
}

void AB_KERNEL(ab_binary_step_avx2_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask_derivative);
}
