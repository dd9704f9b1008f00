/* The copy kernel that gives the benchmark its memory ceiling (bench_copy.c). */
#ifndef ACTBENCH_BENCH_COPY_H
#define ACTBENCH_BENCH_COPY_H

#include <stddef.h>

typedef void (*ab_copy_fn)(const float *x, float *y, size_t n);

/* The widest plain copy the CPU runs; *name says which ("loop-avx", ...). */
ab_copy_fn ab_bench_copy_kernel(const char **name);

#endif
