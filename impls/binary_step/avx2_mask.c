/* binary_step, avx2-mask: 1 for x >= 0 (-0 included), +0 for x < 0, NaN passed
 * through. Derivative +0 everywhere (the Dirac delta at 0 is not
 * representable), NaN for NaN. Exact. Compares only; abv_apply clears FTZ/DAZ so a negative
 * subnormal still compares below zero.
 * Port bound: 1.18× forward (derivative 0.74×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.251 cycles/element
 * against the znver3 bound 0.213, 2 cycles per iteration. Loop alignment, not ALU ports: the
 * one-vector loop (10 instructions) straddles a 64-byte line in the build (objdump of
 * build/actbench: 0x4d4d8 to 0x4d503), and on this Zen 4 such a loop takes 2 cycles per
 * iteration; the derivative's loop sits in one line and takes 0.11 cycles/element, and the
 * run's copy row takes 0.251 too. Aligning the loop to 64 bytes, or unrolling it
 * as the copy floor (0.126) does, should close it.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx2-mask of
 * results/exhaustive/binary_step.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "binary_step/vec_mask.h"

void AB_KERNEL(ab_binary_step_avx2_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask);
}

void AB_KERNEL(ab_binary_step_avx2_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, binary_step_mask_derivative);
}
