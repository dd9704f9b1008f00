/* sigmoid, branchless: e = expf(-|x|) never overflows; σ(x) = 1/(1+e) for
 * x ≥ 0 and e/(1+e) for x < 0, chosen by mask. Subnormal results come from
 * expf's own subnormal output (no flush). Derivative e/(1+e)^2, which has no
 * cancellation in either tail. Error: forward ≤ 1.5u relative (expf ≤ 0.5
 * ULP in glibc, 1 + e and the division 0.5u each), so ≤ 3 ULP; derivative ≤
 * 3u relative (e/(1+e) twice, the square and the division), so ≤ 6 ULP (a
 * relative u is up to 2 ULP at the bottom of a binade).
 * Declared bound (the registry's): forward 3 ULP, derivative 4.3 ULP. Measured: row branchless
 * of results/exhaustive/sigmoid.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_sigmoid_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        float e = expf(-fabsf(v));
        float d = 1.0f + e;
        y[i] = ab_select(ab_mask(v >= 0.0f), 1.0f, e) / d;
    }
}

void ab_sigmoid_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float e = expf(-fabsf(x[i]));
        float d = 1.0f + e;
        y[i] = e / (d * d);
    }
}
