/*
 * Where the benchmark runs: the hwloc topology, thread pinning, and the data
 * cache sizes of the PU the thread is pinned to (they set the benchmark's
 * working-set sizes, measurement.md).
 */
#ifndef ACTBENCH_TOPOLOGY_H
#define ACTBENCH_TOPOLOGY_H

#include <stdbool.h>
#include <stddef.h>

#include <hwloc.h>

typedef struct ab_topology {
    hwloc_topology_t topo;
    unsigned pu_count;          /* PUs the process may use */
    int pinned_pu_logical;      /* -1 until ab_topology_pin_self succeeds */
    int pinned_pu_os;           /* OS index (what the kernel calls the CPU) */
    /* Data/unified caches above the pinned PU, bytes; 0 when hwloc has none. */
    size_t l1d_bytes, l2_bytes, l3_bytes;
} ab_topology;

/* Loads the topology. Prints a clear message and returns -1 on failure. */
int ab_topology_init(ab_topology *t);
void ab_topology_destroy(ab_topology *t);

/* Pins the calling thread to the PU of logical index pu_logical (hwloc
 * order among allowed PUs; -1 = the last one, usually the quietest: CPU 0
 * takes most housekeeping interrupts), checks with
 * hwloc_get_last_cpu_location that the thread now runs there, and reads the
 * cache sizes of that PU. Returns 0, or -1 with a message on stderr. */
int ab_topology_pin_self(ab_topology *t, int pu_logical);

/* Pins the calling (worker) thread k to PU k mod pu_count and checks it;
 * for the multi-threaded sweeps. Returns 0, or -1 with a message. */
int ab_topology_pin_worker(const ab_topology *t, unsigned k);

#endif
