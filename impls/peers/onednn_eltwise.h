/* oneDNN eltwise primitives behind the fixed kernel signature. */
#ifndef ACTBENCH_PEER_ONEDNN_ELTWISE_H
#define ACTBENCH_PEER_ONEDNN_ELTWISE_H

#include <oneapi/dnnl/dnnl.h>

#include "actbench/actbench.h"

/* y := f(x) (AB_FORWARD) or f'(x) (AB_DERIVATIVE: the backward primitive
 * with diff_dst = 1) for oneDNN algorithm alg with its alpha and beta. The
 * primitive is created on the first call with these (alg, alpha, beta, n,
 * direction) in this thread and reused afterwards; on any oneDNN error y is
 * filled with NaN, so the failure shows in every accuracy test. */
void ab_onednn_eltwise(dnnl_alg_kind_t alg, float alpha, float beta, ab_direction dir,
                       const float *x, float *y, size_t n);

#endif
