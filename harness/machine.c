/* See machine.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include <cJSON.h>
#include <gmp.h>
#include <gnu/libc-version.h>
#include <hwloc.h>
#include <mpfr.h>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "actbench/actbench.h"
#include "actbench/version.h"
#include "atomic_file.h"
#include "machine.h"
#include "output/machine_id.h"
#include "peer_versions.h"

#ifndef ACTBENCH_C_COMPILER
#define ACTBENCH_C_COMPILER "unknown"
#endif
#ifndef ACTBENCH_C_FLAGS
#define ACTBENCH_C_FLAGS "unknown"
#endif

/* A per-core L3 above this is taken as a virtualisation artefact (KVM here
 * reports 508 MB per core): sizing "DRAM" at 4x that would take minutes per
 * kernel and sizing "L3" at half of it would measure DRAM anyway. */
#define PLAUSIBLE_L3_MAX ((size_t)128 << 20)
#define SUBSTITUTE_L3 ((size_t)32 << 20)

static ab_machine machine;
static bool machine_probed, machine_ok;

static void append_flag(char *list, size_t size, const char *flag)
{
    size_t used = strlen(list);
    snprintf(list + used, size - used, "%s%s", used ? " " : "", flag);
}

#if defined(__x86_64__)
static void probe_cpuid(ab_machine *m)
{
    unsigned a, b, d;
    unsigned max_basic = __get_cpuid_max(0, NULL);
    unsigned max_ext = __get_cpuid_max(0x80000000u, NULL);
    char *f = m->cpuid_flags;
    size_t fs = sizeof m->cpuid_flags;
    unsigned ecx1 = 0, edx1 = 0, ebx7 = 0, ecx7 = 0, ecx_ext = 0;
    if (max_basic >= 1)
        __cpuid(1, a, b, ecx1, edx1);
    if (max_basic >= 7)
        __cpuid_count(7, 0, a, ebx7, ecx7, d);
    if (max_ext >= 0x80000001u)
        __cpuid(0x80000001u, a, b, ecx_ext, d);
    static const struct {
        const char *name;
        int reg; /* 0 = 1.ECX, 1 = 1.EDX, 2 = 7.EBX, 3 = 7.ECX, 4 = 0x80000001.ECX */
        int bit;
    } bits[] = {
        {"sse", 1, 25},      {"sse2", 1, 26},      {"sse3", 0, 0},       {"ssse3", 0, 9},
        {"sse4.1", 0, 19},   {"sse4.2", 0, 20},    {"popcnt", 0, 23},    {"aes", 0, 25},
        {"xsave", 0, 26},    {"osxsave", 0, 27},   {"avx", 0, 28},       {"f16c", 0, 29},
        {"fma", 0, 12},      {"lzcnt", 4, 5},      {"bmi1", 2, 3},       {"avx2", 2, 5},
        {"bmi2", 2, 8},      {"avx512f", 2, 16},   {"avx512dq", 2, 17},  {"avx512cd", 2, 28},
        {"avx512bw", 2, 30}, {"avx512vl", 2, 31},  {"avx512vbmi", 3, 1}, {"hypervisor", 0, 31},
    };
    const unsigned regs[] = {ecx1, edx1, ebx7, ecx7, ecx_ext};
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        if ((regs[bits[i].reg] >> bits[i].bit) & 1)
            append_flag(f, fs, bits[i].name);

    if ((ecx1 >> 27) & 1) { /* OSXSAVE: XCR0 says which register state the OS saves */
        uint32_t xcr0_lo, xcr0_hi;
        __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
        m->os_avx_enabled = (xcr0_lo & 0x6) == 0x6;
        m->os_avx512_enabled = (xcr0_lo & 0xe6) == 0xe6;
    }
}
#endif

/* The first "flags" (x86) or "Features" (ARM) line of /proc/cpuinfo. */
static void probe_proc_cpuinfo(ab_machine *m)
{
    FILE *fp = fopen("/proc/cpuinfo", "r");
    if (fp == NULL)
        return;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, fp) > 0) {
        char *colon = strchr(line, ':');
        if (colon == NULL)
            continue;
        char *value = colon + 1;
        while (*value == ' ' || *value == '\t')
            value++;
        value[strcspn(value, "\n")] = '\0';
        bool is_flags = strncmp(line, "flags", 5) == 0 || strncmp(line, "Features", 8) == 0;
        if (is_flags && m->proc_cpuinfo_flags == NULL)
            m->proc_cpuinfo_flags = strdup(value);
    }
    free(line);
    fclose(fp);
}

const ab_machine *ab_machine_get(bool quiet)
{
    if (machine_probed)
        return machine_ok ? &machine : NULL;
    machine_probed = true;
    ab_machine *m = &machine;
    if (ab_topology_init(&m->topology) != 0)
        return NULL;
    if (ab_topology_pin_self(&m->topology, -1) != 0)
        return NULL;
    if (ab_timer_init(&m->timer, quiet) != 0)
        return NULL;
#if defined(__x86_64__)
    probe_cpuid(m);
#endif
    probe_proc_cpuinfo(m);
    const ab_cpu_identity *id = ab_cpu_identity_get();
    snprintf(m->cpu_vendor, sizeof m->cpu_vendor, "%s", id->vendor);
    snprintf(m->cpu_model, sizeof m->cpu_model, "%s", id->model_name);

    m->l3_bytes_for_sizing = m->topology.l3_bytes;
    if (m->topology.l3_bytes > PLAUSIBLE_L3_MAX) {
        m->l3_bytes_for_sizing = SUBSTITUTE_L3;
        snprintf(m->cache_note, sizeof m->cache_note,
                 "hwloc reports L3 = %zu MiB per core, implausible (virtualised); "
                 "working sets sized as if L3 = %zu MiB",
                 m->topology.l3_bytes >> 20, SUBSTITUTE_L3 >> 20);
    } else if (m->topology.l3_bytes == 0) {
        m->l3_bytes_for_sizing = SUBSTITUTE_L3;
        snprintf(m->cache_note, sizeof m->cache_note,
                 "hwloc reports no L3; working sets sized as if L3 = %zu MiB",
                 SUBSTITUTE_L3 >> 20);
    }
    if (!quiet && m->cache_note[0] != '\0')
        fprintf(stderr, "actbench: note: %s\n", m->cache_note);
    machine_ok = true;
    return m;
}

static void add_number_or_null(cJSON *obj, const char *name, double v, bool present)
{
    if (present)
        cJSON_AddNumberToObject(obj, name, v);
    else
        cJSON_AddNullToObject(obj, name);
}

static cJSON *build_json(const ab_machine *m, int argc, char **argv)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "actbench_version", ACTBENCH_VERSION);
    const ab_cpu_identity *id = ab_cpu_identity_get();
    cJSON_AddStringToObject(root, "machine_id", id->machine_id);

    char date[32];
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
    cJSON_AddStringToObject(root, "date_utc", date);

    cJSON *cmd = cJSON_AddArrayToObject(root, "command_line");
    for (int i = 0; i < argc; i++)
        cJSON_AddItemToArray(cmd, cJSON_CreateString(argv[i] ? argv[i] : ""));

    cJSON *cpu = cJSON_AddObjectToObject(root, "cpu");
    cJSON_AddStringToObject(cpu, "vendor", m->cpu_vendor);
    cJSON_AddStringToObject(cpu, "model", m->cpu_model);
    cJSON_AddNumberToObject(cpu, "family", id->family);
    cJSON_AddNumberToObject(cpu, "model_number", id->model);
    cJSON_AddNumberToObject(cpu, "stepping", id->stepping);
    cJSON_AddStringToObject(cpu, "widest_isa", id->widest_isa);
    cJSON_AddStringToObject(cpu, "cpuid_flags", m->cpuid_flags);
    cJSON_AddBoolToObject(cpu, "os_avx_state_enabled", m->os_avx_enabled);
    cJSON_AddBoolToObject(cpu, "os_avx512_state_enabled", m->os_avx512_enabled);
    if (m->proc_cpuinfo_flags != NULL)
        cJSON_AddStringToObject(cpu, "proc_cpuinfo_flags", m->proc_cpuinfo_flags);
    else
        cJSON_AddNullToObject(cpu, "proc_cpuinfo_flags");
    cJSON_AddNumberToObject(cpu, "logical_pus", m->topology.pu_count);

    cJSON *hv = cJSON_AddObjectToObject(root, "hypervisor");
    cJSON_AddBoolToObject(hv, "present", m->timer.hypervisor);
    if (m->timer.hypervisor)
        cJSON_AddStringToObject(hv, "vendor", m->timer.hypervisor_vendor);
    else
        cJSON_AddNullToObject(hv, "vendor");

    cJSON *caches = cJSON_AddObjectToObject(root, "caches");
    cJSON_AddStringToObject(caches, "source", "hwloc, ancestors of the pinned PU");
    cJSON_AddNumberToObject(caches, "pinned_pu_os_index", m->topology.pinned_pu_os);
    cJSON_AddNumberToObject(caches, "pinned_pu_logical_index", m->topology.pinned_pu_logical);
    add_number_or_null(caches, "l1d_bytes", (double)m->topology.l1d_bytes, m->topology.l1d_bytes);
    add_number_or_null(caches, "l2_bytes", (double)m->topology.l2_bytes, m->topology.l2_bytes);
    add_number_or_null(caches, "l3_bytes", (double)m->topology.l3_bytes, m->topology.l3_bytes);
    cJSON_AddNumberToObject(caches, "l3_bytes_for_sizing", (double)m->l3_bytes_for_sizing);
    cJSON_AddStringToObject(caches, "note", m->cache_note);

    cJSON *timer = cJSON_AddObjectToObject(root, "timer");
    cJSON_AddStringToObject(timer, "clock", m->timer.clock_name);
    cJSON_AddNumberToObject(timer, "tsc_hz", m->timer.tsc_hz);
    cJSON_AddStringToObject(timer, "tsc_hz_source",
                            "calibrated against CLOCK_MONOTONIC_RAW, median of 5 x 20 ms");
    cJSON_AddNumberToObject(timer, "tsc_hz_spread_pct", m->timer.tsc_hz_spread_pct);
    cJSON_AddBoolToObject(timer, "invariant_tsc", m->timer.invariant_tsc);
    cJSON_AddBoolToObject(timer, "rdtscp", m->timer.has_rdtscp);
    cJSON_AddNumberToObject(timer, "overhead_ticks_median", m->timer.overhead_ticks_median);
    cJSON_AddNumberToObject(timer, "core_cycles_per_tsc_tick", m->timer.core_per_tsc);
    cJSON_AddStringToObject(timer, "cycle_source", m->timer.cycle_source);
    cJSON_AddStringToObject(timer, "perf_event_error", m->timer.perf_event_error);

    cJSON *build = cJSON_AddObjectToObject(root, "build");
    cJSON_AddStringToObject(build, "compiler", ACTBENCH_C_COMPILER);
    cJSON_AddStringToObject(build, "c_flags", ACTBENCH_C_FLAGS);

    cJSON *libs = cJSON_AddObjectToObject(root, "libraries");
    cJSON_AddStringToObject(libs, "mpfr", mpfr_get_version());
    cJSON_AddStringToObject(libs, "gmp", gmp_version);
    char hw[64];
    unsigned api = hwloc_get_api_version();
    snprintf(hw, sizeof hw, "%u.%u.%u", api >> 16, (api >> 8) & 0xff, api & 0xff);
    cJSON_AddStringToObject(libs, "hwloc_runtime_api", hw);
    snprintf(hw, sizeof hw, "%u.%u.%u", HWLOC_API_VERSION >> 16,
             (HWLOC_API_VERSION >> 8) & 0xff, HWLOC_API_VERSION & 0xff);
    cJSON_AddStringToObject(libs, "hwloc_header_api", hw);
    cJSON_AddStringToObject(libs, "glibc", gnu_get_libc_version());
    cJSON_AddStringToObject(libs, "cjson", cJSON_Version());

    cJSON *peers = cJSON_AddArrayToObject(root, "peers");
    size_t n_peers = 0;
    const ab_peer_version *pv = ab_peer_versions(&n_peers);
    for (size_t i = 0; i < n_peers; i++) {
        cJSON *peer = cJSON_CreateObject();
        cJSON_AddStringToObject(peer, "name", pv[i].peer);
        cJSON_AddStringToObject(peer, "version", pv[i].version);
        cJSON_AddStringToObject(peer, "version_source", pv[i].source);
        cJSON_AddItemToObject(peer, "reported_isa", pv[i].reported_isa
                                                        ? cJSON_CreateString(pv[i].reported_isa)
                                                        : cJSON_CreateNull());
        cJSON_AddItemToArray(peers, peer);
    }

    struct utsname u;
    cJSON *kernel = cJSON_AddObjectToObject(root, "kernel");
    if (uname(&u) == 0) {
        cJSON_AddStringToObject(kernel, "sysname", u.sysname);
        cJSON_AddStringToObject(kernel, "release", u.release);
        cJSON_AddStringToObject(kernel, "version", u.version);
        cJSON_AddStringToObject(kernel, "machine", u.machine);
    }
    return root;
}

int ab_machine_write_json(const char *output_dir, int argc, char **argv)
{
    const ab_machine *m = ab_machine_get(false);
    if (m == NULL)
        return 1;
    if (!ab_ensure_output_dir(output_dir))
        return 1;
    cJSON *root = build_json(m, argc, argv);
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (text == NULL) {
        fprintf(stderr, "actbench: out of memory building machine.json\n");
        return 1;
    }
    ab_atomic_file f;
    if (!ab_atomic_open(&f, output_dir, "machine.json")) {
        free(text);
        return 1;
    }
    fputs(text, f.fp);
    fputc('\n', f.fp);
    free(text);
    return ab_atomic_commit(&f) ? 0 : 1;
}
