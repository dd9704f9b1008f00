/* softplus, naive: logf(1+expf(beta*x))/beta and 1/(1+expf(-beta*x)).
 * Failures: expf overflows for beta*x > 88.72 and the result is +inf where
 * the true value is ~x (inf where finite); 1+expf(x) rounds to 1 for
 * beta*x < -16.6 and the result is 0 where the true value ~e^x is a normal
 * float (flush to zero); just above, 1+e^x keeps few bits of e^x (large
 * relative error). Measured bound in the registry.
 * MEASURED: forward max 4.46e43 ULP, derivative max 2.10e6 ULP;
 * classes forward INF|FTZ, derivative FTZ
 * (measured on every 1024th/4096th binary32 pattern + dense grid + windows around the named inputs + binade edges, vs MPFR).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_softplus_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++)
        y[i] = logf(1.0f + expf(beta * x[i])) / beta;
}

void ab_softplus_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float beta = (float)p->beta;
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0f / (1.0f + expf(-beta * x[i]));
}
