/* sigmoid, approx-schraudolph: 1/(1 + E(-x)) with E the Schraudolph
 * bit-trick exponential: E(t) = as_float((int32)(A*t + B)), A = 2^23/ln 2,
 * B = 127*2^23 - 361009 (scripts/sollya/approx_schraudolph.sollya: E is
 * within ±3.0 % of e^t). t is clamped to [-87, 88] so the integer stays a
 * normal float's bit pattern.
 * E stops at e^88, so y stays near 6e-39 for x < -88 where σ → 0 (no
 * flush); 1 - y rounds to 0 in the derivative for x above about 17.
 * Derivative: y(1 - y) from the approximate y, as a user of this sigmoid
 * back-propagates it. NaN propagates (the clamp keeps NaN).
 * Declared bound (the registry's): forward 4.4e+06 ULP, derivative 1.7e+07 ULP
 * (flush_to_zero). Measured: row approx-schraudolph of results/exhaustive/sigmoid.csv (every
 * binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <stdint.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

static float schraudolph_exp(float t)
{
    t = t < -87.0f ? -87.0f : t; /* NaN compares false: kept, handled below */
    t = t > 88.0f ? 88.0f : t;
    float bits = 12102203.0f * t + 1064992207.0f;
    /* NaN would make the conversion undefined: pass it through instead. */
    if (bits != bits)
        return t;
    return ab_bits_float((uint32_t)(int32_t)bits);
}

static float schraudolph_sigmoid(float v)
{
    return 1.0f / (1.0f + schraudolph_exp(-v));
}

void ab_sigmoid_approx_schraudolph_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = schraudolph_sigmoid(x[i]);
}

void ab_sigmoid_approx_schraudolph_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float s = schraudolph_sigmoid(x[i]);
        y[i] = s * (1.0f - s);
    }
}
