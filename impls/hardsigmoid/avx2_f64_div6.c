/* hardsigmoid, avx2-f64-div6: PyTorch's relu6(x + 3)/6 = min(max(x + 3, 0), 6)/6,
 * correctly rounded: x + 3 is exact in binary64 for |x| >= 2^-28 (below,
 * the exact value is within 2^-30 of 1/2 and every step rounds to 1/2), and
 * t/6 is a correctly rounded binary64 quotient that cannot land on a binary32
 * rounding midpoint unless it is one exactly (t has at most 51 significant
 * bits below 2^-49, so t/6 is either a 25-bit midpoint or at least 2^-53.6
 * away from every one), so the final conversion rounds correctly. The clamps
 * put t second in min/max so NaN passes. -inf gives +0, +inf gives 1, +-0
 * give 1/2. Derivative (PyTorch's backward): 1/6 (rounded) for -3 < x < 3,
 * +0 elsewhere (0 at +-3 and +-inf), NaN for NaN.
 * Port bound: 1.22× forward (derivative 1.10×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.37 cycles/element
 * against the znver3 bound 1.13. The binary64 path and its latency: 28 of the loop's 35
 * instructions work on doubles or convert (each 8 floats are two 4-double halves), llvm-mca 14
 * counts 71% of its cycles waiting on data (a chain of about 47 cycles per vector) and
 * simulates 1.40 cycles/element, the measured time. A float path (as hardswish avx2-f32-split6,
 * 0.52× its bound) should close it.
 * Declared bound (the registry's): forward 0.5 ULP, derivative 0.5 ULP. Measured: row
 * avx2-f64-div6 of results/exhaustive/hardsigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "hardsigmoid/vec_div6.h"

void AB_KERNEL(ab_hardsigmoid_avx2_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6);
}

void AB_KERNEL(ab_hardsigmoid_avx2_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6_derivative);
}
