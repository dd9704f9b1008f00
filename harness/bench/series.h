/*
 * Interleaved timing of several calls at one size, for the benchmark's
 * extra tables (per-call fit, row shapes): warm up, then each round takes
 * one sample of every series in turn (bench/protocol.h decides which
 * samples count), then outliers are dropped and the survivors summarised.
 */
#ifndef ACTBENCH_BENCH_SERIES_H
#define ACTBENCH_BENCH_SERIES_H

#include <stdbool.h>
#include <stddef.h>

#include "bench/protocol.h"

typedef struct ab_series {
    ab_timed_call call;
    unsigned reps;
    double *samples; /* rounds entries, ticks per call; NaN = discarded */
    ab_sample_counts counts;
    /* summary, filled by ab_series_run */
    double median, dispersion; /* ticks per call; MdAPE % */
    unsigned kept;
    bool enough; /* kept >= ab_series_min_valid(rounds) */
} ab_series;

/* Samples a series needs to count: max(3, ceil(rounds/2)), at most rounds. */
unsigned ab_series_min_valid(unsigned rounds);

/* Times every series on x[0..n) -> y for `rounds` rounds after about
 * warmup_ticks of warm-up. samples must hold `rounds` doubles each. */
void ab_series_run(ab_series *s, size_t count, const ab_pin *pin, const float *x, float *y,
                   size_t n, unsigned rounds, double warmup_ticks);

/* "too few valid samples: ..." into buf, from a series' counts. */
void ab_series_reason(char *buf, size_t size, const ab_series *s, unsigned rounds);

#endif
