/* sigmoid, approx-schraudolph: 1/(1 + E(-x)) with E the Schraudolph
 * bit-trick exponential: E(t) = as_float((int32)(A*t + B)), A = 2^23/ln 2,
 * B = 127*2^23 - 361009 (scripts/sollya/approx_schraudolph.sollya: E is
 * within ±3.0 % of e^t). t is clamped to [-87, 88] so the integer stays a
 * normal float's bit pattern.
 * Measured (double reference, every 16th binary32 pattern, /tmp checker):
 * forward max 4.4e6 ULP at x = -124.8 (E stops at e^88: y stays ≈ 6e-39
 * for all x < -88 where σ → 0; no FTZ), max abs error 7.5e-3 on [-10, 10]
 * near x = 0 (E's ±3 %). Derivative max 1.7e7 ULP (x = 29: 1 - y rounds
 * to 0, FTZ for x ≳ 17), abs 2.9e-3 at x = 1.36.
 * Derivative: y(1 - y) from the approximate y, as a user of this sigmoid
 * back-propagates it. NaN propagates (the clamp keeps NaN). */
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
