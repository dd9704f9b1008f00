/* silu, peer-onednn: oneDNN's eltwise primitive, algorithm swish with alpha = beta;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ (worst x=-0x1.6cap+6 (-91.15625) y=-0);
 * derivative ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.5e9p+6 (-87.640625) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(silu, dnnl_eltwise_swish, (float)p->beta, 0.0f)
