/* tanh, naive: the defining formula (e^(2x)-1)/(e^(2x)+1) with expf, and
 * 1-tanh^2 for the derivative, as first written from the textbook.
 * Failures (measured, see the registry bound): e^(2x) overflows for
 * x > 44.36 and the quotient inf/inf is NaN; e^(2x)-1 cancels for small |x|
 * (tanh(1e-7) loses most bits, tanh(x) for |x| < 2^-25 returns 0); 1-tanh^2
 * is 0 for |x| > 9.01 where sech^2 is still a normal float.
 * MEASURED: forward max 1.68e7 ULP, derivative max 1.89e7 ULP;
 * classes forward NANU|FTZ|SZ, derivative NANU|FTZ
 * (measured on every 1024th/4096th binary32 pattern + dense grid + windows around the named inputs + binade edges, vs MPFR).
 */
#include <math.h>

#include "actbench/actbench.h"

static float textbook_tanh(float x)
{
    float e2x = expf(2.0f * x);
    return (e2x - 1.0f) / (e2x + 1.0f);
}

void ab_tanh_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = textbook_tanh(x[i]);
}

void ab_tanh_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float t = textbook_tanh(x[i]);
        y[i] = 1.0f - t * t;
    }
}
