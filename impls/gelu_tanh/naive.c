/* gelu_tanh, naive: 0.5*x*(1+tanhf(sqrt(2/pi)*(x+0.044715*x^3))) in float;
 * derivative 0.5*(1+t) + 0.5*x*(1-t^2)*sqrt(2/pi)*(1+3*0.044715*x^2).
 * Failures: 1+tanh cancels for x < 0 (returns 0 below x ~ -4.5... where the
 * true value is still a normal float: flush to zero), 1-t^2 is 0 once
 * tanh rounds to +-1, x^3 overflows for |x| > 7e12, and gelu_tanh(-inf) =
 * -inf*0 = NaN. Measured bound in the registry.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, flush_to_zero),
 * derivative 2.3e+07 ULP (nan_unexpected, flush_to_zero, signed_zero_mismatch). Measured: row
 * naive of results/exhaustive/gelu_tanh.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

static const float sqrt_2_over_pi = 0.797884561f;

void ab_gelu_tanh_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        y[i] = 0.5f * v * (1.0f + tanhf(sqrt_2_over_pi * (v + 0.044715f * v * v * v)));
    }
}

void ab_gelu_tanh_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float t = tanhf(sqrt_2_over_pi * (v + 0.044715f * v * v * v));
        y[i] = 0.5f * (1.0f + t) +
               0.5f * v * (1.0f - t * t) * sqrt_2_over_pi * (1.0f + 3.0f * 0.044715f * v * v);
    }
}
