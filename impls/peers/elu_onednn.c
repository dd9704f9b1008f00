/* elu, peer-onednn: oneDNN's eltwise primitive, algorithm elu with alpha;
 * derivative from the eltwise backward primitive with diff_dst = 1. oneDNN
 * picks its own ISA (AVX2 JIT code on this machine). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes FTZ | SZ (worst x=-0x1p-125 (-2.3509887e-38) y=0);
 * derivative ≤ 1.5e+07 ULP, classes NANM | FTZ (worst x=-0x1.5cp+6 (-87) y=0) */
#include "onednn_eltwise.h"

void ab_elu_peer_onednn_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_onednn_eltwise(dnnl_eltwise_elu, (float)p->alpha, 0.0f, AB_FORWARD, x, y, n);
}

void ab_elu_peer_onednn_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_onednn_eltwise(dnnl_eltwise_elu, (float)p->alpha, 0.0f, AB_DERIVATIVE, x, y, n);
}
