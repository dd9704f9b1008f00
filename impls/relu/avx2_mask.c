/* relu, avx2-mask: y = x AND mask(x > 0 or x unordered): +0 for every x <= 0
 * (-0 and -inf included), x itself for x > 0, NaN passed through with its
 * payload. Derivative: 1 for x > 0, +0 otherwise (relu'(0) = 0), NaN for NaN.
 * Exact. Only
 * compares and bitwise ops: MXCSR FTZ/DAZ would change the compare of a
 * subnormal, so abv_apply clears them for the call.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx2-mask of
 * results/exhaustive/relu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "relu/vec_mask.h"

void AB_KERNEL(ab_relu_avx2_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask);
}

void AB_KERNEL(ab_relu_avx2_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask_derivative);
}
