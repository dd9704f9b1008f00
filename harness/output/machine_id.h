/*
 * Which CPU a result was measured on, cheaply (cpuid only: no pinning, no
 * clock calibration), for the accuracy tables, the manifest and machine.json.
 *
 * machine_id = <vendor>-<model slug>-<widest ISA>, lowercase, [a-z0-9-]:
 *   vendor      amd, intel, hygon, ... (from the cpuid vendor string);
 *   model slug  the brand string without the vendor, (R)/(TM), "CPU",
 *               "Processor", "N-Core" and the "@ clock" part, e.g.
 *               "epyc-9r14", "xeon-platinum-8375c"; when what is left has
 *               no digit (a hypervisor's generic "AMD EPYC"), the cpuid
 *               family and model are added in hex, e.g. "epyc-f19m11";
 *   widest ISA  avx512 (AVX-512F with ZMM state enabled by the OS), avx2
 *               (AVX2 + FMA), avx, sse4.2, sse2; off x86 the uname machine.
 * Examples: amd-epyc-9r14-avx512, intel-xeon-platinum-8375c-avx512.
 */
#ifndef ACTBENCH_OUTPUT_MACHINE_ID_H
#define ACTBENCH_OUTPUT_MACHINE_ID_H

typedef struct ab_cpu_identity {
    char vendor[13];      /* cpuid vendor string, "" off x86 */
    char model_name[49];  /* brand string (or /proc/cpuinfo model name), trimmed */
    unsigned family, model, stepping; /* display values (extended fields added) */
    char widest_isa[16];
    char machine_id[128];
} ab_cpu_identity;

/* Probed on the first call; never NULL. */
const ab_cpu_identity *ab_cpu_identity_get(void);

#endif
