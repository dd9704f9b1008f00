/* log_softmax, branchless: (x_i - m) - log(S), m = max_j x_j (mask select),
 * S = sum_j exp(x_j - m), in DOUBLE and rounded once: x_i - m is exact
 * there, and both terms are <= 0, so the subtraction cannot cancel.
 * log S is taken as log1p((ties - 1) + below), where ties counts the
 * entries equal to m (each contributes exactly 1) and below sums the
 * others: for a unique maximum, -log S = -log1p(below) keeps its relative
 * accuracy even when below < 2^-53 (log(1 + below) would return 0).
 * JVP v_i - sum_j s_j v_j, rewritten without its cancellation (see the
 * derivative). NaN or +inf anywhere, or an all -inf row,
 * make the whole row NaN (inf - inf), the reference's convention; a masked
 * x_i = -inf gives -inf. In place (y == x): the sum pass only reads x;
 * y[i] is written after x[i] is read. Measured bound in the registry
 * (random rows, lengths 1..1000, [-20, 20]).
 * Declared bound (the registry's): forward 1 ULP (signed_zero_mismatch), derivative 1 ULP
 * (signed_zero_mismatch). Measured: row branchless of results/<machine_id>/accuracy.csv
 * (sampled rows).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

static float row_max(const float *x, size_t n)
{
    float m = -INFINITY;
    for (size_t j = 0; j < n; j++)
        m = ab_select(ab_mask(x[j] > m), x[j], m);
    return m;
}

void ab_log_softmax_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    double m = row_max(x, n);
    double ties = 0.0, below_max = 0.0;
    for (size_t j = 0; j < n; j++) {
        double d = (double)x[j] - m;
        double at_max = d == 0.0;
        ties += at_max;
        below_max += (1.0 - at_max) * exp(d);
    }
    double log_sum = log1p((ties - 1.0) + below_max);
    for (size_t i = 0; i < n; i++)
        y[i] = (float)(((double)x[i] - m) - log_sum);
}

void ab_log_softmax_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    /* v_i - sum_j s_j v_j cancels when one entry dominates; with k the
     * (first) maximum, R = sum_(j!=k) E_j and W = sum_(j!=k) E_j v_j it is
     * ((v_i - v_k) + (v_i R - W))/(1 + R): v_i - v_k is exact in double and
     * v_i R - W carries only errors relative to R, the size of the result. */
    const float *v = p->tangent;
    size_t top = 0;
    float m = -INFINITY;
    for (size_t j = 0; j < n; j++) {
        size_t greater = (size_t)0 - (size_t)(x[j] > m);
        m = ab_select((uint32_t)greater, x[j], m);
        top = (j & greater) | (top & ~greater);
    }
    double v_top = n > 0 ? (double)v[top] : 0.0;
    double rest = 0.0, weighted_rest = 0.0;
    for (size_t j = 0; j < n; j++) {
        double others = (double)(j != top);
        double e = others * exp((double)x[j] - (double)m);
        rest += e;
        weighted_rest += e * (double)v[j];
    }
    double sum = 1.0 + rest;
    for (size_t i = 0; i < n; i++) {
        double centred = ((double)v[i] - v_top) + ((double)v[i] * rest - weighted_rest);
        y[i] = (float)(centred / sum);
    }
}
