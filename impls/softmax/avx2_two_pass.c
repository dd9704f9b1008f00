/* softmax, avx2-two-pass: pass 1 the row max (binary32, 8-wide); pass 2
 * E_j = e^(x_j - m) in binary64 (exact difference, exp of vec/f64_math.h,
 * relative error 2^-45), stored to y as binary32 and summed in binary64;
 * pass 3 scales y in place by 1/S (binary64 product, rounded once more).
 * Two roundings per element: error <= 1 ULP (+ n*2^-53 relative from the
 * sum); a subnormal E_j keeps its 2^-150 absolute error, still <= 1 ULP of
 * the result since S >= 1. JVP: see row_jvp in vec_row.h (binary64, one
 * rounding, cancellation-free centring on the first maximum). Row NaN
 * conventions of reference/ref_softmax.c. In place: pass 2 reads x[i]
 * before writing y[i]; pass 3 reads only y.
 * Declared bound (the registry's): forward 1.5 ULP (flush_to_zero), derivative 1 ULP.
 * Measured: row avx2-two-pass of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "vec/vec_avx2.h"
#include "softmax/vec_row.h"

void AB_KERNEL(ab_softmax_avx2_two_pass_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    row_run(x, y, n, false, softmax_two_pass);
}

void AB_KERNEL(ab_softmax_avx2_two_pass_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    row_jvp(x, p->tangent, y, n, true);
}
