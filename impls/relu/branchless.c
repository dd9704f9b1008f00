/* relu, branchless: a mask keeps x where !(x <= 0) — which is true for NaN,
 * so NaN propagates — and +0 elsewhere (relu(-0) = +0, relu'(0) = 0).
 * Exact (0 ULP) in both directions. fmaxf is avoided: it drops NaN.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row branchless
 * of results/exhaustive/relu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_relu_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        y[i] = ab_select(ab_mask(!(v <= 0.0f)), v, 0.0f);
    }
}

void ab_relu_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float step = ab_select(ab_mask(v > 0.0f), 1.0f, 0.0f);
        y[i] = ab_select(ab_mask(v != v), v, step);
    }
}
