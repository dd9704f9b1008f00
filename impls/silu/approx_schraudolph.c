/* silu, approx-schraudolph: x * 1/(1 + E(-βx)) with E the Schraudolph
 * bit-trick exponential: E(t) = as_float((int32)(A*t + B)), A = 2^23/ln 2,
 * B = 127*2^23 - 361009 (scripts/sollya/approx_schraudolph.sollya: E is
 * within ±3.0 % of e^t). t is clamped to [-87, 88] so the integer stays a
 * normal float's bit pattern.
 * Derivative: s + βx s(1 - s) with s the approximate σ(βx), as a user of
 * this silu back-propagates it. NaN propagates.
 * Declared bound (the registry's): forward 4.4e+08 ULP, derivative 7e+11 ULP. Measured: row
 * approx-schraudolph of results/exhaustive/silu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include <stdint.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

static float schraudolph_exp(float t)
{
    t = t < -87.0f ? -87.0f : t;
    t = t > 88.0f ? 88.0f : t;
    float bits = 12102203.0f * t + 1064992207.0f;
    if (bits != bits) /* NaN: the conversion would be undefined */
        return t;
    return ab_bits_float((uint32_t)(int32_t)bits);
}

void ab_silu_approx_schraudolph_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        /* Below -100 the result is already wrong by ~4e8 ULP (E stops at
         * e^88); the clamp only keeps -inf from giving -inf. NaN passes. */
        v = v < -100.0f ? -100.0f : v;
        y[i] = v / (1.0f + schraudolph_exp(-beta * v));
    }
}

void ab_silu_approx_schraudolph_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        v = v < -100.0f ? -100.0f : v; /* -inf * 0 would be NaN */
        v = v > 100.0f ? 100.0f : v;
        float s = 1.0f / (1.0f + schraudolph_exp(-beta * v));
        y[i] = s + beta * v * s * (1.0f - s);
    }
}
