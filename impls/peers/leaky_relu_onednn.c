/* leaky_relu, peer-onednn: oneDNN's eltwise primitive, algorithm relu with alpha = the slope;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1 ULP, classes FTZ (worst x=-0x1.8f2p-119 (-2.34584591e-36) y=-2.3458458e-38);
 * derivative ≤ 0.5 ULP, classes NANM (worst x=0x0p+0 (0) y=0.00999999978) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(leaky_relu, dnnl_eltwise_relu, (float)p->alpha, 0.0f)
