/*
 * The exact maximum of a block (tracker.c). Most cases know their
 * quantized error only as a cell [lo, hi]; the tracker keeps the cases that
 * can still be the block's maximum (ties: the smallest input) and settles
 * them in MPFR only when needed, so the max, argmax, worst y and CR value
 * equal a pure-MPFR sweep's at the cost of a few re-evaluations per block.
 */
#ifndef ACTBENCH_SWEEP_TRACKER_H
#define ACTBENCH_SWEEP_TRACKER_H

#include "sweep/exact.h"

#define CAND_MAX 64
typedef struct candidate {
    uint32_t x, y, cr;
    double lo, hi; /* the quantized error lies in [lo, hi] (grid points) */
    bool exact;    /* lo == hi is the quantized error MPFR gives */
    bool cr_known; /* cr holds the correct rounding of f */
} candidate;

typedef struct max_tracker {
    double max_lo;
    bool exact_at_max; /* an exact candidate holds max_lo (at a smaller input) */
    int n;
    candidate c[CAND_MAX];
} max_tracker;

/* Starts a block: no candidate. */
void ab_exh_tracker_reset(max_tracker *t);
/* Offers c (cases in increasing input order within a block). */
void ab_exh_tracker_add(max_tracker *t, const candidate *c, const eval_env *env,
                        ab_exh_pair *out);
/* Settles the maximum into out->stats (max_ulp, worst_x/y/cr). */
void ab_exh_tracker_finish(max_tracker *t, const eval_env *env, ab_exh_pair *out);

#endif
