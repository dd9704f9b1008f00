/*
 * The grid of reported ULP errors (quantize.h): the step from one grid
 * point to the next (Q and the histogram bin are inline in the header).
 */
#include "sweep/bits.h"
#include "sweep/quantize.h"

double ab_exh_next_grid_point(double g)
{
    uint64_t b = dbits(g) + 1;
    double n;
    memcpy(&n, &b, sizeof n);
    return ab_exh_quantize(n);
}
