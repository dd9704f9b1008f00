/*
 * The sweep's error metrics (metrics.h). Per input, the reference is an
 * interval f in [v + tlo, v + thi] (the fast reference's, or MPFR's value
 * rounded outward to doubles), its correct rounding cr and 1/U(f) when the
 * interval settles them. Per case, y - f = (y - v) - t with y - v split
 * exactly (TwoSum) and every further operation rounded outward by one
 * double step, so [a_lo, a_hi] contains |y - f|. A figure is decided when
 * both ends quantize to the same grid point; a case with an undecided figure
 * that could still be the maximum is evaluated in MPFR as a whole
 * (ab_exh_metrics_exact_case), the definition the fast path must equal.
 */
#include <math.h>
#include <stdlib.h>

#include "sweep/metrics_internal.h"
#include "sweep/quantize.h"

#define FILTER_PAD 24 /* 192 bytes: 9 arrays at distinct offsets within 4 KiB */

ab_exh_metrics *ab_exh_metrics_new(size_t chunk)
{
    ab_exh_metrics *m = calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->cap = chunk;
    m->ref = malloc(chunk * sizeof *m->ref);
    m->f = malloc(chunk * sizeof *m->f);
    m->pool = malloc(chunk * sizeof *m->pool);
    m->zero_key = malloc(chunk * sizeof *m->zero_key);
    /* The filter's arrays, each FILTER_PAD doubles apart beyond the chunk:
     * arrays a multiple of 4 KiB apart made the loop that fills them wait
     * on false store-to-load dependences (4K aliasing) */
    size_t stride = chunk + FILTER_PAD;
    m->fr.v = malloc(stride * 9 * sizeof(double));
    m->slow = malloc((chunk + 63) / 64 * sizeof *m->slow);
    if (m->ref == NULL || m->f == NULL || m->pool == NULL ||
        m->zero_key == NULL || m->fr.v == NULL || m->slow == NULL) {
        free(m->ref), free(m->f), free(m->pool), free(m->zero_key);
        free(m->fr.v), free(m->slow), free(m);
        return NULL;
    }
    double *d = m->fr.v;
    m->fr.res_lo = d + stride, m->fr.uinv = d + 2 * stride, m->fr.inv_fabs = d + 3 * stride;
    m->fr.zero_v = d + 4 * stride, m->fr.tlo = d + 5 * stride, m->fr.thi = d + 6 * stride;
    m->fr.fabs_lo = d + 7 * stride;
    m->fr.normal = (int64_t *)(d + 8 * stride);
#ifdef AB_BUILD_X86
    m->avx2 = ab_cpu_has(AB_ISA_AVX2_FMA);
#endif
    for (size_t i = 0; i < chunk; i++)
        mpfr_init2(m->pool[i], AB_REF_DEFAULT_PREC);
    mpfr_init2(m->scratch, AB_REF_DEFAULT_PREC);
    return m;
}

void ab_exh_metrics_free(ab_exh_metrics *m)
{
    if (m == NULL)
        return;
    for (size_t i = 0; i < m->cap; i++)
        mpfr_clear(m->pool[i]);
    mpfr_clear(m->scratch);
    free(m->pend);
    free(m->ref), free(m->f), free(m->pool), free(m->zero_key);
    free(m->fr.v), free(m->slow), free(m);
}

/* ---- the exact definition ------------------------------------------------------- */

static void offer(ab_err_max *mx, double value, uint32_t x, double y, double ref)
{
    ab_err_max_offer(mx, value, x, fbits((float)y), fbits((float)ref));
}

typedef struct cell {
    double lo, hi; /* a figure's grid interval: decided when equal */
} cell;

static bool may_win(const ab_err_max *mx, double q, uint32_t x)
{
    return q > mx->value || (q == mx->value && x < mx->x);
}

static ab_err_max *metric_of(ab_acc_stats *s, int metric)
{
    return metric == M_ABS ? &s->abs_err : metric == M_REL ? &s->rel_normal
                         : metric == M_ULP ? &s->ulp_normal : &s->ftz_ulp_normal;
}

/* One figure of a pending case in MPFR, offered. */
static void settle(ab_exh_metrics *m, ab_acc_stats *s, const eval_env *env, const pending *c)
{
    int prec, emin_unit, emax;
    ab_exh_format fmt = env->ctx->format;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    mpfr_clear_inexflag();
    ab_ref_eval(env->ctx->act, env->dir, &env->ctx->params, ffrom(c->x), m->scratch);
    bool inexact = mpfr_inexflag_p() != 0;
    double cr = ab_exh_round_mpfr(m->scratch, fmt), value;
    if (c->metric == M_ULP || c->metric == M_FTZ_ULP) {
        ab_ulp_error e = ab_ulp_error_fmt(c->y, m->scratch, prec, emin_unit, emax);
        ab_exh_zero_needs_exact(&e, inexact);
        value = ab_exh_quantize(e.ulp);
    } else {
        double abs_err, rel_err;
        ab_abs_rel_error(c->y, m->scratch, &abs_err, &rel_err);
        value = ab_exh_quantize_rel(c->metric == M_ABS ? abs_err : rel_err);
    }
    offer(metric_of(s, c->metric), value, c->x, c->y, cr);
}

/* A case of input x on constant const_id with result y, which the
 * settled one ties at a smaller input. */
static bool tied_by_settled(const settled_const *a, uint16_t const_id, float y, uint32_t x)
{
    return const_id != 0 && a->const_id == const_id && a->y == fbits(y) && a->x < x;
}

static int by_hi_descending(const void *a, const void *b)
{
    const pending *pa = a, *pb = b;
    if (pa->hi != pb->hi)
        return pa->hi < pb->hi ? 1 : -1;
    return pa->x < pb->x ? -1 : pa->x > pb->x;
}

/* Settles, from the highest bound down, the pending cases that can still
 * be their figure's maximum; empties the list. */
static void settle_all(ab_exh_metrics *m, pending_list *pl, ab_acc_stats *s, const eval_env *env)
{
    qsort(pl->c, (size_t)pl->n, sizeof pl->c[0], by_hi_descending);
    for (int k = 0; k < pl->n; k++) {
        const pending *c = &pl->c[k];
        settled_const *memo = &pl->memo[c->metric];
        if (tied_by_settled(memo, c->const_id, c->y, c->x))
            continue;
        if (may_win(metric_of(s, c->metric), c->hi, c->x)) {
            settle(m, s, env, c);
            if (c->const_id != 0)
                *memo = (settled_const){c->const_id, fbits(c->y), c->x};
        }
    }
    pl->n = 0;
    for (int k = 0; k < 4; k++)
        pl->floor[k] = -1.0; /* every deferred figure is now offered or beaten */
}

/* Defers an undecided figure unless a deferred case of the same figure
 * surely reaches at least as far; those it surely exceeds are dropped. */
static void defer(ab_exh_metrics *m, pending_list *pl, ab_acc_stats *s, const eval_env *env,
                  int metric, cell c, uint32_t x, double y, uint16_t const_id)
{
    if (tied_by_settled(&pl->memo[metric], const_id, (float)y, x))
        return; /* exactly the figure of one settled before */
    int k = 0;
    for (int i = 0; i < pl->n; i++) {
        const pending *o = &pl->c[i];
        if (o->metric == metric && (o->lo > c.hi || (o->lo == c.hi && o->x < x)))
            return; /* one already deferred surely reaches at least as far */
        if (o->metric == metric && const_id != 0 && o->const_id == const_id &&
            fbits(o->y) == fbits((float)y) && o->x < x)
            return; /* one already deferred has exactly this figure */
    }
    for (int i = 0; i < pl->n; i++)
        if (!(pl->c[i].metric == metric && pl->c[i].hi < c.lo))
            pl->c[k++] = pl->c[i];
    pl->n = k;
    if (pl->n == PENDING_MAX)
        settle_all(m, pl, s, env);
    pl->defers++;
    pl->c[pl->n++] = (pending){c.lo, c.hi, x, (float)y, metric, const_id};
    if (c.lo > pl->floor[metric])
        pl->floor[metric] = c.lo;
}

/* What a figure is compared with to tell whether it can still win: the
 * maximum offered so far, or a deferred case's lower end (pending_list). */
static inline double bar(const ab_err_max *mx, const pending_list *pl, int metric)
{
    return mx->value > pl->floor[metric] ? mx->value : pl->floor[metric];
}

/* may_win, and not surely below a deferred case. */
static inline bool may_win_deferred(const ab_err_max *mx, const pending_list *pl, int metric,
                                    double q, uint32_t x)
{
    return may_win(mx, q, x) && !(q < pl->floor[metric]);
}

/* ---- cases ------------------------------------------------------------------------ */

/* A cheap upper bound of |y - f| (y finite), to tell whether any figure of
 * the case can reach a maximum so far. f = v + t with t within hw of tmid
 * (both rounded once: t's ends are exact, the sum and difference each
 * within u of their value), so |y - f| <= |(y - v) - tmid| + hw plus the
 * rounding of the two subtractions, each within u of what it rounds; the
 * anchor v may be far from f (sigmoid's 1 - tail), so these roundings are
 * relative to |y - v| and |tmid|, not to the small result. The factor and
 * the absolute term cover the remaining roundings and the halving of a
 * subnormal midpoint. */
static inline double abs_upper(const mref *r, double y)
{
    double d1 = y - r->v, d2 = d1 - r->tmid;
    return ((fabs(d2) + r->hw) + (fabs(d1) + fabs(r->tmid)) * 0x1p-51) * (1 + 0x1p-48) +
           0x1p-1060;
}

/* [lo, hi] around |y - f| (y finite), with y == f exactly (an exact
 * reference and that value) made 0 at both ends. */
static diff_bounds abs_interval(const mref *r, double y)
{
    return ab_exh_abs_interval(y, r->v, r->tlo, r->thi);
}

/* The cell of |y - f| with the resolution rule (accuracy_stats.h). */
static cell abs_cell(const mref *r, double y, diff_bounds a)
{
    double res_lo = r->res_lo, res_hi = up(r->fabs_hi * RESOLUTION);
    if (a.hi <= res_lo)
        return (cell){0, 0};
    if (a.lo > res_hi || (y == 0 && a.lo > 0)) { /* y = 0: the error is |f| itself */
        cell c = {ab_exh_quantize_rel(next_double_if(a.lo, a.lo_strict)),
                  ab_exh_quantize_rel(a.hi)};
        if (c.lo != c.hi)
            ab_exh_metrics_straddle(r, y, a.side, M_ABS, &c.lo, &c.hi);
        return c;
    }
    return (cell){0, ab_exh_quantize_rel(a.hi)};
}

static cell ulp_cell(const mref *r, double y, diff_bounds a)
{
    if (r->inv_unit == 0)
        return (cell){0, INFINITY};
    if (a.hi == 0 && r->exact_v)
        return (cell){0, 0};
    /* a zero lower end: an exact 0 or MPFR's inexact floor, undecided */
    double lo = 0;
    if (a.lo > 0) {
        bool strict = a.lo_strict;
        double u = mul_down(a.lo, r->inv_unit, &strict);
        lo = ab_exh_quantize(next_double_if(u, strict));
    }
    cell c = {lo, ab_exh_quantize(mul_up(a.hi, r->inv_unit))};
    if (c.lo != c.hi)
        ab_exh_metrics_straddle(r, y, a.side, M_ULP, &c.lo, &c.hi);
    return c;
}

/* The relative error as |(|y| / |f|) - 1| (y and f of one sign, y - f of
 * known sign), narrowing the cell c: where y and f move apart together
 * (a constant y against f' = 1/4 - x^2/16 at tiny x), |y - f| and |f|
 * bounded apart leave a cell across the grid point that the quotient
 * decides without the exact sign tests. */
static void ratio_cell(const mref *r, double y, int side, cell *c)
{
    bool st = false;
    double ay = fabs(y), lo, hi;
    if ((y > 0 ? side : -side) < 0) { /* |y| < |f|: 1 - |y|/|f| */
        hi = sum_up(1, -div_down(ay, r->fabs_hi, &st), &st);
        lo = sum_down(1, -div_up(ay, r->fabs_lo), &st);
    } else { /* |y| > |f|: |y|/|f| - 1 */
        hi = sum_up(div_up(ay, r->fabs_lo), -1, &st);
        lo = sum_down(div_down(ay, r->fabs_hi, &st), -1, &st);
    }
    if (lo > 0)
        c->lo = fmax(c->lo, ab_exh_quantize_rel(lo));
    c->hi = fmin(c->hi, ab_exh_quantize_rel(hi));
}

/* The cell of |y - f| / |f| (a normal-output case, abs cell ca). */
static cell rel_cell(const mref *r, double y, diff_bounds a, cell ca)
{
    if (y == 0 && ca.lo != 0)
        return (cell){1, 1}; /* |0 - f| / |f| */
    if (ca.hi == 0)
        return (cell){0, 0}; /* abs 0: relative 0 too */
    double lo = 0;
    if (ca.lo != 0) {
        bool strict = a.lo_strict;
        double q = div_down(a.lo, r->fabs_hi, &strict);
        lo = ab_exh_quantize_rel(next_double_if(q, strict));
    }
    cell c = {lo, ab_exh_quantize_rel(div_up(a.hi, r->fabs_lo))};
    if (c.lo != c.hi && ca.lo != 0 && a.side != 0 && r->fabs_lo > 0 &&
        (y > 0) == (r->v + r->tmid > 0))
        ratio_cell(r, y, a.side, &c);
    if (c.lo != c.hi)
        ab_exh_metrics_straddle(r, y, a.side, M_REL, &c.lo, &c.hi);
    return c;
}

/* Case i in MPFR, with the value prepared for it or evaluated now. */
static void exact_case(ab_exh_metrics *m, ab_acc_stats *s, const eval_env *env, size_t i,
                       float x, double y, bool ftz_run)
{
    mpfr_ptr f = m->f[i];
    bool inexact = m->ref[i].inexact;
    if (f == NULL) {
        mpfr_clear_inexflag();
        ab_ref_eval(env->ctx->act, env->dir, &env->ctx->params, x, m->scratch);
        inexact = mpfr_inexflag_p() != 0;
        f = m->scratch;
    }
    ab_exh_metrics_exact_case(s, env->ctx->format, x, y, f, inexact, ftz_run);
}

/* The ULP cell of an infinite result Y = +-2^emax against f in
 * [v + tlo, v + thi] (|f| < 2^emax, so |Y - f| = sgn (Y - f)): the interval
 * first; where it straddles one grid point G (f just inside a power of 2 of
 * Y: |Y - f| U(f)^-1 just below a power of 2), the exact signs of
 * sgn (Y - v - t) - G U at the ends decide (ab_exh_decide_by_ends). */
static cell inf_ulp_cell(const mref *r, double big)
{
    cell c = ulp_cell(r, big, abs_interval(r, big));
    if (c.lo != c.hi && c.lo > 0)
        ab_exh_decide_by_ends(big, r->v, r->tlo, r->thi, r->inv_unit, big > 0 ? 1 : -1, &c.lo,
                              &c.hi);
    return c;
}

/* An infinite result on a finite value reference (an overflow where f is
 * finite: naive softplus beyond x = 88.7) without MPFR: the absolute and
 * relative errors are inf, the ULP error is |+-2^emax - f| / U(f) (how
 * ab_ulp_error_fmt measures a returned infinity). The default run offers
 * its figures (ftz: the FTZ one too), the FTZ run only its own. false: the
 * ULP cell is undecided, and the case goes to MPFR. */
static bool inf_case(ab_acc_stats *s, const mref *r, const eval_env *env, uint32_t xb, double y,
                     bool default_run, bool ftz)
{
    if (r->kind != MREF_VALUE || r->f_inf)
        return false;
    cell cu = {0, 0};
    if (r->normal) {
        int prec, emin_unit, emax;
        ab_exh_format_params(env->ctx->format, &prec, &emin_unit, &emax);
        cu = inf_ulp_cell(r, copysign(ldexp(1.0, emax), y));
        if (cu.lo != cu.hi)
            return false;
    }
    if (default_run) {
        offer(&s->abs_err, INFINITY, xb, y, r->cr);
        if (!r->normal)
            return true;
        s->normal_counted++;
        offer(&s->ulp_normal, cu.hi, xb, y, r->cr);
        offer(&s->rel_normal, INFINITY, xb, y, r->cr);
    }
    if (ftz && r->normal)
        offer(&s->ftz_ulp_normal, cu.hi, xb, y, r->cr);
    return true;
}

/* A NaN/inf error-class case (ab_ulp_error_fmt's classes, decided from
 * the reference's kind alone). */
static bool special_case(const mref *r, double y)
{
    if (r->kind == MREF_NAN)
        return !isnan(y);
    return isnan(y) || (isinf(y) && !isinf(r->cr)) || (r->f_inf && !isinf(y));
}

/* An ULP figure (metric M_ULP or M_FTZ_ULP) of a normal-output case. */
static void ulp_figure(ab_exh_metrics *m, pending_list *pl, ab_acc_stats *s, const eval_env *env,
                       int metric, cell cu, uint32_t xb, double y, const mref *r)
{
    ab_err_max *mx = metric_of(s, metric);
    if (!may_win_deferred(mx, pl, metric, cu.hi, xb))
        return;
    if (cu.lo != cu.hi)
        defer(m, pl, s, env, metric, cu, xb, y, r->const_id);
    else
        offer(mx, cu.hi, xb, y, r->cr);
}

/* A figure known to be exactly 0, offered where ulp_figure or the abs/rel
 * code would offer it. */
static inline void offer_zero(ab_err_max *mx, uint32_t x, double y, double ref)
{
    if (may_win(mx, 0.0, x))
        offer(mx, 0.0, x, y, ref);
}

/* The bars now: a bar only grows (a deferred case's lower end is offered or
 * beaten when settled), so a case below earlier bars is below these too. */
static filter_bars bars_now(const ab_acc_stats *s, const pending_list *pl)
{
    return (filter_bars){bar(&s->abs_err, pl, M_ABS), bar(&s->ulp_normal, pl, M_ULP),
                       bar(&s->rel_normal, pl, M_REL), bar(&s->ftz_ulp_normal, pl, M_FTZ_ULP),
                       s->abs_err.value < 0, s->rel_normal.value < 0};
}

/* Whether a figure of the finite-y case on the value reference r may reach
 * its bar, by abs_upper. Below the resolution the absolute and relative errors are 0, which tie a
 * maximum of 0 at a smaller input (inputs arrive in increasing order). */
static inline bool may_reach(const mref *r, double y, const filter_bars *b, bool with_ftz)
{
    double a_up = abs_upper(r, y);
    bool below_res = a_up <= r->res_lo;
    bool need = below_res ? b->abs_unset : !(a_up < b->abs);
    double u_up = r->inv_unit == 0 ? INFINITY : a_up * r->inv_unit;
    if (r->normal)
        need |= !(u_up < b->ulp) ||
                (below_res ? b->rel_unset : !(a_up * r->inv_fabs_up < b->rel)) ||
                (with_ftz && !(u_up < b->ftz));
    return need;
}

/* One case of the default run; with_ftz: the FTZ/DAZ run returned the same
 * result here, so its ULP figure is this one's. y == f exactly (an exact
 * reference and its usual result: identity, relu) has every figure 0,
 * offered without the interval arithmetic. Otherwise a cheap upper bound
 * of |y - f| first tells whether any figure can reach the maximum so far,
 * or a deferred case's lower end (may_reach). */
static void case_default(ab_exh_metrics *m, pending_list *pl, ab_acc_stats *s,
                         const eval_env *env, size_t i, float x, double y, bool with_ftz)
{
    const mref *r = &m->ref[i];
    if (r->kind == MREF_NAN || isnan(y))
        return;
    if (r->kind == MREF_EXACT || isinf(y)) {
        if (isinf(y) && inf_case(s, r, env, fbits(x), y, true, with_ftz))
            return;
        exact_case(m, s, env, i, x, y, false);
        if (with_ftz)
            exact_case(m, s, env, i, x, y, true);
        return;
    }
    s->normal_counted += r->normal;
    uint32_t xb = fbits(x);
    if (r->zero_at_v && y == r->v) {
        /* every cell below would be {0, 0}: a 0 can win only where nothing
         * was offered yet (inputs arrive in increasing order), as the
         * bounds below would tell */
        offer_zero(&s->abs_err, xb, y, r->cr);
        if (!r->normal)
            return;
        offer_zero(&s->rel_normal, xb, y, r->cr);
        offer_zero(&s->ulp_normal, xb, y, r->cr);
        if (with_ftz)
            offer_zero(&s->ftz_ulp_normal, xb, y, r->cr);
        return;
    }
    filter_bars b = bars_now(s, pl);
    if (!may_reach(r, y, &b, with_ftz))
        return;
    if (r->const_id != 0 && tied_by_settled(&pl->weighed, r->const_id, (float)y, xb) &&
        (pl->weighed_ftz || !with_ftz))
        return; /* the figures of an earlier input, weighed already */
    if (r->const_id != 0) {
        pl->weighed = (settled_const){r->const_id, fbits((float)y), xb};
        pl->weighed_ftz = with_ftz;
    }
    diff_bounds a = abs_interval(r, y);
    if (ab_exh_filter_loses(y, a, r->v, r->res_lo, r->inv_unit == 0 ? INFINITY : r->inv_unit,
                            r->fabs_lo, r->normal, &b, with_ftz))
        return;
    cell ca = abs_cell(r, y, a);
    if (may_win_deferred(&s->abs_err, pl, M_ABS, ca.hi, xb)) {
        if (ca.lo != ca.hi)
            defer(m, pl, s, env, M_ABS, ca, xb, y, r->const_id);
        else
            offer(&s->abs_err, ca.hi, xb, y, r->cr);
    }
    if (!r->normal)
        return;
    cell crel = rel_cell(r, y, a, ca);
    if (may_win_deferred(&s->rel_normal, pl, M_REL, crel.hi, xb)) {
        if (crel.lo != crel.hi)
            defer(m, pl, s, env, M_REL, crel, xb, y, r->const_id);
        else
            offer(&s->rel_normal, crel.hi, xb, y, r->cr);
    }
    cell cu = ulp_cell(r, y, a);
    ulp_figure(m, pl, s, env, M_ULP, cu, xb, y, r);
    if (with_ftz)
        ulp_figure(m, pl, s, env, M_FTZ_ULP, cu, xb, y, r);
}

/* One case of the FTZ/DAZ run: max ULP over normal outputs (its NaN/inf
 * cases are counted by the caller). */
static void case_ftz(ab_exh_metrics *m, pending_list *pl, ab_acc_stats *s, const eval_env *env,
                     size_t i, float x, double y)
{
    const mref *r = &m->ref[i];
    if (r->kind == MREF_NAN || isnan(y))
        return;
    if (r->kind == MREF_EXACT || isinf(y)) {
        if (isinf(y) && inf_case(s, r, env, fbits(x), y, false, true))
            return;
        exact_case(m, s, env, i, x, y, true);
        return;
    }
    if (!r->normal)
        return;
    double a_up = abs_upper(r, y);
    if (r->inv_unit != 0 && a_up * r->inv_unit < bar(&s->ftz_ulp_normal, pl, M_FTZ_ULP))
        return;
    ulp_figure(m, pl, s, env, M_FTZ_ULP, ulp_cell(r, y, abs_interval(r, y)), fbits(x), y, r);
}

static double result_in_format(ab_exh_format fmt, float y)
{
    return fmt == AB_FMT_BINARY32 ? (double)y : ab_exh_round_result(fmt, y);
}

static pending_list *pending_of(ab_exh_metrics *m, size_t pair)
{
    if (pair >= m->pend_count) {
        size_t count = pair + 8;
        pending_list *grown = realloc(m->pend, count * sizeof *grown);
        if (grown == NULL)
            abort();
        for (size_t k = m->pend_count; k < count; k++)
            grown[k] = (pending_list){.n = 0, .floor = {-1.0, -1.0, -1.0, -1.0}};
        m->pend = grown;
        m->pend_count = count;
    }
    return &m->pend[pair];
}

/* A case whose every figure is 0 (y == f exactly) can win none once each
 * maximum holds a figure: it would only tie at a larger input. */
static bool zeros_lose(const ab_acc_stats *s)
{
    return s->abs_err.value >= 0 && s->rel_normal.value >= 0 && s->ulp_normal.value >= 0 &&
           s->ftz_ulp_normal.value >= 0;
}

/* The grid point below the grid point q (20 fraction bits: one step less). */
static double grid_below(double q)
{
    return dfrom(dbits(q) - (1ull << (52 - AB_EXH_ULP_REL_BITS)));
}

/* Raises the filter's bars with what the chunk's last case surely reaches:
 * for each figure, the grid point G below the quantized lower end of its
 * interval. A case whose upper bound lies below G has a figure at most G,
 * and the last case's is above G: it can be no maximum, whatever the order.
 * Without it, errors that grow input after input (a constant y = 1/2
 * against sigmoid(x) = 1/2 + x/4 at tiny x: each absolute and relative
 * error a new maximum) take every case through case_default. */
static void seed_bars(const ab_exh_metrics *m, const float *ys, const float *zs, size_t n,
                      filter_bars *b)
{
    const mref *r = &m->ref[n - 1];
    double y = ys[n - 1];
    if (r->kind != MREF_VALUE || !isfinite(y))
        return;
    diff_bounds a = abs_interval(r, y);
    if (!(a.lo > up(r->fabs_hi * RESOLUTION)))
        return; /* its absolute error may be 0 by the resolution rule */
    double q = ab_exh_quantize_rel(a.lo);
    if (q > AB_EXH_REL_FLOOR) {
        b->abs = fmax(b->abs, grid_below(q));
        b->abs_unset = false;
    }
    if (!r->normal)
        return;
    bool strict = false;
    q = ab_exh_quantize_rel(div_down(a.lo, r->fabs_hi, &strict));
    if (q > AB_EXH_REL_FLOOR) {
        b->rel = fmax(b->rel, grid_below(q));
        b->rel_unset = false;
    }
    if (r->inv_unit == 0)
        return;
    q = ab_exh_quantize(mul_down(a.lo, r->inv_unit, &strict));
    if (q > AB_EXH_ULP_FLOOR) {
        b->ulp = fmax(b->ulp, grid_below(q));
        if (fbits(ys[n - 1]) == fbits(zs[n - 1])) /* its FTZ/DAZ figure is this one */
            b->ftz = fmax(b->ftz, grid_below(q));
    }
}

/* Whether case i, with the same result in both runs, is dominated by case
 * i - 1: the same y there (in both runs too), f of y's sign in both, y - f
 * of one known sign, both errors above the resolution, one ULP unit, and f
 * moved toward y (same anchor v: the tails' intervals are ordered). Then
 * each of its figures (absolute, relative, ULP, FTZ ULP) is at most case
 * i - 1's, at a larger input: it can win none, as case i - 1 could not or
 * did. Without it, a constant y whose error sits just below a grid point
 * (an approximation's y = 0x1.02c8ccp-1 against sigmoid(x) = 1/2 + x/4 at
 * tiny x) ties that point input after input, above the filter's bound. */
static bool dominated_by_previous(const ab_exh_metrics *m, size_t i, const float *ys,
                                  const float *zs)
{
    const mref *a = &m->ref[i - 1], *b = &m->ref[i];
    float y = ys[i];
    if (fbits(y) != fbits(ys[i - 1]) || fbits(zs[i - 1]) != fbits(ys[i - 1]) || !isfinite(y) ||
        y == 0)
        return false;
    if (a->kind != MREF_VALUE || b->kind != MREF_VALUE || a->f_inf || b->f_inf ||
        a->normal != b->normal || a->inv_unit != b->inv_unit || a->v != b->v ||
        (a->normal && a->inv_unit == 0))
        return false;
    bool up_move = b->tlo >= a->thi, down_move = b->thi <= a->tlo; /* f_i >= f_{i-1}, <= */
    if (!up_move && !down_move)
        return false;
    if (y > 0 ? !(a->v + a->tlo > 0 && b->v + b->tlo > 0)
              : !(a->v + a->thi < 0 && b->v + b->thi < 0))
        return false;
    diff_bounds da = abs_interval(a, y), db = abs_interval(b, y);
    if (da.side == 0 || da.side != db.side || !(da.lo > up(a->fabs_hi * RESOLUTION)) ||
        !(db.lo > up(b->fabs_hi * RESOLUTION)))
        return false;
    return da.side > 0 ? up_move : down_move;
}

/* Whether case i repeats case i - 1 bit for bit: the same results as case
 * i - 1 in each run (default and FTZ/DAZ) and the same reference interval
 * (a saturated range, where the fast reference gives one interval for many
 * inputs). Every cell of case i is
 * then case i - 1's; when case i - 1 deferred none, each of its figures was
 * offered or lost, and case i, at a larger input, can only tie them. */
static bool repeats_previous(const ab_exh_metrics *m, size_t i, const float *ys,
                             const float *zs)
{
    const mref *r = &m->ref[i];
    return fbits(ys[i]) == fbits(ys[i - 1]) && fbits(zs[i]) == fbits(zs[i - 1]) &&
           r->kind == MREF_VALUE && isfinite(ys[i]) && isfinite(zs[i]) &&
           memcmp(r, r - 1, sizeof *r) == 0;
}

/* Where the FTZ/DAZ run returns the default run's result (usually
 * everywhere), its figures are taken from the default run's pass. A case
 * with y == f exactly in both runs adds only its normal-output count once
 * zeros_lose (case_default would offer 0s that lose; no NaN/inf class).
 * In binary32 the filter's cases (most) only count; the others reach
 * case_default in increasing order as before. */
void ab_exh_metrics_pass(ab_exh_metrics *m, size_t pair, ab_exh_pair *out, const eval_env *env,
                         const float *xs, const float *ys, const float *zs, size_t n)
{
    ab_acc_stats *s = &out->stats;
    pending_list *pl = pending_of(m, pair);
    ab_exh_format fmt = env->ctx->format;
    bool any_zero = m->zero_inputs != 0, settled_zeros = any_zero && zeros_lose(s);
    filter_bars start = bars_now(s, pl);
    size_t settled_prev = SIZE_MAX; /* the last case case_default weighed without deferring */
    if (fmt == AB_FMT_BINARY32 && n > 0)
        seed_bars(m, ys, zs, n, &start);
    if (fmt != AB_FMT_BINARY32)
        memset(m->slow, 0xFF, (n + 63) / 64 * sizeof *m->slow);
#ifdef AB_BUILD_X86
    else if (m->avx2)
        s->normal_counted += ab_exh_filter_avx2(&m->fr, ys, zs, n, &start, m->slow);
#endif
    else
        s->normal_counted += ab_exh_filter_scalar(&m->fr, ys, zs, n, &start, m->slow);
    for (size_t word = 0; word * 64 < n; word++)
        for (uint64_t bits = m->slow[word]; bits != 0; bits &= bits - 1) {
            size_t i = word * 64 + (size_t)__builtin_ctzll(bits);
            if (i >= n)
                break;
            uint32_t yb = fbits(ys[i]);
            if (settled_zeros && (uint64_t)yb == m->zero_key[i] && yb == fbits(zs[i])) {
                s->normal_counted += m->ref[i].normal;
                continue;
            }
            bool same = yb == fbits(zs[i]) || (isnan(ys[i]) && isnan(zs[i]));
            if (fmt == AB_FMT_BINARY32 && i > 0 &&
                ((settled_prev == i - 1 && repeats_previous(m, i, ys, zs)) ||
                 (yb == fbits(zs[i]) && dominated_by_previous(m, i, ys, zs)))) {
                /* no figure; no class (finite results on a value reference) */
                s->normal_counted += m->ref[i].normal;
                s->ftz_changed += !same;
                continue;
            }
            double y = result_in_format(fmt, ys[i]);
            unsigned defers = pl->defers;
            case_default(m, pl, s, env, i, xs[i], y, same);
            s->ftz_changed += !same;
            double z = same ? y : result_in_format(fmt, zs[i]);
            if (!same)
                case_ftz(m, pl, s, env, i, xs[i], z);
            settled_prev = pl->defers == defers ? i : SIZE_MAX;
            s->ftz_special += special_case(&m->ref[i], z);
            settled_zeros = settled_zeros || (any_zero && zeros_lose(s));
        }
}

void ab_exh_metrics_finish(ab_exh_metrics *m, size_t pair, ab_exh_pair *out, const eval_env *env)
{
    pending_list *pl = pending_of(m, pair);
    settle_all(m, pl, &out->stats, env);
    memset(pl->memo, 0, sizeof pl->memo); /* the next block has its own maxima */
    pl->weighed = (settled_const){0, 0, 0};
    pl->weighed_ftz = false;
}
