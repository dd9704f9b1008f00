/*
 * Sampled accuracy measurement (`actbench accuracy`): every selected
 * implementation, forward and derivative, against the MPFR reference on the
 * inputs of inputs.h (elementwise) or on a family of test vectors (softmax,
 * log_softmax). The exhaustive 2^32 sweep lives in exhaustive.h.
 */
#ifndef ACTBENCH_ACCURACY_H
#define ACTBENCH_ACCURACY_H

#include <stdbool.h>
#include <stdint.h>

#include "accuracy_stats.h"
#include "inputs.h"

typedef struct ab_accuracy_options {
    const char *output_dir;
    bool quick;
    bool quiet;
    uint64_t seed;
    size_t n_grid;           /* 0: default for the mode */
    size_t n_random;         /* used when n_random_given, else the default for the mode */
    bool n_random_given;
    long precision;          /* MPFR bits; 0: AB_REF_DEFAULT_PREC */
} ab_accuracy_options;

typedef struct ab_accuracy_row {
    const ab_impl *impl;
    ab_direction direction;
    ab_acc_stats stats;
    bool mxcsr_changed;
    double max_sum_error; /* softmax forward: max |Σy − 1|; log_softmax: max |Σe^y − 1|; else NaN */
    bool within_bound;
} ab_accuracy_row;

/* True when the measured statistics are inside the declared bound: max ULP
 * not above it and no error class outside the allowed set. */
bool ab_bound_holds(const ab_bound *bound, const ab_acc_stats *stats);

/* Measures impls[0..n) (all of activation act, elementwise, direction
 * offered) on the inputs. rows[i] receives impls[i]'s result. Returns 0, or
 * -1 on allocation failure. */
int ab_accuracy_measure_elementwise(const ab_activation *act, ab_direction dir,
                                   const ab_impl *const *impls, size_t n,
                                   const ab_input_set *inputs, long precision,
                                   ab_accuracy_row *rows);

/* The same for vector activations over the standard family of test vectors
 * (random, large spread, all equal, ties, −inf masks, lengths 0..1000). */
int ab_accuracy_measure_vector(const ab_activation *act, ab_direction dir,
                               const ab_impl *const *impls, size_t n, bool quick,
                               uint64_t seed, long precision, ab_accuracy_row *rows);

/* Measures every impl and merges its rows into output_dir/accuracy.csv and
 * accuracy.md (output/accuracy_table.h).
 * Returns 0 when all were measured and written (bound violations are
 * reported in the files and on stderr but are results, not errors), 1 on
 * error. */
int ab_accuracy_run(const ab_accuracy_options *opt, const ab_impl *const *impls, size_t n);

#endif
