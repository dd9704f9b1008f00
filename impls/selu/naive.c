/* selu, naive: lambda*(x > 0 ? x : alpha*(expf(x)-1)) in float, derivative
 * lambda*(x > 0 ? 1 : alpha*expf(x)). Same cancellation as naive ELU near
 * 0-: for -2^-25 < x < 0 it returns 0 where the true value is about
 * lambda*alpha*x (measured bound in the registry).
 * Declared bound (the registry's): forward 2e+07 ULP (inf_where_finite, flush_to_zero,
 * signed_zero_mismatch), derivative 2 ULP (flush_to_zero). Measured: row naive of
 * results/exhaustive/selu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_selu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha, lambda = (float)p->lambda;
    for (size_t i = 0; i < n; i++)
        y[i] = lambda * (x[i] > 0.0f ? x[i] : alpha * (expf(x[i]) - 1.0f));
}

void ab_selu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha, lambda = (float)p->lambda;
    for (size_t i = 0; i < n; i++)
        y[i] = lambda * (x[i] > 0.0f ? 1.0f : alpha * expf(x[i]));
}
