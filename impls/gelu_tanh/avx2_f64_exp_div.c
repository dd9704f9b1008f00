/* gelu_tanh, avx2-f64-exp-div: the math of gelu_tanh/vec_exp_div.h on 8
 * lanes (AVX2 + FMA), in binary64 four lanes at a time, rounded once to
 * binary32.
 * E = e^(-2|u|) by a binary64 exp (Cody-Waite, degree-9 Sollya
 * polynomial), one binary64 division: x/(1+E) for x >= 0, xc E/(1+E) for
 * x < 0; derivative s(2u)(1 + 2x u' s(-2u)) from the same E, v R(v) around
 * its root x0 = -0.7524.
 *
 * Error: binary64 relative error about 2^-44, so the result is within
 * 0.5 + 2^-15 ULP.
 * Port bound: 1.50× forward (derivative 1.21×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 7.32 cycles/element
 * against the znver3 bound 4.88. The binary64 path and its latency: 76 of the loop's 93
 * instructions work on doubles (each 8 floats are two 4-double halves, two vdivpd, four
 * conversions), 32 constants are read from the stack, llvm-mca counts 74% of its cycles
 * waiting on data (a chain of about 125 cycles per vector) and simulates 6.72 cycles/element.
 * A float fast path for the common range should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-f64-exp-div of results/exhaustive/gelu_tanh.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "gelu_tanh/vec_exp_div.h"

void AB_KERNEL(ab_gelu_tanh_avx2_f64_exp_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_tanh_exp_div);
}

void AB_KERNEL(ab_gelu_tanh_avx2_f64_exp_div_derivative)(const float *x, float *y, size_t n,
                                             const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_tanh_exp_div_derivative);
}
