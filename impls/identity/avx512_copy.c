/* identity, avx512-copy: identity/vec_copy.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: a bitwise copy; derivative 1, NaN for
 * NaN. Exact: 0 ULP.
 * Its outputs equal those of the avx2-copy variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Port bound: 1.81× forward (derivative 1.28×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.136 cycles/element, at
 * the memory floor: the harness's fastest copy floor of the same run is 0.126 cycles/element
 * (32 bytes stored a cycle), and the icelake-server model that gives the bound stores 64 bytes
 * a cycle. Nothing in the kernel to close.
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
