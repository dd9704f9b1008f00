/* silu, naive: x/(1+expf(-beta*x)) and s + beta*x*s*(1-s) with
 * s = 1/(1+expf(-beta*x)), all float. Failures: for beta*x < -88.72
 * expf overflows and the result is 0 where the true value is a subnormal
 * or normal float (flush to zero); silu(-inf) = -inf/inf = NaN; the
 * derivative's 1-s cancels for beta*x > 17. Measured bound in the registry.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, flush_to_zero),
 * derivative 6e+07 ULP (nan_unexpected, flush_to_zero, signed_zero_mismatch). Measured: row
 * naive of results/exhaustive/silu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_silu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] / (1.0f + expf(-beta * x[i]));
}

void ab_silu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++) {
        float s = 1.0f / (1.0f + expf(-beta * x[i]));
        y[i] = s + beta * x[i] * s * (1.0f - s);
    }
}
