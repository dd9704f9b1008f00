/*
 * Memory kernels the benchmark measures beside the activations, with the
 * kernel signature so they run through the same timed call:
 * - the copy row: one plain vector load and store per iteration, like the
 *   activation kernels (the memory ceiling the tables compare against);
 * - the floors, the fastest this CPU can move the bytes: a store-only fill
 *   and a read+write copy, each with ordinary and with non-temporal stores,
 *   at every vector width the CPU has, unrolled. No activation can beat the floor for its
 *   traffic; a time below it is a measuring error (bench/block.c).
 * Not memcpy/memset: glibc switches strategies by size, and the floors must
 * be the same code at every size. Each ISA's loops sit in their own file.
 */
#ifndef ACTBENCH_BENCH_MEMORY_H
#define ACTBENCH_BENCH_MEMORY_H

#include "actbench/actbench.h"

typedef enum ab_floor_kind {
    AB_FLOOR_STORE,    /* y[i] = c */
    AB_FLOOR_STORE_NT, /* the same, non-temporal stores */
    AB_FLOOR_COPY,     /* y[i] = x[i] */
    AB_FLOOR_COPY_NT,
    AB_FLOOR_KINDS
} ab_floor_kind;

typedef struct ab_memory_kernel {
    ab_kernel_fn fn;
    const char *name; /* e.g. "loop-avx", "floor-copy-avx512-nt" */
} ab_memory_kernel;

/* The copy row's kernel: widest AVX/SSE2 loop, one vector per iteration. */
ab_memory_kernel ab_memory_copy_row(void);

enum { AB_MEMORY_MAX_WIDTHS = 2 };

/* The floor kernels of a kind, one per vector width the CPU and OS allow
 * (AVX-512 and AVX; which is faster differs between cores, e.g. where
 * 512-bit operations are split in two): fills out[], returns the count
 * (0 where no floor is trustworthy, e.g. off x86-64). */
size_t ab_memory_floors(ab_floor_kind kind, ab_memory_kernel out[AB_MEMORY_MAX_WIDTHS]);

/* Per-ISA loops (memory_avx.c, memory_avx512.c); NULL off x86-64. */
ab_memory_kernel ab_memory_floor_avx(ab_floor_kind kind);
ab_memory_kernel ab_memory_floor_avx512(ab_floor_kind kind);
ab_kernel_fn ab_memory_copy_row_avx(void);

#endif
