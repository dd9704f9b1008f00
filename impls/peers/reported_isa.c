/* The ISA a peer library says it runs, asked of the library itself: oneDNN's
 * implementation string of an eltwise primitive (dnnl_primitive_desc_query
 * impl_info_str: "jit:avx2" for the capped copy, "jit:avx512_core" for the
 * native one on an AVX-512 CPU), ATen's CPU capability ("AVX2", "AVX512",
 * "DEFAULT"). XNNPACK exposes no such report (it picks its microkernels by
 * CPU), nor do libm, libmvec, SLEEF (called through fixed ISA entry points:
 * the registry's isa field is what they run): NULL for those. */
#include <string.h>

#include "actbench/peers.h"

#if defined(AB_HAVE_ONEDNN)
#include "onednn_eltwise.h"
#endif
#if defined(AB_HAVE_TORCH)
const char *ab_peer_torch_cpu_capability(void); /* torch_ops.cpp */
#endif

const char *ab_peer_reported_isa(const ab_impl *impl)
{
    if (impl == NULL || !ab_impl_supported(impl))
        return NULL;
#if defined(AB_HAVE_ONEDNN)
    if (strcmp(impl->variant, "peer-onednn") == 0)
        return ab_onednn_impl_info(AB_ONEDNN_CAPPED);
    if (strcmp(impl->variant, "peer-onednn-native") == 0)
        return ab_onednn_impl_info(AB_ONEDNN_NATIVE);
#endif
#if defined(AB_HAVE_TORCH)
    if (strcmp(impl->variant, "peer-torch") == 0)
        return ab_peer_torch_cpu_capability();
#endif
    return NULL;
}
