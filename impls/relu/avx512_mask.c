/* relu, avx512-mask: the masks of relu/vec_mask.h on 16 lanes (AVX-512F/BW/DQ/VL),
 * tails by opmask loads and stores: x where x > 0 or NaN, +0 elsewhere;
 * derivative 1 for x > 0, +0 otherwise, NaN for NaN. Exact: 0 ULP.
 * Its outputs equal those of the avx2-mask variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Port bound: 1.43× forward, 1.89× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles). Forward (0.134
 * cycles/element): at the memory floor: the harness's fastest copy floor of the same run is
 * 0.126 cycles/element (32 bytes stored a cycle), and the icelake-server model that gives the
 * bound stores 64 bytes a cycle. Nothing in the kernel to close. Derivative: two mask
 * compares, two zero-masking moves and an OR per 16 floats: 0.236 cycles/element, 3.8 cycles
 * per vector, hardly faster per element than the avx2 twin (0.251), where both llvm-mca models
 * (icelake-server and znver4) count 2 cycles, the store floor's time; not the loop's
 * alignment, which costs at most 2 cycles per iteration. The mask work is the suspect: one
 * vfixupimmps per vector (a class table: NaN gives x, the other classes 0 or 1) should bring
 * it to the floor, like the one-compare loop.
 * Declared bound (the registry's): forward 0 ULP, derivative 0 ULP. Measured: row avx512-mask
 * of results/exhaustive/relu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "relu/vec_mask.h"

void AB_KERNEL(ab_relu_avx512_mask_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask);
}

void AB_KERNEL(ab_relu_avx512_mask_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, relu_mask_derivative);
}
