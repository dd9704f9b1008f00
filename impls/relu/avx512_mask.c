/* relu, avx512-mask: the masks of relu/vec_mask.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: x where x > 0 or NaN, +0 elsewhere;
 * derivative 1 for x > 0, +0 otherwise, NaN for NaN. Exact: 0 ULP.
 * Bound: its outputs equal those of the avx2 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern). That variant's exhaustive sweep over all 2^32 inputs
 * therefore holds here: 0 ULP forward and derivative (exact), no error
 * class. */
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
