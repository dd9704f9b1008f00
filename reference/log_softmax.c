/*
 * log_softmax x_i - log Σ_j e^(x_j) over one row, and its Jacobian-vector
 * product v_i - Σ_j s_j v_j: MPFR reference. The row machinery is
 * softmax's (reference/softmax.c): d_i - log S with d_i = x_i - max exact,
 * no cancellation, and the JVP N_i / S with N_i decided exactly at zero.
 */
#include "ref_internal.h"

static bool log_softmax_row(ab_direction dir, const float *x, const float *v, size_t n,
                            mpfr_t *out)
{
    return ab_ref_softmax_family(true, dir, x, v, n, out);
}

const ab_ref_activation ab_ref_log_softmax = {.row = log_softmax_row};
