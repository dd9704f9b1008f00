/* libactbench_peers' registry table: the peer adapters of
 * impls/registry/peers.def (those whose library cmake/Peers.cmake found),
 * appended to libactbench's registry by ab_peers_register. The shared
 * library registers itself when it is loaded (a constructor); a program
 * linking the static archive calls ab_peers_register, or links the archive
 * whole (the actbench tool does) so that the constructor is kept.
 * An entry whose library cannot run it here although the CPU could (the
 * second oneDNN copy failing to load) is left out, with a message. */
#include <stdio.h>

#include "actbench/peers.h"
#if defined(AB_HAVE_ONEDNN)
#include "onednn_eltwise.h"
#endif

#define AB_REGISTRY_PEERS 1
#define AB_REGISTRY_TABLE peer_table
#include "registry_table.inc"

bool ab_peers_register(void)
{
    static bool registered;
    if (registered)
        return true;
    static ab_impl kept[sizeof peer_table / sizeof peer_table[0]];
    size_t count = 0;
    for (size_t i = 0; i + 1 < sizeof peer_table / sizeof peer_table[0]; i++) {
#if defined(AB_HAVE_ONEDNN)
        if (!ab_onednn_registrable(&peer_table[i]))
            continue;
#endif
        kept[count++] = peer_table[i];
    }
    char err[256];
    if (!ab_registry_add(kept, count, err, sizeof err)) {
        fprintf(stderr, "actbench peers: not registered: %s\n", err);
        return false;
    }
    registered = true;
    return true;
}

__attribute__((constructor)) static void register_at_load(void)
{
    ab_peers_register();
}
