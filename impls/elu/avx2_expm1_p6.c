/* elu, avx2-expm1-p6: the math of elu/vec_expm1.h on 8 lanes (AVX2 + FMA): x for
 * x > 0, alpha (e^x - 1) otherwise, e^x - 1 by 2^n p + (2^n - 1) in one FMA
 * (Cody-Waite reduction, degree-6 Sollya polynomial); alpha split in two
 * floats so alpha*expm1 is rounded once. Derivative 1 or alpha e^x, e^x
 * split as m * s2 so subnormal results are rounded once.
 * Measured max error: forward 0.937 ULP (x = -0x1.93eb5ap-2; every 3rd
 * negative float, 716M inputs), derivative 0.738 ULP (x = -0x1.5e1016p+6);
 * measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included). Not yet the exhaustive sweep. */
#include "vec/vec_avx2.h"
#include "elu/vec_expm1.h"

void AB_KERNEL(ab_elu_avx2_expm1_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, elu_expm1);
}

void AB_KERNEL(ab_elu_avx2_expm1_p6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, elu_expm1_derivative);
}
