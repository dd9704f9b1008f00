/* softplus, avx2-log1p-p10: the math of softplus/vec_log1p.h on 8 lanes (AVX2 +
 * FMA): (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x; e^-|z| by
 * Cody-Waite and a degree-6 Sollya polynomial, log1p by Fast2Sum of 1 + u
 * and a degree-10 Sollya polynomial. Derivative sigma(z), two-part e and
 * 1 + e, corrected division.
 * Measured max error: forward 1.504 ULP (x = -0x1.544c8ep+0),
 * derivative 0.738 ULP (x = -0x1.5e1016p+6); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the
 * exhaustive sweep. beta != 1: beta*x rounded first, one more division. */
#include "vec/vec_avx2.h"
#include "softplus/vec_log1p.h"

void AB_KERNEL(ab_softplus_avx2_log1p_p10_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_log1p_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx2_log1p_p10_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_derivative);
}
