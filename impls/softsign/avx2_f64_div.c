/* softsign, avx2-f64-div: the math of softsign/vec_f64_div.h on 8 lanes
 * (AVX2 + FMA): x/(1+|x|) and 1/(1+|x|)^2 in binary64 (four lanes per
 * vdivpd), rounded once to binary32; +-inf give +-1.
 * FTZ/DAZ cleared for the call by abv_apply.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row avx2-f64-div
 * of results/exhaustive/softsign.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "softsign/vec_f64_div.h"

void AB_KERNEL(ab_softsign_avx2_f64_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f64_div);
}

void AB_KERNEL(ab_softsign_avx2_f64_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f64_div_derivative);
}
