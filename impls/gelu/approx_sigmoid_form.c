/* gelu, approx-sigmoid-form: GELU ≈ x·σ(1.702x) (Hendrycks & Gimpel's
 * sigmoid approximation), σ = 1/(1 + expf(-1.702x)) in float, registered under
 * gelu and measured against the EXACT GELU x·Φ(x). x is clamped to ≥ -60,
 * where σ(1.702x) is already exactly 0 in float, so -inf gives -0.
 * x·σ(1.702x) decays like e^-1.7x and GELU like e^-x²/2, so the relative
 * error is enormous in the left tail.
 * Derivative: the derivative of the sigmoid form as its user computes it,
 * s + 1.702·x·s(1 - s), s = σ(1.702x), x clamped to [-60, 60]; measured
 * against the exact GELU' = Φ(x) + xφ(x). NaN propagates.
 * Declared bound (the registry's): forward 2e+36 ULP (flush_to_zero), derivative 2.4e+36 ULP
 * (signed_zero_mismatch). Measured: row approx-sigmoid-form of results/exhaustive/gelu.csv
 * (every binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

static const float k = 1.702f;

void ab_gelu_approx_sigmoid_form_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        v = v < -60.0f ? -60.0f : v; /* NaN compares false and stays NaN */
        y[i] = v / (1.0f + expf(-k * v));
    }
}

void ab_gelu_approx_sigmoid_form_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        v = v < -60.0f ? -60.0f : v;
        v = v > 60.0f ? 60.0f : v;
        float s = 1.0f / (1.0f + expf(-k * v));
        y[i] = s + k * v * s * (1.0f - s);
    }
}
