/* relu, avx2-mask: y = x AND mask(x > 0 or x unordered): +0 for every x <= 0
 * (-0 and -inf included), x itself for x > 0, NaN passed through with its
 * payload. Derivative: 1 for x > 0, +0 otherwise (relu'(0) = 0), NaN for NaN.
 * Exact. Only
 * compares and bitwise ops: MXCSR FTZ/DAZ would change the compare of a
 * subnormal, so abv_apply clears them for the call.
 * Port bound: 1.58× forward (derivative 1.19×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.237 cycles/element
 * against the znver3 bound 0.150. A memory loop, not ALU ports: the run's copy row, the same
 * one-vector load/store loop, takes 0.251 cycles/element, and the harness's four-vector
 * unrolled copy floor moves the same bytes at 0.126. What holds this loop at half the floor's
 * rate on this Zen 4 was not isolated (both llvm-mca models simulate 0.14-0.16; identity's
 * avx2-copy derivative, also one vector per iteration, runs at 0.110); unrolling by four, as
 * the floor does, is the change to try.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx2-mask of
 * results/exhaustive/relu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "relu/vec_mask.h"

void AB_KERNEL(ab_relu_avx2_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask);
}

void AB_KERNEL(ab_relu_avx2_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask_derivative);
}
