/*
 * The batched common-case verdicts with AVX2 (verdict_batch.h): 4 lanes of
 * binary64 per step, the same operations in the same order as the scalar
 * loop (verdict_batch.c), without contraction (this file is built with
 * -mavx2 alone), and Q (quantize.h) by the same bit operations: keep 20
 * fraction bits and round the other 32 up, 2^-30 as the floor, 0 for a
 * non-positive error. The lanes of a last step of fewer than 4 take the
 * scalar code.
 */
#include <immintrin.h>

#include "sweep/quantize.h"
#include "sweep/verdict_batch.h"

static inline __m256d quantize4(__m256d err)
{
    const __m256i low = _mm256_set1_epi64x((1ll << (52 - AB_EXH_ULP_REL_BITS)) - 1);
    __m256i b = _mm256_castpd_si256(err);
    __m256i has_low = _mm256_cmpeq_epi64(_mm256_and_si256(b, low), _mm256_setzero_si256());
    __m256i up = _mm256_add_epi64(_mm256_or_si256(b, low), _mm256_set1_epi64x(1));
    __m256d q = _mm256_castsi256_pd(_mm256_blendv_epi8(up, b, has_low));
    const __m256d floor = _mm256_set1_pd(AB_EXH_ULP_FLOOR);
    q = _mm256_blendv_pd(q, floor, _mm256_cmp_pd(err, floor, _CMP_LE_OQ));
    return _mm256_and_pd(q, _mm256_cmp_pd(err, _mm256_setzero_pd(), _CMP_GT_OQ));
}

void ab_exh_verdict_batch_avx2(verdict_batch *b, size_t n)
{
    const __m256d sign = _mm256_set1_pd(-0.0), zero = _mm256_setzero_pd();
    const __m256d c50 = _mm256_set1_pd(1 + 0x1p-50), e50 = _mm256_set1_pd(0x1p-50);
    const __m256d half = _mm256_set1_pd(0.5), e60 = _mm256_set1_pd(0x1p-60);
    uint64_t decided = 0;
    size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        __m256d yv = _mm256_loadu_pd(b->y + k), v = _mm256_loadu_pd(b->v + k);
        __m256d t = _mm256_loadu_pd(b->t + k), inv = _mm256_loadu_pd(b->inv + k);
        __m256d d = _mm256_loadu_pd(b->d + k);
        __m256d s = _mm256_sub_pd(yv, v);
        __m256d bb = _mm256_sub_pd(s, yv);
        __m256d e1 = _mm256_add_pd(_mm256_sub_pd(yv, _mm256_sub_pd(s, bb)),
                                   _mm256_sub_pd(_mm256_xor_pd(v, sign), bb));
        __m256d s2 = _mm256_sub_pd(s, t);
        __m256d b2 = _mm256_sub_pd(s2, s);
        __m256d e2 = _mm256_add_pd(_mm256_sub_pd(s, _mm256_sub_pd(s2, b2)),
                                   _mm256_sub_pd(_mm256_xor_pd(t, sign), b2));
        __m256d as = _mm256_andnot_pd(sign, s2);
        __m256d e12 = _mm256_add_pd(_mm256_andnot_pd(sign, e1), _mm256_andnot_pd(sign, e2));
        __m256d exact = _mm256_and_pd(_mm256_cmp_pd(d, zero, _CMP_EQ_OQ),
                                      _mm256_cmp_pd(e12, zero, _CMP_EQ_OQ));
        __m256d slack = _mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(e12, d), c50),
                                      _mm256_mul_pd(as, e50));
        /* exact lanes: slack 0 gives lo = hi = as * inv, as the scalar loop */
        slack = _mm256_andnot_pd(exact, slack);
        __m256d lo = _mm256_mul_pd(_mm256_sub_pd(as, slack), inv);
        __m256d hi = _mm256_mul_pd(_mm256_add_pd(as, slack), inv);
        __m256d q_lo = quantize4(lo), q_hi = quantize4(hi);
        __m256d tails = _mm256_add_pd(_mm256_andnot_pd(sign, _mm256_loadu_pd(b->tlo + k)),
                                      _mm256_andnot_pd(sign, _mm256_loadu_pd(b->thi + k)));
        __m256d directed = _mm256_cmp_pd(tails, _mm256_mul_pd(_mm256_andnot_pd(sign, s), e60),
                                         _CMP_LT_OQ);
        __m256d sum = _mm256_add_pd(e1, e2);
        __m256d r = _mm256_blendv_pd(_mm256_xor_pd(sum, sign), sum,
                                     _mm256_cmp_pd(s2, zero, _CMP_GE_OQ));
        __m256d open = _mm256_and_pd(_mm256_cmp_pd(q_lo, q_hi, _CMP_NEQ_UQ), directed);
        __m256d ok = _mm256_andnot_pd(open, _mm256_cmp_pd(lo, zero, _CMP_GT_OQ));
        ok = _mm256_or_pd(ok, exact);
        _mm256_storeu_pd(b->s2 + k, s2);
        _mm256_storeu_pd(b->r + k, r);
        _mm256_storeu_pd(b->raw + k, _mm256_mul_pd(half, _mm256_add_pd(lo, hi)));
        _mm256_storeu_pd(b->q_lo + k, q_lo);
        _mm256_storeu_pd(b->q_hi + k, q_hi);
        unsigned ex = (unsigned)_mm256_movemask_pd(exact);
        for (int j = 0; j < 4; j++)
            b->exact[k + j] = (uint8_t)((ex >> j) & 1);
        decided |= (uint64_t)_mm256_movemask_pd(ok) << k;
    }
    for (; k < n; k++)
        decided |= (uint64_t)ab_exh_verdict_lane(b, k) << k;
    b->decided = decided;
}
