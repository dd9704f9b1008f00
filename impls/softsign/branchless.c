/* softsign, branchless: x/(1+|x|) and r*r with r = 1/(1+|x|), evaluated in
 * DOUBLE and rounded once: 1+|x| is exact in double for |x| < 2^29 and the
 * double quotient then rounds to the correctly rounded float except in
 * double-rounding cases; r*r cannot overflow or lose the subnormal tail in
 * double. |x| is clamped to 2^40 by mask (NaN passes) so that +-inf give
 * +-1 (softsign(2^40) already rounds to 1); the derivative needs no clamp
 * (1/inf = 0). Measured bound in the registry.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row branchless
 * of results/exhaustive/softsign.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_softsign_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float magnitude = fabsf(v);
        magnitude = ab_select(ab_mask(magnitude > 0x1p40f), 0x1p40f, magnitude);
        double a = magnitude;
        y[i] = copysignf((float)(a / (1.0 + a)), v);
    }
}

void ab_softsign_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        double r = 1.0 / (1.0 + fabs((double)x[i]));
        y[i] = (float)(r * r);
    }
}
