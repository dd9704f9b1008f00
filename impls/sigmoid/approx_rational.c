/* sigmoid, approx-rational: σ(x) = (1 + t(x/2))/2 with t the rational tanh
 * of impls/tanh/approx_rational.c: x P(x²)/Q(x²), P and Q of degree 3 in x²,
 * clamped to exactly ±1 for |x| > 6, so σ saturates to exactly 0 and 1 for
 * |x| > 12. Q is the [5/6] Padé denominator (Lambert's
 * continued fraction), P its relative-minimax refit on [0, 6]
 * (scripts/sollya/approx_tanh_rational.sollya: relative error 5.9e-5 on
 * [0, 6] before float rounding; 1 - tanh(6) = 1.2e-5 beyond the clamp).
 * It returns exactly 0 below x = -12 (flush-to-zero class).
 * The form has absolute, not relative, accuracy: for x ≪ 0 the result is
 * 1/2 - t/2 with t near 1, so the relative error grows like e^-x.
 * Derivative: y(1 - y) from the approximate y, as a user of this sigmoid
 * back-propagates it (0 beyond the clamp). NaN propagates.
 * Declared bound (the registry's): forward 6.5e+07 ULP (flush_to_zero), derivative 6.5e+07 ULP
 * (flush_to_zero). Measured: row approx-rational of results/exhaustive/sigmoid.csv (every
 * binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "approx_rational_tanh.h"

void ab_sigmoid_approx_rational_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = 0.5f + 0.5f * ab_approx_rational_tanhf(0.5f * x[i]);
}

void ab_sigmoid_approx_rational_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float s = 0.5f + 0.5f * ab_approx_rational_tanhf(0.5f * x[i]);
        y[i] = s * (1.0f - s);
    }
}
