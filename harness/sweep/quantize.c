/*
 * The grid of reported ULP errors (quantize.h): Q keeps 20 fraction bits of
 * the error's double and rounds the rest up, so powers of 2 (the histogram
 * edges) are grid points and the bin of Q(err) is that of err.
 */
#include <math.h>

#include "accuracy_stats.h"
#include "sweep/bits.h"
#include "sweep/quantize.h"

double ab_exh_quantize(double err)
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

double ab_exh_next_grid_point(double g)
{
    uint64_t b = dbits(g) + 1;
    double n;
    memcpy(&n, &b, sizeof n);
    return ab_exh_quantize(n);
}

/* bin 0 = [0, 0.5], 1 = (0.5, 1], k >= 2 = (2^(k-2), 2^(k-1)], last = beyond. */
int ab_exh_hist_bin(double ulp)
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
