/* Shared by the AVX2 peer files (libmvec, SLEEF): the loop a user writes
 * around a vector math library — 8 floats per call, the last partial vector
 * through a masked load and store, so any n, unaligned and in-place calls
 * work. The padding lanes are 0, a harmless argument for every function. */
#ifndef ACTBENCH_PEER_AVX2_H
#define ACTBENCH_PEER_AVX2_H

#include <immintrin.h>
#include <stddef.h>

#include "actbench/actbench.h"

/* The activation's parameters, broadcast once per call. */
typedef struct ab_peer_v8_params {
    __m256 alpha, beta;
} ab_peer_v8_params;

typedef __m256 (*ab_peer_v8)(__m256 x, const ab_peer_v8_params *k);
typedef __m256 (*ab_peer_v8_math)(__m256 x); /* a library's vector function */

/* Lane i is active when i < remaining (1..7). */
static inline __m256i ab_peer_tail_mask(size_t remaining)
{
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)remaining), lane);
}

/* Inlined with a constant f, so each caller gets its own straight loop. */
static inline void ab_peer_map_v8(const float *x, float *y, size_t n,
                                  const ab_params *p, ab_peer_v8 f)
{
    ab_peer_v8_params k = {_mm256_set1_ps(p ? (float)p->alpha : 0.0f),
                           _mm256_set1_ps(p ? (float)p->beta : 1.0f)};
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i), &k));
    if (i < n) {
        __m256i mask = ab_peer_tail_mask(n - i);
        _mm256_maskstore_ps(y + i, mask, f(_mm256_maskload_ps(x + i, mask), &k));
    }
}

static inline __m256 ab_peer_v8_abs(__m256 v)
{
    return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v);
}

static inline __m256 ab_peer_v8_neg(__m256 v)
{
    return _mm256_xor_ps(_mm256_set1_ps(-0.0f), v);
}

#endif
