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

/* A small, fast, seedable generator (splitmix64). */
static inline uint64_t ab_rng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

#endif
