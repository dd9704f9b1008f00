/* See series.h. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench/series.h"
#include "common/stats.h"
#include "timer.h"

unsigned ab_series_min_valid(unsigned rounds)
{
    unsigned half = rounds / 2 + rounds % 2, need = half > 3 ? half : 3;
    return need < rounds ? need : rounds;
}

void ab_series_run(ab_series *s, size_t count, const ab_pin *pin, const float *x, float *y,
                   size_t n, unsigned rounds, double warmup_ticks)
{
    uint64_t start = ab_timer_start();
    for (unsigned pass = 0;; pass++) {
        for (size_t k = 0; k < count; k++) {
            ab_sample_verdict v;
            ab_sample_counts ignored = {{0}, 0};
            double t = ab_sample_take(&s[k].call, pin, x, y, n, pass == 0 ? 1 : s[k].reps, true,
                                      &v, &ignored);
            if (!isnan(t))
                s[k].reps = ab_sample_reps_for(t);
            else if (pass == 0)
                s[k].reps = 1;
        }
        if (pass >= 1 && (double)(ab_timer_stop() - start) >= warmup_ticks)
            break;
    }
    for (size_t k = 0; k < count; k++)
        memset(&s[k].counts, 0, sizeof s[k].counts);
    for (unsigned r = 0; r < rounds; r++)
        for (size_t k = 0; k < count; k++) {
            ab_sample_verdict v;
            s[k].samples[r] = ab_sample_take(&s[k].call, pin, x, y, n, s[k].reps, true, &v,
                                             &s[k].counts);
        }
    for (size_t k = 0; k < count; k++) {
        s[k].kept = (unsigned)ab_sample_drop_outliers(s[k].samples, rounds, &s[k].counts);
        s[k].enough = s[k].kept >= ab_series_min_valid(rounds);
        s[k].median = ab_stats_median(s[k].samples, rounds);
        s[k].dispersion = ab_stats_mdape_pct(s[k].samples, rounds);
    }
}

void ab_series_reason(char *buf, size_t size, const ab_series *s, unsigned rounds)
{
    ab_sample_reason(buf, size, s->kept, rounds, ab_series_min_valid(rounds), &s->counts);
}
