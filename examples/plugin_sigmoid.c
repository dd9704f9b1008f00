/*
 * A complete actbench plugin: sigmoid evaluated in binary64 and rounded
 * once to binary32 ("plugin-f64"). Method: with e = exp(-|x|) in double,
 * sigmoid = 1/(1+e) for x >= 0 and e/(1+e) for x < 0, and the derivative
 * e/(1+e)^2 (no cancellation on either side). Bound: the double value is
 * within a few 2^-53 relative of the truth, so after the one rounding to
 * float the error is at most 0.5 ULP plus a few 2^-29 ULP: declared 1 ULP,
 * no error class, both directions.
 *
 * Build and use (the plugin links nothing of actbench, only libm):
 *   cc -O2 -fPIC -shared $(pkg-config --cflags actbench) plugin_sigmoid.c \
 *      -o libplugin_sigmoid.so -lm
 *   actbench --plugin ./libplugin_sigmoid.so list -a sigmoid
 *   actbench --plugin ./libplugin_sigmoid.so accuracy -a sigmoid -V plugin-f64
 */
#include <math.h>

#include <actbench/plugin.h>

static void sigmoid_f64_forward(const float *x, float *y, size_t n, const ab_params *params)
{
    (void)params;
    for (size_t i = 0; i < n; i++) {
        double e = exp(-fabs((double)x[i]));
        y[i] = (float)(x[i] >= 0 ? 1 / (1 + e) : e / (1 + e)); /* NaN stays NaN */
    }
}

static void sigmoid_f64_derivative(const float *x, float *y, size_t n, const ab_params *params)
{
    (void)params;
    for (size_t i = 0; i < n; i++) {
        double e = exp(-fabs((double)x[i]));
        y[i] = (float)(e / ((1 + e) * (1 + e)));
    }
}

static const ab_impl impls[] = {
    {"sigmoid", "plugin-f64", AB_ISA_SCALAR, sigmoid_f64_forward, sigmoid_f64_derivative,
     {1, 0}, {1, 0}, 0, "binary64 exp(-|x|), 1/(1+e) or e/(1+e); e/(1+e)^2; one rounding"},
};

static const ab_plugin plugin = {AB_PLUGIN_ABI, "plugin_sigmoid", impls,
                                 sizeof impls / sizeof impls[0]};

const ab_plugin *actbench_plugin(void)
{
    return &plugin;
}
