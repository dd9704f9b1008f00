/*
 * The estimate model: our AVX2 kernels compiled a second time with every
 * rcpps in the result path replaced by a chosen value from the interval the
 * architecture allows (impls/estimate.h). A kernel's output is monotone in
 * the estimate where the estimate scales a correction term (q + rem * r),
 * so the two ends of the interval give the extremes of every conforming
 * CPU's output; a Newton step r(2 - d r) is largest at r = 1/d, so the
 * correctly rounded reciprocal is the third case. A seeded random choice
 * per lane adds the points in between.
 *
 * The model entries are ordinary ab_impl records (same activation, variant
 * "<variant>@rcp-<mode>", same declared bounds and flags), so the generic
 * accuracy code and the sweep measure them like any implementation.
 */
#ifndef AB_ESTIMATE_MODEL_H
#define AB_ESTIMATE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"

typedef enum ab_estimate_mode {
    AB_ESTIMATE_LOW = 0,  /* the smallest value the architecture allows */
    AB_ESTIMATE_HIGH,     /* the largest */
    AB_ESTIMATE_NEAREST,  /* 1/d correctly rounded */
    AB_ESTIMATE_RANDOM,   /* a seeded uniform pick among the allowed floats */
    AB_ESTIMATE_CPU,      /* this CPU's rcpps, checked against the interval */
    AB_ESTIMATE_MODES
} ab_estimate_mode;

const char *ab_estimate_mode_name(ab_estimate_mode mode);

/* Mode and statistics of the calling thread. */
void ab_estimate_set_mode(ab_estimate_mode mode, uint64_t seed);
/* Estimates taken by this thread since the last reset, and how many of
 * them (in AB_ESTIMATE_CPU mode) fell outside the architectural interval. */
void ab_estimate_reset_counts(void);
uint64_t ab_estimate_calls(void);
uint64_t ab_estimate_out_of_interval(void);

/* The allowed interval [*lo, *hi] for rcpps(d) (|lo| <= |hi|), widened
 * outwards by at most one float so that it surely contains it. Returns
 * false when d is zero, subnormal, infinite, NaN or so large that the
 * result may be flushed: then *lo and *hi hold the value(s) the
 * architecture defines. */
void ab_estimate_rcp_interval(float d, float *lo, float *hi);

/* Model entries: one per (registered kernel that has a model build, mode)
 * for modes LOW..RANDOM. */
size_t ab_estimate_model_count(void);
const ab_impl *ab_estimate_model_at(size_t index);
/* The registry entry a model entry stands for, and its mode. */
const ab_impl *ab_estimate_model_original(size_t index);
ab_estimate_mode ab_estimate_model_mode(size_t index);
/* True when the registry entry has a model build (our AVX2 kernels). */
bool ab_estimate_model_has(const ab_impl *impl);



/* How many of d[0..n) get an rcpps result from this CPU outside the
 * model's interval (0 on a conforming CPU: a check of the model). */
uint64_t ab_estimate_check_cpu(const float *d, size_t n);
#endif
