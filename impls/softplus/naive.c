/* softplus, naive: logf(1+expf(beta*x))/beta and 1/(1+expf(-beta*x)).
 * Failures: expf overflows for beta*x > 88.72 and the result is +inf where
 * the true value is ~x (inf where finite); 1+expf(x) rounds to 1 for
 * beta*x < -16.6 and the result is 0 where the true value ~e^x is a normal
 * float (flush to zero); just above, 1+e^x keeps few bits of e^x (large
 * relative error). Measured bound in the registry.
 * Declared bound (the registry's): forward 5e+43 ULP (inf_where_finite, flush_to_zero),
 * derivative 3e+06 ULP (flush_to_zero). Measured: row naive of results/exhaustive/softplus.csv
 * (every binary32 input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
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
