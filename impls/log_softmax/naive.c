/* log_softmax, naive: logf(expf(x_i)/sum_j expf(x_j)), the log of the
 * textbook softmax, no max subtraction; JVP v_i - sum_j s_j v_j with
 * s_j = expf(x_j)/sum. Failures: as naive softmax (overflow above 88.72:
 * NaN or inf; underflow below -103.97: log(0) = -inf or NaN), and
 * expf(x_i)/sum underflows to 0 for x_i far below the row's maximum (e.g.
 * a spread > ~104), giving -inf where the true value is about x_i - max.
 * Measured bound in the registry (random rows, lengths 1..1000, [-20, 20]).
 * In place: the sum pass only reads x; y[i] is written after x[i] is read.
 * Declared bound (the registry's): forward 8e+44 ULP (nan_unexpected, inf_where_finite,
 * flush_to_zero, signed_zero_mismatch), derivative 2e+07 ULP (nan_unexpected,
 * inf_where_finite, flush_to_zero, signed_zero_mismatch). Measured: row naive of
 * results/<machine_id>/accuracy.csv (sampled rows).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_log_softmax_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    float sum = 0.0f;
    for (size_t j = 0; j < n; j++)
        sum += expf(x[j]);
    for (size_t i = 0; i < n; i++)
        y[i] = logf(expf(x[i]) / sum);
}

void ab_log_softmax_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    const float *v = p->tangent;
    float sum = 0.0f;
    for (size_t j = 0; j < n; j++)
        sum += expf(x[j]);
    float dot = 0.0f;
    for (size_t j = 0; j < n; j++)
        dot += expf(x[j]) / sum * v[j];
    for (size_t i = 0; i < n; i++)
        y[i] = v[i] - dot;
}
