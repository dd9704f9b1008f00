/* tanh, peer-onednn: oneDNN's eltwise primitive, algorithm tanh;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5 ULP (worst x=0x1.4bb8p+2 (5.18310547) y=0.999937117);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.205968p+3 (9.01091385) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(tanh, dnnl_eltwise_tanh, 0.0f, 0.0f)
