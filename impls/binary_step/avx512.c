/* binary_step, avx512: the masks of binary_step/vec_mask.h on 16 lanes
 * (AVX-512F/BW/DQ/VL), tails by opmask loads and stores: 1 for x >= 0, +0
 * for x < 0; derivative +0; NaN passed through. Exact: 0 ULP.
 * Bound: MEASURED_BOUND */
#include "vec/vec_avx512.h"
#include "binary_step/vec_mask.h"

void AB_KERNEL(ab_binary_step_avx512_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask);
}

void AB_KERNEL(ab_binary_step_avx512_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask_derivative);
}
