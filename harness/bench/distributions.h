/*
 * Input distributions of the benchmark. Branchy kernels (a slow path for
 * large |x|, a special case near a threshold, subnormal arithmetic) run at
 * different speeds on different inputs, so every timing names its
 * distribution. All are seeded: every implementation sees the same inputs.
 *   uniform[-10,10]  uniform on [-10, 10] (24-bit grid)
 *   positive(0,10]   uniform on (0, 10]
 *   normal(0,1)      normal, mean 0, standard deviation 1: typical
 *                    pre-activations of a normalised layer
 *   normal(0,4)      normal, mean 0, standard deviation 4: wide
 *                    pre-activations, more of them in the saturated tails
 *   (command-line names: uniform, positive, normal1, normal4, tails, all)
 *   tails            a quarter each of: large |x| (log-uniform from the
 *                    widest registry range of the selected activations up
 *                    to 2^24 times it), tiny |x| (log-uniform over
 *                    2^-149..2^-10: subnormal inputs and results), points
 *                    within 2^10 ulps of a named input (the registry's
 *                    special inputs of the selected activations and the
 *                    generic ones: thresholds, zeros, cancellation zones),
 *                    and uniform between two named inputs (e.g. the range
 *                    where exp's result is subnormal). Finite only.
 */
#ifndef ACTBENCH_BENCH_DISTRIBUTIONS_H
#define ACTBENCH_BENCH_DISTRIBUTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "actbench/actbench.h"

typedef enum ab_distribution {
    AB_DIST_UNIFORM,
    AB_DIST_POSITIVE,
    AB_DIST_NORMAL_1,
    AB_DIST_NORMAL_4,
    AB_DIST_TAILS,
    AB_DIST_COUNT
} ab_distribution;

const char *ab_distribution_name(ab_distribution d);

/* Parses a comma list of names (or "all") into a bit mask of
 * 1u << ab_distribution; false with a message on an unknown name. */
bool ab_distribution_parse(const char *list, unsigned *mask);

/* Fills x[0..n) with distribution d and tangent[0..n) with uniform [-1,1)
 * (the v of J.v for vector activations). impls: the activations whose
 * registry ranges and special inputs shape "tails". Returns -1 when out of
 * memory. */
int ab_distribution_fill(ab_distribution d, float *x, float *tangent, size_t n,
                         const ab_impl *const *impls, size_t n_impls);

#endif
