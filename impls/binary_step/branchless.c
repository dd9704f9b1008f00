/* binary_step, branchless: select(x >= 0, 1, +0) by mask (step(-0) = 1),
 * derivative +0; NaN is passed through in both directions. Exact.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row branchless
 * of results/exhaustive/binary_step.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_binary_step_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float step = ab_select(ab_mask(v >= 0.0f), 1.0f, 0.0f);
        y[i] = ab_select(ab_mask(v != v), v, step);
    }
}

void ab_binary_step_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        y[i] = ab_select(ab_mask(v != v), v, 0.0f);
    }
}
