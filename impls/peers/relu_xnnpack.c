/* relu, peer-xnnpack: XNNPACK's clamp to [0, +inf] operator (2022 snapshot),
 * forward only (XNNPACK has no backward operators), NULL thread pool: runs
 * on the calling thread. Created once and cached (xnnpack_ops.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1e+07 ULP, classes NANM | FTZ (worst x=0x1.fffffcp-127 (1.17549421e-38) y=0) */
#include "xnnpack_ops.h"

void ab_relu_peer_xnnpack_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_xnnpack_run(AB_XNN_RELU, 0.0f, x, y, n);
}
