/*
 * The benchmark clock (docs/measurement.md).
 *
 * On x86-64 the clock is the TSC: start = `lfence; rdtsc; lfence` (earlier
 * work finishes before the read, later work starts after it), stop =
 * `rdtscp; lfence` (rdtscp waits for the timed work; the lfence keeps later
 * work out). TSC ticks are not core cycles: the TSC runs at a constant rate
 * while the core clock moves, so the core/TSC ratio is estimated separately
 * and its source recorded. On other ISAs the clock falls back to
 * CLOCK_MONOTONIC_RAW in nanoseconds (one "tick" = 1 ns) and says so.
 */
#ifndef ACTBENCH_TIMER_H
#define ACTBENCH_TIMER_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef struct ab_timer_info {
    bool tsc;                  /* x86 TSC in use; false: clock_gettime fallback */
    bool invariant_tsc;        /* cpuid 0x80000007 EDX[8] */
    bool has_rdtscp;           /* cpuid 0x80000001 EDX[27] */
    bool hypervisor;           /* cpuid 1 ECX[31] */
    char hypervisor_vendor[13];/* cpuid 0x40000000 EBX,ECX,EDX; "" when none */
    double tsc_hz;             /* calibrated against CLOCK_MONOTONIC_RAW */
    double tsc_hz_spread_pct;  /* (max-min)/median of the calibration repeats */
    double core_per_tsc;       /* core cycles per TSC tick (estimate) */
    const char *cycle_source;  /* "perf_event cycles" or "dependent-add estimate" */
    char perf_event_error[96]; /* why perf_event was not used; "" when it was */
    double overhead_ticks_min; /* back-to-back start/stop */
    double overhead_ticks_median;
    const char *clock_name;    /* human description of the clock in use */
} ab_timer_info;

/* Checks the cpuid bits, calibrates the TSC (5 × 20 ms, median), estimates
 * the core/TSC ratio and the timer overhead. Takes about 0.2 s. Call it with
 * the thread already pinned. Prints warnings (no invariant TSC, no rdtscp)
 * to stderr unless quiet. Returns 0, or -1 when no usable clock exists. */
int ab_timer_init(ab_timer_info *info, bool quiet);

/* Core cycles per TSC tick measured now (same method as in ab_timer_init);
 * lets a long run re-check the ratio, which drifts on a shared host. */
double ab_timer_core_per_tsc_now(const ab_timer_info *info);

#if defined(__x86_64__)
/* Set by ab_timer_init: rdtscp exists (else stop uses the start sequence). */
extern bool ab_timer_stop_uses_rdtscp;

static inline uint64_t ab_timer_start(void)
{
    uint32_t lo, hi;
    __asm__ volatile("lfence\n\trdtsc\n\tlfence" : "=a"(lo), "=d"(hi) : : "memory");
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t ab_timer_stop(void)
{
    uint32_t lo, hi, aux;
    if (!ab_timer_stop_uses_rdtscp)
        return ab_timer_start();
    __asm__ volatile("rdtscp\n\tlfence" : "=a"(lo), "=d"(hi), "=c"(aux) : : "memory");
    (void)aux;
    return ((uint64_t)hi << 32) | lo;
}
#else
static inline uint64_t ab_timer_now_ns(void)
{
    struct timespec ts;
    __asm__ volatile("" : : : "memory");
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    __asm__ volatile("" : : : "memory");
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
static inline uint64_t ab_timer_start(void) { return ab_timer_now_ns(); }
static inline uint64_t ab_timer_stop(void) { return ab_timer_now_ns(); }
#endif

#endif
