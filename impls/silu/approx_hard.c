/* silu, approx-hard: hardswish x * min(max(βx + 3, 0), 6)/6 deployed as a
 * stand-in for silu (MobileNetV3-style; with the default β = 1 it is exactly
 * hardswish), measured against the true x·σ(βx).
 * It returns -0 below x = -3, where silu is still -0.14 (flush-to-zero
 * class).
 * Derivative: the derivative of the stand-in, 0 for βx ≤ -3, 1 for βx ≥ 3,
 * (2βx + 3)/6 between (PyTorch's hardswish backward uses the same
 * closed/open ends), measured against the true silu'. NaN propagates.
 * Declared bound (the registry's): forward 1.7e+07 ULP (flush_to_zero), derivative 3.4e+14 ULP
 * (flush_to_zero, signed_zero_mismatch). Measured: row approx-hard of
 * results/exhaustive/silu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_silu_approx_hard_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float t = beta * v + 3.0f;
        t = t < 0.0f ? 0.0f : t; /* NaN compares false and stays NaN */
        t = t > 6.0f ? 6.0f : t;
        /* t == 0: -0 as silu rounds there, and no -inf * 0 = NaN at -inf. */
        y[i] = t == 0.0f ? -0.0f : v * (t * (1.0f / 6.0f)); /* t/6 first: no overflow */
    }
}

void ab_silu_approx_hard_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++) {
        float u = beta * x[i];
        float d = (2.0f * u + 3.0f) * (1.0f / 6.0f);
        d = u <= -3.0f ? 0.0f : d;
        d = u >= 3.0f ? 1.0f : d;
        y[i] = d; /* NaN: both comparisons false, d is NaN */
    }
}
