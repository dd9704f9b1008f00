/* hardswish, avx2-f64-div6: the math of hardswish/vec_f64_div6.h on 8 lanes (AVX2 +
 * FMA): PyTorch's x*relu6(x + 3)/6 in binary64, low*(min(low, 3) + 3)/6,
 * low = max(x, -3) by mask, t/6 by FMA (Markstein), rounded once to
 * binary32; derivative (2x + 3)/6 in binary64 on [-3, 3].
 * Port bound: 1.21× forward (derivative 1.04×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.12 cycles/element
 * against the znver3 bound 1.75. The binary64 path and its latency: 46 of the loop's 53
 * instructions work on doubles or convert (each 8 floats are two 4-double halves), llvm-mca 14
 * counts 61% of its cycles waiting on data (a chain of about 52 cycles per vector) and
 * simulates 2.08 cycles/element, the measured time. The float path avx2-f32-split6 runs 0.52×
 * its bound; it is the remedy.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx2-f64-div6 of results/exhaustive/hardswish.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "hardswish/vec_f64_div6.h"

void AB_KERNEL(ab_hardswish_avx2_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6);
}

void AB_KERNEL(ab_hardswish_avx2_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6_derivative);
}
