/*
 * `actbench bench`: times the forward and derivative kernels of a set of
 * implementations. The method, the validity rules and every output column
 * are described in docs/measurement.md; the rooms are in harness/bench/:
 *   protocol.c      the timed sample and its checks (CPU, switches, order)
 *   cpu_id.c        where the thread runs (RDPID, rdtscp TSC_AUX, sched_getcpu)
 *   memory*.c       the copy row and the store/copy floor kernels
 *   distributions.c the input distributions
 *   block.c         one size x distribution: interleaved rounds, judging
 *   output*.c       performance.csv (columns documented there) and .md
 *   series.c        interleaved timing at one size, for the extra tables:
 *   fit.c           t(n) = a + b n per case: per-call and per-element cost
 *   rows.c          softmax-like activations by rows x row length
 *   threads.c       throughput with 1..all cores beside the copy
 * This file holds the driver: pinning, sizes, buffers, and the order of
 * blocks.
 *
 * Sizes (input + output) from hwloc's caches of the pinned PU: ~1/2 L1d
 * ("L1"), ~1/2 L2, ~1/2 L3, 4x L3 ("DRAM"); x, y and the tangent are 64-byte
 * aligned, first-touched after pinning, and mutually offset by a
 * non-multiple of 4 KiB.
 */
#ifndef ACTBENCH_BENCH_H
#define ACTBENCH_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "actbench/actbench.h"

typedef struct ab_bench_options {
    const char *output_dir; /* created if missing */
    bool quick;     /* L1 and L2 sizes only, 5 rounds, short warm-up: seconds */
    unsigned rounds; /* 0 = default: 15 (quick: 5); DRAM uses max(3, rounds/3) */
    bool quiet;     /* no progress on stderr */
    /* Bit mask of 1u << ab_distribution (bench/distributions.h); 0 = all. */
    unsigned distributions;
    /* Bit mask of AB_BENCH_PART_*; 0 = all. */
    unsigned parts;
} ab_bench_options;

enum {
    AB_BENCH_PART_SIZES = 1u << 0,   /* performance.csv/.md: L1..DRAM x distributions */
    AB_BENCH_PART_FIT = 1u << 1,     /* performance_fit.csv, performance_by_n.csv */
    AB_BENCH_PART_ROWS = 1u << 2,    /* performance_rows.csv (vector activations) */
    AB_BENCH_PART_THREADS = 1u << 3, /* performance_threads.csv */
    AB_BENCH_PART_ALL = (1u << 4) - 1,
};

/* Sets a bench-only option from the command line: name is the long option
 * without dashes ("distribution"), value its argument. Returns 0, 2 (usage
 * error, message printed), or 1 when the name is not a bench option. */
int ab_bench_set_option(ab_bench_options *opt, const char *name, const char *value);

/* One line per bench-only option, for the command's --help. */
extern const char ab_bench_options_help[];

/* Times forward and derivative (when the implementation has one) of each
 * impl; every impl must be supported by the CPU (ab_impl_supported).
 * Vector activations (AB_FLAG_VECTOR) treat the array as one row; their
 * derivative gets params->tangent. Every activation runs with its
 * default_params, plus a 64-channel channel_alpha (only prelu reads it).
 * Writes output_dir/performance.csv, performance.md, raw/bench_samples.csv
 * and, per opt->parts, performance_fit.csv, performance_by_n.csv,
 * performance_rows.csv and performance_threads.csv, each atomically. Returns 0, or prints a clear message
 * and returns non-zero (2 for a usage error). */
int ab_bench_run(const ab_bench_options *opt, const ab_impl *const *impls, size_t n_impls);

#endif
