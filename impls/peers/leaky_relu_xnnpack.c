/* leaky_relu, peer-xnnpack: XNNPACK's leaky_relu operator (2022 snapshot),
 * forward only (XNNPACK has no backward operators), NULL thread pool: runs
 * on the calling thread. Created once and cached (xnnpack_ops.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1e+07 ULP, classes FTZ (worst x=-0x1.8fep-120 (-1.17512701e-36) y=-0) */
#include "xnnpack_ops.h"

void ab_leaky_relu_peer_xnnpack_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_xnnpack_run(AB_XNN_LEAKY_RELU, (float)p->alpha, x, y, n);
}
