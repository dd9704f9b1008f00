/*
 * The random inputs the sweep's unit tests draw (test_verdict_batch.c,
 * test_metrics_filter.c), from the harness's generator: binary32 inputs that are
 * half any finite pattern (tails, subnormals) and half |x| < 16 (the
 * activations' middle, where most pieces meet).
 */
#ifndef ACTBENCH_TESTS_RANDOM_INPUTS_H
#define ACTBENCH_TESTS_RANDOM_INPUTS_H

#include <stdint.h>

#include "common/rng.h"
#include "sweep/bits.h"

static inline float pick_input(uint64_t *s)
{
    uint64_t r = ab_rng_next(s);
    if (r & 1)
        return (float)(((double)(r >> 11) * 0x1p-53 - 0.5) * 32.0);
    uint32_t b;
    do {
        b = (uint32_t)ab_rng_next(s);
    } while ((b & 0x7F800000u) == 0x7F800000u);
    return ffrom(b);
}

#endif
