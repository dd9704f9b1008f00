/* tanh, approx-rational: x P(x²)/Q(x²) with P, Q of degree 3 in x², clamped
 * to exactly ±1 for |x| > 6. Q is the [5/6] Padé denominator (Lambert's
 * continued fraction), P its relative-minimax refit on [0, 6]
 * (scripts/sollya/approx_tanh_rational.sollya: relative error 5.9e-5 on
 * [0, 6] before float rounding; 1 - tanh(6) = 1.2e-5 beyond the clamp).
 * The rational overshoots 1 slightly near the clamp.
 * Derivative: 1 - y² from the approximate y, as a user of this tanh
 * back-propagates it (0 beyond the clamp). NaN propagates.
 * Declared bound (the registry's): forward 990 ULP, derivative 6.5e+07 ULP (flush_to_zero).
 * Measured: row approx-rational of results/exhaustive/tanh.csv (every binary32 input) or,
 * before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "approx_rational_tanh.h"

void ab_tanh_approx_rational_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = ab_approx_rational_tanhf(x[i]);
}

void ab_tanh_approx_rational_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float t = ab_approx_rational_tanhf(x[i]);
        y[i] = 1.0f - t * t;
    }
}
