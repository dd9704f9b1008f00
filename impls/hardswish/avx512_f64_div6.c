/* hardswish, avx512-f64-div6: the math of hardswish/vec_f64_div6.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores: PyTorch's
 * x*relu6(x + 3)/6 in binary64, low*(min(low, 3) + 3)/6, low = max(x, -3)
 * by mask, t/6 by FMA (Markstein), rounded once to binary32; derivative
 * (2x + 3)/6 in binary64 on [-3, 3]. No estimate instruction.
 * Bound: its outputs equal those of the avx2 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern). That variant's exhaustive sweep over all 2^32 inputs
 * therefore holds here: forward max 0.5 ULP (x = 0x1p-149); derivative
 * max 0.5 ULP (x = 0x1.7ffff6p-24); no error class. */
#include "vec/vec_avx512.h"
#include "hardswish/vec_f64_div6.h"

void AB_KERNEL(ab_hardswish_avx512_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6);
}

void AB_KERNEL(ab_hardswish_avx512_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6_derivative);
}
