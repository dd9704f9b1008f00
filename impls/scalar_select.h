/* Branch-free selection for the scalar "branchless" kernels: the choice is
 * made with integer masks, so the compiler has no data-dependent branch to
 * emit, and NaN inputs flow through the arithmetic. */
#ifndef ACTBENCH_SCALAR_SELECT_H
#define ACTBENCH_SCALAR_SELECT_H

#include "actbench/bits.h"

/* All ones when cond is nonzero, else zero. */
static inline uint32_t ab_mask(int cond)
{
    return (uint32_t)0 - (uint32_t)(cond != 0);
}

/* mask ? a : b, bitwise. */
static inline float ab_select(uint32_t mask, float a, float b)
{
    return ab_bits_float((ab_float_bits(a) & mask) | (ab_float_bits(b) & ~mask));
}

#endif
