/*
 * See recommend_pick.h. The candidates grow as the tables are read (no
 * bound from the registry: a results directory may hold more rows than this
 * binary registers). Each profile judges by the metric it is stated in:
 * max ULP over all inputs (strict, accurate), max ULP over normal outputs
 * with FTZ/DAZ set (ml), max relative error over normal outputs (fast);
 * the metrics come from the exhaustive sweep where its row has them, else
 * from the sampled accuracy.csv. Without them (tables written before they
 * existed) the max ULP over all inputs stands in, which is at least as
 * strict on normal outputs (for fast: max ULP <= 1e-3 * 2^23 implies
 * relative error <= 1e-3, since the ULP of a normal f is at most |f| * 2^-23);
 * the answer says so.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "actbench/actbench.h"
#include "csv_table.h"
#include "output/csv_merge.h"
#include "recommend_pick.h"

const char *const rc_class_column[RC_CLASS_KINDS] = {
    "nan_unexpected", "nan_missing", "inf_where_finite", "flush_to_zero", "signed_zero_mismatch",
    "finite_where_inf"};

#define TOL(k) (1u << (k))
#define NAN_INF_CLASSES                                                                          \
    (TOL(RC_NAN_UNEXPECTED) | TOL(RC_NAN_MISSING) | TOL(RC_INF_WHERE_FINITE) | TOL(RC_FINITE_WHERE_INF))
/* 1e-3 relative error on normal outputs, in ULP of the exact value: 1e-3 * 2^23. */
#define FAST_MAX_ULP 8388.608

const rc_need rc_profiles[4] = {
    {"strict", RC_PROFILE, 1.0, 0, "max <= 1 ULP over all inputs, no error class",
     RC_METRIC_ULP, 1.0},
    {"accurate", RC_PROFILE, 2.0, TOL(RC_SIGNED_ZERO),
     "max <= 2 ULP over all inputs, no NaN/inf/flush error (signed zeros tolerated)",
     RC_METRIC_ULP, 2.0},
    {"ml", RC_PROFILE, 4.0, ~NAN_INF_CLASSES,
     "with FTZ/DAZ set: max <= 4 ULP over normal outputs, no NaN/inf error",
     RC_METRIC_FTZ_ULP_NORMAL, 4.0},
    {"fast", RC_PROFILE, FAST_MAX_ULP, ~NAN_INF_CLASSES,
     "relative error <= 1e-3 over normal outputs, no NaN/inf error", RC_METRIC_REL_NORMAL, 1e-3},
};

const rc_need rc_most_accurate = {"most accurate", RC_MOST_ACCURATE, INFINITY, TOL(RC_SIGNED_ZERO),
                                  "smallest max ULP, no NaN/inf/flush error", RC_METRIC_ULP,
                                  INFINITY};

const char *rc_metric_name(rc_metric m)
{
    return m == RC_METRIC_FTZ_ULP_NORMAL ? "ftz_max_ulp_normal"
           : m == RC_METRIC_REL_NORMAL   ? "max_rel_err"
                                         : "max_ulp";
}

const rc_need *rc_profile_find(const char *name)
{
    for (size_t i = 0; i < sizeof rc_profiles / sizeof rc_profiles[0]; i++)
        if (strcmp(rc_profiles[i].name, name) == 0)
            return &rc_profiles[i];
    return NULL;
}

rc_need rc_max_ulp_need(double u, char *buf, size_t size)
{
    snprintf(buf, size, "max <= %g ULP over all inputs, no NaN/inf/flush error", u);
    return (rc_need){"max-ulp", RC_MAX_ULP, u, TOL(RC_SIGNED_ZERO), buf, RC_METRIC_ULP, u};
}

/* ---- tables ------------------------------------------------------------ */

static const char *field(const ab_csv_table *t, size_t r, const char *col)
{
    return ab_csv_field(t, r, ab_csv_column(t, col));
}

static double field_d(const ab_csv_table *t, size_t r, const char *col)
{
    const char *s = field(t, r, col);
    char *end;
    double v = strtod(s, &end);
    return *s && *end == '\0' ? v : NAN;
}

static bool row_is(const ab_csv_table *t, size_t r, const char *col, const char *value)
{
    return strcmp(field(t, r, col), value) == 0;
}

static rc_candidate *find_or_add(rc_set *set, const char *variant)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->items[i].variant, variant) == 0)
            return &set->items[i];
    if (set->n == set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 32;
        rc_candidate *grown = realloc(set->items, cap * sizeof *grown);
        if (grown == NULL)
            return NULL;
        set->items = grown;
        set->cap = cap;
    }
    rc_candidate *c = &set->items[set->n++];
    memset(c, 0, sizeof *c);
    snprintf(c->variant, sizeof c->variant, "%s", variant);
    c->max_ulp = c->ticks = c->ns = NAN;
    c->max_ulp_normal = c->max_rel_err = c->max_abs_err = c->ftz_max_ulp_normal = NAN;
    c->is_peer = strncmp(variant, "peer-", 5) == 0;
    return c;
}

/* ab_csv_read, with the variants of a table written before a rename under
 * their current names. */
static ab_csv_status read_current_names(const char *path, ab_csv_table *t)
{
    ab_csv_status st = ab_csv_read(path, t, true);
    if (st == AB_CSV_OK && !ab_csv_current_variants(t)) {
        fprintf(stderr, "actbench recommend: out of memory reading %s\n", path);
        ab_csv_free(t);
        return AB_CSV_BAD;
    }
    return st;
}

static bool full_binary32_row(const ab_csv_table *t, size_t r)
{
    if (ab_csv_column(t, "range_lo") < 0)
        return true; /* accuracy.csv: no range, sampled over all floats */
    return strtoul(field(t, r, "range_lo"), NULL, 16) == 0 &&
           strtoul(field(t, r, "range_hi"), NULL, 16) == 0xffffffffUL &&
           (ab_csv_column(t, "format") < 0 || row_is(t, r, "format", "binary32"));
}

static bool need_columns(const ab_csv_table *t, const char *path, const char *const *cols)
{
    for (; *cols; cols++)
        if (ab_csv_column(t, *cols) < 0) {
            fprintf(stderr, "actbench recommend: %s has no column '%s'\n", path, *cols);
            return false;
        }
    return true;
}

/* The metrics of row r when it has them (an empty normal_counted: not
 * measured, or a table older than the columns). */
static void take_metrics(rc_candidate *c, const ab_csv_table *t, size_t r, const char *source)
{
    if (*field(t, r, "normal_counted") == '\0')
        return;
    c->has_metrics = true;
    c->metrics_source = source;
    c->max_ulp_normal = field_d(t, r, "max_ulp_normal");
    c->max_rel_err = field_d(t, r, "max_rel_err");
    c->max_abs_err = field_d(t, r, "max_abs_err");
    c->ftz_max_ulp_normal = field_d(t, r, "ftz_max_ulp_normal");
    c->ftz_changed = strtoull(field(t, r, "ftz_changed"), NULL, 10);
    c->ftz_special = strtoull(field(t, r, "ftz_special"), NULL, 10);
}

/* Rows of one accuracy table; rows already filled are kept unless overrides
 * (the metrics: unless overrides and the row has them). */
static bool take_accuracy(rc_set *set, const ab_csv_table *t, const char *path, const char *activation,
                          const char *direction, const char *source, bool overrides)
{
    static const char *const cols[] = {"activation", "variant", "direction", "max_ulp", NULL};
    if (!need_columns(t, path, cols))
        return false;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!row_is(t, r, "activation", activation) || !row_is(t, r, "direction", direction) ||
            !full_binary32_row(t, r))
            continue;
        double max_ulp = field_d(t, r, "max_ulp");
        if (isnan(max_ulp) && *field(t, r, "max_ulp") != '\0' && strcmp(field(t, r, "max_ulp"), "nan") != 0) {
            fprintf(stderr, "actbench recommend: %s: row %zu: max_ulp '%s' is not a number\n", path, r + 2,
                    field(t, r, "max_ulp"));
            return false;
        }
        rc_candidate *c = find_or_add(set, field(t, r, "variant"));
        if (c == NULL) {
            fprintf(stderr, "actbench recommend: out of memory\n");
            return false;
        }
        if (!c->has_metrics || overrides)
            take_metrics(c, t, r, source);
        if (c->has_accuracy && !overrides)
            continue;
        c->has_accuracy = true;
        c->max_ulp = max_ulp;
        c->accuracy_source = source;
        for (int k = 0; k < RC_CLASS_KINDS; k++)
            c->classes[k] = strtoull(field(t, r, rc_class_column[k]), NULL, 10);
        if (*field(t, r, "isa"))
            snprintf(c->isa, sizeof c->isa, "%s", field(t, r, "isa"));
    }
    return true;
}

static void take_registry_facts(rc_set *set, const char *activation)
{
    for (size_t i = 0; i < set->n; i++) {
        const ab_impl *impl = ab_impl_find(activation, set->items[i].variant);
        if (impl == NULL)
            continue;
        set->items[i].cpu_dependent = (impl->flags & AB_FLAG_CPU_DEPENDENT) != 0;
        if (set->items[i].isa[0] == '\0')
            snprintf(set->items[i].isa, sizeof set->items[i].isa, "%s", ab_isa_name(impl->isa));
    }
}

bool rc_load_accuracy(rc_set *set, const char *dir, const char *activation, const char *direction)
{
    char path[4096];
    ab_csv_table t;
    bool any = false, ok = true;
    /* The sweeps of a per-machine directory results/<machine_id>/ sit in
     * results/exhaustive/, beside it. */
    snprintf(path, sizeof path, "%s/exhaustive/summary.csv", dir);
    if (access(path, F_OK) != 0)
        snprintf(path, sizeof path, "%s/../exhaustive/summary.csv", dir);
    ab_csv_status st = read_current_names(path, &t);
    if (st == AB_CSV_BAD)
        return false;
    if (st == AB_CSV_OK) {
        any = true;
        ok = take_accuracy(set, &t, path, activation, direction, "exhaustive", true);
        ab_csv_free(&t);
    }
    snprintf(path, sizeof path, "%s/accuracy.csv", dir);
    st = read_current_names(path, &t);
    if (st == AB_CSV_BAD)
        return false;
    if (st == AB_CSV_OK) {
        any = true;
        ok = ok && take_accuracy(set, &t, path, activation, direction, "sampled", false);
        ab_csv_free(&t);
    }
    if (!any)
        fprintf(stderr, "actbench recommend: no accuracy results in %s (run 'actbench run -o %s')\n", dir, dir);
    take_registry_facts(set, activation);
    return ok && any;
}

/* The distinct values of a column, comma-separated, for a message. */
static void list_values(const ab_csv_table *t, const char *col, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t r = 0; r < t->n_rows && len < size; r++) {
        const char *v = field(t, r, col);
        bool seen = false;
        for (size_t q = 0; q < r && !seen; q++)
            seen = strcmp(field(t, q, col), v) == 0;
        if (!seen)
            len += (size_t)snprintf(buf + len, size - len, "%s'%s'", len ? ", " : "", v);
    }
}

static bool column_has(const ab_csv_table *t, const char *col, const char *value)
{
    for (size_t r = 0; r < t->n_rows; r++)
        if (row_is(t, r, col, value))
            return true;
    return false;
}

int rc_load_speed(rc_set *set, const char *dir, const char *activation, const char *direction,
                  const char *size, const char **distribution, bool *have_perf)
{
    static const char *const cols[] = {"activation", "variant", "direction", "distribution", "size_label",
                                       "ticks_per_elem_median", NULL};
    static char first_distribution[128];
    char path[4096], values[1024];
    ab_csv_table t;
    snprintf(path, sizeof path, "%s/performance.csv", dir);
    ab_csv_status st = read_current_names(path, &t);
    *have_perf = st == AB_CSV_OK;
    if (st == AB_CSV_MISSING)
        return 0;
    if (st == AB_CSV_BAD)
        return 1;
    if (!need_columns(&t, path, cols)) {
        ab_csv_free(&t);
        return 1;
    }
    if (*distribution == NULL && t.n_rows > 0) {
        snprintf(first_distribution, sizeof first_distribution, "%s", field(&t, 0, "distribution"));
        *distribution = first_distribution;
    }
    const char *missing_col = NULL, *missing_value = NULL;
    if (!column_has(&t, "size_label", size))
        missing_col = "size_label", missing_value = size;
    else if (*distribution && !column_has(&t, "distribution", *distribution))
        missing_col = "distribution", missing_value = *distribution;
    if (missing_col) {
        list_values(&t, missing_col, values, sizeof values);
        fprintf(stderr, "actbench recommend: %s has no %s '%s' (it has %s)\n", path,
                strcmp(missing_col, "size_label") == 0 ? "size" : "distribution", missing_value, values);
        ab_csv_free(&t);
        return 2;
    }
    bool has_valid = ab_csv_column(&t, "valid") >= 0;
    for (size_t r = 0; r < t.n_rows; r++) {
        if (!row_is(&t, r, "activation", activation) || !row_is(&t, r, "direction", direction) ||
            !row_is(&t, r, "size_label", size) || !row_is(&t, r, "distribution", *distribution))
            continue;
        for (size_t i = 0; i < set->n; i++) {
            rc_candidate *c = &set->items[i];
            if (strcmp(c->variant, field(&t, r, "variant")) != 0)
                continue;
            c->timed = true;
            c->ticks = field_d(&t, r, "ticks_per_elem_median");
            c->ns = field_d(&t, r, "ns_per_elem");
            c->unstable = row_is(&t, r, "unstable", "1");
            /* bench's own verdict when the table has one; a non-positive
             * median always means the per-call noise swamped the work */
            if (has_valid && row_is(&t, r, "valid", "0"))
                snprintf(c->invalid_reason, sizeof c->invalid_reason, "%s",
                         *field(&t, r, "invalid_reason") ? field(&t, r, "invalid_reason") : "marked invalid");
            else if (!(c->ticks > 0) || isinf(c->ticks))
                snprintf(c->invalid_reason, sizeof c->invalid_reason, "median %s ticks/element",
                         field(&t, r, "ticks_per_elem_median"));
            c->timing_valid = c->invalid_reason[0] == '\0';
        }
    }
    ab_csv_free(&t);
    return 0;
}

void rc_set_free(rc_set *set)
{
    free(set->items);
    memset(set, 0, sizeof *set);
}

/* ---- choice ------------------------------------------------------------ */

unsigned long long rc_class_total(const rc_candidate *c, unsigned ignored)
{
    unsigned long long n = 0;
    for (int k = 0; k < RC_CLASS_KINDS; k++)
        if (!(ignored & TOL(k)))
            n += c->classes[k];
    return n;
}

double rc_judged_value(const rc_candidate *c, const rc_need *need, bool *stand_in)
{
    *stand_in = need->metric != RC_METRIC_ULP && !c->has_metrics;
    if (need->metric == RC_METRIC_ULP || !c->has_metrics)
        return c->max_ulp;
    double v = need->metric == RC_METRIC_REL_NORMAL ? c->max_rel_err : c->ftz_max_ulp_normal;
    return isnan(v) ? 0.0 : v; /* no normal output at all: nothing over the bound */
}

bool rc_meets(const rc_candidate *c, const rc_need *need)
{
    bool stand_in;
    double v = rc_judged_value(c, need, &stand_in);
    if (!c->has_accuracy || isnan(v) || rc_class_total(c, need->tolerated) != 0)
        return false;
    if (stand_in)
        return v <= need->max_ulp;
    if (need->metric == RC_METRIC_FTZ_ULP_NORMAL && c->ftz_special != 0)
        return false; /* special values wrong with FTZ/DAZ set */
    return v <= need->limit;
}

/* <0 when a ranks before b. */
static int by_time(const rc_candidate *a, const rc_candidate *b)
{
    if (a->timing_valid != b->timing_valid)
        return a->timing_valid ? -1 : 1;
    if (a->timing_valid && a->ticks != b->ticks)
        return a->ticks < b->ticks ? -1 : 1;
    return a->max_ulp < b->max_ulp ? -1 : a->max_ulp > b->max_ulp;
}

static int by_accuracy(const rc_candidate *a, const rc_candidate *b)
{
    if (a->max_ulp != b->max_ulp)
        return a->max_ulp < b->max_ulp ? -1 : 1;
    return by_time(a, b);
}

void rc_choose(const rc_set *set, const rc_need *need, const rc_candidate **pick,
               const rc_candidate **runner_up, const rc_candidate **peer, size_t *meeting)
{
    int (*better)(const rc_candidate *, const rc_candidate *) =
        need->kind == RC_MOST_ACCURATE ? by_accuracy : by_time;
    bool any_valid = false;
    for (size_t i = 0; i < set->n; i++)
        any_valid |= set->items[i].timing_valid;
    *pick = *runner_up = NULL;
    if (peer)
        *peer = NULL;
    *meeting = 0;
    for (size_t i = 0; i < set->n; i++) {
        const rc_candidate *c = &set->items[i];
        if (!rc_meets(c, need))
            continue;
        ++*meeting;
        /* With timings in the results, an untimed or invalidly timed one is
         * never an answer (its cost is unknown); without any timing, the
         * ranking is by ULP alone. */
        if (any_valid && !c->timing_valid)
            continue;
        if (peer && c->is_peer && c->timing_valid && (*peer == NULL || by_time(c, *peer) < 0))
            *peer = c;
        if (*pick == NULL || better(c, *pick) < 0) {
            *runner_up = *pick;
            *pick = c;
        } else if (*runner_up == NULL || better(c, *runner_up) < 0) {
            *runner_up = c;
        }
    }
}

const rc_candidate *rc_closest(const rc_set *set)
{
    const rc_candidate *best = NULL;
    for (int pass = 0; pass < 2 && best == NULL; pass++)
        for (size_t i = 0; i < set->n; i++) {
            const rc_candidate *c = &set->items[i];
            if (!c->has_accuracy || isnan(c->max_ulp) || (pass == 0 && rc_class_total(c, ~NAN_INF_CLASSES)))
                continue;
            if (best == NULL || by_accuracy(c, best) < 0)
                best = c;
        }
    return best;
}
