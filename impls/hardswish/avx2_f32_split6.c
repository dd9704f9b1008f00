/* hardswish, avx2-f32-split6: the math of hardswish/vec_f32_split6.h on 8
 * lanes (AVX2 + FMA): low*max(0, fma(cap, C_lo, fma(cap, C, 1/2))) with
 * low = max(x, -3), cap = min(low, 3), C + C_lo = 1/6, then
 * max(min(2^-149, x), .) so x = +2^-149 is not flushed to zero; derivative
 * fma(x, 2, 3)*C clamped to +0 / 1 outside [-3, 3]. Six vector operations
 * per 8 inputs beside the load and store, no division, no branch.
 * Declared bound: forward 1.5 ULP, derivative 1.34 ULP, no error class.
 * MEASURED (actbench accuracy --exhaustive --direction both, all 2^32
 * inputs, fast reference + MPFR; the hardswish,avx2-f32-split6 rows of
 * results/exhaustive/hardswish.csv): forward max 1.49971 ULP at
 * x = -0x1.7fec66p+0 (s near 1/4 rounds at the bottom of its binade),
 * 97.06% correctly rounded; derivative max 1.33333 ULP at x = 0x1.00000cp-1
 * (2x + 3 just above 4 rounds, then *C rounds), 96.20% correctly rounded;
 * no error class (no flush, NaN, inf or sign error). */
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
