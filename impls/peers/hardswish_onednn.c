/* hardswish, peer-onednn: oneDNN's eltwise primitive, algorithm hardswish;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2 ULP, classes NANU | FTZ (worst x=0x1.f838p-10 (0.00192344189) y=0.000962337654);
 * derivative ≤ 1e+07 ULP, classes NANM | FTZ (worst x=-0x1.8p+1 (-3) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(hardswish, dnnl_eltwise_hardswish, 0.0f, 0.0f)
