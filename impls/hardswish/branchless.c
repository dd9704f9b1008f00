/* hardswish, branchless: x*clamp(x+3, 0, 6)/6 in DOUBLE, rounded once: the
 * double x+3 and x*(x+3) carry relative errors near 2^-53, so the result is
 * correctly rounded but for double-rounding cases. Masks (NaN passes every
 * one) replace x < -3 by -3, which gives -3*0 = -0 (so -inf gives -0, not
 * -inf*0), and cap the factor at x = 3, so x > 3 gives x*6/6 = x exactly.
 * Derivative select(x < -3, 0, select(x > 3, 1, (2x+3)/6)), (2x+3)/6 in
 * double; NaN passes because both comparisons are false; at -3 it is -1/2,
 * at 3 it is 3/2. Measured bound in the registry.
 * Declared bound (the registry's): forward 1 ULP (flush_to_zero), derivative 1 ULP. Measured:
 * row branchless of results/exhaustive/hardswish.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_hardswish_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float low = ab_select(ab_mask(v < -3.0f), -3.0f, v);
        float capped = ab_select(ab_mask(low > 3.0f), 3.0f, low);
        double relu6 = (double)capped + 3.0;
        y[i] = (float)((double)low * relu6 / 6.0);
    }
}

void ab_hardswish_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float middle = (float)((2.0 * (double)v + 3.0) / 6.0);
        float slope = ab_select(ab_mask(v > 3.0f), 1.0f, middle);
        y[i] = ab_select(ab_mask(v < -3.0f), 0.0f, slope);
    }
}
