/* binary_step, avx512-mask: the masks of binary_step/vec_mask.h on 16 lanes
 * (AVX-512F/BW/DQ/VL), tails by opmask loads and stores: 1 for x >= 0, +0
 * for x < 0; derivative +0; NaN passed through. Exact: 0 ULP.
 * Its outputs equal those of the avx2-mask variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx512-mask
 * of results/exhaustive/binary_step.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "binary_step/vec_mask.h"

void AB_KERNEL(ab_binary_step_avx512_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask);
}

void AB_KERNEL(ab_binary_step_avx512_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask_derivative);
}
