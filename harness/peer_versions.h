/* Versions of the peer libraries compiled in, for machine.json. */
#ifndef ACTBENCH_PEER_VERSIONS_H
#define ACTBENCH_PEER_VERSIONS_H

#include <stddef.h>

typedef struct ab_peer_version {
    const char *peer;    /* "libm", "libmvec", "sleef", "onednn", "xnnpack" */
    const char *version; /* e.g. "2.36", "3.5.1", "0.0~git20220216.ae108ef-2" */
    const char *source;  /* where the version came from: "library API",
                            "header macros", "Debian package <name>" */
    const char *reported_isa; /* what the library reports running, per
                                 variant: "peer-onednn jit:avx2, peer-onednn-native
                                 jit:avx512_core"; NULL when it reports none */
} ab_peer_version;

/* The peers built into this binary (none when configured with
 * ACTBENCH_PEERS=OFF): *count entries, valid for the program's lifetime. */
const ab_peer_version *ab_peer_versions(size_t *count);

#endif
