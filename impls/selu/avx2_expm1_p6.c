/* selu, avx2-expm1-p6: the math of elu/vec_expm1.h on 8 lanes (AVX2 + FMA): lambda
 * x for x > 0, lambda alpha (e^x - 1) otherwise, e^x - 1 by 2^n p + (2^n - 1)
 * in one FMA (Cody-Waite reduction, degree-6 Sollya polynomial); lambda and
 * lambda*alpha split in two floats each so every product is rounded once.
 * Derivative lambda or lambda alpha e^x, e^x split as m * s2 so subnormal
 * results are rounded once.
 * Port bound: 1.25× derivative (forward 1.05×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.19 cycles/element
 * against the znver3 bound 1.75. Latency, not ports: llvm-mca 14 counts 76% of its cycles
 * waiting on data (the expm1 core, the scale and the select are one chain of about 68 cycles
 * per vector), simulates 2.29 cycles/element, above the measured time, and six constants are
 * reloaded from the stack in a loop of 49 instructions. Fewer instructions on a shorter chain
 * (Estrin's scheme for the polynomial, constants kept in registers) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx2-expm1-p6 of results/exhaustive/selu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "elu/vec_expm1.h"

void AB_KERNEL(ab_selu_avx2_expm1_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, selu_expm1);
}

void AB_KERNEL(ab_selu_avx2_expm1_p6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, selu_expm1_derivative);
}
