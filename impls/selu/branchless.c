/* selu, branchless: select(x > 0, lambda*x, (lambda*alpha)*expm1f(xn)) by
 * mask, xn = select(x > 0, 0, x) (no overflow, NaN passes). lambda*alpha is
 * formed in double and rounded to float once per call; lambda*x is formed
 * in double and rounded once. Derivative select(x > 0, lambda,
 * (lambda*alpha)*e^xn); at 0 it is lambda*alpha. The derivative's tail is formed in double (lambda*alpha*e^x,
 * rounded once): in float, expf(x) underflows to 0 for x < -103.97 where
 * lambda*alpha*e^x is still a subnormal float. Measured bound in the
 * registry.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row branchless
 * of results/exhaustive/selu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "actbench/actbench.h"
#include "scalar_select.h"

void ab_selu_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    double lambda = p->lambda;
    float scale_neg = (float)(p->lambda * p->alpha);
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        uint32_t positive = ab_mask(v > 0.0f);
        float negative_part = ab_select(positive, 0.0f, v);
        float linear = (float)(lambda * (double)v);
        y[i] = ab_select(positive, linear, scale_neg * expm1f(negative_part));
    }
}

void ab_selu_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float lambda = (float)p->lambda;
    double scale_neg = p->lambda * p->alpha;
    for (size_t i = 0; i < n; i++) {
        float v = x[i];
        uint32_t positive = ab_mask(v > 0.0f);
        float negative_part = ab_select(positive, 0.0f, v);
        float tail = (float)(scale_neg * exp((double)negative_part));
        y[i] = ab_select(positive, lambda, tail);
    }
}
