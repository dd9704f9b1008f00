/* See memory.h: run-time choice among the ISA files, and the SSE2/scalar
 * versions every x86-64 (or any CPU) has. noinline and out of line so the
 * timing loop cannot see through them. */
#include <stdbool.h>
#include <stdint.h>

#include "bench/memory.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((noinline)) static void copy_row_sse2(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    (void)p;
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(y + i, _mm_loadu_ps(x + i));
    for (; i < n; i++)
        y[i] = x[i];
}
#endif

#if !defined(__x86_64__)
/* The empty asm keeps the compiler from calling memcpy instead. */
__attribute__((noinline)) static void copy_scalar(const float *x, float *y, size_t n,
                                                  const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++) {
        y[i] = x[i];
        __asm__ volatile("" : : : "memory");
    }
}
#endif

#if defined(__x86_64__)
__attribute__((noinline)) static void store_sse2(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    (void)x;
    (void)p;
    const __m128 one = _mm_set1_ps(1.0f);
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(y + i, one);
    for (; i < n; i++)
        y[i] = 1.0f;
}
#endif

ab_memory_kernel ab_memory_copy_row(void)
{
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx"))
        return (ab_memory_kernel){ab_memory_copy_row_avx(), "loop-avx"};
    return (ab_memory_kernel){copy_row_sse2, "loop-sse2"};
#else
    return (ab_memory_kernel){copy_scalar, "loop-scalar"};
#endif
}

size_t ab_memory_floors(ab_floor_kind kind, ab_memory_kernel out[AB_MEMORY_MAX_WIDTHS])
{
#if defined(__x86_64__)
    size_t count = 0;
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        out[count++] = ab_memory_floor_avx512(kind);
    if (__builtin_cpu_supports("avx"))
        out[count++] = ab_memory_floor_avx(kind);
    if (count == 0) {
        bool store = kind == AB_FLOOR_STORE || kind == AB_FLOOR_STORE_NT;
        out[count++] = store ? (ab_memory_kernel){store_sse2, "floor-store-sse2"}
                             : (ab_memory_kernel){copy_row_sse2, "floor-copy-sse2"};
    }
    return count;
#else
    /* No floor here: a portable loop is no bound on what a kernel can do,
     * so the gate is not applied (the tables say so). */
    (void)kind;
    (void)out;
    return 0;
#endif
}
