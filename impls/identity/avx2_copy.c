/* identity, avx2-copy: y = x bit for bit (NaN payloads kept); derivative 1, NaN
 * for NaN. Exact. The forward
 * loop is a plain 8-wide copy, so its floor is the load/store bound; in-place
 * calls rewrite the same bits.
 * Port bound: 1.88× forward (derivative 0.73×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.235 cycles/element
 * against the znver3 bound 0.125. A memory loop, not ALU ports: the run's copy row, the same
 * one-vector load/store loop, takes 0.251 cycles/element, and the harness's four-vector
 * unrolled copy floor moves the same bytes at 0.126. What holds this loop at half the floor's
 * rate on this Zen 4 was not isolated (both llvm-mca models simulate 0.14-0.16; identity's
 * avx2-copy derivative, also one vector per iteration, runs at 0.110); unrolling by four, as
 * the floor does, is the change to try.
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
