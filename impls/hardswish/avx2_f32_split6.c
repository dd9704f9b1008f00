/* hardswish, avx2-f32-split6: the math of hardswish/vec_f32_split6.h on 8
 * lanes (AVX2 + FMA): low*max(0, fma(cap, C_lo, fma(cap, C, 1/2))) with
 * low = max(x, -3), cap = min(low, 3), C + C_lo = 1/6, then
 * max(min(2^-149, x), .) so x = +2^-149 is not flushed to zero; derivative
 * fma(x, 2, 3)*C clamped to +0 / 1 outside [-3, 3]. Six vector operations
 * per 8 inputs beside the load and store, no division, no branch.
 * Declared bound (the registry's): forward 1.5 ULP, derivative 1.34 ULP. Measured: row
 * avx2-f32-split6 of results/exhaustive/hardswish.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "vec/apply.h"
#include "hardswish/vec_f32_split6.h"

void AB_KERNEL(ab_hardswish_avx2_f32_split6_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f32_split6);
}

void AB_KERNEL(ab_hardswish_avx2_f32_split6_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f32_split6_derivative);
}
