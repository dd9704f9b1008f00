/* log_softmax, avx2-two-pass: pass 1 the row max m (binary32, 8-wide),
 * pass 2 R = sum over j != k of e^(x_j - m) in binary64 (k the first
 * maximum, so S = 1 + R and log S = log1p(R) keeps its relative accuracy
 * when one entry dominates), then y_i = (x_i - m) - log1p(R) in binary64,
 * rounded once (d_i <= 0 <= log S: no cancellation): error 0.5 ULP + about
 * n*2^-45 relative. Masked entries (-inf) give -inf; a dominant maximum
 * gives -log1p(R), -0 when it underflows, +0 when every other entry is
 * masked (R = 0), as the reference defines. JVP: centred_i/S (row_jvp in
 * ../softmax/vec_row.h). In place: the output pass reads x[i] before
 * writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row avx2-two-pass of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "vec/vec_avx2.h"
#include "softmax/vec_row.h"

void AB_KERNEL(ab_log_softmax_avx2_two_pass_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    row_run(x, y, n, false, log_softmax_two_pass);
}

void AB_KERNEL(ab_log_softmax_avx2_two_pass_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    row_jvp(x, p->tangent, y, n, false);
}
