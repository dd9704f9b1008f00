/*
 * `actbench recommend --activation X [--max-ulp U] [--results DIR]`: the
 * implementation to pick for three needs, from a results directory (so a user
 * gets the pick for their own machine), each with its runner-up and why.
 *
 *   most accurate        smallest max ULP (no error class), ties to the faster
 *   fastest within U     fastest at the chosen size whose max ULP <= U and
 *                        that has no error class (flush, NaN, inf)
 *   fastest overall      fastest at the chosen size, its error stated
 *
 * Accuracy comes from the exhaustive sweep when DIR/exhaustive/summary.csv
 * has the implementation, else from the sampled DIR/accuracy.csv.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"
#include "csv_table.h"
#include "recommend.h"

typedef struct candidate {
    char variant[96];
    double max_ulp;
    unsigned long long classes; /* flush, NaN, inf cases (signed zeros apart) */
    unsigned long long signed_zero;
    char worst_x[48];
    const char *accuracy_source;
    double ticks; /* NAN when not timed */
} candidate;

static double field_d(const ab_csv_table *t, size_t r, const char *col)
{
    const char *s = ab_csv_field(t, r, ab_csv_column(t, col));
    return *s ? strtod(s, NULL) : NAN;
}

static unsigned long long field_u(const ab_csv_table *t, size_t r, const char *col)
{
    const char *s = ab_csv_field(t, r, ab_csv_column(t, col));
    return *s ? strtoull(s, NULL, 10) : 0;
}

static bool row_is(const ab_csv_table *t, size_t r, const char *col, const char *value)
{
    return strcmp(ab_csv_field(t, r, ab_csv_column(t, col)), value) == 0;
}

static candidate *find_or_add(candidate *c, size_t *n, const char *variant)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(c[i].variant, variant) == 0)
            return &c[i];
    candidate *k = &c[(*n)++];
    memset(k, 0, sizeof *k);
    snprintf(k->variant, sizeof k->variant, "%s", variant);
    k->max_ulp = NAN;
    k->ticks = NAN;
    return k;
}

/* Accuracy rows of one table into the candidates; exhaustive rows win. */
static void load_accuracy(const ab_csv_table *t, const char *activation, const char *direction,
                          const char *source, bool overrides, candidate *c, size_t *n)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!row_is(t, r, "activation", activation) || !row_is(t, r, "direction", direction))
            continue;
        /* Exhaustive rows count only when they cover every binary32 input. */
        int lo_col = ab_csv_column(t, "range_lo"), hi_col = ab_csv_column(t, "range_hi");
        if (lo_col >= 0 && (strtoul(ab_csv_field(t, r, lo_col), NULL, 0) != 0 ||
                            strtoul(ab_csv_field(t, r, hi_col), NULL, 0) != 0xffffffffUL ||
                            (ab_csv_column(t, "format") >= 0 && !row_is(t, r, "format", "binary32"))))
            continue;
        candidate *k = find_or_add(c, n, ab_csv_field(t, r, ab_csv_column(t, "variant")));
        if (!isnan(k->max_ulp) && !overrides)
            continue;
        k->max_ulp = field_d(t, r, "max_ulp");
        k->classes = field_u(t, r, "nan_unexpected") + field_u(t, r, "nan_missing") +
                     field_u(t, r, "inf_where_finite") + field_u(t, r, "flush_to_zero") +
                     field_u(t, r, "finite_where_inf");
        k->signed_zero = field_u(t, r, "signed_zero_mismatch");
        snprintf(k->worst_x, sizeof k->worst_x, "%s", ab_csv_field(t, r, ab_csv_column(t, "worst_x")));
        k->accuracy_source = source;
    }
}

static void load_speed(const ab_csv_table *t, const char *activation, const char *direction,
                       const char *size, const char *distribution, candidate *c, size_t n)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        if (!row_is(t, r, "activation", activation) || !row_is(t, r, "direction", direction) ||
            !row_is(t, r, "size_label", size) || !row_is(t, r, "distribution", distribution))
            continue;
        const char *variant = ab_csv_field(t, r, ab_csv_column(t, "variant"));
        for (size_t i = 0; i < n; i++)
            if (strcmp(c[i].variant, variant) == 0) {
                /* A non-positive per-element time means the per-call noise
                 * swamped the work (bench flags it unstable): not a timing. */
                double ticks = field_d(t, r, "ticks_per_elem_median");
                c[i].ticks = ticks > 0 ? ticks : NAN;
            }
    }
}

static void describe(char *buf, size_t size, const candidate *k)
{
    int len = snprintf(buf, size, "%s: max %.3g ULP (%s)", k->variant, k->max_ulp,
                       k->accuracy_source ? k->accuracy_source : "no accuracy data");
    if (k->classes)
        len += snprintf(buf + len, size - (size_t)len, ", %llu flushed/NaN/inf cases", k->classes);
    if (!isnan(k->ticks))
        snprintf(buf + len, size - (size_t)len, ", %.3g TSC ticks/element", k->ticks);
    else
        snprintf(buf + len, size - (size_t)len, ", not timed");
}

typedef bool (*eligible_fn)(const candidate *, double max_ulp);
typedef int (*better_fn)(const candidate *, const candidate *); /* <0: a better */

static bool any_accuracy(const candidate *k, double u) { (void)u; return !isnan(k->max_ulp); }
static bool clean_accuracy(const candidate *k, double u) { (void)u; return !isnan(k->max_ulp) && k->classes == 0; }
static bool within(const candidate *k, double u) { return clean_accuracy(k, u) && k->max_ulp <= u && !isnan(k->ticks); }
static bool timed(const candidate *k, double u) { (void)u; return !isnan(k->max_ulp) && !isnan(k->ticks); }

static int by_speed(const candidate *a, const candidate *b)
{
    return a->ticks < b->ticks ? -1 : a->ticks > b->ticks;
}
static int by_accuracy(const candidate *a, const candidate *b)
{
    if (a->max_ulp != b->max_ulp)
        return a->max_ulp < b->max_ulp ? -1 : 1;
    if (isnan(a->ticks) != isnan(b->ticks))
        return isnan(a->ticks) ? 1 : -1;
    return by_speed(a, b);
}

static void pick(const candidate *c, size_t n, eligible_fn ok, better_fn better, double u,
                 const candidate **best, const candidate **second)
{
    *best = *second = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!ok(&c[i], u))
            continue;
        if (*best == NULL || better(&c[i], *best) < 0) {
            *second = *best;
            *best = &c[i];
        } else if (*second == NULL || better(&c[i], *second) < 0) {
            *second = &c[i];
        }
    }
}

static void report(FILE *out, bool markdown, const char *need, const candidate *best,
                   const candidate *second, bool speed_criterion)
{
    char b[320], s[320], why[160] = "";
    if (best == NULL) {
        fprintf(out, markdown ? "| %s | none qualifies | |\n" : "  %-24s none qualifies\n", need);
        return;
    }
    describe(b, sizeof b, best);
    if (second != NULL) {
        describe(s, sizeof s, second);
        if (speed_criterion && !isnan(best->ticks) && best->ticks > 0)
            snprintf(why, sizeof why, " — %.2f× slower", second->ticks / best->ticks);
        else if (!speed_criterion)
            snprintf(why, sizeof why, second->max_ulp > best->max_ulp ? " — less accurate"
                                                                       : " — as accurate, slower");
    } else {
        snprintf(s, sizeof s, "none");
    }
    if (markdown)
        fprintf(out, "| %s | %s | %s%s |\n", need, b, s, why);
    else
        fprintf(out, "  %-24s %s\n  %-24s runner-up %s%s\n", need, b, "", s, why);
}

static const char recommend_usage[] =
    "usage: actbench recommend --activation NAME [--max-ulp U] [--results DIR]\n"
    "                          [--direction forward|derivative] [--size L1|L2|L3|DRAM]\n"
    "                          [--distribution NAME] [--format text|md]\n"
    "Picks, from a results directory (default results), the most accurate implementation,\n"
    "the fastest with max error <= U ULP (default 2) and no flushed/NaN/inf case, and the\n"
    "fastest overall, each with its runner-up and why. Speed: median TSC ticks/element at\n"
    "the given size (default L1) and input distribution (default: the first in the file).\n";

int ab_cmd_recommend(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"activation", required_argument, NULL, 'a'}, {"max-ulp", required_argument, NULL, 'u'},
        {"results", required_argument, NULL, 'r'},    {"direction", required_argument, NULL, 'd'},
        {"size", required_argument, NULL, 's'},       {"distribution", required_argument, NULL, 'D'},
        {"format", required_argument, NULL, 'f'},     {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *activation = NULL, *results = "results", *direction = "forward", *size = "L1",
               *distribution = NULL;
    double max_ulp = 2.0;
    bool markdown = false;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":a:u:r:h", longopts, NULL)) != -1) {
        char *end;
        switch (ch) {
        case 'a': activation = optarg; break;
        case 'u':
            max_ulp = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(max_ulp >= 0) || isinf(max_ulp)) {
                fprintf(stderr, "actbench recommend: --max-ulp needs a number >= 0, got '%s'\n", optarg);
                return 2;
            }
            break;
        case 'r': results = optarg; break;
        case 'd':
            if (strcmp(optarg, "forward") != 0 && strcmp(optarg, "derivative") != 0) {
                fprintf(stderr, "actbench recommend: --direction is forward or derivative, not '%s'\n", optarg);
                return 2;
            }
            direction = optarg;
            break;
        case 's': size = optarg; break;
        case 'D': distribution = optarg; break;
        case 'f':
            if (strcmp(optarg, "md") != 0 && strcmp(optarg, "text") != 0) {
                fprintf(stderr, "actbench recommend: --format is text or md, not '%s'\n", optarg);
                return 2;
            }
            markdown = strcmp(optarg, "md") == 0;
            break;
        case 'h': fputs(recommend_usage, stdout); return 0;
        case ':': fprintf(stderr, "actbench recommend: option '%s' needs a value\n", argv[optind - 1]); return 2;
        default: fprintf(stderr, "actbench recommend: unknown option '%s'\n", argv[optind - 1]); return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "actbench recommend: unexpected argument '%s'\n", argv[optind]);
        return 2;
    }
    const ab_activation *act = ab_activation_find(activation);
    if (activation == NULL || act == NULL) {
        fprintf(stderr, activation ? "actbench recommend: unknown activation '%s' (see 'actbench list')\n"
                                   : "actbench recommend: --activation is required%s\n",
                activation ? activation : "");
        return 2;
    }

    char path[4096];
    ab_csv_table acc, exh, perf;
    snprintf(path, sizeof path, "%s/accuracy.csv", results);
    bool have_acc = ab_csv_read(path, &acc, true);
    snprintf(path, sizeof path, "%s/exhaustive/summary.csv", results);
    bool have_exh = ab_csv_read(path, &exh, true);
    snprintf(path, sizeof path, "%s/performance.csv", results);
    bool have_perf = ab_csv_read(path, &perf, true);
    if (!have_acc && !have_exh) {
        fprintf(stderr, "actbench recommend: no accuracy results in %s (run 'actbench run -o %s')\n",
                results, results);
        if (have_perf)
            ab_csv_free(&perf);
        return 1;
    }

    candidate *c = calloc(ab_impl_count() + 64, sizeof *c);
    size_t n = 0;
    if (have_exh)
        load_accuracy(&exh, act->name, direction, "exhaustive", true, c, &n);
    if (have_acc)
        load_accuracy(&acc, act->name, direction, "sampled", false, c, &n);
    if (have_perf) {
        if (distribution == NULL && perf.n_rows > 0)
            distribution = ab_csv_field(&perf, 0, ab_csv_column(&perf, "distribution"));
        load_speed(&perf, act->name, direction, size, distribution ? distribution : "", c, n);
    }
    if (n == 0) {
        fprintf(stderr, "actbench recommend: %s has no %s results in %s\n", act->name, direction, results);
    } else {
        const candidate *best, *second;
        if (markdown)
            fprintf(stdout, "| need | pick | runner-up |\n|---|---|---|\n");
        else
            printf("%s (%s) from %s; speed at %s, inputs %s:\n", act->name, direction, results, size,
                   distribution ? distribution : "(no timing)");
        pick(c, n, clean_accuracy, by_accuracy, max_ulp, &best, &second);
        if (best == NULL)
            pick(c, n, any_accuracy, by_accuracy, max_ulp, &best, &second);
        report(stdout, markdown, "most accurate", best, second, false);
        char need[64];
        snprintf(need, sizeof need, "fastest with max <= %g ULP", max_ulp);
        pick(c, n, within, by_speed, max_ulp, &best, &second);
        report(stdout, markdown, need, best, second, true);
        pick(c, n, timed, by_speed, max_ulp, &best, &second);
        report(stdout, markdown, "fastest overall", best, second, true);
    }
    free(c);
    if (have_acc)
        ab_csv_free(&acc);
    if (have_exh)
        ab_csv_free(&exh);
    if (have_perf)
        ab_csv_free(&perf);
    return n == 0 ? 1 : 0;
}
