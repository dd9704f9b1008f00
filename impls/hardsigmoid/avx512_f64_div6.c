/* hardsigmoid, avx512-f64-div6: hardsigmoid/vec_div6.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: min(max(x + 3, 0), 6)/6 in
 * binary64, t/6 correctly rounded by FMA (Markstein), one rounding to
 * binary32: correctly rounded. Derivative 1/6 on (-3, 3), +0 elsewhere.
 * Its outputs equal those of the avx2-f64-div6 variant bit for bit (the same
 * operations on wider vectors; compared on every 7th binary32 bit pattern),
 * so it declares that variant's bound.
 * Port bound: 1.70× forward (derivative 1.25×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.17 cycles/element.
 * Partly the model: the bound uses llvm-mca 14's icelake-server model (two 512-bit FMAs and
 * one 64-byte store a cycle); Zen 4 runs 512-bit operations through its 256-bit pipes, and
 * llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512
 * znver4) puts the forward loop at 0.75 cycles/element (1.56×). Not isolated further: that
 * model simulates 0.87 cycles/element, below the measured time. The suspect is the binary64
 * path, each 16 floats widened to two 8-double halves and narrowed back (four lane-crossing
 * conversions); hardswish's float path avx512-f32-split6 runs 1.12× its bound. A float path
 * should close it.
 * Declared bound (the registry's): forward 0.5 ULP, derivative 0.5 ULP. Measured: row
 * avx512-f64-div6 of results/exhaustive/hardsigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "hardsigmoid/vec_div6.h"

void AB_KERNEL(ab_hardsigmoid_avx512_f64_div6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6);
}

void AB_KERNEL(ab_hardsigmoid_avx512_f64_div6_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, hardsigmoid_div6_derivative);
}
