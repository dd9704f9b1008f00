/* sigmoid, peer-xnnpack: XNNPACK's sigmoid operator (2022 snapshot),
 * forward only (XNNPACK has no backward operators), NULL thread pool: runs
 * on the calling thread. Created once and cached (xnnpack_ops.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1e+07 ULP, classes NANU | FTZ (worst x=-0x1.5d58ap+6 (-87.3365479) y=0) */
#include "xnnpack_ops.h"

void ab_sigmoid_peer_xnnpack_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_xnnpack_run(AB_XNN_SIGMOID, 0.0f, x, y, n);
}
