/*
 * One block of the exhaustive sweep. The reference of every input is
 * prepared once per direction (fast value, its bound, and what the bound
 * decides: the correctly rounded float and the ULP unit of f), then each
 * implementation's kernel runs on the whole block and each case is
 * classified. A case the bound cannot decide (rounding of f, the unit of f,
 * the histogram bin of the error, the sign of a zero) is evaluated in MPFR:
 * the statistics are those a pure-MPFR sweep gives. Candidates for the
 * block's maximum are kept with their error interval and re-evaluated in
 * MPFR at the end of the block unless their error is known exactly.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "exhaustive_block.h"
#include "mxcsr.h"

enum { KIND_FAST = 0, KIND_NAN, KIND_MPFR };

/* What the fast bound decides for one result y (fast_case). */
typedef struct fast_verdict {
    double raw, q_lo, q_hi; /* the error (midpoint), its quantized interval */
    double as, r;           /* |y - (v + t)| = as + r exactly (split_error) */
    unsigned classes;
    int bin;
    bool is_cr;
    bool narrowed; /* the cell was narrowed as far as the fast bound can */
    int8_t side;   /* sign of y - f where the bound proved it, else 0 */
} fast_verdict;

typedef struct prepared {
    double v, tail, d; /* f = v + tail within the widened half-width d (0: exact) */
    double tlo, thi;   /* f in [v + tlo, v + thi] (with the known signs applied) */
    fast_verdict cr_verdict; /* for y = the correct rounding, when cr_verdict_ok */
    fast_verdict last_verdict; /* for y = last_y: implementations often agree */
    uint32_t last_y;
    uint8_t cr_verdict_ok, last_state; /* last_state: 0 none, 1 decided, 2 MPFR */
    uint8_t same_ref;  /* the reference fields are those of the previous input */
    double inv_unit;  /* 1/U(f), valid when unit_ok */
    float flo, fhi;   /* floats of the ends of [v - d, v + d] */
    uint32_t cr_bits; /* valid when cr_ok */
    uint8_t kind, cr_ok, unit_ok;
    uint8_t ref_inexact; /* MPFR mode: MPFR raised its inexact flag computing f */
    int8_t f_beyond;  /* +1: f >= 2^128, -1: f <= -2^128, 0: neither, 2: unknown */
    int16_t binade;   /* sign * 256 + exponent field of x */
    int16_t grid;     /* -1: outside the grid */
    uint16_t brun, grun; /* its binade and grid runs (cr_runs); grun NO_RUN: none */
} prepared;

/* The correctly rounded cases of a chunk are summed once per direction: an
 * implementation that returns the correct rounding at an input adds the same
 * figures there as any other (the cr_verdict's error, bin 0, no class), so
 * its pass over the chunk visits only the other inputs, and subtracts those
 * that had a CR verdict from these sums (cr_exclusion). The map cells are
 * summed per run of consecutive inputs in one cell. */
#define NO_RUN 0xFFFF
#define TOP_CR 16
typedef struct cr_run {
    int cell;            /* binade: sign * 256 + exponent field; grid: bin */
    uint32_t begin, end; /* inputs [begin, end) of the chunk */
    uint32_t count;      /* of them with a CR verdict */
    uint32_t argmax;     /* the first input holding max */
    double sum, max;     /* of their cr_verdict errors */
} cr_run;

typedef struct cr_exclusion {
    uint32_t count; /* inputs of the run whose result is not the CR one */
    double sum;     /* of their cr_verdict errors */
    bool lost_max;  /* the run's argmax is one of them */
} cr_exclusion;

typedef struct cr_runs {
    cr_run *run;
    cr_exclusion *excl; /* per implementation pass */
    size_t n;
} cr_runs;

#define CAND_MAX 64
typedef struct candidate {
    uint32_t x, y, cr;
    double lo, hi; /* the quantized error lies in [lo, hi] (grid points) */
    bool exact;    /* lo == hi is the quantized error MPFR gives */
    bool cr_known; /* cr holds the correct rounding of f */
} candidate;

typedef struct max_tracker {
    double max_lo;
    bool exact_at_max; /* an exact candidate holds max_lo (at a smaller input) */
    int n;
    candidate c[CAND_MAX];
} max_tracker;

/* A block is classified chunk by chunk: the prepared references of a chunk
 * (~160 bytes per input) stay in L2 while every implementation passes over
 * them; a whole block's (10 MB) was streamed from memory once per
 * implementation. */
#ifndef AB_EXH_CHUNK
#define AB_EXH_CHUNK 1024
#endif

struct ab_exh_worker {
    size_t cap;
    float *x, *y;      /* x: the block's inputs; y: one chunk's results */
    prepared *prep;    /* one chunk */
    double *crs;       /* one chunk's correct roundings (MPFR mode) */
    max_tracker *trackers; /* one per pair, across the chunks of a block */
    size_t tracker_count;
    mpfr_t f;
    bool f_init;
    mpfr_t *mf; /* MPFR values of the chunk (MPFR mode) */
    size_t mf_count;
    /* The chunk's CR verdicts: cr_key[i] is the CR float's bits when
     * prep[i].cr_verdict_ok, else 2^32 (equal to no float's bits). */
    uint64_t *cr_key;
    double *cr_qlo, *cr_qhi; /* their cell (q_lo: a lower bound of the block maximum) */
    uint16_t *others;  /* per implementation pass: the inputs where y is not CR */
    uint16_t *visit;   /* per implementation pass: the inputs classified one by one */
    uint16_t top[TOP_CR]; /* the inputs of the TOP_CR highest CR q_hi, descending */
    size_t top_n;
    cr_runs binade_runs, grid_runs;
};

static uint32_t fbits(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}
static float ffrom(uint32_t u)
{
    float v;
    memcpy(&v, &u, sizeof v);
    return v;
}
static uint64_t dbits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static double next_grid_point(double g);

/* ---- the quantized error (exhaustive.h) ------------------------------------ */

double ab_exh_quantize(double err)
{
    if (!(err > 0))
        return 0.0;
    if (err <= AB_EXH_ULP_FLOOR)
        return AB_EXH_ULP_FLOOR;
    if (isinf(err))
        return err;
    /* err in [2^e, 2^(e+1)): the grid step there is 2^(e-20), i.e. keep 20
     * fraction bits of the (normal, err > 2^-30) double and round the other
     * 32 up; a carry into the exponent gives the next power of 2, exactly. */
    uint64_t b = dbits(err);
    const uint64_t low = (1ull << (52 - AB_EXH_ULP_REL_BITS)) - 1;
    if (b & low)
        b = (b | low) + 1;
    double q;
    memcpy(&q, &b, sizeof q);
    return q;
}

/* ab_hist_bin by bit operations (it is on the per-case path): bin 0 =
 * [0, 0.5], 1 = (0.5, 1], k >= 2 = (2^(k-2), 2^(k-1)], last = beyond. */
int ab_exh_hist_bin(double ulp)
{
    if (!(ulp > 0.5))
        return 0;
    if (ulp <= 1.0)
        return 1;
    uint64_t b = dbits(ulp);
    int e = (int)(b >> 52) - 1023;
    int k = (b & 0xFFFFFFFFFFFFFull) == 0 ? e + 1 : e + 2;
    return k > AB_HIST_BINS - 1 ? AB_HIST_BINS - 1 : k;
}

/* ---- 16-bit formats -------------------------------------------------------- */

void ab_exh_format_params(ab_exh_format f, int *precision, int *emin_unit, int *emax)
{
    switch (f) {
    case AB_FMT_BF16: *precision = 8; *emin_unit = -133; *emax = 128; break;
    case AB_FMT_FP16: *precision = 11; *emin_unit = -24; *emax = 16; break;
    default: *precision = 24; *emin_unit = -149; *emax = 128; break;
    }
}

float ab_exh_input(ab_exh_format f, uint64_t pattern)
{
    if (f == AB_FMT_BINARY32)
        return ffrom((uint32_t)pattern);
    if (f == AB_FMT_BF16)
        return ffrom((uint32_t)pattern << 16);
    /* fp16: sign, 5-bit exponent (bias 15), 10-bit fraction. */
    uint32_t h = (uint32_t)pattern & 0xFFFF;
    uint32_t sign = (h >> 15) << 31, e = (h >> 10) & 0x1F, m = h & 0x3FF;
    if (e == 0x1F)
        return ffrom(sign | 0x7F800000u | (m << 13));
    float mag = e == 0 ? ldexpf((float)m, -24) : ldexpf((float)(m | 0x400), (int)e - 25);
    return ffrom(sign | fbits(mag));
}

/* Round to the format's nearest value, ties to even, in double (exact: the
 * scaled value's integer part fits easily and the scaling is by powers of 2).
 * Results whose rounded magnitude reaches 2^emax overflow to inf. */
double ab_exh_round_result(ab_exh_format f, float y)
{
    if (f == AB_FMT_BINARY32 || isnan(y) || isinf(y) || y == 0.0f)
        return y;
    int prec, emin_unit, emax;
    ab_exh_format_params(f, &prec, &emin_unit, &emax);
    double a = y;
    int e = ilogb(a);
    int q = e - (prec - 1);
    if (q < emin_unit)
        q = emin_unit;
    double r = ldexp(nearbyint(ldexp(a, -q)), q);
    if (fabs(r) >= ldexp(1.0, emax))
        r = copysign(INFINITY, r);
    return r == 0.0 ? copysign(0.0, a) : r;
}

/* The correct rounding of f to the format (MPFR, like ulp.c). */
static double round_mpfr_to_format(const mpfr_t f, ab_exh_format fmt)
{
    if (fmt == AB_FMT_BINARY32)
        return ab_ref_round_to_float(f);
    if (mpfr_nan_p(f))
        return NAN;
    if (mpfr_inf_p(f))
        return mpfr_sgn(f) > 0 ? INFINITY : -INFINITY;
    if (mpfr_zero_p(f))
        return mpfr_signbit(f) ? -0.0 : 0.0;
    int prec, emin_unit, emax;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    mpfr_exp_t saved_emin = mpfr_get_emin(), saved_emax = mpfr_get_emax();
    mpfr_t r;
    mpfr_init2(r, prec);
    int inex = mpfr_set(r, f, MPFR_RNDN);
    mpfr_set_emin(emin_unit + 1);
    mpfr_set_emax(emax);
    inex = mpfr_check_range(r, inex, MPFR_RNDN);
    mpfr_subnormalize(r, inex, MPFR_RNDN);
    double out = mpfr_get_d(r, MPFR_RNDN);
    mpfr_set_emin(saved_emin);
    mpfr_set_emax(saved_emax);
    mpfr_clear(r);
    return out;
}

/* ---- context and worker ---------------------------------------------------- */

void ab_exh_ctx_init(ab_exh_ctx *ctx, const ab_activation *act, ab_exh_format format,
                     bool mpfr_reference)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->act = act;
    ctx->params = act->default_params;
    ctx->format = format;
    ctx->mpfr_reference = mpfr_reference || format != AB_FMT_BINARY32;
    ctx->grid_lo = act->range_lo;
    ctx->grid_hi = act->range_hi;
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    for (int d = 0; d < 2; d++) {
        ctx->fast[d] = ctx->mpfr_reference ? NULL : ab_fastref_lookup(act, (ab_direction)d);
        ctx->nan_ref_is_nan[d] =
            ab_ref_eval(act, (ab_direction)d, &ctx->params, NAN, f) && mpfr_nan_p(f);
    }
    mpfr_clear(f);
}

ab_exh_worker *ab_exh_worker_new(size_t block_size)
{
    ab_exh_worker *w = calloc(1, sizeof *w);
    if (w == NULL)
        return NULL;
    w->cap = block_size;
    size_t chunk = block_size < AB_EXH_CHUNK ? block_size : AB_EXH_CHUNK;
    w->x = malloc(block_size * sizeof *w->x);
    w->y = malloc(chunk * sizeof *w->y);
    w->prep = malloc(chunk * sizeof *w->prep);
    w->crs = malloc(chunk * sizeof *w->crs);
    w->cr_key = malloc(chunk * sizeof *w->cr_key);
    w->cr_qlo = malloc(chunk * sizeof *w->cr_qlo);
    w->cr_qhi = malloc(chunk * sizeof *w->cr_qhi);
    w->others = malloc(chunk * sizeof *w->others);
    w->visit = malloc(chunk * sizeof *w->visit);
    w->binade_runs.run = malloc(chunk * sizeof *w->binade_runs.run);
    w->binade_runs.excl = malloc(chunk * sizeof *w->binade_runs.excl);
    w->grid_runs.run = malloc(chunk * sizeof *w->grid_runs.run);
    w->grid_runs.excl = malloc(chunk * sizeof *w->grid_runs.excl);
    if (w->x == NULL || w->y == NULL || w->prep == NULL || w->crs == NULL ||
        w->cr_key == NULL || w->cr_qlo == NULL || w->cr_qhi == NULL || w->others == NULL || w->visit == NULL ||
        w->binade_runs.run == NULL || w->binade_runs.excl == NULL ||
        w->grid_runs.run == NULL || w->grid_runs.excl == NULL) {
        ab_exh_worker_free(w);
        return NULL;
    }
    mpfr_init2(w->f, AB_REF_DEFAULT_PREC);
    w->f_init = true;
    return w;
}

void ab_exh_worker_free(ab_exh_worker *w)
{
    if (w == NULL)
        return;
    if (w->f_init)
        mpfr_clear(w->f);
    for (size_t i = 0; i < w->mf_count; i++)
        mpfr_clear(w->mf[i]);
    free(w->mf);
    free(w->x);
    free(w->y);
    free(w->prep);
    free(w->crs);
    free(w->cr_key);
    free(w->cr_qlo);
    free(w->cr_qhi);
    free(w->others);
    free(w->visit);
    free(w->binade_runs.run);
    free(w->binade_runs.excl);
    free(w->grid_runs.run);
    free(w->grid_runs.excl);
    free(w->trackers);
    free(w);
}

static void ensure_mpfr_array(ab_exh_worker *w, size_t n)
{
    if (w->mf_count >= n)
        return;
    w->mf = realloc(w->mf, n * sizeof *w->mf);
    if (w->mf == NULL)
        abort();
    for (size_t i = w->mf_count; i < n; i++)
        mpfr_init2(w->mf[i], AB_REF_DEFAULT_PREC);
    w->mf_count = n;
}

/* ---- statistics -------------------------------------------------------------- */

void ab_exh_pair_reset(ab_exh_pair *p)
{
    ab_acc_stats_init(&p->stats);
    p->fallbacks = p->reevals = 0;
    memset(p->binade, 0, sizeof p->binade);
    memset(p->grid, 0, sizeof p->grid);
}

static void cell_merge(ab_exh_cell *into, const ab_exh_cell *from)
{
    if (from->count == 0)
        return;
    if (into->count == 0 || from->max_ulp > into->max_ulp)
        into->max_ulp = from->max_ulp;
    into->count += from->count;
    into->sum_ulp += from->sum_ulp;
}

void ab_exh_pair_merge(ab_exh_pair *out, const ab_exh_pair *in)
{
    ab_acc_stats_merge(&out->stats, &in->stats);
    out->fallbacks += in->fallbacks;
    out->reevals += in->reevals;
    for (int s = 0; s < 2; s++)
        for (int e = 0; e < 256; e++)
            cell_merge(&out->binade[s][e], &in->binade[s][e]);
    for (int g = 0; g < AB_EXH_GRID_BINS; g++)
        cell_merge(&out->grid[g], &in->grid[g]);
}

typedef struct eval_env {
    const ab_exh_ctx *ctx;
    ab_direction dir;
    mpfr_t *f;
} eval_env;

/* Exact error of y at input x, in MPFR (the fallback and the re-evaluation). */
/* y == f exactly (quantized error 0) needs an exact reference: when MPFR's
 * value equals y but its evaluation was inexact (sigmoid(100) = 1 - 2^-144
 * at 128 bits is 1), the error is positive and below 2^-30 ULP. */
#define BELOW_FLOOR 0x1p-1000
static void zero_needs_exact(ab_ulp_error *e, bool ref_inexact)
{
    if (e->ulp == 0.0 && ref_inexact && !e->is_nan_case)
        e->ulp = BELOW_FLOOR;
}

static ab_ulp_error mpfr_case(const eval_env *env, float x, double y, double *cr)
{
    mpfr_clear_inexflag();
    ab_ref_eval(env->ctx->act, env->dir, &env->ctx->params, x, *env->f);
    bool inexact = mpfr_inexflag_p() != 0;
    *cr = round_mpfr_to_format(*env->f, env->ctx->format);
    int prec, emin_unit, emax;
    ab_exh_format_params(env->ctx->format, &prec, &emin_unit, &emax);
    ab_ulp_error e = ab_ulp_error_fmt(y, *env->f, prec, emin_unit, emax);
    zero_needs_exact(&e, inexact);
    return e;
}

static void resolve(const eval_env *env, candidate *c, ab_exh_pair *out)
{
    double cr;
    ab_ulp_error e = mpfr_case(env, ffrom(c->x), (double)ffrom(c->y), &cr);
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
static void tracker_add(max_tracker *t, const candidate *c, const eval_env *env,
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

static void tracker_finish(max_tracker *t, const eval_env *env, ab_exh_pair *out)
{
    tracker_resolve_all(t, env, out);
    ab_acc_stats *s = &out->stats;
    for (int i = 0; i < t->n; i++) {
        candidate *c = &t->c[i];
        if (!c->cr_known && (c->lo > s->max_ulp || (c->lo == s->max_ulp && c->x < s->worst_x))) {
            double cr; /* the fast bound decided the error but not round(f) */
            mpfr_case(env, ffrom(c->x), (double)ffrom(c->y), &cr);
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
        tracker_add(t, &c, env, out);
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

/* ---- preparation of the reference -------------------------------------------- */

#define TWO128 0x1p128

/* The float nearest to the exact sum a + r (round to nearest even): the
 * double sum s is off by the exact residual e; only when s is itself a
 * midpoint between two floats does e decide the side. */
static float round_sum_to_float(double a, double r)
{
    if (r == 0.0)
        return (float)a; /* keeps the sign of an exact zero (-0 + 0 is +0) */
    double s = a + r;
    double bb = s - a;
    double e = (a - (s - bb)) + (r - bb);
    float fl = (float)s;
    if (e == 0.0 || (double)fl == s || isinf(fl))
        return fl;
    /* Only a double that is itself a midpoint between two floats needs e:
     * in the normal range its 29 bits below float precision are 1000...0;
     * below 2^-126 it is an odd multiple of 2^-150 (the scaling is exact). */
    if (fabs(s) >= 0x1p-126) {
        if ((dbits(s) & 0x1FFFFFFFull) != 0x10000000ull)
            return fl;
    } else {
        double t = fabs(s) * 0x1p149;
        if (t - floor(t) != 0.5)
            return fl;
    }
    float other = nextafterf(fl, s > (double)fl ? INFINITY : -INFINITY);
    if ((double)fl + (double)other != 2.0 * s)
        return fl;
    return (e > 0) == ((double)other > (double)fl) ? other : fl;
}

/* floor(log2|a + r|) for the exact sum when a + r rounds to a normal
 * double; below that, some exponent < -1022. */
static int sum_exponent(double a, double r)
{
    double s = a + r;
    double bb = s - a;
    double e = (a - (s - bb)) + (r - bb);
    uint64_t b = dbits(fabs(s));
    int ex = (int)((b >> 52) & 0x7FF) - 1023;
    if ((b & 0xFFFFFFFFFFFFFull) == 0 && e != 0.0 && (e < 0) != (s < 0))
        ex--; /* just below a power of 2 */
    return ex;
}

static bool same_fastref_value(const ab_fastref_value *a, const ab_fastref_value *b)
{
    return dbits(a->value) == dbits(b->value) && dbits(a->tail) == dbits(b->tail) &&
           dbits(a->err) == dbits(b->err) && a->sign == b->sign && a->tail_sign == b->tail_sign;
}

/* The reference fields of p, from the fast value fv alone. */
static void prepare_fast(prepared *p, const ab_fastref_value *fvp)
{
    ab_fastref_value fv = *fvp;
    if (!(fv.err < INFINITY) || !isfinite(fv.value) || !isfinite(fv.tail)) {
        p->kind = KIND_MPFR;
        return;
    }
    double v = fv.value, t = fv.tail, tlo = t, thi = t, d = 0.0;
    if (fv.err > 0) {
        /* Outward slack: covers the rounding of the ends t -+ d themselves
         * (v + t is never rounded: the ends are kept as pairs). */
        d = fv.err * (1 + 0x1p-50) + fabs(t) * 0x1p-51 + 0x1p-1070;
        tlo = t - d;
        thi = t + d;
        /* f != v strictly: 0x1p-1074 stands for "just beyond v" (no double
         * and no float rounding boundary lies strictly between). */
        if (fv.tail_sign < 0 && thi >= 0)
            thi = -0x1p-1074;
        if (fv.tail_sign > 0 && tlo <= 0)
            tlo = 0x1p-1074;
        if (tlo > thi) { /* contradicts its own bound: let MPFR decide */
            p->kind = KIND_MPFR;
            return;
        }
        if (fv.sign > 0 && v + tlo <= 0)
            tlo = 0x1p-1074 - v;
        if (fv.sign < 0 && v + thi >= 0)
            thi = -0x1p-1074 - v;
    }
    p->kind = KIND_FAST;
    p->v = v;
    p->tail = t;
    p->d = d;
    p->tlo = tlo;
    p->thi = thi;
    p->flo = round_sum_to_float(v, tlo);
    p->fhi = round_sum_to_float(v, thi);
    p->cr_ok = fbits(p->flo) == fbits(p->fhi);
    p->cr_bits = fbits(p->flo);
    double lo = v + tlo, hi = v + thi; /* rounded: for the coarse tests below */
    double ahi = fabs(lo) > fabs(hi) ? fabs(lo) : fabs(hi);
    bool same_sign = (lo < 0) == (hi < 0) && lo != 0 && hi != 0; /* so is f (exact ends) */
    p->unit_ok = 0;
    /* Below 2^-126 the unit is the subnormal 2^-149, the unit of exponent
     * -126: exponents are clamped there. A rounded end alone cannot tell:
     * an exact end just below 2^-126 (tanh(2^-126) = 2^-126 - 2^-378/3)
     * rounds to 2^-126 (RN is monotone, so ahi < 2^-126 does tell). */
    if (ahi < 0x1p-126) {
        p->unit_ok = 1;
        p->inv_unit = 0x1p149;
    } else if (same_sign) {
        int elo = sum_exponent(v, tlo), ehi = sum_exponent(v, thi);
        elo = elo < -126 ? -126 : elo;
        ehi = ehi < -126 ? -126 : ehi;
        if (elo == ehi) {
            p->unit_ok = 1;
            uint64_t e_bits = (uint64_t)(1023 + 23 - elo) << 52; /* 2^(23-elo), normal */
            memcpy(&p->inv_unit, &e_bits, sizeof p->inv_unit);
        }
    }
    if (lo >= 0x1.0000000000001p128)
        p->f_beyond = 1;
    else if (hi <= -0x1.0000000000001p128)
        p->f_beyond = -1;
    else if (hi < 0x1.fffffffffffffp127 && lo > -0x1.fffffffffffffp127)
        p->f_beyond = 0;
    else
        p->f_beyond = 2;
}

static bool fast_case(const prepared *p, float yf, fast_verdict *out);

static void runs_build(cr_runs *rs, prepared *prep, size_t n, bool grid)
{
    rs->n = 0;
    for (size_t i = 0; i < n; i++) {
        prepared *p = &prep[i];
        int cell = grid ? p->grid : p->binade;
        uint16_t *run_of = grid ? &p->grun : &p->brun;
        if (cell < 0) {
            *run_of = NO_RUN;
            continue;
        }
        if (rs->n == 0 || rs->run[rs->n - 1].cell != cell)
            rs->run[rs->n++] = (cr_run){cell, (uint32_t)i, (uint32_t)i, 0, 0, 0.0, 0.0};
        cr_run *r = &rs->run[rs->n - 1];
        r->end = (uint32_t)i + 1;
        *run_of = (uint16_t)(rs->n - 1);
        if (p->cr_verdict_ok) {
            double e = p->cr_verdict.raw;
            if (r->count == 0 || e > r->max) {
                r->max = e;
                r->argmax = (uint32_t)i;
            }
            r->count++;
            r->sum += e;
        }
    }
}

/* Input i (its cr_qhi set) into the descending top list; among equal q_hi
 * the earlier input stays first. */
static void top_insert(ab_exh_worker *w, uint16_t i)
{
    double q = w->cr_qhi[i];
    if (w->top_n == TOP_CR && !(q > w->cr_qhi[w->top[TOP_CR - 1]]))
        return;
    size_t j = w->top_n < TOP_CR ? w->top_n++ : TOP_CR - 1;
    for (; j > 0 && w->cr_qhi[w->top[j - 1]] < q; j--)
        w->top[j] = w->top[j - 1];
    w->top[j] = i;
}

static void prepare_chunk(ab_exh_worker *w, const ab_exh_ctx *ctx, ab_direction dir,
                          const float *xs, size_t n)
{
    ab_fastref_fn fn = ctx->fast[dir];
    double grid_scale = AB_EXH_GRID_BINS / (ctx->grid_hi - ctx->grid_lo);
    ab_fastref_value prev_fv = {0, 0, 0, 0, 0};
    bool same_as_prev = false; /* prep[i - 1] is KIND_FAST, made from prev_fv */
    for (size_t i = 0; i < n; i++) {
        prepared *p = &w->prep[i];
        float x = xs[i];
        uint32_t xb = fbits(x);
        p->binade = (int16_t)(((xb >> 31) << 8) | ((xb >> 23) & 0xFF));
        p->grid = -1;
        if (x >= ctx->grid_lo && x <= ctx->grid_hi) {
            int g = (int)((x - ctx->grid_lo) * grid_scale);
            p->grid = (int16_t)(g >= AB_EXH_GRID_BINS ? AB_EXH_GRID_BINS - 1 : g);
        }
        p->last_state = 0;
        p->same_ref = 0;
        if (isnan(x) && ctx->nan_ref_is_nan[dir]) {
            p->kind = KIND_NAN;
        } else if (fn == NULL || !isfinite(x) || x == 0.0f) {
            p->kind = KIND_MPFR; /* ±0, ±inf: a handful of inputs, exact */
        } else {
            ab_fastref_value fv = {0, 0, 0, 0, 0};
            fn((double)x, &ctx->params, &fv);
            if (same_as_prev && same_fastref_value(&fv, &prev_fv)) {
                /* Saturated ranges (sigmoid(x) = 1 - tail with the tail below
                 * the double range): everything below derives from fv alone. */
                int16_t binade = p->binade, grid = p->grid;
                *p = w->prep[i - 1];
                p->binade = binade;
                p->grid = grid;
                p->last_state = 0;
                p->same_ref = 1;
                continue;
            }
            prev_fv = fv;
            prepare_fast(p, &fv);
        }
        p->cr_verdict_ok = p->kind == KIND_FAST && p->cr_ok &&
                           fast_case(p, ffrom(p->cr_bits), &p->cr_verdict);
        same_as_prev = p->kind == KIND_FAST;
    }
    w->top_n = 0;
    for (size_t i = 0; i < n; i++) {
        const prepared *p = &w->prep[i];
        w->cr_key[i] = p->cr_verdict_ok ? p->cr_bits : 1ull << 32;
        w->cr_qlo[i] = p->cr_verdict_ok ? p->cr_verdict.q_lo : 0.0;
        w->cr_qhi[i] = p->cr_verdict_ok ? p->cr_verdict.q_hi : 0.0;
        if (p->cr_verdict_ok)
            top_insert(w, (uint16_t)i);
    }
    runs_build(&w->binade_runs, w->prep, n, false);
    runs_build(&w->grid_runs, w->prep, n, true);
}

/* The error E = (a + r +- d) * inv_unit (a >= 0 and the scaling exact)
 * straddles the grid point G = q_lo when its interval gives two cells:
 * decide the side exactly from the sign of (a - G/inv_unit) + r +- d, whose
 * first difference is exact (Sterbenz) when G/inv_unit is within a factor 2
 * of a. E <= G gives Q = G; E > G gives the next cell (q_hi when that is the
 * only other cell). The figure is Q of the exact error; MPFR's 128-bit value
 * could differ from it only within ~2^-100 ULP of a grid point. */
static void decide_cell(double a, double r, double d, double inv_unit, double *q_lo,
                        double *q_hi)
{
    double g = *q_lo, next = next_grid_point(g);
    if (next != *q_hi)
        return; /* more than one boundary inside: leave undecided */
    double ga = g / inv_unit;
    if (!(ga * 0.5 <= a && a <= 2 * ga) || ga == 0 || !isfinite(ga))
        return;
    double t0 = a - ga; /* exact */
    double s = t0 + r;
    double err = fabs(s) * 0x1p-52 + d * (1 + 0x1p-50) + 0x1p-1074;
    if (s + err <= 0)
        *q_hi = g;
    else if (s - err > 0)
        *q_lo = next;
}

/* ---- classification of one implementation's results --------------------------- */

/* The grid point after g > 0 (ab_exh_quantize of the next double). */
static double next_grid_point(double g)
{
    uint64_t b = dbits(g) + 1;
    double n;
    memcpy(&n, &b, sizeof n);
    return ab_exh_quantize(n);
}

/* The sign of a - b - c - d, exactly, or 0 when undecided (or zero). */
static int sign_of_sum4(double a, double b, double c, double d)
{
    double s1 = a - b, b1 = s1 - a;
    double e1 = (a - (s1 - b1)) + (-b - b1);
    double s2 = s1 - c, b2 = s2 - s1;
    double e2 = (s1 - (s2 - b2)) + (-c - b2);
    double s3 = s2 - d, b3 = s3 - s2;
    double e3 = (s2 - (s3 - b3)) + (-d - b3);
    double w = (e1 + e2) + e3, r = s3 + w;
    if (fabs(r) <= (fabs(s3) + fabs(e1) + fabs(e2) + fabs(e3)) * 0x1p-50)
        return 0;
    return r > 0 ? 1 : -1;
}

/* The sign of y - (v + t), exactly, or 0 when undecided. */
static int sign_of_excess(double y, double v, double t)
{
    return sign_of_sum4(y, v, t, 0.0);
}

/* The error |y - f| * inv_unit, f = v + tau with tau in [tlo, thi], has
 * its quantized cells q_lo < q_hi with one grid point G = q_lo between:
 * decide Q from the ends of the interval (asymmetric, unlike decide_cell:
 * a tail of known sign gives a one-sided interval). Strict comparisons
 * only: an end that stands for "just beyond v" (0x1p-1074) is not a bound. */
static bool decide_cell_by_ends(const prepared *p, double y, int side, double *q_lo,
                                double *q_hi)
{
    double g = *q_lo, next = next_grid_point(g);
    if (next != *q_hi)
        return false;
    double gu = g / p->inv_unit;
    if (gu == 0 || !isfinite(gu))
        return false;
    /* With only y > f (or y < f) known, the far end of f's interval still
     * bounds the error from above and the near one bounds it from below. */
    bool above = side > 0 || (side == 0 && sign_of_excess(y, p->v, p->thi) > 0);
    bool below = side < 0 || (side == 0 && sign_of_excess(y, p->v, p->tlo) < 0);
    int s_max, s_min; /* signs of err_max - G U and err_min - G U */
    if (above) { /* err = y - v - tau */
        s_max = sign_of_sum4(y, p->v, p->tlo, gu);
        s_min = sign_of_sum4(y, p->v, p->thi, gu);
    } else if (below) { /* err = v + tau - y = -(y - v - tau) */
        s_max = -sign_of_sum4(y, p->v, p->thi, -gu);
        s_min = -sign_of_sum4(y, p->v, p->tlo, -gu);
    } else {
        return false;
    }
    if (s_max < 0) {
        *q_hi = g;
        return true;
    }
    if (s_min > 0) {
        *q_lo = next;
        return true;
    }
    return false;
}

/* The verdict of the fast bound on the finite or infinite, non-NaN result
 * yf; false when it cannot decide (the case goes to MPFR). */
/* |y - (v + t)| as as + r exactly (two TwoSums), with e12 = |e1| + |e2|
 * (zero when the difference was exact); y = +-inf stands for +-2^128. */
typedef struct error_parts {
    double yv, as, r, e12;
    int sign; /* of the rounded difference y - v - t */
} error_parts;

static void split_error(const prepared *p, float yf, error_parts *ep)
{
    double yv = isinf(yf) ? copysign(TWO128, yf) : (double)yf;
    double s = yv - p->v;
    double bb = s - yv;
    double e1 = (yv - (s - bb)) + (-p->v - bb);
    double s2 = s - p->tail;
    double b2 = s2 - s;
    double e2 = (s - (s2 - b2)) + (-p->tail - b2);
    ep->yv = yv;
    ep->as = fabs(s2);
    ep->r = (s2 >= 0 ? 1.0 : -1.0) * (e1 + e2);
    ep->e12 = fabs(e1) + fabs(e2);
    ep->sign = s2 > 0 ? 1 : s2 < 0 ? -1 : 0;
}

/* Narrows the quantized error's cell [q_lo, q_hi] to one grid point when
 * the fast bound decides on which side of the grid point between them the
 * exact error lies (true when it did). */
static bool narrow_cell(const prepared *p, float yf, int side, double as, double r,
                        double *q_lo, double *q_hi)
{
    if (!(*q_lo > 0))
        return false;
    /* The symmetric test first (one exact difference); the ends of f's
     * interval (two exact four-term sums) decide where the bound d exceeds
     * the distance to the grid point but the tail's sign is known. */
    decide_cell(as, r, p->d, p->inv_unit, q_lo, q_hi);
    if (*q_lo == *q_hi)
        return true;
    double yv = isinf(yf) ? copysign(TWO128, yf) : (double)yf;
    return decide_cell_by_ends(p, yv, side, q_lo, q_hi);
}

static bool fast_case(const prepared *p, float yf, fast_verdict *out)
{
    bool y_special = yf == 0.0f || isinf(yf);
    bool is_cr;
    unsigned classes = 0;
    if (p->cr_ok) {
        float cr = ffrom(p->cr_bits);
        is_cr = fbits(yf) == p->cr_bits;
        if (yf == 0.0f && cr != 0.0f)
            classes |= AB_CLASS_FLUSH_TO_ZERO;
        if (yf == 0.0f && cr == 0.0f && signbit(yf) != signbit(cr))
            classes |= AB_CLASS_SIGNED_ZERO;
        if (isinf(yf) && !isinf(cr))
            classes |= AB_CLASS_INF_WHERE_FINITE;
    } else if (!y_special && (yf < p->flo || yf > p->fhi)) {
        is_cr = false;
    } else {
        return false;
    }
    if (!p->unit_ok)
        return false;
    double lo_u, hi_u; /* the exact error lies in [lo_u, hi_u] */
    error_parts ep = {0, 0, 0, 0, 0};
    int side = 0;
    double yv = 0;
    bool exact = false;
    if (isinf(yf) && p->f_beyond == 2)
        return false;
    if (isinf(yf) && p->f_beyond == (yf > 0 ? 1 : -1)) {
        lo_u = hi_u = 0.0;
        exact = true;
    } else {
        split_error(p, yf, &ep);
        yv = ep.yv;
        if (p->d == 0.0 && ep.e12 == 0.0) {
            lo_u = hi_u = ep.as * p->inv_unit;
            exact = true;
        } else {
            double slack = (ep.e12 + p->d) * (1 + 0x1p-50) + ep.as * 0x1p-50;
            lo_u = (ep.as - slack) * p->inv_unit;
            hi_u = (ep.as + slack) * p->inv_unit;
        }
    }
    double q_lo, q_hi;
    if (exact) {
        q_lo = q_hi = ab_exh_quantize(lo_u);
    } else {
        /* lo > 0 proves y != f (so Q >= 2^-30), and so does y outside
         * [v + tlo, v + thi] (a tail of known sign: y == v is never f);
         * otherwise y == f (Q = 0) is left to MPFR if it matters. */
        q_lo = lo_u > 0 ? ab_exh_quantize(lo_u) : 0.0;
        q_hi = ab_exh_quantize(hi_u);
        if (lo_u > 0) /* |y - (v + t)| exceeds everything else: its sign is y - f's */
            side = ep.sign;
        else if (yv == p->v) /* y - f = -tau: the sign tests below, without the sums */
            side = p->thi < 0 ? 1 : p->tlo > 0 ? -1 : 0;
        else if (sign_of_excess(yv, p->v, p->thi) > 0)
            side = 1;
        else if (sign_of_excess(yv, p->v, p->tlo) < 0)
            side = -1;
        if (q_lo == 0.0 && side != 0)
            q_lo = AB_EXH_ULP_FLOOR;
    }
    /* An undecided cell [q_lo, q_hi] is decided here only where the
     * histogram bin depends on it; elsewhere it stays an interval and the
     * max tracker settles it (in MPFR) only if it can be the maximum. */
    int bin;
    if (is_cr) {
        bin = 0; /* CR implies err <= 0.5, a grid point */
        if (q_hi > 0.5)
            q_hi = 0.5;
        if (q_lo > q_hi)
            q_lo = q_hi;
    } else {
        bin = ab_exh_hist_bin(q_lo);
        if (bin != ab_exh_hist_bin(q_hi)) {
            narrow_cell(p, yf, side, ep.as, ep.r, &q_lo, &q_hi);
            bin = ab_exh_hist_bin(q_lo);
            if (bin != ab_exh_hist_bin(q_hi))
                return false;
        }
    }
    out->raw = 0.5 * (lo_u + hi_u);
    out->as = ep.as;
    out->r = ep.r;
    out->q_lo = q_lo;
    out->q_hi = q_hi;
    out->classes = classes;
    out->bin = bin;
    out->is_cr = is_cr;
    out->narrowed = exact || q_lo == q_hi;
    out->side = (int8_t)side;
    return true;
}

/* A verdict whose cell is still undecided goes to the max tracker only if
 * its upper cell can be the maximum; there it is narrowed first, because a
 * run of inputs with one error value just below a grid point (an
 * approximation's constant output against a near-constant f) would
 * otherwise each be re-evaluated in MPFR. */
static void narrow_for_max(const prepared *p, float yf, fast_verdict *v)
{
    if (v->narrowed)
        return;
    v->narrowed = true; /* a verdict exists only where unit_ok */
    narrow_cell(p, yf, v->side, v->as, v->r, &v->q_lo, &v->q_hi);
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
            cell_merge(cell, &part);
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

static void classify_fast(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, ab_exh_worker *w)
{
    prepared *prep = w->prep;
    memset(w->binade_runs.excl, 0, w->binade_runs.n * sizeof *w->binade_runs.excl);
    memset(w->grid_runs.excl, 0, w->grid_runs.n * sizeof *w->grid_runs.excl);
    /* First the fast verdicts, and the largest lower bound among them: the
     * block's maximum is at least that, so the tracker starts the chunk
     * from it. Errors that grow input after input (y = 1/2 against
     * sigmoid(x) = 1/2 + x/4 at tiny x) would otherwise each be a new
     * maximum, narrowed and kept as a candidate. */
    double chunk_lo = -INFINITY;
    const uint64_t *cr_key = w->cr_key;
    const double *cr_qlo = w->cr_qlo;
    size_t others = 0; /* w->others[0, others): the inputs whose y is not the CR value */
    for (size_t i = 0; i < n; i++) {
        if ((uint64_t)fbits(ys[i]) == cr_key[i]) {
            if (cr_qlo[i] > chunk_lo)
                chunk_lo = cr_qlo[i];
        } else {
            w->others[others++] = (uint16_t)i;
        }
    }
    for (size_t k = 0; k < others; k++) {
        size_t i = w->others[k];
        prepared *p = &prep[i];
        uint32_t yb = fbits(ys[i]);
        if (p->kind != KIND_FAST || isnan(ys[i]))
            continue;
        if (p->last_state == 0 || yb != p->last_y) { /* else: as the previous implementation */
            const prepared *before = p - 1; /* the verdict depends on the reference and y only */
            if (p->same_ref && before->last_state != 0 && before->last_y == yb) {
                p->last_verdict = before->last_verdict;
                p->last_state = before->last_state;
            } else {
                p->last_state = fast_case(p, ys[i], &p->last_verdict) ? 1 : 2;
            }
            p->last_y = yb;
        }
        if (p->last_state == 1 && p->last_verdict.q_lo > chunk_lo)
            chunk_lo = p->last_verdict.q_lo;
    }
    if (chunk_lo > t->max_lo) {
        t->max_lo = chunk_lo;
        t->exact_at_max = false;
    }
    /* The CR cases that may reach the tracker (add_case's test; max_lo only
     * grows): those with q_hi > max_lo now, and those equal to it up to the
     * first exact one (then exact_at_max holds). They are found among the
     * chunk's TOP_CR highest q_hi (ties by input), else every input is
     * visited. */
    size_t visits = n;
    const uint16_t *order = NULL;
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
        if ((uint64_t)fbits(ys[i]) != cr_key[i])
            continue;
        size_t j = nr++; /* by input, ascending */
        for (; j > 0 && reach[j - 1] > i; j--)
            reach[j] = reach[j - 1];
        reach[j] = i;
        if (q == t->max_lo && cr_qlo[i] == q)
            ties_done = true;
    }
    if (complete) {
        size_t a = 0, b = 0;
        visits = 0;
        while (a < others || b < nr)
            w->visit[visits++] = b == nr || (a < others && w->others[a] < reach[b])
                                     ? w->others[a++]
                                     : reach[b++];
        order = w->visit;
    }
    for (size_t k = 0; k < visits; k++) {
        size_t i = order ? order[k] : k;
        prepared *p = &prep[i];
        float yf = ys[i];
        uint32_t yb = fbits(yf);
        uint32_t xb = fbits(xs[i]);
        if ((uint64_t)yb == cr_key[i]) {
            /* The common case: the sums are in add_cr_bulk, and it stays out
             * of the tracker unless it can reach it (add_case's test). */
            double q_hi = w->cr_qhi[i];
            if (q_hi < t->max_lo || (q_hi == t->max_lo && t->exact_at_max))
                continue;
            exclude_from_runs(&w->binade_runs, p->brun, p, (uint32_t)i);
            exclude_from_runs(&w->grid_runs, p->grun, p, (uint32_t)i);
            const fast_verdict *vp = &p->cr_verdict;
            add_case(out, t, env, p, xb, yf, yf, true, 0u, false, vp->raw, vp->q_lo, vp->q_hi, 0);
            continue;
        }
        if (p->cr_verdict_ok) { /* not the CR value: out of the bulk sums */
            exclude_from_runs(&w->binade_runs, p->brun, p, (uint32_t)i);
            exclude_from_runs(&w->grid_runs, p->grun, p, (uint32_t)i);
        }
        if (p->kind == KIND_NAN) {
            bool y_nan = isnan(yf);
            add_case(out, t, env, p, xb, yf, NAN, y_nan, y_nan ? 0u : AB_CLASS_NAN_MISSING,
                     true, 0, 0, 0, 0);
            continue;
        }
        if (p->kind == KIND_FAST) {
            if (isnan(yf)) {
                add_case(out, t, env, p, xb, yf, ffrom(p->cr_bits), false,
                         AB_CLASS_NAN_UNEXPECTED, true, 0, 0, 0, 0);
                continue;
            }
            if (p->last_state == 2) {
                out->fallbacks++;
                goto mpfr;
            }
            /* narrowing the cached verdict serves later implementations */
            fast_verdict *vp = &p->last_verdict;
            if (vp->q_hi > t->max_lo || (vp->q_hi == t->max_lo && !t->exact_at_max))
                narrow_for_max(p, yf, vp);
            add_case(out, t, env, p, xb, yf, p->cr_ok ? ffrom(p->cr_bits) : NAN, vp->is_cr,
                     vp->classes, false, vp->raw, vp->q_lo, vp->q_hi, vp->bin);
            continue;
        }
    mpfr:; /* KIND_MPFR, or the fast bound could not decide. */
        double cr;
        ab_ulp_error e = mpfr_case(env, xs[i], yf, &cr);
        add_mpfr_case(out, t, env, p, xb, yf, &e, cr);
    }
    add_cr_bulk(out, w, ys);
}

static void classify_mpfr(ab_exh_pair *out, max_tracker *t, const eval_env *env, size_t n,
                          const float *xs, const float *ys, const prepared *prep,
                          ab_exh_worker *w, const double *crs)
{
    int prec, emin_unit, emax;
    ab_exh_format_params(env->ctx->format, &prec, &emin_unit, &emax);
    for (size_t i = 0; i < n; i++) {
        double y = ab_exh_round_result(env->ctx->format, ys[i]);
        ab_ulp_error e = ab_ulp_error_fmt(y, w->mf[i], prec, emin_unit, emax);
        zero_needs_exact(&e, prep[i].ref_inexact);
        uint32_t xb = fbits(xs[i]);
        add_mpfr_case(out, t, env, &prep[i], xb, y, &e, crs[i]);
    }
}

static void ensure_trackers(ab_exh_worker *w, size_t n)
{
    if (w->tracker_count >= n)
        return;
    free(w->trackers);
    w->trackers = malloc(n * sizeof *w->trackers);
    if (w->trackers == NULL)
        abort();
    w->tracker_count = n;
}

void ab_exh_eval_block(ab_exh_worker *w, const ab_exh_ctx *ctx, const ab_exh_pair *pairs,
                       size_t pair_count, uint64_t first, uint64_t count, ab_exh_pair *out)
{
    for (size_t k = 0; k < count; k++)
        w->x[k] = ab_exh_input(ctx->format, first + k);
    ensure_trackers(w, pair_count);
    size_t chunk = count < AB_EXH_CHUNK ? count : AB_EXH_CHUNK;
    if (ctx->mpfr_reference)
        ensure_mpfr_array(w, chunk);
    for (int d = 0; d < 2; d++) {
        ab_direction dir = (ab_direction)d;
        bool any = false;
        for (size_t k = 0; k < pair_count; k++)
            any |= pairs[k].dir == dir;
        if (!any)
            continue;
        eval_env env = {ctx, dir, &w->f};
        for (size_t k = 0; k < pair_count; k++) {
            if (pairs[k].dir != dir)
                continue;
            ab_exh_pair_reset(&out[k]);
            max_tracker *t = &w->trackers[k];
            t->max_lo = -1.0;
            t->exact_at_max = false;
            t->n = 0;
        }
        /* Inputs reach each pair's tracker in increasing order, as the
         * tracker's tie rule needs: chunks are taken in order. */
        for (size_t c0 = 0; c0 < count; c0 += chunk) {
            size_t n = count - c0 < chunk ? count - c0 : chunk;
            const float *xs = w->x + c0;
            prepare_chunk(w, ctx, dir, xs, n);
            if (ctx->mpfr_reference)
                for (size_t i = 0; i < n; i++) {
                    mpfr_clear_inexflag();
                    ab_ref_eval(ctx->act, dir, &ctx->params, xs[i], w->mf[i]);
                    w->prep[i].ref_inexact = mpfr_inexflag_p() != 0;
                    w->crs[i] = round_mpfr_to_format(w->mf[i], ctx->format);
                }
            for (size_t k = 0; k < pair_count; k++) {
                if (pairs[k].dir != dir)
                    continue;
                ab_kernel_fn fn = ab_impl_kernel(pairs[k].impl, dir);
                ab_mxcsr_state saved = ab_mxcsr_save();
                fn(xs, w->y, n, &ctx->params);
                ab_mxcsr_restore(saved);
                if (ctx->mpfr_reference)
                    classify_mpfr(&out[k], &w->trackers[k], &env, n, xs, w->y, w->prep, w,
                                  w->crs);
                else
                    classify_fast(&out[k], &w->trackers[k], &env, n, xs, w->y, w);
            }
        }
        for (size_t k = 0; k < pair_count; k++)
            if (pairs[k].dir == dir)
                tracker_finish(&w->trackers[k], &env, &out[k]);
    }
}
