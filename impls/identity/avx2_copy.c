/* identity, avx2-copy: y = x bit for bit (NaN payloads kept); derivative 1, NaN
 * for NaN. Exact. The forward
 * loop is a plain 8-wide copy, so it runs at the load/store bound; in-place
 * calls rewrite the same bits.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx2-copy of
 * results/exhaustive/identity.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "identity/vec_copy.h"

void AB_KERNEL(ab_identity_avx2_copy_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy);
}

void AB_KERNEL(ab_identity_avx2_copy_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, identity_copy_derivative);
}
