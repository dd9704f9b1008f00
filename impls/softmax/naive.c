/* softmax, naive: s_i = expf(x_i)/sum_j expf(x_j) WITHOUT max subtraction,
 * as textbooks write it; JVP s_i*(v_i - sum_j s_j v_j) with s stored in y
 * first. Failures: expf overflows for x_i > 88.72 (inf/inf = NaN for the
 * whole row, or inf where the true value is <= 1) and every expf underflows
 * for rows below -103.97 (0/0 = NaN); the float sum adds n roundings.
 * In range the per-element error is small (expf is accurate on x_i itself).
 * Measured bound in the registry (random rows, lengths 1..1000, [-20, 20]).
 * In place (y == x): the sum pass only reads x; y[i] is written after x[i]
 * is read.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, inf_where_finite,
 * flush_to_zero), derivative 2e+07 ULP (nan_unexpected, inf_where_finite, flush_to_zero,
 * signed_zero_mismatch). Measured: row naive of results/<machine_id>/accuracy.csv (sampled
 * rows).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_softmax_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    float sum = 0.0f;
    for (size_t j = 0; j < n; j++)
        sum += expf(x[j]);
    for (size_t i = 0; i < n; i++)
        y[i] = expf(x[i]) / sum;
}

void ab_softmax_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    const float *v = p->tangent;
    ab_softmax_naive_forward(x, y, n, p);
    float dot = 0.0f;
    for (size_t j = 0; j < n; j++)
        dot += y[j] * v[j];
    for (size_t i = 0; i < n; i++)
        y[i] = y[i] * (v[i] - dot);
}
