/*
 * Row passes of the softmax and log_softmax kernels, written once for every
 * ISA of impls/vec/ (include after one vec_*.h; the kernels are
 * avx2_*.c and avx512_*.c here and in ../log_softmax/). Everything after
 * the max is binary64: d_j = x_j - m is exact in binary64 for every d_j the
 * result can see (|d_j| < 2^28 ... and e^d is 0 long before a rounding of d
 * matters), E_j = e^(d_j) comes from the binary64 exp of vec/f64_math.h
 * with d clamped at -700 (e^-700 is a normal double and vanishes against
 * S >= 1), and sums of n terms carry about n*2^-53 relative error.
 * ISAs: the arithmetic per element is the same on every ISA; the sums are
 * kept per lane (ABV_LANES partial sums) and reduced at the end, so a
 * different vector width adds the terms in another order: results may
 * differ from the other ISA's in the last bits, within the same bound.
 * Tails: the last n mod ABV_LANES elements are loaded with a mask and the
 * disabled lanes replaced by -inf (they contribute e^-inf = 0 and never win
 * the max), so every element goes through the same vector arithmetic.
 * Conventions (reference/ref_softmax.c): NaN or +inf anywhere in x, or every
 * x = -inf, make the whole row NaN; so does a non-finite tangent entry for
 * the JVP.
 * Known limit: in rows spanning more than 700 (e^-700 clamp), a JVP entry
 * whose exact value underflows to zero can get the wrong sign of zero (the
 * clamped terms decide it); the registry allows the signed-zero class for
 * log_softmax's JVP because tests/test_softmax.c meets it on +-1e4 rows.
 */
#ifndef ACTBENCH_SOFTMAX_VEC_ROW_H
#define ACTBENCH_SOFTMAX_VEC_ROW_H

#include <math.h>

#include "vec/apply.h"
#include "vec/exp_math.h"
#include "vec/f64_math.h"

#define ROW_EXP_MIN -700.0
#define ROW_HALF (ABV_LANES / 2) /* binary64 lanes per abv_d */

/* x[i .. i+ABV_LANES-1], or the masked tail with -inf in the disabled lanes. */
ABV_INLINE abv_f row_load(const float *x, size_t i, size_t n)
{
    if (i + ABV_LANES <= n)
        return abv_load(x + i);
    return abv_select(abv_tail_mask(n - i), abv_load_part(x + i, n - i), abv_set(-INFINITY));
}

/* The same with +0 in the disabled lanes (tangents, stored values). */
ABV_INLINE abv_f row_load_zero(const float *x, size_t i, size_t n)
{
    return i + ABV_LANES <= n ? abv_load(x + i) : abv_load_part(x + i, n - i);
}

ABV_INLINE void row_store(float *y, size_t i, size_t n, abv_f v)
{
    if (i + ABV_LANES <= n)
        abv_store(y + i, v);
    else
        abv_store_part(y + i, n - i, v);
}

/* The row's max; false when the row is NaN by the conventions above. */
static inline bool row_max(const float *x, size_t n, double *max_out)
{
    abv_f m = abv_set(-INFINITY);
    bool nan = false;
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_f v = row_load(x, i, n);
        nan = nan || abv_any(abv_is_nan(v));
        m = abv_max(m, v);
    }
    float lanes[ABV_LANES];
    abv_store(lanes, m);
    float best = lanes[0];
    for (int k = 1; k < ABV_LANES; k++)
        best = fmaxf(best, lanes[k]);
    *max_out = best;
    return !nan && isfinite(best);
}

/* e^(x - m) for ROW_HALF doubles; exactly 0 for x = -inf (a masked entry),
 * at least e^-700 for finite x (so a finite entry far below the max still
 * makes S > 1, which decides the sign of a zero log_softmax). */
ABV_INLINE abv_d row_exp_shifted_f64(abv_d x, abv_d m)
{
    abv_d e = abv_exp_d(abv_max_d(abv_set_d(ROW_EXP_MIN), abv_sub_d(x, m)));
    return abv_select_d(abv_eq_d(x, abv_set_d(-INFINITY)), abv_zero_d(), e);
}

ABV_INLINE abv_d2 row_exp_shifted(abv_f x, abv_d m)
{
    abv_d2 d = abv_widen(x);
    d.lo = row_exp_shifted_f64(d.lo, m);
    d.hi = row_exp_shifted_f64(d.hi, m);
    return d;
}

/* e with lane `lane` (of the ABV_LANES) set to 0: the maximum left out. */
ABV_INLINE abv_d2 row_drop_lane(abv_d2 e, size_t lane)
{
    double lanes[ABV_LANES];
    abv_store_d(lanes, e.lo);
    abv_store_d(lanes + ROW_HALF, e.hi);
    lanes[lane] = 0.0;
    e.lo = abv_load_d(lanes);
    e.hi = abv_load_d(lanes + ROW_HALF);
    return e;
}

/* The index of the first maximum m. */
static inline size_t row_first_max(const float *x, double m)
{
    size_t top = 0;
    while (x[top] != (float)m)
        top++;
    return top;
}

/* R = sum over j != top of e^(x_j - m). */
static inline double row_rest_exp(const float *x, size_t n, double m, size_t top)
{
    abv_d md = abv_set_d(m), r = abv_zero_d();
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        if (top - i < ABV_LANES) /* this block holds the maximum: leave it out */
            e = row_drop_lane(e, top - i);
        r = abv_add_d(r, abv_add_d(e.lo, e.hi));
    }
    return abv_hsum_d(r);
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
    abv_d m_lo = abv_set_d(-INFINITY), m_hi = m_lo;
    abv_d r_lo = abv_zero_d(), r_hi = abv_zero_d();
    bool nan = false;
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_f v = row_load(x, i, n);
        nan = nan || abv_any(abv_is_nan(v));
        abv_d2 d = abv_widen(v);
        abv_d new_lo = abv_max_d(m_lo, d.lo), new_hi = abv_max_d(m_hi, d.hi);
        abv_dmask grew_lo = abv_gt_d(d.lo, m_lo), grew_hi = abv_gt_d(d.hi, m_hi);
        abv_d a_lo = row_exp_shifted_f64(m_lo, new_lo), a_hi = row_exp_shifted_f64(m_hi, new_hi);
        abv_d b_lo = row_exp_shifted_f64(d.lo, new_lo), b_hi = row_exp_shifted_f64(d.hi, new_hi);
        r_lo = abv_select_d(grew_lo, abv_fma_d(r_lo, a_lo, a_lo), abv_add_d(r_lo, b_lo));
        r_hi = abv_select_d(grew_hi, abv_fma_d(r_hi, a_hi, a_hi), abv_add_d(r_hi, b_hi));
        m_lo = new_lo;
        m_hi = new_hi;
    }
    double m[ABV_LANES], r[ABV_LANES];
    abv_store_d(m, m_lo);
    abv_store_d(m + ROW_HALF, m_hi);
    abv_store_d(r, r_lo);
    abv_store_d(r + ROW_HALF, r_hi);
    int top = 0;
    for (int l = 1; l < ABV_LANES; l++)
        if (m[l] > m[top])
            top = l;
    double rest = r[top];
    for (int l = 0; l < ABV_LANES; l++)
        if (l != top && m[l] != -INFINITY)
            rest += (r[l] + 1.0) * exp(fmax(m[l] - m[top], ROW_EXP_MIN));
    *max_out = m[top];
    *rest_out = rest;
    return !nan && isfinite(m[top]);
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
    size_t top = row_first_max(x, m);
    abv_d md = abv_set_d(m);
    abv_d r = abv_zero_d(), w = abv_zero_d();
    bool bad = false;
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_f vv = row_load_zero(v, i, n);
        bad = bad || abv_any(abv_is_nan(abv_sub(vv, vv))); /* inf - inf, NaN */
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        if (top - i < ABV_LANES) /* this block holds the maximum: leave it out */
            e = row_drop_lane(e, top - i);
        abv_d2 vd = abv_widen(vv);
        r = abv_add_d(r, abv_add_d(e.lo, e.hi));
        w = abv_fma_d(e.lo, vd.lo, abv_fma_d(e.hi, vd.hi, w));
    }
    *top_out = top;
    *rest_out = abv_hsum_d(r);
    *weighted_out = abv_hsum_d(w);
    return !bad;
}

/* (v_i - sum_j s_j v_j) for ABV_LANES entries, in binary64 (times S). */
ABV_INLINE abv_d2 row_centred(abv_f v, double v_top, double rest, double weighted)
{
    abv_d2 vd = abv_widen(v);
    abv_d vt = abv_set_d(v_top), r = abv_set_d(rest), w = abv_set_d(weighted);
    vd.lo = abv_add_d(abv_sub_d(vd.lo, vt), abv_fms_d(vd.lo, r, w));
    vd.hi = abv_add_d(abv_sub_d(vd.hi, vt), abv_fms_d(vd.hi, r, w));
    return vd;
}

static inline void row_fill_nan(float *y, size_t n)
{
    for (size_t i = 0; i < n; i++)
        y[i] = NAN;
}

/* Softmax JVP, s_i*(v_i - sum_j s_j v_j) = E_i*centred_i/S^2, and
 * log_softmax JVP, centred_i/S, S = 1 + R; each rounded once. */
static inline void row_jvp(const float *x, const float *v, float *y, size_t n, bool softmax)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    double m, rest, weighted;
    size_t top;
    if (!row_max(x, n, &m) || !row_jvp_sums(x, v, n, m, &top, &rest, &weighted)) {
        row_fill_nan(y, n);
        abv_mxcsr_leave(csr);
        return;
    }
    abv_d inv = abv_set_d(1.0 / (1.0 + rest)), md = abv_set_d(m);
    double v_top = v[top];
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 c = row_centred(row_load_zero(v, i, n), v_top, rest, weighted);
        c.lo = abv_mul_d(c.lo, inv);
        c.hi = abv_mul_d(c.hi, inv);
        if (softmax) {
            abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
            c.lo = abv_mul_d(c.lo, abv_mul_d(e.lo, inv));
            c.hi = abv_mul_d(c.hi, abv_mul_d(e.hi, inv));
        }
        row_store(y, i, n, abv_narrow(c));
    }
    abv_mxcsr_leave(csr);
}

/* The output pass of a row kernel, given the row's max m and, for the
 * online kernels, R = S - 1 (0 otherwise). */
typedef void (*row_pass_fn)(const float *x, float *y, size_t n, double m, double rest);

/* A row kernel: the max (and R, online) first, then pass; the whole row NaN
 * by the conventions above; MXCSR as in vec/apply.h. */
ABV_INLINE void row_run(const float *x, float *y, size_t n, bool online, row_pass_fn pass)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    double m, rest = 0.0;
    if (online ? row_online(x, n, &m, &rest) : row_max(x, n, &m))
        pass(x, y, n, m, rest);
    else
        row_fill_nan(y, n);
    abv_mxcsr_leave(csr);
}

/* softmax, two passes after the max: E_j = e^(x_j - m) in binary64, stored
 * to y as binary32 and summed; then y scaled in place by 1/S. */
static inline void softmax_two_pass(const float *x, float *y, size_t n, double m, double rest)
{
    (void)rest;
    abv_d md = abv_set_d(m), s = abv_zero_d();
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        s = abv_add_d(s, abv_add_d(e.lo, e.hi));
        row_store(y, i, n, abv_narrow(e));
    }
    abv_d inv = abv_set_d(1.0 / abv_hsum_d(s));
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 e = abv_widen(row_load_zero(y, i, n));
        e.lo = abv_mul_d(e.lo, inv);
        e.hi = abv_mul_d(e.hi, inv);
        row_store(y, i, n, abv_narrow(e));
    }
}

/* softmax, online (row_run's online pass gave m and R): e^(x_i - m)/S in
 * binary64, rounded once. */
static inline void softmax_online(const float *x, float *y, size_t n, double m, double rest)
{
    abv_d md = abv_set_d(m), inv = abv_set_d(1.0 / (1.0 + rest));
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        e.lo = abv_mul_d(e.lo, inv);
        e.hi = abv_mul_d(e.hi, inv);
        row_store(y, i, n, abv_narrow(e));
    }
}

/* log_softmax: y_i = (x_i - m) - log1p(R) in binary64, one rounding; the
 * two-pass kernel sums R = sum over j != k of e^(x_j - m) here (k the first
 * maximum), the online one has it from row_run. */
static inline void log_softmax_write(const float *x, float *y, size_t n, double m, double rest)
{
    abv_d md = abv_set_d(m), ld = abv_set_d(log1p(rest));
    for (size_t i = 0; i < n; i += ABV_LANES) {
        abv_d2 d = abv_widen(row_load(x, i, n));
        d.lo = abv_sub_d(abv_sub_d(d.lo, md), ld);
        d.hi = abv_sub_d(abv_sub_d(d.hi, md), ld);
        row_store(y, i, n, abv_narrow(d));
    }
}

static inline void log_softmax_two_pass(const float *x, float *y, size_t n, double m, double rest)
{
    (void)rest;
    log_softmax_write(x, y, n, m, row_rest_exp(x, n, m, row_first_max(x, m)));
}

#endif
