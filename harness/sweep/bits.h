/* Bit casts between floats, doubles and their patterns (memcpy: no
 * aliasing, compiled to register moves). */
#ifndef ACTBENCH_SWEEP_BITS_H
#define ACTBENCH_SWEEP_BITS_H

#include <stdint.h>
#include <string.h>

static inline uint32_t fbits(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static inline float ffrom(uint32_t u)
{
    float v;
    memcpy(&v, &u, sizeof v);
    return v;
}

static inline uint64_t dbits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

#endif
