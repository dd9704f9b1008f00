/* gelu_tanh, peer-onednn: oneDNN's eltwise primitive, algorithm gelu_tanh;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ (worst x=-0x1.2079dp+3 (-9.01486969) y=-0);
 * derivative ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.1f91bap+3 (-8.98653889) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(gelu_tanh, dnnl_eltwise_gelu_tanh, 0.0f, 0.0f)
