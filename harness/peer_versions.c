/* Peer library versions: asked of the library where it has an API (glibc,
 * oneDNN), from its header macros where that is all it offers (SLEEF), and
 * otherwise the Debian package version read by dpkg-query when CMake
 * configured the build (XNNPACK, which has no version API; PyTorch, whose
 * header says 1.13.0 in the 1.13.1 package) or Eigen's CMake package
 * version. PyTorch's entry also names the ATen CPU capability its kernels
 * run with (DEFAULT, AVX2 or AVX512: chosen by ATen from the CPU).
 * Each entry also carries the ISA its variants report running
 * (ab_peer_reported_isa: oneDNN's implementation string, ATen's capability),
 * "peer-<library>..." variant by variant, or NULL when the library reports
 * none (XNNPACK chooses its microkernels without saying which). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "actbench/peers.h"

#include "peer_versions.h"

#if defined(AB_HAVE_LIBM) || defined(AB_HAVE_LIBMVEC)
#include <gnu/libc-version.h>
#endif
#if defined(AB_HAVE_SLEEF)
#include <sleef.h>
#endif
#if defined(AB_HAVE_ONEDNN)
#include <oneapi/dnnl/dnnl.h>
#endif

#if defined(AB_HAVE_TORCH)
/* impls/peers/torch_ops.cpp: "AVX2", "AVX512", "NO AVX" or "unknown". */
const char *ab_peer_torch_cpu_capability(void);
#endif

enum { MAX_PEERS = 10 };

static ab_peer_version versions[MAX_PEERS];
static size_t version_count;
static pthread_once_t versions_once = PTHREAD_ONCE_INIT;
#if defined(AB_HAVE_SLEEF)
static char sleef_version[32];
#endif
#if defined(AB_HAVE_ONEDNN)
static char onednn_version[64];
#endif
#if defined(AB_HAVE_TORCH)
static char torch_version[96];
#endif

static char reported[MAX_PEERS][160];

/* "peer-onednn jit:avx2, peer-onednn-native jit:avx512_core": each runnable
 * variant named peer-<peer>[-detail] whose library reports its ISA, once. */
static const char *reported_isa_of(const char *peer, char *buf, size_t size)
{
    char prefix[64];
    snprintf(prefix, sizeof prefix, "peer-%s", peer);
    size_t plen = strlen(prefix), used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (strncmp(impl->variant, prefix, plen) != 0 ||
            (impl->variant[plen] != '\0' && impl->variant[plen] != '-'))
            continue;
        const char *isa = ab_peer_reported_isa(impl);
        char listed[80];
        snprintf(listed, sizeof listed, "%s ", impl->variant);
        if (isa == NULL || strstr(buf, listed) != NULL)
            continue; /* none, or this variant is listed already */
        if (used < size)
            used += (size_t)snprintf(buf + used, size - used, "%s%s %s", used ? ", " : "",
                                     impl->variant, isa);
    }
    return buf[0] ? buf : NULL;
}

static void add(const char *peer, const char *version, const char *source)
{
    if (version_count < MAX_PEERS) {
        const char *isa = reported_isa_of(peer, reported[version_count],
                                          sizeof reported[version_count]);
        versions[version_count++] = (ab_peer_version){peer, version, source, isa};
    }
}

static void collect(void)
{
#if defined(AB_HAVE_LIBM)
    add("libm", gnu_get_libc_version(), "library API (glibc gnu_get_libc_version)");
#endif
#if defined(AB_HAVE_LIBMVEC)
    add("libmvec", gnu_get_libc_version(), "library API (glibc gnu_get_libc_version)");
#endif
#if defined(AB_HAVE_SLEEF)
    snprintf(sleef_version, sizeof sleef_version, "%d.%d.%d", SLEEF_VERSION_MAJOR,
             SLEEF_VERSION_MINOR, SLEEF_VERSION_PATCHLEVEL);
    add("sleef", sleef_version, "header macros (SLEEF_VERSION_*)");
#endif
#if defined(AB_HAVE_ONEDNN)
    const dnnl_version_t *v = dnnl_version();
    snprintf(onednn_version, sizeof onednn_version, "%d.%d.%d", v->major, v->minor, v->patch);
    add("onednn", onednn_version, "library API (dnnl_version)");
#endif
#if defined(AB_HAVE_XNNPACK)
    add("xnnpack", AB_XNNPACK_DEB_VERSION, "Debian package libxnnpack-dev (dpkg-query at configure time)");
#endif
#if defined(AB_HAVE_TORCH)
    snprintf(torch_version, sizeof torch_version, "%s, ATen CPU capability %s",
             AB_TORCH_DEB_VERSION, ab_peer_torch_cpu_capability());
    add("torch", torch_version,
        "Debian package libtorch-dev (dpkg-query at configure time); capability from at::show_config()");
#endif
#if defined(AB_HAVE_EIGEN)
    add("eigen", AB_EIGEN_VERSION, "Eigen3 CMake package version at configure time");
#endif
}

const ab_peer_version *ab_peer_versions(size_t *count)
{
    pthread_once(&versions_once, collect);
    *count = version_count;
    return versions;
}
