/* identity, branchless: y = x; derivative 1 with NaN passed through by mask.
 * Exact in both directions.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row branchless
 * of results/exhaustive/identity.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_identity_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i];
}

void ab_identity_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        y[i] = ab_select(ab_mask(v != v), v, 1.0f);
    }
}
