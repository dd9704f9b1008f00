/* softsign, naive: x/(1+|x|) and 1/((1+|x|)*(1+|x|)) in float.
 * Failures: softsign(+-inf) = inf/inf = NaN; the derivative's square
 * overflows for |x| > 1.8e19 and returns 0 where the true 1/x^2 is a normal
 * or subnormal float (flush to zero). Measured bound in the registry.
 * Declared bound (the registry's): forward 2 ULP (nan_unexpected), derivative 3e+06 ULP
 * (flush_to_zero). Measured: row naive of results/exhaustive/softsign.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_softsign_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] / (1.0f + fabsf(x[i]));
}

void ab_softsign_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float d = 1.0f + fabsf(x[i]);
        y[i] = 1.0f / (d * d);
    }
}
