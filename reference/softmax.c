/*
 * MPFR references of softmax and log_softmax over one row, and of their
 * Jacobian-vector products (log_softmax.c registers the second one).
 *
 * With m = max_j x_j and d_j = x_j - m (exact at 300 bits: a difference of
 * two floats needs at most 278), E_j = e^(d_j) and S = Σ E_j (mpfr_sum,
 * correctly rounded), all at w = prec + 64 + log2(n) bits:
 *   softmax_i      = E_i / S
 *   log_softmax_i  = d_i - log S          (d_i <= 0 <= log S: no cancellation)
 *   (J v)_i        = s_i · N_i / S        (softmax)
 *   (J v)_i        = N_i / S              (log_softmax)
 * where N_i = S·(v_i - Σ s_j v_j) = Σ_j E_j (v_i - v_j) = v_i·S - Σ_j E_j v_j.
 *
 * N_i cancels, possibly to an exact zero (v constant, or v_i equal to the
 * mean of v over tied x, ...). Exact zeros are decided exactly: group the
 * entries by equal x; N_i = Σ_groups e^(δ_g)·(m_g v_i - V_g) (m_g entries,
 * V_g = Σ v in the group), and by Lindemann–Weierstrass the e^(δ_g) of
 * distinct rationals δ_g are linearly independent over the rationals, so
 * N_i = 0 iff v_i = V_g/m_g for every group. Otherwise N_i is computed with
 * a running error bound and the precision is doubled (Ziv) until the bound
 * is 2^-(prec+8) of |N_i| (gives up at 2^16 bits, keeping the last value).
 * Results are rounded to odd into out (no double rounding to binary32).
 *
 * Conventions:
 * - Any NaN or +inf in x, or every x = -inf: the whole row is NaN (what
 *   max-subtraction gives in IEEE arithmetic: inf - inf).
 * - x_i = -inf (masked): softmax_i = +0, log_softmax_i = -inf; the JVP is
 *   s_i·(v_i - Σ s_j v_j) = (+0)·(v_i - ...): a zero with the sign of
 *   v_i - Σ s_j v_j for softmax; v_i - Σ s_j v_j for log_softmax.
 * - Any non-finite v entry (derivative): the whole row is NaN.
 * - log_softmax_i of a unique maximum is -log(1 + Σ others) < 0: -0 when it
 *   underflows but some other entry is finite; +0 only when all others are
 *   masked.
 */
#include <math.h>
#include <stdlib.h>

#include "ref_internal.h"

#define DIFF_PREC 300
#define MAX_WORKING_PREC 65536

static void set_row_nan(mpfr_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        mpfr_set_nan(out[i]);
}

static const float *sort_keys;

static int by_key(const void *a, const void *b)
{
    float u = sort_keys[*(const size_t *)a], v = sort_keys[*(const size_t *)b];
    return (u > v) - (u < v);
}

/* True when every group of equal finite x has the same mean of v; then
 * *mean_num / mean_den is that mean (exact). */
static bool group_means_equal(const float *x, const float *v, size_t n,
                              mpfr_t mean_num, unsigned long *mean_den)
{
    size_t *order = malloc(n * sizeof *order);
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(x[i]))
            order[count++] = i;
    sort_keys = x;
    qsort(order, count, sizeof *order, by_key);

    bool equal = true;
    bool first = true;
    mpfr_t sum, lhs, rhs;
    mpfr_init2(sum, DIFF_PREC + 64);
    mpfr_inits2(DIFF_PREC + 128, lhs, rhs, (mpfr_ptr)0);
    for (size_t g = 0; g < count && equal;) {
        size_t end = g;
        mpfr_set_zero(sum, +1);
        while (end < count && x[order[end]] == x[order[g]]) {
            mpfr_add_d(sum, sum, v[order[end]], MPFR_RNDN); /* exact */
            end++;
        }
        unsigned long members = (unsigned long)(end - g);
        if (first) {
            mpfr_set(mean_num, sum, MPFR_RNDN);
            *mean_den = members;
            first = false;
        } else {
            mpfr_mul_ui(lhs, sum, *mean_den, MPFR_RNDN);
            mpfr_mul_ui(rhs, mean_num, members, MPFR_RNDN);
            equal = mpfr_equal_p(lhs, rhs);
        }
        g = end;
    }
    mpfr_clears(sum, lhs, rhs, (mpfr_ptr)0);
    free(order);
    return equal;
}

/* One evaluation of the row at working precision w. done[i] marks the JVP
 * entries already accepted (then left alone). Returns true when all are. */
static bool evaluate_row(bool is_log, ab_direction dir, const float *x, const float *v,
                         size_t n, mpfr_t *out, mpfr_prec_t w, mpfr_prec_t out_prec,
                         const bool *is_zero, bool *done)
{
    float max = -INFINITY;
    for (size_t i = 0; i < n; i++)
        if (x[i] > max)
            max = x[i];

    mpfr_t *e = malloc(n * sizeof *e);
    mpfr_t *ev = malloc(n * sizeof *ev);
    mpfr_ptr *terms = malloc(n * sizeof *terms);
    mpfr_t d, s, logs, t, a, bound;
    mpfr_init2(d, DIFF_PREC);
    mpfr_inits2(w, s, logs, t, a, bound, (mpfr_ptr)0);
    for (size_t j = 0; j < n; j++) {
        mpfr_init2(e[j], w);
        mpfr_init2(ev[j], w);
        mpfr_set_flt(d, x[j], MPFR_RNDN);
        mpfr_sub_d(d, d, max, MPFR_RNDN); /* exact; -inf - m = -inf */
        mpfr_exp(e[j], d, MPFR_RNDN);
        terms[j] = e[j];
    }
    mpfr_sum(s, terms, n, MPFR_RNDN);

    bool all_done = true;
    if (dir == AB_FORWARD) {
        size_t finite = 0;
        for (size_t j = 0; j < n; j++)
            finite += isfinite(x[j]) ? 1 : 0;
        bool another_finite = finite > 1; /* besides the maximum */
        if (is_log)
            mpfr_log(logs, s, MPFR_RNDN);
        for (size_t i = 0; i < n; i++) {
            if (!is_log) {
                mpfr_div(t, e[i], s, MPFR_RNDN);
            } else {
                mpfr_set_flt(d, x[i], MPFR_RNDN);
                mpfr_sub_d(d, d, max, MPFR_RNDN);
                mpfr_sub(t, d, logs, MPFR_RNDN);
                if (mpfr_zero_p(t) && another_finite)
                    mpfr_set_zero(t, -1); /* -log(1 + positive) */
            }
            ab_ref_set_round_to_odd(out[i], t);
        }
    } else {
        /* T = Σ E_j v_j and A = Σ |E_j v_j|, for N_i = v_i S - T. */
        for (size_t j = 0; j < n; j++) {
            mpfr_mul_d(ev[j], e[j], v[j], MPFR_RNDN);
            terms[j] = ev[j];
        }
        mpfr_sum(t, terms, n, MPFR_RNDN);
        for (size_t j = 0; j < n; j++)
            mpfr_abs(ev[j], ev[j], MPFR_RNDN);
        mpfr_sum(a, terms, n, MPFR_RNDN);
        mpfr_t num, vs;
        mpfr_inits2(w, num, vs, (mpfr_ptr)0);
        for (size_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            if (is_zero[i]) {
                mpfr_set_zero(num, +1);
            } else {
                mpfr_mul_d(vs, s, v[i], MPFR_RNDN);
                mpfr_sub(num, vs, t, MPFR_RNDN);
                /* |error| <= 2^(2-w) (|v_i| S + A) + the final rounding */
                mpfr_abs(vs, vs, MPFR_RNDU);
                mpfr_add(bound, vs, a, MPFR_RNDU);
                mpfr_mul_2si(bound, bound, 2 - (long)w + (long)out_prec + 8, MPFR_RNDU);
                if (mpfr_cmpabs(num, bound) <= 0 && w < MAX_WORKING_PREC) {
                    all_done = false;
                    continue;
                }
            }
            mpfr_div(num, num, s, MPFR_RNDN);
            if (!is_log) {
                mpfr_mul(num, num, e[i], MPFR_RNDN);
                mpfr_div(num, num, s, MPFR_RNDN);
            }
            ab_ref_set_round_to_odd(out[i], num);
            done[i] = true;
        }
        mpfr_clears(num, vs, (mpfr_ptr)0);
    }

    for (size_t j = 0; j < n; j++)
        mpfr_clears(e[j], ev[j], (mpfr_ptr)0);
    mpfr_clears(d, s, logs, t, a, bound, (mpfr_ptr)0);
    free(e);
    free(ev);
    free(terms);
    return all_done;
}

bool ab_ref_softmax_family(bool is_log, ab_direction dir, const float *x, const float *v,
                           size_t n, mpfr_t *out)
{
    if (n == 0)
        return true;

    bool any_finite = false;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]) || x[i] == INFINITY) {
            set_row_nan(out, n);
            return true;
        }
        any_finite |= isfinite(x[i]) != 0;
        if (dir == AB_DERIVATIVE && (v == NULL || !isfinite(v[i]))) {
            set_row_nan(out, n);
            return true;
        }
    }
    if (!any_finite) {
        set_row_nan(out, n);
        return true;
    }

    mpfr_prec_t out_prec = 0;
    for (size_t i = 0; i < n; i++)
        if (mpfr_get_prec(out[i]) > out_prec)
            out_prec = mpfr_get_prec(out[i]);
    mpfr_prec_t w = out_prec + 64;
    for (size_t k = n; k > 1; k >>= 1)
        w++;

    mpfr_exp_t saved_emin = mpfr_get_emin(), saved_emax = mpfr_get_emax();
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());

    bool *is_zero = calloc(n, sizeof *is_zero);
    bool *done = calloc(n, sizeof *done);
    if (dir == AB_DERIVATIVE) {
        mpfr_t mean_num, vi;
        unsigned long mean_den = 1;
        mpfr_init2(mean_num, DIFF_PREC + 64);
        mpfr_init2(vi, DIFF_PREC + 128);
        if (group_means_equal(x, v, n, mean_num, &mean_den)) {
            for (size_t i = 0; i < n; i++) {
                mpfr_set_flt(vi, v[i], MPFR_RNDN);
                mpfr_mul_ui(vi, vi, mean_den, MPFR_RNDN); /* exact */
                is_zero[i] = mpfr_equal_p(vi, mean_num);
            }
        }
        mpfr_clears(mean_num, vi, (mpfr_ptr)0);
    }
    while (!evaluate_row(is_log, dir, x, v, n, out, w, out_prec, is_zero, done))
        w *= 2;
    free(is_zero);
    free(done);

    mpfr_set_emin(saved_emin);
    mpfr_set_emax(saved_emax);
    for (size_t i = 0; i < n; i++)
        mpfr_check_range(out[i], 0, MPFR_RNDN);
    return true;
}

static bool softmax_row(ab_direction dir, const float *x, const float *v, size_t n, mpfr_t *out)
{
    return ab_ref_softmax_family(false, dir, x, v, n, out);
}

const ab_ref_activation ab_ref_softmax = {.row = softmax_row};
