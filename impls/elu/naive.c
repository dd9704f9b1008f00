/* elu, naive: x > 0 ? x : alpha*(expf(x)-1) and x > 0 ? 1 : alpha*expf(x).
 * Failure: expf(x)-1 cancels for small negative x — for -2^-25 < x < 0 it
 * returns 0 (or -2^-24...) where the true value is about alpha*x, so the
 * relative error is total near 0 (see the registry bound, measured).
 * Declared bound (the registry's): forward 2e+07 ULP (flush_to_zero, signed_zero_mismatch),
 * derivative 1 ULP. Measured: row naive of results/exhaustive/elu.csv (every binary32 input)
 * or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_elu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? x[i] : alpha * (expf(x[i]) - 1.0f);
}

void ab_elu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] > 0.0f ? 1.0f : alpha * expf(x[i]);
}
