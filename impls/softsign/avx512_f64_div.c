/* softsign, avx512-f64-div: the math of softsign/vec_f64_div.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores: x/(1+|x|)
 * and 1/(1+|x|)^2 in binary64 (eight lanes per vdivpd), rounded once to
 * binary32; +-inf give +-1. No estimate instruction.
 * Bound: its outputs equal those of the avx2-f64-div variant bit for bit
 * (the same operations on wider vectors; compared on every 7th binary32
 * bit pattern). That variant's exhaustive sweep over all 2^32 inputs
 * therefore holds here: forward max 0.5 ULP (x = 0x1.17022cp-7);
 * derivative max 0.5 ULP (x = 0x1.6325c6p-15); no error class. */
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
