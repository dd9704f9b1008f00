/* hardsigmoid, naive: fminf(fmaxf(x+3, 0), 6)/6 and
 * (-3 < x < 3) ? 1/6 : 0, in float. Error: x+3 rounds (up to 2^-23
 * absolute) before the division; NaN returns 0 in both directions (fmaxf
 * drops NaN; the comparison is false): NaN missing. Measured bound in the
 * registry.
 * Declared bound (the registry's): forward 1 ULP (nan_missing), derivative 0.5 ULP
 * (nan_missing). Measured: row naive of results/exhaustive/hardsigmoid.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
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
