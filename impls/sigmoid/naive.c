/* sigmoid, naive: the textbook 1/(1+expf(-x)) and σ(1-σ).
 * Error: forward ≤ ~2 ULP where e^-x is finite; for x < -88.72 expf(-x)
 * overflows and the result is 0 where the true value is a normal or
 * subnormal float (flush-to-zero class). Derivative: σ(1-σ) cancels for
 * x ≳ 17 (1-σ rounds to 0: returns 0 where e^-x is ~1e-8) and loses
 * relative accuracy for large positive x; see the registry bound.
 * Declared bound (the registry's): forward 3e+06 ULP (flush_to_zero), derivative 2e+07 ULP
 * (flush_to_zero). Measured: row naive of results/exhaustive/sigmoid.csv (every binary32
 * input) or, before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"

void ab_sigmoid_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0f / (1.0f + expf(-x[i]));
}

void ab_sigmoid_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        float s = 1.0f / (1.0f + expf(-x[i]));
        y[i] = s * (1.0f - s);
    }
}
