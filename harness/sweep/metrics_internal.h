/*
 * What the error metrics' files share (metrics.c: the cases; metrics_ref.c:
 * the chunk's references): the reference of one input as an interval, the
 * deferred cases of a pair and the worker's buffers; the directed roundings
 * every bound here uses are in directed.h.
 */
#ifndef ACTBENCH_SWEEP_METRICS_INTERNAL_H
#define ACTBENCH_SWEEP_METRICS_INTERNAL_H

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "sweep/bits.h"
#include "sweep/directed.h"
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
    /* The last case on a constant piece whose figures case_default weighed
     * in full (offered, deferred or beaten), and whether its FTZ figure was
     * among them: a later input with the same constant and the same result
     * has the same figures at a larger input, so it can win none of them.
     * Without it, a constant result tying the maximum (leaky_relu' = 0.01
     * returned as 0.01f on x < 0) passes the filter, whose cheap bound lies
     * above a tie, and every input's cells are built and straddled again. */
    settled_const weighed;
    bool weighed_ftz;
    unsigned defers; /* cases deferred so far (a case that deferred none is settled) */
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

#endif
