/*
 * Per-call overhead apart from per-element cost (performance_fit.csv and
 * performance_by_n.csv).
 *
 * Every case is timed at n = 64, 128, ..., 65536 elements (quick: 64, 256,
 * 1024, 4096), all cases interleaved at each n (bench/series.h), on the
 * first selected distribution. The medians t(n) (ticks per call) are fitted
 * with t(n) = a + b n by least squares weighted by 1/t(n)^2, i.e. on
 * relative residuals: the noise of a timing grows with its length, and an
 * unweighted fit would let the largest n decide a alone. a is the cost of
 * a call (ticks), b the cost of an element (ticks), and a/t(n) < 10 % from
 * n > 9a/b on.
 *
 * A fit is valid with at least 3 valid points, b > 0, and b not below
 * AB_BENCH_FLOOR_MARGIN x its floor's b (the fastest of the copy row and
 * the floor copies, or of the store-only fills for a kernel whose output
 * ignores its input; fitted the same way).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/cases.h"
#include "bench/distributions.h"
#include "bench/fit.h"
#include "bench/series.h"
#include "common/csv_write.h"
#include "common/stats.h"

enum { MAX_POINTS = 11, MIN_POINTS = 3 };

typedef struct fit_result {
    double a, b, max_residual_pct;
    unsigned points;
} fit_result;

static fit_result fit_case(const size_t *ns, const double *t, const bool *ok, size_t n_points)
{
    double x[MAX_POINTS] = {0}, y[MAX_POINTS] = {0}, w[MAX_POINTS] = {0};
    fit_result f = {NAN, NAN, NAN, 0};
    for (size_t i = 0; i < n_points; i++) {
        x[i] = (double)ns[i];
        y[i] = ok[i] && t[i] > 0 ? t[i] : NAN;
        w[i] = isnan(y[i]) ? 0 : 1.0 / (y[i] * y[i]);
    }
    f.points = (unsigned)ab_stats_fit_line_weighted(x, y, w, n_points, &f.a, &f.b);
    f.max_residual_pct = 0;
    for (size_t i = 0; i < n_points; i++)
        if (!isnan(y[i]))
            f.max_residual_pct = fmax(f.max_residual_pct,
                                      100.0 * fabs(f.a + f.b * x[i] - y[i]) / y[i]);
    return f;
}

static void write_fit_row(FILE *fp, const bench_case *c, const char *distribution,
                          const fit_result *f, const size_t *ns, size_t n_points,
                          double floor_b, double tsc_hz)
{
    char reason[200] = "";
    if (f->points < MIN_POINTS)
        snprintf(reason, sizeof reason, "%u valid points of %zu, need %d", f->points, n_points,
                 MIN_POINTS);
    else if (!(f->b > 0))
        snprintf(reason, sizeof reason, "per-element cost not positive (%.4g ticks)", f->b);
    else if (floor_b > 0 && f->b < AB_BENCH_FLOOR_MARGIN * floor_b)
        snprintf(reason, sizeof reason, "below %s floor: %.4g ticks/element < %.2f x %.4g",
                 c->store_only ? "store-only" : "copy", f->b, AB_BENCH_FLOOR_MARGIN, floor_b);
    bool valid = reason[0] == '\0';
    double a = valid ? f->a : NAN, b = valid ? f->b : NAN;
    ab_case_put_csv(fp, c, distribution);
    fprintf(fp, ",%zu,%zu,%u,", ns[0], ns[n_points - 1], f->points);
    const double v[] = {a, b, a / tsc_hz * 1e9, b / tsc_hz * 1e9,
                        !valid ? NAN : a > 0 ? ceil(9.0 * a / b) : 0.0,
                        valid ? f->max_residual_pct : NAN};
    static const char *const formats[] = {"%.2f", "%.5f", "%.3f", "%.5f", "%.0f", "%.2f"};
    ab_csv_put_numbers(fp, 6, v, formats);
    fprintf(fp, "%d,", valid);    ab_csv_put_text(fp, reason);
    fputc('\n', fp);
}

static void write_point(FILE *fp, const bench_case *c, const char *distribution, size_t n,
                        const ab_series *s, unsigned rounds, double tsc_hz)
{
    char reason[200] = "";
    if (!s->enough)
        ab_series_reason(reason, sizeof reason, s, rounds);
    else if (!(s->median > 0))
        snprintf(reason, sizeof reason, "time not positive");
    double t = reason[0] ? NAN : s->median;
    ab_case_put_csv(fp, c, distribution);
    fprintf(fp, ",%zu,", n);
    const double v[] = {t, t / (double)n, t / tsc_hz * 1e9, s->dispersion};
    static const char *const formats[] = {"%.1f", "%.5f", "%.2f", "%.2f"};
    ab_csv_put_numbers(fp, 4, v, formats);
    fprintf(fp, "%u,%u,%d,", s->kept, s->reps, reason[0] == '\0');
    ab_csv_put_text(fp, reason);
    fputc('\n', fp);
}

int ab_bench_fit(bench_run *run, int distribution, unsigned rounds, double warmup_ticks)
{
    size_t ns[MAX_POINTS], n_points = 0;
    for (size_t n = 64; n <= (run->opt->quick ? 4096u : 65536u);
         n *= run->opt->quick ? 4 : 2)
        ns[n_points++] = n;
    size_t count = run->n_cases, n_max = ns[n_points - 1];
    ab_series *s = calloc(count, sizeof *s);
    double *samples = calloc(count * rounds, sizeof *samples);
    double *t = calloc(count * n_points, sizeof *t);
    bool *ok = calloc(count * n_points, sizeof *ok);
    float *x = aligned_alloc(64, n_max * sizeof(float)), *y = aligned_alloc(64, (n_max + 80) * sizeof(float));
    float *tangent = aligned_alloc(64, n_max * sizeof(float));
    ab_atomic_file by_n, fits;
    int rc = -1;
    bool open_n = false, open_fit = false;
    if (!s || !samples || !t || !ok || !x || !y || !tangent) {
        fprintf(stderr, "actbench: out of memory\n");
        goto out;
    }
    if (ab_distribution_fill((ab_distribution)distribution, x, tangent, n_max, run->impls,
                             run->n_impls) != 0)
        goto out;
    const char *dist = ab_distribution_name((ab_distribution)distribution);
    const double hz = run->machine->timer.tsc_hz;
    open_n = ab_atomic_open(&by_n, run->opt->output_dir, "performance_by_n.csv");
    if (!open_n)
        goto out;
    fputs("activation,variant,isa,direction,distribution,n,ticks_per_call_median,"
          "ticks_per_elem,ns_per_call,dispersion_mdape_pct,samples_valid,reps,valid,"
          "invalid_reason\n",
          by_n.fp);
    float *y_off = y + 80; /* 320 bytes past x's alignment: no 4K aliasing */
    for (size_t p = 0; p < n_points; p++) {
        if (!run->opt->quiet)
            fprintf(stderr, "actbench: bench fit n = %zu: %zu cases × %u rounds\n", ns[p],
                    count, rounds);
        for (size_t k = 0; k < count; k++) {
            run->cases[k].params.tangent = tangent;
            s[k] = (ab_series){.call = run->cases[k].call, .samples = samples + k * rounds};
        }
        ab_series_run(s, count, &run->pin, x, y_off, ns[p], rounds, warmup_ticks);
        for (size_t k = 0; k < count; k++) {
            t[k * n_points + p] = s[k].median;
            ok[k * n_points + p] = s[k].enough;
            write_point(by_n.fp, &run->cases[k], dist, ns[p], &s[k], rounds, hz);
        }
    }
    open_fit = ab_atomic_open(&fits, run->opt->output_dir, "performance_fit.csv");
    if (!open_fit)
        goto out;
    fputs("activation,variant,isa,direction,distribution,n_min,n_max,points,call_ticks,"
          "elem_ticks,call_ns,elem_ns,n_overhead_under_10pct,max_residual_pct,valid,"
          "invalid_reason\n",
          fits.fp);
    double floor_b[2] = {NAN, NAN}; /* [0] store-only, [1] copy */
    for (size_t k = 0; k < count; k++)
        if (run->cases[k].impl == NULL) {
            fit_result f = fit_case(ns, t + k * n_points, ok + k * n_points, n_points);
            int copy = run->cases[k].floor_kind >= AB_FLOOR_COPY;
            if (f.points >= MIN_POINTS && f.b > 0)
                floor_b[copy] = fmin(floor_b[copy], f.b);
        }
    for (size_t k = 0; k < count; k++) {
        if (run->cases[k].is_floor)
            continue;
        fit_result f = fit_case(ns, t + k * n_points, ok + k * n_points, n_points);
        write_fit_row(fits.fp, &run->cases[k], dist, &f, ns, n_points,
                      floor_b[!run->cases[k].store_only], hz);
    }
    rc = ab_atomic_commit(&by_n) && ab_atomic_commit(&fits) ? 0 : -1;
    open_n = open_fit = false;
out:
    if (open_n)
        ab_atomic_abort(&by_n);
    if (open_fit)
        ab_atomic_abort(&fits);
    free(s);
    free(samples);
    free(t);
    free(ok);
    free(x);
    free(y);
    free(tangent);
    return rc;
}
