/* See cpu_id.h. */
#include <sched.h>
#include <stdbool.h>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "bench/cpu_id.h"

enum { TSC_AUX_CPU_MASK = 0xfff, AGREEMENT_CHECKS = 8 };

static int cpu_from_sched(void) { return sched_getcpu(); }

#if defined(__x86_64__)
static int cpu_from_rdpid(void)
{
    unsigned long long aux;
    __asm__ volatile("rdpid %0" : "=r"(aux));
    return (int)(aux & TSC_AUX_CPU_MASK);
}

static int cpu_from_rdtscp(void)
{
    unsigned lo, hi, aux;
    __asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(aux));
    (void)lo;
    (void)hi;
    return (int)(aux & TSC_AUX_CPU_MASK);
}

/* The candidate names the same CPU as the kernel does, several times. */
static bool agrees_with_sched(ab_cpu_id_fn candidate)
{
    int agreed = 0;
    for (int attempt = 0; attempt < 100 * AGREEMENT_CHECKS && agreed < AGREEMENT_CHECKS;
         attempt++) {
        int a = sched_getcpu(), b = candidate(), c = sched_getcpu();
        if (a != c)
            continue; /* moved during the check: ask again */
        if (a != b)
            return false;
        agreed++;
    }
    return agreed == AGREEMENT_CHECKS;
}
#endif

static ab_cpu_id_fn chosen, override;
static const char *chosen_name;

const char *ab_cpu_id_init(void)
{
    if (chosen != NULL)
        return chosen_name;
    chosen = cpu_from_sched;
    chosen_name = "sched_getcpu";
#if defined(__x86_64__)
    unsigned a, b, c, d;
    bool rdpid = __get_cpuid_count(7, 0, &a, &b, &c, &d) && ((c >> 22) & 1);
    bool rdtscp = __get_cpuid(0x80000001u, &a, &b, &c, &d) && ((d >> 27) & 1);
    if (rdpid && agrees_with_sched(cpu_from_rdpid)) {
        chosen = cpu_from_rdpid;
        chosen_name = "rdpid";
    } else if (rdtscp && agrees_with_sched(cpu_from_rdtscp)) {
        chosen = cpu_from_rdtscp;
        chosen_name = "rdtscp TSC_AUX";
    }
#endif
    return chosen_name;
}

int ab_cpu_id_now(void)
{
    if (override != NULL)
        return override();
    if (chosen == NULL)
        ab_cpu_id_init();
    return chosen();
}

void ab_cpu_id_override(ab_cpu_id_fn fn) { override = fn; }
