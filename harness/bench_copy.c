/*
 * The memory ceiling of the benchmark: a plain copy of n floats with the
 * widest ordinary (temporal) loads and stores the CPU has, one vector per
 * iteration like the activation kernels. Not memcpy: glibc's memcpy switches
 * to non-temporal stores on large sizes, which no kernel here uses, and would
 * make the ceiling unreachable at DRAM sizes. Its own translation unit and
 * noinline, so the benchmark loop cannot see through it.
 */
#include <stddef.h>

#include "bench_copy.h"

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((noinline, target("avx"))) static void copy_avx(const float *x, float *y, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, _mm256_loadu_ps(x + i));
    for (; i < n; i++)
        y[i] = x[i];
}

__attribute__((noinline)) static void copy_sse2(const float *x, float *y, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm_storeu_ps(y + i, _mm_loadu_ps(x + i));
    for (; i < n; i++)
        y[i] = x[i];
}
#else
__attribute__((noinline)) static void copy_scalar(const float *x, float *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        y[i] = x[i];
        /* keeps the compiler from turning the loop into a memcpy call */
        __asm__ volatile("" : : : "memory");
    }
}
#endif

ab_copy_fn ab_bench_copy_kernel(const char **name)
{
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx")) {
        *name = "loop-avx";
        return copy_avx;
    }
    *name = "loop-sse2";
    return copy_sse2;
#else
    *name = "loop-scalar";
    return copy_scalar;
#endif
}
