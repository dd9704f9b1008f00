/* softmax, peer-xnnpack: XNNPACK's softmax, the array as one row operator (2022 snapshot),
 * forward only (XNNPACK has no backward operators), NULL thread pool: runs
 * on the calling thread. Created once and cached (xnnpack_ops.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1e+07 ULP, classes FTZ (worst x=0x1.c4ab6cp+6 (actbench accuracy sample)) */
#include "xnnpack_ops.h"

void ab_softmax_peer_xnnpack_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_xnnpack_run(AB_XNN_SOFTMAX, 0.0f, x, y, n);
}
