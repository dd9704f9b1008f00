/*
 * The exact error of one case in MPFR: the sweep's fallback where the fast
 * bound cannot decide, the re-evaluation of maximum candidates, the
 * 16-bit formats and --reference mpfr (exact.c).
 */
#ifndef ACTBENCH_SWEEP_EXACT_H
#define ACTBENCH_SWEEP_EXACT_H

#include "sweep/block.h"

/* What one direction of a block is evaluated with. */
typedef struct eval_env {
    const ab_exh_ctx *ctx;
    ab_direction dir;
    mpfr_t *f; /* the worker's MPFR scratch value */
} eval_env;

/* y == f exactly (quantized error 0) needs an exact reference: when MPFR's
 * value equals y but its evaluation was inexact, the error is made a value
 * below the 2^-30 floor (so Q gives the floor). */
void ab_exh_zero_needs_exact(ab_ulp_error *e, bool ref_inexact);

/* The error of y at input x of act/dir in format fmt, f as scratch; *cr gets
 * the correct rounding of f. */
ab_ulp_error ab_exh_exact_error(const ab_activation *act, ab_direction dir,
                                const ab_params *params, ab_exh_format fmt, float x, double y,
                                mpfr_t f, double *cr);
/* The same with the block's context. */
ab_ulp_error ab_exh_exact_case(const eval_env *env, float x, double y, double *cr);

#endif
