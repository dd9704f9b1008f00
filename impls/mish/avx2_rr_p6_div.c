/* mish, avx2-rr-p6-div: the math of mish/vec_two_part.h on 8 lanes (AVX2 + FMA):
 * tanh(softplus(x)) as u/(u + 2), u = e(e + 2), e = e^-|x| (Cody-Waite,
 * degree-6 Sollya polynomial) for x <= 0, n/(n + 2e^2), n = 1 + 2e, for
 * x > 0; numerator and denominator in two parts, corrected division;
 * derivative over one denominator, two-part, a Sollya polynomial around its
 * zero x0 ~ -1.1924.
 * Measured max error: forward 0.890 ULP (x = 0x1.a69332p-9), derivative
 * 0.820 ULP (x = 0x1.1c14f8p-1) against a double-precision reference
 * (throwaway checker, ULP convention of docs/accuracy.md) on every 997th
 * binary32 bit pattern (4.3M inputs over all 2^32, tails and subnormals
 * included); every float of [-1.75, -0.875] (around the zero of mish'):
 * derivative 0.862 ULP. The exhaustive sweep over all 2^32 inputs (results/
 * exhaustive/summary.csv): forward 0.967 ULP, derivative 1.036 ULP. */
#include "vec/vec_avx2.h"
#include "mish/vec_two_part.h"

void AB_KERNEL(ab_mish_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part);
}

void AB_KERNEL(ab_mish_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part_derivative);
}
