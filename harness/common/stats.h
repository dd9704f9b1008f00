/*
 * Small robust statistics for timing samples: median, minimum, median
 * absolute percentage deviation, and an ordinary least-squares line. NaN
 * entries mean "no sample" and are skipped by every function, so a round
 * whose sample was discarded leaves a hole rather than a fake value.
 */
#ifndef ACTBENCH_COMMON_STATS_H
#define ACTBENCH_COMMON_STATS_H

#include <stddef.h>

/* Sorts v in place (NaNs last) and returns the number of non-NaN entries. */
size_t ab_stats_sort(double *v, size_t n);

/* Median of the non-NaN entries of v (v unchanged); NaN when none. */
double ab_stats_median(const double *v, size_t n);

/* Smallest non-NaN entry; NaN when none. */
double ab_stats_min(const double *v, size_t n);

/* Median of |v[i] - median| / median, in percent; NaN when the median is
 * not positive or there are no samples. */
double ab_stats_mdape_pct(const double *v, size_t n);

/* Weighted least squares y = a + b*x over the pairs whose y is not NaN
 * (w = NULL: equal weights). Returns the number of pairs used; a and b are
 * NaN when fewer than 2 distinct x. */
size_t ab_stats_fit_line_weighted(const double *x, const double *y, const double *w, size_t n,
                                  double *a, double *b);

#endif
