/* relu, avx512-mask: the masks of relu/vec_mask.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: x where x > 0 or NaN, +0 elsewhere;
 * derivative 1 for x > 0, +0 otherwise, NaN for NaN. Exact: 0 ULP.
 * Its outputs equal those of the avx2-mask variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx512-mask
 * of results/exhaustive/relu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "relu/vec_mask.h"

void AB_KERNEL(ab_relu_avx512_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask);
}

void AB_KERNEL(ab_relu_avx512_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask_derivative);
}
