/* relu, peer-onednn: oneDNN's eltwise primitive, algorithm relu with alpha = 0;
 * derivative from the eltwise backward primitive with diff_dst = 1. oneDNN
 * picks its own ISA (AVX2 JIT code on this machine). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 0 ULP, classes NANM (worst x=0x0p+0 (0) y=0);
 * derivative ≤ 0 ULP, classes NANM (worst x=0x0p+0 (0) y=0) */
#include "onednn_eltwise.h"

void ab_relu_peer_onednn_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_relu, 0.0f, 0.0f, AB_FORWARD, x, y, n);
}

void ab_relu_peer_onednn_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_onednn_eltwise(dnnl_eltwise_relu, 0.0f, 0.0f, AB_DERIVATIVE, x, y, n);
}
