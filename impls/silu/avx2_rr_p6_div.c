/* silu, avx2-rr-p6-div: y = x sigma(z), z = beta*x (rounded once to binary32; exact for
 * the default beta = 1). e = e^-|z| from the shared core of vec/exp_math.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) kept as
 * (m + m_lo) * s2: for z < 0, y = (x (m + m_lo) / (1 + e)) * s2, so the
 * subnormal results of x < -87.3 are rounded once, not built from an
 * already subnormal e^x; for z >= 0, y = x / (1 + e); 1 + e and x m in two
 * parts, corrected division; derivative over (1 + e)^2 in two parts, a
 * Sollya polynomial around its zero. The math is silu/vec_two_part.h, on 8
 * lanes here.
 * Measured max error: forward 0.770 ULP (x = -0x1.71fdecp+6), derivative
 * 1.557 ULP (x = -0x1.0889cap+0); measured against a double-precision reference (throwaway checker, ULP
 * convention of docs/accuracy.md) on every 997th binary32 bit pattern (4.3M
 * inputs over all 2^32, tails and subnormals included); every float of [-1.625, -0.875]
 * (the polynomial region): derivative 1.699 ULP. Not yet the exhaustive sweep.
 * beta != 1: beta*x is rounded first, and z < -112 returns -0, which is only
 * right when |x e^z| < 2^-150 (true for beta = 1). */
#include "vec/vec_avx2.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part);
}

void AB_KERNEL(ab_silu_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
