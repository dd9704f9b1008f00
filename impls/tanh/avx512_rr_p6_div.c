/* tanh, avx512-rr-p6-div: the math of tanh/vec_exp_div.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores; no estimate instruction.
 * a = |x|; for a < 0.625 the odd polynomial a + a^3 P(a^2) (degree 11,
 * Sollya); otherwise 1 - 2 e/(1 + e), e = e^-2a (Cody-Waite, degree-6
 * Sollya polynomial), one division; sign put back last. Derivative
 * 4e/(1 + e)^2, e and (1 + e)^2 in two parts, corrected division.
 * Its outputs equal those of the avx2-rr-p6-div variant bit for bit (the
 * same operations on wider vectors; compared on all 2^32 binary32 inputs),
 * so it declares that variant's bound.
 * Port bound: 1.79× forward, 1.76× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.96 and 2.59
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.59 and 1.84 cycles/element (1.23× and 1.40×). The
 * rest of the derivative is latency: that model counts 68% of its cycles waiting on data and
 * simulates 2.35 cycles/element. A shorter chain with fewer instructions (Estrin's scheme for
 * the polynomial, fewer correction steps) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx512-rr-p6-div of results/exhaustive/tanh.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "tanh/vec_exp_div.h"

void AB_KERNEL(ab_tanh_avx512_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div);
}

void AB_KERNEL(ab_tanh_avx512_rr_p6_div_derivative)(const float *x, float *y, size_t n,
                                          const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div_derivative);
}
