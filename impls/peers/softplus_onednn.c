/* softplus, peer-onednn: oneDNN's eltwise primitive, algorithm soft_relu (beta = 1 only in oneDNN 2.6: other betas give NaN);
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 6e+39 ULP, classes FTZ (worst x=-0x1.5a98p+6 (-86.6484375) y=7.62939453e-06);
 * derivative ≤ 1.5e+07 ULP, classes FTZ (worst x=-0x1.5bf8p+6 (-86.9921875) y=0) */
#include <math.h>

#include "onednn_eltwise.h"

/* oneDNN 2.6 offers beta = 1 only: any other beta gives NaN, visible rather
 * than silently wrong. */
static void softplus_onednn(ab_onednn_copy which, ab_direction dir, const float *x, float *y,
                            size_t n, const ab_params *p)
{
    if (p != NULL && p->beta != 1.0) {
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
        return;
    }
    ab_onednn_eltwise(which, dnnl_eltwise_soft_relu, 0.0f, 0.0f, dir, x, y, n);
}

void ab_softplus_peer_onednn_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_onednn(AB_ONEDNN_CAPPED, AB_FORWARD, x, y, n, p);
}

void ab_softplus_peer_onednn_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_onednn(AB_ONEDNN_CAPPED, AB_DERIVATIVE, x, y, n, p);
}

void ab_softplus_peer_onednn_native_forward(const float *x, float *y, size_t n,
                                            const ab_params *p)
{
    softplus_onednn(AB_ONEDNN_NATIVE, AB_FORWARD, x, y, n, p);
}

void ab_softplus_peer_onednn_native_derivative(const float *x, float *y, size_t n,
                                               const ab_params *p)
{
    softplus_onednn(AB_ONEDNN_NATIVE, AB_DERIVATIVE, x, y, n, p);
}
