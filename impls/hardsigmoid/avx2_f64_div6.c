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
