/*
 * The error metrics a user chooses by, in the exhaustive sweep (metrics.c):
 * max ULP over normal outputs, max relative error over normal outputs, max
 * absolute error, and the kernels rerun with MXCSR FTZ+DAZ set (results
 * changed, NaN/inf errors, max ULP over normal outputs), each maximum with
 * its input, result and correctly rounded reference (accuracy_stats.h).
 *
 * Method: the reference of a chunk is prepared once per direction and
 * shared by every implementation and by both MXCSR modes: the interval
 * f in [v + tlo, v + thi] of the fast reference (decide.h) where it settles
 * the correct rounding, else MPFR's value. A case's error is bounded from
 * that interval with outward rounding; it is computed only when its upper
 * bound can still reach the maximum so far, and decided when both ends fall
 * in the same grid cell (Q for ULP, as max_ulp; Q_rel below for relative
 * and absolute errors), else evaluated in MPFR. So every figure equals that
 * of a pure-MPFR sweep, and the maxima merge exactly (ties: smaller input).
 */
#ifndef ACTBENCH_SWEEP_METRICS_H
#define ACTBENCH_SWEEP_METRICS_H

#include "actbench/actbench.h"
#include "sweep/decide.h"
#include "sweep/exact.h"
#include "sweep/quantize.h" /* Q_rel */

typedef struct ab_exh_metrics ab_exh_metrics;

/* A worker's buffers for chunks of up to chunk inputs; NULL when out of memory. */
ab_exh_metrics *ab_exh_metrics_new(size_t chunk);
void ab_exh_metrics_free(ab_exh_metrics *m);

/* The chunk's references for the metrics, from the prepared fast values
 * (prep) or, in MPFR mode, MPFR's values mf and correct roundings crs. */
void ab_exh_metrics_prepare(ab_exh_metrics *m, const eval_env *env, const prepared *prep,
                            mpfr_t *mf, const double *crs, const float *xs, size_t n);

/* Pair number pair of a block on the prepared chunk: its default-mode
 * results ys and its results zs with FTZ/DAZ set; the metrics of both into
 * out. Chunks of a block come in increasing input order. */
void ab_exh_metrics_pass(ab_exh_metrics *m, size_t pair, ab_exh_pair *out, const eval_env *env,
                         const float *xs, const float *ys, const float *zs, size_t n);
/* At the end of a block: settles the pair's undecided cases in MPFR. */
void ab_exh_metrics_finish(ab_exh_metrics *m, size_t pair, ab_exh_pair *out, const eval_env *env);

/* The metrics of one case exactly (MPFR value f, its evaluation inexact or
 * not), quantized as the sweep reports them: the brute-force definition.
 * ftz_run: only the FTZ/DAZ maximum (results changed and NaN/inf cases are
 * counted over the whole run, not here). */
void ab_exh_metrics_exact_case(ab_acc_stats *s, ab_exh_format fmt, float x, double y,
                               const mpfr_t f, bool inexact, bool ftz_run);

#endif
