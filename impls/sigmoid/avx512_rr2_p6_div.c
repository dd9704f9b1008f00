/* sigmoid, avx512-rr2-p6-div: the math of sigmoid/vec_rr2_p6_div.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores; no
 * estimate instruction (the correction's 1/d is a division).
 * Method: eb = e^-|x| 2^32 in two parts (rr2 Cody-Waite, degree-5 q);
 * select(x < 0, eb, 2^32) / (2^32 + eb) by one vdivps plus a remainder
 * correction; derivative eb 2^32 / (2^32 + eb)^2, the square in two parts,
 * same division.
 * Its outputs equal those of the avx2-rr2-p6-div variant bit for bit (the
 * same operations on wider vectors; compared on all 2^32 inputs), so it
 * declares that variant's bound.
 * Port bound: 1.75× forward, 1.67× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.53 and 1.77
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.09 and 1.34 cycles/element (1.40× and 1.32×). The
 * rest is the division chain: that model counts 72-88% of its cycles waiting on data and
 * simulates 1.35 and 1.60 cycles/element. A shorter chain with fewer instructions (Estrin's
 * scheme for the polynomial, fewer correction steps) should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-rr2-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "sigmoid/vec_rr2_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx512_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx512_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div_derivative);
}
