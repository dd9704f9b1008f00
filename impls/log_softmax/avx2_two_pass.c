/* log_softmax, avx2-two-pass: pass 1 the row max m (binary32, 8-wide),
 * pass 2 R = sum over j != k of e^(x_j - m) in binary64 (k the first
 * maximum, so S = 1 + R and log S = log1p(R) keeps its relative accuracy
 * when one entry dominates), then y_i = (x_i - m) - log1p(R) in binary64,
 * rounded once (d_i <= 0 <= log S: no cancellation): error 0.5 ULP + about
 * n*2^-45 relative. Masked entries (-inf) give -inf; a dominant maximum
 * gives -log1p(R), -0 when it underflows, +0 when every other entry is
 * masked (R = 0), as the reference defines. JVP: centred_i/S (row_jvp in
 * ../softmax/avx2_row.h). In place: the output pass reads x[i] before
 * writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row avx2-two-pass of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "softmax/avx2_row.h"

/* y_i = (x_i - m) - log_s, binary64, one rounding. */
static void log_softmax_write(const float *x, float *y, size_t n, double m, double log_s)
{
    __m256d md = _mm256_set1_pd(m), ld = _mm256_set1_pd(log_s);
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 d = abv_widen(row_load(x, i, n));
        d.lo = _mm256_sub_pd(_mm256_sub_pd(d.lo, md), ld);
        d.hi = _mm256_sub_pd(_mm256_sub_pd(d.hi, md), ld);
        row_store(y, i, n, abv_narrow(d));
    }
}

void AB_KERNEL(ab_log_softmax_avx2_two_pass_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    double m;
    if (!row_max(x, n, &m)) {
        row_fill_nan(y, n);
        abv_mxcsr_leave(csr);
        return;
    }
    size_t top = 0;
    while (x[top] != (float)m)
        top++;
    __m256d md = _mm256_set1_pd(m), r = _mm256_setzero_pd();
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        if (top - i < 8) { /* this block holds the maximum: leave it out */
            double lanes[8];
            _mm256_storeu_pd(lanes, e.lo);
            _mm256_storeu_pd(lanes + 4, e.hi);
            lanes[top - i] = 0.0;
            e.lo = _mm256_loadu_pd(lanes);
            e.hi = _mm256_loadu_pd(lanes + 4);
        }
        r = _mm256_add_pd(r, _mm256_add_pd(e.lo, e.hi));
    }
    double rest = row_hsum_pd(r);
    log_softmax_write(x, y, n, m, log1p(rest));
    abv_mxcsr_leave(csr);
}

void AB_KERNEL(ab_log_softmax_avx2_two_pass_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    row_jvp(x, p->tangent, y, n, false);
    abv_mxcsr_leave(csr);
}
