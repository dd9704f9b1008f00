/* sigmoid, avx2-rr2-p6-div: the lean kernel (vec/lean_math.h), the math of
 * sigmoid/vec_rr2_p6_div.h on 8 lanes (AVX2 + FMA).
 * Method (sigmoid/vec_rr2_p6_div.h): eb = e^-|x| 2^32 in two parts (rr2
 * Cody-Waite, degree-5 q); select(x < 0, eb, 2^32) / (2^32 + eb) by one
 * vdivps plus a remainder correction; derivative eb 2^32 / (2^32 + eb)^2,
 * the square in two parts, same division.
 * About 33 vector ops per 8 elements, bound by the FMA pipes; the two-part
 * e and the remainder correction cost about 12 of them.
 * Port bound: 1.18× forward (derivative 1.13×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.21 cycles/element
 * against the znver3 bound 1.88. Latency, not ports: llvm-mca 14 counts 85% of its cycles
 * waiting on data (reduction, polynomial, the 1 + e sum and the corrected division are one
 * chain of about 89 cycles per vector) and simulates 2.49 cycles/element, above the measured
 * time; four constants are reloaded from the stack in a loop of 37 instructions. A shorter
 * chain (Estrin's scheme for the polynomial, fewer correction steps) should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-rr2-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "sigmoid/vec_rr2_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                      const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div_derivative);
}
