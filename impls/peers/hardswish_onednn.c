/* hardswish, peer-onednn: oneDNN's eltwise primitive, algorithm hardswish;
 * derivative from the eltwise backward primitive with diff_dst = 1. oneDNN
 * picks its own ISA (AVX2 JIT code on this machine). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2 ULP, classes NANU | FTZ (worst x=0x1.f838p-10 (0.00192344189) y=0.000962337654);
 * derivative ≤ 1e+07 ULP, classes NANM | FTZ (worst x=-0x1.8p+1 (-3) y=0) */
#include "onednn_eltwise.h"

void ab_hardswish_peer_onednn_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_hardswish, 0.0f, 0.0f, AB_FORWARD, x, y, n);
}

void ab_hardswish_peer_onednn_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_hardswish, 0.0f, 0.0f, AB_DERIVATIVE, x, y, n);
}
