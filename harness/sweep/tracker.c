/*
 * The max tracker (tracker.h). A candidate is dropped once its upper bound
 * is below the best lower bound seen (or ties it behind an exact holder at
 * a smaller input); when the list fills, it is pruned and the remaining
 * undecided candidates are re-evaluated in MPFR from the highest bound
 * down. Cases arrive in increasing input order, which the tie rule needs.
 */
#include <stdlib.h>

#include "sweep/bits.h"
#include "sweep/quantize.h"
#include "sweep/tracker.h"

static void resolve(const eval_env *env, candidate *c, ab_exh_pair *out)
{
    double cr;
    ab_ulp_error e = ab_exh_exact_case(env, ffrom(c->x), (double)ffrom(c->y), &cr);
    c->lo = c->hi = ab_exh_quantize(e.ulp);
    c->cr = fbits((float)cr);
    c->exact = true;
    c->cr_known = true;
    out->reevals++;
}

/* c cannot be the block's maximum: below the best lower bound, or only
 * equal to it with an exact holder of that value at a smaller input. */
static bool cannot_win(const max_tracker *t, const candidate *c)
{
    if (c->hi < t->max_lo)
        return true;
    if (c->hi == t->max_lo)
        for (int i = 0; i < t->n; i++)
            if (t->c[i].exact && t->c[i].lo == t->max_lo && t->c[i].x < c->x)
                return true;
    return false;
}

/* Cases arrive in increasing input order within a block: once an exact
 * candidate holds the maximum, a later case that only ties it cannot win,
 * which add_case tests before building a candidate (the common case of
 * zero or equal errors). */
static void refresh_exact_at_max(max_tracker *t)
{
    t->exact_at_max = false;
    for (int i = 0; i < t->n; i++)
        if (t->c[i].exact && t->c[i].lo == t->max_lo)
            t->exact_at_max = true;
}

static void tracker_prune(max_tracker *t)
{
    int k = 0;
    for (int i = 0; i < t->n; i++) {
        if (t->c[i].hi < t->max_lo || (!t->c[i].exact && cannot_win(t, &t->c[i])))
            continue;
        /* Among exact entries of equal value keep the smallest input. */
        bool dup = false;
        if (t->c[i].exact)
            for (int j = 0; j < k; j++)
                if (t->c[j].exact && t->c[j].lo == t->c[i].lo) {
                    if (t->c[i].x < t->c[j].x)
                        t->c[j] = t->c[i];
                    dup = true;
                    break;
                }
        if (!dup)
            t->c[k++] = t->c[i];
    }
    t->n = k;
}

static int by_hi_descending(const void *a, const void *b)
{
    const candidate *ca = a, *cb = b;
    if (ca->hi != cb->hi)
        return (ca->hi < cb->hi) - (ca->hi > cb->hi);
    return (ca->x > cb->x) - (ca->x < cb->x); /* then the smaller input first */
}

/* Re-evaluates in MPFR, from the highest upper bound down, every candidate
 * that can still reach the maximum. */
static void tracker_resolve_all(max_tracker *t, const eval_env *env, ab_exh_pair *out)
{
    tracker_prune(t);
    qsort(t->c, (size_t)t->n, sizeof t->c[0], by_hi_descending);
    for (int i = 0; i < t->n; i++)
        if (!t->c[i].exact && !cannot_win(t, &t->c[i])) {
            resolve(env, &t->c[i], out);
            if (t->c[i].lo > t->max_lo)
                t->max_lo = t->c[i].lo;
        }
    tracker_prune(t);
    refresh_exact_at_max(t);
}

/* Cases arrive in increasing input order: every held candidate has a smaller
 * input than c, so "an exact holder of max_lo at a smaller input" is
 * exact_at_max (cannot_win's loop is for the re-sorted candidates). */
void ab_exh_tracker_add(max_tracker *t, const candidate *c, const eval_env *env,
                        ab_exh_pair *out)
{
    if (c->hi < t->max_lo || (t->exact_at_max && c->hi == t->max_lo))
        return;
    if (c->exact && c->lo == t->max_lo && t->exact_at_max)
        return;
    if (c->lo > t->max_lo) {
        t->max_lo = c->lo;
        t->exact_at_max = false;
    }
    if (t->n == CAND_MAX) {
        tracker_prune(t);
        if (t->n >= CAND_MAX - 1)
            tracker_resolve_all(t, env, out);
        if (t->n >= CAND_MAX) /* all exact and tied cannot happen after pruning */
            abort();
    }
    t->c[t->n++] = *c;
    if (c->exact && c->lo == t->max_lo)
        t->exact_at_max = true;
}

void ab_exh_tracker_reset(max_tracker *t)
{
    t->max_lo = -1.0;
    t->exact_at_max = false;
    t->n = 0;
}

void ab_exh_tracker_finish(max_tracker *t, const eval_env *env, ab_exh_pair *out)
{
    tracker_resolve_all(t, env, out);
    ab_acc_stats *s = &out->stats;
    for (int i = 0; i < t->n; i++) {
        candidate *c = &t->c[i];
        if (!c->cr_known && (c->lo > s->max_ulp || (c->lo == s->max_ulp && c->x < s->worst_x))) {
            double cr; /* the fast bound decided the error but not round(f) */
            ab_exh_exact_case(env, ffrom(c->x), (double)ffrom(c->y), &cr);
            c->cr = fbits((float)cr);
            c->cr_known = true;
        }
        if (c->lo > s->max_ulp || (c->lo == s->max_ulp && c->x < s->worst_x)) {
            s->max_ulp = c->lo;
            s->worst_x = c->x;
            s->worst_y = c->y;
            s->worst_cr = c->cr;
        }
    }
}
