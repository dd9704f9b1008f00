/* mish, peer-onednn: oneDNN's eltwise primitive, algorithm mish;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ (worst x=-0x1.375p+6 (-77.828125) y=-0);
 * derivative ≤ 3e+45 ULP, classes NANU | INF | FTZ (worst x=0x1.fc08p+44 (3.49116417e+13) y=inf) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(mish, dnnl_eltwise_mish, 0.0f, 0.0f)
