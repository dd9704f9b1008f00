/* softsign, naive: x/(1+|x|) and 1/((1+|x|)*(1+|x|)) in float.
 * Failures: softsign(+-inf) = inf/inf = NaN; the derivative's square
 * overflows for |x| > 1.8e19 and returns 0 where the true 1/x^2 is a normal
 * or subnormal float (flush to zero). Measured bound in the registry.
 * MEASURED: forward max 1.48 ULP, derivative max 2.10e6 ULP;
 * classes forward NANU, derivative FTZ
 * (measured on every 1024th/4096th binary32 pattern + dense grid + windows around the named inputs + binade edges, vs MPFR).
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
