/* identity, avx2-copy: y = x bit for bit (NaN payloads kept); derivative 1, NaN
 * for NaN. Exact. The forward
 * loop is a plain 8-wide copy, so its floor is the load/store bound; in-place
 * calls rewrite the same bits.
 * Port bound: 1.88× forward (derivative 0.73×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.235 cycles/element
 * against the znver3 bound 0.125. Loop alignment, not ALU ports: in the build of the measured
 * code this one-vector loop straddles a 64-byte line, and on this Zen 4 such a loop takes 2
 * cycles per iteration instead of 1. The same run shows it: the one-vector loops of the
 * derivatives of identity avx2-copy and binary_step avx2-mask sit in one line and take 0.11
 * cycles/element; those of relu avx2-mask (both directions), binary_step avx2-mask's forward,
 * leaky_relu avx2-select's derivative and identity avx2-copy's forward straddle one and take
 * 0.24-0.25, as does the run's copy row (0.251), while the harness's copy floor moves the same
 * bytes at 0.126. Aligning the loop to 64 bytes (gcc -falign-loops=64 for this file), or
 * unrolling it by four as the floor does, should close it.
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
