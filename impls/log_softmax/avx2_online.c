/* log_softmax, avx2-online: one pass computes the max m and R = S - 1 (the
 * sum of e^(x_j - m) over the non-maximum entries) together, per lane in
 * binary64, rescaling when the max grows (row_online in avx2_row.h); the
 * output pass writes (x_i - m) - log1p(R) in binary64, rounded once: error
 * 0.5 ULP + about n*2^-45 relative, also for the maximum's own entry when
 * one entry dominates (-log1p(R) tiny, subnormal or -0). Masked entries
 * (-inf) give -inf. JVP: centred_i/S (row_jvp in
 * ../softmax/avx2_row.h). In place: the output pass reads x[i] before
 * writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row avx2-online of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "softmax/avx2_row.h"

void AB_KERNEL(ab_log_softmax_avx2_online_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    double m, rest;
    if (!row_online(x, n, &m, &rest)) {
        row_fill_nan(y, n);
        abv_mxcsr_leave(csr);
        return;
    }
    __m256d md = _mm256_set1_pd(m), ld = _mm256_set1_pd(log1p(rest));
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 d = abv_widen(row_load(x, i, n));
        d.lo = _mm256_sub_pd(_mm256_sub_pd(d.lo, md), ld);
        d.hi = _mm256_sub_pd(_mm256_sub_pd(d.hi, md), ld);
        row_store(y, i, n, abv_narrow(d));
    }
    abv_mxcsr_leave(csr);
}

void AB_KERNEL(ab_log_softmax_avx2_online_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    row_jvp(x, p->tangent, y, n, false);
    abv_mxcsr_leave(csr);
}
