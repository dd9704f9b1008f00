/*
 * The grid of reported ULP errors (see sweep.h): Q(err) rounds an error up
 * to a relative step of 2^-20 with a floor of 2^-30, so that every figure
 * derived from Q (max, histogram, counts) can be decided by the fast
 * reference's bound, and the histogram bin of an error by bit operations.
 */
#ifndef ACTBENCH_SWEEP_QUANTIZE_H
#define ACTBENCH_SWEEP_QUANTIZE_H

#define AB_EXH_ULP_FLOOR 0x1p-30  /* smallest non-zero reported error */
#define AB_EXH_ULP_REL_BITS 20    /* grid step 2^-20 relative */

/* Q(err); err >= 0 (NaN and 0 give 0, inf stays inf). */
double ab_exh_quantize(double err);
/* The grid point after g > 0 (Q of the next double). */
double ab_exh_next_grid_point(double g);
/* == ab_hist_bin, by bit operations (it is on the per-case path). */
int ab_exh_hist_bin(double ulp);

#endif
