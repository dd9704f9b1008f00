/* softplus, avx512-log1p-p10: the math of softplus/vec_log1p.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x; e^-|z| by Cody-Waite and
 * a degree-6 Sollya polynomial, log1p by Fast2Sum of 1 + u and a degree-10
 * Sollya polynomial. Derivative sigma(z), two-part e and 1 + e, corrected
 * division; no estimate instruction.
 * Its outputs equal those of the avx2-log1p-p10 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Port bound: 1.86× forward, 2.03× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.73 and 2.54
 * cycles/element. Partly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.88 and 1.53 cycles/element (1.46× and 1.66×). The
 * rest is latency: that model counts about 80% of its cycles waiting on data (chains of about
 * 155 and 105 cycles per vector: the exp core, Fast2Sum and the degree-10 Horner polynomial)
 * and simulates 3.12 and 2.27 cycles/element. Estrin's scheme for the degree-10 polynomial (a
 * shorter chain) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx512-log1p-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "softplus/vec_log1p.h"

void AB_KERNEL(ab_softplus_avx512_log1p_p10_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_log1p_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx512_log1p_p10_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_derivative);
}
