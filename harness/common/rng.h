/*
 * The harness's one pseudo-random generator: splitmix64 (Steele, Lea and
 * Flood's 64-bit mixer over a Weyl sequence). Fast, seedable, and every
 * seed gives a full-period stream, which is all the inputs need: they are
 * test data, not cryptography. Helpers derive floats from its top bits so
 * that each value is exact in binary32.
 */
#ifndef ACTBENCH_COMMON_RNG_H
#define ACTBENCH_COMMON_RNG_H

#include <math.h>
#include <stdint.h>

static inline uint64_t ab_rng_next(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* u in [0, 1) with 24 random bits: exact in binary32. */
static inline float ab_rng_unit_float(uint64_t *state)
{
    return (float)(ab_rng_next(state) >> 40) * 0x1p-24f;
}

/* u in (0, 1) with 53 random bits (never 0: safe under log). */
static inline double ab_rng_open_unit(uint64_t *state)
{
    return ((double)(ab_rng_next(state) >> 11) + 0.5) * 0x1p-53;
}

/* A standard normal deviate (Box-Muller, cosine branch: one deviate per
 * two uniforms keeps the stream position simple to reason about). */
static inline double ab_rng_normal(uint64_t *state)
{
    double u1 = ab_rng_open_unit(state), u2 = ab_rng_open_unit(state);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

#endif
