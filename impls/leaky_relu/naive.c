/* leaky_relu, naive: x > 0 ? x : alpha*x with alpha rounded to float; the
 * derivative x > 0 ? 1 : alpha. Forward error: the float alpha and the
 * product, each one rounding (see the registry bound, measured). NaN:
 * forward propagates (alpha*NaN), derivative returns alpha (NaN missing).
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP
 * (nan_missing). Measured: row naive of results/exhaustive/leaky_relu.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"

void ab_leaky_relu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? x[i] : alpha * x[i];
}

void ab_leaky_relu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? 1.0f : alpha;
}
