/* softmax, avx2-online: pass 1 computes the max and S = 1 + R, R the sum of
 * e^(x_j - m) over the non-maximum entries, together, per lane in binary64,
 * rescaling when the max grows (two exps per element; row_online in
 * vec_row.h); pass 2 writes e^(x_i - m)/S computed in
 * binary64 and rounded once: error 0.5 ULP + about (n + 4)*2^-45 relative.
 * Reads x twice instead of three times (two-pass variant), at the price of
 * the rescaling exps. JVP: same as the two-pass variant (row_jvp in
 * vec_row.h). Row NaN conventions of reference/ref_softmax.c. In place:
 * pass 2 reads x[i] before writing y[i].
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row avx2-online
 * of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "vec/vec_avx2.h"
#include "softmax/vec_row.h"

void AB_KERNEL(ab_softmax_avx2_online_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    row_run(x, y, n, true, softmax_online);
}

void AB_KERNEL(ab_softmax_avx2_online_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    row_jvp(x, p->tangent, y, n, true);
}
