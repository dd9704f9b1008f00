/* softmax, avx2-online: pass 1 computes the max and S = 1 + R, R the sum of
 * e^(x_j - m) over the non-maximum entries, together, per lane in binary64,
 * rescaling when the max grows (two exps per element; row_online in
 * avx2_row.h); pass 2 writes e^(x_i - m)/S computed in
 * binary64 and rounded once: error 0.5 ULP + about (n + 4)*2^-45 relative.
 * Reads x twice instead of three times (two-pass variant), at the price of
 * the rescaling exps. JVP: same as the two-pass variant (row_jvp in
 * avx2_row.h). Row NaN conventions of reference/ref_softmax.c. In place:
 * pass 2 reads x[i] before writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row avx2-online
 * of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "avx2_row.h"

void AB_KERNEL(ab_softmax_avx2_online_forward)(const float *x, float *y, size_t n, const ab_params *p)
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
    __m256d md = _mm256_set1_pd(m), inv = _mm256_set1_pd(1.0 / (1.0 + rest));
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        e.lo = _mm256_mul_pd(e.lo, inv);
        e.hi = _mm256_mul_pd(e.hi, inv);
        row_store(y, i, n, abv_narrow(e));
    }
    abv_mxcsr_leave(csr);
}

void AB_KERNEL(ab_softmax_avx2_online_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    row_jvp(x, p->tangent, y, n, true);
    abv_mxcsr_leave(csr);
}
