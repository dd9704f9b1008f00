/* softmax, branchless: max subtraction, then two passes over
 * E_j = exp(x_j - m) in DOUBLE: the sum S (and, for the JVP, sum E_j v_j),
 * then s_i = E_i/S rounded once. Why double: x_j - m is exact in double but
 * rounds in float (up to 2^-19 absolute for a spread of 40, i.e. ~16 ULP
 * after exp); the double sum of n terms errs by ~n*2^-53. The max is a
 * mask select. NaN or +inf anywhere, or an all -inf row, make the whole
 * row NaN (inf - inf), the reference's convention. JVP:
 * s_i*(v_i - sum s_j v_j), the difference rewritten without its
 * cancellation (see the derivative). In place
 * (y == x): passes 1-2 only read x; pass 3 reads x[i] before writing y[i].
 * Measured bound in the registry (random rows, lengths 1..1000, [-20, 20]).
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row branchless of results/<machine_id>/accuracy.csv (sampled rows).
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

void ab_softmax_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    double m = row_max(x, n);
    double sum = 0.0;
    for (size_t j = 0; j < n; j++)
        sum += exp((double)x[j] - m);
    double inv_sum = 1.0 / sum;
    for (size_t i = 0; i < n; i++)
        y[i] = (float)(exp((double)x[i] - m) * inv_sum);
}

void ab_softmax_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
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
        y[i] = (float)(exp((double)x[i] - m) / sum * (centred / sum));
    }
}
