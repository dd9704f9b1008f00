/* gelu, naive: 0.5*x*(1+erff(x/sqrt(2))) and Phi(x) + x*phi(x) with
 * Phi = 0.5*(1+erff(x/sqrt(2))), phi = expf(-x^2/2)/sqrt(2*pi), all float.
 * Failures: 1+erff cancels for x < 0 — below x ~ -5.3 erff rounds to -1 and
 * the result is 0 where the true value is a normal float (flush to zero);
 * gelu(-inf) = -inf*0 = NaN. Measured bound in the registry.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, flush_to_zero),
 * derivative 2e+07 ULP (nan_unexpected, flush_to_zero, signed_zero_mismatch). Measured: row
 * naive of results/exhaustive/gelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_gelu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = 0.5f * x[i] * (1.0f + erff(x[i] / sqrtf(2.0f)));
}

void ab_gelu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    const float inv_sqrt_2pi = 0.398942280f;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float cdf = 0.5f * (1.0f + erff(v / sqrtf(2.0f)));
        float pdf = inv_sqrt_2pi * expf(-0.5f * v * v);
        y[i] = cdf + v * pdf;
    }
}
