/*
 * Test inputs for the sampled accuracy measurement: named special inputs
 * (accuracy.md's list plus each activation's own thresholds, each with its
 * float neighbours), a dense grid over the activation's interesting range,
 * and seeded random bit patterns over all floats.
 */
#ifndef ACTBENCH_INPUTS_H
#define ACTBENCH_INPUTS_H

#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"
#include "common/rng.h" /* ab_rng_next: the harness's one generator */

typedef struct ab_input_set {
    float *x;
    size_t n;
    size_t n_named, n_grid, n_random; /* x holds named, then grid, then random */
} ab_input_set;

/* Returns 0, or -1 on allocation failure. */
int ab_inputs_build(ab_input_set *set, const ab_activation *act, size_t n_grid,
                    size_t n_random, uint64_t seed);
void ab_inputs_free(ab_input_set *set);

/* The generic named inputs of accuracy.md, for reuse by tests. */
size_t ab_generic_named_inputs(const float **out);

#endif
