/* The building blocks of the fast references (reference/<activation>.c),
 * under the error model stated in reference/fastref.c: u = 2^-53 per double
 * operation, EPS = 2^-49 per glibc exp/expm1/log1p/tanh/erfc, the returned
 * err = 2 * (first-order bound) + TINY. Shared by the reference/ files only;
 * static inline because the exhaustive sweep calls them for every input. */
#ifndef ACTBENCH_FASTREF_INTERNAL_H
#define ACTBENCH_FASTREF_INTERNAL_H

#include <math.h>
#include <stdbool.h>

#include "actbench/fastref.h"

#define U 0x1p-53
#define EPS 0x1p-49
#define TINY 0x1p-900

static inline void set(ab_fastref_value *o, double v, double first_order_err, int sign)
{
    o->value = v;
    o->tail = 0.0;
    o->err = 2.0 * first_order_err + TINY;
    o->sign = sign;
    o->tail_sign = 0;
    o->const_id = 0;
}

/* f = anchor + tail, the error bound being on the tail alone. */
static inline void set_anchored(ab_fastref_value *o, double anchor, double tail,
                                double first_order_err, int sign)
{
    o->value = anchor;
    o->tail = tail;
    o->err = 2.0 * first_order_err + TINY;
    o->sign = sign;
    o->tail_sign = 0;
    o->const_id = 0;
}

/* The same, when f - anchor is known to be nonzero with the sign tail_sign
 * (f < 1 for sigmoid, f > x for softplus...): that knowledge survives where
 * the tail underflows in double or is smaller than err, and tells the sweep
 * that y == anchor is not exact and on which side of a power of 2 f lies. */
static inline void set_anchored_signed(ab_fastref_value *o, double anchor, double tail,
                                       double first_order_err, int sign, int tail_sign)
{
    set_anchored(o, anchor, tail, first_order_err, sign);
    o->tail_sign = tail_sign;
}

/* sigma(z) - 1/2 for |z| < 2^-12: z/4 - z^3/48, truncation below
 * |z|^5/480 (alternating series with decreasing terms), rounding 2u
 * relative; an error ez in z adds ez/4 (sigma' <= 1/4). */
static inline double logistic_small_tail(double z, double ez, double *err)
{
    double t = z * 0.25 - z * z * z / 48.0;
    *err = EPS * fabs(t) + fabs(z * z * z * z * z) / 480.0 + 0.25 * ez;
    return t;
}

static inline void exact(ab_fastref_value *o, double v)
{
    o->value = v;
    o->tail = 0.0;
    o->err = 0.0;
    o->sign = 0;
    o->tail_sign = 0;
    o->const_id = 0;
}

static inline int sign_of(double v)
{
    return (v > 0) - (v < 0);
}

/* The exact product a*x as value + error (fma gives the rounding error of a
 * double product exactly), for the linear pieces with a double slope. */
static inline void exact_product(ab_fastref_value *o, double a, double x)
{
    double p = a * x;
    o->value = p;
    o->tail = 0.0;
    o->err = fabs(fma(a, x, -p));
    o->sign = sign_of(p);
    o->tail_sign = 0;
    o->const_id = 0;
}

/* s = sigma(z) and c = sigma(-z) = 1 - s without cancellation, each with
 * relative error <= 3 EPS for an exact z: e = exp(-|z|) (EPS), 1 + e
 * (<= EPS + u since e <= 1), one division (u). */
static inline void logistic_pair(double z, double *s, double *c)
{
    double e = exp(-fabs(z));
    double d = 1.0 + e;
    if (z >= 0) {
        *s = 1.0 / d;
        *c = e / d;
    } else {
        *s = e / d;
        *c = 1.0 / d;
    }
}

/* z = beta*x and the absolute error of that product (0 when beta = 1). */
static inline double scaled_arg(double beta, double x, double *z_err)
{
    double z = beta * x;
    *z_err = fabs(fma(beta, x, -z));
    return z;
}

/* ---- sigmoid: R = 3 EPS (logistic_pair). Anchors, so that the binade and
 * the rounding of values next to a power of 2 are decided: for
 * |z| < 2^-12, sigma(z) = 1/2 + z/4 - z^3/48 with a truncation error below
 * |z|^5/480 (alternating series with decreasing terms) and the tail's own
 * rounding (2u relative); for z > 0, sigma(z) = 1 - sigma(-z) with the
 * 3 EPS bound on the tail. Used by sigmoid and by softplus' (exact z). */
static inline void logistic_anchored(double z, ab_fastref_value *o)
{
    double s, c;
    if (fabs(z) < 0x1p-12) {
        double err, t = logistic_small_tail(z, 0.0, &err);
        set_anchored_signed(o, 0.5, t, err, +1, sign_of(z));
        return;
    }
    logistic_pair(z, &s, &c);
    if (z > 0)
        set_anchored_signed(o, 1.0, -c, 3 * EPS * c, +1, -1);
    else
        set(o, s, 3 * EPS * s, +1);
}

/* a*expm1(x) for tiny x < 0 (|x| < 2^-12): a*x as its rounded product
 * (value) + the exact fma residual + a(x^2/2 + x^3/6) (truncation below
 * |a| x^4/23; x^2 exact, 4u on the rest). Used by elu and selu. */
static inline void scaled_expm1_tiny(ab_fastref_value *o, double a, double x)
{
    double v = a * x, x2 = x * x;
    double poly = a * (0.5 * x2 + x2 * x / 6.0);
    double tl = fma(a, x, -v) + poly;
    set_anchored_signed(o, v, tl, 4 * U * (fabs(poly) + fabs(tl)) + fabs(a) * (x2 * x2) / 23.0,
                        -sign_of(a), 0);
}

#endif
