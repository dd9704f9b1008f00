/* softmax, avx512 online: the row passes of softmax/vec_row.h (softmax_online,
 * row_jvp) on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and
 * stores: the method of the avx2 online variant (its opening comment and
 * vec_row.h give the analysis). Every element goes through the same
 * binary64 arithmetic as there; only the sums (S or R, the JVP's R and
 * W) are split over 16 lanes instead of 8 and so added in another order,
 * which moves the result by about n*2^-53 relative at most: the avx2
 * variant's bound holds, and tests/test_softmax.c holds this variant to it
 * on its row families (random, large-spread, equal, tied, -inf-masked rows,
 * n = 0 .. 1000). Row NaN conventions of reference/ref_softmax.c; works in
 * place.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP (signed_zero_mismatch).
 * Measured: row avx512-online of results/<machine_id>/accuracy.csv (sampled rows).
 */
#include "vec/vec_avx512.h"
#include "softmax/vec_row.h"

void AB_KERNEL(ab_softmax_avx512_online_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    row_run(x, y, n, true, softmax_online);
}

void AB_KERNEL(ab_softmax_avx512_online_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    row_jvp(x, p->tangent, y, n, true);
}
