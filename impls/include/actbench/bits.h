/* Bit casts between binary32/binary64 values and their bit patterns, by
 * memcpy (no aliasing question; compilers emit a register move). Shared by
 * the scalar kernels (impls/scalar_select.h) and the harness. */
#ifndef ACTBENCH_BITS_H
#define ACTBENCH_BITS_H

#include <stdint.h>
#include <string.h>

static inline uint32_t ab_float_bits(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static inline float ab_bits_float(uint32_t u)
{
    float v;
    memcpy(&v, &u, sizeof v);
    return v;
}

static inline uint64_t ab_double_bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static inline double ab_bits_double(uint64_t u)
{
    double v;
    memcpy(&v, &u, sizeof v);
    return v;
}

#endif
