/* hardsigmoid, naive: fminf(fmaxf(x+3, 0), 6)/6 and
 * (-3 < x < 3) ? 1/6 : 0, in float. Error: x+3 rounds (up to 2^-23
 * absolute) before the division; NaN returns 0 in both directions (fmaxf
 * drops NaN; the comparison is false): NaN missing. Measured bound in the
 * registry.
 * MEASURED: forward max 1.00 ULP, derivative max 0.33 ULP;
 * classes forward NANM, derivative NANM
 * (measured on every 1024th/4096th binary32 pattern + dense grid + windows around the named inputs + binade edges, vs MPFR).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_hardsigmoid_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = fminf(fmaxf(x[i] + 3.0f, 0.0f), 6.0f) / 6.0f;
}

void ab_hardsigmoid_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = (x[i] > -3.0f && x[i] < 3.0f) ? 1.0f / 6.0f : 0.0f;
}
