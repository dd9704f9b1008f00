/* sigmoid, peer-onednn: oneDNN's eltwise primitive, algorithm logistic;
 * derivative from the eltwise backward primitive with diff_dst = 1.
 * peer-onednn runs the linked oneDNN capped at AVX2, peer-onednn-native a
 * second copy at the ISA oneDNN picks (onednn_eltwise.c). Created once per
 * (parameters, n) per thread and cached (onednn_eltwise.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5e+07 ULP, classes FTZ (worst x=-0x1.5bf8p+6 (-86.9921875) y=0);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.cc4p+5 (57.53125) y=0) */
#include "onednn_eltwise.h"

AB_ONEDNN_KERNELS(sigmoid, dnnl_eltwise_logistic, 0.0f, 0.0f)
