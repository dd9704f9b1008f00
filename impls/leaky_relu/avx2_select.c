/* leaky_relu, avx2-select: the math of leaky_relu/vec_leaky.h on 8 lanes
 * (AVX2 + FMA): select(x > 0, x, alpha*x). alpha is a double; it is
 * split into a_hi = (float)alpha and a_lo = (float)(alpha - a_hi) and
 * alpha*x = fma(x, a_hi, x*a_lo): one rounding of x*a_hi plus a term below
 * 2^-24 of it, so the error is 0.5 ULP + 2^-24 relative for normal results,
 * and at most 1 ULP where alpha*x is subnormal (x*a_lo rounds on the 2^-149
 * grid before the fma). NaN fails x > 0 and gives alpha*NaN = NaN; -0 gives
 * alpha*(-0) = -0 for alpha >= 0. Derivative select(x > 0, 1, (float)alpha),
 * correctly rounded, alpha at 0, NaN for NaN.
 * For 0 < alpha < 1 with alpha - a_hi of a_hi's sign (0.01 is one) the
 * select is max(x, fma(x, a_hi, x*a_lo)): three operations per vector
 * instead of six, and the same bits on every binary32 input (compared
 * over all 2^32 inputs, both directions, against the select form).
 * Nothing flushes: at x = -50*2^-149, x/100 = -2^-150 lies halfway
 * between -0 and -2^-149 and its correctly rounded value is -0 (ties to
 * even; the reference takes alpha as the decimal 0.01), which is returned.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP.
 * Measured: row avx2-select of results/exhaustive/leaky_relu.csv (every binary32 input) or,
 * before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "leaky_relu/vec_leaky.h"

void AB_KERNEL(ab_leaky_relu_avx2_select_forward)(const float *x, float *y, size_t n,
                                             const ab_params *p)
{
    leaky_forward(x, y, n, p);
}

void AB_KERNEL(ab_leaky_relu_avx2_select_derivative)(const float *x, float *y, size_t n,
                                              const ab_params *p)
{
    leaky_derivative(x, y, n, p);
}
