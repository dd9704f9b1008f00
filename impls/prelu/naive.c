/* prelu, naive: x > 0 ? x : a*x in float, a = channel_alpha[i % channels]
 * (or the scalar alpha rounded to float when there are no channels);
 * derivative x > 0 ? 1 : a. Error: one rounding of the float product (plus
 * the rounding of a scalar alpha); NaN: the derivative returns a (NaN
 * missing). Measured bound in the registry.
 * Declared bound (the registry's): forward 1 ULP, derivative 0 ULP (nan_missing). Measured:
 * row naive of results/exhaustive/prelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"

void ab_prelu_naive_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float scalar_alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++) {
        float a = p->channel_alpha != NULL && p->channels != 0
                      ? p->channel_alpha[i % p->channels] : scalar_alpha;
        y[i] = x[i] > 0.0f ? x[i] : a * x[i];
    }
}

void ab_prelu_naive_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    float scalar_alpha = (float)p->alpha;
    for (size_t i = 0; i < n; i++) {
        float a = p->channel_alpha != NULL && p->channels != 0
                      ? p->channel_alpha[i % p->channels] : scalar_alpha;
        y[i] = x[i] > 0.0f ? 1.0f : a;
    }
}
