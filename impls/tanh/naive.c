/* tanh, naive: the defining formula (e^(2x)-1)/(e^(2x)+1) with expf, and
 * 1-tanh^2 for the derivative, as first written from the textbook.
 * Failures (measured, see the registry bound): e^(2x) overflows for
 * x > 44.36 and the quotient inf/inf is NaN; e^(2x)-1 cancels for small |x|
 * (tanh(1e-7) loses most bits, tanh(x) for |x| < 2^-25 returns 0); 1-tanh^2
 * is 0 for |x| > 9.01 where sech^2 is still a normal float.
 * Declared bound (the registry's): forward 2e+07 ULP (nan_unexpected, flush_to_zero,
 * signed_zero_mismatch), derivative 2e+07 ULP (nan_unexpected, flush_to_zero). Measured: row
 * naive of results/exhaustive/tanh.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
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
