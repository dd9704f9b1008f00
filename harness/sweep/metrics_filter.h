/*
 * The error metrics' per-pass filter (metrics.c): which cases of a chunk can
 * reach a maximum so far. The chunk's references are laid out once per
 * direction as arrays (ab_exh_filter_refs), and each implementation's pass
 * tests all its cases against the bars of the four figures, taken at the
 * start of the pass, 4 per step with AVX2 where the CPU has it
 * (metrics_avx2.c), else one by one (metrics_filter.c). The test is case_default's own, operation for
 * operation in the same order, so a lane it passes is one case_default
 * would count and leave.
 */
#ifndef ACTBENCH_SWEEP_METRICS_FILTER_H
#define ACTBENCH_SWEEP_METRICS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Per input of the chunk: the fields of the cheap bound abs_upper, and of
 * the bars' tests. An input that the filter must leave to case_default
 * (not a finite value reference) has v = NaN, which fails every test. */
typedef struct filter_refs {
    double *v, *tmid, *hw, *res_lo;
    double *uinv;       /* 1/U(f), or inf where the unit is not settled */
    double *inv_fabs;   /* an upper bound of 1/|f| */
    double *zero_v;     /* v where y == v has every figure 0, else NaN */
    int64_t *normal;    /* -1: a normal output, else 0 */
} filter_refs;

/* The bars of the four figures and whether a zero absolute or relative
 * error can still win (none offered yet). An error below the reference's
 * resolution counts as 0 in both (accuracy_stats.h). */
typedef struct filter_bars {
    double abs, ulp, rel, ftz;
    bool abs_unset, rel_unset;
} filter_bars;

/* Bit i of slow (n bits, 64 per word) set: case i needs case_default (or
 * the FTZ/DAZ run changed it). Returns the number of normal outputs among
 * the others, which only count. */
uint64_t ab_exh_filter_avx2(const filter_refs *f, const float *ys, const float *y_ftz, size_t n,
                            const filter_bars *b, uint64_t *slow);
/* The same test without AVX2 (metrics_filter.c). */
uint64_t ab_exh_filter_scalar(const filter_refs *f, const float *ys, const float *y_ftz,
                              size_t n, const filter_bars *b, uint64_t *slow);

#endif
