/* The sweep's short names for the bit casts of actbench/bits.h. */
#ifndef ACTBENCH_SWEEP_BITS_H
#define ACTBENCH_SWEEP_BITS_H

#include "actbench/bits.h"

static inline uint32_t fbits(float v) { return ab_float_bits(v); }
static inline float ffrom(uint32_t u) { return ab_bits_float(u); }
static inline uint64_t dbits(double v) { return ab_double_bits(v); }
static inline double dfrom(uint64_t u) { return ab_bits_double(u); }

#endif
