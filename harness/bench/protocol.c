/* See protocol.h. */
#include <math.h>
#include <stdio.h>
#include <time.h>

#include "bench/cpu_id.h"
#include "bench/protocol.h"
#include "common/mxcsr.h"
#include "common/stats.h"
#include "timer.h"

/* Ticks per sample: twice the protocol's 10^4 minimum plus margin, so a
 * fast-running rep count still clears it. */
#define SAMPLE_TARGET_TICKS 25000.0

const char *ab_sample_verdict_name(ab_sample_verdict v)
{
    static const char *const names[AB_SAMPLE_VERDICTS] = {"ok", "migrated", "backwards",
                                                          "preempted", "outlier"};
    return (unsigned)v < AB_SAMPLE_VERDICTS ? names[v] : "?";
}

static inline void timed_call(ab_timed_call *c, const float *x, float *y, size_t n)
{
    ab_mxcsr_state saved = ab_mxcsr_save();
    c->kernel(x, y, n, c->params);
    /* y is "used": the compiler must assume each call's output is read. */
    __asm__ volatile("" : : "r"(y) : "memory");
    if (ab_mxcsr_restore(saved))
        c->mxcsr_changed = true;
}

/* Wall-clock and this thread's CPU time, in ns. */
static void clocks_now(double *wall_ns, double *cpu_ns)
{
    struct timespec w, c;
    clock_gettime(CLOCK_MONOTONIC, &w);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c);
    *wall_ns = 1e9 * (double)w.tv_sec + (double)w.tv_nsec;
    *cpu_ns = 1e9 * (double)c.tv_sec + (double)c.tv_nsec;
}

bool ab_pin_reassert(const ab_pin *pin)
{
    if (pin == NULL || pin->topo == NULL)
        return false;
    if (hwloc_get_cpubind(pin->topo, pin->scratch, HWLOC_CPUBIND_THREAD) == 0 &&
        hwloc_bitmap_isequal(pin->scratch, pin->cpuset))
        return false;
    hwloc_set_cpubind(pin->topo, pin->cpuset, HWLOC_CPUBIND_THREAD);
    return true;
}

static double one_attempt(ab_timed_call *call, const ab_pin *pin, const float *x, float *y,
                          size_t n, unsigned reps, ab_sample_verdict *verdict,
                          ab_sample_counts *counts)
{
    double wall0, cpu0, wall1, cpu1;
    clocks_now(&wall0, &cpu0);
    int cpu_before = ab_cpu_id_now();
    uint64_t t0 = ab_timer_start();
    for (unsigned r = 0; r < reps; r++)
        timed_call(call, x, y, n);
    uint64_t t1 = ab_timer_stop();
    int cpu_after = ab_cpu_id_now();
    clocks_now(&wall1, &cpu1);
    double off_cpu_ns = (wall1 - wall0) - (cpu1 - cpu0);
    bool switched = off_cpu_ns > AB_SAMPLE_OFF_CPU_FRACTION * (wall1 - wall0) +
                                     AB_SAMPLE_OFF_CPU_SLACK_NS;
    if (ab_pin_reassert(pin))
        counts->affinity_resets++;

    if (cpu_before != cpu_after)
        *verdict = AB_SAMPLE_MIGRATED;
    else if (t1 <= t0)
        *verdict = AB_SAMPLE_BACKWARDS;
    else if (switched)
        *verdict = AB_SAMPLE_PREEMPTED;
    else
        *verdict = AB_SAMPLE_OK;
    return *verdict == AB_SAMPLE_OK ? (double)(t1 - t0) / reps : NAN;
}

double ab_sample_take(ab_timed_call *call, const ab_pin *pin, const float *x, float *y,
                      size_t n, unsigned reps, bool retry, ab_sample_verdict *verdict,
                      ab_sample_counts *counts)
{
    double ticks = NAN;
    int attempts = retry ? AB_SAMPLE_MAX_ATTEMPTS : 1;
    if (call->last_n != n) { /* untimed: a new shape's one-time cost */
        timed_call(call, x, y, n);
        call->last_n = n;
    }
    for (int a = 0; a < attempts; a++) {
        ticks = one_attempt(call, pin, x, y, n, reps, verdict, counts);
        if (*verdict == AB_SAMPLE_OK)
            break;
        counts->discarded[*verdict]++;
    }
    return ticks;
}

size_t ab_sample_drop_outliers(double *samples, size_t n, ab_sample_counts *counts)
{
    double med = ab_stats_median(samples, n);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(samples[i]))
            continue;
        if (samples[i] > AB_SAMPLE_OUTLIER_FACTOR * med) {
            samples[i] = NAN;
            counts->discarded[AB_SAMPLE_OUTLIER]++;
        } else {
            kept++;
        }
    }
    return kept;
}

unsigned ab_sample_reps_for(double ticks_per_call)
{
    if (!(ticks_per_call > 0))
        return 1000;
    double r = ceil(SAMPLE_TARGET_TICKS / ticks_per_call);
    return r < 1 ? 1 : r > 1e7 ? 10000000u : (unsigned)r;
}

void ab_sample_reason(char *buf, size_t size, unsigned kept, unsigned total, unsigned need,
                      const ab_sample_counts *counts)
{
    const unsigned *d = counts->discarded;
    snprintf(buf, size,
             "too few valid samples: %u of %u, need %u (discarded: %u migrated, %u backwards, "
             "%u preempted, %u outliers)",
             kept, total, need, d[AB_SAMPLE_MIGRATED], d[AB_SAMPLE_BACKWARDS],
             d[AB_SAMPLE_PREEMPTED], d[AB_SAMPLE_OUTLIER]);
}
