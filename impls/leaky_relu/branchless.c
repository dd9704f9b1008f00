/* leaky_relu, branchless: select(x > 0, x, alpha*x) by mask; the product
 * is formed in double from the double alpha and rounded once, so the
 * forward is correctly rounded up to double rounding (measured bound in the
 * registry). Derivative select(x > 0, 1, alpha) with NaN passed through;
 * at 0 it is alpha (the convention of impls/activations.c).
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP.
 * Measured: row branchless of results/exhaustive/leaky_relu.csv (every binary32 input) or,
 * before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_leaky_relu_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    double alpha = p->alpha;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float scaled = (float)(alpha * (double)v);
        y[i] = ab_select(ab_mask(v > 0.0f), v, scaled);
    }
}

void ab_leaky_relu_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float slope = ab_select(ab_mask(v > 0.0f), 1.0f, alpha);
        y[i] = ab_select(ab_mask(v != v), v, slope);
    }
}
