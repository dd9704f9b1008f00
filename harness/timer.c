/* See timer.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__x86_64__)
#include <cpuid.h>
#endif
#if defined(__linux__)
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#endif

#include "common/stats.h"
#include "timer.h"

#if defined(__x86_64__)
bool ab_timer_stop_uses_rdtscp = true;
#endif

enum {
    CALIBRATION_REPEATS = 5,
    ADD_CHAIN_REPEATS = 31, /* short runs, many: a preempted run is an outlier */
    ADDS_PER_ITERATION = 16,
    ADD_CHAIN_ITERATIONS = 62500, /* 10^6 dependent adds, ~0.3 ms */
    OVERHEAD_PAIRS = 2001,
};
#define CALIBRATION_SECONDS 0.020

/* Sorts v in place: the overhead's minimum is then v[0]. */
static double median_of(double *v, size_t n)
{
    ab_stats_sort(v, n);
    return ab_stats_median(v, n);
}

static double monotonic_raw_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* A chain of dependent 1-cycle integer adds: each add waits for the previous
 * one, so the chain takes one core cycle per add on every current x86 and
 * ARM core. A register operand (not an immediate) keeps renamers that fold
 * immediate adds from shortening the chain. The loop counter is independent
 * and executes alongside. */
static uint64_t dependent_add_chain(uint64_t iterations)
{
    uint64_t acc = 0, one = 1;
#if defined(__x86_64__)
    __asm__ volatile(
        "1:\n\t"
        "add %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\t"
        "add %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\t"
        "add %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\t"
        "add %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\t"
        "dec %[n]\n\t"
        "jnz 1b"
        : [acc] "+r"(acc), [n] "+r"(iterations)
        : [one] "r"(one)
        : "cc");
#else
    for (uint64_t i = 0; i < iterations * ADDS_PER_ITERATION; i++) {
        acc += one;
        __asm__ volatile("" : "+r"(acc));
    }
#endif
    return acc;
}

/* Ticks of the timer clock taken by the add chain (median of repeats). */
static double add_chain_ticks(void)
{
    double ticks[ADD_CHAIN_REPEATS];
    for (int r = 0; r < ADD_CHAIN_REPEATS; r++) {
        uint64_t t0 = ab_timer_start();
        uint64_t acc = dependent_add_chain(ADD_CHAIN_ITERATIONS);
        uint64_t t1 = ab_timer_stop();
        __asm__ volatile("" : : "r"(acc));
        ticks[r] = (double)(t1 - t0);
    }
    return median_of(ticks, ADD_CHAIN_REPEATS);
}

/* The core must be at its working clock before the chain is timed. */
static void spin_seconds(double seconds)
{
    double end = monotonic_raw_seconds() + seconds;
    while (monotonic_raw_seconds() < end)
        __asm__ volatile("" : : : "memory");
}

static double dependent_add_core_per_tick(void)
{
    spin_seconds(0.010);
    double adds = (double)ADD_CHAIN_ITERATIONS * ADDS_PER_ITERATION;
    return adds / add_chain_ticks();
}

/* perf_event cycles counted over the same add chain, divided by its ticks;
 * 0 with the reason in `why` when perf_event cannot count cycles here. */
static double perf_event_core_per_tick(char *why, size_t why_size)
{
#if defined(__linux__)
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_CPU_CYCLES;
    attr.disabled = 1;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    int fd = (int)syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
    if (fd < 0) {
        snprintf(why, why_size, "perf_event_open(cycles): %s", strerror(errno));
        return 0;
    }
    spin_seconds(0.010);
    double ratios[ADD_CHAIN_REPEATS];
    int got = 0;
    for (int r = 0; r < ADD_CHAIN_REPEATS; r++) {
        uint64_t cycles = 0;
        ioctl(fd, PERF_EVENT_IOC_RESET, 0);
        ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
        uint64_t t0 = ab_timer_start();
        uint64_t acc = dependent_add_chain(ADD_CHAIN_ITERATIONS);
        uint64_t t1 = ab_timer_stop();
        ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
        __asm__ volatile("" : : "r"(acc));
        if (read(fd, &cycles, sizeof cycles) == (ssize_t)sizeof cycles && cycles > 0 && t1 > t0)
            ratios[got++] = (double)cycles / (double)(t1 - t0);
    }
    close(fd);
    if (got == 0) {
        snprintf(why, why_size, "perf_event cycles counter read nothing");
        return 0;
    }
    why[0] = '\0';
    return median_of(ratios, (size_t)got);
#else
    snprintf(why, why_size, "perf_event not available on this OS");
    return 0;
#endif
}

double ab_timer_core_per_tsc_now(const ab_timer_info *info)
{
    char why[96];
    if (info->cycle_source != NULL && strcmp(info->cycle_source, "perf_event cycles") == 0) {
        double r = perf_event_core_per_tick(why, sizeof why);
        if (r > 0)
            return r;
    }
    return dependent_add_core_per_tick();
}

/* A CLOCK_MONOTONIC_RAW reading in seconds and the timer reading at the same
 * instant: the clock read is bracketed by two timer reads and matched to
 * their midpoint. A bracket wider than PAIR_MAX_TICKS means the thread was
 * preempted or interrupted inside it (this shared host preempts often, and
 * half a preemption would shift the midpoint by milliseconds), so the pair is
 * read again. */
#define PAIR_MAX_TICKS 20000u
static double clock_and_timer(double *timer_mid)
{
    struct timespec ts;
    uint64_t t0, t1;
    for (int attempt = 0;; attempt++) {
        t0 = ab_timer_start();
        clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
        t1 = ab_timer_stop();
        if (t1 - t0 < PAIR_MAX_TICKS || attempt == 1000)
            break;
    }
    *timer_mid = 0.5 * ((double)t0 + (double)t1);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Timer ticks per second over `seconds` of CLOCK_MONOTONIC_RAW. */
static double calibrate_once(double seconds)
{
    double tick_start, tick_end;
    double start = clock_and_timer(&tick_start), end;
    do {
        end = clock_and_timer(&tick_end);
    } while (end - start < seconds);
    return (tick_end - tick_start) / (end - start);
}

#if defined(__x86_64__)
static void read_cpuid_bits(ab_timer_info *info)
{
    unsigned a, b, c, d;
    if (__get_cpuid(1, &a, &b, &c, &d))
        info->hypervisor = (c >> 31) & 1;
    unsigned max_ext = __get_cpuid_max(0x80000000u, NULL);
    if (max_ext >= 0x80000001u && __get_cpuid(0x80000001u, &a, &b, &c, &d))
        info->has_rdtscp = (d >> 27) & 1;
    if (max_ext >= 0x80000007u && __get_cpuid(0x80000007u, &a, &b, &c, &d))
        info->invariant_tsc = (d >> 8) & 1;
    if (info->hypervisor) {
        /* Leaf 0x40000000 is outside the standard range, so it is queried
         * directly: its vendor signature is EBX, ECX, EDX. */
        __cpuid(0x40000000u, a, b, c, d);
        memcpy(info->hypervisor_vendor + 0, &b, 4);
        memcpy(info->hypervisor_vendor + 4, &c, 4);
        memcpy(info->hypervisor_vendor + 8, &d, 4);
        info->hypervisor_vendor[12] = '\0';
        for (int i = 11; i >= 0 && info->hypervisor_vendor[i] == ' '; i--)
            info->hypervisor_vendor[i] = '\0'; /* "bhyve bhyve " pads with a space */
        for (int i = 0; i < 12; i++) /* printable for the result files */
            if (info->hypervisor_vendor[i] != '\0' &&
                (info->hypervisor_vendor[i] < 0x20 || info->hypervisor_vendor[i] > 0x7e))
                info->hypervisor_vendor[i] = '?';
    }
}
#endif

static void measure_overhead(ab_timer_info *info)
{
    double ticks[OVERHEAD_PAIRS];
    for (int i = 0; i < OVERHEAD_PAIRS; i++) {
        uint64_t t0 = ab_timer_start();
        uint64_t t1 = ab_timer_stop();
        ticks[i] = (double)(t1 - t0);
    }
    info->overhead_ticks_median = median_of(ticks, OVERHEAD_PAIRS); /* sorts */
    info->overhead_ticks_min = ticks[0];
}

int ab_timer_init(ab_timer_info *info, bool quiet)
{
    memset(info, 0, sizeof *info);
#if defined(__x86_64__)
    info->tsc = true;
    read_cpuid_bits(info);
    ab_timer_stop_uses_rdtscp = info->has_rdtscp;
    info->clock_name = info->has_rdtscp ? "TSC (lfence;rdtsc;lfence / rdtscp;lfence)"
                                        : "TSC (lfence;rdtsc;lfence both ends: no rdtscp)";
    if (!quiet && !info->invariant_tsc)
        fprintf(stderr, "actbench: warning: the CPU does not report an invariant TSC; "
                        "tick counts may follow the core clock\n");
    if (!quiet && !info->has_rdtscp)
        fprintf(stderr, "actbench: warning: no rdtscp; the stop timestamp uses "
                        "lfence;rdtsc;lfence\n");
#else
    info->tsc = false;
    info->clock_name = "clock_gettime(CLOCK_MONOTONIC_RAW) ns (no TSC on this ISA)";
    if (!quiet)
        fprintf(stderr, "actbench: note: not x86-64; timing with clock_gettime "
                        "(1 tick = 1 ns), much coarser than a TSC\n");
#endif
    double hz[CALIBRATION_REPEATS];
    for (int r = 0; r < CALIBRATION_REPEATS; r++)
        hz[r] = calibrate_once(CALIBRATION_SECONDS);
    double hz_sorted[CALIBRATION_REPEATS];
    memcpy(hz_sorted, hz, sizeof hz);
    info->tsc_hz = median_of(hz_sorted, CALIBRATION_REPEATS);
    info->tsc_hz_spread_pct =
        100.0 * (hz_sorted[CALIBRATION_REPEATS - 1] - hz_sorted[0]) / info->tsc_hz;
    if (!(info->tsc_hz > 1e6)) {
        fprintf(stderr, "actbench: the timer does not advance (calibrated %.3g Hz)\n",
                info->tsc_hz);
        return -1;
    }

    double ratio = perf_event_core_per_tick(info->perf_event_error,
                                            sizeof info->perf_event_error);
    if (ratio > 0) {
        info->cycle_source = "perf_event cycles";
    } else {
        info->cycle_source = "dependent-add estimate";
        ratio = dependent_add_core_per_tick();
    }
    info->core_per_tsc = ratio;
    measure_overhead(info);
    return 0;
}
