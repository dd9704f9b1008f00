/* hardsigmoid, branchless: t = x+3 clamped to [0, 6] by masks (NaN passes
 * both), y = t/6, in DOUBLE (x+3 carries a relative error near 2^-53 at most)
 * and rounded once: correctly rounded except in double-rounding cases.
 * Derivative select(-3 < x < 3, 1/6, 0) with NaN passed through; at +-3 it
 * is 0. Measured bound in the registry.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row branchless
 * of results/exhaustive/hardsigmoid.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_hardsigmoid_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        v = ab_select(ab_mask(v < -3.0f), -3.0f, v);
        v = ab_select(ab_mask(v > 3.0f), 3.0f, v);
        y[i] = (float)(((double)v + 3.0) / 6.0);
    }
}

void ab_hardsigmoid_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float slope = ab_select(ab_mask((v > -3.0f) & (v < 3.0f)), 1.0f / 6.0f, 0.0f);
        y[i] = ab_select(ab_mask(v != v), v, slope);
    }
}
