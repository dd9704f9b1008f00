/* relu, naive: x > 0 ? x : 0 and x > 0 ? 1 : 0, as first written.
 * Exact for every ordered input; its one failure is NaN: the comparison is
 * false, so NaN returns 0 in both directions (NaN-missing class).
 * Declared bound (the registry's): forward 0 ULP (nan_missing), derivative 0 ULP
 * (nan_missing). Measured: row naive of results/exhaustive/relu.csv (every binary32 input) or,
 * before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"

void ab_relu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void ab_relu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? 1.0f : 0.0f;
}
