/* identity, naive: y = x and a derivative of constant 1. Exact; the
 * derivative returns 1 for NaN (NaN missing).
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP (nan_missing). Measured:
 * row naive of results/exhaustive/identity.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"

void ab_identity_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i];
}

void ab_identity_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    (void)x;
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0f;
}
