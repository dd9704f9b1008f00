/*
 * The error metrics' filter with AVX2 (metrics_filter.h): 4 cases per step,
 * binary64 lanes. Each lane evaluates case_default's cheap bound
 *   a_up = ((|d2| + hw) + (|d1| + |tmid|) 2^-51) (1 + 2^-48) + 2^-1060,
 *   d1 = y - v, d2 = d1 - tmid,
 * with the same operations in the same order as the scalar code (separate
 * multiplies and adds, no contraction: -ffp-contract=off), and the same
 * comparisons against the bars; on the lanes that reach a bar, the
 * directed bounds of ab_exh_filter_loses (directed_avx2.h). So its verdicts
 * are bit for bit those of the scalar test. The lanes of an incomplete last
 * step are left to case_default.
 */
#include "sweep/directed_avx2.h"
#include "sweep/metrics_filter.h"

/* ab_exh_filter_loses per lane (with_ftz: the lanes here have the same
 * result in both runs), on lanes whose reference is a value (v not NaN):
 * the lanes that can win no figure. */
static inline __m256d loses4(__m256d y, __m256d v, __m256d tlo, __m256d thi, __m256d res_lo,
                             __m256d uinv, __m256d fabs_lo, __m256d normal, const filter_bars *b)
{
    const __m256d zero = _mm256_setzero_pd();
    __m256d s = _mm256_sub_pd(y, v), bb = _mm256_sub_pd(s, y);
    __m256d e = _mm256_add_pd(_mm256_sub_pd(y, _mm256_sub_pd(s, bb)),
                              _mm256_sub_pd(neg4(v), bb));
    __m256d a_lo, a_hi, side;
    abs_diff_bounds4(s, e, tlo, thi, &a_lo, &a_hi, &side);
    /* y == f exactly (ab_exh_abs_interval) */
    __m256d exact = _mm256_and_pd(_mm256_cmp_pd(y, v, _CMP_EQ_OQ),
                                  _mm256_and_pd(_mm256_cmp_pd(tlo, zero, _CMP_EQ_OQ),
                                                _mm256_cmp_pd(thi, zero, _CMP_EQ_OQ)));
    a_lo = _mm256_andnot_pd(exact, a_lo);
    a_hi = _mm256_andnot_pd(exact, a_hi);
    __m256d abs_hi = _mm256_andnot_pd(_mm256_cmp_pd(a_hi, res_lo, _CMP_LE_OQ), quantize_rel4(a_hi));
    __m256d lose_abs = _mm256_cmp_pd(abs_hi, _mm256_set1_pd(b->abs), _CMP_LE_OQ);
    __m256d u = _mm256_mul_pd(a_hi, uinv);
    __m256d y_zero = _mm256_cmp_pd(y, zero, _CMP_EQ_OQ);
    __m256d usable = _mm256_and_pd(_mm256_cmp_pd(u, _mm256_set1_pd(EXACT_TEST_MIN), _CMP_GE_OQ),
                                   _mm256_cmp_pd(u, _mm256_set1_pd(INFINITY), _CMP_LT_OQ));
    usable = _mm256_and_pd(usable, _mm256_cmp_pd(fabs_lo, zero, _CMP_GT_OQ));
    usable = _mm256_andnot_pd(_mm256_andnot_pd(_mm256_cmp_pd(a_lo, zero, _CMP_GT_OQ), y_zero),
                              usable);
    __m256d ulp_hi = quantize4(u);
    __m256d lose_n = _mm256_and_pd(usable,
                                   _mm256_cmp_pd(ulp_hi, _mm256_set1_pd(b->ulp), _CMP_LE_OQ));
    lose_n = _mm256_and_pd(lose_n, _mm256_cmp_pd(ulp_hi, _mm256_set1_pd(b->ftz), _CMP_LE_OQ));
    __m256d rel_hi = quantize_rel4(div_up4(a_hi, fabs_lo));
    rel_hi = _mm256_andnot_pd(_mm256_cmp_pd(abs_hi, zero, _CMP_EQ_OQ), rel_hi);
    rel_hi = _mm256_blendv_pd(rel_hi, _mm256_set1_pd(1.0), y_zero);
    lose_n = _mm256_and_pd(lose_n, _mm256_cmp_pd(rel_hi, _mm256_set1_pd(b->rel), _CMP_LE_OQ));
    __m256d lose = _mm256_and_pd(lose_abs, _mm256_blendv_pd(_mm256_castsi256_pd(
                                                                _mm256_set1_epi64x(-1)),
                                                            lose_n, normal));
    return _mm256_and_pd(lose, _mm256_cmp_pd(v, v, _CMP_ORD_Q));
}

uint64_t ab_exh_filter_avx2(const filter_refs *f, const float *ys, const float *y_ftz, size_t n,
                            const filter_bars *b, uint64_t *slow)
{
    const __m256d sign = _mm256_set1_pd(-0.0), half = _mm256_set1_pd(0.5);
    const __m256d c51 = _mm256_set1_pd(0x1p-51), c48 = _mm256_set1_pd(1 + 0x1p-48);
    const __m256d c1060 = _mm256_set1_pd(0x1p-1060);
    const __m256d t_abs = _mm256_set1_pd(b->abs), t_ulp = _mm256_set1_pd(b->ulp);
    const __m256d t_rel = _mm256_set1_pd(b->rel), t_ftz = _mm256_set1_pd(b->ftz);
    const __m256d abs_unset = _mm256_castsi256_pd(_mm256_set1_epi64x(b->abs_unset ? -1 : 0));
    const __m256d rel_unset = _mm256_castsi256_pd(_mm256_set1_epi64x(b->rel_unset ? -1 : 0));
    const __m128i exp_mask = _mm_set1_epi32(0x7F800000);
    __m256i counted = _mm256_setzero_si256();
    for (size_t w = 0; w < (n + 63) / 64; w++)
        slow[w] = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m128 yf = _mm_loadu_ps(ys + i);
        __m128i yb = _mm_castps_si128(yf);
        /* the same bits in the FTZ/DAZ run, and a finite y */
        __m128i same = _mm_cmpeq_epi32(yb, _mm_loadu_si128((const __m128i *)(y_ftz + i)));
        __m128i finite = _mm_xor_si128(_mm_cmpeq_epi32(_mm_and_si128(yb, exp_mask), exp_mask),
                                       _mm_set1_epi32(-1));
        __m256d ok = _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_and_si128(same, finite)));
        __m256d y = _mm256_cvtps_pd(yf);
        __m256d v = _mm256_loadu_pd(f->v + i);
        __m256d tlo = _mm256_loadu_pd(f->tlo + i), thi = _mm256_loadu_pd(f->thi + i);
        /* t's midpoint and half-width, as abs_bounds rounds them */
        __m256d tmid = _mm256_mul_pd(_mm256_add_pd(tlo, thi), half);
        __m256d hw = _mm256_mul_pd(_mm256_sub_pd(thi, tlo), half);
        __m256d d1 = _mm256_sub_pd(y, v), d2 = _mm256_sub_pd(d1, tmid);
        __m256d s1 = _mm256_add_pd(_mm256_andnot_pd(sign, d2), hw);
        __m256d s2 = _mm256_add_pd(_mm256_andnot_pd(sign, d1), _mm256_andnot_pd(sign, tmid));
        __m256d a_up = _mm256_add_pd(_mm256_mul_pd(_mm256_add_pd(s1, _mm256_mul_pd(s2, c51)), c48),
                                     c1060);
        /* need_abs = a_up <= res_lo ? abs_unset : !(a_up < bar) */
        __m256d res = _mm256_cmp_pd(a_up, _mm256_loadu_pd(f->res_lo + i), _CMP_LE_OQ);
        __m256d need = _mm256_blendv_pd(_mm256_cmp_pd(a_up, t_abs, _CMP_NLT_UQ), abs_unset, res);
        __m256d u_up = _mm256_mul_pd(a_up, _mm256_loadu_pd(f->uinv + i));
        __m256d r_up = _mm256_mul_pd(a_up, _mm256_loadu_pd(f->inv_fabs + i));
        /* need_rel = a_up <= res_lo ? rel_unset : !(r_up < bar) */
        __m256d need_rel = _mm256_blendv_pd(_mm256_cmp_pd(r_up, t_rel, _CMP_NLT_UQ), rel_unset, res);
        __m256d need_n = _mm256_or_pd(_mm256_cmp_pd(u_up, t_ulp, _CMP_NLT_UQ), need_rel);
        need_n = _mm256_or_pd(need_n, _mm256_cmp_pd(u_up, t_ftz, _CMP_NLT_UQ));
        __m256d normal = _mm256_castsi256_pd(_mm256_loadu_si256((const __m256i *)(f->normal + i)));
        need = _mm256_or_pd(need, _mm256_and_pd(need_n, normal));
        /* y == v exactly on a zero reference (case_default's zero path),
         * and the cases the filter leaves to case_default */
        __m256d forced = _mm256_cmp_pd(y, _mm256_loadu_pd(f->zero_v + i), _CMP_EQ_OQ);
        forced = _mm256_or_pd(forced, _mm256_xor_pd(ok, _mm256_castsi256_pd(_mm256_set1_epi64x(-1))));
        if (_mm256_movemask_pd(_mm256_andnot_pd(forced, need)) != 0)
            need = _mm256_andnot_pd(loses4(y, v, tlo, thi, _mm256_loadu_pd(f->res_lo + i),
                                           _mm256_loadu_pd(f->uinv + i),
                                           _mm256_loadu_pd(f->fabs_lo + i), normal, b),
                                    need);
        need = _mm256_or_pd(need, forced);
        unsigned bits = (unsigned)_mm256_movemask_pd(need);
        slow[i / 64] |= (uint64_t)bits << (i % 64);
        /* normal & !need: -1 per counted lane */
        counted = _mm256_sub_epi64(counted, _mm256_castpd_si256(_mm256_andnot_pd(need, normal)));
    }
    for (; i < n; i++)
        slow[i / 64] |= 1ull << (i % 64);
    uint64_t lanes[4];
    _mm256_storeu_si256((__m256i *)lanes, counted);
    return lanes[0] + lanes[1] + lanes[2] + lanes[3];
}
