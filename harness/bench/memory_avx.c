/* AVX memory kernels (memory.h): the copy row, one 32-byte vector per
 * iteration like the activation kernels, and the floors of memory_loops.h
 * at 32 bytes. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdbool.h>
#include <stdint.h>

#include "bench/memory.h"

#define MEM_TARGET __attribute__((target("avx")))
#define MEM_VEC __m256
#define MEM_LANES 8
#define MEM_LOADU(p) _mm256_loadu_ps(p)
#define MEM_STOREU(p, v) _mm256_storeu_ps(p, v)
#define MEM_STREAM(p, v) _mm256_stream_ps(p, v)
#define MEM_SET1(f) _mm256_set1_ps(f)
#include "bench/memory_loops.h"

__attribute__((noinline)) MEM_TARGET static void copy_row(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, _mm256_loadu_ps(x + i));
    for (; i < n; i++)
        y[i] = x[i];
}

ab_kernel_fn ab_memory_copy_row_avx(void) { return copy_row; }

ab_memory_kernel ab_memory_floor_avx(ab_floor_kind kind)
{
    static const ab_memory_kernel kernels[AB_FLOOR_KINDS] = {
        [AB_FLOOR_STORE] = {mem_store, "floor-store-avx"},
        [AB_FLOOR_STORE_NT] = {mem_store_nt, "floor-store-avx-nt"},
        [AB_FLOOR_COPY] = {mem_copy, "floor-copy-avx"},
        [AB_FLOOR_COPY_NT] = {mem_copy_nt, "floor-copy-avx-nt"},
    };
    return kernels[kind];
}
#endif
