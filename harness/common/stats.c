/* See stats.h. Sorting copies is fine: samples number in the tens. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/stats.h"

static int compare_nan_last(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    if (isnan(a) || isnan(b))
        return isnan(a) - isnan(b);
    return (a > b) - (a < b);
}

size_t ab_stats_sort(double *v, size_t n)
{
    qsort(v, n, sizeof *v, compare_nan_last);
    size_t k = 0;
    while (k < n && !isnan(v[k]))
        k++;
    return k;
}

double ab_stats_median(const double *v, size_t n)
{
    if (n == 0)
        return NAN;
    double *s = malloc(n * sizeof *s);
    if (s == NULL)
        return NAN;
    memcpy(s, v, n * sizeof *s);
    size_t k = ab_stats_sort(s, n);
    double m = k == 0 ? NAN : k % 2 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
    free(s);
    return m;
}

double ab_stats_min(const double *v, size_t n)
{
    double m = NAN;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]) && (isnan(m) || v[i] < m))
            m = v[i];
    return m;
}

double ab_stats_mdape_pct(const double *v, size_t n)
{
    double med = ab_stats_median(v, n);
    if (!(med > 0))
        return NAN;
    double *dev = malloc(n * sizeof *dev);
    if (dev == NULL)
        return NAN;
    for (size_t i = 0; i < n; i++)
        dev[i] = isnan(v[i]) ? NAN : fabs(v[i] - med) / med * 100.0;
    double m = ab_stats_median(dev, n);
    free(dev);
    return m;
}

size_t ab_stats_fit_line_weighted(const double *x, const double *y, const double *w, size_t n,
                                  double *a, double *b)
{
    double sw = 0, sx = 0, sy = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(y[i])) {
            double wi = w ? w[i] : 1.0;
            sw += wi;
            sx += wi * x[i];
            sy += wi * y[i];
            k++;
        }
    *a = *b = NAN;
    if (k < 2 || !(sw > 0))
        return k;
    double mx = sx / sw, my = sy / sw, sxx = 0, sxy = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(y[i])) {
            double wi = w ? w[i] : 1.0;
            sxx += wi * (x[i] - mx) * (x[i] - mx);
            sxy += wi * (x[i] - mx) * (y[i] - my);
        }
    if (sxx > 0) {
        *b = sxy / sxx;
        *a = my - *b * mx;
    }
    return k;
}
