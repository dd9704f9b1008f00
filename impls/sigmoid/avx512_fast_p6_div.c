/* sigmoid, avx512-fast-p6-div: the math of sigmoid/vec_fast_p6_div.h
 * on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (sigmoid/vec_fast_p6_div.h): eb = e^-|x| 2^32 (rr2 Cody-Waite,
 * degree-5 q from scripts/sollya/lean_exp_rr_p6.sollya); select(x < 0, eb,
 * 2^32) / (2^32 + eb), one vdivps, then the low parts of eb and of the sum
 * added back over a rough integer-arithmetic 1/d (vec/fast_math.h);
 * derivative eb 2^32 / (2^64 + eb (2^33 + eb)), the same repair. No slow
 * path: at scale 2^32 no input needs one.
 * Its port bound is set by the FMA pipes (13 FMA-class operations and the divider per
 * vector).
 * Port bound: 1.77× forward, 1.74× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.44 and 1.63
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 0.97 and 1.22 cycles/element (1.48× and 1.34×). The
 * rest is latency: that model counts 72-83% of its cycles waiting on data (exp core,
 * polynomial, vdivps and the repair in one chain) and simulates 1.21 and 1.50 cycles/element.
 * A shorter chain with fewer instructions (Estrin's scheme for the polynomial, fewer
 * correction steps) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "sigmoid/vec_fast_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                       const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div_derivative);
}
