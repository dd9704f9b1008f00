/* tanh, approx-rational: x P(x²)/Q(x²) with P, Q of degree 3 in x², clamped
 * to exactly ±1 for |x| > 6. Q is the [5/6] Padé denominator (Lambert's
 * continued fraction), P its relative-minimax refit on [0, 6]
 * (scripts/sollya/approx_tanh_rational.sollya: relative error 5.9e-5 on
 * [0, 6] before float rounding; 1 - tanh(6) = 1.2e-5 beyond the clamp).
 * Measured (double reference, every 16th binary32 pattern, /tmp checker):
 * forward max 988 ULP at x = 5.2669 (y = 1.0000056: the rational OVERSHOOTS
 * 1 near the clamp), max abs error 5.9e-5 there; no FTZ. Derivative 1 - y²
 * max 6.5e7 ULP near |x| = 6 (relative error of a tiny sech²; 0 beyond the
 * clamp: FTZ), abs 1.2e-4 at x = 5.27.
 * Derivative: 1 - y² from the approximate y, as a user of this tanh
 * back-propagates it (0 beyond the clamp). NaN propagates. */
#include <math.h>

#include "actbench/actbench.h"

static float rational_tanh(float v)
{
    const float p0 = 0x1.fff85p-1f, p1 = 0x1.f0dddp-4f, p2 = 0x1.06640ap-9f, p3 = 0x1.f6b842p-21f;
    const float q1 = 0x1.d1745ep-2f, q2 = 0x1.4afd6ap-6f, q3 = 0x1.937e12p-14f;
    float a = fabsf(v);
    float c = a > 6.0f ? 6.0f : a; /* NaN compares false and stays NaN */
    float s = c * c;
    float num = c * (p0 + s * (p1 + s * (p2 + s * p3)));
    float den = 1.0f + s * (q1 + s * (q2 + s * q3));
    float r = a > 6.0f ? 1.0f : num / den;
    return copysignf(r, v);
}

void ab_tanh_approx_rational_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = rational_tanh(x[i]);
}

void ab_tanh_approx_rational_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float t = rational_tanh(x[i]);
        y[i] = 1.0f - t * t;
    }
}
