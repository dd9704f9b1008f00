/* sigmoid, avx2-fast-p6-div: the math of sigmoid/vec_fast_p6_div.h
 * on 8 lanes (AVX2 + FMA).
 * Method (sigmoid/vec_fast_p6_div.h): eb = e^-|x| 2^32 (rr2 Cody-Waite,
 * degree-5 q from scripts/sollya/lean_exp_rr_p6.sollya); select(x < 0, eb,
 * 2^32) / (2^32 + eb), one vdivps, then the low parts of eb and of the sum
 * added back over a rough integer-arithmetic 1/d (vec/fast_math.h);
 * derivative eb 2^32 / (2^64 + eb (2^33 + eb)), the same repair. No slow
 * path: at scale 2^32 no input needs one.
 * Bound by the FMA pipes (13 FMA-class operations and the divider per
 * vector).
 * Port bound: 1.22× forward (derivative 1.07×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.06 cycles/element
 * against the znver3 bound 1.69. Latency, not ports: llvm-mca 14 counts 79% of its cycles
 * waiting on data (exp core and division are one chain of about 80 cycles per vector) and
 * simulates 2.26 cycles/element, above the measured time; five constants are reloaded from the
 * stack in a loop of 36 instructions. A shorter chain (Estrin's scheme for the polynomial) and
 * constants kept in registers should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx2-fast-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "sigmoid/vec_fast_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx2_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx2_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                       const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div_derivative);
}
