/* elu, branchless: select(x > 0, x, alpha*expm1f(xn)) by mask, where
 * xn = select(x > 0, 0, x) keeps expm1f away from overflow and lets NaN
 * through. expm1f has no cancellation near 0. Derivative
 * select(x > 0, 1, alpha*expf(xn)); at 0 it is alpha. Error: expm1f/expf,
 * the float alpha and the product (measured bound in the registry).
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row branchless
 * of results/exhaustive/elu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_elu_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        uint32_t positive = ab_mask(v > 0.0f);
        float negative_part = ab_select(positive, 0.0f, v);
        y[i] = ab_select(positive, v, alpha * expm1f(negative_part));
    }
}

void ab_elu_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        uint32_t positive = ab_mask(v > 0.0f);
        float negative_part = ab_select(positive, 0.0f, v);
        y[i] = ab_select(positive, 1.0f, alpha * expf(negative_part));
    }
}
