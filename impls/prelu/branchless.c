/* prelu, branchless: select(x > 0, x, a*x) by mask, the product formed in
 * double and rounded once (exact in double for a float channel alpha, so
 * correctly rounded). The channel index advances with a wrap-around counter
 * (a branch on the index, never on the data). Derivative select(x > 0, 1, a),
 * NaN passed through; at 0 it is a. Measured bound in the registry.
 * Declared bound (the registry's): forward 1 ULP, derivative 0 ULP. Measured: row branchless
 * of results/exhaustive/prelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "scalar_select.h"

static inline float prelu_value(float v, double a)
{
    return ab_select(ab_mask(v > 0.0f), v, (float)(a * (double)v));
}

static inline float prelu_slope(float v, float a)
{
    float slope = ab_select(ab_mask(v > 0.0f), 1.0f, a);
    return ab_select(ab_mask(v != v), v, slope);
}

void ab_prelu_branchless_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->channel_alpha == NULL || p->channels == 0) {
        for (size_t i = 0; i < n; i++)
            y[i] = prelu_value(x[i], p->alpha);
        return;
    }
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        y[i] = prelu_value(x[i], (double)p->channel_alpha[c]);
        if (++c == p->channels)
            c = 0;
    }
}

void ab_prelu_branchless_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->channel_alpha == NULL || p->channels == 0) {
        float a = (float)p->alpha;
        for (size_t i = 0; i < n; i++)
            y[i] = prelu_slope(x[i], a);
        return;
    }
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        y[i] = prelu_slope(x[i], p->channel_alpha[c]);
        if (++c == p->channels)
            c = 0;
    }
}
