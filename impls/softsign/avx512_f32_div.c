/* softsign, avx512-f32-div: the math of softsign/vec_f32_div.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores: binary32
 * |x|/(1 + |x|) with 1 + |x| split exactly, one division and a remainder
 * correction; derivative 1/(1 + |x|) corrected and squared in two parts;
 * lanes beyond 2^12 (derivative 2^32), inf and NaN by the binary64 method. No estimate
 * instruction and a per-lane slow path, so its outputs equal those of
 * avx2-f32-div bit for bit (compared on every 61st bit pattern).
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-f32-div of results/exhaustive/softsign.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "vec/apply.h"
#include "softsign/vec_f32_div.h"

void AB_KERNEL(ab_softsign_avx512_f32_div_forward)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f32_div);
}

void AB_KERNEL(ab_softsign_avx512_f32_div_derivative)(const float *x, float *y, size_t n,
                                                      const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f32_div_derivative);
}
