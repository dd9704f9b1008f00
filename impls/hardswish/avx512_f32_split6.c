/* hardswish, avx512-f32-split6: the math of hardswish/vec_f32_split6.h on
 * 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * low*max(0, fma(cap, C_lo, fma(cap, C, 1/2))), then max(min(2^-149, x), .);
 * derivative fma(x, 2, 3)*C clamped outside [-3, 3]. No estimate
 * instruction, so its outputs equal those of avx2-f32-split6 bit for bit
 * (the same operations on wider vectors; compared on every 61st binary32
 * bit pattern, both directions).
 * Port bound: 1.62× derivative (forward 1.12×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.252 cycles/element.
 * The model: the bound uses llvm-mca 14's icelake-server model (two 512-bit FMAs and one
 * 64-byte store a cycle); Zen 4 runs 512-bit operations through its 256-bit pipes, and
 * llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512
 * znver4) puts the derivative loop at 0.250 cycles/element (1.01×). Nothing in the kernel to
 * close.
 * Declared bound (the registry's): forward 1.5 ULP, derivative 1.34 ULP. Measured: row
 * avx512-f32-split6 of results/exhaustive/hardswish.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "vec/apply.h"
#include "hardswish/vec_f32_split6.h"

void AB_KERNEL(ab_hardswish_avx512_f32_split6_forward)(const float *x, float *y, size_t n,
                                                       const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f32_split6);
}

void AB_KERNEL(ab_hardswish_avx512_f32_split6_derivative)(const float *x, float *y, size_t n,
                                                          const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f32_split6_derivative);
}
