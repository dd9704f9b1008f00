/*
 * The timed sample and what makes it valid (the benchmark's protocol,
 * docs/measurement.md).
 *
 * A sample is `reps` back-to-back calls of one kernel on n elements,
 * between `lfence; rdtsc; lfence` and `rdtscp; lfence`. Around it, outside
 * the timed region: the CPU the thread runs on (bench/cpu_id.h), the wall
 * clock (CLOCK_MONOTONIC) and the thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID). After it, the thread's affinity is read and
 * re-asserted if the kernel (a peer library's thread pool, say) changed it.
 * A sample is discarded, and counted by cause, when
 *   - migrated:   the CPU after differs from the CPU before;
 *   - backwards:  the stop timestamp is not after the start;
 *   - preempted:  the thread was off its CPU (wall time minus CPU time) for
 *                 more than AB_SAMPLE_OFF_CPU_FRACTION of the sample plus
 *                 AB_SAMPLE_OFF_CPU_SLACK_NS: another task ran in it. A
 *                 brief switch (a kernel worker for a few microseconds in a
 *                 50 ms sample) is tolerated, since the TSC difference on
 *                 one CPU stays a true interval. A guest cannot see its
 *                 vCPU being descheduled by the host; that shows up as an
 *                 outlier instead;
 *   - outlier:    after all rounds, longer than OUTLIER_FACTOR x the
 *                 median of the case's kept samples at that n.
 * A discarded sample is taken again, up to MAX_ATTEMPTS times per round.
 *
 * When the previous call of the same kernel had another n, one untimed call
 * at the new n comes first: a library that builds and caches a plan per
 * shape (oneDNN's primitives, XNNPACK's operators) would otherwise charge
 * the rebuild to the sample, and the protocol alternates n/2 and n. The
 * samples measure the steady state of repeated calls at one shape.
 */
#ifndef ACTBENCH_BENCH_PROTOCOL_H
#define ACTBENCH_BENCH_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hwloc.h>

#include "actbench/actbench.h"

enum { AB_SAMPLE_MAX_ATTEMPTS = 4 };
#define AB_SAMPLE_OUTLIER_FACTOR 1.5
#define AB_SAMPLE_OFF_CPU_FRACTION 0.01
#define AB_SAMPLE_OFF_CPU_SLACK_NS 5000.0

typedef enum ab_sample_verdict {
    AB_SAMPLE_OK,
    AB_SAMPLE_MIGRATED,
    AB_SAMPLE_BACKWARDS,
    AB_SAMPLE_PREEMPTED,
    AB_SAMPLE_OUTLIER,
    AB_SAMPLE_VERDICTS
} ab_sample_verdict;

/* Samples discarded, by verdict (index AB_SAMPLE_OK unused). */
typedef struct ab_sample_counts {
    unsigned discarded[AB_SAMPLE_VERDICTS];
    unsigned affinity_resets; /* samples after which the affinity had changed */
} ab_sample_counts;

/* Where the timing thread must stay. */
typedef struct ab_pin {
    hwloc_topology_t topo;
    hwloc_const_cpuset_t cpuset; /* the pinned PU's */
    hwloc_cpuset_t scratch;      /* for reading the current binding */
} ab_pin;

/* One kernel call as the benchmark makes it. */
typedef struct ab_timed_call {
    ab_kernel_fn kernel;
    const ab_params *params;
    bool mxcsr_changed; /* set when a call changed MXCSR control bits */
    size_t last_n;      /* n of the previous call (0: none yet) */
} ab_timed_call;

/* Ticks per call of `reps` calls on x[0..n) -> y, or NaN with *verdict
 * saying why it cannot be used (after MAX_ATTEMPTS tries when retry). */
double ab_sample_take(ab_timed_call *call, const ab_pin *pin, const float *x, float *y,
                      size_t n, unsigned reps, bool retry, ab_sample_verdict *verdict,
                      ab_sample_counts *counts);

/* Marks samples longer than OUTLIER_FACTOR x their median as NaN and
 * counts them. Returns the number of samples left. */
size_t ab_sample_drop_outliers(double *samples, size_t n, ab_sample_counts *counts);

/* "too few valid samples: kept of total, need N (discarded: ...)". */
void ab_sample_reason(char *buf, size_t size, unsigned kept, unsigned total, unsigned need,
                      const ab_sample_counts *counts);

/* Calls per sample so that one sample lasts about SAMPLE_TARGET_TICKS. */
unsigned ab_sample_reps_for(double ticks_per_call);

/* Name of a verdict: "ok", "migrated", "backwards", "preempted", "outlier". */
const char *ab_sample_verdict_name(ab_sample_verdict v);

/* Re-pins the thread if its binding differs from pin->cpuset; true when it
 * had changed. */
bool ab_pin_reassert(const ab_pin *pin);

#endif
