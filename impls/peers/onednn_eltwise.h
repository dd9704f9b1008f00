/* oneDNN eltwise primitives behind the fixed kernel signature. */
#ifndef ACTBENCH_PEER_ONEDNN_ELTWISE_H
#define ACTBENCH_PEER_ONEDNN_ELTWISE_H

#include <oneapi/dnnl/dnnl.h>

#include "actbench/actbench.h"

/* Which oneDNN: the linked copy capped at AVX2 (peer-onednn), or a second
 * copy loaded with dlmopen and left at the ISA oneDNN chooses for the CPU
 * (peer-onednn-native). onednn_eltwise.c explains. */
typedef enum ab_onednn_copy {
    AB_ONEDNN_CAPPED,
    AB_ONEDNN_NATIVE,
    AB_ONEDNN_COPIES
} ab_onednn_copy;

#define AB_STRINGIFY_(x) #x
#define AB_STRINGIFY(x) AB_STRINGIFY_(x)

/* y := f(x) (AB_FORWARD) or f'(x) (AB_DERIVATIVE: the backward primitive
 * with diff_dst = 1) for oneDNN algorithm alg with its alpha and beta. The
 * primitive is created on the first call with these (alg, alpha, beta, n,
 * direction) in this thread and reused afterwards; on any oneDNN error y is
 * filled with NaN, so the failure shows in every accuracy test. */
void ab_onednn_eltwise(ab_onednn_copy which, dnnl_alg_kind_t alg, float alpha, float beta,
                       ab_direction dir, const float *x, float *y, size_t n);

/* The implementation string of that copy's eltwise primitives, from
 * dnnl_primitive_desc_query(impl_info_str): "jit:avx2", "jit:avx512_core",
 * ...; NULL when the copy is not usable. */
const char *ab_onednn_impl_info(ab_onednn_copy which);

/* False when impl is a peer-onednn-native entry that this CPU could run but
 * the second copy cannot (it is loaded here to know): such entries are left
 * out of the registry, and the first call says why on stderr. True for every
 * other entry. */
bool ab_onednn_registrable(const ab_impl *impl);

/* The four kernels of one activation: peer-onednn (capped copy) and
 * peer-onednn-native (the second copy), f(x) and f'(x) (backward with
 * diff_dst = 1). ALPHA and BETA are expressions that may read p. */
#define AB_ONEDNN_KERNEL(act, suffix, copy, dir, alg, ALPHA, BETA)                          \
    void ab_##act##_##suffix(const float *x, float *y, size_t n, const ab_params *p)        \
    {                                                                                      \
        (void)p;                                                                           \
        ab_onednn_eltwise(copy, alg, ALPHA, BETA, dir, x, y, n);                           \
    }
#define AB_ONEDNN_KERNELS(act, alg, ALPHA, BETA)                                            \
    AB_ONEDNN_KERNEL(act, peer_onednn_forward, AB_ONEDNN_CAPPED, AB_FORWARD, alg, ALPHA,    \
                     BETA)                                                                 \
    AB_ONEDNN_KERNEL(act, peer_onednn_derivative, AB_ONEDNN_CAPPED, AB_DERIVATIVE, alg,     \
                     ALPHA, BETA)                                                          \
    AB_ONEDNN_KERNEL(act, peer_onednn_native_forward, AB_ONEDNN_NATIVE, AB_FORWARD, alg,    \
                     ALPHA, BETA)                                                          \
    AB_ONEDNN_KERNEL(act, peer_onednn_native_derivative, AB_ONEDNN_NATIVE, AB_DERIVATIVE,   \
                     alg, ALPHA, BETA)

#endif
