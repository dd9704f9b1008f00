/* hardswish, naive: x*fminf(fmaxf(x+3, 0), 6)/6 in float; derivative
 * x < -3 ? 0 : x > 3 ? 1 : (2x+3)/6. Failures: x*6 overflows for
 * x > FLT_MAX/6 (inf where finite); hardswish(-inf) = -inf*0 = NaN; x+3 and
 * the product round before the division. Measured bound in the registry.
 * Declared bound (the registry's): forward 6e+07 ULP (nan_unexpected, inf_where_finite,
 * flush_to_zero), derivative 1 ULP. Measured: row naive of results/exhaustive/hardswish.csv
 * (every binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_hardswish_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] * fminf(fmaxf(x[i] + 3.0f, 0.0f), 6.0f) / 6.0f;
}

void ab_hardswish_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        y[i] = v < -3.0f ? 0.0f : v > 3.0f ? 1.0f : (2.0f * v + 3.0f) / 6.0f;
    }
}
