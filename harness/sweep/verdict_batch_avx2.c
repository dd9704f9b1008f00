/*
 * The batched common-case verdicts with AVX2 (verdict_batch.h): 4 lanes of
 * binary64 per step, the same operations in the same order as the scalar
 * loop (verdict_batch.c), without contraction (-ffp-contract=off), Q and
 * the directed sums as directed_avx2.h does them. The lanes of a last step
 * of fewer than 4 take the scalar code.
 */
#include "sweep/directed_avx2.h"
#include "sweep/verdict_batch.h"

/* ab_exh_directed_narrow per lane, on the lanes of cand (s, e: y - v as
 * TwoSum gives it); returns the lanes it settles, and narrows their cells
 * where the bounds have a side. */
static inline __m256d directed_narrow4(__m256d cand, __m256d s, __m256d e, __m256d tlo,
                                       __m256d thi, __m256d inv, __m256d *q_lo, __m256d *q_hi)
{
    __m256d a_lo, a_hi, side;
    abs_diff_bounds4(s, e, tlo, thi, &a_lo, &a_hi, &side);
    __m256d lo = _mm256_mul_pd(a_lo, inv), hi = _mm256_mul_pd(a_hi, inv);
    __m256d scaled = _mm256_and_pd(_mm256_cmp_pd(lo, _mm256_set1_pd(EXACT_TEST_MIN), _CMP_GE_OQ),
                                   _mm256_cmp_pd(hi, _mm256_set1_pd(INFINITY), _CMP_LT_OQ));
    __m256d narrow = _mm256_and_pd(_mm256_and_pd(cand, side), scaled);
    lo = quantize4(lo);
    hi = quantize4(hi);
    *q_lo = _mm256_blendv_pd(*q_lo, lo, _mm256_and_pd(narrow, _mm256_cmp_pd(lo, *q_lo, _CMP_GT_OQ)));
    *q_hi = _mm256_blendv_pd(*q_hi, hi, _mm256_and_pd(narrow, _mm256_cmp_pd(hi, *q_hi, _CMP_LT_OQ)));
    return _mm256_or_pd(narrow, _mm256_andnot_pd(side, cand)); /* narrow lies in cand */
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
        __m256d tlo = _mm256_loadu_pd(b->tlo + k), thi = _mm256_loadu_pd(b->thi + k);
        __m256d tails = _mm256_add_pd(_mm256_andnot_pd(sign, tlo), _mm256_andnot_pd(sign, thi));
        __m256d directed = _mm256_cmp_pd(tails, _mm256_mul_pd(_mm256_andnot_pd(sign, s), e60),
                                         _CMP_LT_OQ);
        __m256d sum = _mm256_add_pd(e1, e2);
        __m256d r = _mm256_blendv_pd(_mm256_xor_pd(sum, sign), sum,
                                     _mm256_cmp_pd(s2, zero, _CMP_GE_OQ));
        __m256d open = _mm256_and_pd(_mm256_cmp_pd(q_lo, q_hi, _CMP_NEQ_UQ), directed);
        __m256d positive = _mm256_cmp_pd(lo, zero, _CMP_GT_OQ);
        __m256d ok = _mm256_or_pd(_mm256_andnot_pd(open, positive), exact);
        __m256d cand = _mm256_andnot_pd(exact, _mm256_and_pd(open, positive));
        if (_mm256_movemask_pd(cand) != 0)
            ok = _mm256_or_pd(ok, directed_narrow4(cand, s, e1, tlo, thi, inv, &q_lo, &q_hi));
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
