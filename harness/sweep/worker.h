/*
 * The buffers of one worker thread (block.c fills them per chunk,
 * classify.c reads them per implementation pass), and the bulk sums of the
 * correctly rounded cases.
 */
#ifndef ACTBENCH_SWEEP_WORKER_H
#define ACTBENCH_SWEEP_WORKER_H

#include "sweep/block.h"
#include "sweep/decide.h"
#include "sweep/tracker.h"
#include "sweep/twins.h"
#include "sweep/verdict_batch.h"

/* The correctly rounded cases of a chunk are summed once per direction: an
 * implementation that returns the correct rounding at an input adds the same
 * figures there as any other (the cr_verdict's error, bin 0, no class), so
 * its pass over the chunk visits only the other inputs, and subtracts those
 * that had a CR verdict from these sums (cr_exclusion). The map cells are
 * summed per run of consecutive inputs in one cell. */
#define NO_RUN 0xFFFF
#define TOP_CR 16
typedef struct cr_run {
    int cell;            /* binade: sign * 256 + exponent field; grid: bin */
    uint32_t begin, end; /* inputs [begin, end) of the chunk */
    uint32_t count;      /* of them with a CR verdict */
    uint32_t argmax;     /* the first input holding max */
    double sum, max;     /* of their cr_verdict errors */
} cr_run;

typedef struct cr_exclusion {
    uint32_t count; /* inputs of the run whose result is not the CR one */
    double sum;     /* of their cr_verdict errors */
    bool lost_max;  /* the run's argmax is one of them */
} cr_exclusion;

typedef struct cr_runs {
    cr_run *run;
    cr_exclusion *excl; /* per implementation pass */
    size_t n;
} cr_runs;

/* A block is classified chunk by chunk: the prepared references of a chunk
 * (~160 bytes per input) stay in L2 while every implementation passes over
 * them; a whole block's (10 MB) was streamed from memory once per
 * implementation. */
#ifndef AB_EXH_CHUNK
#define AB_EXH_CHUNK 1024
#endif

/* Inputs per kernel call (twins.h). A peer's per-call cost is spread over
 * more inputs (PyTorch's dispatch took ~40 % of softsign's kernel time in
 * calls of 1,024), while the FTZ/DAZ run, decided per call, covers more
 * inputs that may not need it; 16,384 was the best of 1,024 to 65,536. The
 * length changes no result: each element's bits do not depend on n or on
 * the offset (the registry's contract, tests/test_kernel_contract.c). */
#ifndef AB_EXH_KERNEL_CALL
#define AB_EXH_KERNEL_CALL 16384
#endif

/* An input waiting for the verdict batch (classify.c): its lane, or
 * QUEUED_COPY for the verdict of the input before it. */
#define QUEUED_COPY 0xFFFF
#define QUEUED_MAX 256
typedef struct queued_input {
    uint16_t input, lane;
} queued_input;

struct ab_exh_worker {
    size_t cap;
    float *x;          /* the block's inputs */
    prepared *prep;    /* one chunk */
    double *crs;       /* one chunk's correct roundings (MPFR mode) */
    max_tracker *trackers; /* one per pair, across the chunks of a block */
    size_t tracker_count;
    mpfr_t f;
    bool f_init;
    mpfr_t *mf; /* MPFR values of the chunk (MPFR mode) */
    size_t mf_count;
    /* The chunk's CR verdicts: cr_key[i] is the CR float's bits when
     * prep[i].cr_verdict_ok, else 2^32 (equal to no float's bits). */
    uint64_t *cr_key;
    double *cr_qlo, *cr_qhi; /* their cell (q_lo: a lower bound of the block maximum) */
    uint16_t *others;  /* per implementation pass: the inputs where y is not CR */
    uint16_t *visit;   /* per implementation pass: the inputs classified one by one */
    verdict_batch *vbatch; /* the common-case verdicts queued (verdict_batch.h) */
    queued_input queued[QUEUED_MAX]; /* the inputs waiting for the batch, in order */
    bool avx2; /* the batch's AVX2 version runs here */
    uint16_t top[TOP_CR]; /* the inputs of the TOP_CR highest CR q_hi, descending */
    size_t top_n;
    cr_runs binade_runs, grid_runs;
    struct ab_exh_metrics *metrics; /* the error metrics' buffers (metrics.h) */
    ab_exh_outputs outputs; /* one direction's results over the block (twins.h) */
    double kernel_seconds;  /* this thread's CPU time in the kernels (outputs.calls calls) */
};

/* One implementation's results ys of the prepared chunk (n inputs xs) into
 * out and its tracker t: with the fast reference, or against the MPFR
 * values of the chunk (w->mf, w->crs). */
void ab_exh_classify_fast(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, ab_exh_worker *w);
void ab_exh_classify_mpfr(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, ab_exh_worker *w);

#endif
