/* sigmoid, approx-hard: hardsigmoid min(max(x+3, 0), 6)/6 deployed as a
 * stand-in for sigmoid (MobileNetV3-style), measured against the true σ.
 * It returns exactly 0 below x = -3, where σ is still 0.047 (flush-to-zero
 * class, 100 % relative error).
 * Derivative: the derivative of the stand-in, 1/6 on (-3, 3) and 0 outside
 * (0 at ±3), i.e. what a user of hardsigmoid back-propagates; measured
 * against the true σ'. NaN propagates in both directions.
 * Declared bound (the registry's): forward 1.7e+07 ULP (flush_to_zero), derivative 3.3e+07 ULP
 * (flush_to_zero). Measured: row approx-hard of results/exhaustive/sigmoid.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
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
