/* elu, avx2-expm1-p6: the math of elu/vec_expm1.h on 8 lanes (AVX2 + FMA): x for
 * x > 0, alpha (e^x - 1) otherwise, e^x - 1 by 2^n p + (2^n - 1) in one FMA
 * (Cody-Waite reduction, degree-6 Sollya polynomial); alpha split in two
 * floats so alpha*expm1 is rounded once. Derivative 1 or alpha e^x, e^x
 * split as m * s2 so subnormal results are rounded once.
 * Forward with the default alpha = 1: select(x >= 0, x, e^x - 1), no
 * product and no sign restore (x >= 0 takes x itself at +-0); the same
 * bits as the alpha-split form on every binary32 input (compared over all
 * 2^32 inputs against the previous build), in about two thirds of its time;
 * the port-bound figures below were measured with the earlier form.
 * Port bound: 1.25× derivative (forward 0.96×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.11 cycles/element
 * against the znver3 bound 1.69. Latency, not ports: llvm-mca 14 counts 75% of its cycles
 * waiting on data (the expm1 core and the derivative's select are one chain of about 68 cycles
 * per vector), simulates 2.25 cycles/element, above the measured time, and six constants are
 * reloaded from the stack in a loop of 46 instructions. Fewer instructions on a shorter chain
 * (Estrin's scheme for the polynomial, constants kept in registers) should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx2-expm1-p6 of results/exhaustive/elu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "elu/vec_expm1.h"

void AB_KERNEL(ab_elu_avx2_expm1_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    elu_expm1_forward(x, y, n, p);
}

void AB_KERNEL(ab_elu_avx2_expm1_p6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, elu_expm1_derivative);
}
