/* libactbench_peers' registry table: the peer adapters of
 * impls/registry/peers.def (those whose library cmake/Peers.cmake found),
 * appended to libactbench's registry by ab_peers_register. The shared
 * library registers itself when it is loaded (a constructor); a program
 * linking the static archive calls ab_peers_register, or links the archive
 * whole (the actbench tool does) so that the constructor is kept. */
#include <stdio.h>

#include "actbench/peers.h"

#define AB_REGISTRY_PEERS 1
#define AB_REGISTRY_TABLE peer_table
#include "registry_table.inc"

bool ab_peers_register(void)
{
    static bool registered;
    if (registered)
        return true;
    char err[256];
    if (!ab_registry_add(peer_table, sizeof peer_table / sizeof peer_table[0] - 1, err,
                         sizeof err)) {
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
