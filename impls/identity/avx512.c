/* identity, avx512: identity/vec_copy.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: a bitwise copy; derivative 1, NaN for
 * NaN. Exact: 0 ULP.
 * Bound: MEASURED_BOUND */
#include "vec/vec_avx512.h"
#include "identity/vec_copy.h"

void AB_KERNEL(ab_identity_avx512_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy);
}

void AB_KERNEL(ab_identity_avx512_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy_derivative);
}
