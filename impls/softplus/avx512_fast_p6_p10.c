/* softplus, avx512-fast-p6-p10: the math of softplus/vec_fast_p6_p10.h.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "softplus/vec_fast_p6_p10.h"

void AB_KERNEL(ab_softplus_avx512_fast_p6_p10_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    softplus_fast_p6_p10_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx512_fast_p6_p10_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    softplus_fast_p6_p10_derivative_apply(x, y, n, p);
}
