/*
 * A figure's cell that straddles one grid point G (metrics_internal.h): the
 * enclosure of |y - f| says only that the figure lies within a rounding
 * step of G. Where y is one value and f a constant plus a tiny term (an
 * approximation's 0.5 + 2^-7 against sigmoid(x) = 1/2 + x/4 at tiny x),
 * every input's figure sits that close to the same G, and each one was
 * settled in MPFR. Here the side of G is decided exactly instead:
 *
 *   figure <= G  <=>  s (y - v - t) <= G (a |v + t| + b)
 *
 * with s the known sign of y - f, f = v + t, and (a, b) = (0, 1) for the
 * absolute error, (1, 0) for the relative one, (0, U(f)) for the ULP one.
 * Both sides are linear in t, so the sign of their difference at the two
 * ends of t's interval decides every t between. Each end's difference is
 * a sum of at most seven doubles (the products split exactly by fma),
 * whose sign an exact expansion sum gives. Undecided (a sign change, a
 * product that could underflow, no known sign) leaves the cell as it is,
 * for MPFR.
 */
#include <math.h>

#include "sweep/metrics_internal.h"
#include "sweep/quantize.h"

/* Below this a product's fma residual may be inexact (subnormal). */
#define PRODUCT_MIN 0x1p-960

/* The sign of x[0] + ... + x[n-1], exactly: the terms are added into a
 * non-overlapping expansion (each step a TwoSum), whose largest non-zero
 * component has the sign of the whole. */
static int sign_of_sum(const double *x, int n)
{
    double h[8];
    int m = 0;
    for (int k = 0; k < n; k++) {
        double q = x[k];
        for (int j = 0; j < m; j++) {
            double s = q + h[j], bb = s - q;
            double err = (q - (s - bb)) + (h[j] - bb);
            h[j] = err;
            q = s;
        }
        h[m++] = q;
    }
    for (int j = m - 1; j >= 0; j--)
        if (h[j] != 0)
            return h[j] > 0 ? 1 : -1;
    return 0;
}

/* Appends g * w exactly as two terms; false if that may be inexact. */
static bool push_product(double *terms, int *n, double g, double w)
{
    double p = g * w;
    if (w != 0 && !(fabs(p) >= PRODUCT_MIN && fabs(p) < INFINITY))
        return false;
    terms[(*n)++] = p;
    terms[(*n)++] = fma(g, w, -p);
    return true;
}

/* The sign of G (a sf (v + t) + b) - s (y - v - t) at one end t, or 2 when
 * it cannot be told exactly. */
static int end_sign(const mref *r, double y, int s, int sf, double g, bool rel, double gb,
                    double t)
{
    double terms[8];
    int n = 0;
    if (rel && !(push_product(terms, &n, sf * g, r->v) && push_product(terms, &n, sf * g, t)))
        return 2;
    if (!rel)
        terms[n++] = gb;
    terms[n++] = -s * y;
    terms[n++] = s * r->v;
    terms[n++] = s * t;
    return sign_of_sum(terms, n);
}

/* An end that stands for "just beyond v" (+-2^-1074, decide.c) bounds t
 * only as an open end at 0; the closed interval up to 0 contains t. */
static double closed_end(double t)
{
    return fabs(t) == 0x1p-1074 ? 0.0 : t;
}

void ab_exh_metrics_straddle(const mref *r, double y, int side, int metric, double *lo,
                             double *hi)
{
    bool ulp = metric == M_ULP || metric == M_FTZ_ULP, rel = metric == M_REL;
    double g = *lo;
    /* one grid point between: Q's grid, or Q_rel's (Q's scaled by 2^-240) */
    double next = ulp ? ab_exh_next_grid_point(g) : ab_exh_next_grid_point(g * 0x1p240) * 0x1p-240;
    double floor = ulp ? AB_EXH_ULP_FLOOR : AB_EXH_REL_FLOOR;
    if (side == 0 || !(g > floor) || next != *hi || r->kind != MREF_VALUE || !isfinite(y))
        return;
    double gb = 0;
    if (ulp) {
        if (r->inv_unit == 0)
            return;
        gb = g / r->inv_unit; /* a power of 2 times g: exact */
        if (!(gb >= PRODUCT_MIN && gb < INFINITY))
            return;
    } else if (!rel) {
        gb = g;
    }
    int sf = r->v + r->tmid > 0 ? 1 : -1; /* f's sign: a normal output's |f| >= fabs_lo > 0 */
    if (rel && !(r->fabs_lo > 0))
        return;
    int at_lo = end_sign(r, y, side, sf, g, rel, gb, closed_end(r->tlo));
    int at_hi = end_sign(r, y, side, sf, g, rel, gb, closed_end(r->thi));
    if (at_lo >= 0 && at_lo != 2 && at_hi >= 0 && at_hi != 2)
        *hi = g; /* figure <= G, and above the grid point before (the cell's lower end) */
    else if (at_lo < 0 && at_hi < 0)
        *lo = next;
}
