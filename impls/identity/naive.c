/* identity, naive: y = x and a derivative of constant 1. Exact; the
 * derivative returns 1 for NaN (NaN missing).
 * MEASURED: forward max 0 ULP, derivative max 0 ULP;
 * classes forward NONE, derivative NANM
 * (measured on every 1024th/4096th binary32 pattern + dense grid + windows around the named inputs + binade edges, vs MPFR).
 */
#include "actbench/actbench.h"

void ab_identity_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i];
}

void ab_identity_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    (void)x;
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0f;
}
