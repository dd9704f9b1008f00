/* gelu_tanh, avx512-f64-exp-div: the math of gelu_tanh/vec_exp_div.h on
 * 16 lanes (AVX-512F/BW/DQ/VL + FMA), in binary64 eight lanes at a time,
 * rounded once to binary32; tails by opmask loads and stores.
 * E = e^(-2|u|) by a binary64 exp (Cody-Waite, degree-9 Sollya
 * polynomial), one binary64 division: x/(1+E) for x >= 0, xc E/(1+E) for
 * x < 0; derivative s(2u)(1 + 2x u' s(-2u)) from the same E, v R(v) around
 * its root x0 = -0.7524.
 * No estimate instruction.
 * Its outputs equal those of the avx2-f64-exp-div variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Port bound: 2.17× forward, 2.02× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 4.69 and 6.24
 * cycles/element. Partly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 3.13 and 5.13 cycles/element (1.50× and 1.22×). The
 * rest of the forward is the binary64 path and its latency: two vdivpd and four conversions
 * per 16 floats, a chain of about 130 cycles per vector, 61% of that model's cycles waiting on
 * data (it simulates 3.97 cycles/element). A float fast path for the common range should close
 * it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-f64-exp-div of results/exhaustive/gelu_tanh.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
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
