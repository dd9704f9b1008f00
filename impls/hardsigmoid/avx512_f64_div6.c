/* hardsigmoid, avx512-f64-div6: hardsigmoid/vec_div6.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: min(max(x + 3, 0), 6)/6 in
 * binary64, t/6 correctly rounded by FMA (Markstein), one rounding to
 * binary32: correctly rounded. Derivative 1/6 on (-3, 3), +0 elsewhere.
 * Its outputs equal those of the avx2-f64-div6 variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Declared bound (the registry's): forward 0.5 ULP, derivative 0.5 ULP. Measured: row
 * avx512-f64-div6 of results/exhaustive/hardsigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "hardsigmoid/vec_div6.h"

void AB_KERNEL(ab_hardsigmoid_avx512_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6);
}

void AB_KERNEL(ab_hardsigmoid_avx512_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6_derivative);
}
