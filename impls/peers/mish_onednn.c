/* mish, peer-onednn: oneDNN's eltwise primitive, algorithm mish;
 * derivative from the eltwise backward primitive with diff_dst = 1. oneDNN
 * picks its own ISA (AVX2 JIT code on this machine). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ (worst x=-0x1.375p+6 (-77.828125) y=-0);
 * derivative ≤ 3e+45 ULP, classes NANU | INF | FTZ (worst x=0x1.fc08p+44 (3.49116417e+13) y=inf) */
#include "onednn_eltwise.h"

void ab_mish_peer_onednn_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_mish, 0.0f, 0.0f, AB_FORWARD, x, y, n);
}

void ab_mish_peer_onednn_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_mish, 0.0f, 0.0f, AB_DERIVATIVE, x, y, n);
}
