/* log_softmax, avx2-online: one pass computes the max m and R = S - 1 (the
 * sum of e^(x_j - m) over the non-maximum entries) together, per lane in
 * binary64, rescaling when the max grows (row_online in vec_row.h); the
 * output pass writes (x_i - m) - log1p(R) in binary64, rounded once: error
 * 0.5 ULP + about n*2^-45 relative, also for the maximum's own entry when
 * one entry dominates (-log1p(R) tiny, subnormal or -0). Masked entries
 * (-inf) give -inf. JVP: centred_i/S (row_jvp in
 * ../softmax/vec_row.h). In place: the output pass reads x[i] before
 * writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row avx2-online of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "vec/vec_avx2.h"
#include "softmax/vec_row.h"

void AB_KERNEL(ab_log_softmax_avx2_online_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    row_run(x, y, n, true, log_softmax_write);
}

void AB_KERNEL(ab_log_softmax_avx2_online_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    row_jvp(x, p->tangent, y, n, false);
}
