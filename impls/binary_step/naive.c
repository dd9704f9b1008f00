/* binary_step, naive: x >= 0 ? 1 : 0 and a derivative of constant 0.
 * Exact for ordered inputs; NaN returns 0 in both directions (NaN missing).
 * Declared bound (the registry's): forward 0 ULP (nan_missing), derivative 0 ULP
 * (nan_missing). Measured: row naive of results/exhaustive/binary_step.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"

void ab_binary_step_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] >= 0.0f ? 1.0f : 0.0f;
}

void ab_binary_step_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    (void)x;
    for (size_t i = 0; i < n; i++)
        y[i] = 0.0f;
}
