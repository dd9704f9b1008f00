/* tanh, avx2-rr-p6-div: the math of tanh/vec_exp_div.h on 8 lanes (AVX2 + FMA).
 * a = |x|; for a < 0.625 the odd polynomial a + a^3 P(a^2) (degree 11,
 * Sollya); otherwise 1 - 2 e/(1 + e), e = e^-2a (Cody-Waite, degree-6
 * Sollya polynomial), one division; sign put back last. Derivative
 * 4e/(1 + e)^2, e and (1 + e)^2 in two parts, corrected division.
 * Measured max error: forward 1.294 ULP (x = -0x1.60ad88p-1), derivative
 * 0.744 ULP (x = -0x1.630c52p+5); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the exhaustive sweep. */
#include "vec/vec_avx2.h"
#include "tanh/vec_exp_div.h"

void AB_KERNEL(ab_tanh_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div);
}

void AB_KERNEL(ab_tanh_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div_derivative);
}
