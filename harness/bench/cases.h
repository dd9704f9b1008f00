/*
 * The benchmark's working state, shared by the rooms of harness/bench/:
 * cases (what is timed), rows (what is reported), and the run.
 *
 * A block is one working-set size and one input distribution. Its cases
 * are the copy row's kernel, the floor kernels (bench/memory.h) and
 * every selected implementation x direction; each round times them all in
 * turn (A B C ... A B C ...) so that drift hits all alike.
 */
#ifndef ACTBENCH_BENCH_CASES_H
#define ACTBENCH_BENCH_CASES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "actbench/actbench.h"
#include "atomic_file.h"
#include "bench.h"
#include "bench/memory.h"
#include "bench/protocol.h"
#include "machine.h"

enum {
    AB_BENCH_PRELU_CHANNELS = 64,
    AB_BENCH_MAX_MEMORY_CASES = 1 + AB_FLOOR_KINDS * AB_MEMORY_MAX_WIDTHS,
};
/* A case is invalid below this fraction of its floor's time. */
#define AB_BENCH_FLOOR_MARGIN 0.7
#define AB_BENCH_UNSTABLE_PCT 5.0

typedef struct bench_case {
    const ab_impl *impl;     /* NULL: a memory kernel */
    const char *memory_name; /* its name ("loop-avx", "floor-copy-avx-nt", ...) */
    bool is_floor;           /* timed for the gate, not reported as a row */
    ab_floor_kind floor_kind;
    /* Its output does not depend on its input (probed: bench.c), so it may
     * not read it: judged against the store-only floor, not the copy's. */
    bool store_only;
    ab_direction direction;
    ab_params params;
    ab_timed_call call;
    unsigned reps[2];   /* calls per sample at n/2 [0] and n [1] */
    double *samples[2]; /* ticks per call, one per round; NaN = discarded */
    ab_sample_counts counts;
    uint32_t checksum;
} bench_case;

typedef struct bench_row {
    const char *activation, *variant, *isa, *direction, *distribution, *size_label;
    size_t case_index;
    int distribution_index;
    size_t n, bytes;
    double median, min, dispersion; /* ticks per element; NaN = none */
    bool unstable, mxcsr_changed, valid;
    char invalid_reason[200];
    unsigned rounds, reps_n, reps_half, samples_valid;
    ab_sample_counts counts;
    double floor_store, floor_copy; /* ticks per element, same block; NaN = none */
    bool store_only;                /* judged against floor_store */
    double call_difference;         /* median ticks per call, n minus n/2 */
    double call_spread;             /* the larger size's spread, ticks per call */
    uint32_t checksum;
    double ratio_to_naive, ratio_to_copy; /* NaN = none */
} bench_row;

typedef struct bench_run {
    const ab_bench_options *opt;
    const ab_machine *machine;
    ab_pin pin;
    const char *cpu_id_source;
    const ab_impl *const *impls;
    size_t n_impls;
    bench_case *cases;
    size_t n_cases;
    bench_row *rows;
    size_t n_rows, cap_rows;
    ab_atomic_file raw;
    float channel_alpha[AB_BENCH_PRELU_CHANNELS];
} bench_run;

typedef struct bench_level {
    const char *label;
    size_t total_bytes; /* input + output */
} bench_level;

/* Names of a case for the tables. */
const char *ab_case_activation(const bench_case *c);
const char *ab_case_variant(const bench_case *c);
const char *ab_case_isa(const bench_case *c);

/* Times one block (bench/block.c) and appends its rows. x, y and tangent
 * hold at least n floats each. Returns 0, or -1 (message printed). */
int ab_bench_block(bench_run *run, const bench_level *level, unsigned rounds,
                   double warmup_ticks, float *x, float *y, float *tangent, size_t n,
                   int distribution);

/* Fills the ratio columns once all blocks are in. */
void ab_bench_ratios(bench_run *run);

/* performance.csv, performance.md (bench/output.c). */
int ab_bench_write_csv(const bench_run *run);
int ab_bench_write_md(const bench_run *run, const bench_level *levels, size_t n_levels,
                      unsigned rounds, unsigned dram_rounds);

/* "activation,variant,isa,direction,distribution" (no trailing comma). */
void ab_case_put_csv(FILE *fp, const bench_case *c, const char *distribution);

/* Bytes per call of a case on n elements: input + output (+ tangent). */
size_t ab_case_bytes(const bench_case *c, size_t n);

#endif
