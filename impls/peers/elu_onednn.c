/* elu, peer-onednn: oneDNN's eltwise primitive, algorithm elu with alpha;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes FTZ | SZ (worst x=-0x1p-125 (-2.3509887e-38) y=0);
 * derivative ≤ 1.5e+07 ULP, classes NANM | FTZ (worst x=-0x1.5cp+6 (-87) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(elu, dnnl_eltwise_elu, (float)p->alpha, 0.0f)
