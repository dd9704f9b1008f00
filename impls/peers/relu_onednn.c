/* relu, peer-onednn: oneDNN's eltwise primitive, algorithm relu with alpha = 0;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 0 ULP, classes NANM (worst x=0x0p+0 (0) y=0);
 * derivative ≤ 0 ULP, classes NANM (worst x=0x0p+0 (0) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(relu, dnnl_eltwise_relu, 0.0f, 0.0f)
