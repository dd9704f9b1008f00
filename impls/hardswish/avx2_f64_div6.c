/* hardswish, avx2-f64-div6: the math of hardswish/vec_f64_div6.h on 8 lanes (AVX2 +
 * FMA): PyTorch's x*relu6(x + 3)/6 in binary64, low*(min(low, 3) + 3)/6,
 * low = max(x, -3) by mask, t/6 by FMA (Markstein), rounded once to
 * binary32; derivative (2x + 3)/6 in binary64 on [-3, 3].
 * MEASURED (long double reference, throwaway checker): forward max 0.5000
 * ULP over every 3rd input of [-3.25, 3.25] (7.2e8 inputs; outside, the
 * result is -0 or x exactly), derivative max 0.5000 over every 7th bit
 * pattern. */
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
