/*
 * The error metrics' per-pass filter (metrics.c): which cases of a chunk can
 * reach a maximum so far. The chunk's references are laid out once per
 * direction as arrays (ab_exh_filter_refs), and each implementation's pass
 * tests all its cases against the bars of the four figures, taken at the
 * start of the pass, 4 per step with AVX2 where the CPU has it
 * (metrics_avx2.c), else one by one (metrics_filter.c). The tests are
 * case_default's own (its cheap bound, then ab_exh_filter_loses below),
 * operation for operation in the same order, so a lane it passes is one
 * case_default would count and leave (tests/test_metrics_filter.c).
 */
#ifndef ACTBENCH_SWEEP_METRICS_FILTER_H
#define ACTBENCH_SWEEP_METRICS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sweep/directed.h"
#include "sweep/quantize.h"

/* Per input of the chunk: the fields of the cheap bound abs_upper, and of
 * the bars' tests. An input that the filter must leave to case_default
 * (not a finite value reference) has v = NaN, which fails every test. */
typedef struct filter_refs {
    double *v, *res_lo;
    double *tlo, *thi;  /* f in [v + tlo, v + thi] (tmid and hw as abs_bounds has them) */
    double *fabs_lo;    /* a lower bound of |f| */
    double *uinv;       /* 1/U(f), or inf where the unit is not settled */
    double *inv_fabs;   /* an upper bound of 1/|f| */
    double *zero_v;     /* v where y == v has every figure 0, else NaN */
    int64_t *normal;    /* -1: a normal output, else 0 */
} filter_refs;

/* The bars of the four figures and whether a zero absolute or relative
 * error can still win (none offered yet). An error below the reference's
 * resolution counts as 0 in both (accuracy_stats.h). */
typedef struct filter_bars {
    double abs, ulp, rel, ftz;
    bool abs_unset, rel_unset;
} filter_bars;

/* [lo, hi] around |y - f| (y finite), f in [v + tlo, v + thi], with
 * y == f exactly (an exact reference and that value) made 0 at both ends. */
static inline diff_bounds ab_exh_abs_interval(double y, double v, double tlo, double thi)
{
    diff_bounds a = abs_diff_bounds(y, v, tlo, thi);
    if (y == v && tlo == 0 && thi == 0)
        a.lo = a.hi = 0;
    return a;
}

/* Whether a case with finite y on the value reference (v, res_lo, uinv =
 * 1/U(f) or inf, fabs_lo, normal) can win no figure: each figure's cell,
 * bounded above from the directed interval a of |y - f|
 * (ab_exh_abs_interval), lies at or below its bar, so it ties a case at a
 * smaller input (inputs come in increasing order) or one that is at least
 * that. The cheap bound carries a relative slack of ~2^-48, so an error
 * just below a grid point G held by the maximum passes it: an
 * implementation that returns the float next to x, toward 0, against
 * tanh(x) = x - x^3/3 at tiny x has an error one ULP less ~x^2/3 of one,
 * and every such input tied the maximum of 1 through case_default's cells
 * and sign tests. The directed upper end is then G exactly. A scaled error
 * below 2^-1000 or a reference without |f| > 0 is left to case_default
 * (false); uinv is a power of 2, so the scaling is exact above that. */
static inline bool ab_exh_filter_loses(double y, diff_bounds a, double v, double res_lo,
                                       double uinv, double fabs_lo, bool normal,
                                       const filter_bars *b, bool with_ftz)
{
    if (isnan(v))
        return false;
    double abs_hi = a.hi <= res_lo ? 0.0 : ab_exh_quantize_rel(a.hi);
    if (!(abs_hi <= b->abs))
        return false;
    if (!normal)
        return true;
    double u = a.hi * uinv;
    if (!(u >= EXACT_TEST_MIN && u < INFINITY) || !(fabs_lo > 0) || (y == 0 && !(a.lo > 0)))
        return false;
    double ulp_hi = ab_exh_quantize(u);
    if (!(ulp_hi <= b->ulp) || (with_ftz && !(ulp_hi <= b->ftz)))
        return false;
    /* y = 0: |0 - f| / |f| is 1 exactly (rel_cell), the tie a flushed
     * result repeats input after input */
    double rel_hi = y == 0       ? 1.0
                    : abs_hi == 0 ? 0.0
                                  : ab_exh_quantize_rel(div_up(a.hi, fabs_lo));
    return rel_hi <= b->rel;
}

/* Bit i of slow (n bits, 64 per word) set: case i needs case_default (or
 * the FTZ/DAZ run changed it). Returns the number of normal outputs among
 * the others, which only count. */
uint64_t ab_exh_filter_avx2(const filter_refs *f, const float *ys, const float *y_ftz, size_t n,
                            const filter_bars *b, uint64_t *slow);
/* The same test without AVX2 (metrics_filter.c). */
uint64_t ab_exh_filter_scalar(const filter_refs *f, const float *ys, const float *y_ftz,
                              size_t n, const filter_bars *b, uint64_t *slow);

#endif
