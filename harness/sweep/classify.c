/*
 * Classification of one implementation's results on a prepared chunk
 * (worker.h). Each case adds to the statistics exactly what
 * ab_acc_stats_add would with the MPFR error: the fast verdict where the
 * bound decides, MPFR otherwise; the correctly rounded cases are added in
 * bulk from the chunk's runs (worker.h), and the maximum goes through the
 * tracker.
 */
#include <math.h>

#include "sweep/bits.h"
#include "sweep/quantize.h"
#include "sweep/worker.h"

static void map_add(ab_exh_pair *out, const prepared *p, double ulp)
{
    ab_exh_cell *c = &out->binade[p->binade >> 8][p->binade & 0xFF];
    if (c->count == 0 || ulp > c->max_ulp)
        c->max_ulp = ulp;
    c->count++;
    c->sum_ulp += ulp;
    if (p->grid >= 0) {
        c = &out->grid[p->grid];
        if (c->count == 0 || ulp > c->max_ulp)
            c->max_ulp = ulp;
        c->count++;
        c->sum_ulp += ulp;
    }
}

/* Mirrors ab_acc_stats_add, with the ULP error known as an interval whose
 * histogram bin is decided; the maximum goes through the tracker. */
static void add_case(ab_exh_pair *out, max_tracker *t, const eval_env *env, const prepared *p,
                     uint32_t xb, double y, double cr, bool is_cr, unsigned classes,
                     bool nan_case, double ulp_raw, double q_lo, double q_hi, int bin)
{
    ab_acc_stats *s = &out->stats;
    s->inputs++;
    if (is_cr)
        s->correctly_rounded++;
    for (int k = 0; classes != 0 && k < AB_CLASS_KINDS; k++)
        if (classes & (1u << k)) {
            s->classes[k]++;
            if (xb < s->class_example_x[k])
                s->class_example_x[k] = xb;
        }
    if (nan_case) {
        if (isnan(y) && isnan(cr))
            s->nan_expected++;
        return;
    }
    s->ulp_counted++;
    s->sum_ulp += ulp_raw;
    if (bin >= 2)
        s->over_one_ulp++;
    s->hist[bin]++;
    if (q_hi > t->max_lo || (q_hi == t->max_lo && !t->exact_at_max)) {
        candidate c = {xb, fbits((float)y), fbits((float)cr), q_lo, q_hi, q_lo == q_hi,
                       !isnan(cr)};
        ab_exh_tracker_add(t, &c, env, out);
    }
    map_add(out, p, ulp_raw);
}

static void add_mpfr_case(ab_exh_pair *out, max_tracker *t, const eval_env *env,
                          const prepared *p, uint32_t xb, double y, const ab_ulp_error *e,
                          double cr)
{
    double q = ab_exh_quantize(e->ulp);
    add_case(out, t, env, p, xb, y, cr, e->correctly_rounded, e->classes, e->is_nan_case,
             e->ulp, q, q, ab_exh_hist_bin(q));
}

static void exclude_from_runs(cr_runs *rs, uint16_t run, const prepared *p, uint32_t i)
{
    if (run == NO_RUN)
        return;
    cr_exclusion *e = &rs->excl[run];
    e->count++;
    e->sum += p->cr_verdict.raw;
    if (rs->run[run].argmax == i)
        e->lost_max = true;
}

/* The max of a run's CR errors over the inputs where this implementation
 * returned the CR value (its argmax was not one of them). */
static double run_cr_max(const ab_exh_worker *w, const cr_run *r, const float *ys)
{
    double m = 0.0;
    bool any = false;
    for (uint32_t i = r->begin; i < r->end; i++)
        if ((uint64_t)fbits(ys[i]) == w->cr_key[i] && (!any || w->prep[i].cr_verdict.raw > m)) {
            m = w->prep[i].cr_verdict.raw;
            any = true;
        }
    return m;
}

/* Adds the chunk's CR cases of one implementation: the runs' sums less the
 * exclusions (add_case and map_add for each, in bulk). */
static void add_cr_bulk(ab_exh_pair *out, const ab_exh_worker *w, const float *ys)
{
    uint64_t count = 0;
    double sum = 0.0;
    for (int g = 0; g < 2; g++) {
        const cr_runs *rs = g ? &w->grid_runs : &w->binade_runs;
        for (size_t k = 0; k < rs->n; k++) {
            const cr_run *r = &rs->run[k];
            const cr_exclusion *e = &rs->excl[k];
            uint32_t c = r->count - e->count;
            if (c == 0)
                continue;
            ab_exh_cell part = {c, e->lost_max ? run_cr_max(w, r, ys) : r->max, r->sum - e->sum};
            ab_exh_cell *cell = g ? &out->grid[r->cell] : &out->binade[r->cell >> 8][r->cell & 0xFF];
            ab_exh_cell_merge(cell, &part);
            if (!g) { /* every CR verdict lies in one binade run */
                count += c;
                sum += part.sum_ulp;
            }
        }
    }
    ab_acc_stats *s = &out->stats;
    s->inputs += count;
    s->correctly_rounded += count;
    s->ulp_counted += count;
    s->sum_ulp += sum;
    s->hist[0] += count;
}

/* The queued inputs: each lane of w->vbatch takes the batch's verdict
 * where it decides and ab_exh_fast_case's otherwise; an input queued as a
 * copy takes the verdict of the input before it (the same reference and
 * the same y, queued just before). Each is cached on its input; returns the
 * largest decided q_lo, or chunk_lo when larger. */
static double flush_batch(ab_exh_worker *w, const float *ys, size_t lanes, size_t items,
                          double chunk_lo)
{
    verdict_batch *b = w->vbatch;
#ifdef AB_BUILD_X86
    if (w->avx2)
        ab_exh_verdict_batch_avx2(b, lanes);
    else
#endif
        ab_exh_verdict_batch_scalar(b, lanes);
    for (size_t k = 0; k < items; k++) {
        size_t i = w->queued[k].input, lane = w->queued[k].lane;
        prepared *p = &w->prep[i];
        if (lane == QUEUED_COPY) {
            p->last_verdict = p[-1].last_verdict;
            p->last_state = p[-1].last_state;
        } else if (((b->decided >> lane) & 1) &&
                   ab_exh_verdict_from_batch(b, lane, &p->last_verdict)) {
            p->last_state = 1;
        } else {
            p->last_state = ab_exh_fast_case(p, ys[i], &p->last_verdict) ? 1 : 2;
        }
        if (p->last_state == 1 && p->last_verdict.q_lo > chunk_lo)
            chunk_lo = p->last_verdict.q_lo;
    }
    return chunk_lo;
}

/* The fast verdicts of the inputs whose y is not the CR value (cached per
 * input: implementations often agree, and so do neighbours with the same
 * reference), listed in w->others; returns the largest lower bound of the
 * decided errors, CR ones included: the block's maximum is at least that,
 * so the tracker starts the chunk from it. Errors that grow input after
 * input (y = 1/2 against sigmoid(x) = 1/2 + x/4 at tiny x) would otherwise
 * each be a new maximum, narrowed and kept as a candidate. The common case
 * (verdict_batch.h) is queued and decided in batches. */
static double fast_verdicts(ab_exh_worker *w, size_t n, const float *ys, size_t *others_out)
{
    double chunk_lo = -INFINITY;
    size_t others = 0; /* w->others[0, others): the inputs whose y is not the CR value */
    for (size_t i = 0; i < n; i++) { /* without branches: the CR ones come unpredictably */
        bool is_cr = (uint64_t)fbits(ys[i]) == w->cr_key[i];
        double q = w->cr_qlo[i];
        chunk_lo = is_cr && q > chunk_lo ? q : chunk_lo;
        w->others[others] = (uint16_t)i;
        others += !is_cr;
    }
    verdict_batch *b = w->vbatch;
    size_t lanes = 0, items = 0;
    for (size_t k = 0; k < others; k++) {
        size_t i = w->others[k];
        prepared *p = &w->prep[i];
        uint32_t yb = fbits(ys[i]);
        if (p->kind != KIND_FAST || isnan(ys[i]))
            continue;
        if (p->last_state != 0 && yb == p->last_y) { /* as the previous implementation */
            if (p->last_state == 1 && p->last_verdict.q_lo > chunk_lo)
                chunk_lo = p->last_verdict.q_lo;
            continue;
        }
        /* the verdict depends on the reference and y only */
        const prepared *before = p - 1;
        bool same_before = p->same_ref && before->last_y == yb, queued = true;
        if (same_before && before->last_state == 0 && items > 0 &&
            w->queued[items - 1].input == i - 1) {
            /* the input before is queued with this y: copied when flushed */
            w->queued[items++] = (queued_input){(uint16_t)i, QUEUED_COPY};
        } else if (same_before && before->last_state != 0) {
            p->last_verdict = before->last_verdict;
            p->last_state = before->last_state;
            queued = false;
        } else if (ab_exh_verdict_batch_fits(p, ys[i])) {
            b->v[lanes] = p->v;
            b->t[lanes] = p->tail;
            b->d[lanes] = p->d;
            b->inv[lanes] = p->inv_unit;
            b->y[lanes] = (double)ys[i];
            b->tlo[lanes] = p->tlo;
            b->thi[lanes] = p->thi;
            w->queued[items++] = (queued_input){(uint16_t)i, (uint16_t)lanes++};
        } else {
            p->last_state = ab_exh_fast_case(p, ys[i], &p->last_verdict) ? 1 : 2;
            queued = false;
        }
        p->last_y = yb;
        if (queued) {
            p->last_state = 0; /* until the batch is flushed */
            if (lanes == AB_EXH_VERDICT_BATCH || items == QUEUED_MAX) {
                chunk_lo = flush_batch(w, ys, lanes, items, chunk_lo);
                lanes = items = 0;
            }
        } else if (p->last_state == 1 && p->last_verdict.q_lo > chunk_lo) {
            chunk_lo = p->last_verdict.q_lo;
        }
    }
    if (items > 0)
        chunk_lo = flush_batch(w, ys, lanes, items, chunk_lo);
    *others_out = others;
    return chunk_lo;
}

/* The inputs to classify one by one, in increasing order: the others and
 * the CR cases that may reach the tracker (add_case's test; max_lo only
 * grows): those with q_hi > max_lo now, and those equal to it up to the
 * first exact one (then exact_at_max holds). They are found among the
 * chunk's TOP_CR highest q_hi (ties by input); NULL when that list cannot
 * tell, and every input is visited. */
static const uint16_t *visit_order(ab_exh_worker *w, const max_tracker *t, const float *ys,
                                   size_t others, size_t *visits)
{
    uint16_t reach[TOP_CR];
    size_t nr = 0;
    bool ties_done = t->exact_at_max, complete = w->top_n < TOP_CR;
    for (size_t k = 0; k < w->top_n; k++) {
        uint16_t i = w->top[k];
        double q = w->cr_qhi[i];
        if (q < t->max_lo || (q == t->max_lo && ties_done)) {
            complete = true;
            break;
        }
        if ((uint64_t)fbits(ys[i]) != w->cr_key[i])
            continue;
        size_t j = nr++; /* by input, ascending */
        for (; j > 0 && reach[j - 1] > i; j--)
            reach[j] = reach[j - 1];
        reach[j] = i;
        if (q == t->max_lo && w->cr_qlo[i] == q)
            ties_done = true;
    }
    if (!complete)
        return NULL;
    size_t a = 0, b = 0, v = 0;
    while (a < others || b < nr)
        w->visit[v++] = b == nr || (a < others && w->others[a] < reach[b]) ? w->others[a++]
                                                                             : reach[b++];
    *visits = v;
    return w->visit;
}

/* One case of the visit list into out and t. */
static void classify_one(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t i,
                         const float *xs, const float *ys, ab_exh_worker *w)
{
    prepared *p = &w->prep[i];
    float yf = ys[i];
    uint32_t yb = fbits(yf);
    uint32_t xb = fbits(xs[i]);
    if ((uint64_t)yb == w->cr_key[i]) {
        /* The common case: the sums are in add_cr_bulk, and it stays out
         * of the tracker unless it can reach it (add_case's test). */
        double q_hi = w->cr_qhi[i];
        if (q_hi < t->max_lo || (q_hi == t->max_lo && t->exact_at_max))
            return;
        exclude_from_runs(&w->binade_runs, p->brun, p, (uint32_t)i);
        exclude_from_runs(&w->grid_runs, p->grun, p, (uint32_t)i);
        const fast_verdict *vp = &p->cr_verdict;
        add_case(out, t, env, p, xb, yf, yf, true, 0u, false, vp->raw, vp->q_lo, vp->q_hi, 0);
        return;
    }
    if (p->cr_verdict_ok) { /* not the CR value: out of the bulk sums */
        exclude_from_runs(&w->binade_runs, p->brun, p, (uint32_t)i);
        exclude_from_runs(&w->grid_runs, p->grun, p, (uint32_t)i);
    }
    if (p->kind == KIND_NAN) {
        bool y_nan = isnan(yf);
        add_case(out, t, env, p, xb, yf, NAN, y_nan, y_nan ? 0u : AB_CLASS_NAN_MISSING, true, 0,
                 0, 0, 0);
        return;
    }
    if (p->kind == KIND_FAST && isnan(yf)) {
        add_case(out, t, env, p, xb, yf, ffrom(p->cr_bits), false, AB_CLASS_NAN_UNEXPECTED,
                 true, 0, 0, 0, 0);
        return;
    }
    if (p->kind == KIND_FAST && p->last_state != 2) {
        /* narrowing the cached verdict serves later implementations */
        fast_verdict *vp = &p->last_verdict;
        if (vp->q_hi > t->max_lo || (vp->q_hi == t->max_lo && !t->exact_at_max))
            ab_exh_narrow_for_max(p, yf, vp);
        add_case(out, t, env, p, xb, yf, p->cr_ok ? ffrom(p->cr_bits) : NAN, vp->is_cr,
                 vp->classes, false, vp->raw, vp->q_lo, vp->q_hi, vp->bin);
        return;
    }
    if (p->kind == KIND_FAST)
        out->fallbacks++; /* the fast bound could not decide */
    double cr;
    ab_ulp_error e = ab_exh_exact_case(env, xs[i], yf, &cr);
    add_mpfr_case(out, t, env, p, xb, yf, &e, cr);
}

void ab_exh_classify_fast(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, ab_exh_worker *w)
{
    memset(w->binade_runs.excl, 0, w->binade_runs.n * sizeof *w->binade_runs.excl);
    memset(w->grid_runs.excl, 0, w->grid_runs.n * sizeof *w->grid_runs.excl);
    size_t others;
    double chunk_lo = fast_verdicts(w, n, ys, &others);
    if (chunk_lo > t->max_lo) {
        t->max_lo = chunk_lo;
        t->exact_at_max = false;
    }
    size_t visits = n;
    const uint16_t *order = visit_order(w, t, ys, others, &visits);
    for (size_t k = 0; k < visits; k++)
        classify_one(out, t, env, order ? order[k] : k, xs, ys, w);
    add_cr_bulk(out, w, ys);
}

void ab_exh_classify_mpfr(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, ab_exh_worker *w)
{
    int prec, emin_unit, emax;
    ab_exh_format_params(env->ctx->format, &prec, &emin_unit, &emax);
    for (size_t i = 0; i < n; i++) {
        double y = ab_exh_round_result(env->ctx->format, ys[i]);
        ab_ulp_error e = ab_ulp_error_fmt(y, w->mf[i], prec, emin_unit, emax);
        ab_exh_zero_needs_exact(&e, w->prep[i].ref_inexact);
        uint32_t xb = fbits(xs[i]);
        add_mpfr_case(out, t, env, &w->prep[i], xb, y, &e, w->crs[i]);
    }
}
