/* The benchmark's extra tables, each its own file (bench/fit.c,
 * bench/rows.c, bench/threads.c): per-call overhead and per-element cost,
 * softmax-like row shapes, and thread scaling. */
#ifndef ACTBENCH_BENCH_FIT_H
#define ACTBENCH_BENCH_FIT_H

#include "bench/cases.h"

/* performance_fit.csv and performance_by_n.csv. Returns 0 or -1. */
int ab_bench_fit(bench_run *run, int distribution, unsigned rounds, double warmup_ticks);

/* performance_rows.csv (vector activations only). Returns 0 or -1. */
int ab_bench_rows(bench_run *run, int distribution, unsigned rounds, double warmup_ticks);

/* performance_threads.csv. Returns 0 or -1. */
int ab_bench_threads(bench_run *run, const bench_level *levels, size_t n_levels,
                     unsigned rounds);

#endif
