/* hardsigmoid, avx512-f64-div6: hardsigmoid/vec_div6.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: min(max(x + 3, 0), 6)/6 in
 * binary64, t/6 correctly rounded by FMA (Markstein), one rounding to
 * binary32: correctly rounded. Derivative 1/6 on (-3, 3), +0 elsewhere.
 * Bound: its outputs equal those of the avx2 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern). That variant's exhaustive sweep over all 2^32 inputs
 * therefore holds here: forward max 0.5 ULP (x = 0x1.7ffff6p-23);
 * derivative max 0.3333 ULP (x = 0x0p+0); no error class. */
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
