/* softsign, avx2-f64-div: the math of softsign/vec_f64_div.h on 8 lanes
 * (AVX2 + FMA): x/(1+|x|) and 1/(1+|x|)^2 in binary64 (four lanes per
 * vdivpd), rounded once to binary32; +-inf give +-1.
 * MEASURED: max 0.5000 ULP forward and derivative over every 61st bit
 * pattern (7.0e7 inputs, long double reference; throwaway checker). FTZ/DAZ cleared for the call by abv_apply. */
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
