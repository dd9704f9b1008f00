/* tanh, peer-libm: glibc's scalar tanhf, element by element, as a user
 * calls it; derivative 1 - t². (sigmoid, elu, gelu... from libm are what
 * our naive variants already do, so they are not repeated here.)
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2.5 ULP (worst x=0x1.dcdp-3 (0.232818604) y=0.228701279);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.205968p+3 (9.01091385) y=0) */
#include <math.h>

#include "actbench/actbench.h"

void ab_tanh_peer_libm_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = tanhf(x[i]);
}

void ab_tanh_peer_libm_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float t = tanhf(x[i]);
        y[i] = 1.0f - t * t;
    }
}
