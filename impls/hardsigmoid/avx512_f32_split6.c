/* hardsigmoid, avx512-f32-split6: the math of hardsigmoid/vec_f32_split6.h on
 * 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * max(0, fma(cap, C_lo, fma(cap, C, 1/2))) with cap = min(max(x, -3), 3)
 * and C + C_lo = 1/6; derivative rn(1/6) inside (-3, 3), +0 outside. Five
 * vector operations per vector beside the load and store, no division, no
 * binary64, no branch. No estimate
 * instruction, so its outputs equal those of avx2-f32-split6 bit for bit
 * (the same operations on wider vectors).
 * Swept over all 2^32 binary32 inputs: max 0.667 ULP forward (at x = 2),
 * 0.333 derivative, no error class; 99.8 % of forward results correctly
 * rounded, against 100 % for the binary64 avx2-f64-div6 at 5x the time.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx512-f32-split6 of results/exhaustive/hardsigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "vec/apply.h"
#include "hardsigmoid/vec_f32_split6.h"

void AB_KERNEL(ab_hardsigmoid_avx512_f32_split6_forward)(const float *x, float *y, size_t n,
                                                         const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_f32_split6);
}

void AB_KERNEL(ab_hardsigmoid_avx512_f32_split6_derivative)(const float *x, float *y, size_t n,
                                                            const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_f32_derivative);
}
