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

#ifdef __cplusplus
}
#endif
#endif
