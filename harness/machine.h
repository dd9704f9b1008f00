/*
 * What the results were measured on: CPU, hypervisor, caches, clock,
 * compiler and library versions. Probed once per process (one pinning, one
 * TSC calibration) and shared by machine.json and the benchmark tables, so
 * every file of a run states the same clock.
 */
#ifndef ACTBENCH_MACHINE_H
#define ACTBENCH_MACHINE_H

#include <stdbool.h>
#include <stddef.h>

#include "timer.h"
#include "topology.h"

typedef struct ab_machine {
    ab_timer_info timer;
    ab_topology topology;         /* loaded; the probing thread is pinned */
    char cpu_vendor[13];          /* cpuid 0, "" off x86 */
    char cpu_model[49];           /* cpuid brand string, or /proc/cpuinfo */
    char cpuid_flags[512];        /* space-separated, the ones actbench cares about */
    bool os_avx_enabled;          /* XCR0 has SSE+AVX state */
    bool os_avx512_enabled;       /* XCR0 has opmask+ZMM state */
    char *proc_cpuinfo_flags;     /* the "flags" line, NULL when unreadable */
    /* The L3 size the benchmark sizes its working sets from. Equal to
     * topology.l3_bytes unless that is implausible (a hypervisor reporting
     * hundreds of MiB per core); then a stated substitute, see cache_note. */
    size_t l3_bytes_for_sizing;
    char cache_note[200];         /* "" when the hwloc sizes were used as they are */
} ab_machine;

/* Probes on the first call (pins the calling thread to the last PU and
 * calibrates the clock, ~0.2 s), then returns the same values. NULL, with a
 * message on stderr, when the topology or the clock is unusable. quiet
 * silences warnings. Call it from the thread that will run the benchmark. */
const ab_machine *ab_machine_get(bool quiet);

/* Writes output_dir/machine.json atomically (creating output_dir if
 * needed). argv[0..argc) is recorded as the command line. Returns 0, or
 * prints a clear message and returns non-zero. */
int ab_machine_write_json(const char *output_dir, int argc, char **argv);

#endif
