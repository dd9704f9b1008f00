/*
 * libactbench_peers: the peer libraries' kernels (glibc libm and libmvec,
 * SLEEF, oneDNN, XNNPACK) behind actbench's kernel signature, as baselines.
 * Link it (pkg-config actbench-peers) only when you want these; libactbench
 * alone carries no dependency on them.
 *
 * Its entries join the registry of actbench/actbench.h after libactbench's
 * own. The shared library adds them when it is loaded; with the static
 * archive, call ab_peers_register() once at start-up (before other threads
 * use the registry). The dispatcher (actbench/dispatch.h) never picks a peer.
 */
#ifndef ACTBENCH_PEERS_H
#define ACTBENCH_PEERS_H

#include "actbench/actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Adds the peer table to the registry; true when it is there (a second call
 * does nothing). On failure, says why on stderr. */
bool ab_peers_register(void);

/* The ISA the peer library behind impl reports running, in the library's
 * own words: oneDNN's implementation string ("jit:avx2", "jit:avx512_core"),
 * ATen's CPU capability ("AVX2", "AVX512"). NULL when impl is not a peer's,
 * is not runnable here, or its library reports none (XNNPACK; libm, libmvec
 * and SLEEF, called through fixed ISA entry points). Valid for the
 * program's lifetime; the first call for oneDNN creates a primitive. */
const char *ab_peer_reported_isa(const ab_impl *impl);

#ifdef __cplusplus
}
#endif
#endif
