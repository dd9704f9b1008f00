/*
 * Directed roundings for the sweep's error bounds (decide.c, metrics*.c):
 * one double step outward where the exactness of a step is not known, and
 * none where TwoSum or an fma residual shows the step exact. Every function
 * returns a bound of the exact value of its operation on its (exact)
 * arguments; the strict variants also tell whether the exact value lies
 * strictly beyond the bound.
 */
#ifndef ACTBENCH_SWEEP_DIRECTED_H
#define ACTBENCH_SWEEP_DIRECTED_H

#include <math.h>
#include <stdbool.h>

#include "sweep/bits.h"

/* A lower bound of the exact value whose round-to-nearest is x (x finite):
 * one double step toward -inf, except that a positive x stays positive
 * (RN(t) > 0 implies t > 0; at 2^-1074 the bound may exceed t by less than
 * 2^-1075, far below every floor the figures are reported with). */
static inline double down(double x)
{
    if (x == 0)
        return -0x1p-1074;
    if (x == 0x1p-1074)
        return x;
    return dfrom(x > 0 ? dbits(x) - 1 : dbits(x) + 1);
}

static inline double up(double x) { return -down(-x); }

/* Directed roundings that know when no step is needed. Each returns a bound
 * of the exact value and tells, in *strict, whether the exact value lies
 * strictly beyond it; a result exactly on a grid point of the figures (y a
 * constant such as 0.5 + 2^-7 against f = 1/2 + x/4 at tiny x) then
 * quantizes to that point instead of straddling it, where the one-step
 * roundings above left a cell that only MPFR could settle. */

/* a + b from below: TwoSum's error is exact (finite a, b), and its sign
 * tells on which side RN(a + b) lies; a NaN error (an infinite sum) takes
 * the step. */
static inline double sum_down(double a, double b, bool *strict)
{
    double s = a + b, bb = s - a;
    double err = (a - (s - bb)) + (b - bb);
    *strict = err != 0;
    return err >= 0 ? s : down(s);
}

static inline double sum_up(double a, double b, bool *strict)
{
    return -sum_down(-a, -b, strict);
}

/* Below 2^-1000 the residuals of fma may underflow: the one-step rounding. */
#define EXACT_TEST_MIN 0x1p-1000

/* a * b from above (a, b >= 0): fma gives a * b - p exactly. */
static inline double mul_up(double a, double b)
{
    double p = a * b;
    if (!(p >= EXACT_TEST_MIN))
        return up(p);
    return fma(a, b, -p) > 0 ? up(p) : p;
}

/* a * b from below (a, b >= 0), strict as sum_down; *strict enters as
 * whether a itself is a strict lower bound. */
static inline double mul_down(double a, double b, bool *strict)
{
    double p = a * b;
    if (!(p >= EXACT_TEST_MIN) || isinf(p)) {
        *strict = true;
        return down(p);
    }
    double r = fma(a, b, -p);
    *strict = *strict || r != 0;
    return r < 0 ? down(p) : p;
}

/* a / b from above (a >= 0, b > 0): q b - a exactly by fma. */
static inline double div_up(double a, double b)
{
    double q = a / b;
    if (!(q >= EXACT_TEST_MIN) || isinf(q))
        return up(q);
    return fma(q, b, -a) < 0 ? up(q) : q;
}

/* a / b from below (a >= 0, b > 0), strict as mul_down. */
static inline double div_down(double a, double b, bool *strict)
{
    double q = a / b;
    if (!(q >= EXACT_TEST_MIN) || isinf(q)) {
        *strict = true;
        return down(q);
    }
    double r = fma(q, b, -a);
    *strict = *strict || r != 0;
    return r > 0 ? down(q) : q;
}

/* |y - f| within [lo, hi] for f = v + t, t in [tlo, thi]; lo_strict: the
 * error lies strictly above lo (see sum_down); side: the sign of y - f
 * where the bounds prove it, else 0 (then lo = 0). */
typedef struct diff_bounds {
    double lo, hi;
    bool lo_strict;
    int side;
} diff_bounds;

/* y - v == s + e exactly (TwoSum), then (s + e) - t at t's two ends by
 * directed sums. y == f exactly is the caller's test (s, e and t all 0). */
static inline diff_bounds abs_diff_bounds(double y, double v, double tlo, double thi)
{
    double s = y - v, bb = s - y;
    double e = (y - (s - bb)) + (-v - bb);
    bool in_lo, out_lo, in_hi, out_hi;
    double w_lo = sum_down(e, -thi, &in_lo), w_hi = sum_up(e, -tlo, &in_hi);
    double d_lo = sum_down(s, w_lo, &out_lo), d_hi = sum_up(s, w_hi, &out_hi);
    if (d_lo > 0)
        return (diff_bounds){d_lo, d_hi, in_lo || out_lo, 1};
    if (d_hi < 0)
        return (diff_bounds){-d_hi, -d_lo, in_hi || out_hi, -1};
    return (diff_bounds){0, fmax(-d_lo, d_hi), false, 0};
}

/* The grid point at or above every value strictly above (strict) or at
 * least (else) lo >= 0: Q's grid points are doubles, so a value above lo is
 * at least the next double, whose Q is then a lower end of the cell. */
static inline double next_double_if(double lo, bool strict)
{
    return strict && lo < INFINITY ? dfrom(dbits(lo) + 1) : lo;
}

#endif
