/* sigmoid, approx-hard: hardsigmoid min(max(x+3, 0), 6)/6 deployed as a
 * stand-in for sigmoid (MobileNetV3-style), measured against the true σ.
 * Error (vs σ, checker over every 16th binary32 pattern, MPFR-confirmed at
 * the worst case): FILLED IN BELOW FROM MEASUREMENT.
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
