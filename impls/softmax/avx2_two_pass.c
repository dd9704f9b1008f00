/* softmax, avx2-two-pass: pass 1 the row max (binary32, 8-wide); pass 2
 * E_j = e^(x_j - m) in binary64 (exact difference, exp of vec/f64_math.h,
 * relative error 2^-45), stored to y as binary32 and summed in binary64;
 * pass 3 scales y in place by 1/S (binary64 product, rounded once more).
 * Two roundings per element: error <= 1 ULP (+ n*2^-53 relative from the
 * sum); a subnormal E_j keeps its 2^-150 absolute error, still <= 1 ULP of
 * the result since S >= 1. JVP: see row_jvp in avx2_row.h (binary64, one
 * rounding, cancellation-free centring on the first maximum). Row NaN
 * conventions of reference/ref_softmax.c. In place: pass 2 reads x[i]
 * before writing y[i]; pass 3 reads only y.
 * Declared bound (the registry's): forward 1.5 ULP (flush_to_zero), derivative 1 ULP.
 * Measured: row avx2-two-pass of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "avx2_row.h"

void AB_KERNEL(ab_softmax_avx2_two_pass_forward)(const float *x, float *y, size_t n, const ab_params *p)
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
    __m256d md = _mm256_set1_pd(m), s = _mm256_setzero_pd();
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 e = row_exp_shifted(row_load(x, i, n), md);
        s = _mm256_add_pd(s, _mm256_add_pd(e.lo, e.hi));
        row_store(y, i, n, abv_narrow(e));
    }
    __m256d inv = _mm256_set1_pd(1.0 / row_hsum_pd(s));
    for (size_t i = 0; i < n; i += 8) {
        abv_d2 e = abv_widen(i + 8 <= n ? _mm256_loadu_ps(y + i)
                                            : _mm256_maskload_ps(y + i, abv_tail_lanes(n - i)));
        e.lo = _mm256_mul_pd(e.lo, inv);
        e.hi = _mm256_mul_pd(e.hi, inv);
        row_store(y, i, n, abv_narrow(e));
    }
    abv_mxcsr_leave(csr);
}

void AB_KERNEL(ab_softmax_avx2_two_pass_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    if (n == 0)
        return;
    unsigned csr = abv_mxcsr_enter();
    row_jvp(x, p->tangent, y, n, true);
    abv_mxcsr_leave(csr);
}
