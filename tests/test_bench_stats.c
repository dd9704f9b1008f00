/* The benchmark's arithmetic, without timing anything: medians and
 * dispersion skip discarded (NaN) samples, the weighted line fit recovers
 * an exact line, the outlier rule drops only samples over 1.5 x the median,
 * and the input distributions have the moments and the tails they claim. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench/distributions.h"
#include "bench/protocol.h"
#include "common/stats.h"
#include "check.h"

static void check_stats(void)
{
    double v[] = {3, NAN, 1, 2, NAN, 4};
    CHECK(ab_stats_median(v, 6) == 2.5, "median %g", ab_stats_median(v, 6));
    CHECK(ab_stats_min(v, 6) == 1, "min %g", ab_stats_min(v, 6));
    double all_nan[] = {NAN, NAN};
    CHECK(isnan(ab_stats_median(all_nan, 2)), "median of nothing is a number");
    double flat[] = {10, 10, 11, 9};
    CHECK(fabs(ab_stats_mdape_pct(flat, 4) - 5.0) < 1e-12, "MdAPE %g",
          ab_stats_mdape_pct(flat, 4));

    double x[] = {64, 128, 256, 512, 1024}, y[5], w[5];
    for (int i = 0; i < 5; i++) {
        y[i] = 300 + 0.25 * x[i];
        w[i] = 1 / (y[i] * y[i]);
    }
    double a, b;
    CHECK(ab_stats_fit_line_weighted(x, y, w, 5, &a, &b) == 5, "points");
    CHECK(fabs(a - 300) < 1e-9 && fabs(b - 0.25) < 1e-12, "fit a %g b %g", a, b);
    y[2] = NAN;
    CHECK(ab_stats_fit_line_weighted(x, y, NULL, 5, &a, &b) == 4 && fabs(b - 0.25) < 1e-12,
          "fit with a hole: b %g", b);

    double samples[] = {100, 101, 99, 160, 102, NAN, 149};
    ab_sample_counts counts;
    memset(&counts, 0, sizeof counts);
    CHECK(ab_sample_drop_outliers(samples, 7, &counts) == 5, "kept");
    CHECK(counts.discarded[AB_SAMPLE_OUTLIER] == 1 && isnan(samples[3]) && samples[6] == 149,
          "outlier rule: %u dropped", counts.discarded[AB_SAMPLE_OUTLIER]);
}

static void check_distributions(void)
{
    enum { N = 1 << 16 };
    float *x = malloc(N * sizeof *x), *tangent = malloc(N * sizeof *tangent);
    const ab_impl *impls[1] = {ab_impl_find("sigmoid", "naive")};
    if (x == NULL || tangent == NULL || impls[0] == NULL) {
        CHECK(false, "setup");
        return;
    }
    for (int d = 0; d < AB_DIST_COUNT; d++) {
        CHECK(ab_distribution_fill((ab_distribution)d, x, tangent, N, impls, 1) == 0, "fill %d",
              d);
        double sum = 0, sum2 = 0, lo = INFINITY, hi = -INFINITY;
        size_t tiny = 0, subnormal = 0, large = 0;
        for (size_t i = 0; i < N; i++) {
            CHECK(isfinite(x[i]) && tangent[i] >= -1 && tangent[i] < 1, "element %zu", i);
            sum += x[i];
            sum2 += (double)x[i] * x[i];
            lo = fmin(lo, x[i]);
            hi = fmax(hi, x[i]);
            tiny += fabsf(x[i]) < 0x1p-10f;
            subnormal += x[i] != 0 && fabsf(x[i]) < 0x1p-126f;
            large += fabsf(x[i]) > 100;
        }
        double mean = sum / N, sd = sqrt(sum2 / N - mean * mean);
        const char *name = ab_distribution_name((ab_distribution)d);
        switch (d) {
        case AB_DIST_UNIFORM:
            CHECK(lo >= -10 && hi <= 10 && fabs(mean) < 0.1, "%s: %g..%g mean %g", name, lo, hi,
                  mean);
            break;
        case AB_DIST_POSITIVE:
            CHECK(lo > 0 && hi <= 10 && fabs(mean - 5) < 0.1, "%s: %g..%g", name, lo, hi);
            break;
        case AB_DIST_NORMAL_1:
        case AB_DIST_NORMAL_4: {
            double want = d == AB_DIST_NORMAL_1 ? 1 : 4;
            CHECK(fabs(mean) < 0.05 * want && fabs(sd - want) < 0.02 * want,
                  "%s: mean %g sd %g", name, mean, sd);
            break;
        }
        default: /* tails: a quarter large, a quarter tiny (some subnormal) */
            CHECK(large > N / 8 && tiny > N / 8 && subnormal > N / 64,
                  "%s: %zu large, %zu tiny, %zu subnormal", name, large, tiny, subnormal);
        }
    }
    unsigned mask;
    CHECK(ab_distribution_parse("uniform[-10,10],normal1", &mask) &&
              mask == (1u << AB_DIST_UNIFORM | 1u << AB_DIST_NORMAL_1),
          "full and short names: %#x", mask);
    CHECK(ab_distribution_parse("all", &mask) && mask == (1u << AB_DIST_COUNT) - 1, "all");
    CHECK(!ab_distribution_parse("uniform,", &mask) || mask == 1u << AB_DIST_UNIFORM,
          "trailing comma");
    CHECK(!ab_distribution_parse("cauchy", &mask), "unknown name accepted");
    free(x);
    free(tangent);
}

int main(void)
{
    check_stats();
    check_distributions();
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
