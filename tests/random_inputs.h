/*
 * The random inputs the sweep's unit tests draw (test_verdict_batch.c,
 * test_metrics_filter.c): a splitmix64 stream, and binary32 inputs that are
 * half any finite pattern (tails, subnormals) and half |x| < 16 (the
 * activations' middle, where most pieces meet).
 */
#ifndef ACTBENCH_TESTS_RANDOM_INPUTS_H
#define ACTBENCH_TESTS_RANDOM_INPUTS_H

#include <stdint.h>

#include "sweep/bits.h"

static inline uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static inline float pick_input(uint64_t *s)
{
    uint64_t r = next_rand(s);
    if (r & 1)
        return (float)(((double)(r >> 11) * 0x1p-53 - 0.5) * 32.0);
    uint32_t b;
    do {
        b = (uint32_t)next_rand(s);
    } while ((b & 0x7F800000u) == 0x7F800000u);
    return ffrom(b);
}

#endif
