/* hardswish, avx512-f64-div6: the math of hardswish/vec_f64_div6.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores: PyTorch's
 * x*relu6(x + 3)/6 in binary64, low*(min(low, 3) + 3)/6, low = max(x, -3)
 * by mask, t/6 by FMA (Markstein), rounded once to binary32; derivative
 * (2x + 3)/6 in binary64 on [-3, 3]. No estimate instruction.
 * Its outputs equal those of the avx2-f64-div6 variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Port bound: 1.84× forward, 1.79× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.72 and 1.34
 * cycles/element. Partly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.25 and 0.88 cycles/element (1.38× and 1.53×). Not
 * isolated further: that model simulates 1.35 and 0.96 cycles/element, below the measured
 * time. The suspect is the binary64 path, each 16 floats widened to two 8-double halves and
 * narrowed back (four lane-crossing conversions); hardswish's float path avx512-f32-split6
 * runs 1.12× its bound forward. A float path should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx512-f64-div6 of results/exhaustive/hardswish.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "hardswish/vec_f64_div6.h"

void AB_KERNEL(ab_hardswish_avx512_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6);
}

void AB_KERNEL(ab_hardswish_avx512_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardswish_f64_div6_derivative);
}
