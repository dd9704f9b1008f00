/*
 * Row passes shared by the AVX2 softmax and log_softmax kernels (files
 * compiled with -mavx2 -mfma only). Everything after the max is binary64:
 * d_j = x_j - m is exact in binary64 for every d_j the result can see
 * (|d_j| < 2^28 ... and e^d is 0 long before a rounding of d matters),
 * E_j = e^(d_j) comes from the binary64 exp of vec/f64_math.h with d
 * clamped at -700 (e^-700 is a normal double and vanishes against S >= 1),
 * and sums of n terms carry about n*2^-53 relative error.
 * Tails: the last n mod 8 elements are loaded with a mask and the disabled
 * lanes replaced by -inf (they contribute e^-inf = 0 and never win the max),
 * so every element goes through the same vector arithmetic.
 * Conventions (reference/ref_softmax.c): NaN or +inf anywhere in x, or every
 * x = -inf, make the whole row NaN; so does a non-finite tangent entry for
 * the JVP.
 * Known limit: in rows spanning more than 700 (e^-700 clamp), a JVP entry
 * whose exact value underflows to zero can get the wrong sign of zero (the
 * clamped terms decide it); the registry allows the signed-zero class for
 * log_softmax's JVP because tests/test_softmax.c meets it on +-1e4 rows.
 */
#ifndef ACTBENCH_AVX2_SOFTMAX_ROW_H
#define ACTBENCH_AVX2_SOFTMAX_ROW_H

#include <math.h>

#include "vec/vec_avx2.h"
#include "vec/exp_math.h"
#include "vec/f64_math.h"

#define ROW_EXP_MIN -700.0

/* x[i .. i+7], or the masked tail with -inf in the disabled lanes. */
ABV_INLINE __m256 row_load(const float *x, size_t i, size_t n)
{
    if (i + 8 <= n)
        return _mm256_loadu_ps(x + i);
    __m256i m = abv_tail_lanes(n - i);
    return _mm256_blendv_ps(_mm256_set1_ps(-INFINITY), _mm256_maskload_ps(x + i, m),
                            _mm256_castsi256_ps(m));
}

ABV_INLINE void row_store(float *y, size_t i, size_t n, __m256 v)
{
    if (i + 8 <= n) {
        _mm256_storeu_ps(y + i, v);
        return;
    }
    _mm256_maskstore_ps(y + i, abv_tail_lanes(n - i), v);
}

ABV_INLINE double row_hmax_pd(__m256d v)
{
    __m128d m = _mm_max_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return fmax(_mm_cvtsd_f64(m), _mm_cvtsd_f64(_mm_unpackhi_pd(m, m)));
}

ABV_INLINE double row_hsum_pd(__m256d v)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(s) + _mm_cvtsd_f64(_mm_unpackhi_pd(s, s));
}

/* The row's max; false when the row is NaN by the conventions above. */
static inline bool row_max(const float *x, size_t n, double *max_out)
{
    __m256 m = _mm256_set1_ps(-INFINITY);
    __m256 nan = _mm256_setzero_ps();
    for (size_t i = 0; i < n; i += 8) {
        __m256 v = row_load(x, i, n);
        nan = _mm256_or_ps(nan, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
        m = _mm256_max_ps(m, v);
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, m);
    float best = lanes[0];
    for (int k = 1; k < 8; k++)
        best = fmaxf(best, lanes[k]);
    *max_out = best;
    return _mm256_movemask_ps(nan) == 0 && isfinite(best);
}

/* e^(x - m) for eight floats, in binary64; exactly 0 for x = -inf (a
 * masked entry), at least e^-700 for finite x (so a finite entry far below
 * the max still makes S > 1, which decides the sign of a zero log_softmax). */
ABV_INLINE __m256d row_exp_shifted_f64(__m256d x, __m256d m)
{
    __m256d e = abv_exp_d(_mm256_max_pd(_mm256_set1_pd(ROW_EXP_MIN), _mm256_sub_pd(x, m)));
    return _mm256_andnot_pd(_mm256_cmp_pd(x, _mm256_set1_pd(-INFINITY), _CMP_EQ_OQ), e);
}

ABV_INLINE abv_d2 row_exp_shifted(__m256 x, __m256d m)
{
    abv_d2 d = abv_widen(x);
    d.lo = row_exp_shifted_f64(d.lo, m);
    d.hi = row_exp_shifted_f64(d.hi, m);
    return d;
}

/* S = sum_j e^(x_j - m). */
static inline double row_sum_exp(const float *x, size_t n, double m)
{
    __m256d md = _mm256_set1_pd(m), s_lo = _mm256_setzero_pd(), s_hi = _mm256_setzero_pd();
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        s_lo = _mm256_add_pd(s_lo, e.lo);
        s_hi = _mm256_add_pd(s_hi, e.hi);
    }
    return row_hsum_pd(_mm256_add_pd(s_lo, s_hi));
}

/* One pass: per lane the running max m and R = the sum of e^(x - m) over
 * the lane's other entries (the max itself contributes exactly 1, kept out
 * of R so that a tiny R keeps its relative accuracy): an entry above m makes
 * R = (R + 1)*e^(m_old - m_new); any other adds e^(x - m). Lanes start at
 * m = -inf, R = 0 (masked entries add exactly 0). The lanes are merged with
 * the first lane holding the global max M as the reference:
 * R = R_top + sum over other lanes of (R_l + 1)*e^(m_l - M). Returns false
 * when the row is NaN by the conventions above; S = 1 + R. */
static inline bool row_online(const float *x, size_t n, double *max_out, double *rest_out)
{
    __m256d m_lo = _mm256_set1_pd(-INFINITY), m_hi = m_lo;
    __m256d r_lo = _mm256_setzero_pd(), r_hi = _mm256_setzero_pd();
    __m256 nan = _mm256_setzero_ps();
    for (size_t i = 0; i < n; i += 8) {
        __m256 v = row_load(x, i, n);
        nan = _mm256_or_ps(nan, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
        abv_d2 d = abv_widen(v);
        __m256d new_lo = _mm256_max_pd(m_lo, d.lo), new_hi = _mm256_max_pd(m_hi, d.hi);
        __m256d grew_lo = _mm256_cmp_pd(d.lo, m_lo, _CMP_GT_OQ);
        __m256d grew_hi = _mm256_cmp_pd(d.hi, m_hi, _CMP_GT_OQ);
        __m256d a_lo = row_exp_shifted_f64(m_lo, new_lo), a_hi = row_exp_shifted_f64(m_hi, new_hi);
        __m256d b_lo = row_exp_shifted_f64(d.lo, new_lo), b_hi = row_exp_shifted_f64(d.hi, new_hi);
        r_lo = _mm256_blendv_pd(_mm256_add_pd(r_lo, b_lo), _mm256_fmadd_pd(r_lo, a_lo, a_lo), grew_lo);
        r_hi = _mm256_blendv_pd(_mm256_add_pd(r_hi, b_hi), _mm256_fmadd_pd(r_hi, a_hi, a_hi), grew_hi);
        m_lo = new_lo;
        m_hi = new_hi;
    }
    double m[8], r[8];
    _mm256_storeu_pd(m, m_lo);
    _mm256_storeu_pd(m + 4, m_hi);
    _mm256_storeu_pd(r, r_lo);
    _mm256_storeu_pd(r + 4, r_hi);
    int top = 0;
    for (int l = 1; l < 8; l++)
        if (m[l] > m[top])
            top = l;
    double rest = r[top];
    for (int l = 0; l < 8; l++)
        if (l != top && m[l] != -INFINITY)
            rest += (r[l] + 1.0) * exp(fmax(m[l] - m[top], ROW_EXP_MIN));
    *max_out = m[top];
    *rest_out = rest;
    return _mm256_movemask_ps(nan) == 0 && isfinite(m[top]);
}

/* Sums of the JVP without its cancellation (the idea of
 * impls/softmax/branchless.c): with k the first maximum, R = sum_(j!=k) E_j
 * and W = sum_(j!=k) E_j v_j, so that S = 1 + R and
 * v_i - sum_j s_j v_j = ((v_i - v_k) + (v_i R - W))/(1 + R), where v_i - v_k
 * is exact in binary64 and v_i R - W errs only relative to R. Returns false
 * when a tangent entry is not finite. */
static inline bool row_jvp_sums(const float *x, const float *v, size_t n, double m,
                                size_t *top_out, double *rest_out, double *weighted_out)
{
    size_t top = 0;
    while (x[top] != (float)m)
        top++;
    __m256d md = _mm256_set1_pd(m);
    __m256d r = _mm256_setzero_pd(), w = _mm256_setzero_pd();
    __m256 bad = _mm256_setzero_ps();
    for (size_t i = 0; i < n; i += 8) {
        __m256 vv = i + 8 <= n ? _mm256_loadu_ps(v + i)
                               : _mm256_maskload_ps(v + i, abv_tail_lanes(n - i));
        bad = _mm256_or_ps(bad, _mm256_cmp_ps(_mm256_sub_ps(vv, vv), _mm256_setzero_ps(),
                                              _CMP_NEQ_UQ));
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        if (top - i < 8) { /* this block holds the maximum: leave it out */
            double lanes[8];
            _mm256_storeu_pd(lanes, e.lo);
            _mm256_storeu_pd(lanes + 4, e.hi);
            lanes[top - i] = 0.0;
            e.lo = _mm256_loadu_pd(lanes);
            e.hi = _mm256_loadu_pd(lanes + 4);
        }
        abv_d2 vd = abv_widen(vv);
        r = _mm256_add_pd(r, _mm256_add_pd(e.lo, e.hi));
        w = _mm256_fmadd_pd(e.lo, vd.lo, _mm256_fmadd_pd(e.hi, vd.hi, w));
    }
    *top_out = top;
    *rest_out = row_hsum_pd(r);
    *weighted_out = row_hsum_pd(w);
    return _mm256_movemask_ps(bad) == 0;
}

/* (v_i - sum_j s_j v_j) for eight entries, in binary64 (times S). */
ABV_INLINE abv_d2 row_centred(__m256 v, double v_top, double rest, double weighted)
{
    abv_d2 vd = abv_widen(v);
    __m256d vt = _mm256_set1_pd(v_top), r = _mm256_set1_pd(rest), w = _mm256_set1_pd(weighted);
    vd.lo = _mm256_add_pd(_mm256_sub_pd(vd.lo, vt), _mm256_fmsub_pd(vd.lo, r, w));
    vd.hi = _mm256_add_pd(_mm256_sub_pd(vd.hi, vt), _mm256_fmsub_pd(vd.hi, r, w));
    return vd;
}

/* Softmax JVP, s_i*(v_i - sum_j s_j v_j) = E_i*centred_i/S^2, and
 * log_softmax JVP, centred_i/S, S = 1 + R; each rounded once. */
static inline void row_jvp(const float *x, const float *v, float *y, size_t n, bool softmax)
{
    double m, rest, weighted;
    size_t top;
    if (!row_max(x, n, &m) || !row_jvp_sums(x, v, n, m, &top, &rest, &weighted)) {
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
        return;
    }
    __m256d inv = _mm256_set1_pd(1.0 / (1.0 + rest)), md = _mm256_set1_pd(m);
    double v_top = v[top];
    for (size_t i = 0; i < n; i += 8) {
        __m256 vv = i + 8 <= n ? _mm256_loadu_ps(v + i)
                               : _mm256_maskload_ps(v + i, abv_tail_lanes(n - i));
        abv_d2 c = row_centred(vv, v_top, rest, weighted);
        c.lo = _mm256_mul_pd(c.lo, inv);
        c.hi = _mm256_mul_pd(c.hi, inv);
        if (softmax) {
            abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
            c.lo = _mm256_mul_pd(c.lo, _mm256_mul_pd(e.lo, inv));
            c.hi = _mm256_mul_pd(c.hi, _mm256_mul_pd(e.hi, inv));
        }
        row_store(y, i, n, abv_narrow(c));
    }
}

static inline void row_fill_nan(float *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = NAN;
}

#endif
