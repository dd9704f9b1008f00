/* softsign, avx512-f64-div: the math of softsign/vec_f64_div.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores: x/(1+|x|)
 * and 1/(1+|x|)^2 in binary64 (eight lanes per vdivpd), rounded once to
 * binary32; +-inf give +-1. No estimate instruction.
 * Its outputs equal those of the avx2-f64-div variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-f64-div of results/exhaustive/softsign.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "softsign/vec_f64_div.h"

void AB_KERNEL(ab_softsign_avx512_f64_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f64_div);
}

void AB_KERNEL(ab_softsign_avx512_f64_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softsign_f64_div_derivative);
}
