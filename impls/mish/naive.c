/* mish, naive: x*tanhf(logf(1+expf(x))) in float; derivative
 * t + x*s*(1-t^2) with t = tanhf(logf(1+expf(x))), s = 1/(1+expf(-x)).
 * Failures: 1+expf(x) rounds to 1 for x < -16.6, so softplus and the result
 * are 0 where the true value (~x*e^x) is a normal float (flush to zero);
 * mish(-inf) = -inf*0 = NaN; 1-t^2 is 0 once t rounds to 1 (x > ~9).
 * Measured bound in the registry.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, flush_to_zero),
 * derivative 2e+07 ULP (nan_unexpected, flush_to_zero, signed_zero_mismatch). Measured: row
 * naive of results/exhaustive/mish.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_mish_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] * tanhf(logf(1.0f + expf(x[i])));
}

void ab_mish_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float t = tanhf(logf(1.0f + expf(v)));
        float s = 1.0f / (1.0f + expf(-v));
        y[i] = t + v * s * (1.0f - t * t);
    }
}
