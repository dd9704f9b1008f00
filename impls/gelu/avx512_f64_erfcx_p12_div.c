/* gelu, avx512-f64-erfcx-p12-div: the math of gelu/vec_erfcx.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), in binary64 eight lanes at a time,
 * rounded once to binary32; tails by opmask loads and stores:
 * erfc(t) = e^(-s) G(u) / (1 + 2t), G a degree-12 Sollya polynomial in
 * u = (t - 7/2)/(t + 7/2), one division; x >= 0: x - a Q, x < 0: -(a Q),
 * Q = Phi(-|x|); derivative Phi(x) + x phi(x) by the same parts, v R(v)
 * around its root x0 = -0.7518. No estimate instruction.
 * Its outputs equal those of the avx2-f64-erfcx-p12-div variant bit for bit
 * (the same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Port bound: 1.85× forward, 1.93× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 6.08 and 7.59
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 4.88 and 6.50 cycles/element (1.25× and 1.17×). The
 * rest is the binary64 path: each 16 floats are two 8-double halves, with two vdivpd and four
 * conversions, 34 and 62 constants read from the stack, and a chain of about 150-190 cycles
 * per vector (that model simulates 5.73 and 7.29 cycles/element). A float fast path for the
 * common range should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-f64-erfcx-p12-div of results/exhaustive/gelu.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "gelu/vec_erfcx.h"

void AB_KERNEL(ab_gelu_avx512_f64_erfcx_p12_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx);
}

void AB_KERNEL(ab_gelu_avx512_f64_erfcx_p12_div_derivative)(const float *x, float *y, size_t n,
                                          const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx_derivative);
}
