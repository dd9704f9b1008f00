/* gelu, peer-onednn: oneDNN's eltwise primitive, algorithm gelu_erf;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.e07p+2 (-7.50683594) y=0);
 * derivative ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.89a8p+2 (-6.15087891) y=-2.98023224e-08) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(gelu, dnnl_eltwise_gelu_erf, 0.0f, 0.0f)
