/* softsign, avx2-f32-div: the math of softsign/vec_f32_div.h on 8 lanes
 * (AVX2 + FMA): binary32 |x|/(1 + |x|) with 1 + |x| split exactly in two
 * floats, one vdivps and a remainder correction, sign put back; derivative
 * 1/(1 + |x|) by one vdivps, corrected, squared in two parts. A vector with
 * a lane beyond |x| = 2^12 (derivative 2^32; or inf, NaN) takes the binary64 method of
 * avx2-f64-div on those lanes.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-f32-div of results/exhaustive/softsign.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "vec/apply.h"
#include "softsign/vec_f32_div.h"

void AB_KERNEL(ab_softsign_avx2_f32_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f32_div);
}

void AB_KERNEL(ab_softsign_avx2_f32_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f32_div_derivative);
}
