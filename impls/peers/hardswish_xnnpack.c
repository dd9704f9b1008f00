/* hardswish, peer-xnnpack: XNNPACK's hardswish operator (2022 snapshot),
 * forward only (XNNPACK has no backward operators), NULL thread pool: runs
 * on the calling thread. Created once and cached (xnnpack_ops.c).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1e+07 ULP, classes NANU | FTZ (worst x=0x1.fff8p-126 (2.35084521e-38) y=0) */
#include "xnnpack_ops.h"

void ab_hardswish_peer_xnnpack_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_xnnpack_run(AB_XNN_HARDSWISH, 0.0f, x, y, n);
}
