/* softmax, branchless: max subtraction, then two passes over
 * E_j = exp(x_j - m) in DOUBLE: the sum S (and, for the JVP, sum E_j v_j),
 * then s_i = E_i/S rounded once. Why double: x_j - m is exact in double but
 * rounds in float (up to 2^-19 absolute for a spread of 40, i.e. ~16 ULP
 * after exp); the double sum of n terms errs by ~n*2^-53. The max is a
 * mask select. NaN or +inf anywhere, or an all -inf row, make the whole
 * row NaN (inf - inf), the reference's convention. JVP:
 * s_i*(v_i - sum s_j v_j) with sum s_j v_j = (sum E_j v_j)/S. In place
 * (y == x): passes 1-2 only read x; pass 3 reads x[i] before writing y[i].
 * Measured bound in the registry (random rows, lengths 1..1000, [-20, 20]). */
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
    const float *v = p->tangent;
    double m = row_max(x, n);
    double sum = 0.0, weighted = 0.0;
    for (size_t j = 0; j < n; j++) {
        double e = exp((double)x[j] - m);
        sum += e;
        weighted += e * (double)v[j];
    }
    double inv_sum = 1.0 / sum;
    double mean_v = weighted * inv_sum;
    for (size_t i = 0; i < n; i++)
        y[i] = (float)(exp((double)x[i] - m) * inv_sum * ((double)v[i] - mean_v));
}
