/* identity, avx512-copy: identity/vec_copy.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: a bitwise copy; derivative 1, NaN for
 * NaN. Exact: 0 ULP.
 * Its outputs equal those of the avx2-copy variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx512-copy
 * of results/exhaustive/identity.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "identity/vec_copy.h"

void AB_KERNEL(ab_identity_avx512_copy_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy);
}

void AB_KERNEL(ab_identity_avx512_copy_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy_derivative);
}
