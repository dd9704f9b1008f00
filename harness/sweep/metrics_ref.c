/*
 * The error metrics' references of a chunk (metrics.h, metrics_internal.h):
 * per input, f as an interval [v + tlo, v + thi] from the prepared fast
 * value (its fields copied, |f| bounded outward) or from MPFR's value
 * rounded outward to adjacent doubles, with its correct rounding and 1/U(f);
 * then the same as the filter's arrays (metrics_filter.h).
 */
#include <math.h>

#include "sweep/metrics_internal.h"

/* |f| bounds from the interval's ends (r's v, tlo, thi, passed as values),
 * by directed sums: exact ends stay (f = 1/2 + x/4 at tiny x keeps
 * |f| >= 1/2, so y/|f| for y on a grid point is not pushed across it).
 * The caller's values, not r's fields: those were just stored one by one,
 * and reloading tlo and thi as one 16-byte load waited for both stores to
 * retire (no store forwarding across two stores), once per input. */
static inline void abs_bounds(mref *r, double v, double tlo, double thi)
{
    bool strict;
    double lo = sum_down(v, tlo, &strict), hi = sum_up(v, thi, &strict);
    if (lo > 0)
        r->fabs_lo = lo, r->fabs_hi = hi;
    else if (hi < 0)
        r->fabs_lo = -hi, r->fabs_hi = -lo;
    else
        r->fabs_lo = 0, r->fabs_hi = fmax(-lo, hi);
    r->tmid = (tlo + thi) * 0.5;
    r->hw = (thi - tlo) * 0.5;
    r->inv_fabs_up = r->fabs_lo > 0 ? 1.0 / r->fabs_lo * (1 + 0x1p-48) : INFINITY;
    r->res_lo = down(r->fabs_lo * RESOLUTION);
}

/* The reference from an MPFR value (the format's unit as ab_ulp_error_fmt
 * takes it: from f's own exponent). */
static void ref_from_mpfr(mref *r, const mpfr_t f, bool inexact, ab_exh_format fmt, double cr)
{
    int prec, emin_unit, emax;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    r->kind = mpfr_nan_p(f) ? MREF_NAN : MREF_VALUE;
    r->inexact = inexact;
    if (r->kind == MREF_NAN)
        return;
    r->cr = cr;
    r->f_inf = mpfr_inf_p(f) != 0;
    if (!mpfr_number_p(f) || isinf(cr)) {
        r->kind = MREF_EXACT; /* infinities: a handful of cases */
        return;
    }
    r->v = mpfr_get_d(f, MPFR_RNDD);
    r->tlo = 0.0;
    r->thi = mpfr_get_d(f, MPFR_RNDU) - r->v; /* adjacent doubles: exact */
    r->exact_v = r->thi == 0.0 && !inexact;
    long unit_exp = emin_unit;
    if (!mpfr_zero_p(f) && mpfr_get_exp(f) - 1 - (prec - 1) > unit_exp)
        unit_exp = mpfr_get_exp(f) - 1 - (prec - 1);
    r->inv_unit = ldexp(1.0, (int)-unit_exp);
    r->normal = ab_is_normal_output(cr, prec, emin_unit);
    abs_bounds(r, r->v, r->tlo, r->thi);
}

/* The chunk's references as the filter's arrays (metrics_filter.h). */
static void filter_refs_fill(ab_exh_metrics *m, size_t n)
{
    const filter_refs *fr = &m->fr;
    for (size_t i = 0; i < n; i++) {
        const mref *r = &m->ref[i];
        bool value = r->kind == MREF_VALUE && !r->f_inf;
        fr->v[i] = value ? r->v : NAN;
        fr->res_lo[i] = value ? r->res_lo : 0;
        fr->tlo[i] = value ? r->tlo : 0;
        fr->thi[i] = value ? r->thi : 0;
        fr->fabs_lo[i] = value ? r->fabs_lo : 0;
        fr->uinv[i] = value && r->inv_unit != 0 ? r->inv_unit : INFINITY;
        fr->inv_fabs[i] = value ? r->inv_fabs_up : INFINITY;
        fr->zero_v[i] = value && r->zero_at_v ? r->v : NAN;
        fr->normal[i] = value && r->normal ? -1 : 0;
    }
}

void ab_exh_metrics_prepare(ab_exh_metrics *m, const eval_env *env, const prepared *prep,
                            mpfr_t *mf, const double *crs, const float *xs, size_t n)
{
    const ab_exh_ctx *ctx = env->ctx;
    m->zero_inputs = 0;
    for (size_t i = 0; i < n; i++) {
        const prepared *p = &prep[i];
        mref *r = &m->ref[i];
        m->f[i] = NULL;
        if (ctx->mpfr_reference) {
            memset(r, 0, sizeof *r);
            m->f[i] = mf[i];
            ref_from_mpfr(r, mf[i], p->ref_inexact, ctx->format, crs[i]);
        } else if (p->kind == KIND_NAN) {
            memset(r, 0, sizeof *r);
            r->kind = MREF_NAN;
        } else if (i > 0 && p->same_ref && m->f[i - 1] == NULL &&
                   m->ref[i - 1].kind == MREF_VALUE) {
            /* the previous input's reference, copied whole, and its zero
             * key (const_id and zero_at_v are its own too): a field
             * written into r after the copy made the next input's copy
             * wait for it (store forwarding) */
            *r = m->ref[i - 1];
            m->zero_key[i] = m->zero_key[i - 1];
            m->zero_inputs += m->zero_key[i] != 1ull << 32;
            continue;
        } else if (p->kind == KIND_FAST && p->cr_ok && p->f_beyond == 0) {
            /* every field is set here (abs_bounds the |f| ones), without
             * the memset of the other branches: this is the per-input path,
             * from local copies (the stores to r could alias p's doubles) */
            double v = p->v, tlo = p->tlo, thi = p->thi, inv_unit = p->unit_ok ? p->inv_unit : 0.0;
            uint32_t cr_exponent = (p->cr_bits >> 23) & 0xFF;
            /* tlo == 0 && thi == 0 (either zero), and inv_unit != 0 (a power of 2 or 0) */
            bool exact_v = ((dbits(tlo) | dbits(thi)) << 1) == 0, zero_at_v = exact_v && p->unit_ok;
            r->kind = MREF_VALUE;
            r->f_inf = 0;
            r->inexact = 0;
            r->v = v, r->tlo = tlo, r->thi = thi;
            r->exact_v = exact_v;
            r->inv_unit = inv_unit;
            r->cr = (double)ffrom(p->cr_bits);
            r->normal = cr_exponent - 1 < 0xFE; /* ab_is_normal_output: finite, >= 2^-126 */
            abs_bounds(r, v, tlo, thi);
            r->const_id = p->const_id;
            r->zero_at_v = zero_at_v;
            bool zero_float = zero_at_v && ctx->format == AB_FMT_BINARY32 && (double)(float)v == v;
            m->zero_key[i] = zero_float ? fbits((float)v) : 1ull << 32;
            m->zero_inputs += zero_float;
            continue;
        } else {
            memset(r, 0, sizeof *r);
            mpfr_clear_inexflag();
            ab_ref_eval(ctx->act, env->dir, &ctx->params, xs[i], m->pool[i]);
            bool inexact = mpfr_inexflag_p() != 0;
            m->f[i] = m->pool[i];
            ref_from_mpfr(r, m->pool[i], inexact, ctx->format,
                          ab_exh_round_mpfr(m->pool[i], ctx->format));
        }
        r->const_id = p->const_id; /* a property of x's piece, however f was made */
        r->zero_at_v = r->kind == MREF_VALUE && r->tlo == 0 && r->thi == 0 && r->exact_v &&
                       r->inv_unit != 0;
        bool zero_float = r->zero_at_v && ctx->format == AB_FMT_BINARY32 &&
                          (double)(float)r->v == r->v;
        m->zero_key[i] = zero_float ? fbits((float)r->v) : 1ull << 32;
        m->zero_inputs += zero_float;
    }
    filter_refs_fill(m, n);
}
