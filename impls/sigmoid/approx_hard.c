/* sigmoid, approx-hard: hardsigmoid min(max(x+3, 0), 6)/6 deployed as a
 * stand-in for sigmoid (MobileNetV3-style), measured against the true σ.
 * Measured (double reference, every 16th binary32 pattern, /tmp checker):
 * forward max 1.68e7 ULP (returns exactly 0 below x = -3 where σ ≥ 0.047:
 * FTZ class, 100 % relative error; worst listed x = -4.14), max abs error
 * 0.069 on [-10, 10] at x = -1.32. Derivative max 3.3e7 ULP (x → ±3⁻, 1/6
 * where σ' = 0.045), abs 0.121 at x = 3⁻; 0 outside (-3, 3) (FTZ).
 * Derivative: the derivative of the stand-in, 1/6 on (-3, 3) and 0 outside
 * (0 at ±3), i.e. what a user of hardsigmoid back-propagates; measured
 * against the true σ'. NaN propagates in both directions. */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_sigmoid_approx_hard_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float t = x[i] + 3.0f;
        t = t < 0.0f ? 0.0f : t; /* NaN: the comparisons are false, NaN stays */
        t = t > 6.0f ? 6.0f : t;
        y[i] = t * (1.0f / 6.0f);
    }
}

void ab_sigmoid_approx_hard_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float inside = ab_select(ab_mask(fabsf(v) < 3.0f), 1.0f / 6.0f, 0.0f);
        y[i] = isnan(v) ? v : inside;
    }
}
