/* Shared pieces of the avx2-approx kernels (include only from files compiled
 * with -mavx2 -mfma): the degree-3 exp2 core, the reciprocal estimate with one
 * Newton step, and the 8-wide loop with a masked tail that runs the same
 * vector code as the body (so tails are bit-identical). */
#ifndef ACTBENCH_APPROX_AVX2_H
#define ACTBENCH_APPROX_AVX2_H

#include <immintrin.h>
#include <stddef.h>

#include "estimate.h"

#define AB_APPROX_INLINE static inline __attribute__((always_inline))

/* e^t for t <= 0 as 2^n·p3(f), p3 the degree-3 minimax of 2^f on [-1/2, 1/2]
 * (scripts/sollya/approx_exp2_p3.sollya: relative error 7.5e-5); flushed to 0
 * below t = -87.33, where 2^n would leave the normal range. */
AB_APPROX_INLINE __m256 ab_approx_exp_p3_nonpositive(__m256 t)
{
    const __m256 log2e = _mm256_set1_ps(0x1.715476p+0f);
    __m256 z = _mm256_mul_ps(t, log2e);
    __m256 nf = _mm256_round_ps(z, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 f = _mm256_fmsub_ps(t, log2e, nf);
    __m256 p = _mm256_set1_ps(0x1.c3f798p-5f);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.f0de26p-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.62f31ap-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.fff692p-1f));
    __m256i scale = _mm256_slli_epi32(_mm256_cvtps_epi32(nf), 23);
    __m256 e = _mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(p), scale));
    /* NaN compares false here and keeps its NaN bits (cvtps gives 0x80000000,
     * which the shift drops). */
    __m256 underflow = _mm256_cmp_ps(t, _mm256_set1_ps(-87.33f), _CMP_LT_OQ);
    return _mm256_andnot_ps(underflow, e);
}

/* 1/d from the 12-bit estimate and one Newton step: ~2^-22 relative. */
AB_APPROX_INLINE __m256 ab_approx_reciprocal_nr(__m256 d)
{
    __m256 r = AB_RCP_PS(d);
    return _mm256_mul_ps(r, _mm256_fnmadd_ps(d, r, _mm256_set1_ps(2.0f)));
}

AB_APPROX_INLINE __m256i ab_approx_tail_mask(size_t rest)
{
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rest), lanes);
}

/* y[i] = f8(x[i], param) over any n, unaligned, in place. */
AB_APPROX_INLINE void ab_approx_apply(const float *x, float *y, size_t n, __m256 param,
                                      __m256 (*f8)(__m256, __m256))
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f8(_mm256_loadu_ps(x + i), param));
    if (i < n) {
        __m256i m = ab_approx_tail_mask(n - i);
        _mm256_maskstore_ps(y + i, m, f8(_mm256_maskload_ps(x + i, m), param));
    }
}

#endif
