/* gelu_tanh, avx512-f64-exp-div: the math of gelu_tanh/vec_exp_div.h on
 * 16 lanes (AVX-512F/BW/DQ/VL + FMA), in binary64 eight lanes at a time,
 * rounded once to binary32; tails by opmask loads and stores.
 * E = e^(-2|u|) by a binary64 exp (Cody-Waite, degree-9 Sollya
 * polynomial), one binary64 division: x/(1+E) for x >= 0, xc E/(1+E) for
 * x < 0; derivative s(2u)(1 + 2x u' s(-2u)) from the same E, v R(v) around
 * its root x0 = -0.7524.
 * No estimate instruction.
 * Bound: its outputs equal those of the avx2-f64-exp-div variant bit for
 * bit (the same operations on wider vectors; compared on every 7th
 * binary32 bit pattern). That variant's exhaustive sweep over all 2^32
 * inputs therefore holds here: forward max 0.5 ULP (x = 0x1.3065a2p-4);
 * derivative max 0.5 ULP (x = -0x1.1a59c4p-1); no error class. */
#include "vec/vec_avx512.h"
#include "gelu_tanh/vec_exp_div.h"

void AB_KERNEL(ab_gelu_tanh_avx512_f64_exp_div_forward)(const float *x, float *y, size_t n,
                                            const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_tanh_exp_div);
}

void AB_KERNEL(ab_gelu_tanh_avx512_f64_exp_div_derivative)(const float *x, float *y, size_t n,
                                               const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_tanh_exp_div_derivative);
}
