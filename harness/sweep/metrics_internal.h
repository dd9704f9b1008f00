/*
 * What the error metrics' files share (metrics.c: the cases; metrics_ref.c:
 * the chunk's references): the reference of one input as an interval, the
 * deferred cases of a pair, the worker's buffers, and the outward rounding
 * by one double step that every bound here uses.
 */
#ifndef ACTBENCH_SWEEP_METRICS_INTERNAL_H
#define ACTBENCH_SWEEP_METRICS_INTERNAL_H

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "sweep/bits.h"
#include "sweep/decide.h"
#include "sweep/metrics.h"
#include "sweep/metrics_filter.h"

enum { MREF_VALUE = 0, MREF_NAN, MREF_EXACT };

/* 2^-AB_ERR_RESOLUTION_BITS: differences up to |f| times this count as 0 */
#define RESOLUTION 0x1p-108

typedef struct mref {
    double v, tlo, thi;       /* f in [v + tlo, v + thi] */
    double fabs_lo, fabs_hi;  /* |f| within these (outward) */
    double inv_unit;          /* 1/U(f); 0: not settled */
    double cr;                /* correct rounding of f to the format */
    uint8_t kind, normal;
    double tmid, hw;          /* t's interval as its midpoint and half-width (rounded) */
    double inv_fabs_up;       /* an upper bound of 1/|f| */
    double res_lo;            /* errors up to this are below the resolution: 0 */
    uint8_t exact_v;          /* f == v exactly, as MPFR computes it */
    uint8_t zero_at_v;        /* f == v exactly with a settled unit: y == v has every figure 0 */
    uint8_t f_inf;            /* f = +-inf exactly */
    uint8_t inexact;          /* MPFR-made: MPFR's evaluation was inexact */
    uint16_t const_id;        /* f is the reference's constant number const_id (fastref.h) */
} mref;

/* A case whose figure may be the maximum but is not decided by the bound:
 * settled in MPFR when the block ends, if it still can be (a run of growing
 * errors leaves one: each prunes those it surely exceeds). */
enum { M_ABS, M_REL, M_ULP, M_FTZ_ULP };
#define PENDING_MAX 32
typedef struct pending {
    double lo, hi;
    uint32_t x;
    float y;
    int metric;
    uint16_t const_id;
} pending;
/* A figure settled in MPFR on a constant piece of the reference: any later
 * input of the block with the same constant and the same y has exactly
 * this figure, so it only ties it at a larger input and cannot win. Without
 * it, a constant whose figure lies exactly on a grid point (hardsigmoid'
 * = 1/6 returned as float(1/6): relative error 2^-25) is undecided by any
 * enclosure, and every input of the piece would be settled in MPFR. */
typedef struct settled_const {
    uint16_t const_id; /* 0: none */
    uint32_t y, x;     /* its result and input */
} settled_const;
typedef struct pending_list {
    int n;
    pending c[PENDING_MAX];
    /* Per metric, the largest lower end of a deferred cell (-1: none). A
     * case whose figure is surely below it cannot be the maximum: that
     * deferred case, at a smaller input, reaches at least as far. Without
     * it, a block whose maximum so far is deferred (sigmoid: f = 1 - tail
     * known to ~2^-22 of its error, so cells often straddle a grid point)
     * builds the intervals of nearly every case and defers them. */
    double floor[4];
    settled_const memo[4]; /* per metric; cleared when the block ends */
} pending_list;

struct ab_exh_metrics {
    size_t cap;
    pending_list *pend; /* per pair */
    size_t pend_count;
    mref *ref;
    mpfr_ptr *f;     /* MPFR value of input i, or NULL (evaluated on demand) */
    mpfr_t *pool;    /* the values this file evaluated (fast mode) */
    mpfr_t scratch;
    /* Per input, the bits of the binary32 result y == f exactly (zero_at_v
     * with f a float), else 2^32 (no float's bits): its figures are all 0. */
    uint64_t *zero_key;
    size_t zero_inputs; /* of the chunk with such a key */
    filter_refs fr;     /* the chunk's references for the filter (metrics_filter.h) */
    uint64_t *slow;     /* per pass: the cases for case_default, a bit each */
    bool avx2;          /* the filter's AVX2 version runs here */
};

/* A figure's cell [*lo, *hi] that straddles one grid point, decided
 * exactly where its sign tests can tell (metrics_straddle.c); side: the
 * known sign of y - f (0: unknown, nothing is decided). */
void ab_exh_metrics_straddle(const mref *r, double y, int side, int metric, double *lo,
                             double *hi);

static inline double dfrom(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

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
    double s = -sum_down(-a, -b, strict);
    return s;
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

/* The grid point at or above every value strictly above (strict) or at
 * least (else) lo >= 0: Q's grid points are doubles, so a value above lo is
 * at least the next double, whose Q is then a lower end of the cell. */
static inline double next_double_if(double lo, bool strict)
{
    return strict && lo < INFINITY ? dfrom(dbits(lo) + 1) : lo;
}

#endif
