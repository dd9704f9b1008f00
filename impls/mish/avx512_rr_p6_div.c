/* mish, avx512-rr-p6-div: the math of mish/vec_two_part.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores, no estimate instruction: tanh(softplus(x)) as u/(u + 2), u = e(e + 2), e = e^-|x|
 * (Cody-Waite, degree-6 Sollya polynomial) for x <= 0, n/(n + 2e^2),
 * n = 1 + 2e, for x > 0; numerator and denominator in two parts, corrected
 * division; derivative over one denominator, two-part, a Sollya polynomial
 * around its zero x0 ~ -1.1924.
 * Its outputs equal those of the avx2-rr-p6-div variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Port bound: 1.85× forward, 1.65× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 4.63 and 6.87
 * cycles/element. Partly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 2.72 and 4.22 cycles/element (1.70× and 1.63×). The
 * rest is latency: that model counts 66-70% of its cycles waiting on data (chains of about 115
 * and 150 cycles per vector) and simulates 3.76 and 5.79 cycles/element, still below the
 * measured times (llvm-mca 14's icelake-server simulation gives 5.23 and 6.72). A float fast
 * path for the common range and a shorter chain should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1.05 ULP. Measured: row
 * avx512-rr-p6-div of results/exhaustive/mish.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "mish/vec_two_part.h"

void AB_KERNEL(ab_mish_avx512_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part);
}

void AB_KERNEL(ab_mish_avx512_rr_p6_div_derivative)(const float *x, float *y, size_t n,
                                          const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part_derivative);
}
