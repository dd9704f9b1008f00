/* hardsigmoid, avx512: hardsigmoid/vec_div6.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: min(max(x + 3, 0), 6)/6 in
 * binary64, t/6 correctly rounded by FMA (Markstein), one rounding to
 * binary32: correctly rounded. Derivative 1/6 on (-3, 3), +0 elsewhere.
 * Bound: MEASURED_BOUND */
#include "vec/vec_avx512.h"
#include "hardsigmoid/vec_div6.h"

void AB_KERNEL(ab_hardsigmoid_avx512_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6);
}

void AB_KERNEL(ab_hardsigmoid_avx512_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6_derivative);
}
