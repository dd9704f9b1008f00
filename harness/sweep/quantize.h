/*
 * The grid of reported ULP errors (see sweep.h): Q(err) rounds an error up
 * to a relative step of 2^-20 with a floor of 2^-30, so that every figure
 * derived from Q (max, histogram, counts) can be decided by the fast
 * reference's bound, and the histogram bin of an error by bit operations.
 * Q keeps 20 fraction bits of the error's double and rounds the rest up, so
 * powers of 2 (the histogram edges) are grid points and the bin of Q(err)
 * is that of err. Q and the bin are inline: both are on the per-case path.
 */
#ifndef ACTBENCH_SWEEP_QUANTIZE_H
#define ACTBENCH_SWEEP_QUANTIZE_H

#include <math.h>

#include "accuracy_stats.h"
#include "sweep/bits.h"

#define AB_EXH_ULP_FLOOR 0x1p-30  /* smallest non-zero reported error */
#define AB_EXH_ULP_REL_BITS 20    /* grid step 2^-20 relative */

/* Q(err); err >= 0 (NaN and 0 give 0, inf stays inf). */
static inline double ab_exh_quantize(double err)
{
    if (!(err > 0))
        return 0.0;
    if (err <= AB_EXH_ULP_FLOOR)
        return AB_EXH_ULP_FLOOR;
    if (isinf(err))
        return err;
    /* err in [2^e, 2^(e+1)): the grid step there is 2^(e-20), i.e. keep 20
     * fraction bits of the (normal, err > 2^-30) double and round the other
     * 32 up; a carry into the exponent gives the next power of 2, exactly. */
    uint64_t b = dbits(err);
    const uint64_t low = (1ull << (52 - AB_EXH_ULP_REL_BITS)) - 1;
    if (b & low)
        b = (b | low) + 1;
    double q;
    memcpy(&q, &b, sizeof q);
    return q;
}

/* Q_rel: rounds a relative or absolute error up to 20 fraction bits (the
 * grid of Q) with a floor of 2^-200, far below any binary32 figure: 0 stays
 * 0, inf stays inf. */
#define AB_EXH_REL_FLOOR 0x1p-200
static inline double ab_exh_quantize_rel(double err)
{
    if (!(err > 0))
        return 0.0;
    if (err <= AB_EXH_REL_FLOOR)
        return AB_EXH_REL_FLOOR;
    /* Q's grid is the same in every binade: scaled above Q's floor and back
     * (exact: powers of 2, every figure here is below 2^700) */
    return ab_exh_quantize(err * 0x1p240) * 0x1p-240;
}

/* The grid point after g > 0 (Q of the next double). */
double ab_exh_next_grid_point(double g);

/* == ab_hist_bin, by bit operations: bin 0 = [0, 0.5], 1 = (0.5, 1],
 * k >= 2 = (2^(k-2), 2^(k-1)], last = beyond. */
static inline int ab_exh_hist_bin(double ulp)
{
    if (!(ulp > 0.5))
        return 0;
    if (ulp <= 1.0)
        return 1;
    uint64_t b = dbits(ulp);
    int e = (int)(b >> 52) - 1023;
    int k = (b & 0xFFFFFFFFFFFFFull) == 0 ? e + 1 : e + 2;
    return k > AB_HIST_BINS - 1 ? AB_HIST_BINS - 1 : k;
}

#endif
