/*
 * One block of the sweep: a run of consecutive bit patterns evaluated by a
 * worker thread for every selected (implementation, direction) pair, giving
 * that block's statistics exactly as a pure-MPFR evaluation would (block.c).
 */
#ifndef ACTBENCH_SWEEP_BLOCK_H
#define ACTBENCH_SWEEP_BLOCK_H

#include "actbench/fastref.h"
#include "sweep/state.h"

typedef struct ab_exh_ctx {
    const ab_activation *act;
    ab_params params;
    ab_exh_format format;
    bool mpfr_reference;       /* every case in MPFR (16-bit formats always) */
    ab_fastref_fn fast[2];     /* by direction; NULL: MPFR */
    bool nan_ref_is_nan[2];    /* MPFR gives NaN for a NaN input */
    double grid_lo, grid_hi;
} ab_exh_ctx;

typedef struct ab_exh_worker ab_exh_worker;

/* Prepares ctx for act (looks up the fast references, probes NaN). */
void ab_exh_ctx_init(ab_exh_ctx *ctx, const ab_activation *act, ab_exh_format format,
                     bool mpfr_reference);

ab_exh_worker *ab_exh_worker_new(size_t block_size);
void ab_exh_worker_free(ab_exh_worker *w);

/* The kernels' share of a worker's work so far: its thread's CPU seconds
 * in the kernels, the kernel calls (default runs) and the FTZ/DAZ runs left
 * out (twins.h); thread_seconds is its thread's CPU time in all, read by
 * the caller on that thread. */
typedef struct ab_exh_kernel_time {
    double seconds, thread_seconds;
    uint64_t calls, ftz_skipped;
} ab_exh_kernel_time;
ab_exh_kernel_time ab_exh_worker_kernel_time(const ab_exh_worker *w);

/* Evaluates bit patterns [first, first + count) for every pair (impl and dir
 * taken from pairs[i]) and writes the block's statistics into out[i] (reset
 * first), with exact max/argmax. */
void ab_exh_eval_block(ab_exh_worker *w, const ab_exh_ctx *ctx, const ab_exh_pair *pairs,
                       size_t pair_count, uint64_t first, uint64_t count, ab_exh_pair *out);

#endif
